"""What is overdue as of D, and what falls due soon (SCORING.md, "What is overdue, as of D"). Pure: tracker and D in.

Every document gives its **deadlines**, whatever D is: what must be done by when, by whom, and when it was done
(if it was). A deadline not met by D is overdue once its date is before D, and due soon while its date falls within
`due_soon_days` (or `--within`) of D. Only the missing monthly plans depend on D, since a plan that does not exist
has no file to give a deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from accountability.i18n import N_, a_month
from accountability.model import Commitment, Item, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.problems import DocPath, Severity, Text, said
from accountability.scoring.rules import RuleSet, rules_for
from accountability.scoring.units import quarter_ends

CODES = {
    "task": N_("A commitment task item not done by its due date. Its owner must act."),
    "report": N_(
        "An indicator missing its periodic progress report (within grace_days after the period's end). Its owner "
        "must act."
    ),
    "plan-task": N_(
        "A plan task not done by its due date and not carried into a later plan. The plan's person must act."
    ),
    "plan": N_(
        "No monthly work plan for an active person, once grace_days of the month have passed. The person must act."
    ),
    "self": N_("No self-assessment (step 1) once grace_days have passed after the month's end. The person must act."),
    "review": N_(
        "A task with no review (step 2) once grace_days have passed after the month's end. Its assigner must act."
    ),
    "rating": N_(
        "No rating (step 3) once 2 × grace_days have passed after the month's end. The person's rater must act."
    ),
    "issue": N_("A key issue not resolved by its due date. Its lead must act."),
    "due-soon": N_("Any of the above that falls due within due_soon_days (or --within). A warning."),
}


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


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # the deadline's kind, or due-soon
    kind: str  # the deadline's kind
    who: str  # the person who must act
    unit: str
    due: dt.date
    days: int  # days past the due date; negative for due-soon (days left)
    title: Text | str
    path: str
    at: DocPath
    severity: Severity = "error"
    line: int = 0
    col: int = 0
    at_key: bool = False

    @property
    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.who, self.path, self.line, self.code, str(self.title))


def find_overdue(tracker: Tracker, as_of: dt.date, within: int | None = None) -> list[Finding]:
    rules = rules_for(tracker.config)
    soon = rules.due_soon_days if within is None else within
    found = (finding(d, as_of, soon) for d in [*deadlines(tracker, rules), *missing_plans(tracker, as_of, soon, rules)])
    return [f for f in found if f is not None]


def finding(deadline: Deadline, as_of: dt.date, soon: int) -> Finding | None:
    """Overdue when its date is before D and it was not met by D; due soon when its date is within `soon` days."""
    if deadline.met is not None and deadline.met <= as_of:
        return None
    days = (as_of - deadline.due).days
    if days > 0:
        code, severity = deadline.kind, "error"
    elif -days <= soon:
        code, severity = "due-soon", "warning"
    else:
        return None
    d = deadline
    return Finding(code, d.kind, d.who, d.unit, d.due, days, d.title, d.path, d.at, severity, at_key=d.at_key)  # type: ignore[arg-type]


def deadlines(tracker: Tracker, rules: RuleSet) -> list[Deadline]:
    """Every deadline the tracker's documents give, whatever D is."""
    found: list[Deadline] = []
    for doc in tracker.commitments:
        found += commitment_deadlines(doc, tracker.config.reports, rules)
    carried = {(d.model.person, t.carried_from) for d in tracker.plans for t in d.model.tasks if t.carried_from}
    for plan in tracker.plans:
        found += plan_deadlines(plan, tracker, rules, carried)
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
    return found


def missing_plans(tracker: Tracker, as_of: dt.date, soon: int, rules: RuleSet) -> Iterator[Deadline]:
    """From the tracker's first month with any plan, every active person needs a plan for each month, once
    grace_days of that month have passed: with 5, the plan is due on the 5th and late from the 6th. Months up to
    D + `soon` are looked at, so that next month's plans show as due soon. People of an external unit keep no
    plans here."""
    if not tracker.plans:
        return
    have = {(d.model.person, d.model.month) for d in tracker.plans}
    external = {uid for uid, entry in tracker.units.items() if entry.model.external}
    people = [p for p in tracker.person_entries if p.model.unit not in external]
    month = month_period(min(d.model.month for d in tracker.plans))
    horizon = as_of + dt.timedelta(days=soon)
    while month.start <= horizon:
        due = month.start + dt.timedelta(days=rules.grace_days - 1)
        for person in people:
            p = person.model
            if (p.id, month.id) not in have and p.active_between(month.start, month.end):
                title = said("work plan for {month}", month=a_month(month.id))
                yield Deadline("plan", p.id, p.unit, due, None, title, person.path, (*person.at, "id"))
        month = month_period((month.end + dt.timedelta(days=1)).strftime("%Y-%m"))
