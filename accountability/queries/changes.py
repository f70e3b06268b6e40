"""A change between two revisions of the tracker, as `acct diff` lists it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Key = tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One change. `scope` and `key` say what it is in (a commitment: unit and year; a plan: person and month; org;
    a key issue), `item` the item, task, unit or person changed ("" for the plan's self-assessment or rating and the
    issue's own fields)."""

    scope: str  # commitment | plan | org | issue
    key: Key
    item: str
    kind: str  # added | removed | moved | target-raised | target-lowered | … (see render.diff.LABELS)
    field: str
    before: Any
    after: Any
    weakening: bool
    path: str  # the file in HEAD (or in BASE, for a file removed)
    approved_by: str | None = None  # the amendment that approves it
    concluded: bool = False  # a change to a concluded month, which needs an approved amendment whatever it is

    @property
    def unapproved(self) -> bool:
        return (self.weakening or self.concluded) and self.approved_by is None

    @property
    def where(self) -> str:
        return " ".join(str(value) for _, value in self.key)


def plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return str(value) if value is not None and not isinstance(value, (int, float, str)) else value


def approval(who: str, on: object) -> str:
    """Who approved a change, and when: what `approved_by` holds in the output."""
    return f"{who} on {on}"
