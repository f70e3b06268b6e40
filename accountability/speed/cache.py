"""The store behind every speed-up, in `.acct-cache/` at the tracker's root: one SQLite file.

- `documents`: validated documents by the key of their file's bytes (`key`): JSON of only the keys the file set.
- `parts`: results of steps of a check or a judgement, opaque bytes under a key covering every input they read.
- `results`: whole outputs of read commands, for `speed.memo`.
- `deadlines`: every deadline of a unit part's plans, one row each with its due and met days, so that `acct
  overdue` as of any D reads only those open then (`deadline_parts` says which parts' are kept, and how many).
- `judgements`: each plan's month judged, under a key of its inputs but D, for the interval of D that judges it so
  (`speed.judging`).
- `files`: what the last run knew of each file (times, size, inode and key), as git's index does, so that a file
  whose stamp did not change need not be read again.

Nothing here is trusted: every entry carries a checksum, documents are validated again when revived, and nothing is
ever executed (no pickle). A damaged store is rebuilt; a store that cannot be written turns the cache off for the
run, never fails it. SQLite lets two runs at once share it without corrupting it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from accountability import FORMAT_VERSION, __version__
from accountability.files.discover import CACHE_FOLDER
from accountability.files.read import Loaded
from accountability.model import KINDS, Config, Document

FOLDER = CACHE_FOLDER
KEEP_RESULTS = 64
KEEP_PARTS = 300  # a district's 60 units several times over: parts hold for every D, and an edit adds one
KEEP_JUDGEMENTS = 200_000  # a district's plans, each judged for about ten intervals of D
VERSION = f"acct {__version__}, format {FORMAT_VERSION}, store 13"
_KINDS: dict[str, type[Document]] = {"config": Config, **KINDS}

Stamp = tuple[int, int, int, int]  # mtime_ns, ctime_ns, size, inode


def key(raw: bytes, path: str) -> str:
    """The key of a file's bytes at a path, for this acct: an edited file, a moved file or a new acct misses."""
    digest = hashlib.blake2b(raw, digest_size=20)
    digest.update(f"\0{path}\0{VERSION}".encode())
    return digest.hexdigest()


def digest(*parts: str) -> str:
    hashed = hashlib.blake2b(VERSION.encode(), digest_size=20)
    for part in parts:
        hashed.update(f"{part}\n".encode())
    return hashed.hexdigest()


def _checksum(value: bytes) -> str:
    return hashlib.blake2b(value, digest_size=8).hexdigest()


