"""`acct show REF`: one thing whole, for the meeting that decides on it: a person's month, a person, a unit, a
commitment item or a key issue. Pure: the tracker and D in, plain data out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accountability.model import Commitment, Issue, Person, Plan, Unit
from accountability.model.base import MONTH
from accountability.model.commitment import Amendment
from accountability.model.tracker import Doc, Tracker
from accountability.periods import Judging, parse_period
from accountability.problems import FatalError, said
from accountability.scoring.escalation import Escalation, escalation, month_miss
from accountability.scoring.items import ItemResult, judge_item
from accountability.scoring.people import MonthScore, score_month
from accountability.scoring.rules import rules_for


@dataclass(frozen=True)
class Missing:
    """A step of the month's evaluation not written yet, and who must write it."""

    step: str  # self | review | rating
    who: str | None
    task: str | None = None


@dataclass(frozen=True)
class MonthView:
    person: Person
    plan: Doc[Plan]
    score: MonthScore
    rater: str | None
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class PersonView:
    person: Person
    unit: Unit | None
    rater: str | None
    months: tuple[MonthScore, ...]
    escalation: Escalation


@dataclass(frozen=True)
class ItemView:
    commitment: Doc[Commitment]
    result: ItemResult
    amendments: tuple[Amendment, ...]


@dataclass(frozen=True)
class UnitView:
    unit: Unit
    people: tuple[Person, ...]
    commitment: Doc[Commitment] | None
    items: tuple[ItemResult, ...]
    issues: tuple[Doc[Issue], ...]


@dataclass(frozen=True)
class IssueView:
    issue: Doc[Issue]
    state: str  # resolved_on_time | resolved_late | overdue | open


View = MonthView | PersonView | ItemView | UnitView | IssueView


def show(tracker: Tracker, ref: str, as_of: dt.date) -> View:
    """What REF names: person/YYYY-MM, unit/item (of D's year), or a person, a unit or a key issue by its id."""
    first, _, rest = ref.partition("/")
    if rest and MONTH.fullmatch(rest):
        return person_month(tracker, first, rest, as_of)
    if rest:
        return item(tracker, first, rest, as_of)
    if first in tracker.people:
        return person(tracker, first, as_of)
    if first in tracker.units:
        return unit(tracker, first, as_of)
    issue = next((d for d in tracker.issues if d.model.id == first), None)
    if issue is not None:
        return IssueView(issue, issue_state(issue.model, as_of))
    raise FatalError(
        said(
            "'{ref}' names nothing: write person/YYYY-MM, unit/item, or the id of a person, a unit or a key issue",
            ref=ref,
        )
    )


def person_month(tracker: Tracker, person: str, month: str, as_of: dt.date) -> MonthView:
    entry = tracker.people.get(person)
    doc = tracker.plan(person, month)
    if entry is None or doc is None:
        raise FatalError(said("{person} has no plan for {month}", person=person, month=month))
    year = int(month[:4])
    scored = score_month(doc, entry.model, as_of, rules_for(tracker.config))
    rater = tracker.rater(person, year)
    return MonthView(entry.model, doc, scored, rater, missing_steps(doc.model, rater))


def missing_steps(plan: Plan, rater: str | None) -> tuple[Missing, ...]:
    found = [] if plan.self_ else [Missing("self", plan.person)]
    found += [Missing("review", t.assigned_by, t.id) for t in plan.tasks if t.review is None]
    if plan.rating is None:
        found.append(Missing("rating", rater))
    return tuple(found)


def person(tracker: Tracker, person_id: str, as_of: dt.date) -> PersonView:
    entry = tracker.people[person_id].model
    rules = rules_for(tracker.config)
    plans = sorted(
        (d for d in tracker.plans if d.model.person == person_id and d.model.month[:4] == str(as_of.year)),
        key=lambda d: d.model.month,
    )
    months = tuple(score_month(d, entry, as_of, rules) for d in plans)
    unit_entry = tracker.units.get(entry.unit)
    return PersonView(
        entry,
        unit_entry.model if unit_entry else None,
        tracker.rater(person_id, as_of.year),
        months,
        escalation((month_miss(d, as_of, rules) for d in plans), as_of.year, rules),
    )


def unit(tracker: Tracker, unit_id: str, as_of: dt.date) -> UnitView:
    entry = tracker.units[unit_id].model
    people = tuple(p.model for p in tracker.people.values() if p.model.unit == unit_id)
    commitment = tracker.commitment(unit_id, as_of.year)
    items: tuple[ItemResult, ...] = ()
    if commitment is not None:
        judging = Judging(parse_period(str(as_of.year)), as_of)
        rules = rules_for(tracker.config)
        groups = commitment.model.groups
        items = tuple(judge_item(i, groups[g].id, judging, rules) for g, _, i in commitment.model.items())
    issues = tuple(d for d in tracker.issues if d.model.handled_by == unit_id and d.model.due.year == as_of.year)
    return UnitView(entry, people, commitment, items, issues)


def item(tracker: Tracker, unit_id: str, item_id: str, as_of: dt.date) -> ItemView:
    doc = tracker.commitment(unit_id, as_of.year)
    found = next(((g, i) for g, _, i in doc.model.items() if i.id == item_id), None) if doc else None
    if doc is None or found is None:
        raise FatalError(
            said("{unit} has no item '{item}' in its {year} commitment", unit=unit_id, item=item_id, year=as_of.year)
        )
    judging = Judging(parse_period(str(as_of.year)), as_of)
    result = judge_item(found[1], doc.model.groups[found[0]].id, judging, rules_for(tracker.config))
    return ItemView(doc, result, tuple(a for a in doc.model.amendments if a.item == item_id))


def issue_state(issue: Issue, as_of: dt.date) -> str:
    if issue.resolved is not None and issue.resolved <= as_of:
        return "resolved_on_time" if issue.resolved <= issue.due else "resolved_late"
    return "overdue" if issue.due < as_of else "open"
