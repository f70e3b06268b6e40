"""The report a Standing Committee reads (`acct report`): the scores of a period laid out unit by unit.

Pure: a tracker and its `Scores` in, plain data out. Every figure here comes from `accountability.scoring`, so the
report and `acct score` can never disagree; this module only gathers, per unit, what a reader needs beside them:
names, the items with their last report, the monthly ratings, the flags and the key issues.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from accountability.model import Commitment, Issue
from accountability.model.org import Discipline
from accountability.model.tracker import Tracker
from accountability.periods import judging
from accountability.scoring.escalation import Escalation
from accountability.scoring.issues import resolved_on_time
from accountability.scoring.items import ItemResult
from accountability.scoring.people import PersonScore
from accountability.scoring.quota import GroupMonth, UnitQuota
from accountability.scoring.scoreboard import Scores, UnitRow

LEVELS = ("excellent", "good", "done", "not-done")


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class AmendmentLine:
    on: dt.date
    set: dict[str, Any]
    reason: str | None
    approved_by: Named
    owner: Named | None = None  # the person named by `set: {owner: …}`, so that a sentence can give their name


@dataclass(frozen=True)
class ItemLine:
    id: str
    title: str
    indicator: bool
    state: str
    exceeded: bool
    owner: Named
    due: dt.date
    done: dt.date | None
    target: float | None
    measure: str | None  # the target's unit of measure
    direction: str | None
    value: float | None  # the last report on or before C
    reported_on: dt.date | None
    expected: float | None  # the pace line at C, while the indicator is not yet due
    amendments: list[AmendmentLine]

    @property
    def of_target(self) -> float | None:
        """The last value as a share of the target (1.0 = 100%)."""
        return None if self.value is None or not self.target else self.value / self.target

    @property
    def expected_of_target(self) -> float | None:
        return None if self.expected is None or not self.target else self.expected / self.target


@dataclass(frozen=True)
class GroupLine:
    id: str
    title: str
    items: list[ItemLine]


@dataclass(frozen=True)
class MonthLine:
    month: str
    score: float | None
    computed: str | None
    concluded: str | None  # the official rating, when written by D
    provisional: bool


@dataclass(frozen=True)
class PersonLine:
    person: Named
    title: str | None
    score: float | None
    level: str | None
    basis: str | None  # concluded | computed | proposed: what `level` is (scoring.people.PeriodLevel)
    provisional: bool
    months: list[MonthLine]
    concluded_months: dict[str, int]
    escalation: Escalation
    flags: list[str]
    discipline: tuple[Discipline, ...]

    @property
    def step(self) -> str | None:
        return self.escalation.step


@dataclass(frozen=True)
class MonthLevels:
    """How a unit's people were rated in one month (concluded ratings only; the rest are not rated yet), and the
    quota of the rating group the unit was counted in that month."""

    month: str
    counts: dict[str, int]  # level → people with that concluded rating; "none" → not rated yet
    group: GroupMonth | None  # None when no one of the unit was rated that month


@dataclass(frozen=True)
class IssueLine:
    id: str
    title: str
    lead: Named
    due: dt.date
    resolved: dt.date | None
    state: str  # resolved_on_time | resolved_late | overdue | open


@dataclass(frozen=True)
class UnitSection:
    row: UnitRow
    head: Named | None
    to: Named | None
    signed: dt.date | None
    groups: list[GroupLine]
    people: list[PersonLine]
    months: list[MonthLevels]
    issues: list[IssueLine]
    quota_group: list[Named]  # the units counted with this one for the quota

    @property
    def escalated(self) -> list[PersonLine]:
        return [p for p in self.people if p.step or p.flags or p.discipline]


@dataclass(frozen=True)
class YearEndEntry:
    """What one unit's head must answer for in the year-end self-criticism review (kiểm điểm cuối năm)."""

    unit: Named
    head: Named | None
    level: str | None
    items: list[ItemLine]  # missed indicators and overdue tasks
    people: list[PersonLine]  # people at an escalation step
    quota: UnitQuota
    issues: list[IssueLine]  # key issues not resolved on time

    @property
    def clear(self) -> bool:
        return not (self.items or self.people or self.quota.over or self.issues) and self.level not in (
            "done",
            "not-done",
        )


@dataclass(frozen=True)
class CommitteeReport:
    scores: Scores
    organization: str | None
    units: list[UnitSection]
    year_end: list[YearEndEntry] | None = field(default=None)  # only when the period closes a year


def build_report(tracker: Tracker, scores: Scores) -> CommitteeReport:
    names = _Names(tracker)
    sections = [_section(tracker, scores, row, names) for row in scores.units]
    closes_year = scores.period.end.month == 12 and scores.period.end.day == 31 and scores.as_of > scores.period.end
    year_end = [_year_end(s, names) for s in sections if s.row.result is not None] if closes_year else None
    return CommitteeReport(scores, tracker.config.organization, sections, year_end)


class _Names:
    def __init__(self, tracker: Tracker) -> None:
        self.units = {uid: e.model.name for uid, e in tracker.units.items()}
        self.people = {pid: e.model.name for pid, e in tracker.people.items()}
        self.titles = {pid: e.model.title for pid, e in tracker.people.items()}

    def person(self, ref: str) -> Named:
        return Named(ref, self.people.get(ref, ref))

    def unit(self, ref: str) -> Named:
        return Named(ref, self.units.get(ref, ref))

    def either(self, ref: str) -> Named:
        """`to` and `approved_by` name a unit or a person."""
        return Named(ref, self.units.get(ref) or self.people.get(ref) or ref)


