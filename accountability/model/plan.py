"""kind: plan — one person's monthly work plan (kế hoạch công tác tháng) and its 3-step evaluation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from accountability.model.base import Date, Id, Level, Month, Number, PositiveNumber, Record, Text


class Review(Record):
    """Step 2: the assigner's assessment of a task (ai giao việc thì người đó đánh giá)."""

    on: Date
    quality_fails: int = Field(0, ge=0)
    delays: int | None = Field(None, ge=0)
    excused: bool = False
    note: str | None = None


class Task(Record):
    """A task in the month's plan (nhiệm vụ trong tháng)."""

    id: Id
    title: Text
    assigned_by: Id
    due: Date
    commitment: str | None = None
    done: Date | None = None
    carried_from: str | None = None
    weight: PositiveNumber = 1
    review: Review | None = None


class SelfAssessment(Record):
    """Step 1: the person's self-assessment (tự đánh giá)."""

    on: Date
    score: Number | None = Field(None, ge=0, le=100)
    level: Level | None = None


class Rating(Record):
    """Step 3: the rating decided by the competent level (cấp có thẩm quyền kết luận, xếp loại)."""

    on: Date
    by: Id
    general: Number | None = Field(None, ge=0, le=30)
    level: Level | None = None
    reason: str = ""


class Plan(Record):
    """One person's plan for one month."""

    kind: Literal["plan"]
    person: Id
    month: Month
    tasks: list[Task]
    self_: SelfAssessment | None = Field(None, alias="self")
    rating: Rating | None = None
