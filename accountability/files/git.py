"""Running git. Every failure becomes one FatalError with advice (exit 2)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from accountability.problems import FatalError


def git(args: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise FatalError("git is not installed or not on PATH; install git to use this command") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FatalError(f"git {' '.join(args)} failed: {message[-1] if message else 'no message'}")
    return result.stdout


def toplevel(path: Path) -> Path:
    """The root of the git work tree holding `path`."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], path).decode().strip())
    except FatalError:
        raise FatalError(
            f"{path} is not in a git repository; run this inside one (git init) or clone the tracker's repository"
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
            f"unknown revision {rev!r}: no such branch, tag or commit here; check the name (git branch -a)"
        ) from None


def files_at(rev: str, prefix: str, cwd: Path) -> list[str]:
    """Paths (relative to the repository root) of the files under `prefix` at a commit."""
    out = git(["ls-tree", "-r", "-z", "--name-only", rev, "--", prefix or "."], cwd)
    return [p for p in out.decode("utf-8").split("\0") if p]


def read_many(rev: str, paths: list[str], cwd: Path) -> dict[str, bytes]:
    """The contents of many files at a commit, through one `git cat-file --batch` process."""
    request = "".join(f"{rev}:{path}\n" for path in paths).encode("utf-8")
    out = subprocess.run(["git", "cat-file", "--batch"], cwd=cwd, input=request, capture_output=True, check=False)
    if out.returncode != 0:
        raise FatalError(f"git cat-file failed: {out.stderr.decode('utf-8', 'replace').strip()}")
    contents, data, pos = {}, out.stdout, 0
    for path in paths:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        contents[path] = data[pos : pos + size]
        pos += size + 1
    return contents
