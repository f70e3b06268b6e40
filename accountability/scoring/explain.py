"""`acct score --explain REF`: every input and every step of the arithmetic behind one figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from accountability.i18n import LEVEL_VALUES, N_
from accountability.model import Task
from accountability.model.base import MONTH
from accountability.model.org import Discipline
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import NOTHING, FatalError, Text, said
from accountability.scoring.escalation import Miss
from accountability.scoring.items import ItemResult
from accountability.scoring.numbers import fmt
from accountability.scoring.people import PersonScore, score_month
from accountability.scoring.scoreboard import Scores, UnitRow
from accountability.scoring.steps import Steps
from accountability.suggest import suggestion

Line = Text | str  # a sentence for the catalogue, or text taken as it is (an id, a path, a step of arithmetic)


@dataclass(frozen=True)
class Explanation:
    """What --explain prints: a title, the inputs (label, value), the steps of the arithmetic and the result, each a
    sentence kept as data and shown in the reader's language (`render.explain`)."""

    title: Line
    inputs: list[tuple[Line, Line]]
    steps: list[Line] = field(default_factory=list)
    result: Line = ""


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
            said(
                "--explain {ref}: no unit or person '{head}'{hint}; write a unit, unit/item, a person or person/YYYY-MM",
                ref=repr(ref),
                head=head,
                hint=suggestion(head, known),
            )
        )
    row = next((r for r in scores.units if r.unit == head), None)
    if row is None or row.result is None:
        raise FatalError(
            said(
                "--explain {ref}: {head} has no commitment scored in {period}",
                ref=repr(ref),
                head=head,
                period=scores.period.id,
            )
        )
    return _item(row.result.items, ref, tail, scores) if tail else _unit(row, scores)


def _thresholds(scores: Scores) -> str:
    rules = scores.rules
    return f"{fmt(rules.excellent)}/{fmt(rules.good)}/{fmt(rules.done)}"


def _judging_inputs(scores: Scores) -> list[tuple[Line, Line]]:
    c = min(scores.as_of, scores.period.end)
    period = scores.period
    return [
        (said("period"), said("{period}: {start} … {end}", period=period.id, start=period.start, end=period.end)),
        (said("D (judging date)"), said("{day}", day=scores.as_of)),
        (said("C (cut-off = min(D, period end))"), said("{day}", day=c)),
        (
            said("rules"),
            said(
                "{rules}: thresholds {thresholds}, late_credit {late_credit}",
                rules=scores.rules.name,
                thresholds=_thresholds(scores),
                late_credit=fmt(scores.rules.late_credit),
            ),
        ),
    ]


def _unit(row: UnitRow, scores: Scores) -> Explanation:
    result = row.result
    assert result is not None
    inputs = _judging_inputs(scores)
    steps: list[Line] = []
    for group in result.groups:
        steps.append(
            said("group {id} «{title}», weight {weight}", id=group.id, title=group.title, weight=fmt(group.weight))
        )
        for item in group.items:
            steps.append(
                said(
                    "  item {id} (weight {weight}): {state}, credit {credit}",
                    id=item.item.id,
                    weight=fmt(item.item.weight),
                    state=item.state,
                    credit=fmt(item.credit),
                )
            )
            steps += [said("    {step}", step=step) for step in item.steps.texts()]
    steps += result.steps
    return Explanation(
        said("{unit} «{name}», {period}", unit=row.unit, name=row.name, period=scores.period.id),
        inputs,
        steps,
        said("score {score}, level {level}", score=fmt(result.score, 1), level=_level(result.level)),
    )


def _level(level: str | None) -> Line:
    return Text(LEVEL_VALUES[level]) if level else "—"


