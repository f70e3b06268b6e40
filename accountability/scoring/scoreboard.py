"""Scoring a whole tracker for a period: every unit, every person, the quota, escalations and key issues."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from accountability.model import Person, Plan
from accountability.model.tracker import Tracker
from accountability.periods import Period, judging
from accountability.scoring.issues import IssueShare, issue_share
from accountability.scoring.people import PersonScore, escalation_step, misses, period_score, score_month
from accountability.scoring.quota import Quota, quota
from accountability.scoring.rules import RuleSet, rules_for
from accountability.scoring.units import UnitScore, score_unit


@dataclass(frozen=True)
class UnitRow:
    unit: str
    name: str
    result: UnitScore | None  # None when the unit has no commitment in the period
    rank: int | None
    quota: Quota

    @property
    def score(self) -> float | None:
        return self.result.score if self.result else None

    @property
    def flags(self) -> list[str]:
        return self.result.flags if self.result else []


@dataclass(frozen=True)
class Scores:
    period: Period
    as_of: dt.date
    rules: RuleSet
    units: list[UnitRow]
    people: list[PersonScore]
    issues: IssueShare


def score_tracker(tracker: Tracker, period: Period, as_of: dt.date, only_unit: str | None = None) -> Scores:
    """Score the period as of D. `only_unit` keeps that unit and the units below it."""
    judged = judging(period, as_of)
    rules = rules_for(tracker.config)
    keep = subtree(tracker, only_unit) if only_unit else None
    people = [p for p in _score_people(tracker, period, as_of, rules) if keep is None or p.unit in keep]
    by_unit: dict[str, list[PersonScore]] = defaultdict(list)
    for person in people:
        by_unit[person.unit].append(person)
    commitments = defaultdict(list)
    for doc in tracker.commitments:
        if period.start.year <= doc.model.year <= period.end.year:
            commitments[doc.model.unit].append(doc.model)
    unit_ids = [u for u in tracker.units if (u in commitments or u in by_unit) and (keep is None or u in keep)]
    rows = []
    for unit in unit_ids:
        result = score_unit(unit, commitments[unit], judged, rules) if unit in commitments else None
        levels = [p.level for p in by_unit[unit]]
        rows.append(UnitRow(unit, tracker.units[unit].model.name, result, None, quota(levels, rules)))
    issues = issue_share([d.model for d in tracker.issues], period.end.year, as_of, rules)
    return Scores(period, as_of, rules, ranked(rows), sorted(people, key=_by_score), issues)


def subtree(tracker: Tracker, unit: str) -> set[str]:
    """The unit and every unit below it."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for uid, entry in tracker.units.items():
        children[entry.model.parent].append(uid)
    found, todo = set(), [unit]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children[current])
    return found


def ranked(rows: list[UnitRow]) -> list[UnitRow]:
    """Highest score first; equal scores share a rank (1, 2, 2, 4); units without a score come last, unranked."""
    scored = sorted((r for r in rows if r.score is not None), key=lambda r: (-(r.score or 0), r.unit))
    out: list[UnitRow] = []
    for position, row in enumerate(scored, 1):
        rank = out[-1].rank if out and out[-1].score == row.score else position
        out.append(UnitRow(row.unit, row.name, row.result, rank, row.quota))
    return out + sorted((r for r in rows if r.score is None), key=lambda r: r.unit)


def _by_score(person: PersonScore) -> tuple[bool, float, str]:
    return (person.score is None, -(person.score or 0), person.person)


def _score_people(tracker: Tracker, period: Period, as_of: dt.date, rules: RuleSet) -> list[PersonScore]:
    months = set(period.months())
    plans: dict[str, list[Plan]] = defaultdict(list)
    for doc in sorted(tracker.plans, key=lambda d: d.model.month):
        plans[doc.model.person].append(doc.model)
    cutoff_month = min(as_of, period.end).strftime("%Y-%m")
    scores = []
    for person_id, own in plans.items():
        in_period = [p for p in own if p.month in months]
        entry = tracker.people.get(person_id)
        if not in_period or entry is None:
            continue
        person = entry.model
        monthly = [score_month(p, person, as_of, rules) for p in in_period]
        score, level, provisional = period_score(monthly, person, period.start, period.end, rules)
        year = period.end.year
        missed = misses([p for p in own if p.month.startswith(str(year)) and p.month <= cutoff_month], as_of, rules)
        flags = ["dismissal-review"] if _not_done_two_years(own, person, year, as_of, rules) else []
        scores.append(
            PersonScore(
                person_id,
                person.unit,
                score,
                level,
                provisional,
                monthly,
                len(missed),
                escalation_step(len(missed), rules),
                flags,
            )
        )
    return scores


def _not_done_two_years(plans: list[Plan], person: Person, year: int, as_of: dt.date, rules: RuleSet) -> bool:
    """Two consecutive years with a year level of not-done (Luật Cán bộ, công chức)."""
    for y in (year - 1, year):
        in_year = [p for p in plans if p.month.startswith(str(y)) and p.month <= as_of.strftime("%Y-%m")]
        if not in_year:
            return False
        monthly = [score_month(p, person, as_of, rules) for p in in_year]
        _, level, _ = period_score(monthly, person, dt.date(y, 1, 1), dt.date(y, 12, 31), rules)
        if level != "not-done":
            return False
    return True
