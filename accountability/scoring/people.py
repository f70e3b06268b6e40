"""A person's monthly evaluation, their score over a longer period, and their escalation step
(SCORING.md, "Monthly evaluation of a person", "A person over a longer period", "Escalations")."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from accountability.model import Person, Plan, Task
from accountability.periods import Judging, month_period
from accountability.scoring.numbers import round1
from accountability.scoring.rules import RuleSet, level_of
from accountability.scoring.steps import Steps, Terms

PERSON_TASK_STATES = ("on_time", "late", "undone", "open")


class TaskResult(NamedTuple):  # a tuple, not a dataclass: one is made for every task scored
    task: Task
    state: str  # on_time | late | undone | open
    credit: float | None  # None for open tasks, which are left out of the score


@dataclass(frozen=True)
class MonthScore:
    person: str
    month: str
    tasks: list[TaskResult]
    task_results: float | None  # out of task_max (70)
    general: float | None  # rating.general, out of general_max (30), when written by D
    score: float | None
    provisional: bool
    computed: str | None
    concluded: str | None
    disciplined: bool
    steps: Steps = field(default_factory=Steps)

    @property
    def level(self) -> str | None:
        """The concluded level where there is one (it is the official one), else the computed one."""
        return self.concluded or self.computed


def score_task(task: Task, judging: Judging, rules: RuleSet, steps: Steps | None = None) -> TaskResult:
    """The task's state and credit; its steps are added to `steps` (the month's)."""
    steps = Steps() if steps is None else steps
    review = task.review if task.review and judging.written(task.review.on) else None
    if not (task.done and judging.counts(task.done)):
        if judging.is_past(task.due):
            steps.add("{}: not done and due {} is past → 0", task.id, task.due)
            return TaskResult(task, "undone", 0.0)
        steps.add("{}: not done, due {} not past → open, left out", task.id, task.due)
        return TaskResult(task, "open", None)
    late = task.done > task.due
    fails = review.quality_fails if review else 0
    delays = review.delays if review and review.delays is not None else (1 if late else 0)
    state = "late" if late else "on_time"
    if review and review.excused:
        quality, progress = 1.0, 1.0
        steps.add("{}: done {}, due {} → {}; excused: no deductions", task.id, task.done, task.due, state)
    else:
        quality = max(0.0, 1 - rules.deduction * fails)
        progress = max(0.0, 1 - rules.deduction * delays)
        steps.add(
            "{}: done {}, due {} → {}; quality = max(0, 1 − {}×{}) = {}, progress = max(0, 1 − {}×{}) = {}",
            task.id,
            task.done,
            task.due,
            state,
            rules.deduction,
            fails,
            quality,
            rules.deduction,
            delays,
            progress,
        )
    credit = (1 + quality + progress) / 3
    steps.add("  credit = (1 + {} + {}) / 3 = {}", quality, progress, credit)
    return TaskResult(task, state, credit)


def score_month(plan: Plan, person: Person | None, as_of: dt.date, rules: RuleSet) -> MonthScore:
    judging = Judging(month_period(plan.month), as_of)
    steps = Steps()
    results = [score_task(t, judging, rules, steps) for t in plan.tasks]
    scored = [r for r in results if r.credit is not None]
    task_results = None
    if scored:
        weights = sum(r.task.weight for r in scored)
        mean = sum(r.task.weight * r.credit for r in scored if r.credit is not None) / weights
        task_results = rules.task_max * mean
        steps.add(
            "task_results = {} × ({}) / {} = {}",
            rules.task_max,
            Terms([(r.task.weight, r.credit) for r in scored]),
            weights,
            task_results,
        )
    rating = plan.rating if plan.rating and judging.written(plan.rating.on) else None
    general = rating.general if rating else None
    score, provisional = _score(task_results, general, rules, steps)
    disciplined = _disciplined(person, judging.period.start, judging.period.end)
    computed = _computed(score, disciplined, rules, steps)
    concluded = rating.level if rating else None
    if concluded:
        steps.add("concluded level (rating.level, the official one): {}", concluded)
    return MonthScore(
        plan.person,
        plan.month,
        results,
        task_results,
        general,
        score,
        provisional,
        computed,
        concluded,
        disciplined,
        steps,
    )


def _score(
    task_results: float | None, general: float | None, rules: RuleSet, steps: Steps
) -> tuple[float | None, bool]:
    if task_results is None:
        steps.add("no task is scored → score null")
        return None, general is None
    if general is None:
        raw = task_results * 100 / rules.task_max
        steps.add(
            "no rating.general yet → provisional score = task_results / {} = {} → {}",
            rules.task_max / 100,
            raw,
            round1(raw),
        )
        return round1(raw), True
    raw = general + task_results
    steps.add("score = rating.general + task_results = {} + {} = {} → {}", general, task_results, raw, round1(raw))
    return round1(raw), False


def _computed(score: float | None, disciplined: bool, rules: RuleSet, steps: Steps) -> str | None:
    if disciplined:
        steps.add("disciplined within the period → not-done, whatever the score")
        return "not-done"
    if score is None:
        return None
    level = level_of(score, rules)
    steps.add("computed level: {} against {}/{}/{} → {}", score, rules.excellent, rules.good, rules.done, level)
    return level


def _disciplined(person: Person | None, start: dt.date, end: dt.date) -> bool:
    return bool(person) and any(start <= d.on <= end for d in person.discipline)  # type: ignore[union-attr]


@dataclass(frozen=True)
class PersonScore:
    person: str
    unit: str
    score: float | None
    level: str | None
    provisional: bool
    months: list[MonthScore]
    misses: int
    step: str | None
    flags: list[str]

    def task_counts(self) -> dict[str, int]:
        states = Counter(r.state for m in self.months for r in m.tasks)
        return {"total": sum(states.values()), **{s: states[s] for s in PERSON_TASK_STATES}}


def period_score(
    months: list[MonthScore], person: Person | None, start: dt.date, end: dt.date, rules: RuleSet
) -> tuple[float | None, str | None, bool]:
    """The mean of the monthly scores, its level, and whether it is provisional."""
    scores = [m.score for m in months if m.score is not None]
    if len(months) == 1 and (start.year, start.month) == (end.year, end.month):
        # A period inside one month is judged by that month's rules, so its concluded rating stands.
        only = months[0]
        return only.score, only.level, only.provisional
    score = round1(sum(scores) / len(scores)) if scores else None
    disciplined = _disciplined(person, start, end)
    level = "not-done" if disciplined else (level_of(score, rules) if score is not None else None)
    return score, level, any(m.provisional for m in months)


def misses(plans: list[Plan], as_of: dt.date, rules: RuleSet) -> list[str]:
    """The months that count as a miss: an unexcused task not done by its due date, or a month concluded not-done."""
    missed = []
    for plan in plans:
        judging = Judging(month_period(plan.month), as_of)
        rating = plan.rating if plan.rating and judging.written(plan.rating.on) else None
        if (rating and rating.level == "not-done") or any(_missed(t, judging) for t in plan.tasks):
            missed.append(plan.month)
    return missed


def _missed(task: Task, judging: Judging) -> bool:
    excused = bool(task.review and task.review.excused and judging.written(task.review.on))
    done_in_time = task.done is not None and task.done <= task.due and judging.counts(task.done)
    return not excused and not done_in_time and judging.is_past(task.due)


def escalation_step(count: int, rules: RuleSet) -> str | None:
    """1st miss → reminder, 2nd → suspension, 3rd and later → discipline."""
    if count == 0:
        return None
    return rules.escalation_steps[min(count, len(rules.escalation_steps)) - 1]
