"""Work spread over the machine's cores: parsing many files, and checking many units at once.

Workers are forked, so they inherit what they need (the core tracker, the cache entries already stored) instead of
receiving it. Parsing workers send back each valid model as its cache entry: JSON bytes cost nothing to send and
are stored as they are. Checking workers read and check one unit's plans at once and send back only the unit's
problems, ratings and new cache entries, so the main process never builds every plan's model.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accountability.engine import UnitCheck, check_unit
from accountability.files.read import Loaded, load_bytes, read_raw
from accountability.model.tracker import Tracker
from accountability.problems import Problem
from accountability.speed.cache import entry, key, revive

if TYPE_CHECKING:
    from accountability.speed.runner import FastRunner

Progress = Callable[[int, int], None]
"""Told (files done, files to do) as files are read; it must not print to stdout."""
Told = Callable[[int], None]
"""Told how many more files were just read."""

PARSE_IN_PARALLEL_FROM = 400  # files; below this, starting workers costs more than it saves
CHECK_IN_PARALLEL_FROM = 3000  # plan files; below this, forking workers costs more than it saves
CHUNK = 250

Fresh = tuple[Loaded, str, bytes | None]  # a file's outcome, the key of its bytes, its new cache entry when valid


def _fork() -> multiprocessing.context.BaseContext | None:
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def load(root: Path, paths: list[str], raws: dict[str, bytes | Problem | None], jobs: int, told: Told) -> list[Fresh]:
    """Each file parsed and validated, in the order of `paths`; `raws` are bytes already read, if any."""
    context = _fork()
    if jobs <= 1 or len(paths) < PARSE_IN_PARALLEL_FROM or context is None:
        return list(_told((_fresh(root, p, raws.get(p)) for p in paths), told))
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=gc.disable) as pool:
        sent = (item for chunk in pool.map(_load_chunk, [root] * len(chunks), chunks) for item in chunk)
        return list(_told((_received(item) for item in sent), told))


def _fresh(root: Path, path: str, raw: bytes | Problem | None) -> Fresh:
    raw = read_raw(root, path) if raw is None else raw
    if isinstance(raw, Problem):
        return Loaded(path, None, (raw,)), "", None
    loaded = load_bytes(raw, path)
    valid = loaded.model is not None and not loaded.problems
    return loaded, key(raw, path), entry(loaded) if valid else None


def _load_chunk(root: Path, paths: list[str]) -> list[Fresh | tuple[str, str, bytes, str]]:
    """A valid file travels as (path, kind, entry, key); a file with problems as its `Fresh`."""
    out: list[Fresh | tuple[str, str, bytes, str]] = []
    for path in paths:
        loaded, path_key, value = _fresh(root, path, None)
        model = loaded.model
        out.append(
            (path, model.kind, value, path_key)
            if model is not None and value is not None
            else (loaded, path_key, value)
        )
    return out


def _received(item: Fresh | tuple[str, str, bytes, str]) -> Fresh:
    if isinstance(item[0], Loaded):
        return item
    path, kind, value, path_key = item
    return revive(path, kind, value) or Loaded(path, None, ()), path_key, value


def _told(items: Iterator[Fresh], told: Told) -> Iterator[Fresh]:
    for item in items:
        told(1)
        yield item


def worth_forking(groups: dict[str, list[str]], jobs: int) -> bool:
    return jobs > 1 and sum(map(len, groups.values())) >= CHECK_IN_PARALLEL_FROM and _fork() is not None


@dataclass(frozen=True)
class _Shared:
    """What the checking workers inherit."""

    root: Path
    core: Tracker
    groups: list[tuple[str, list[str]]]
    stored: dict[str, tuple[str, bytes]]
    runner: FastRunner


_SHARED: _Shared | None = None
_Sent = tuple[UnitCheck, list[tuple[str, str, bytes]], dict[str, str]]


def check_units(
    root: Path,
    core: Tracker,
    groups: dict[str, list[str]],
    runner: FastRunner,
    told: Told,
) -> tuple[dict[str, UnitCheck], list[tuple[str, str, bytes]], dict[str, str]]:
    """Each unit read and checked in a worker: its check, and the new cache entries and keys of its files."""
    global _SHARED
    context = _fork()
    assert context is not None, "worth_forking said yes"
    paths = [p for ps in groups.values() for p in ps]
    _SHARED = _Shared(root, core, list(groups.items()), runner.stored_entries(paths), runner)
    checked: dict[str, UnitCheck] = {}
    entries: list[tuple[str, str, bytes]] = []
    keys: dict[str, str] = {}
    try:
        with context.Pool(runner.jobs, initializer=gc.disable) as pool:
            for (unit, unit_paths), (result, new, unit_keys) in zip(
                _SHARED.groups, pool.imap(_check_unit, range(len(_SHARED.groups))), strict=True
            ):
                checked[unit] = result
                entries += new
                keys |= unit_keys
                told(len(unit_paths))
    finally:
        _SHARED = None
    return checked, entries, keys


def _check_unit(index: int) -> _Sent:
    shared = _SHARED
    assert shared is not None, "check_units forks its workers after setting _SHARED"
    unit, paths = shared.groups[index]
    loaded: list[Loaded] = []
    entries: list[tuple[str, str, bytes]] = []
    keys: dict[str, str] = {}
    for path in paths:
        path_key, raw = shared.runner.key_of(shared.root, path)
        keys[path] = path_key
        revived = revive(path, *shared.stored[path_key]) if path_key in shared.stored else None
        if revived is not None:
            loaded.append(revived)
            continue
        result, path_key, value = _fresh(shared.root, path, raw)
        keys[path] = path_key
        loaded.append(result)
        if value is not None and path_key and result.model is not None:
            entries.append((path_key, result.model.kind, value))
    checked = check_unit(shared.root, shared.core, unit, loaded, False, shared.runner.overlay)
    return checked, entries, keys
