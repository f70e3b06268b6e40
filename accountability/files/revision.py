"""Loading the tracker as it was at a git revision, read through git itself, or as it is in the working tree."""

from __future__ import annotations

from pathlib import Path

from accountability.files.discover import is_tracker_file
from accountability.files.git import Entry, files_at, read_many, resolve
from accountability.files.locate import located
from accountability.files.read import assemble, load_bytes, load_tracker
from accountability.files.regular import MAX_FILE
from accountability.model.tracker import Tracker
from accountability.problems import Problem


def load_at_revision(rev: str, root: Path, top: Path) -> tuple[Tracker, list[Problem]]:
    """The tracker at `root` (inside the work tree at `top`) as committed in `rev`, with the problems of its files
    placed at their lines in that revision."""
    commit = resolve(rev, top)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    entries = [
        e
        for e in files_at(commit, prefix.rstrip("/"), top)
        if e.path.startswith(prefix) and is_tracker_file(e.path[len(prefix) :])
    ]
    refused = [_refusal(e, e.path[len(prefix) :], rev) for e in entries if e.is_link or e.size > MAX_FILE]
    wanted = [e for e in entries if not (e.is_link or e.size > MAX_FILE)]
    blobs = read_many([e.oid for e in wanted], top)
    contents = {e.path[len(prefix) :]: blobs[e.oid] for e in wanted if e.oid in blobs}
    tracker, problems = assemble(root, [load_bytes(raw, path) for path, raw in contents.items()])
    return tracker, located(root, problems, unsaved=contents) + refused


def _refusal(entry: Entry, path: str, rev: str) -> Problem:
    if entry.is_link:
        reason = f"it is a symbolic link in {rev}, which acct does not follow in a revision"
    else:
        reason = f"it is {entry.size:,} bytes in {rev}, over the limit of {MAX_FILE:,} bytes for one file"
    return Problem("unreadable", f"cannot read the file: {reason}", path, 1, 1)


def load_side(rev: str | None, root: Path, top: Path) -> tuple[Tracker, list[Problem]]:
    """One side of a diff: a revision, or the working tree (uncommitted and untracked files included) for None."""
    if rev is not None:
        return load_at_revision(rev, root, top)
    tracker, problems = load_tracker(root)
    return tracker, located(root, problems)
