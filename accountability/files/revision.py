"""Loading the tracker as it was at a git revision, read through git itself, or as it is in the working tree."""

from __future__ import annotations

from pathlib import Path

from accountability.files.discover import is_tracker_file
from accountability.files.git import files_at, read_many, resolve
from accountability.files.locate import located
from accountability.files.read import assemble, load_bytes, load_tracker
from accountability.model.tracker import Tracker
from accountability.problems import Problem


def load_at_revision(rev: str, root: Path, top: Path) -> tuple[Tracker, list[Problem]]:
    """The tracker at `root` (inside the work tree at `top`) as committed in `rev`, with the problems of its files
    placed at their lines in that revision."""
    commit = resolve(rev, top)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    paths = [
        p
        for p in files_at(commit, prefix.rstrip("/"), top)
        if p.startswith(prefix) and is_tracker_file(p[len(prefix) :])
    ]
    contents = {p[len(prefix) :]: raw for p, raw in read_many(commit, paths, top).items()}
    tracker, problems = assemble(root, [load_bytes(raw, path) for path, raw in contents.items()])
    return tracker, located(root, problems, unsaved=contents)


def load_side(rev: str | None, root: Path, top: Path) -> tuple[Tracker, list[Problem]]:
    """One side of a diff: a revision, or the working tree (uncommitted and untracked files included) for None."""
    if rev is not None:
        return load_at_revision(rev, root, top)
    tracker, problems = load_tracker(root)
    return tracker, located(root, problems)
