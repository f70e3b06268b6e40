"""Reading files: bytes → a document model, or positioned problems; documents → a `Tracker`.

Reading a file has two steps: parsing (bytes → plain data, with positioned problems) and validating (plain data
→ a model). Both are pure functions of the file's bytes and path. Loading never stops at the first bad file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from accountability.files.discover import CONFIG_NAME
from accountability.files.regular import Unreadable, read_regular
from accountability.files.validate import validate_document
from accountability.files.yamlread import decode, locate, parse_node
from accountability.model import Commitment, Config, Document, Issue, Org, Plan
from accountability.model.tracker import Doc, Marks, Tracker, marked_places
from accountability.problems import Problem


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file's plain data (None when it could not be parsed), the problems found while parsing, and its marks."""

    path: str
    data: Any
    problems: tuple[Problem, ...]
    marks: Marks = ()


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file's outcome: its model when valid, its problems, and its marks (see `model.tracker.Doc`)."""

    path: str
    model: Document | None
    problems: tuple[Problem, ...]
    marks: Marks = ()


def parse_bytes(raw: bytes, path: str) -> Parsed:
    text, problems = decode(raw, path)
    if text is None:
        return Parsed(path, None, tuple(problems))
    node, data, problems = parse_node(text, path)
    if problems:
        return Parsed(path, None, tuple(problems))
    return Parsed(path, data, (), marked(node, data))


def marked(node: Node | None, data: Any) -> Marks:
    """The places of a plan that evidence and deadlines about its person name: its month, each task with its id and
    due date, and its rating's level. Found now, while the node tree with its positions lives, so that no output has
    to read the file again to name a line."""
    if not (isinstance(data, dict) and data.get("kind") == "plan"):
        return ()
    tasks = data.get("tasks")
    rating = data.get("rating")
    has_level = isinstance(rating, dict) and "level" in rating
    found: list[int] = []
    for at in marked_places(len(tasks) if isinstance(tasks, list) else 0):
        found += locate(node, at, at_key=False) if at != ("rating", "level") or has_level else (0, 0)
    return tuple(found)


def validated(parsed: Parsed) -> Loaded:
    if parsed.problems:
        return Loaded(parsed.path, None, parsed.problems)
    model, problems = validate_document(parsed.data, parsed.path, is_config=parsed.path == CONFIG_NAME)
    return Loaded(parsed.path, model, tuple(problems), parsed.marks if model is not None else ())


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
            tracker.plans.append(Doc(result.path, model, result.marks))
        elif isinstance(model, Issue):
            tracker.issues.append(Doc(result.path, model))
    tracker.index()
    return tracker, problems
