"""`acct check` on a tracker where few files changed since the last check: re-check only the units they touch.

A tracker's problems split into the **core** (every file that is not a valid plan: acct.yaml, org, commitments, key
issues, and any file with problems of its own) and one **shard per unit**: the plans of the unit's people. A
plan's problems depend only on the core and on the plans of its own unit (carry-over is within one person, the quota
within one unit and month; `checks.PLAN_CHECKS`). So each part's located problems are kept in the cache under a key
of the files it depends on, the judging date and acct's version, and a check whose core is unchanged re-checks only
the shards whose plans changed: one edited plan costs its unit's 300 plans, not the tracker's 18,000.

Which files changed is told, as git's index does, from each file's times, size and inode kept from the last run;
only a file whose stamp changed (or is too recent to trust) is read and hashed. When the core changed, or there is
no earlier run, the whole tracker is checked and every part is kept for the next time: unit by unit in workers on a
large tracker (`accountability.speed.unitwise`), else by loading every file and then checking.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountability.checks import CORE_CHECKS, PLAN_CHECKS, run_checks
from accountability.files.discover import is_document, shown_name
from accountability.files.locate import located
from accountability.files.read import Progress, file_key, load_bytes, load_tracker, read_raw
from accountability.model import Plan
from accountability.problems import Problem
from accountability.speed.cache import VERSION, Cache, key
from accountability.speed.parallel import check_units
from accountability.speed.unitwise import Checked, check_unitwise

RACY_NS = 2_000_000_000  # a file changed in the last 2 s may change again within one tick of the clock
INDEX = "sharded-index"
FEW = 200  # more changed files than this: check everything, in parallel, rather than parse them here one by one

Stamp = tuple[int, int, int, int]  # mtime_ns, ctime_ns, size, inode
UNTRUSTED: Stamp = (0, 0, -2, 0)  # matches no file's stamp
UNREADABLE: Stamp = (0, 0, -1, 0)  # a file that cannot be stat'ed, or a folder that is not read
_SCAN: ContextVar[Scan | None] = ContextVar("scan", default=None)


def sharded_check(root: Path, as_of: dt.date, progress: Progress | None = None) -> tuple[list[Problem], int]:
    """Every located problem of the tracker, sorted, and the number of files: the same as `checking.check`."""
    store = Cache(root, verify=False)  # a damaged entry is a miss (checksums, models), so no scan of the whole store
    try:
        return _check(root, as_of, store, progress)
    finally:
        store.close()


@contextmanager
def scanned(now: Scan) -> Iterator[None]:
    """Within this block, a check uses `now` instead of scanning the files again (the caller just did)."""
    token = _SCAN.set(now)
    try:
        yield
    finally:
        _SCAN.reset(token)


@dataclass
class Scan:
    """The tracker's files now: each one's stamp and key, and the bytes of those read because they changed."""

    stamps: dict[str, Stamp]
    keys: dict[str, str]  # "" for an unreadable file
    persons: dict[str, str | None]  # for the unchanged files: the person of a valid plan, else None
    changed: dict[str, bytes]  # the files whose content is not the index's, with their bytes
    restamped: set[str]  # the files whose stamp is not the index's (changed or only touched)
    index: dict[str, Any] | None  # what the last check kept
    unread: bool = False  # nothing was read: with no index and no cached document, no key can find anything

    @property
    def complete(self) -> bool:
        """Whether every file's key is known: an unread scan's are filled in by the check that reads the files."""
        return len(self.keys) == len(self.stamps)


def stamps_of(root: Path) -> dict[str, Stamp]:
    """Each tracker file's stamp, as git's index keeps them: what tells, without reading a byte, that it changed.
    The same files as `discover.tracker_files`, found and stat'ed in one pass of os.scandir."""
    stamps: dict[str, Stamp] = {}
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # listed, as by `discover.tracker_files`, so that reading it reports it
            stamps[prefix or "./"] = UNREADABLE
            continue
        for entry in entries:
            if _is_dir(entry):  # as os.walk lists it: a link to a folder is a folder, but is not entered
                if entry.name.startswith((".", "_")):
                    continue
                name = shown_name(entry.name)
                if entry.is_symlink():
                    stamps[f"{prefix}{name}/"] = UNREADABLE
                else:
                    folders.append((f"{prefix}{name}/", entry.path))
            elif is_document(entry.name):
                name = prefix + shown_name(entry.name)
                try:
                    st = entry.stat()
                    stamps[name] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
                except OSError:
                    stamps[name] = UNREADABLE
    return dict(sorted(stamps.items()))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """As os.walk decides it: a link whose target cannot be looked at (a folder nobody may list) is not a folder."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def look(root: Path, store: Cache, stamps: dict[str, Stamp] | None = None) -> Scan:
    """The tracker's files now, read only where reading can tell something: with neither an index nor a cached
    document (a first check), the keys are left for the check's workers to compute as they read the files."""
    index = read_index(store)
    if index is None and not store.has_documents():
        stamps = stamps_of(root) if stamps is None else stamps
        return Scan(stamps, {}, dict.fromkeys(stamps), {}, set(stamps), None, unread=True)
    return scan(root, index, stamps)


