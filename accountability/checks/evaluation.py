"""Warnings from the scoring rules (SCORING.md): ratings above the computed level, and the excellent quota."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.i18n import LEVEL_VALUES
from accountability.model import Plan
from accountability.model.base import LEVELS
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem, Text, said
from accountability.scoring.people import score_month
from accountability.scoring.quota import Rated, group_months
from accountability.scoring.rules import rules_for


def rating_above_computed(doc: Doc[Plan], core: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`rating-above-computed` (a warning): the concluded `rating.level` is above the level acct computes as of the
    rating's date (what the competent level had before it when it rated) and `rating.reason` is empty. The
    competent level may decide so, but must say why. A rating written after D is not there yet.

    Failing: a month that computes to `good` with `rating: {level: excellent, reason: ""}`.
    """
    rating = doc.model.rating
    if rating is None or rating.level is None or rating.reason.strip() or rating.on > as_of:
        return
    entry = core.people.get(doc.model.person)
    month = score_month(doc, entry.model if entry else None, rating.on, rules_for(core.config))
    if month.computed and LEVELS.index(rating.level) < LEVELS.index(month.computed):
        yield Problem(
            "rating-above-computed",
            said(
                "rated {level}, above the computed {computed} (score {score}); write rating.reason to say why",
                level=Text(LEVEL_VALUES[rating.level]),
                computed=Text(LEVEL_VALUES[month.computed]),
                score=month.score,
            ),
            doc.path,
            severity="warning",
            at=("rating", "level"),
        )


def quota_exceeded(tracker: Tracker, ratings: list[Rated], as_of: dt.date) -> Iterator[Problem]:
    """`quota-exceeded` (a warning): in one rating group and one month, more people are rated excellent than
    floor(quota.excellent_per_good × the number rated good). Only concluded ratings written by D count. A rating
    group is a unit's people, with units of fewer than quota.min_group rated people that month pooled into their
    parent's group. The warning falls on the excellent ratings dated last, as many as the group is over.

    Failing: a group of 6 people rated in 2023-05, 2 excellent and 4 good (floor(0.2 × 4) = 0 allowed): both
    excellent ratings are warned, the later first.
    """
    rules = rules_for(tracker.config)
    parents = {uid: entry.model.parent for uid, entry in tracker.units.items()}
    for group in group_months(ratings, parents, rules, rules.min_group):
        names = ", ".join(group.units)
        for rated in group.excess:
            yield Problem(
                "quota-exceeded",
                said(
                    "the rating group of {root} ({units}) has {excellent} rated excellent in {month} with {good} rated "
                    "good; at most floor({share} × {good}) = {allowed} may be excellent, and this rating of {person} on "
                    "{on} is one of the {last} dated last",
                    root=group.root,
                    units=names,
                    excellent=group.excellent,
                    month=group.month,
                    good=group.good,
                    share=float(rules.excellent_per_good),
                    allowed=group.allowed_excellent,
                    person=rated.person,
                    on=rated.on,
                    last=len(group.excess),
                ),
                rated.path,
                severity="warning",
                at=("rating", "level"),
            )


PLAN_RULES_AT_D = (rating_above_computed,)
GROUP_CHECKS = (quota_exceeded,)  # (tracker, every unit's concluded ratings, as_of): the rating groups pool units
