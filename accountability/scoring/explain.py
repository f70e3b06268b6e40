"""`acct score --explain REF`: every input and every step of the arithmetic behind one figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from accountability.model import Task
from accountability.model.base import MONTH
from accountability.model.org import Discipline
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import FatalError
from accountability.scoring.escalation import Miss
from accountability.scoring.items import ItemResult
from accountability.scoring.numbers import fmt
from accountability.scoring.people import PersonScore, score_month
from accountability.scoring.scoreboard import Scores, UnitRow
from accountability.scoring.steps import Steps
from accountability.suggest import did_you_mean


@dataclass(frozen=True)
class Explanation:
    title: str
    inputs: list[tuple[str, str]]
    steps: list[str] = field(default_factory=list)
    result: str = ""


def explain(ref: str, tracker: Tracker, scores: Scores) -> Explanation:
    """REF is a unit (`phuong-1`), an item (`phuong-1/thu-ngan-sach`), a person (`tran-van-b`: the period) or a
    person's month (`tran-van-b/2023-05`)."""
    head, _, tail = ref.partition("/")
    if head in tracker.people and not tail:
        return _person(head, tracker, scores)
    if head in tracker.people and MONTH.fullmatch(tail):
        return _person_month(head, tail, tracker, scores)
    if head not in tracker.units:
        known = [r for r in (*tracker.units, *tracker.people) if r != ref]
        raise FatalError(
            f"--explain {ref!r}: no unit or person '{head}'{did_you_mean(head, known)}; write a unit, unit/item, a "
            "person or person/YYYY-MM"
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
        months = sorted(d.model.month for d in tracker.plans if d.model.person == person_id)
        hint = f"; {person_id} has plans for {', '.join(months)}" if months else ""
        raise FatalError(f"--explain {person_id}/{month}: {person_id} has no plan for {month}{hint}")
    person = tracker.people[person_id].model
    steps = Steps()
    month_score = score_month(doc, person, scores.as_of, scores.rules, steps)
    plan = doc.model
    inputs = [
        ("plan", doc.path),
        ("D (judging date)", str(scores.as_of)),
        ("C (cut-off)", str(min(scores.as_of, month_period(month).end))),
    ]
    for task in plan.tasks:
        inputs.append((f"task {task.id}", _task_line(task)))
    rating = plan.rating
    rated = (
        f"on {rating.on} by {rating.by}: general {fmt(rating.general)}, level {rating.level or '—'}"
        if rating
        else "none yet"
    )
    inputs.append(("rating", rated))
    inputs += [("discipline", _discipline(d)) for d in month_score.discipline]
    lines = steps.lines()
    lines += _miss_lines(month_score.miss, scores)
    provisional = " (provisional)" if month_score.provisional else ""
    result = (
        f"score {fmt(month_score.score, 1)}{provisional}; computed {month_score.computed or '—'}; "
        f"concluded {month_score.concluded or '— (not rated yet)'}"
    )
    return Explanation(f"{person.name} ({person_id}), {month}", inputs, lines, result)


def _task_line(task: Task) -> str:
    review = task.review
    reviewed = (
        f"review {review.on}: quality_fails {review.quality_fails}, delays "
        f"{review.delays if review.delays is not None else '—'}, excused {str(review.excused).lower()}"
        if review
        else "no review"
    )
    return f"due {task.due}, done {task.done or '—'}, weight {fmt(task.weight)}; {reviewed}"


def _discipline(entry: Discipline) -> str:
    return f"{entry.on}: {entry.form}" + (f" ({entry.ref})" if entry.ref else "")


def _miss_lines(miss: Miss | None, scores: Scores) -> list[str]:
    deadline = f"the review deadline (the month's last day + grace_days {scores.rules.grace_days})"
    if miss is None:
        return [
            f"no task still undone after {deadline}, and not concluded not-done → not a time work was not completed"
        ]
    lines = [
        f"{e.ref} «{e.title}», due {e.due}, done {e.done or '—'}: not completed by {miss.deadline}" for e in miss.tasks
    ]
    if miss.concluded_not_done:
        lines.append("the month was concluded not-done")
    return [*lines, f"→ {miss.month} counts as a time assigned work was not completed (escalation)"]


def _person(person_id: str, tracker: Tracker, scores: Scores) -> Explanation:
    found = next((p for p in scores.people if p.person == person_id), None)
    if found is None:
        raise FatalError(f"--explain {person_id}: {person_id} has no plan in {scores.period.id}")
    person = tracker.people[person_id].model
    inputs = _judging_inputs(scores)
    for m in found.months:
        provisional = " (provisional)" if m.provisional else ""
        inputs.append(
            (
                f"month {m.month}",
                f"score {_one(m.score)}{provisional}; computed {m.computed or '—'}; concluded {m.concluded or '—'}",
            )
        )
    inputs += [("discipline", _discipline(d)) for d in found.period.discipline]
    steps = _level_steps(found, scores)
    steps += _escalation_steps(found)
    level = found.period
    label = {
        "proposed": "proposed level (a proposal, not a rating)",
        "concluded": "concluded level",
        "computed": "computed level (not rated yet)",
    }
    times = "time" if found.misses == 1 else "times"
    result = f"score {_one(level.score)}; {label.get(level.basis or '', 'level')} {level.level or '—'}; {found.misses} {times} assigned work was not completed"
    return Explanation(f"{person.name} ({person_id}), {scores.period.id}", inputs, steps, result)


def _one(score: float | None) -> str:
    """A score as every output shows it: one decimal place."""
    return "—" if score is None else f"{score:.1f}"


def _level_steps(found: PersonScore, scores: Scores) -> list[str]:
    level = found.period
    scored = [m.score for m in found.months if m.score is not None]
    if level.basis != "proposed":
        return [f"a one-month period keeps that month's level: {level.level or '—'} ({level.basis or 'none'})"]
    steps = (
        [
            f"period score = mean of {len(scored)} monthly scores = ({' + '.join(_one(s) for s in scored)}) / {len(scored)} = {_one(level.score)}"
        ]
        if scored
        else []
    )
    if level.discipline:
        steps.append("a discipline decision in the period → proposed not-done, whatever the score")
    else:
        steps.append(
            f"proposed level by thresholds {fmt(scores.rules.excellent)}/{fmt(scores.rules.good)}/{fmt(scores.rules.done)}: {level.level}"
        )
    counts = ", ".join(f"{n} {lvl}" for lvl, n in level.concluded_months.items()) or "none yet"
    steps.append(f"concluded monthly ratings: {counts}")
    return steps


def _escalation_steps(found: PersonScore) -> list[str]:
    esc = found.escalation
    steps = []
    for miss in esc.misses:
        tasks = ", ".join(f"{e.ref} (due {e.due})" for e in miss.tasks)
        parts = [
            p
            for p in (
                f"tasks not completed by {miss.deadline}: {tasks}" if tasks else "",
                "concluded not-done" if miss.concluded_not_done else "",
            )
            if p
        ]
        steps.append(f"{miss.month}: {'; '.join(parts)}")
    steps.append(f"times assigned work was not completed in {esc.year}: {esc.count} → step {esc.step or 'none'}")
    return steps