class Cache:
    """The tracker's cache; every failure to use it turns it off for the run, never fails the run."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.path = root / FOLDER / "store.sqlite3"
        self.db: sqlite3.Connection | None = None
        if not enabled:  # --no-cache: every lookup misses and nothing is written
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            self.db = self._open()
        except (OSError, sqlite3.Error):
            self._rebuild()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        for table in (
            "documents (key TEXT PRIMARY KEY, kind TEXT, checksum TEXT, value BLOB)",
            "parts (key TEXT PRIMARY KEY, checksum TEXT, value BLOB)",
            "results (key TEXT PRIMARY KEY, checksum TEXT, value BLOB)",
            "files (path TEXT PRIMARY KEY, mtime INT, ctime INT, size INT, inode INT, key TEXT)",
            "judgements (key TEXT, lo INT, hi INT, checksum TEXT, value BLOB, PRIMARY KEY (key, lo))",
            "deadlines (part TEXT, due INT, met INT, checksum TEXT, value BLOB)",
            "deadline_parts (part TEXT PRIMARY KEY, count INT)",
        ):
            db.execute(f"CREATE TABLE IF NOT EXISTS {table}")
        db.execute("CREATE INDEX IF NOT EXISTS deadlines_of_part ON deadlines (part, due)")
        return db

    def _rebuild(self) -> None:
        """Throw a damaged store away and start a new one; without a writable folder, run uncached."""
        self.db = None
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.db = self._open()
        except (OSError, sqlite3.Error):
            self.db = None

    def _query(self, sql: str, args: Iterable[object] = ()) -> list[tuple[object, ...]]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error:
            self._rebuild()
            return []

    def _write(self, sql: str, rows: list[tuple[object, ...]], trim: tuple[str, int] | None = None) -> None:
        if self.db is None or not rows:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany(sql, rows)
                if trim is not None:
                    table, keep = trim
                    self.db.execute(
                        f"DELETE FROM {table} WHERE rowid NOT IN (SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)",
                        (keep,),
                    )
        except sqlite3.Error:
            self._rebuild()

    def documents(self, keys: list[str]) -> dict[str, tuple[str, bytes]]:
        """The stored entries among `keys` whose checksum holds, as (kind, value), for `revive`."""
        found: dict[str, tuple[str, bytes]] = {}
        for start in range(0, len(keys), 900):  # SQLite's limit on bound parameters
            chunk = keys[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for entry_key, kind, checksum, value in self._query(
                f"SELECT key, kind, checksum, value FROM documents WHERE key IN ({marks})", chunk
            ):
                if isinstance(value, bytes) and _checksum(value) == checksum:
                    found[str(entry_key)] = (str(kind), value)
        return found

    def put_documents(self, entries: list[tuple[str, str, bytes]]) -> None:
        """Store (key, kind, entry) triples."""
        rows: list[tuple[object, ...]] = [(k, kind, _checksum(v), v) for k, kind, v in entries]
        self._write("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", rows)

    def parts(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for part_key, checksum, value in self._query(
                f"SELECT key, checksum, value FROM parts WHERE key IN ({marks})", chunk
            ):
                if isinstance(value, bytes) and _checksum(value) == checksum:
                    found[str(part_key)] = value
        return found

    def put_parts(self, parts: list[tuple[str, bytes]]) -> None:
        rows: list[tuple[object, ...]] = [(k, _checksum(v), v) for k, v in parts]
        self._write("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", rows, ("parts", KEEP_PARTS))

    def deadline_parts(self, parts: list[str]) -> dict[str, int]:
        """Of these unit parts, those whose plans' deadlines are kept, with how many there are."""
        found: dict[str, int] = {}
        for start in range(0, len(parts), 900):
            chunk = parts[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for part, count in self._query(f"SELECT part, count FROM deadline_parts WHERE part IN ({marks})", chunk):
                found[str(part)] = int(count)  # type: ignore[call-overload]
        return found

    def put_deadlines(self, part: str, rows: list[tuple[int, int, bytes]]) -> None:
        """A unit part's plans' deadlines as (due, met, value), days as ordinals (met 0 when never): all of them
        with the count that says so, in one transaction; the oldest parts' are dropped beyond KEEP_PARTS."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("DELETE FROM deadlines WHERE part = ?", (part,))
                kept = [(part, due, met, _checksum(v), v) for due, met, v in rows]
                self.db.executemany("INSERT INTO deadlines VALUES (?, ?, ?, ?, ?)", kept)
                self.db.execute("INSERT OR REPLACE INTO deadline_parts VALUES (?, ?)", (part, len(rows)))
                self.db.execute(
                    "DELETE FROM deadline_parts WHERE rowid NOT IN "
                    "(SELECT rowid FROM deadline_parts ORDER BY rowid DESC LIMIT ?)",
                    (KEEP_PARTS,),
                )
                self.db.execute("DELETE FROM deadlines WHERE part NOT IN (SELECT part FROM deadline_parts)")
        except sqlite3.Error:
            self._rebuild()

    def forget_deadlines(self, parts: list[str]) -> None:
        self._write("DELETE FROM deadline_parts WHERE part = ?", [(part,) for part in parts])
        self._write("DELETE FROM deadlines WHERE part = ?", [(part,) for part in parts])

    def open_deadlines(self, parts: list[str], as_of: int, until: int) -> list[bytes] | None:
        """The kept deadlines of these parts not met by D and due by `until` (ordinals); None when one is damaged."""
        found: list[bytes] = []
        for start in range(0, len(parts), 900):
            chunk = parts[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT checksum, value FROM deadlines WHERE part IN ({marks}) AND due <= ? AND (met = 0 OR met > ?)",
                [*chunk, until, as_of],
            )
            if not all(isinstance(v, bytes) and _checksum(v) == c for c, v in rows):
                return None
            found += [v for _, v in rows]  # type: ignore[misc]
        return found

    def judgements(self, keys: list[str], day: int) -> dict[str, bytes]:
        """The stored judgement of each key whose interval holds the day (an ordinal), when its checksum holds."""
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT key, checksum, value FROM judgements WHERE key IN ({marks}) AND lo <= ? AND ? <= hi",
                [*chunk, day, day],
            )
            for judged_key, checksum, value in rows:
                if isinstance(value, bytes) and _checksum(value) == checksum:
                    found[str(judged_key)] = value
        return found

    def put_judgements(self, rows: list[tuple[str, int, int, bytes]]) -> None:
        """Store (key, first day, last day, value) rows; the days are ordinals."""
        kept: list[tuple[object, ...]] = [(k, lo, hi, _checksum(v), v) for k, lo, hi, v in rows]
        self._write("INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?, ?)", kept, ("judgements", KEEP_JUDGEMENTS))

    def result(self, result_key: str) -> bytes | None:
        rows = self._query("SELECT checksum, value FROM results WHERE key = ?", (result_key,))
        if not rows or not isinstance(rows[0][1], bytes) or _checksum(rows[0][1]) != rows[0][0]:
            return None
        return rows[0][1]

    def put_result(self, result_key: str, value: bytes) -> None:
        self._write(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
            [(result_key, _checksum(value), value)],
            ("results", KEEP_RESULTS),
        )

    def has_results(self) -> bool:
        return bool(self._query("SELECT 1 FROM results LIMIT 1"))

    def files(self) -> dict[str, tuple[Stamp, str]]:
        """What the last run knew of each file: its stamp and its key."""
        rows = self._query("SELECT path, mtime, ctime, size, inode, key FROM files")
        return {str(r[0]): ((int(r[1]), int(r[2]), int(r[3]), int(r[4])), str(r[5])) for r in rows}  # type: ignore[call-overload]

    def put_files(self, rows: dict[str, tuple[Stamp, str]], removed: Iterable[str]) -> None:
        """Write only the rows that changed: on a large tracker one edit rewrites one row, not 18,000."""
        self._write("DELETE FROM files WHERE path = ?", [(path,) for path in removed])
        self._write(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", [(p, *s, k) for p, (s, k) in rows.items()]
        )

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def entry(loaded: Loaded) -> bytes:
    """A valid file as stored: its marks (one JSON line), then its model as JSON of only the keys the file set, half
    the bytes of a full dump and a third less to validate when revived. Revived, it is the same model: every default
    is the model's own (scoring reads acct.yaml's settings through the model, never through which keys were set)."""
    assert loaded.model is not None, "only valid files are stored"
    marks = json.dumps(list(loaded.marks), separators=(",", ":"))
    return marks.encode() + b"\n" + loaded.model.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")


def revive(path: str, kind: str, value: bytes) -> Loaded | None:
    """The file of an entry, its model validated again; None if it is not a valid one."""
    model = _KINDS.get(kind)
    if model is None:
        return None
    marks_line, _, body = value.partition(b"\n")
    try:
        marks = tuple(json.loads(marks_line))
        if not all(type(n) is int for n in marks):
            return None
        return Loaded(path, model.model_validate_json(body), (), marks)
    except (ValidationError, ValueError, TypeError):
        return None
