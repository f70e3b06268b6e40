"""The engine's steps made fast (`engine.Runner`): the same results as the plain runner, found with less work.

- **Files are read only when they may have changed.** As git's index does, the stamp of each file (times, size,
  inode) is kept with the key of its bytes; a file whose stamp is unchanged and old enough to trust is not read.
- **Documents come from the cache** (`speed.cache`) by the key of their bytes; only new bytes are parsed, on every
  core when there are many.
- **A unit's check is kept** under a key of everything it read: what plan rules read of the core
  (`checks.plan_context`: acct.yaml, org, the commitments' item ids), the unit's plan files, the judging date and
  acct's version. A check after one edited plan checks one unit again; a report recorded in a commitment none.
- **A cold check of a large tracker runs unit by unit in forked workers** that read and check each unit's plans at
  once and send back only problems, ratings and cache entries (`speed.workers`), so this process never holds every
  plan's model.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from accountability.checks import plan_context
from accountability.engine import PlanRef, UnitCheck, check_unit, with_overlay
from accountability.files.discover import Discovered, discover
from accountability.files.locate import located
from accountability.files.read import Loaded, read_raw
from accountability.model.tracker import Tracker
from accountability.problems import Problem
from accountability.scoring.deadlines import Deadline
from accountability.scoring.people import MonthScore
from accountability.scoring.quota import Rated
from accountability.speed import judging, workers
from accountability.speed.cache import Cache, Stamp, digest, key, revive
from accountability.speed.codec import kept as kept_problem
from accountability.speed.codec import revived as revived_problem
from accountability.speed.deadlines import open_deadlines

RACY_NS = 2_000_000_000  # a file changed in the last 2 s may change again within one tick of the clock
Progress = workers.Progress


class FastRunner:
    """One run's fast steps over one tracker's cache. Use it for a single `engine.check`, then `close` it."""

    def __init__(
        self,
        root: Path,
        progress: Progress | None = None,
        jobs: int | None = None,
        overlay: Mapping[str, bytes] | None = None,
        cache: bool = True,
    ) -> None:
        self.overlay: Mapping[str, bytes] = overlay or {}
        self.store = Cache(root, enabled=cache)
        self.progress = progress
        self.done = 0  # files read so far, of every document discovered, for the progress bar
        self.jobs = jobs if jobs is not None else (os.cpu_count() or 1)
        self.stamps: dict[str, Stamp] = {}
        self.keys: dict[str, str] = {}  # the key of the bytes of each file known or used in this run; "" unreadable
        self.raws: dict[str, bytes | Problem] = {}  # the bytes read to learn a key, until they are parsed
        self.known = self.store.files()
        self.found: Discovered | None = None
        self.context = ""  # the key of what plan rules read of the core, once the core is read
        self.parts: dict[str, tuple[str, list[str]]] = {}  # each unit's part key and plan files, once checked

    def close(self) -> None:
        self.store.close()

    def discover(self, root: Path) -> Discovered:
        """The tracker's files, found once per run, with each one's stamp."""
        if self.found is None:
            self.found = with_overlay(discover(root, self._stamp), self.overlay)
        return self.found

    def _stamp(self, path: str, entry: os.DirEntry[str]) -> None:
        try:
            st = entry.stat()
            self.stamps[path] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
        except OSError:
            self.stamps[path] = (0, 0, -1, 0)

    def told(self, files: int) -> None:
        """Tell the progress bar that `files` more files were read."""
        self.done += files
        if self.progress is not None and self.found is not None:
            self.progress(self.done, len(self.found.documents))

    def key_of(self, root: Path, path: str) -> tuple[str, bytes | Problem | None]:
        """The file's key, with its bytes when they had to be read (None when its stamp told the key)."""
        if path in self.keys:
            return self.keys[path], self.raws.get(path)
        if path in self.overlay:
            self.keys[path], self.raws[path] = key(self.overlay[path], path), self.overlay[path]
            return self.keys[path], self.raws[path]
        stamp = self.stamps.get(path)
        known = self.known.get(path)
        if stamp is not None and known is not None and known[0] == stamp and settled(stamp):
            self.keys[path] = known[1]
            return known[1], None
        raw = read_raw(root, path)
        self.keys[path] = key(raw, path) if isinstance(raw, bytes) else ""
        self.raws[path] = raw
        return self.keys[path], raw

    def read(self, root: Path, paths: Sequence[str]) -> list[Loaded]:
        keyed = {path: self.key_of(root, path) for path in paths}
        stored = self.store.documents([k for k, _ in keyed.values() if k])
        found: dict[str, Loaded] = {}
        misses: list[str] = []
        for path, (path_key, _) in keyed.items():
            revived = revive(path, *stored[path_key]) if path_key in stored else None
            if revived is not None:
                found[path] = revived
            else:
                misses.append(path)
        fresh = workers.load(root, misses, {p: keyed[p][1] for p in misses}, self.jobs, self.told)
        new_entries = []
        for loaded, path_key, value in fresh:
            found[loaded.path] = loaded
            self.keys[loaded.path] = path_key  # the bytes parsed may be newer than those a stamp told of
            self.raws.pop(loaded.path, None)
            if value is not None and path_key:
                new_entries.append((path_key, loaded.model.kind, value))  # type: ignore[union-attr]
        self.store.put_documents(new_entries)
        return [found[path] for path in paths]

    def check_units(
        self, root: Path, core: Tracker, groups: dict[str, list[str]], keep_plans: bool
    ) -> dict[str, UnitCheck]:
        self.context = digest(*plan_context(core))
        part_keys: dict[str, str] = {}
        for unit, paths in groups.items():
            files = [f"{p}\0{self.key_of(root, p)[0]}" for p in paths]
            part_keys[unit] = digest("unit", self.context, unit, *files)
        self.parts = {unit: (part_keys[unit], paths) for unit, paths in groups.items()}
        stored = {} if keep_plans else self.store.parts([k for k in part_keys.values()])
        done = {unit: part for unit in groups if (part := _part(stored.get(part_keys[unit]))) is not None}
        todo = {unit: paths for unit, paths in groups.items() if unit not in done}
        fresh = self._check(root, core, todo, keep_plans)
        done |= fresh
        if self._unchanged(root, [p for unit in fresh for p in groups[unit]]):
            self.store.put_parts([(part_keys[u], _dump(c)) for u, c in fresh.items()])
        self._remember(root)
        return done

    def _check(self, root: Path, core: Tracker, groups: dict[str, list[str]], keep_plans: bool) -> dict[str, UnitCheck]:
        if not keep_plans and workers.worth_forking(groups, self.jobs):
            checked, entries, keys = workers.check_units(root, core, groups, self, self.told)
            self.keys |= keys
            self.store.put_documents(entries)
            return checked
        return {
            unit: check_unit(root, core, unit, self.read(root, paths), keep_plans, self.overlay)
            for unit, paths in groups.items()
        }

    def deadlines(
        self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date, until: dt.date
    ) -> list[Deadline]:
        """The plans' deadlines open as of D, from the store, where each unit's are kept once asked for."""
        wanted = {ref.path for ref in plans}
        parts = {u: (key, [p for p in paths if p in wanted]) for u, (key, paths) in self.parts.items()}
        return open_deadlines(self.store, parts, lambda paths: self.read(root, paths), core, as_of, until)

    def judge(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[MonthScore]:
        """Each plan's month as of D, from the store for every D that judges it the same (`speed.judging`)."""
        return judging.judge(
            self.store,
            lambda path: self.key_of(root, path)[0],
            lambda paths: self.read(root, paths),
            core,
            plans,
            as_of,
        )

    def rules_at(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[Problem]:
        """Each plan's problems as of D, from the store for every D that finds the same (`speed.judging`)."""
        return judging.rules_at(
            self.store,
            lambda path: self.key_of(root, path)[0],
            lambda paths: self.read(root, paths),
            core,
            plans,
            as_of,
            self.context or digest(*plan_context(core)),
            lambda problems: located(root, problems, unsaved=self.overlay),
        )

    def stored_entries(self, paths: list[str]) -> dict[str, tuple[str, bytes]]:
        """The cache entries of these files, by key (for the workers, which inherit them)."""
        return self.store.documents([k for p in paths if (k := self.keys.get(p))])

    def _unchanged(self, root: Path, paths: list[str]) -> bool:
        """Whether none of these files changed since they were stamped, so that a part checked from them may be kept
        under their keys (one edited during the run is checked again next time, whatever its bytes are then)."""
        for path in paths:
            try:
                st = os.stat(os.path.join(root, path))
            except OSError:
                return False
            if (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino) != self.stamps.get(path):
                return False
        return True

    def _remember(self, root: Path) -> None:
        """Keep each file's stamp and key for the next run; only rows that changed are written."""
        rows = {
            path: (stamp, self.keys[path])
            for path, stamp in self.stamps.items()
            if self.keys.get(path)
            and path not in self.overlay  # its key is of bytes not (yet) on disk
            and settled(stamp)
            and self.known.get(path) != (stamp, self.keys[path])
        }
        self.store.put_files(rows, [path for path in self.known if path not in self.stamps])


def settled(stamp: Stamp) -> bool:
    """Whether a stamp is old enough to trust: not changed within the last 2 s."""
    return max(stamp[0], stamp[1]) < time.time_ns() - RACY_NS


def _dump(checked: UnitCheck) -> bytes:
    problems = [kept_problem(p) for p in checked.problems]
    ratings = [[r.person, r.unit, r.month, r.level, r.on.isoformat(), r.path] for r in checked.ratings]
    strays = [s.path for s in checked.strays]  # the engine only needs to know which files they are
    refs = [[r.path, r.person, r.month] for r in checked.refs]
    body = {"problems": problems, "ratings": ratings, "refs": refs, "strays": strays}
    return json.dumps(body, ensure_ascii=False).encode()


def _part(raw: bytes | None) -> UnitCheck | None:
    """A stored unit check, or None (a miss) for anything that is not one: the store is never trusted."""
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        problems = [revived_problem(p) for p in body["problems"]]
        ratings = [Rated(p, u, m, lv, dt.date.fromisoformat(on), path) for p, u, m, lv, on, path in body["ratings"]]
        refs = [PlanRef(str(path), str(person), str(month)) for path, person, month in body["refs"]]
        strays = [Loaded(path, None, ()) for path in body["strays"]]
    except (ValueError, TypeError, KeyError):
        return None
    return UnitCheck(problems, ratings, refs, strays=strays)
