"""Giving every problem its line and column.

Problems found by the models and by rules between files carry a document path, not a position. This module
re-reads only the files that have such problems, composes them with positions, and places each problem on the
key or value its path names. A tracker with no problems never comes here.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import yaml

from accountability.problems import Problem
from accountability.yamlfile import compose, decode, locate


def located(root: Path, problems: list[Problem]) -> list[Problem]:
    """The problems with positions filled in, sorted by file, line and column."""
    pending: dict[str, list[Problem]] = defaultdict(list)
    done: list[Problem] = []
    for problem in problems:
        (pending[problem.path] if problem.line == 0 else done).append(problem)
    for path, unplaced in pending.items():
        done.extend(_place(root, path, unplaced))
    return sorted(done, key=lambda p: p.sort_key)


def _place(root: Path, path: str, problems: list[Problem]) -> list[Problem]:
    node = None
    try:
        text, _ = decode((root / path).read_bytes(), path)
        node = compose(text) if text is not None else None
    except (OSError, yaml.YAMLError):  # the file changed or vanished since it was read: fall back to 1:1
        node = None
    placed = []
    for problem in problems:
        line, col = locate(node, problem.at, problem.at_key)
        placed.append(dataclasses.replace(problem, line=line, col=col))
    return placed
