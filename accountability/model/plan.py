"""kind: plan — one person's monthly work plan (kế hoạch công tác tháng) and its 3-step evaluation."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from accountability.model.base import Date, Id, Level, Month, Number, PositiveNumber, Record, Text


class Review(Record):
    """Step 2: the assigner's assessment of a task (ai giao việc thì người đó đánh giá)."""

    on: Date
    """The date of the review (ngày đánh giá)."""
    quality_fails: int = Field(0, ge=0, le=1000)
    """Quality checks failed (số lần không đạt chất lượng); each costs 25% of the quality credit."""
    delays: int | None = Field(None, ge=0, le=1000)
    """Delays (số lần chậm tiến độ); counts as 1 when done after due and left out."""
    excused: bool = False
    """An objective cause confirmed by a competent authority (nguyên nhân khách quan): no deductions."""
    note: str | None = None
    """The assigner's comment (nhận xét)."""


class Task(Record):
    """A task in the month's plan (nhiệm vụ trong tháng)."""

    id: Id
    """The task's id (mã nhiệm vụ), unique within the plan: t1, t2…"""
    title: Text
    """The task (nội dung công việc)."""
    assigned_by: Id
    """Who gave the task, and so who assesses it (người giao việc)."""
    due: Date
    """The deadline, within the plan's month (thời hạn)."""
    commitment: str | None = None
    """The commitment item it serves (nhiệm vụ cam kết), as unit/item."""
    done: Date | None = None
    """The day it was done (ngày hoàn thành)."""
    carried_from: str | None = None
    """The same task in an earlier month's plan, as YYYY-MM/task (chuyển tiếp)."""
    weight: PositiveNumber = 1
    """The task's weight (trọng số); default 1."""
    review: Review | None = None
    """Step 2: the assigner's review (bước 2: người giao việc đánh giá)."""


class SelfAssessment(Record):
    """Step 1: the person's self-assessment (tự đánh giá)."""

    on: Date
    """The date of the self-assessment (ngày tự đánh giá)."""
    score: Number | None = Field(None, ge=0, le=100)
    """The score the person gives themself, 0–100 (điểm tự chấm)."""
    level: Level | None = None
    """The level the person proposes (mức tự xếp loại)."""


class Rating(Record):
    """Step 3: the rating decided by the competent level (cấp có thẩm quyền kết luận, xếp loại)."""

    on: Date
    """The date of the decision (ngày kết luận)."""
    by: Id
    """The person who decides for the competent level (cấp có thẩm quyền)."""
    general: Number | None = Field(None, ge=0, le=30)
    """General criteria, 0–30 (tiêu chí chung): politics, ethics, discipline, manner."""
    level: Level | None = None
    """The concluded level (xếp loại), the official one."""
    reason: str = ""
    """Required when the level is above the one acct computes (lý do)."""


class PlanAmendment(Record):
    """A change to a concluded month, approved by the person's rater (điều chỉnh kết quả tháng đã kết luận)."""

    on: Date
    """The date of approval (ngày điều chỉnh)."""
    task: Id | None = None
    """The task changed (nhiệm vụ được điều chỉnh); left out for a change to the rating."""
    set: dict[str, Any] = Field(min_length=1)
    """The fields changed, with their new values (nội dung điều chỉnh)."""
    reason: Text
    """Why (lý do điều chỉnh)."""
    approved_by: Id
    """The person's rater, or a unit above (người phê duyệt)."""


class Plan(Record):
    """One person's plan for one month."""

    kind: Literal["plan"]
    """The kind of file (loại tệp): always plan."""
    person: Id
    """Whose plan it is (người thực hiện): a person's id."""
    month: Month
    """The month, YYYY-MM (tháng)."""
    tasks: list[Task]
    """The month's tasks (nhiệm vụ trong tháng)."""
    self_: SelfAssessment | None = Field(None, alias="self")
    """Step 1: the self-assessment (bước 1: tự đánh giá)."""
    rating: Rating | None = None
    """Step 3: the rating by the competent level (bước 3: kết luận, xếp loại)."""
    amendments: list[PlanAmendment] = []
    """Changes made after the month was concluded (điều chỉnh sau khi đã kết luận)."""

    @property
    def concluded(self) -> bool:
        """A month is concluded once its plan has a rating; later changes go through amendments."""
        return self.rating is not None