def _section(tracker: Tracker, scores: Scores, row: UnitRow, names: _Names) -> UnitSection:
    commitment = _commitment(tracker, row.unit, scores.period.end.year)
    unit_head = tracker.units[row.unit].model.head
    head = names.person(commitment.head) if commitment else (names.person(unit_head) if unit_head else None)
    groups = _groups(commitment, row, names, scores) if commitment and row.result else []
    people = [_person(p, names) for p in scores.people if p.unit == row.unit]
    people.sort(key=lambda p: (p.score is None, -(p.score or 0), p.person.name))
    own = [p for p in scores.people if p.unit == row.unit]
    issues = [
        _issue(d.model, scores.as_of, names)
        for d in tracker.issues
        if d.model.handled_by == row.unit and d.model.due.year == scores.period.end.year
    ]
    issues.sort(key=lambda i: (i.due, i.id))
    return UnitSection(
        row,
        head,
        names.either(commitment.to) if commitment else None,
        commitment.signed if commitment else None,
        groups,
        people,
        _month_levels(row.unit, own, scores),
        issues,
        [names.unit(u) for u in row.quota.group],
    )


def _commitment(tracker: Tracker, unit: str, year: int) -> Commitment | None:
    doc = tracker.commitment(unit, year)
    return doc.model if doc else None


def _groups(commitment: Commitment, row: UnitRow, names: _Names, scores: Scores) -> list[GroupLine]:
    assert row.result is not None
    cutoff = judging(scores.period, scores.as_of).cutoff
    amendments = [a for a in commitment.amendments if a.on <= scores.as_of]
    titles = {g.id: g.title for g in commitment.groups}
    lines = []
    for group in row.result.groups:
        items = [_item(r, names, cutoff, [a for a in amendments if a.item == r.item.id]) for r in group.items]
        lines.append(GroupLine(group.id, titles.get(group.id, group.title), items))
    return lines


def _item(result: ItemResult, names: _Names, cutoff: dt.date, amendments: list[Any]) -> ItemLine:
    item = result.item
    reports = [r for r in item.reports if r.on <= cutoff]
    target = item.target
    return ItemLine(
        item.id,
        item.title,
        item.is_indicator,
        result.state,
        result.exceeded,
        names.person(item.owner),
        item.due,
        item.done if item.done and item.done <= cutoff else None,
        target.value if target else None,
        target.unit if target else None,
        target.direction if target else None,
        reports[-1].value if reports else None,
        reports[-1].on if reports else None,
        result.expected,
        [_amendment(a, names) for a in amendments],
    )


def _amendment(amendment: Any, names: _Names) -> AmendmentLine:
    owner = amendment.set.get("owner")
    return AmendmentLine(
        amendment.on,
        dict(amendment.set),
        amendment.reason,
        names.either(amendment.approved_by),
        names.person(owner) if isinstance(owner, str) else None,
    )


def _person(p: PersonScore, names: _Names) -> PersonLine:
    months = [MonthLine(m.month, m.score, m.computed, m.concluded, m.provisional) for m in p.months]
    level = p.period
    return PersonLine(
        names.person(p.person),
        names.titles.get(p.person),
        level.score,
        level.level,
        level.basis,
        level.provisional,
        months,
        level.concluded_months,
        p.escalation,
        p.flags,
        level.discipline,
    )


def _month_levels(unit: str, people: list[PersonScore], scores: Scores) -> list[MonthLevels]:
    """Each month's concluded ratings of the unit's people, counted, with the month's rating group: the same
    figures as `UnitRow.quota`, so a page never shows two counts of one thing."""
    by_month: dict[str, list[str | None]] = {}
    for person in people:
        for m in person.months:
            by_month.setdefault(m.month, []).append(m.concluded)
    groups = {g.month: g for g in scores.quota if unit in g.units}
    out = []
    for month in sorted(by_month):
        counted = Counter(level or "none" for level in by_month[month])
        rated = any(level for level in by_month[month])
        out.append(
            MonthLevels(
                month, {level: counted[level] for level in (*LEVELS, "none")}, groups.get(month) if rated else None
            )
        )
    return out


def _issue(issue: Issue, as_of: dt.date, names: _Names) -> IssueLine:
    resolved = issue.resolved if issue.resolved and issue.resolved <= as_of else None
    if resolved:
        state = "resolved_on_time" if resolved_on_time(issue, as_of) else "resolved_late"
    else:
        state = "overdue" if issue.due < as_of else "open"
    return IssueLine(issue.id, issue.title, names.person(issue.lead), issue.due, resolved, state)


def _year_end(section: UnitSection, names: _Names) -> YearEndEntry:
    row = section.row
    items = [i for g in section.groups for i in g.items if i.state in ("missed", "overdue")]
    people = [p for p in section.people if p.step]
    issues = [i for i in section.issues if i.state in ("overdue", "resolved_late")]
    level = row.result.level if row.result else None
    return YearEndEntry(names.unit(row.unit), section.head, level, items, people, row.quota, issues)
