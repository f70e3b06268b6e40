"""A person's monthly evaluation and their level over a longer period (SCORING.md, "Monthly evaluation of a person",
"A person over a longer period"). Escalations are in `scoring.escalation`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from accountability.model import Person, Plan, Task
from accountability.model.base import LEVELS
from accountability.model.org import Discipline
from accountability.model.tracker import Doc
from accountability.periods import Judging, month_period
from accountability.scoring.escalation import Escalation, Miss, month_miss
from accountability.scoring.numbers import round1
from accountability.scoring.rules import RuleSet, level_of
from accountability.scoring.steps import Steps, Terms

PERSON_TASK_STATES = ("on_time", "late", "undone", "open")


class TaskResult(NamedTuple):  # a tuple, not a dataclass: one is made for every task scored
    id: str
    state: str  # on_time | late | undone | open
    credit: float | None  # None for open tasks, which are left out of the score
    weight: float


@dataclass(frozen=True)
class MonthScore:
    """A person's month as of D: plain values only, so that a cache can keep it and give it back without the plan."""

    person: str
    month: str
    path: str  # the plan's file
    tasks: Sequence[TaskResult]  # a tuple, or a sequence a cache decodes only when read
    task_results: float | None  # out of task_max (70)
    general: float | None  # rating.general, out of general_max (30), when written by D
    score: float | None
    provisional: bool
    computed: str | None
    concluded: str | None
    rated_on: dt.date | None  # the date of the concluded rating
    discipline: tuple[Discipline, ...]  # the discipline decisions dated within the month
    miss: Miss | None  # assigned work not completed this month, as of D (scoring.escalation)

    @property
    def level(self) -> str | None:
        """The concluded level where there is one (it is the official one), else the computed one."""
        return self.concluded or self.computed

    @property
    def disciplined(self) -> bool:
        return bool(self.discipline)


def score_task(task: Task, judging: Judging, rules: RuleSet, steps: Steps | None = None) -> TaskResult:
    """The task's state and credit; its steps are added to `steps` (the month's)."""
    steps = Steps() if steps is None else steps
    review = task.review if task.review and judging.written(task.review.on) else None
    if not (task.done and judging.counts(task.done)):
        if judging.is_past(task.due):
            steps.said("{task}: not done and due {due} is past → 0", task=task.id, due=task.due)
            return TaskResult(task.id, "undone", 0.0, task.weight)
        steps.said("{task}: not done, due {due} not past → open, left out", task=task.id, due=task.due)
        return TaskResult(task.id, "open", None, task.weight)
    late = task.done > task.due
    fails = review.quality_fails if review else 0
    delays = review.delays if review and review.delays is not None else (1 if late else 0)
    state = "late" if late else "on_time"
    if review and review.excused:
        quality, progress = 1.0, 1.0
        steps.said(
            "{task}: done {done}, due {due} → {state}; excused: no deductions",
            task=task.id,
            done=task.done,
            due=task.due,
            state=state,
        )
    else:
        quality = max(0.0, 1 - rules.deduction * fails)
        progress = max(0.0, 1 - rules.deduction * delays)
        steps.said(
            "{task}: done {done}, due {due} → {state}; quality = max(0, 1 − {deduction}×{fails}) = {quality}, "
            "progress = max(0, 1 − {deduction}×{delays}) = {progress}",
            task=task.id,
            done=task.done,
            due=task.due,
            state=state,
            deduction=rules.deduction,
            fails=fails,
            quality=quality,
            delays=delays,
            progress=progress,
        )
    credit = (1 + quality + progress) / 3
    steps.said(
        "  credit = (1 + {quality} + {progress}) / 3 = {credit}", quality=quality, progress=progress, credit=credit
    )
    return TaskResult(task.id, state, credit, task.weight)


def score_month(
    doc: Doc[Plan], person: Person | None, as_of: dt.date, rules: RuleSet, steps: Steps | None = None
) -> MonthScore:
    """The month's score, levels and miss as of D; each step of the arithmetic goes to `steps` when given."""
    plan = doc.model
    judging = Judging(month_period(plan.month), as_of)
    steps = Steps() if steps is None else steps
    results = tuple(score_task(t, judging, rules, steps) for t in plan.tasks)
    scored = [r for r in results if r.credit is not None]
    task_results = None
    if scored:
        weights = sum(r.weight for r in scored)
        mean = sum(r.weight * r.credit for r in scored if r.credit is not None) / weights
        task_results = rules.task_max * mean
        steps.said(
            "task_results = {max} × ({terms}) / {weights} = {results}",
            max=rules.task_max,
            terms=Terms([(r.weight, r.credit) for r in scored]),
            weights=weights,
            results=task_results,
        )
    rating = plan.rating if plan.rating and judging.written(plan.rating.on) else None
    general = rating.general if rating else None
    score, provisional = _score(task_results, general, rules, steps)
    discipline = disciplined_in(person, judging.period.start, judging.period.end)
    computed = _computed(score, discipline, rules, steps)
    concluded = rating.level if rating else None
    if concluded:
        steps.said("concluded level (rating.level, the official one): {level}", level=concluded)
    rated_on = rating.on if rating and concluded else None
    miss = month_miss(doc, as_of, rules)
    return MonthScore(
        plan.person,
        plan.month,
        doc.path,
        results,
        task_results,
        general,
        score,
        provisional,
        computed,
        concluded,
        rated_on,
        discipline,
        miss,
    )


