"""Reading files: bytes → a document model, or positioned problems; documents → a `Tracker`.

Reading a file has two steps: parsing (bytes → plain data, with positioned problems) and validating (plain data
→ a model). Both are pure functions of the file's bytes and path. Loading never stops at the first bad file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountability.files.discover import CONFIG_NAME
from accountability.files.regular import Unreadable, read_regular
from accountability.files.validate import validate_document
from accountability.files.yamlread import decode, parse
from accountability.model import Commitment, Config, Document, Issue, Org, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file's plain data (None when it could not be parsed), and the problems found while parsing."""

    path: str
    data: Any
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file's outcome: its model when valid, and its problems."""

    path: str
    model: Document | None
    problems: tuple[Problem, ...]


def parse_bytes(raw: bytes, path: str) -> Parsed:
    text, problems = decode(raw, path)
    if text is None:
        return Parsed(path, None, tuple(problems))
    data, problems = parse(text, path)
    return Parsed(path, None if problems else data, tuple(problems))


def validated(parsed: Parsed) -> Loaded:
    if parsed.problems:
        return Loaded(parsed.path, None, parsed.problems)
    model, problems = validate_document(parsed.data, parsed.path, is_config=parsed.path == CONFIG_NAME)
    return Loaded(parsed.path, model, tuple(problems))


def load_bytes(raw: bytes, path: str) -> Loaded:
    """A pure function of the file's bytes and path."""
    return validated(parse_bytes(raw, path))


def load_file(root: Path, path: str) -> Loaded:
    raw = read_raw(root, path)
    if isinstance(raw, Problem):
        return Loaded(path, None, (raw,))
    return load_bytes(raw, path)


def read_raw(root: Path, path: str) -> bytes | Problem:
    """The file's bytes, or an `unreadable` problem that says why."""
    try:
        return read_regular(str(root), path)
    except Unreadable as exc:
        return Problem("unreadable", exc.reason, path, 1, 1)


def assemble(root: Path, loaded: list[Loaded], files: int | None = None) -> tuple[Tracker, list[Problem]]:
    """The tracker of these files' valid documents, and every problem found in the files."""
    tracker = Tracker(root=root, files=len(loaded) if files is None else files)
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
