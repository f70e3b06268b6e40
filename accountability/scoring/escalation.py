"""The local 3-step handling of assigned work that is not completed (SCORING.md, "Escalations").

A **miss** is a time assigned work was not completed: a month with a task still not done `grace_days` after the
end of its month (the month's review deadline) and not excused, or a month concluded `not-done`. It is a count of
events with their evidence, never a rating: "không hoàn thành nhiệm vụ" is the name of a level, and a person rated
`good` every month may still have missed a task. Pure: plans and dates in, evidence out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from accountability.model import Plan, Task
from accountability.model.tracker import Doc
from accountability.periods import month_period
from accountability.problems import DocPath
from accountability.scoring.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Evidence:
    """One task not completed, or one concluded not-done rating: what it is and where it is written. `line` is 0
    until the file is located (`files.locate`), which only the output that shows it pays for."""

    ref: str  # person/YYYY-MM/task, or person/YYYY-MM for a rating
    title: str
    path: str
    at: DocPath
    due: dt.date | None = None
    done: dt.date | None = None
    line: int = 0
    col: int = 0
    at_key: bool = False

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.ref)


@dataclass(frozen=True, slots=True)
class Miss:
    """One month in which assigned work was not completed, with its evidence."""

    month: str
    deadline: dt.date  # the month's review deadline: its last day + grace_days
    tasks: tuple[Evidence, ...]  # the tasks not completed
    concluded_not_done: Evidence | None  # the rating, when the month was concluded not-done


@dataclass(frozen=True, slots=True)
class Escalation:
    """The misses of a calendar year established by D, and the step they reach."""

    year: int
    misses: tuple[Miss, ...]
    step: str | None

    @property
    def count(self) -> int:
        return len(self.misses)


NONE = Escalation(0, (), None)


def review_deadline(month: str, rules: RuleSet) -> dt.date:
    """The last day on which a month's work may still be completed: its last day + grace_days."""
    return month_period(month).end + dt.timedelta(days=rules.grace_days)


def not_completed(task: Task, deadline: dt.date, as_of: dt.date) -> bool:
    """Still not done by the month's review deadline, once that deadline has passed by D, and not excused."""
    if as_of <= deadline:
        return False
    if task.done is not None and task.done <= deadline:
        return False
    excused = task.review is not None and task.review.excused and task.review.on <= as_of
    return not excused


def month_miss(doc: Doc[Plan], as_of: dt.date, rules: RuleSet) -> Miss | None:
    plan = doc.model
    deadline = review_deadline(plan.month, rules)
    tasks = tuple(
        Evidence(
            f"{plan.person}/{plan.month}/{task.id}",
            task.title,
            doc.path,
            ("tasks", i),
            task.due,
            task.done,
            *doc.mark(("tasks", i)),
        )
        for i, task in enumerate(plan.tasks)
        if not_completed(task, deadline, as_of)
    )
    rating = plan.rating
    not_done = None
    if rating is not None and rating.level == "not-done" and rating.on <= as_of:
        ref = f"{plan.person}/{plan.month}"
        not_done = Evidence(ref, "not-done", doc.path, ("rating", "level"), None, None, *doc.mark(("rating", "level")))
    if not tasks and not_done is None:
        return None
    return Miss(plan.month, deadline, tasks, not_done)


def escalation(misses: Iterable[Miss | None], year: int, rules: RuleSet) -> Escalation:
    """The person's misses in `year` (each established by D, see `month_miss`), in month order, and the step they
    reach: the 1st miss is a reminder, the 2nd a suspension, the 3rd and later discipline."""
    found = tuple(
        sorted((m for m in misses if m is not None and m.month.startswith(f"{year}-")), key=lambda m: m.month)
    )
    return Escalation(year, found, escalation_step(len(found), rules))


def escalation_step(count: int, rules: RuleSet) -> str | None:
    if count == 0:
        return None
    return rules.escalation_steps[min(count, len(rules.escalation_steps)) - 1]