def scan(root: Path, index: dict[str, Any] | None, stamps: dict[str, Stamp] | None = None) -> Scan:
    """Read and hash only the files whose stamp differs from the index's (or is too recent to trust); those whose
    bytes differ too are the changed ones."""
    found = Scan(stamps_of(root) if stamps is None else stamps, {}, {}, {}, set(), index)
    files = index["files"] if index else {}
    for path, stamp in found.stamps.items():
        known = files.get(path)
        if known and known[1:5] == stamp and settled(stamp):
            found.keys[path], found.persons[path] = known[5], known[6]
            continue
        found.restamped.add(path)
        raw = read_raw(root, path)
        found.keys[path] = key(raw, path) if raw is not None else ""
        if known and found.keys[path] == known[5]:  # touched, not changed (a checkout, a copy)
            found.persons[path] = known[6]
        else:
            found.changed[path] = raw or b""
    return found


def read_index(store: Cache) -> dict[str, Any] | None:
    """What the last check kept: its core's key, each person's unit, and each file's stamp, key and person."""
    raw = store.get_shard(INDEX)
    try:
        index = json.loads(raw) if raw else None
    except ValueError:
        return None
    if not (isinstance(index, dict) and {"core", "units"} <= index.keys()):
        return None
    return index | {"files": store.get_stamps()}


def _keep_index(
    store: Cache,
    index: dict[str, Any] | None,
    now: Scan,
    persons: dict[str, str | None],
    core_key: str,
    units: dict[str, str],
) -> None:
    """Write what changed of the index. A file changed in the last 2 s gets no stamp, so that the next run reads it
    again (its stamp cannot be trusted yet); its key still spares a parse if the bytes are the same."""
    old = index["files"] if index else {}
    fresh = now.restamped if index else now.keys.keys()
    rows = [(p, *(now.stamps[p] if settled(now.stamps[p]) else UNTRUSTED), now.keys[p], persons[p]) for p in fresh]
    removed = [p for p in old if p not in now.stamps]
    if rows or removed:
        store.put_stamps(rows, removed)
    if index is None or index["core"] != core_key or index["units"] != units:
        store.put_shard(INDEX, json.dumps({"core": core_key, "units": units}).encode())


def _check(root: Path, as_of: dt.date, store: Cache, progress: Progress | None) -> tuple[list[Problem], int]:
    now = _SCAN.get() or look(root, store)
    index = now.index
    keys, persons = now.keys, dict(now.persons)
    problems = None
    if index is not None and len(now.changed) <= FEW and all(keys.values()):
        persons |= {path: _person(raw, path) for path, raw in now.changed.items()}
        core = [p for p in keys if persons[p] is None]
        core_key = _core_key(core, keys)
        units = index["units"]
        if core_key == index["core"]:
            problems = _check_changed(root, as_of, store, now, persons, core, core_key, units)
    if problems is None:
        problems, persons, core_key, units = _check_all(root, as_of, store, now.stamps, keys, progress)
    _keep_index(store, index, now, persons, core_key, units)
    return sorted(problems, key=lambda p: p.sort_key), len(keys)


def _check_all(
    root: Path, as_of: dt.date, store: Cache, stamps: dict[str, Stamp], keys: dict[str, str], progress: Progress | None
) -> tuple[list[Problem], dict[str, str | None], str, dict[str, str]]:
    """Check everything, keeping each part for the next run; also the facts the next run needs to find its parts.
    The keys of the files missing from `keys` (an unread scan) are filled in."""
    paths = list(stamps)
    checked = check_unitwise(root, as_of, paths, keys, store, progress)
    if checked is None:
        keys.update((path, file_key(root, path)) for path in paths if path not in keys)
        checked = _load_and_check(root, as_of, store, keys, progress)
    core_key = _core_key([p for p in keys if checked.persons[p] is None], keys)
    problems = list(checked.core)
    parts = [(_part_key(core_key, as_of, "core"), _dump(checked.core))]
    for unit, (plans, found) in checked.units.items():
        parts.append((_part_key(core_key, as_of, unit, [(p, keys[p]) for p in plans]), _dump(found)))
        problems += found
    if _unchanged(root, paths, stamps):
        store.put_shards(parts)
    return problems, checked.persons, core_key, checked.people


