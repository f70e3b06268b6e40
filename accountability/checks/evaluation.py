"""Warnings from the scoring rules (SCORING.md): ratings above the computed level, and the excellent quota."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from accountability.model import Plan
from accountability.model.base import LEVELS
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem
from accountability.scoring.numbers import fmt
from accountability.scoring.people import MonthScore, score_month
from accountability.scoring.quota import quota
from accountability.scoring.rules import RuleSet, rules_for


def evaluation_warnings(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`rating-above-computed` and `quota-exceeded` (warnings), from one scoring of every month up to D.

    `rating-above-computed`: the concluded `rating.level` is above the level acct computes and `rating.reason` is
    empty. The competent level may decide so, but must say why.
    Failing: a month that computes to `good` with `rating: {level: excellent, reason: ""}`.

    `quota-exceeded`: in one unit and one month, more people are excellent than floor(quota.excellent_per_good ×
    the number rated good). Levels are the concluded ones, else the computed.
    Failing: a unit with 1 person excellent and 4 good in 2023-05 (floor(0.2 × 4) = 0 allowed).
    """
    rules = rules_for(tracker.config)
    months = []
    for doc in tracker.plans:
        entry = tracker.people.get(doc.model.person)
        if entry and doc.model.month <= as_of.strftime("%Y-%m"):
            months.append((doc, entry.model.unit, score_month(doc.model, entry.model, as_of, rules)))
    yield from _above_computed(months)
    yield from _over_quota(months, rules)


def _above_computed(months: list[tuple[Doc[Plan], str, MonthScore]]) -> Iterator[Problem]:
    for doc, _, month in months:
        concluded, computed, rating = month.concluded, month.computed, doc.model.rating
        if (
            concluded
            and computed
            and LEVELS.index(concluded) < LEVELS.index(computed)
            and rating
            and not rating.reason.strip()
        ):
            yield Problem(
                "rating-above-computed",
                f"rated {concluded}, above the computed {computed} (score {fmt(month.score, 1)}); write rating.reason to say why",
                doc.path,
                severity="warning",
                at=("rating", "level"),
            )


def _over_quota(months: list[tuple[Doc[Plan], str, MonthScore]], rules: RuleSet) -> Iterator[Problem]:
    groups: dict[tuple[str, str], list[tuple[Doc[Plan], MonthScore]]] = defaultdict(list)
    for doc, unit, month in months:
        groups[(unit, doc.model.month)].append((doc, month))
    for (unit, month_id), rows in sorted(groups.items()):
        result = quota((m.level for _, m in rows), rules)
        if result.over:
            last = max((doc for doc, m in rows if m.level == "excellent"), key=lambda d: d.path)
            yield Problem(
                "quota-exceeded",
                f"{unit} has {result.excellent} rated excellent in {month_id} with {result.good} rated good; at most "
                f"floor({fmt(rules.excellent_per_good)} × {result.good}) = {result.allowed_excellent} may be excellent",
                last.path,
                severity="warning",
                at=("rating", "level") if last.model.rating else ("month",),
            )


CHECKS = (evaluation_warnings,)
