"""`acct score --explain REF`: every input and every step of the arithmetic behind one figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from accountability.model.base import MONTH
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import FatalError
from accountability.scoring.items import ItemResult
from accountability.scoring.numbers import fmt
from accountability.scoring.people import score_month
from accountability.scoring.scoreboard import Scores, UnitRow
from accountability.suggest import did_you_mean


@dataclass(frozen=True)
class Explanation:
    title: str
    inputs: list[tuple[str, str]]
    steps: list[str] = field(default_factory=list)
    result: str = ""


def explain(ref: str, tracker: Tracker, scores: Scores) -> Explanation:
    """REF is a unit (`phuong-1`), an item (`phuong-1/thu-ngan-sach`) or a person's month (`tran-van-b/2023-05`)."""
    head, _, tail = ref.partition("/")
    if tail and MONTH.fullmatch(tail) and head in tracker.people:
        return _person_month(head, tail, tracker, scores)
    if head not in tracker.units:
        known = [*tracker.units, *tracker.people]
        raise FatalError(
            f"--explain {ref!r}: no unit or person '{head}'{did_you_mean(head, known)}; write unit, unit/item or person/YYYY-MM"
        )
    row = next((r for r in scores.units if r.unit == head), None)
    if row is None or row.result is None:
        raise FatalError(f"--explain {ref!r}: {head} has no commitment scored in {scores.period.id}")
    return _item(row.result.items, ref, tail, scores) if tail else _unit(row, scores)


def _judging_inputs(scores: Scores) -> list[tuple[str, str]]:
    c = min(scores.as_of, scores.period.end)
    return [
        ("period", f"{scores.period.id}: {scores.period.start} … {scores.period.end}"),
        ("D (judging date)", str(scores.as_of)),
        ("C (cut-off = min(D, period end))", str(c)),
        (
            "rules",
            f"{scores.rules.name}: thresholds {fmt(scores.rules.excellent)}/{fmt(scores.rules.good)}/{fmt(scores.rules.done)}, late_credit {fmt(scores.rules.late_credit)}",
        ),
    ]


def _unit(row: UnitRow, scores: Scores) -> Explanation:
    result = row.result
    assert result is not None
    inputs = _judging_inputs(scores)
    steps = []
    for group in result.groups:
        steps.append(f"group {group.id} «{group.title}», weight {fmt(group.weight)}")
        for item in group.items:
            steps.append(
                f"  item {item.item.id} (weight {fmt(item.item.weight)}): {item.state}, credit {fmt(item.credit)}"
            )
            steps += [f"    {s}" for s in item.steps.lines()]
    steps += result.steps
    level = result.level or "—"
    return Explanation(
        f"{row.unit} «{row.name}», {scores.period.id}", inputs, steps, f"score {fmt(result.score, 1)}, level {level}"
    )


def _item(items: list[ItemResult], ref: str, item_id: str, scores: Scores) -> Explanation:
    found = next((r for r in items if r.item.id == item_id), None)
    if found is None:
        ids = [r.item.id for r in items]
        raise FatalError(
            f"--explain {ref!r}: no item '{item_id}' counts in {scores.period.id}{did_you_mean(item_id, ids)}"
        )
    item = found.item
    inputs = _judging_inputs(scores) + [
        ("item", f"{item.id} «{item.title}», group {found.group}"),
        ("owner", item.owner),
        ("due", str(item.due)),
        ("weight", fmt(item.weight)),
    ]
    if item.target:
        inputs.append(
            (
                "target",
                f"{fmt(item.target.value)} {item.target.unit or ''} ({item.target.direction})".replace("  ", " "),
            )
        )
        inputs += [(f"milestone {m.by}", fmt(m.value)) for m in item.milestones]
        inputs += [(f"report {r.on}", fmt(r.value) + (f" ({r.note})" if r.note else "")) for r in item.reports]
    else:
        inputs.append(("done", str(item.done or "—")))
    return Explanation(
        f"{ref}, {scores.period.id}", inputs, found.steps.lines(), f"{found.state}, credit {fmt(found.credit)}"
    )


def _person_month(person_id: str, month: str, tracker: Tracker, scores: Scores) -> Explanation:
    doc = tracker.plan(person_id, month)
    if doc is None:
        raise FatalError(f"--explain {person_id}/{month}: {person_id} has no plan for {month}")
    person = tracker.people[person_id].model
    month_score = score_month(doc.model, person, scores.as_of, scores.rules)
    plan = doc.model
    inputs = [
        ("plan", doc.path),
        ("D (judging date)", str(scores.as_of)),
        ("C (cut-off)", str(min(scores.as_of, month_period(month).end))),
    ]
    for task in plan.tasks:
        review = task.review
        reviewed = (
            f"review {review.on}: quality_fails {review.quality_fails}, delays {review.delays if review.delays is not None else '—'}, excused {str(review.excused).lower()}"
            if review
            else "no review"
        )
        inputs.append(
            (f"task {task.id}", f"due {task.due}, done {task.done or '—'}, weight {fmt(task.weight)}; {reviewed}")
        )
    rating = plan.rating
    inputs.append(
        (
            "rating",
            f"on {rating.on} by {rating.by}: general {fmt(rating.general)}, level {rating.level or '—'}"
            if rating
            else "none yet",
        )
    )
    if person.discipline:
        inputs += [("discipline", f"{d.on}: {d.form}") for d in person.discipline]
    provisional = " (provisional)" if month_score.provisional else ""
    result = f"score {fmt(month_score.score, 1)}{provisional}; computed {month_score.computed or '—'}; concluded {month_score.concluded or '—'}"
    return Explanation(f"{person.name} ({person_id}), {month}", inputs, month_score.steps.lines(), result)
