"""Evaluating the sample's plans (steps 1 and 3): dates, general scores, and levels decided with acct's scoring."""

from __future__ import annotations

import random
import sys

from sample_draw import SEED, Month, plan_data
from sample_tracker import Member, Sample, next_month

from accountability.files.discover import plan_path
from accountability.files.validate import validate_document
from accountability.model import Plan
from accountability.model.base import LEVELS
from accountability.model.tracker import Doc
from accountability.scoring.people import MonthScore, score_month
from accountability.scoring.quota import allowed_excellent
from accountability.scoring.rules import level_of

SPARING_RATE = 0.35  # how often the rater concludes good where the quota would allow one more excellent
LOWEST_GENERAL = 18  # the lowest general score a rater gives in the sample
STAR_GENERAL = 28  # the lowest general score of the people the scenario rates excellent over the quota


def general_offset(member: Member) -> int:
    """How far below the person's usual general score the rater scores a month.

    Only the head of a unit large enough for the quota to allow an excellent rating beside five good ones can
    average 90 or more over a quarter; everyone else's perfect month scores below 90. Without this, the mean of
    nearly every person's months is excellent and every unit is over its quota for the quarter."""
    return 3 if member.head and member.unit_size >= 6 else 8


class Evaluation:
    """Steps 1 and 3 of every month: the rater concludes acct's computed level, within the quota of excellent
    ratings of the person's unit (except where the scenario breaks it), and the person assesses themself."""

    def __init__(self, sample: Sample) -> None:
        self.sample = sample
        self.rules = sample.rules
        self.rng = random.Random(SEED * 100 + 1)
        self.calendar = sample.calendar
        self.stars = sample.scripted("over_quota")

    def rate(self, plans: list[Month]) -> None:
        for plan in sorted(plans, key=lambda p: (p.month, p.member.id)):
            self.dates(plan)
        for plan in plans:
            plan.judged = judge(self.sample, plan)
        units: dict[tuple[str, str], list[Month]] = {}
        for plan in plans:
            units.setdefault((plan.member.person.unit, plan.month), []).append(plan)
        over = {(p.member.person.unit, p.month) for p in plans if p.key in self.stars}
        for key, group in sorted(units.items()):
            self.conclude(sorted(group, key=lambda p: p.member.id), over_quota=key in over)
        for plan in plans:
            self.assess(plan)

    def dates(self, plan: Month) -> None:
        """The self-assessment in the first days of the next month, the reviews after it, the rating after them,
        and the general score the rater gives."""
        rng, scenario, member = self.rng, self.sample.scripted, plan.member
        days = self.calendar.workdays(next_month(plan.month))
        plan.self_on = days[rng.choice([0, 0, 1])]
        for task in plan.tasks:
            task.review_on = self.calendar.add(plan.self_on, rng.choice([0, 1, 1, 2]))
        latest = max(t.review_on for t in plan.tasks if t.review_on)
        options = [d for d in days if 5 <= d.day <= 8 and d > latest] or [self.calendar.add(latest, 1)]
        plan.rating_on = rng.choice(options)
        drawn = member.general - general_offset(member) + rng.choice([-1, 0, 0, 0, 1])
        plan.general = int(max(LOWEST_GENERAL, min(self.rules.general_max, drawn)))
        if plan.key in self.stars:
            plan.general = max(plan.general, STAR_GENERAL)
        if plan.key in scenario("no_self"):
            plan.self_on = None
        plan.rated = plan.key not in scenario("no_rating")
        plan.has_general = plan.key not in scenario("no_general")

    def conclude(self, group: list[Month], over_quota: bool) -> None:
        """The levels of one unit's month: acct's computed level (at most good without a general score), with the
        excellent ratings beyond the quota lowered to good, the lowest scores first."""
        for plan in group:
            computed = computed_level(plan)
            plan.level = None if not plan.rated else computed if plan.has_general else lower("good", computed)
        excellent = sorted((p for p in group if p.level == "excellent"), key=lambda p: (-score_of(p), p.member.id))
        if over_quota:
            for plan in excellent:
                if plan.key not in self.stars:
                    plan.level = "good"
            return
        unrated = sum(1 for p in group if p.level is None and computed_level(p) == "excellent")
        good = sum(1 for p in group if (p.level or computed_level(p)) == "good")
        keep = next(
            (
                k
                for k in range(len(excellent), -1, -1)
                if k + unrated <= allowed_excellent(good + len(excellent) - k, self.rules)
            ),
            None,
        )
        if keep is None:
            sys.exit(f"{group[0].member.unit_name} {group[0].month}: the months not rated yet alone break the quota")
        if keep and self.rng.random() < SPARING_RATE:
            keep = 0
        for plan in excellent[keep:]:
            plan.level = "good"

    def assess(self, plan: Month) -> None:
        """Step 1: the person's own score and level, often a little generous."""
        if plan.self_on is None or plan.judged is None:
            return
        rules, judged = self.rules, plan.judged
        own = min(rules.general_max, (plan.general or plan.member.general) + self.rng.choice([0, 1, 1, 2]))
        plan.self_score = int(min(rules.general_max + rules.task_max, round(own + (judged.task_results or 0))))
        plan.self_level = "not-done" if judged.disciplined else level_of(plan.self_score, rules)


def judge(sample: Sample, plan: Month) -> MonthScore:
    """acct's score of the month as its rater sees it on the day of the rating, before the level is written."""
    path = plan_path(plan.member.id, plan.month)
    model, problems = validate_document(plan_data(plan), path, is_config=False)
    if model is None or not isinstance(model, Plan):
        sys.exit("\n".join(f"{path}: {p.code}: {p.message}" for p in problems))
    as_of = plan.rating_on or max(t.review_on for t in plan.tasks if t.review_on)
    return score_month(Doc(path, model), plan.member.person, as_of, sample.rules)


def computed_level(plan: Month) -> str:
    level = plan.judged.computed if plan.judged else None
    if level is None:
        raise AssertionError(f"{plan.key}: acct computed no level")
    return level


def score_of(plan: Month) -> float:
    return plan.judged.score if plan.judged and plan.judged.score is not None else 0.0


def lower(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b
