"""kind: commitment — one unit's responsibility commitment for one year (bản cam kết trách nhiệm)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from accountability.model.base import Date, Id, Number, PositiveNumber, Record, Text


class Target(Record):
    """An indicator's target (chỉ tiêu)."""

    value: Number
    unit: str | None = None
    direction: Literal["up", "down"] = "up"


class Milestone(Record):
    """The value expected by a date, in place of a straight line from 1 January."""

    by: Date
    value: Number


class Report(Record):
    """A progress report (báo cáo tiến độ): the cumulative value on a date."""

    on: Date
    value: Number
    note: str | None = None


class Item(Record):
    """A task item (nhiệm vụ), done when `done` holds a date, or an indicator item (chỉ tiêu), with a `target`."""

    id: Id
    title: Text
    owner: Id
    due: Date
    done: Date | None = None
    weight: PositiveNumber = 1
    evidence: list[str] = []
    target: Target | None = None
    milestones: list[Milestone] = []
    reports: list[Report] = []

    @property
    def is_indicator(self) -> bool:
        return self.target is not None


class Group(Record):
    """A key task group (nhóm nhiệm vụ trọng tâm)."""

    id: Id
    title: Text
    weight: PositiveNumber | None = None
    items: list[Item]


class Amendment(Record):
    """An approved change to the commitment (điều chỉnh nội dung cam kết)."""

    on: Date
    item: Id
    set: dict[str, Any] = Field(min_length=1)
    reason: str | None = None
    approved_by: Id


class Commitment(Record):
    """One unit's commitment for one year, made to the body that assesses it."""

    kind: Literal["commitment"]
    unit: Id
    year: int = Field(ge=1900, le=2999)
    head: Id
    to: Id
    signed: Date | None = None
    groups: list[Group]
    amendments: list[Amendment] = []

    def items(self) -> list[tuple[int, int, Item]]:
        """Every item with its group index and item index."""
        return [(g, i, item) for g, group in enumerate(self.groups) for i, item in enumerate(group.items)]
