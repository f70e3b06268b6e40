"""What is overdue as of D, and what falls due soon (SCORING.md, "What is overdue, as of D"). Pure: tracker and D in.

Every document gives its **deadlines**, whatever D is: what must be done by when, by whom, and when it was done
(if it was). A deadline not met by D is overdue once its date is before D, and due soon while its date falls within
`due_soon_days` (or `--within`) of D. Only the missing monthly plans depend on D, since a plan that does not exist
has no file to give a deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from accountability.i18n import N_, a_month
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import DocPath, Severity, Text, said
from accountability.scoring.deadlines import Deadline, document_deadlines, is_open, plans_deadlines
from accountability.scoring.rules import RuleSet, rules_for

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


def find_overdue(
    tracker: Tracker,
    as_of: dt.date,
    within: int | None = None,
    plans: Callable[[dt.date], tuple[list[Deadline], set[tuple[str, str]]]] | None = None,
) -> list[Finding]:
    """What is overdue or due soon as of D. `plans`, given the last day that counts as due soon, gives the plans'
    deadlines open by then and the (person, month) of every plan, when the engine has them without the plans
    (`engine.open_deadlines`); else they come from `tracker.plans`."""
    rules = rules_for(tracker.config)
    soon = rules.due_soon_days if within is None else within
    until = as_of + dt.timedelta(days=soon)
    if plans is None:
        have = {(d.model.person, d.model.month) for d in tracker.plans}
        open_plans = [d for d in plans_deadlines(tracker, tracker.plans, rules) if is_open(d, as_of, until)]
    else:
        open_plans, have = plans(until)
    every = [*document_deadlines(tracker, rules), *open_plans, *missing_plans(tracker, have, as_of, soon, rules)]
    return [f for d in every if (f := finding(d, as_of, soon)) is not None]


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
    return Finding(code, d.kind, d.who, d.unit, d.due, days, d.title, d.path, d.at, severity, d.line, d.col, d.at_key)  # type: ignore[arg-type]


def missing_plans(
    tracker: Tracker, have: set[tuple[str, str]], as_of: dt.date, soon: int, rules: RuleSet
) -> Iterator[Deadline]:
    """From the tracker's first month with any plan, every active person needs a plan for each month, once
    grace_days of that month have passed: with 5, the plan is due on the 5th and late from the 6th. Months up to
    D + `soon` are looked at, so that next month's plans show as due soon. People of an external unit keep no
    plans here."""
    if not have:
        return
    external = {uid for uid, entry in tracker.units.items() if entry.model.external}
    people = [p for p in tracker.person_entries if p.model.unit not in external]
    month = month_period(min(month for _, month in have))
    horizon = as_of + dt.timedelta(days=soon)
    while month.start <= horizon:
        due = month.start + dt.timedelta(days=rules.grace_days - 1)
        for person in people:
            p = person.model
            if (p.id, month.id) not in have and p.active_between(month.start, month.end):
                title = said("work plan for {month}", month=a_month(month.id))
                yield Deadline("plan", p.id, p.unit, due, None, title, person.path, (*person.at, "id"))
        month = month_period((month.end + dt.timedelta(days=1)).strftime("%Y-%m"))
