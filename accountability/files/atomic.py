"""The one way acct writes a file: whole, atomically, where the user points, and over no bytes it did not read.

- **Atomic**: a temporary file in the same folder, fsync, then a rename; no reader ever sees half a file.
- **Where the user points**: a symbolic link is followed and the file it names is replaced, keeping that file's mode
  and owner. A target that is not a regular file (a folder, a device such as /dev/full, a named pipe, a socket) is
  refused and left as it is, and so is a file with several names (hard links), which a rename would split: the other
  names would keep the old content.
- **No lost update**: an edit (`edit_file`) holds an exclusive lock (flock) on the file from its read to its write,
  and writes only if the file still holds the bytes it read; otherwise it does the edit again on the new bytes.
  Every acct process takes the lock, so two edits of one file follow each other; a program that takes no lock (an
  editor, `echo >>`) is caught by the comparison, which runs right before the rename.

Every failure is a FatalError that names the file and says what to do (exit 2).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accountability.files.regular import KINDS
from accountability.i18n import N_
from accountability.problems import FatalError, Text, said

LOCK_WAIT = 120.0  # seconds to wait for another program's lock on the file before giving up
ATTEMPTS = 5  # edits redone because the file changed under them, before giving up
NEW_MODE = 0o644


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path`: a new file, or (overwrite=True) in place of an existing regular file. With
    overwrite=False, refuse if `path` exists, even if it appears while writing."""
    if not overwrite:
        return _guarded(path, lambda: _create(path, data))
    _guarded(path, lambda: _update(path, lambda _: data, must_exist=False))


def edit_file(path: Path, change: Callable[[bytes], bytes]) -> bytes:
    """Replace the existing file at `path` with `change(its bytes)`, under its lock; `change` runs again on the new
    bytes if the file changed before the write. Returns the bytes written. What `change` raises goes through."""
    result: list[bytes] = []
    _guarded(path, lambda: result.append(_update(path, change, must_exist=True)))
    return result[0]


def append_to(path: Path, data: bytes) -> None:
    """Append to a file that others append to as well (GitHub's step summary): not atomic, by its nature, but only
    to a regular file, without waiting on a named pipe."""

    def append() -> None:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, NEW_MODE)
        try:
            _check_kind(path, os.fstat(fd))
            os.write(fd, data)
        finally:
            os.close(fd)

    _guarded(path, append)


def _guarded(path: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as exc:
        raise FatalError(
            said(
                "cannot write {path}: {reason}; check that you may write to {folder}",
                path=str(path),
                reason=exc.strerror or str(exc),
                folder=str(path.parent),
            )
        ) from None


def _create(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temporary(str(path.parent), path.name, data, None)
    try:
        os.link(temp, path)  # fails if the target exists, even a dangling link: no overwrite, even in a race
    except FileExistsError:
        raise FatalError(said("{path} already exists; acct will not overwrite it", path=str(path))) from None
    finally:
        os.unlink(temp)
    _fsync_dir(str(path.parent))


def _update(path: Path, change: Callable[[bytes], bytes], must_exist: bool) -> bytes:
    real = os.path.realpath(path)
    deadline = time.monotonic() + LOCK_WAIT
    for _ in range(ATTEMPTS):
        fd = _open_locked(path, real, deadline, must_exist)
        if fd is None:  # nothing there: a new file, which no one else holds
            os.makedirs(os.path.dirname(real), exist_ok=True)
            new = change(b"")
            _replace(real, new, None)
            return new
        try:
            old = _read(fd)
            new = change(old)
            if new == old:
                return new  # nothing to write
            if _still(fd, real, old):
                _replace(real, new, os.fstat(fd))
                return new
        finally:
            os.close(fd)
    raise FatalError(
        said("{path} kept changing while acct edited it, so nothing was written; run the command again", path=str(path))
    )


def _open_locked(path: Path, real: str, deadline: float, must_exist: bool) -> int | None:
    """The file at `real`, opened and locked, checked to be a regular file with one name and still the file at that
    path once the lock is held (a writer that renames a new file into place leaves the old one locked)."""
    while True:
        try:
            _check_target(path, os.stat(real))  # before opening it: opening a device may do something
            fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a named pipe does not make it wait
        except FileNotFoundError:
            if must_exist:
                raise FatalError(
                    said("{path} does not exist (any more); run the command again", path=str(path))
                ) from None
            return None
        try:
            _check_target(path, os.fstat(fd))
            _lock(fd, path, deadline)
            if _same(fd, real):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _check_kind(path: Path, st: os.stat_result) -> None:
    kind = stat.S_IFMT(st.st_mode)
    if kind != stat.S_IFREG:
        raise FatalError(
            said(
                "{path} is {what}; acct writes only regular files and left it as it is: choose a file name",
                path=str(path),
                what=Text(KINDS.get(kind, N_("not a regular file"))),
            )
        )


def _check_target(path: Path, st: os.stat_result) -> None:
    _check_kind(path, st)
    if st.st_nlink > 1:
        raise FatalError(
            said(
                "{path} has {names} names (hard links); acct replaces a file by renaming a new one into place, so that "
                "no reader sees half of it, which would leave the other names with the old content. Give the file one "
                "name (cp {path} {path}.copy && mv {path}.copy {path}) and run the command again",
                path=str(path),
                names=st.st_nlink,
            )
        )
    if not st.st_mode & 0o222:
        raise FatalError(said("{path} is read-only; make it writable (chmod u+w) first", path=str(path)))


def _lock(fd: int, path: Path, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() > deadline:
            raise FatalError(
                said(
                    "{path} has been locked by another program (another acct editing it?) for {seconds} s; run the "
                    "command again once it is done",
                    path=str(path),
                    seconds=round(LOCK_WAIT),
                )
            )
        time.sleep(0.02)


def _same(fd: int, real: str) -> bool:
    try:
        now = os.stat(real)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def _read(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _still(fd: int, real: str, old: bytes) -> bool:
    """Whether the path still names the locked file, holding the bytes read: a program that takes no lock may have
    written to it, or renamed another file into place, while the edit was made."""
    return _same(fd, real) and _read(fd) == old


def _replace(real: str, data: bytes, st: os.stat_result | None) -> None:
    folder = os.path.dirname(real)
    temp = _temporary(folder, os.path.basename(real), data, st)
    try:
        os.replace(temp, real)
    except BaseException:
        os.unlink(temp)
        raise
    _fsync_dir(folder)


def _temporary(folder: str, name: str, data: bytes, st: os.stat_result | None) -> str:
    """A synced temporary file beside the target, with the target's owner and mode (or those of a new file)."""
    handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            _keep_owner(out.fileno(), st, os.path.join(folder, name))
            os.fchmod(out.fileno(), stat.S_IMODE(st.st_mode) if st is not None else NEW_MODE)
            os.fsync(out.fileno())
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def _keep_owner(fd: int, st: os.stat_result | None, real: str) -> None:
    if st is None:
        return
    made = os.fstat(fd)
    if (made.st_uid, made.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except PermissionError:
        raise FatalError(
            said(
                "{path} belongs to user {user} and group {group}, which acct cannot give the new file it writes in its "
                "place; left as it is: run the command as its owner",
                path=real,
                user=st.st_uid,
                group=st.st_gid,
            )
        ) from None


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
