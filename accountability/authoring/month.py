"""The month's 3-step evaluation as edits of a plan: tasks added, step 1 (`self:`), step 2 (`review:` under each task)
and step 3 (`rating:`), each refused in a concluded month unless it comes with its amendment.

Each edit fills a `Written` with what it wrote, for the command to say.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from accountability.authoring import place
from accountability.authoring.concluded import Approval, Refused, amend, gate
from accountability.authoring.edits import Edit, Found
from accountability.files.read import load_bytes
from accountability.files.splice import Source
from accountability.model import Person, Plan
from accountability.model.base import LEVELS
from accountability.model.tracker import Doc
from accountability.periods import Judging, month_period
from accountability.problems import said
from accountability.scoring.numbers import round1
from accountability.scoring.people import TaskResult, score_month, score_task
from accountability.scoring.rules import RuleSet, level_of

_TASK_ID = re.compile(r"^t(\d+)$")


@dataclass
class Written:
    """What an edit of the month wrote."""

    task: str = ""
    on: dt.date | None = None  # the date the step was written with
    task_results: float | None = None
    score: float | None = None
    computed: str | None = None
    level: str | None = None
    reviewed: list[TaskResult] = field(default_factory=list)  # each task reviewed, judged with its new review


@dataclass(frozen=True)
class When:
    """The date of a step: --on when given; else, for a step written again, the date it has; else --as-of."""

    given: dt.date | None
    today: dt.date

    def of(self, written: Any) -> dt.date:
        return self.given or (written.on if written is not None else self.today)


@dataclass(frozen=True)
class NewTask:
    """`acct add task`'s fields."""

    title: str
    assigned_by: str
    due: dt.date
    commitment: str | None = None
    weight: float | None = None

    def fields(self) -> dict[str, Any]:
        found: dict[str, Any] = {"title": self.title, "assigned_by": self.assigned_by, "due": self.due}
        if self.commitment:
            found["commitment"] = self.commitment
        if self.weight is not None:
            found["weight"] = self.weight
        return found


def next_task_id(plan: Plan) -> str:
    """The next free tN: one more than the highest N in use."""
    numbers = [int(m.group(1)) for t in plan.tasks if (m := _TASK_ID.match(t.id))]
    return f"t{max(numbers, default=0) + 1}"


def add_task(task: NewTask, approval: Approval | None, written: Written) -> Edit:
    """Append a task to the plan, with the next free id."""

    def edit(source: Source, found: Found) -> None:
        plan = _plan(found)
        gate(plan, approval)
        written.task = next_task_id(plan)
        place.append(source, (), "tasks", {"id": written.task, **task.fields()})
        amend(source, approval, written.task, task.fields())

    return edit


def self_assessment(
    general: float, level: str | None, when: When, person: Person | None, rules: RuleSet, written: Written
) -> Edit:
    """Step 1: `self: {on, score, level}`, the score being `general` plus the task results that acct computes as of
    its date, the level the computed one unless given."""

    def edit(source: Source, found: Found) -> None:
        plan = _plan(found)
        written.on = on = when.of(plan.self_)
        _judged(plan, general, on, person, rules, written)
        if written.score is None:
            raise Refused(_nothing_scored(plan, on))
        written.level = level or written.computed
        place.put(source, (), "self", {"on": on, "score": written.score, "level": written.level})

    return edit


def review(
    task_id: str, fields: dict[str, Any], when: When, approval: Approval | None, rules: RuleSet, written: Written
) -> Edit:
    """Step 2 for one task: `review: {on, quality_fails, delays, excused, note}`, merged into one already written."""

    def edit(source: Source, found: Found) -> None:
        gate(_plan(found), approval)
        existing = found.record.review
        written.on = on = when.of(existing)
        new = {"on": on, **({"quality_fails": 0} if existing is None else {}), **fields}
        place.put(source, found.at, "review", new)
        amend(source, approval, task_id, {"review": new})
        written.reviewed = _judged_tasks(source, [task_id], on, rules)

    return edit


