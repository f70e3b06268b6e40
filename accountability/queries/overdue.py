"""What is overdue as of D (SCORING.md, "What is overdue"), and what falls due soon. Pure: tracker and D in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from accountability.model import Commitment, Item, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.problems import DocPath, Severity
from accountability.scoring.rules import RuleSet, rules_for
from accountability.scoring.units import quarter_ends

CODES = {
    "task": "A commitment task item not done by its due date. Its owner must act.",
    "report": "An indicator missing its periodic progress report (within grace_days after the period's end). Its owner must act.",
    "plan-task": "A plan task not done by its due date and not carried into a later plan. The plan's person must act.",
    "plan": "No monthly work plan for an active person, once grace_days of the month have passed. The person must act.",
    "self": "No self-assessment (step 1) once grace_days have passed after the month's end. The person must act.",
    "review": "A task with no review (step 2) once grace_days have passed after the month's end. Its assigner must act.",
    "rating": "No rating (step 3) once 2 × grace_days have passed after the month's end. The unit's head must act.",
    "issue": "A key issue not resolved by its due date. Its lead must act.",
    "due-soon": "Work that falls due within due_soon_days (or --within). A warning.",
}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    who: str  # the person who must act
    due: dt.date
    days: int  # days past the due date; negative for due-soon (days left)
    title: str
    path: str
    at: DocPath
    severity: Severity = "error"
    line: int = 0
    col: int = 0
    at_key: bool = False

    @property
    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.who, self.path, self.line, self.code, self.title)


def find_overdue(tracker: Tracker, as_of: dt.date, within: int | None = None) -> list[Finding]:
    rules = rules_for(tracker.config)
    soon = rules.due_soon_days if within is None else within
    found: list[Finding] = []
    for doc in tracker.commitments:
        found += _commitment(doc, as_of, soon, tracker.config.reports, rules)
    found += _plans(tracker, as_of, soon, rules)
    found += _missing_plans(tracker, as_of, rules)
    for issue in tracker.issues:
        i = issue.model
        if not _by(i.resolved, as_of):
            found += _due(i.due, as_of, soon, "issue", i.lead, i.title, issue.path, ("due",))
    return found


def _by(day: dt.date | None, as_of: dt.date) -> bool:
    """Whether something dated `day` had happened by D: work done, an issue resolved, a step written."""
    return day is not None and day <= as_of


def _due(
    due: dt.date, as_of: dt.date, soon: int, code: str, who: str, title: str, path: str, at: DocPath
) -> list[Finding]:
    """`code` when `due` is before D; `due-soon` (a warning) when it falls within `soon` days from D."""
    if due < as_of:
        return [Finding(code, who, due, (as_of - due).days, title, path, at)]
    if (due - as_of).days <= soon:
        return [Finding("due-soon", who, due, (as_of - due).days, title, path, at, severity="warning")]
    return []


def _commitment(doc: Doc[Commitment], as_of: dt.date, soon: int, reports: str, rules: RuleSet) -> Iterator[Finding]:
    for gi, ii, item in doc.model.items():
        at = ("groups", gi, "items", ii)
        if item.is_indicator:
            yield from _missing_reports(item, doc.path, at, as_of, reports, rules)
        elif not _by(item.done, as_of):
            yield from _due(item.due, as_of, soon, "task", item.owner, item.title, doc.path, (*at, "due"))


def _missing_reports(
    item: Item, path: str, at: DocPath, as_of: dt.date, reports: str, rules: RuleSet
) -> Iterator[Finding]:
    """Each period end E with E + grace_days < D and E ≤ due needs a report dated in that period or within grace."""
    grace = dt.timedelta(days=rules.grace_days)
    for start, end in _report_periods(item.due.year, reports, as_of):
        if end + grace < as_of and end <= item.due and not any(start <= r.on <= end + grace for r in item.reports):
            title = f"{item.title}: report for the period ending {end}"
            where = (*at, "reports") if item.reports else (*at, "target")  # the `reports:` key, else the target
            yield Finding(
                "report", item.owner, end + grace, (as_of - end - grace).days, title, path, where, at_key=True
            )


def _report_periods(year: int, reports: str, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    if reports == "quarterly":
        return [(dt.date(year, end.month - 2, 1), end) for end in quarter_ends(year, as_of)]
    if reports == "monthly":
        months = [month_period(f"{year}-{m:02d}") for m in range(1, 13)]
        return [(m.start, m.end) for m in months if m.end <= as_of]
    return []


def _plans(tracker: Tracker, as_of: dt.date, soon: int, rules: RuleSet) -> Iterator[Finding]:
    carried = {(d.model.person, t.carried_from) for d in tracker.plans for t in d.model.tasks if t.carried_from}
    grace = dt.timedelta(days=rules.grace_days)
    for doc in tracker.plans:
        plan = doc.model
        for ti, task in enumerate(plan.tasks):
            if not _by(task.done, as_of) and (plan.person, f"{plan.month}/{task.id}") not in carried:
                yield from _due(
                    task.due, as_of, soon, "plan-task", plan.person, task.title, doc.path, ("tasks", ti, "due")
                )
        month_end = month_period(plan.month).end
        yield from _steps(doc, tracker, month_end + grace, month_end + 2 * grace, as_of)


def _steps(
    doc: Doc[Plan], tracker: Tracker, step_due: dt.date, rating_due: dt.date, as_of: dt.date
) -> Iterator[Finding]:
    """The 3 evaluation steps of a month: self (the person), review (each assigner), rating (the unit's head)."""
    plan = doc.model
    if not _by(plan.self_.on if plan.self_ else None, as_of) and step_due < as_of:
        yield Finding(
            "self",
            plan.person,
            step_due,
            (as_of - step_due).days,
            f"self-assessment for {plan.month}",
            doc.path,
            ("month",),
        )
    if step_due < as_of:
        for ti, task in enumerate(plan.tasks):
            if not _by(task.review.on if task.review else None, as_of):
                title = f"review of {plan.person}'s task {task.id} «{task.title}»"
                yield Finding(
                    "review", task.assigned_by, step_due, (as_of - step_due).days, title, doc.path, ("tasks", ti, "id")
                )
    if not _by(plan.rating.on if plan.rating else None, as_of) and rating_due < as_of:
        who = rater(tracker, plan.person)
        yield Finding(
            "rating",
            who,
            rating_due,
            (as_of - rating_due).days,
            f"rating of {plan.person} for {plan.month}",
            doc.path,
            ("month",),
        )


def rater(tracker: Tracker, person: str) -> str:
    """The head of the person's unit; for a head, the head of the unit above. Falls back to the person."""
    entry = tracker.people.get(person)
    unit = tracker.units.get(entry.model.unit) if entry else None
    while unit is not None:
        if unit.model.head and unit.model.head != person:
            return unit.model.head
        unit = tracker.units.get(unit.model.parent) if unit.model.parent else None
    return person


def _missing_plans(tracker: Tracker, as_of: dt.date, rules: RuleSet) -> Iterator[Finding]:
    """From the tracker's first month with any plan, every active person needs a plan for each month, once
    grace_days of that month have passed: with 5, the plan is due on the 5th and late from the 6th."""
    if not tracker.plans:
        return
    have = {(d.model.person, d.model.month) for d in tracker.plans}
    month = month_period(min(d.model.month for d in tracker.plans))
    while month.start < as_of:
        due = month.start + dt.timedelta(days=rules.grace_days - 1)
        if due < as_of:
            for person in tracker.person_entries:
                p = person.model
                if (p.id, month.id) not in have and p.active_between(month.start, month.end):
                    yield Finding(
                        "plan",
                        p.id,
                        due,
                        (as_of - due).days,
                        f"work plan for {month.id}",
                        person.path,
                        (*person.at, "id"),
                    )
        month = month_period((month.end + dt.timedelta(days=1)).strftime("%Y-%m"))
