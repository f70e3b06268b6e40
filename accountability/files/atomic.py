"""Atomic writes: a temporary file in the same folder, fsync, then a rename. Readers never see half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from accountability.problems import FatalError


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` atomically, keeping an existing file's mode. With overwrite=False, refuse (FatalError)
    if `path` exists, even if it appears while writing. A folder that cannot be written is a FatalError too."""
    try:
        _write(path, data, overwrite)
    except OSError as exc:
        raise FatalError(
            f"cannot write {path}: {exc.strerror or exc}; check that you may write to {path.parent}"
        ) from None


def _write(path: Path, data: bytes, overwrite: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode if mode is not None else 0o644)
        if overwrite:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)  # fails if the target exists: no overwrite, even in a race
            except FileExistsError:
                raise FatalError(f"{path} already exists; acct will not overwrite it") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
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