def _item(items: list[ItemResult], ref: str, item_id: str, scores: Scores) -> Explanation:
    found = next((r for r in items if r.item.id == item_id), None)
    if found is None:
        raise FatalError(
            said(
                "--explain {ref}: no item '{item}' counts in {period}{hint}",
                ref=repr(ref),
                item=item_id,
                period=scores.period.id,
                hint=suggestion(item_id, [r.item.id for r in items]),
            )
        )
    item = found.item
    inputs = _judging_inputs(scores) + [
        (said("item"), said("{id} «{title}», group {group}", id=item.id, title=item.title, group=found.group)),
        (said("owner"), item.owner),
        (said("due"), said("{day}", day=item.due)),
        (said("weight"), fmt(item.weight)),
    ]
    if item.target:
        target = item.target
        shown = f"{fmt(target.value)} {target.unit}" if target.unit else fmt(target.value)
        inputs.append((said("target"), f"{shown} ({target.direction})"))
        inputs += [(said("milestone {day}", day=m.by), fmt(m.value)) for m in item.milestones]
        inputs += [
            (said("report {day}", day=r.on), fmt(r.value) + (f" ({r.note})" if r.note else "")) for r in item.reports
        ]
    else:
        inputs.append((said("done"), said("{day}", day=item.done) if item.done else "—"))
    return Explanation(
        said("{ref}, {period}", ref=ref, period=scores.period.id),
        inputs,
        list(found.steps.texts()),
        said("{state}, credit {credit}", state=found.state, credit=fmt(found.credit)),
    )


def _person_month(person_id: str, month: str, tracker: Tracker, scores: Scores) -> Explanation:
    doc = tracker.plan(person_id, month)
    if doc is None:
        months = sorted(d.model.month for d in tracker.plans if d.model.person == person_id)
        hint = (
            said("; {person} has plans for {months}", person=person_id, months=", ".join(months)) if months else NOTHING
        )
        raise FatalError(
            said(
                "--explain {person}/{month}: {person} has no plan for {month}{hint}",
                person=person_id,
                month=month,
                hint=hint,
            )
        )
    person = tracker.people[person_id].model
    steps = Steps()
    month_score = score_month(doc, person, scores.as_of, scores.rules, steps)
    plan = doc.model
    inputs: list[tuple[Line, Line]] = [
        (said("plan"), doc.path),
        (said("D (judging date)"), said("{day}", day=scores.as_of)),
        (said("C (cut-off)"), said("{day}", day=min(scores.as_of, month_period(month).end))),
    ]
    for task in plan.tasks:
        inputs.append((said("task {id}", id=task.id), _task_line(task)))
    rating = plan.rating
    rated = (
        said(
            "on {on} by {by}: general {general}, level {level}",
            on=rating.on,
            by=rating.by,
            general=fmt(rating.general),
            level=_level(rating.level),
        )
        if rating
        else said("none yet")
    )
    inputs.append((said("rating"), rated))
    inputs += [(said("discipline"), _discipline(d)) for d in month_score.discipline]
    lines: list[Line] = list(steps.texts())
    lines += _miss_lines(month_score.miss, scores)
    result = said(
        "score {score}{provisional}; computed {computed}; concluded {concluded}",
        score=fmt(month_score.score, 1),
        provisional=said(" (provisional)") if month_score.provisional else NOTHING,
        computed=_level(month_score.computed),
        concluded=_level(month_score.concluded) if month_score.concluded else said("— (not rated yet)"),
    )
    return Explanation(f"{person.name} ({person_id}), {month}", inputs, lines, result)


def _task_line(task: Task) -> Line:
    review = task.review
    reviewed = (
        said(
            "review {on}: quality_fails {fails}, delays {delays}, excused {excused}",
            on=review.on,
            fails=review.quality_fails,
            delays=review.delays if review.delays is not None else "—",
            excused=str(review.excused).lower(),
        )
        if review
        else said("no review")
    )
    return said(
        "due {due}, done {done}, weight {weight}; {review}",
        due=task.due,
        done=task.done or "—",
        weight=fmt(task.weight),
        review=reviewed,
    )


def _discipline(entry: Discipline) -> Line:
    if entry.ref:
        return said("{on}: {form} ({ref})", on=entry.on, form=entry.form, ref=entry.ref)
    return said("{on}: {form}", on=entry.on, form=entry.form)


