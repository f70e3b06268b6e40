"""Judging one commitment item as of D (SCORING.md, "Commitment items"). Pure: models and dates in, data out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accountability.model import Item
from accountability.periods import Judging
from accountability.problems import NOTHING, Text, said
from accountability.scoring.numbers import fmt
from accountability.scoring.rules import RuleSet
from accountability.scoring.steps import Steps

TASK_STATES = ("on_time", "late", "overdue", "open")
INDICATOR_STATES = ("achieved", "missed", "on_track", "behind", "no_report")


@dataclass(frozen=True)
class ItemResult:
    """The judgement of one item: its state, its credit (None when counted but not scored) and why."""

    item: Item
    group: str
    state: str
    credit: float | None
    final: bool = False  # judged for good: a task done or overdue, an indicator past its due date
    exceeded: bool = False
    due_soon: bool = False
    no_report: bool = False  # an indicator with no report that counts
    value: float | None = None  # the latest report that counts
    expected: float | None = None  # the pace line at C
    steps: Steps = field(default_factory=Steps)

    @property
    def achieved(self) -> bool:
        """Tasks count when done (on time or late), indicators when achieved."""
        return self.state in ("on_time", "late", "achieved")


def counts_in(item: Item, judging: Judging, year: int) -> bool:
    """Whether an item of a commitment for `year` counts in the period being judged."""
    period = judging.period
    if period.contains(item.due):
        return True
    if item.due < period.start:  # a task still overdue on the period's first day
        return not item.is_indicator and (item.done is None or item.done >= period.start)
    return year == period.end.year  # due after the period: judged on pace


def judge_item(item: Item, group: str, judging: Judging, rules: RuleSet) -> ItemResult:
    if item.is_indicator:
        return _indicator(item, group, judging)
    return _task(item, group, judging, rules)


def _task(item: Item, group: str, judging: Judging, rules: RuleSet) -> ItemResult:
    steps = Steps()
    steps.said(
        "task due {due}; done {done}; D = {as_of}, C = {cutoff}",
        due=item.due,
        done=item.done or "—",
        as_of=judging.as_of,
        cutoff=judging.cutoff,
    )
    if item.done and judging.counts(item.done):
        if item.done <= item.due:
            steps.said("done {done} ≤ due {due} → on_time, credit 1", done=item.done, due=item.due)
            return ItemResult(item, group, "on_time", 1.0, final=True, steps=steps)
        steps.said(
            "done {done} > due {due} → late, credit late_credit = {credit}",
            done=item.done,
            due=item.due,
            credit=rules.late_credit,
        )
        return ItemResult(item, group, "late", rules.late_credit, final=True, steps=steps)
    if judging.is_past(item.due):
        steps.said("not done by C and due {due} is past (before D, not after C) → overdue, credit 0", due=item.due)
        return ItemResult(item, group, "overdue", 0.0, final=True, steps=steps)
    days = (item.due - judging.as_of).days
    soon = 0 <= days <= rules.due_soon_days
    steps.said(
        "not done and due {due} not past → open: counted, not scored{soon}",
        due=item.due,
        soon=said("; due in {days} days → due_soon", days=days) if soon else NOTHING,
    )
    return ItemResult(item, group, "open", None, due_soon=soon, steps=steps)


def _indicator(item: Item, group: str, judging: Judging) -> ItemResult:
    assert item.target is not None
    target, up = item.target.value, item.target.direction == "up"
    reports = [r for r in item.reports if judging.counts(r.on)]
    value = reports[-1].value if reports else None
    steps = Steps()
    steps.said(
        "indicator: target {target}{unit} ({direction}), due {due}; C = {cutoff}",
        target=target,
        unit=" " + item.target.unit if item.target.unit else "",
        direction=item.target.direction,
        due=item.due,
        cutoff=judging.cutoff,
    )
    if reports:
        steps.said("latest report on or before C: {value} on {on}", value=value, on=reports[-1].on)
    else:
        steps.said("no report on or before C")
    if judging.is_past(item.due):
        return _final(item, group, value, steps)
    paced = up and item.measure == "cumulative"
    expected = expected_at(item, judging.cutoff) if paced else target
    if paced:
        which = NOTHING
    elif up:
        which = said(" (the target itself: a level indicator)")
    else:
        which = said(" (the target itself, for down)")
    steps.said(
        "due {due} not past → judged on pace; expected at C = {expected}{which}",
        due=item.due,
        expected=expected,
        which=which,
    )
    if value is None:
        steps.said("no report yet → no_report, credit 0")
        return ItemResult(item, group, "no_report", 0.0, no_report=True, expected=expected, steps=steps)
    if (value >= expected) if up else (value <= expected):
        steps.said(
            "{value} {sign} {expected} → on_track, credit 1", value=value, sign="≥" if up else "≤", expected=expected
        )
        return ItemResult(item, group, "on_track", 1.0, value=value, expected=expected, steps=steps)
    a, b = (value, expected) if up else (expected, value)
    sign = "<" if up else ">"
    if b <= 0:  # behind a pace line at or below zero: a ratio would divide by zero or flip sign
        steps.said(
            "{value} {sign} {expected} → behind, and {b} ≤ 0 leaves no ratio → credit 0",
            value=value,
            sign=sign,
            expected=expected,
            b=b,
        )
        return ItemResult(item, group, "behind", 0.0, value=value, expected=expected, steps=steps)
    credit = max(0.0, min(a / b, 1.0))
    steps.said(
        "{value} {sign} {expected} → behind, credit min({a} / {b}, 1) = {credit}",
        value=value,
        sign=sign,
        expected=expected,
        a=a,
        b=b,
        credit=credit,
    )
    return ItemResult(item, group, "behind", credit, value=value, expected=expected, steps=steps)


def _final(item: Item, group: str, value: float | None, steps: Steps) -> ItemResult:
    assert item.target is not None
    if value is None:
        steps.said("due date past with no report → missed (no_report), credit 0")
        return ItemResult(item, group, "missed", 0.0, final=True, no_report=True, steps=steps)
    target, up = item.target.value, item.target.direction == "up"
    achieved = value >= target if up else value <= target
    exceeded = value > target if up else value < target
    attained = attainment(value, target, up, achieved)
    credit = max(0.0, min(attained, 1.0))
    state = "achieved" if achieved else "missed"
    formula: Text | str = f"{fmt(value)} / {fmt(target)}" if up else f"{fmt(target)} / {fmt(value)}"
    if (target if up else value) == 0:
        formula = said("a zero divisor, so 1 if achieved else 0")
    steps.said(
        "due date past → final: {state}{exceeded}; attainment = {formula} = {attained}; credit min(attainment, 1) = "
        "{credit}",
        state=state,
        exceeded=said(" and exceeded") if exceeded else NOTHING,
        formula=formula,
        attained=attained,
        credit=credit,
    )
    return ItemResult(item, group, state, credit, final=True, exceeded=exceeded, value=value, steps=steps)


def attainment(value: float, target: float, up: bool, achieved: bool) -> float:
    """up: value / target; down: target / value; where that divides by zero, 1 if achieved else 0."""
    divisor = target if up else value
    if divisor == 0:
        return 1.0 if achieved else 0.0
    return (value / target) if up else (target / value)


def expected_at(item: Item, day: dt.date) -> float:
    """The `up` pace line at `day`: from 0 on 1 January of the due year, through the milestones, to the target."""
    assert item.target is not None
    points = [(dt.date(item.due.year, 1, 1), 0.0)]
    points += [(m.by, m.value) for m in sorted(item.milestones, key=lambda m: m.by) if m.by < item.due]
    points.append((item.due, item.target.value))
    if day <= points[0][0]:
        return 0.0
    for (start, low), (end, high) in zip(points, points[1:], strict=False):
        if day <= end:
            span = (end - start).days
            return high if span == 0 else low + (high - low) * (day - start).days / span
    return item.target.value
