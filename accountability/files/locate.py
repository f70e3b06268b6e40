"""Giving problems and findings their line and column.

Problems found by the models and by rules between files, and `acct overdue`'s findings, carry a document path,
not a position. This module re-reads only the files that have such entries, composes them with positions, and
places each entry on the key or value its path names. A tracker with nothing to report never comes here.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from accountability.files.regular import Unreadable, read_regular
from accountability.files.yamlread import compose, decode, locate
from accountability.problems import DocPath


class Placeable(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def at(self) -> DocPath: ...
    @property
    def at_key(self) -> bool: ...


P = TypeVar("P", bound=Placeable)


def located(
    root: Path,
    entries: list[P],
    key: Callable[[Any], Any] = lambda e: e.sort_key,
    unsaved: Mapping[str, bytes] | None = None,
) -> list[P]:
    """The entries with line and column filled in, sorted by `key`. `unsaved` holds files' bytes that are not
    on disk (yet): an edit being validated."""
    pending: dict[str, list[P]] = defaultdict(list)
    done: list[P] = []
    for entry in entries:
        (pending[entry.path] if entry.line == 0 else done).append(entry)
    for path, unplaced in pending.items():
        done.extend(_place(root, path, unplaced, (unsaved or {}).get(path)))
    return sorted(done, key=key)


def _place(root: Path, path: str, entries: list[P], raw: bytes | None) -> list[P]:
    node = None
    try:
        text, _ = decode(raw if raw is not None else read_regular(str(root), path), path)
        node = compose(text) if text is not None else None
    except (Unreadable, yaml.YAMLError):  # the file changed or vanished since it was read: fall back to 1:1
        node = None
    placed = []
    for entry in entries:
        line, col = locate(node, entry.at, entry.at_key)
        placed.append(dataclasses.replace(entry, line=line, col=col))  # type: ignore[type-var]
    return placed
