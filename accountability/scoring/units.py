"""A unit's score and level from its commitment items (SCORING.md, "Unit score" and "Unit level")."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from accountability.model import Commitment, Group
from accountability.periods import Judging, Period
from accountability.problems import Text, said
from accountability.scoring.items import INDICATOR_STATES, TASK_STATES, ItemResult, counts_in, judge_item
from accountability.scoring.numbers import fmt, round1
from accountability.scoring.rules import RuleSet, level_of


@dataclass(frozen=True)
class GroupScore:
    id: str
    title: str
    weight: float
    credit: float | None  # the weighted mean credit of its scored items; None when none is scored
    items: list[ItemResult]


@dataclass(frozen=True)
class UnitScore:
    unit: str
    score: float | None
    level: str | None
    groups: list[GroupScore]
    flags: list[str]
    steps: list[Text] = field(default_factory=list)  # for --explain, in the reader's language

    @property
    def items(self) -> list[ItemResult]:
        return [item for group in self.groups for item in group.items]

    def task_counts(self) -> dict[str, int]:
        tasks = [r for r in self.items if not r.item.is_indicator]
        states = Counter(r.state for r in tasks)
        return {"total": len(tasks), **{state: states[state] for state in TASK_STATES}}

    def indicator_counts(self) -> dict[str, int]:
        indicators = [r for r in self.items if r.item.is_indicator]
        states = Counter(r.state for r in indicators)
        counts = {
            "total": len(indicators),
            "achieved": states["achieved"],
            "exceeded": sum(r.exceeded for r in indicators),
        }
        return counts | {state: states[state] for state in INDICATOR_STATES if state != "achieved"}


def score_unit(unit: str, commitments: list[Commitment], judging: Judging, rules: RuleSet) -> UnitScore:
    """Score the items of the unit's commitments that count in the period."""
    groups = [_group(c, g, judging, rules) for c in commitments for g in c.groups]
    groups = [g for g in groups if g.items]
    scored = [g for g in groups if g.credit is not None]
    steps = [
        said("{group}: weight W = {weight}, credit = {credit}", group=g.id, weight=fmt(g.weight), credit=_group_sum(g))
        for g in groups
    ]
    if not scored:
        steps.append(said("no item is scored → score null"))
        return UnitScore(unit, None, None, groups, _flags(commitments, groups, judging, rules), steps)
    total_weight = sum(g.weight for g in scored)
    raw = 100 * sum(g.weight * g.credit for g in scored if g.credit is not None) / total_weight
    score = round1(raw)
    terms = " + ".join(f"{fmt(g.weight)}×{fmt(g.credit)}" for g in scored)
    steps.append(
        said(
            "score = 100 × ({terms}) / {weights} = {raw} → {score}",
            terms=terms,
            weights=fmt(total_weight),
            raw=fmt(raw),
            score=fmt(score, 1),
        )
    )
    level = _level(score, groups, rules, steps)
    return UnitScore(unit, score, level, groups, _flags(commitments, groups, judging, rules), steps)


def _group(commitment: Commitment, group: Group, judging: Judging, rules: RuleSet) -> GroupScore:
    items = [judge_item(i, group.id, judging, rules) for i in group.items if counts_in(i, judging, commitment.year)]
    scored = [r for r in items if r.credit is not None]
    weight = group.weight if group.weight is not None else default_group_weight(commitment)
    credit = None
    if scored:
        credit = sum(r.item.weight * r.credit for r in scored if r.credit is not None) / sum(
            r.item.weight for r in scored
        )
    return GroupScore(group.id, group.title, weight, credit, items)


def default_group_weight(commitment: Commitment) -> float:
    """A group without a weight weighs the mean of the weights given, or 1 when none is given."""
    given = [g.weight for g in commitment.groups if g.weight is not None]
    return sum(given) / len(given) if given else 1.0


def _group_sum(group: GroupScore) -> Text | str:
    scored = [r for r in group.items if r.credit is not None]
    if not scored:
        return said("— (nothing scored)")
    terms = " + ".join(f"{fmt(r.item.weight)}×{fmt(r.credit)}" for r in scored)
    return f"({terms}) / {fmt(sum(r.item.weight for r in scored))} = {fmt(group.credit)}"


def _level(score: float, groups: list[GroupScore], rules: RuleSet, steps: list[Text]) -> str:
    level = level_of(score, rules)
    final = [r for g in groups for r in g.items if r.final]
    achieved = sum(r.achieved for r in final)
    thresholds = f"{fmt(rules.excellent)}/{fmt(rules.good)}/{fmt(rules.done)}"
    steps.append(said("level by thresholds ({thresholds}): {level}", thresholds=thresholds, level=level))
    if final and achieved * 2 < len(final):
        steps.append(
            said(
                "only {achieved} of {final} final-judged items achieved, less than half → not-done",
                achieved=achieved,
                final=len(final),
            )
        )
        return "not-done"
    if final:
        steps.append(
            said(
                "{achieved} of {final} final-judged items achieved, at least half → {level} stands",
                achieved=achieved,
                final=len(final),
                level=level,
            )
        )
    return level


def _flags(commitments: list[Commitment], groups: list[GroupScore], judging: Judging, rules: RuleSet) -> list[str]:
    flags = [f"review-now:{item_id}" for c in commitments for item_id in _behind_twice(c, judging, rules)]
    for c in commitments:
        if judging.cutoff >= dt.date(c.year, 12, 31):
            flags += [
                f"year-end-review:{r.item.id}" for g in groups for r in g.items if r.state in ("missed", "overdue")
            ]
    flags += [f"no-report:{r.item.id}" for g in groups for r in g.items if r.no_report and r.final]
    return list(dict.fromkeys(flags))


def quarter_ends(year: int, until: dt.date) -> list[dt.date]:
    ends = [dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31)]
    return [end for end in ends if end <= until]


def _behind_twice(commitment: Commitment, judging: Judging, rules: RuleSet) -> list[str]:
    """Indicators judged `behind` at two consecutive quarter ends up to C (kiểm điểm ngay)."""
    year = Period(str(commitment.year), dt.date(commitment.year, 1, 1), dt.date(commitment.year, 12, 31))
    ends = quarter_ends(commitment.year, judging.cutoff)
    flagged = []
    for _, _, item in commitment.items():
        if not item.is_indicator:
            continue
        behind = [judge_item(item, "", Judging(year, end), rules).state == "behind" for end in ends]
        if any(a and b for a, b in zip(behind, behind[1:], strict=False)):
            flagged.append(item.id)
    return flagged
