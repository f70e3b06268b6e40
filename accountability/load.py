"""Files → a `Tracker` and the problems found in them. Loading never stops at the first bad file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from accountability.discover import CONFIG_NAME, tracker_files
from accountability.model import Commitment, Config, Document, Issue, Org, Plan
from accountability.problems import Problem
from accountability.tracker import Doc, Tracker
from accountability.validate import validate_document
from accountability.yamlfile import decode, parse


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file's outcome: its model when valid, and its problems."""

    path: str
    model: Document | None
    problems: tuple[Problem, ...]


def load_bytes(raw: bytes, path: str) -> Loaded:
    """A pure function of the file's bytes and path, so that it can be cached and run in parallel."""
    text, problems = decode(raw, path)
    if text is None:
        return Loaded(path, None, tuple(problems))
    data, problems = parse(text, path)
    if problems:
        return Loaded(path, None, tuple(problems))
    model, problems = validate_document(data, path, is_config=path == CONFIG_NAME)
    return Loaded(path, model, tuple(problems))


def load_file(root: Path, path: str) -> Loaded:
    try:
        raw = (root / path).read_bytes()
    except OSError as exc:
        return Loaded(path, None, (Problem("unreadable", f"cannot read the file: {exc.strerror}; check its permissions", path, 1, 1),))
    return load_bytes(raw, path)


def load_tracker(root: Path) -> tuple[Tracker, list[Problem]]:
    """Read every file of the tracker at `root`."""
    paths = tracker_files(root)
    return assemble(root, [load_file(root, path) for path in paths])


def assemble(root: Path, loaded: list[Loaded]) -> tuple[Tracker, list[Problem]]:
    tracker = Tracker(root=root, files=len(loaded))
    problems: list[Problem] = []
    for result in loaded:
        problems.extend(result.problems)
        model = result.model
        if isinstance(model, Config):
            tracker.config = model
        elif isinstance(model, Org):
            tracker.orgs.append(Doc(result.path, model))
        elif isinstance(model, Commitment):
            tracker.commitments.append(Doc(result.path, model))
        elif isinstance(model, Plan):
            tracker.plans.append(Doc(result.path, model))
        elif isinstance(model, Issue):
            tracker.issues.append(Doc(result.path, model))
    tracker.index()
    return tracker, problems