def _load_and_check(
    root: Path, as_of: dt.date, store: Cache, keys: dict[str, str], progress: Progress | None
) -> Checked:
    """The general way: load every file, then check the core here and each unit's plans in forked workers."""
    tracker, load_problems = load_tracker(root, cache=True, progress=progress, keys=keys, store=store)
    with_problems = {p.path for p in load_problems}
    persons: dict[str, str | None] = dict.fromkeys(keys)
    persons |= {d.path: d.model.person for d in tracker.plans if d.path not in with_problems}
    # Every file with a problem of its own is in the core, so the load's problems are the core's.
    core = located(root, load_problems + run_checks(tracker, as_of, CORE_CHECKS))
    groups = tracker.plans_by_unit()
    units = {}
    for (unit, plans), found in zip(groups.items(), check_units(tracker, list(groups.values()), as_of), strict=False):
        units[unit] = ([d.path for d in plans], located(root, found))
    people = {person: entry.model.unit for person, entry in tracker.people.items()}
    return Checked(core, units, persons, people)


def _check_changed(
    root: Path,
    as_of: dt.date,
    store: Cache,
    now: Scan,
    persons: dict[str, str | None],
    core: list[str],
    core_key: str,
    units: dict[str, str],
) -> list[Problem] | None:
    """With the core unchanged: the stored parts, and the changed units checked again; None if a part is missing."""
    stored = store.get_shard(_part_key(core_key, as_of, "core"))
    if stored is None:
        return None
    problems = _load(stored)
    keys = now.keys
    shards: dict[str, list[str]] = defaultdict(list)
    for path in keys:  # in the tracker's order, as a full check sees them (the first of two plans is the original)
        person = persons[path]
        if person is not None:
            shards[units.get(person, f"?{person}")].append(path)
    for unit, plan_paths in shards.items():
        part_key = _part_key(core_key, as_of, unit, [(p, keys[p]) for p in plan_paths])
        stored = store.get_shard(part_key)
        if stored is None:
            tracker, load_problems = load_tracker(
                root, cache=True, keys={p: keys[p] for p in core + plan_paths}, store=store
            )
            if load_problems:  # a file no longer reads as it did: let the whole check sort it out
                return None
            found = located(root, run_checks(tracker, as_of, PLAN_CHECKS))
            if _unchanged(root, core + plan_paths, now.stamps):
                store.put_shard(part_key, _dump(found))
            problems += found
        else:
            problems += _load(stored)
    return problems


def _unchanged(root: Path, paths: list[str], stamps: dict[str, Stamp]) -> bool:
    """Whether none of these files changed since the scan, so that a part checked from them may be kept under their
    scanned keys (one edited during the run is checked again next time, whatever its bytes are then)."""
    for path in paths:
        try:
            st = os.stat(os.path.join(root, path))
        except OSError:
            return False
        if (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino) != stamps.get(path):
            return False
    return True


def _core_key(core: list[str], keys: dict[str, str]) -> str:
    return digest(VERSION, *(f"{p}\0{keys[p]}" for p in core))


def _person(raw: bytes, path: str) -> str | None:
    """The person of a changed file if it is a valid plan, else None (a core file)."""
    loaded = load_bytes(raw, path)
    return loaded.model.person if isinstance(loaded.model, Plan) and not loaded.problems else None


def settled(stamp: Stamp) -> bool:
    """Whether a stamp is old enough to trust: not changed within the last 2 s."""
    return max(stamp[0], stamp[1]) < time.time_ns() - RACY_NS


def _part_key(core_key: str, as_of: dt.date, part: str, files: Iterable[tuple[str, str]] = ()) -> str:
    return digest(core_key, as_of.isoformat(), part, *(f"{p}\0{k}" for p, k in files))


def digest(*parts: str) -> str:
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        hashed.update(f"{part}\n".encode())
    return hashed.hexdigest()


def _dump(problems: list[Problem]) -> bytes:
    return json.dumps(
        [[p.code, p.message, p.path, p.line, p.col, p.severity] for p in problems], ensure_ascii=False
    ).encode()


def _load(raw: bytes) -> list[Problem]:
    return [
        Problem(code, message, path, line, col, severity)
        for code, message, path, line, col, severity in json.loads(raw)
    ]
