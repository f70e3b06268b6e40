"""A whole check of a large tracker, unit by unit: each worker reads one unit's plans and checks them at once.

A plan's problems depend only on the core (every document that is not a plan) and on the plans of its own unit
(`accountability.speed.sharded`). So this process loads only the core, then forks workers that inherit it; each worker
reads the plans of one unit (from the cache, or parsed and validated), checks them, and sends back their problems,
their cache entries and their people. This process never builds the plans' models, and the checking costs no
second pass over a loaded tracker.

The plans must be grouped by unit before they are read, so the grouping comes from the suggested layout: a file in
a `plans` folder is a plan, and its name is its person (`2023/plans/2023-05/tran-van-b.yaml`). The layout is only a
convention (FORMAT.md: acct reads the kind, not the path), so each worker confirms what it read: if a file in a
`plans` folder turns out to be another kind of document, or the plan of someone in another unit, the result is
discarded and `sharded` checks the tracker the general way. A file with problems of its own is part of the core
wherever it lies, and is reported as it is.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from accountability.checks import CORE_CHECKS, PLAN_CHECKS, run_checks
from accountability.files.locate import located
from accountability.files.read import Loaded, Progress, file_key, load_bytes, load_file, load_tracker, read_raw
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem
from accountability.speed.cache import Cache, entry, key, revive

UNITWISE_FROM = 3000  # plans; below this, forking workers costs more than it saves
CACHE_BATCH = 500


@dataclass
class Checked:
    """A whole check, in the parts `sharded` keeps: the core's problems, and each unit's plans and problems."""

    core: list[Problem]
    units: dict[str, tuple[list[str], list[Problem]]]  # unit → (its plans' paths in the tracker's order, problems)
    persons: dict[str, str | None]  # each file's person if it is a valid plan, else None (a core file)
    people: dict[str, str] = field(default_factory=dict)  # each person's unit, from org


@dataclass(frozen=True)
class _Shared:
    """What the forked workers inherit."""

    root: Path
    core: Tracker
    groups: list[tuple[str, list[str]]]
    stored: dict[str, tuple[str, bytes]]  # cache entries of the plans, by key
    as_of: dt.date


_SHARED: _Shared | None = None
_Sent = tuple[str, bytes | None] | Loaded  # (person, new cache entry) for a valid plan, else the file's outcome


def check_unitwise(
    root: Path,
    as_of: dt.date,
    paths: list[str],
    keys: dict[str, str],
    store: Cache,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Checked | None:
    """The whole check of the files `paths` (in the tracker's order), or None when the tracker is too small for
    workers or does not follow the layout. `keys` may lack some files' keys (an unread scan): those read are
    filled in."""
    global _SHARED
    count = workers if workers is not None else (os.cpu_count() or 1)
    in_plans = [path for path in paths if _in_plans(path)]
    if count <= 1 or len(in_plans) < UNITWISE_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return None
    core_keys = {path: keys[path] if path in keys else file_key(root, path) for path in paths if not _in_plans(path)}
    keys |= core_keys
    loaded, core_problems = load_tracker(root, cache=True, keys=core_keys, store=store)
    people = {person: found.model.unit for person, found in loaded.people.items()}
    persons: dict[str, str | None] = dict.fromkeys(paths)
    persons |= {doc.path: doc.model.person for doc in loaded.plans}  # plans outside a plans folder
    grouped: dict[str, list[str]] = {}
    for path in paths:  # in the tracker's order, as a whole check sees them (the first of two plans is the original)
        person = _person_by_name(path) if _in_plans(path) else persons[path]
        if person is not None:
            grouped.setdefault(people.get(person, f"?{person}"), []).append(path)
    core = loaded.with_plans([])
    known = [keys[p] for group in grouped.values() for p in group if keys.get(p)]
    _SHARED = _Shared(root, core, list(grouped.items()), store.get_entries(known), as_of)
    try:
        checked = _gather(store, keys, count, sum(map(len, grouped.values())), progress)
    finally:
        _SHARED = None
    if checked is None:
        return None
    checked.core = located(root, core_problems + checked.core + run_checks(core, as_of, CORE_CHECKS))
    checked.persons = persons | checked.persons
    checked.people = people
    return checked


def _gather(store: Cache, keys: dict[str, str], count: int, total: int, progress: Progress | None) -> Checked | None:
    assert _SHARED is not None
    checked = Checked([], {}, {})
    pending: list[tuple[str, str, bytes]] = []
    done = 0
    with multiprocessing.get_context("fork").Pool(count, initializer=gc.disable) as pool:
        for (unit, paths), result in zip(
            _SHARED.groups, pool.imap(_check_unit, range(len(_SHARED.groups))), strict=False
        ):
            if result is None:
                return None
            sent, found = result
            plans = []
            for path, (path_key, item) in zip(paths, sent, strict=False):
                keys[path] = path_key
                if isinstance(item, Loaded):
                    checked.core += item.problems
                    continue
                person, value = item
                checked.persons[path] = person
                plans.append(path)
                if value is not None and path_key:
                    pending.append((path_key, "plan", value))
            checked.units[unit] = (plans, found)
            if len(pending) >= CACHE_BATCH:
                store.put_entries(pending)
                pending = []
            done += len(paths)
            if progress is not None:
                progress(done, total)
    store.put_entries(pending)
    return checked


def _check_unit(index: int) -> tuple[list[tuple[str, _Sent]], list[Problem]] | None:
    """In a worker: one unit's plans read and checked, each with its key; None if one of its files is not what its
    place says."""
    assert _SHARED is not None, "check_unitwise forks its workers after setting _SHARED"
    shared = _SHARED
    unit, paths = shared.groups[index]
    sent: list[tuple[str, _Sent]] = []
    plans: list[Doc[Plan]] = []
    for path in paths:
        path_key, loaded, value = _read(shared, path)
        model = loaded.model
        if model is None and loaded.problems:
            sent.append((path_key, loaded))  # a file with problems is core; without a model it changes no other result
            continue
        if not isinstance(model, Plan) or loaded.problems:
            return None  # another kind of document in a plans folder: the core is not what was checked
        person = shared.core.people.get(model.person)
        if (person.model.unit if person else f"?{model.person}") != unit:
            return None  # the plan of someone in another unit, under a name that said otherwise
        sent.append((path_key, (model.person, value)))
        plans.append(Doc(path, model))
    found = run_checks(shared.core.with_plans(plans), shared.as_of, PLAN_CHECKS)
    return sent, located(shared.root, found)


def _read(shared: _Shared, path: str) -> tuple[str, Loaded, bytes | None]:
    """The file's key and outcome: from the cache when stored, else read, with its new cache entry when valid.
    The key is that of the bytes read here, even if a scan read others before."""
    raw = read_raw(shared.root, path)
    if raw is None:
        return "", load_file(shared.root, path), None  # reports it unreadable
    path_key = key(raw, path)
    stored = shared.stored.get(path_key)
    model = revive(*stored) if stored is not None else None
    if model is not None:
        return path_key, Loaded(path, model, ()), None
    loaded = load_bytes(raw, path)
    valid = loaded.model is not None and not loaded.problems
    return path_key, loaded, entry(loaded.model) if valid else None  # type: ignore[arg-type]


def _in_plans(path: str) -> bool:
    return "plans" in path.split("/")[:-1]


def _person_by_name(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