def review_all(assigner: str, when: When, approval: Approval | None, rules: RuleSet, written: Written) -> Edit:
    """Step 2, no deductions, for every task that `assigner` gave and nobody has reviewed yet. A task done after its
    due date keeps its one delay, which its dates say (SCORING.md): `delays` is left out."""

    def edit(source: Source, found: Found) -> None:
        plan = _plan(found)
        ids = unreviewed(plan, assigner)
        written.on = on = when.of(None)
        if ids:
            gate(plan, approval)
        for ti, task in enumerate(plan.tasks):
            if task.id in ids:
                fields = {"on": on, "quality_fails": 0}
                place.put(source, ("tasks", ti), "review", fields)
                amend(source, approval, task.id, {"review": fields})
        written.reviewed = _judged_tasks(source, ids, on, rules)

    return edit


def _judged_tasks(source: Source, ids: list[str], on: dt.date, rules: RuleSet) -> list[TaskResult]:
    """The tasks as the plan's new text has them, judged as of `on`."""
    plan = load_bytes(source.to_bytes(), "plan.yaml").model
    if not isinstance(plan, Plan):
        return []
    judging = Judging(month_period(plan.month), on)
    return [score_task(task, judging, rules) for task in plan.tasks if task.id in ids]


def unreviewed(plan: Plan, assigner: str) -> list[str]:
    return [t.id for t in plan.tasks if t.assigned_by == assigner and t.review is None]


@dataclass(frozen=True)
class Decision:
    """`acct rate`'s fields: step 3."""

    by: str
    general: float
    level: str | None
    reason: str | None
    when: When


def rate(
    decision: Decision, person: Person | None, rules: RuleSet, approval: Approval | None, written: Written
) -> Edit:
    """Step 3: `rating: {on, by, general, level, reason}`. The level defaults to the computed one; one above it needs
    a reason. A rating changed in a concluded month writes the fields that changed into the amendment."""

    def edit(source: Source, found: Found) -> None:
        plan = _plan(found)
        gate(plan, approval)
        written.on = on = decision.when.of(plan.rating)
        _judged(plan, decision.general, on, person, rules, written)
        written.level = decision.level or written.computed
        if written.level is None:
            raise Refused(said("{why}; pass --level", why=_nothing_scored(plan, on)))
        _above_needs_reason(written, decision.reason)
        fields: dict[str, Any] = {"on": on, "by": decision.by, "general": decision.general}
        fields |= {"level": written.level} | ({"reason": decision.reason} if decision.reason else {})
        old = plan.rating
        changed = {k: v for k, v in fields.items() if old is None or getattr(old, k) != v}
        place.put(source, (), "rating", fields)
        amend(source, approval, None, changed)

    return edit


def _above_needs_reason(written: Written, reason: str | None) -> None:
    level, computed = written.level, written.computed
    if level is None or computed is None or reason or LEVELS.index(level) >= LEVELS.index(computed):
        return
    raise Refused(
        said(
            "{level} is above the computed level, {computed} (score {score}); a level above it needs --reason TEXT",
            level=level,
            computed=computed,
            score=written.score,
        )
    )


def _judged(plan: Plan, general: float, on: dt.date, person: Person | None, rules: RuleSet, written: Written) -> None:
    """The task results as of `on`, the score with `general`, and the computed level, into `written`."""
    month = score_month(Doc("", plan), person, on, rules)
    written.task_results = month.task_results
    written.score = round1(general + month.task_results) if month.task_results is not None else None
    if month.discipline:
        written.computed = "not-done"
    else:
        written.computed = level_of(written.score, rules) if written.score is not None else None


def _nothing_scored(plan: Plan, on: dt.date) -> Any:
    return said(
        "no task of {person}'s {month} can be scored as of {on}: each is open (not done, and not yet due)",
        person=plan.person,
        month=plan.month,
        on=on,
    )


def _plan(found: Found) -> Plan:
    plan = found.plan
    assert plan is not None  # every edit here is made on a plan, which `edits.whole_plan` or `plan_task` found
    return plan
