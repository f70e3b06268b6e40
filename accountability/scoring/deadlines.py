"""What must be done by when, by whom, and when it was (SCORING.md, "What is overdue, as of D"): every document's
deadlines, whatever D is. `queries.overdue` says which of them are overdue or due soon as of D.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from accountability.i18n import a_month
from accountability.model import Commitment, Item, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.problems import DocPath, Text, said
from accountability.scoring.rules import RuleSet
from accountability.scoring.units import quarter_ends


@dataclass(frozen=True, slots=True)
class Deadline:
    """Something `who` must do by `due` (the last day on time) for `unit`, and the day it was done, if it was."""

    kind: str  # a code of CODES other than due-soon
    who: str
    unit: str  # the unit whose work it is
    due: dt.date
    met: dt.date | None
    title: Text | str  # the title written in the file, or a sentence that names what is due
    path: str
    at: DocPath
    at_key: bool = False
    line: int = 0  # 1-based, when the file was read with its place marked (a plan's); else 0 until located
    col: int = 0


def is_open(deadline: Deadline, as_of: dt.date, until: dt.date) -> bool:
    """Not met by D, and due by `until` (D plus the days that count as due soon): a finding as of D."""
    return (deadline.met is None or deadline.met > as_of) and deadline.due <= until


def document_deadlines(tracker: Tracker, rules: RuleSet) -> list[Deadline]:
    """The deadlines of the commitments and the key issues."""
    found: list[Deadline] = []
    for doc in tracker.commitments:
        found += commitment_deadlines(doc, tracker.config.reports, rules)
    for issue in tracker.issues:
        i = issue.model
        found.append(Deadline("issue", i.lead, i.handled_by, i.due, i.resolved, i.title, issue.path, ("due",)))
    return found


def commitment_deadlines(doc: Doc[Commitment], reports: str, rules: RuleSet) -> Iterator[Deadline]:
    c = doc.model
    for gi, ii, item in c.items():
        at = ("groups", gi, "items", ii)
        if item.is_indicator:
            yield from _report_deadlines(item, c.unit, doc.path, at, reports, rules)
        else:
            yield Deadline("task", item.owner, c.unit, item.due, item.done, item.title, doc.path, (*at, "due"))


def _report_deadlines(
    item: Item, unit: str, path: str, at: DocPath, reports: str, rules: RuleSet
) -> Iterator[Deadline]:
    """Each period end E ≤ due needs a report dated within that period or within grace_days after it."""
    grace = dt.timedelta(days=rules.grace_days)
    where = (*at, "reports") if item.reports else (*at, "target")  # the `reports:` key, else the target
    for start, end in _report_periods(item.due.year, reports):
        if end > item.due:
            continue
        met = min((r.on for r in item.reports if start <= r.on <= end + grace), default=None)
        title = said("{title}: report for the period ending {end}", title=item.title, end=end)
        yield Deadline("report", item.owner, unit, end + grace, met, title, path, where, at_key=True)


def _report_periods(year: int, reports: str) -> list[tuple[dt.date, dt.date]]:
    if reports == "quarterly":
        return [(dt.date(year, end.month - 2, 1), end) for end in quarter_ends(year, dt.date(year, 12, 31))]
    if reports == "monthly":
        months = [month_period(f"{year}-{m:02d}") for m in range(1, 13)]
        return [(m.start, m.end) for m in months]
    return []


def plans_deadlines(core: Tracker, plans: list[Doc[Plan]], rules: RuleSet) -> list[Deadline]:
    """The deadlines of these plans (one unit's, or every plan: a task is carried within its person's plans)."""
    carried = {(d.model.person, t.carried_from) for d in plans for t in d.model.tasks if t.carried_from}
    return [deadline for doc in plans for deadline in plan_deadlines(doc, core, rules, carried)]


def plan_deadlines(doc: Doc[Plan], tracker: Tracker, rules: RuleSet, carried: set[tuple[str, str]]) -> list[Deadline]:
    """A plan's deadlines: each task not carried into a later plan, and the month's 3 evaluation steps: the
    self-assessment (the person), each task's review (its assigner) and the rating (the person's rater)."""
    plan = doc.model
    entry = tracker.people.get(plan.person)
    unit = entry.model.unit if entry else ""
    month_end = month_period(plan.month).end
    steps_due = month_end + dt.timedelta(days=rules.grace_days)
    found = []
    for ti, task in enumerate(plan.tasks):
        if (plan.person, f"{plan.month}/{task.id}") not in carried:
            found.append(
                Deadline(
                    "plan-task", plan.person, unit, task.due, task.done, task.title, doc.path, ("tasks", ti, "due")
                )
            )
    self_on = plan.self_.on if plan.self_ else None
    found.append(
        Deadline(
            "self",
            plan.person,
            unit,
            steps_due,
            self_on,
            said("self-assessment for {month}", month=a_month(plan.month)),
            doc.path,
            ("month",),
        )
    )
    for ti, task in enumerate(plan.tasks):
        title = said("review of {person}'s task {task} «{title}»", person=plan.person, task=task.id, title=task.title)
        reviewed = task.review.on if task.review else None
        found.append(
            Deadline("review", task.assigned_by, unit, steps_due, reviewed, title, doc.path, ("tasks", ti, "id"))
        )
    rater = tracker.rater(plan.person, int(plan.month[:4])) or ""
    rated = plan.rating.on if plan.rating else None
    rating_due = month_end + dt.timedelta(days=2 * rules.grace_days)
    found.append(
        Deadline(
            "rating",
            rater,
            unit,
            rating_due,
            rated,
            said("rating of {person} for {month}", person=plan.person, month=a_month(plan.month)),
            doc.path,
            ("month",),
        )
    )
    return [_marked(d, doc) for d in found]


def _marked(deadline: Deadline, doc: Doc[Plan]) -> Deadline:
    line, col = doc.mark(deadline.at)
    return dataclasses.replace(deadline, line=line, col=col) if line else deadline
