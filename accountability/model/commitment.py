"""kind: commitment — one unit's responsibility commitment for one year (bản cam kết trách nhiệm)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from accountability.model.base import Date, Figure, Id, PositiveNumber, Record, Text


class Target(Record):
    """An indicator's target (chỉ tiêu)."""

    value: Figure
    """The target value (giá trị chỉ tiêu)."""
    unit: str | None = None
    """The unit of measure (đơn vị tính), e.g. tỷ đồng or %."""
    direction: Literal["up", "down"] = "up"
    """up: higher is better; down: lower is better (chiều đánh giá)."""


class Milestone(Record):
    """The value expected by a date, in place of a straight line from 1 January."""

    by: Date
    """The date (mốc thời gian)."""
    value: Figure
    """The cumulative value expected by that date (giá trị kỳ vọng)."""


class Report(Record):
    """A progress report (báo cáo tiến độ): the cumulative value on a date."""

    on: Date
    """The date of the figure (ngày báo cáo); reports are in strictly increasing date order."""
    value: Figure
    """The cumulative value on that date (giá trị lũy kế)."""
    note: str | None = None
    """A note (ghi chú), e.g. Quý I."""


class Item(Record):
    """A task item (nhiệm vụ), done when `done` holds a date, or an indicator item (chỉ tiêu), with a `target`."""

    id: Id
    """The item's id (mã nhiệm vụ), unique within the commitment."""
    title: Text
    """What is to be done (nội dung nhiệm vụ / chỉ tiêu)."""
    owner: Id
    """The one person responsible (một việc một đầu mối)."""
    due: Date
    """The deadline (thời hạn hoàn thành)."""
    done: Date | None = None
    """For a task item: the day it was done (ngày hoàn thành)."""
    weight: PositiveNumber = 1
    """The item's weight within its group (trọng số); default 1."""
    evidence: list[str] = []
    """Evidence of completion (minh chứng), e.g. a hand-over record."""
    target: Target | None = None
    """For an indicator item: its target (chỉ tiêu). An item with a target is an indicator."""
    measure: Literal["cumulative", "level"] = "cumulative"
    """For an indicator: cumulative (a count or sum that grows through the year, paced from 0: lũy kế) or level (a
    rate, share or ratio, judged against the target itself all year: tỷ lệ)."""
    milestones: list[Milestone] = []
    """Expected values by dates, in place of a straight line from 1 January (mốc tiến độ)."""
    reports: list[Report] = []
    """Progress reports (báo cáo tiến độ), each the cumulative value on a date."""

    @property
    def is_indicator(self) -> bool:
        return self.target is not None


class Group(Record):
    """A key task group (nhóm nhiệm vụ trọng tâm)."""

    id: Id
    """The group's id (mã nhóm), unique within the commitment."""
    title: Text
    """The group's title (tên nhóm nhiệm vụ)."""
    weight: PositiveNumber | None = None
    """The group's weight (trọng số nhóm); groups without one weigh equally."""
    items: list[Item]
    """The tasks and indicators of the group (nhiệm vụ, chỉ tiêu)."""


REMOVED = "removed"  # the `set:` key of an amendment that takes an item out: set: {removed: true}


class Amendment(Record):
    """An approved change to the commitment (điều chỉnh nội dung cam kết)."""

    on: Date
    """The date of approval (ngày điều chỉnh)."""
    item: Id
    """The item changed (nhiệm vụ được điều chỉnh)."""
    set: dict[str, Any] = Field(min_length=1)
    """The fields changed, with their new values (nội dung điều chỉnh); {removed: true} takes the item out."""
    reason: str | None = None
    """Why (lý do điều chỉnh)."""
    approved_by: Id
    """The unit or person who approved it (cấp phê duyệt)."""


class Commitment(Record):
    """One unit's commitment for one year, made to the body that assesses it."""

    kind: Literal["commitment"]
    """The kind of file (loại tệp): always commitment."""
    unit: Id
    """The unit that commits (đơn vị cam kết)."""
    year: int = Field(ge=1900, le=2999)
    """The year of the commitment (năm)."""
    head: Id
    """The head who signs (người đứng đầu ký cam kết); the unit's head in org."""
    to: Id
    """The body it is made to, which assesses it (cam kết với), e.g. the Standing Committee."""
    signed: Date | None = None
    """The day it was signed (ngày ký)."""
    groups: list[Group]
    """The key task groups (nhóm nhiệm vụ trọng tâm), 3 to 5 by default."""
    amendments: list[Amendment] = []
    """Approved changes (điều chỉnh nội dung cam kết)."""

    def items(self) -> list[tuple[int, int, Item]]:
        """Every item with its group index and item index."""
        return [(g, i, item) for g, group in enumerate(self.groups) for i, item in enumerate(group.items)]
