"""Running git. Every failure becomes one FatalError with advice (exit 2)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from accountability.problems import FatalError, said


def git(args: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise FatalError(said("git is not installed or not on PATH; install git to use this command")) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        said_by_git = message[-1] if message else said("no message")
        raise FatalError(said("git {command} failed: {message}", command=" ".join(args), message=said_by_git))
    return result.stdout


def toplevel(path: Path) -> Path:
    """The root of the git work tree holding `path`."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], path).decode().strip())
    except FatalError:
        raise FatalError(
            said(
                "{path} is not in a git repository; run this inside one (git init) or clone the tracker's repository",
                path=str(path),
            )
        ) from None


def toplevel_or_none(path: Path) -> Path | None:
    try:
        return toplevel(path)
    except FatalError:
        return None


def resolve(rev: str, cwd: Path) -> str:
    """The commit a revision names, or a FatalError saying the revision is unknown."""
    try:
        return git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd).decode().strip()
    except FatalError:
        raise FatalError(
            said(
                "unknown revision {rev}: no such branch, tag or commit here; check the name (git branch -a)",
                rev=repr(rev),
            )
        ) from None


@dataclass(frozen=True, slots=True)
class TreeFile:
    """A file in a commit's tree: its path from the repository's root, mode, object id and size in bytes."""

    path: str
    mode: str
    oid: str
    size: int

    @property
    def is_link(self) -> bool:
        return self.mode == "120000"


def files_at(rev: str, prefix: str, cwd: Path) -> list[TreeFile]:
    """The files (blobs) under `prefix` at a commit, from `git ls-tree -z`, where a path may hold any byte."""
    out = git(["ls-tree", "-r", "-z", "--long", rev, "--", prefix or "."], cwd)
    entries = []
    for record in out.decode("utf-8", "backslashreplace").split("\0"):  # a name that is not UTF-8 is shown escaped
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, oid, size = meta.split()
        if kind == "blob":
            entries.append(TreeFile(path, mode, oid, int(size)))
    return entries


def read_many(oids: list[str], cwd: Path) -> dict[str, bytes]:
    """The contents of many blobs by object id, through one `git cat-file --batch` process. Ids, not paths, go in:
    a path may hold a newline, which would split the request and shift every answer after it."""
    request = "".join(f"{oid}\n" for oid in oids).encode("ascii")
    out = subprocess.run(["git", "cat-file", "--batch"], cwd=cwd, input=request, capture_output=True, check=False)
    if out.returncode != 0:
        raise FatalError(said("git cat-file failed: {message}", message=out.stderr.decode("utf-8", "replace").strip()))
    contents, data, pos = {}, out.stdout, 0
    for oid in oids:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        contents[oid] = data[pos : pos + size]
        pos += size + 1
    return contents
