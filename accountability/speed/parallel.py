"""Parsing many files, and checking many units' plans, across the machine's cores.

Loading workers parse and validate, and send each valid model back as its cache entry: JSON bytes cost nothing to
send, revive faster than plain data can be pickled and validated, and are stored in the cache as they are. Files
with problems come back as their problems. The results come back in the order of `paths`, so problems and their
positions are exactly those of a single process. Checking needs the whole tracker, so those workers are forked once
it is loaded and inherit it; only their problems come back.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from accountability.checks import PLAN_CHECKS, run_checks
from accountability.files.read import Loaded, load_file
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem
from accountability.speed.cache import entry, revive

PARALLEL_FROM = 400  # below this many files, starting workers costs more than it saves
CHUNK = 250
CHECK_PARALLEL_FROM = 3000  # plans; below this, forking workers costs more than it saves
_FORKED: tuple[Tracker, list[list[Doc[Plan]]], dt.date] | None = None  # what the checking workers inherit


def load_files(root: Path, paths: list[str], workers: int | None = None) -> Iterator[Loaded]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(paths) < PARALLEL_FROM:
        yield from (load_file(root, path) for path in paths)
        return
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=gc.disable) as pool:
        for chunk in pool.map(_load_chunk, [root] * len(chunks), chunks):
            for sent in chunk:
                yield sent if isinstance(sent, Loaded) else _received(root, *sent)


def _load_chunk(root: Path, paths: list[str]) -> list[Loaded | tuple[str, str, bytes, str]]:
    """Each file as (path, kind, entry, key) when valid, else its `Loaded` with the problems."""
    sent: list[Loaded | tuple[str, str, bytes, str]] = []
    for path in paths:
        loaded = load_file(root, path)
        model = loaded.model
        sent.append(
            (path, model.kind, entry(model), loaded.key) if model is not None and not loaded.problems else loaded
        )
    return sent


def _received(root: Path, path: str, kind: str, value: bytes, key: str) -> Loaded:
    model = revive(kind, value)
    return Loaded(path, model, (), value, key) if model is not None else load_file(root, path)


def check_units(
    tracker: Tracker, groups: list[list[Doc[Plan]]], as_of: dt.date, workers: int | None = None
) -> list[list[Problem]]:
    """The plan rules on each group of plans (`Tracker.plans_by_unit`), with the rest of the tracker."""
    global _FORKED
    count = workers if workers is not None else (os.cpu_count() or 1)
    if (
        count <= 1
        or sum(map(len, groups)) < CHECK_PARALLEL_FROM
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [run_checks(tracker.with_plans(plans), as_of, PLAN_CHECKS) for plans in groups]
    _FORKED = (tracker, groups, as_of)
    try:
        with multiprocessing.get_context("fork").Pool(count, initializer=gc.disable) as pool:
            return pool.map(_check_group, range(len(groups)), chunksize=max(1, len(groups) // (4 * count)))
    finally:
        _FORKED = None


def _check_group(index: int) -> list[Problem]:
    assert _FORKED is not None, "check_units forks its workers after setting _FORKED"
    tracker, groups, as_of = _FORKED
    return run_checks(tracker.with_plans(groups[index]), as_of, PLAN_CHECKS)
