"""Files → a `Tracker` and the problems found in them. Loading never stops at the first bad file.

Reading a file has two steps: parsing (bytes → plain data, with positioned problems) and validating (plain data
→ a model). Both are pure and costly, so a large cold tracker is read in worker processes
(`accountability.speed.parallel`), which send each valid model back as its cache entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountability.files.discover import CONFIG_NAME, tracker_files
from accountability.files.regular import Unreadable, read_regular
from accountability.files.validate import validate_document
from accountability.files.yamlread import decode, parse
from accountability.model import Commitment, Config, Document, Issue, Org, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem

if TYPE_CHECKING:
    from accountability.speed.cache import Cache

Progress = Callable[[int, int], None]
"""Told (files parsed so far, files to parse) as cold files are parsed; it must not print to stdout."""


CACHE_BATCH = 500  # cache entries written at a time during a cold load
_KEPT: list[Tracker] | None = None  # see keep_until_exit


def keep_until_exit() -> None:
    """Keep every tracker loaded from now on until the process ends, for a process that ends with `os._exit`
    (`cli.main`): freeing a district tracker's million objects one by one takes longer than a warm check."""
    global _KEPT
    _KEPT = []


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file's plain data (None when it could not be parsed), and the problems found while parsing."""

    path: str
    data: Any
    problems: tuple[Problem, ...]
    key: str = ""  # the cache key of the bytes parsed, when they were read from the file


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file's outcome: its model when valid, and its problems."""

    path: str
    model: Document | None
    problems: tuple[Problem, ...]
    entry: bytes | None = None  # the model as a cache entry (`cache.entry`), when a worker already made it
    key: str = ""  # the cache key of the bytes read: an entry is stored under it, even if the file changed since a scan


def parse_bytes(raw: bytes, path: str) -> Parsed:
    text, problems = decode(raw, path)
    if text is None:
        return Parsed(path, None, tuple(problems))
    data, problems = parse(text, path)
    return Parsed(path, None if problems else data, tuple(problems))


def parse_file(root: Path, path: str) -> Parsed:
    try:
        raw = read_regular(str(root), path)
    except Unreadable as exc:
        return Parsed(path, None, (Problem("unreadable", str(exc), path, 1, 1),))
    from accountability.speed.cache import key

    parsed = parse_bytes(raw, path)
    return Parsed(path, parsed.data, parsed.problems, key(raw, path))


def validated(parsed: Parsed) -> Loaded:
    if parsed.problems:
        return Loaded(parsed.path, None, parsed.problems, key=parsed.key)
    model, problems = validate_document(parsed.data, parsed.path, is_config=parsed.path == CONFIG_NAME)
    return Loaded(parsed.path, model, tuple(problems), key=parsed.key)


def load_bytes(raw: bytes, path: str) -> Loaded:
    """A pure function of the file's bytes and path."""
    return validated(parse_bytes(raw, path))


def load_file(root: Path, path: str) -> Loaded:
    return validated(parse_file(root, path))


def load_tracker(
    root: Path,
    workers: int | None = None,
    cache: bool = False,
    progress: Progress | None = None,
    keys: dict[str, str] | None = None,
    store: Cache | None = None,
) -> tuple[Tracker, list[Problem]]:
    """Read every file of the tracker at `root`: from the cache where a file is unchanged (cache=True), else
    parsed, in parallel when many files need it (workers=1 forces one process). `progress` hears of each file
    parsed; a warm load parses nothing, so it hears nothing. `keys` are `file_keys(root)` if already known (or
    those of the files to load); `store` is an open cache to use."""
    from accountability.speed.cache import Cache
    from accountability.speed.parallel import load_files

    if not cache:
        paths = tracker_files(root)
        return assemble(root, list(_told(load_files(root, paths, workers), len(paths), progress)))
    keys = file_keys(root) if keys is None else keys
    paths = list(keys)
    owned = store is None
    store = Cache(root) if store is None else store
    hits = store.get_many([k for k in keys.values() if k])
    misses = [path for path in paths if keys[path] not in hits]
    fresh: dict[str, Loaded] = {}
    pending: list[tuple[str, Document, bytes | None]] = []
    for loaded in _told(load_files(root, misses, workers), len(misses), progress):
        fresh[loaded.path] = loaded
        if loaded.key and loaded.model is not None and not loaded.problems:
            pending.append((loaded.key, loaded.model, loaded.entry))
        if len(pending) >= CACHE_BATCH:  # written while the workers parse on, instead of all at the end
            store.put_many(pending)
            pending = []
    store.put_many(pending)
    if owned:
        store.close()
    return assemble(root, [fresh[p] if p in fresh else Loaded(p, hits[keys[p]], ()) for p in paths])


def _told(loaded: Iterable[Loaded], total: int, progress: Progress | None) -> Iterator[Loaded]:
    for done, result in enumerate(loaded, 1):
        if progress is not None:
            progress(done, total)
        yield result


def file_keys(root: Path) -> dict[str, str]:
    """Every file of the tracker, in order, with its cache key ("" when unreadable)."""
    return {path: file_key(root, path) for path in tracker_files(root)}


def file_key(root: Path, path: str) -> str:
    """The file's cache key, "" when unreadable (parsing reports it)."""
    from accountability.speed.cache import key

    raw = read_raw(root, path)
    return "" if raw is None else key(raw, path)


def read_raw(root: Path, path: str) -> bytes | None:
    try:
        return read_regular(str(root), path)
    except Unreadable:
        return None


def assemble(root: Path, loaded: list[Loaded]) -> tuple[Tracker, list[Problem]]:
    tracker = Tracker(root=root, files=len(loaded))
    problems: list[Problem] = []
    for result in loaded:
        problems.extend(result.problems)
        model = result.model
        if isinstance(model, Config):
            tracker.config = model
        elif isinstance(model, Org):
            tracker.orgs.append(Doc(result.path, model))
        elif isinstance(model, Commitment):
            tracker.commitments.append(Doc(result.path, model))
        elif isinstance(model, Plan):
            tracker.plans.append(Doc(result.path, model))
        elif isinstance(model, Issue):
            tracker.issues.append(Doc(result.path, model))
    tracker.index()
    if _KEPT is not None:
        _KEPT.append(tracker)
    return tracker, problems
