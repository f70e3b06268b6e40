"""Scoring a whole tracker for a period: every unit, every person, the quota, escalations and key issues."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from accountability.model import Person
from accountability.model.tracker import Tracker
from accountability.periods import Period, begun, judging
from accountability.scoring.escalation import escalation
from accountability.scoring.issues import IssueShare, issue_share
from accountability.scoring.people import MonthScore, PersonScore, period_level, score_month
from accountability.scoring.quota import GroupMonth, Rated, UnitQuota, group_months, unit_quota
from accountability.scoring.rules import RuleSet, rules_for
from accountability.scoring.units import UnitScore, score_unit


@dataclass(frozen=True)
class UnitRow:
    unit: str
    name: str
    result: UnitScore | None  # None when the unit has no commitment in the period
    rank: int | None
    quota: UnitQuota

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
    quota: list[GroupMonth]  # every rating group of every month of the period, with its concluded ratings


def judge_months(tracker: Tracker, as_of: dt.date) -> list[MonthScore]:
    """Every plan's month as of D, for each plan whose month has begun by D: what the rest of scoring reads instead
    of the plans themselves. A month that starts after D has nothing to judge yet (docs/scoring.md)."""
    rules = rules_for(tracker.config)
    months = []
    for doc in tracker.plans:
        if not begun(doc.model.month, as_of):
            continue
        entry = tracker.people.get(doc.model.person)
        months.append(score_month(doc, entry.model if entry else None, as_of, rules))
    return months


def score_tracker(
    tracker: Tracker,
    period: Period,
    as_of: dt.date,
    only_unit: str | None = None,
    months: list[MonthScore] | None = None,
) -> Scores:
    """Score the period as of D. `only_unit` keeps that unit and the units below it. `months` are every plan's
    `MonthScore` as of D (`judge_months`), when already known."""
    judged = judging(period, as_of)
    rules = rules_for(tracker.config)
    months = judge_months(tracker, as_of) if months is None else months
    keep = subtree(tracker, only_unit) if only_unit else None
    people = [p for p in _score_people(tracker, months, period, as_of, rules) if keep is None or p.unit in keep]
    by_unit: dict[str, list[PersonScore]] = defaultdict(list)
    for person in people:
        by_unit[person.unit].append(person)
    commitments = defaultdict(list)
    for doc in tracker.commitments:
        if period.start.year <= doc.model.year <= period.end.year:
            commitments[doc.model.unit].append(doc.model)
    unit_of = {pid: e.model.unit for pid, e in tracker.people.items()}
    in_period = set(period.months())
    ratings = [r for m in months if m.month in in_period and (r := rated(m, unit_of)) is not None]
    parents = {uid: e.model.parent for uid, e in tracker.units.items()}
    groups = group_months(ratings, parents, rules, rules.min_group)
    rated_months: dict[str, set[str]] = defaultdict(set)
    for r in ratings:
        rated_months[r.unit].add(r.month)
    unit_ids = [u for u in tracker.units if (u in commitments or u in by_unit) and (keep is None or u in keep)]
    rows = []
    for unit in unit_ids:
        result = score_unit(unit, commitments[unit], judged, rules) if unit in commitments else None
        quota = unit_quota(unit, groups, rated_months[unit])
        rows.append(UnitRow(unit, tracker.units[unit].model.name, result, None, quota))
    issues = issue_share([d.model for d in tracker.issues], period.end.year, as_of, rules)
    shown = [g for g in groups if keep is None or any(u in keep for u in g.units)]
    return Scores(period, as_of, rules, ranked(rows), sorted(people, key=_by_score), issues, shown)


def rated(month: MonthScore, unit_of: dict[str, str]) -> Rated | None:
    """The month's concluded rating, for the quota."""
    unit = unit_of.get(month.person)
    if month.concluded is None or month.rated_on is None or unit is None:
        return None
    return Rated(month.person, unit, month.month, month.concluded, month.rated_on, month.path)


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


def _score_people(
    tracker: Tracker, months: list[MonthScore], period: Period, as_of: dt.date, rules: RuleSet
) -> list[PersonScore]:
    in_period = set(period.months())
    own: dict[str, list[MonthScore]] = defaultdict(list)
    for month in sorted(months, key=lambda m: m.month):
        own[month.person].append(month)
    year = period.end.year
    scores = []
    for person_id, all_months in own.items():
        monthly = [m for m in all_months if m.month in in_period]
        entry = tracker.people.get(person_id)
        if not monthly or entry is None:
            continue
        person = entry.model
        level = period_level(monthly, person, period.start, period.end, rules)
        escalated = escalation((m.miss for m in all_months), year, rules)
        flags = ["dismissal-review"] if _not_done_two_years(all_months, person, year, as_of, rules) else []
        scores.append(PersonScore(person_id, person.unit, level, monthly, escalated, flags))
    return scores


def _not_done_two_years(months: list[MonthScore], person: Person, year: int, as_of: dt.date, rules: RuleSet) -> bool:
    """Two consecutive years whose level, proposed from the year's monthly scores, is not-done (Luật Cán bộ,
    công chức)."""
    until = as_of.strftime("%Y-%m")
    for y in (year - 1, year):
        in_year = [m for m in months if m.month.startswith(f"{y}-") and m.month <= until]
        if (
            not in_year
            or period_level(in_year, person, dt.date(y, 1, 1), dt.date(y, 12, 31), rules).level != "not-done"
        ):
            return False
    return True
