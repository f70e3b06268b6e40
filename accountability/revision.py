"""Loading the tracker as it was at a git revision, read through git itself."""

from __future__ import annotations

from pathlib import Path

from accountability.discover import is_tracker_file
from accountability.git import files_at, read_many, resolve
from accountability.load import assemble, load_bytes
from accountability.problems import Problem
from accountability.tracker import Tracker


def load_at_revision(rev: str, root: Path, top: Path) -> tuple[Tracker, list[Problem]]:
    """The tracker at `root` (inside the work tree at `top`) as committed in `rev`."""
    commit = resolve(rev, top)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    paths = [p for p in files_at(commit, prefix.rstrip("/"), top) if p.startswith(prefix) and is_tracker_file(p[len(prefix) :])]
    contents = read_many(commit, paths, top)
    loaded = [load_bytes(contents[p], p[len(prefix) :]) for p in paths if p in contents]
    return assemble(root, loaded)