def _score(
    task_results: float | None, general: float | None, rules: RuleSet, steps: Steps
) -> tuple[float | None, bool]:
    if task_results is None:
        steps.said("no task is scored → score null")
        return None, general is None
    if general is None:
        raw = task_results * 100 / rules.task_max
        steps.said(
            "no rating.general yet → provisional score = task_results / {share} = {raw} → {score}",
            share=rules.task_max / 100,
            raw=raw,
            score=round1(raw),
        )
        return round1(raw), True
    raw = general + task_results
    steps.said(
        "score = rating.general + task_results = {general} + {results} = {raw} → {score}",
        general=general,
        results=task_results,
        raw=raw,
        score=round1(raw),
    )
    return round1(raw), False


def _computed(score: float | None, discipline: tuple[Discipline, ...], rules: RuleSet, steps: Steps) -> str | None:
    if discipline:
        for entry in discipline:
            steps.said(
                "discipline on {on}: {form}{ref} → not-done, whatever the score",
                on=entry.on,
                form=entry.form,
                ref=f" ({entry.ref})" if entry.ref else "",
            )
        return "not-done"
    if score is None:
        return None
    level = level_of(score, rules)
    steps.said(
        "computed level: {score} against {excellent}/{good}/{done} → {level}",
        score=score,
        excellent=rules.excellent,
        good=rules.good,
        done=rules.done,
        level=level,
    )
    return level


def disciplined_in(person: Person | None, start: dt.date, end: dt.date) -> tuple[Discipline, ...]:
    """The person's discipline decisions dated from `start` to `end`: each forces not-done for that period."""
    if person is None:
        return ()
    return tuple(d for d in person.discipline if start <= d.on <= end)


@dataclass(frozen=True)
class PeriodLevel:
    """A person's level over a period, and what it rests on (SCORING.md, "A person over a longer period").

    `basis` says what `level` is: the month's `concluded` rating, the month's `computed` level when no rating is
    written yet, or, for a period longer than a month, the level `proposed` from the mean score: a proposal for
    whoever concludes the period's rating, never a rating."""

    score: float | None
    level: str | None
    basis: str | None  # concluded | computed | proposed
    provisional: bool
    concluded_months: dict[str, int]  # the concluded monthly levels, counted
    discipline: tuple[Discipline, ...]

    @property
    def proposed(self) -> str | None:
        return self.level if self.basis == "proposed" else None


def period_level(
    months: list[MonthScore], person: Person | None, start: dt.date, end: dt.date, rules: RuleSet
) -> PeriodLevel:
    """One month keeps that month's level; a longer period gets a proposed level from the mean of its monthly scores,
    not-done when any discipline falls in it."""
    counted = Counter(m.concluded for m in months if m.concluded)
    concluded: dict[str, int] = {level: counted[level] for level in LEVELS if counted[level]}
    discipline = disciplined_in(person, start, end)
    provisional = any(m.provisional for m in months)
    if (start.year, start.month) == (end.year, end.month) and len(months) == 1:
        only = months[0]
        basis = "concluded" if only.concluded else ("computed" if only.computed else None)
        return PeriodLevel(only.score, only.level, basis, only.provisional, concluded, only.discipline)
    scores = [m.score for m in months if m.score is not None]
    score = round1(sum(scores) / len(scores)) if scores else None
    level = "not-done" if discipline else (level_of(score, rules) if score is not None else None)
    return PeriodLevel(score, level, "proposed" if level else None, provisional, concluded, discipline)


@dataclass(frozen=True)
class PersonScore:
    person: str
    unit: str
    period: PeriodLevel
    months: list[MonthScore]
    escalation: Escalation
    flags: list[str]

    @property
    def score(self) -> float | None:
        return self.period.score

    @property
    def level(self) -> str | None:
        return self.period.level

    @property
    def provisional(self) -> bool:
        return self.period.provisional

    @property
    def misses(self) -> int:
        return self.escalation.count

    @property
    def step(self) -> str | None:
        return self.escalation.step

    def task_counts(self) -> dict[str, int]:
        states = Counter(r.state for m in self.months for r in m.tasks)
        return {"total": sum(states.values()), **{s: states[s] for s in PERSON_TASK_STATES}}
