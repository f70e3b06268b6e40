"""The tracker as it was at a git revision, read through git itself, or as it is in the working tree, checked by
the engine like any other."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from accountability.engine import Outcome, PlainRunner, Runner, check
from accountability.files.discover import is_tracker_file
from accountability.files.git import TreeFile, files_at, read_many, resolve
from accountability.files.regular import MAX_FILE
from accountability.problems import Problem, said


def at_revision(rev: str, root: Path, top: Path, as_of: dt.date) -> Outcome:
    """The tracker at `root` (inside the work tree at `top`) as committed in `rev`, its problems placed at their
    lines in that revision. Blobs are read by their object id, so no file name can shift what is read; a link or
    a blob over the size limit is not read, and is reported."""
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
    outcome = check(root, as_of, PlainRunner(contents, only_overlay=True))
    problems = sorted(outcome.problems + refused, key=lambda p: p.sort_key)
    return dataclasses.replace(outcome, problems=problems, files=outcome.files + len(refused))


def _refusal(entry: TreeFile, path: str, rev: str) -> Problem:
    if entry.is_link:
        reason = said("it is a symbolic link in {rev}, which acct does not follow in a revision", rev=rev)
    else:
        reason = said(
            "it is {size} bytes in {rev}, over the limit of {limit} bytes for one file",
            size=float(entry.size),
            rev=rev,
            limit=float(MAX_FILE),
        )
    return Problem("unreadable", said("cannot read the file: {reason}", reason=reason), path, 1, 1)


def side(rev: str | None, root: Path, top: Path, as_of: dt.date, working_tree: Runner) -> Outcome:
    """One side of a diff: a revision, or the working tree (uncommitted and untracked files included) for None."""
    return at_revision(rev, root, top, as_of) if rev is not None else check(root, as_of, working_tree)
