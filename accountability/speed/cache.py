"""A content-addressed cache of validated documents, in `.acct-cache/` at the tracker's root.

The cache also keeps a few whole results of read commands (`results`), opaque bytes under a key that covers every
file's key, for `accountability.speed.memo`.

The key of an entry is a hash of the file's bytes, its path and the versions of acct and of the format, so an
edited file, a moved file or a new acct simply misses. Only files without problems are cached: a file with
problems is parsed again, so that its problems keep their exact positions.

Entries are JSON, checked by a checksum and validated again by the models when read: a corrupt, truncated,
stale or tampered entry is a miss, never trusted, and nothing in the cache is ever executed (no pickle). The
store is SQLite, so two runs at once neither block for long nor corrupt it; a damaged database is rebuilt.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from accountability import FORMAT_VERSION, __version__
from accountability.model import KINDS, Config, Document

FOLDER = ".acct-cache"
KEEP_RESULTS = 32
KEEP_SHARDS = 2048  # a full check keeps one part per unit and the core; older ones are stale
VERSION = f"acct {__version__}, format {FORMAT_VERSION}, entries 2"  # entries 2: only the keys a file sets
_KINDS: dict[str, type[Document]] = {"config": Config, **KINDS}


def key(raw: bytes, path: str) -> str:
    digest = hashlib.blake2b(raw, digest_size=20)
    digest.update(f"\0{path}\0{VERSION}".encode())
    return digest.hexdigest()


def content_key(keys: dict[str, str]) -> str | None:
    """A key for the whole tracker: every file's key, so every path and byte; None if a file is unreadable."""
    if not all(keys.values()):
        return None
    digest = hashlib.blake2b(VERSION.encode(), digest_size=20)
    for path, file_key in sorted(keys.items()):  # the order keys were found in does not matter
        digest.update(f"{path}\0{file_key}\n".encode())
    return digest.hexdigest()


def _checksum(value: bytes) -> str:
    return hashlib.blake2b(value, digest_size=8).hexdigest()


class Cache:
    """The tracker's cache; every failure to use it turns it off for the run, never fails the run."""

    def __init__(self, root: Path, verify: bool = True) -> None:
        self.path = root / FOLDER / "documents.sqlite3"
        self.db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(exist_ok=True)
            self.db = self._open(verify)
        except (OSError, sqlite3.Error):
            self._rebuild()

    def _open(self, verify: bool = True) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, kind TEXT, checksum TEXT, value BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, checksum TEXT, value BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS shards (key TEXT PRIMARY KEY, checksum TEXT, value BLOB)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS stamps (path TEXT PRIMARY KEY, mtime INT, ctime INT, size INT, inode INT, key TEXT, person TEXT)"
        )
        if verify:  # reads the whole store: worth it before reviving documents, not for one result's lookup
            db.execute("PRAGMA quick_check(1)")
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

    def get_many(self, keys: list[str]) -> dict[str, Document]:
        """The valid entries among `keys`; anything unreadable is left out (a miss)."""
        found: dict[str, Document] = {}
        for entry_key, (kind, value) in self.get_entries(keys).items():
            model = revive(kind, value)
            if model is not None:
                found[entry_key] = model
        return found

    def has_documents(self) -> bool:
        try:
            return self.db is not None and self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None
        except sqlite3.Error:
            return False

    def get_entries(self, keys: list[str]) -> dict[str, tuple[str, bytes]]:
        """The entries among `keys` whose checksum holds, as (kind, value), for `revive` to turn into models."""
        if self.db is None or not keys:
            return {}
        found: dict[str, tuple[str, bytes]] = {}
        try:
            for start in range(0, len(keys), 900):  # SQLite's limit on bound parameters
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT key, kind, checksum, value FROM documents WHERE key IN ({marks})", chunk
                )
                for entry_key, kind, checksum, value in rows:
                    if isinstance(value, bytes) and _checksum(value) == checksum:
                        found[entry_key] = (kind, value)
        except sqlite3.Error:
            self._rebuild()
            return {}
        return found

    def put_many(self, entries: Iterable[tuple[str, Document, bytes | None]]) -> None:
        """Store (key, model, its entry if already made by `entry`) triples."""
        self.put_entries([(k, model.kind, entry(model) if value is None else value) for k, model, value in entries])

    def put_entries(self, entries: list[tuple[str, str, bytes]]) -> None:
        """Store (key, kind, entry) triples."""
        if self.db is None or not entries:
            return
        rows = [(entry_key, kind, _checksum(value), value) for entry_key, kind, value in entries]
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error:
            self._rebuild()

    def get_result(self, result_key: str) -> bytes | None:
        """A stored result, or None when missing or damaged."""
        return self._get("results", result_key)

    def put_result(self, result_key: str, value: bytes) -> None:
        """Store a result, keeping only the newest KEEP_RESULTS: each edit of the tracker makes the older ones stale."""
        self._put("results", [(result_key, value)], KEEP_RESULTS)

    def get_shard(self, shard_key: str) -> bytes | None:
        """A stored part of a check (`accountability.speed.sharded`), or None when missing or damaged."""
        return self._get("shards", shard_key)

    def put_shard(self, shard_key: str, value: bytes) -> None:
        self._put("shards", [(shard_key, value)], KEEP_SHARDS)

    def put_shards(self, parts: list[tuple[str, bytes]]) -> None:
        """Store many parts in one transaction: a full check writes one per unit."""
        self._put("shards", parts, KEEP_SHARDS)

    def get_stamps(self) -> dict[str, tuple[Any, ...]]:
        """What the last check knew of each file, for `accountability.speed.sharded`:
        path → (path, mtime_ns, ctime_ns, size, inode, key, person)."""
        try:
            rows = self.db.execute("SELECT * FROM stamps").fetchall() if self.db else []
        except sqlite3.Error:
            return {}
        return {row[0]: row for row in rows}

    def put_stamps(self, rows: list[tuple[Any, ...]], removed: Iterable[str]) -> None:
        """Write only the rows that changed: on a large tracker one edit rewrites one row, not 18,000."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("DELETE FROM stamps WHERE path = ?", [(path,) for path in removed])
                self.db.executemany("INSERT OR REPLACE INTO stamps VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error:
            self._rebuild()

    def _get(self, table: str, entry_key: str) -> bytes | None:
        try:
            row = (
                self.db.execute(f"SELECT checksum, value FROM {table} WHERE key = ?", (entry_key,)).fetchone()
                if self.db
                else None
            )
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[1], bytes) or _checksum(row[1]) != row[0]:
            return None
        return row[1]

    def _put(self, table: str, entries: list[tuple[str, bytes]], keep: int) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                rows = [(entry_key, _checksum(value), value) for entry_key, value in entries]
                self.db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows)
                self.db.execute(
                    f"DELETE FROM {table} WHERE rowid NOT IN (SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)",
                    (keep,),
                )
        except sqlite3.Error:
            self._rebuild()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def entry(model: Document) -> bytes:
    """A model as stored: JSON of only the keys the file set. That is half the bytes and a third less to validate
    when read, and the revived model knows which keys were written (scoring.rules reads `model_fields_set`), like a
    freshly parsed one."""
    return model.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")


def revive(kind: str, value: bytes) -> Document | None:
    """The model of an entry, validated again; None if it is not a valid one."""
    model = _KINDS.get(kind)
    if model is None:
        return None
    try:
        return model.model_validate_json(value)
    except (ValidationError, ValueError):
        return None
