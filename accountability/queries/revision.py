"""The tracker as it was at a git revision, read through git itself, or as it is in the working tree, checked by
the engine like any other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accountability.engine import Outcome, PlainRunner, Runner, check
from accountability.files.discover import is_tracker_file
from accountability.files.git import files_at, read_many, resolve


def at_revision(rev: str, root: Path, top: Path, as_of: dt.date) -> Outcome:
    """The tracker at `root` (inside the work tree at `top`) as committed in `rev`, its problems placed at their
    lines in that revision."""
    commit = resolve(rev, top)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    paths = [
        p
        for p in files_at(commit, prefix.rstrip("/"), top)
        if p.startswith(prefix) and is_tracker_file(p[len(prefix) :])
    ]
    contents = {p[len(prefix) :]: raw for p, raw in read_many(commit, paths, top).items()}
    return check(root, as_of, PlainRunner(contents, only_overlay=True))


def side(rev: str | None, root: Path, top: Path, as_of: dt.date, working_tree: Runner) -> Outcome:
    """One side of a diff: a revision, or the working tree (uncommitted and untracked files included) for None."""
    return at_revision(rev, root, top, as_of) if rev is not None else check(root, as_of, working_tree)