def _miss_lines(miss: Miss | None, scores: Scores) -> list[Line]:
    if miss is None:
        return [
            said(
                "no task still undone after the review deadline (the month's last day + grace_days {grace}), and not "
                "concluded not-done → not a time work was not completed",
                grace=scores.rules.grace_days,
            )
        ]
    lines: list[Line] = [
        said(
            "{ref} «{title}», due {due}, done {done}: not completed by {deadline}",
            ref=e.ref,
            title=e.title,
            due=e.due,
            done=e.done or "—",
            deadline=miss.deadline,
        )
        for e in miss.tasks
    ]
    if miss.concluded_not_done:
        lines.append(said("the month was concluded not-done"))
    return [*lines, said("→ {month} counts as a time assigned work was not completed (escalation)", month=miss.month)]


def _person(person_id: str, tracker: Tracker, scores: Scores) -> Explanation:
    found = next((p for p in scores.people if p.person == person_id), None)
    if found is None:
        raise FatalError(
            said("--explain {person}: {person} has no plan in {period}", person=person_id, period=scores.period.id)
        )
    person = tracker.people[person_id].model
    inputs = _judging_inputs(scores)
    for m in found.months:
        inputs.append(
            (
                said("month {month}", month=m.month),
                said(
                    "score {score}{provisional}; computed {computed}; concluded {concluded}",
                    score=_one(m.score),
                    provisional=said(" (provisional)") if m.provisional else NOTHING,
                    computed=_level(m.computed),
                    concluded=_level(m.concluded),
                ),
            )
        )
    inputs += [(said("discipline"), _discipline(d)) for d in found.period.discipline]
    steps = _level_steps(found, scores)
    steps += _escalation_steps(found)
    level = found.period
    label = {
        "proposed": said("proposed level (a proposal, not a rating)"),
        "concluded": said("concluded level"),
        "computed": said("computed level (not rated yet)"),
    }
    result = said(
        "score {score}; {basis} {level}; {times}",
        score=_one(level.score),
        basis=label.get(level.basis or "", said("level")),
        level=_level(level.level),
        times=Text(
            N_("{count} time assigned work was not completed")
            if found.misses == 1
            else N_("{count} times assigned work was not completed"),
            (("count", found.misses),),
        ),
    )
    return Explanation(f"{person.name} ({person_id}), {scores.period.id}", inputs, steps, result)


def _one(score: float | None) -> str:
    """A score as every output shows it: one decimal place."""
    return "—" if score is None else f"{score:.1f}"


def _level_steps(found: PersonScore, scores: Scores) -> list[Line]:
    level = found.period
    scored = [m.score for m in found.months if m.score is not None]
    if level.basis != "proposed":
        return [
            said(
                "a one-month period keeps that month's level: {level} ({basis})",
                level=_level(level.level),
                basis=level.basis or said("none"),
            )
        ]
    steps: list[Line] = []
    if scored:
        steps.append(
            said(
                "period score = mean of {count} monthly scores = ({scores}) / {count} = {score}",
                count=len(scored),
                scores=" + ".join(_one(s) for s in scored),
                score=_one(level.score),
            )
        )
    if level.discipline:
        steps.append(said("a discipline decision in the period → proposed not-done, whatever the score"))
    else:
        steps.append(
            said(
                "proposed level by thresholds {thresholds}: {level}",
                thresholds=_thresholds(scores),
                level=_level(level.level),
            )
        )
    counts = ", ".join(f"{n} {lvl}" for lvl, n in level.concluded_months.items())
    steps.append(said("concluded monthly ratings: {counts}", counts=counts or said("none yet")))
    return steps


def _escalation_steps(found: PersonScore) -> list[Line]:
    esc = found.escalation
    steps: list[Line] = []
    for miss in esc.misses:
        tasks: list[Text] = [said("{ref} (due {due})", ref=e.ref, due=e.due) for e in miss.tasks]
        if tasks and miss.concluded_not_done:
            what = said(
                "tasks not completed by {deadline}: {tasks}; concluded not-done", deadline=miss.deadline, tasks=tasks
            )
        elif tasks:
            what = said("tasks not completed by {deadline}: {tasks}", deadline=miss.deadline, tasks=tasks)
        else:
            what = said("concluded not-done")
        steps.append(said("{month}: {what}", month=miss.month, what=what))
    steps.append(
        said(
            "times assigned work was not completed in {year}: {count} → step {step}",
            year=esc.year,
            count=esc.count,
            step=esc.step or said("none"),
        )
    )
    return steps
