"""Parsing many files across the machine's cores.

Workers parse and return plain data, which crosses the process boundary cheaply; the results come back in the
order of `paths`, so problems and their positions are exactly those of a single process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from accountability.load import Parsed, parse_file

PARALLEL_FROM = 400  # below this many files, starting workers costs more than it saves
CHUNK = 250


def parse_files(root: Path, paths: list[str], workers: int | None = None) -> Iterator[Parsed]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(paths) < PARALLEL_FROM:
        yield from (parse_file(root, path) for path in paths)
        return
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=gc.disable) as pool:
        for chunk in pool.map(_parse_chunk, [root] * len(chunks), chunks):
            yield from chunk


def _parse_chunk(root: Path, paths: list[str]) -> list[Parsed]:
    return [parse_file(root, path) for path in paths]
