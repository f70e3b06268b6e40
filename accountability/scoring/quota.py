"""The quota of excellent ratings (Quy định 124/366; SCORING.md, "Quota").

In each month and each **rating group**, the people rated `excellent` may be at most floor(excellent_per_good × the
number rated `good`). Only concluded ratings (`rating.level`, dated by D) count: computed, provisional and proposed
levels never do. A rating group is a unit's people; a unit with fewer than `min_group` people rated that month is
counted with its parent unit's group, and so on up the tree, so that a unit of two people is not barred from ever
rating anyone excellent.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from accountability.model import Plan
from accountability.model.tracker import Doc
from accountability.scoring.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Rated:
    """One concluded monthly rating."""

    person: str
    unit: str
    month: str
    level: str
    on: dt.date
    path: str


@dataclass(frozen=True, slots=True)
class GroupMonth:
    """One rating group in one month: the units counted together (the group is named after its top unit), its
    concluded ratings, and, when it is over, the excellent ratings dated last that put it over."""

    month: str
    root: str
    units: tuple[str, ...]
    excellent: int
    good: int
    allowed_excellent: int
    excess: tuple[Rated, ...]

    @property
    def over(self) -> bool:
        return self.excellent > self.allowed_excellent


@dataclass(frozen=True, slots=True)
class UnitQuota:
    """A unit's quota over a period: its groups' counts summed over the months in which the unit had people
    rated, the units it was counted with, and the months in which its group was over."""

    excellent: int
    good: int
    allowed_excellent: int
    group: tuple[str, ...]
    months_over: tuple[str, ...]

    @property
    def over(self) -> bool:
        return bool(self.months_over)

    def as_dict(self) -> dict[str, Any]:
        return {
            "excellent": self.excellent,
            "good": self.good,
            "allowed_excellent": self.allowed_excellent,
            "over": self.over,
            "group": list(self.group),
            "months_over": list(self.months_over),
        }


def allowed_excellent(good: int, rules: RuleSet) -> int:
    return math.floor(rules.excellent_per_good * good + 1e-9)  # keeps 0.2 × 5 at 1 despite binary floating point


def rated_plan(doc: Doc[Plan], unit: str | None, as_of: dt.date) -> Rated | None:
    """The plan's concluded rating, when it was written by D and the person's unit is known."""
    plan, rating = doc.model, doc.model.rating
    if rating is None or rating.level is None or rating.on > as_of or unit is None:
        return None
    return Rated(plan.person, unit, plan.month, rating.level, rating.on, doc.path)


def concluded_ratings(plans: Iterable[Doc[Plan]], unit_of: Mapping[str, str], as_of: dt.date) -> list[Rated]:
    """The concluded ratings written by D, of people org knows."""
    found = (rated_plan(doc, unit_of.get(doc.model.person), as_of) for doc in plans)
    return [r for r in found if r is not None]


def rating_groups(parents: Mapping[str, str | None], rated: Counter[str], min_group: int) -> dict[str, str]:
    """Each unit's group, named by its top unit: a unit whose rated people (with those of the units pooled into it)
    are fewer than `min_group` is pooled into its parent's group, and so on up the tree."""
    children: dict[str, list[str]] = defaultdict(list)
    for unit, parent in parents.items():
        if parent is not None and parent in parents:
            children[parent].append(unit)
    size: dict[str, int] = {}
    pooled: set[str] = set()

    def measure(unit: str, path: tuple[str, ...]) -> int:
        if unit in size:
            return size[unit]
        total = rated[unit]
        for child in children[unit]:
            if child not in path:  # a cycle (reported by `unit-cycle`) is not followed
                child_size = measure(child, (*path, child))
                if child_size < min_group:
                    pooled.add(child)
                    total += child_size
        size[unit] = total
        return total

    for unit in parents:
        measure(unit, (unit,))
    return {unit: _top(unit, parents, pooled) for unit in parents}


def _top(unit: str, parents: Mapping[str, str | None], pooled: set[str]) -> str:
    seen = {unit}
    while unit in pooled:
        parent = parents[unit]
        if parent is None or parent in seen:
            break
        seen.add(parent)
        unit = parent
    return unit


def group_months(
    ratings: list[Rated], parents: Mapping[str, str | None], rules: RuleSet, min_group: int
) -> list[GroupMonth]:
    """Every rating group of every month that has concluded ratings, by month then group."""
    by_month: dict[str, list[Rated]] = defaultdict(list)
    for rated in ratings:
        by_month[rated.month].append(rated)
    found = []
    for month in sorted(by_month):
        rows = by_month[month]
        groups = rating_groups(parents, Counter(r.unit for r in rows), min_group)
        members: dict[str, list[Rated]] = defaultdict(list)
        for rated in rows:
            members[groups.get(rated.unit, rated.unit)].append(rated)
        for root in sorted(members):
            found.append(_group_month(month, root, members[root], rules))
    return found


def _group_month(month: str, root: str, rows: list[Rated], rules: RuleSet) -> GroupMonth:
    excellent = sorted((r for r in rows if r.level == "excellent"), key=lambda r: (r.on, r.path), reverse=True)
    good = sum(r.level == "good" for r in rows)
    allowed = allowed_excellent(good, rules)
    units = tuple(sorted({root, *(r.unit for r in rows)}, key=lambda u: (u != root, u)))
    excess = tuple(excellent[: max(0, len(excellent) - allowed)])
    return GroupMonth(month, root, units, len(excellent), good, allowed, excess)


def unit_quota(unit: str, months: list[GroupMonth], own: set[str]) -> UnitQuota:
    """The unit's quota over the group-months of a period: only the months in `own`, those in which the unit had
    people rated, count for it."""
    mine = [g for g in months if unit in g.units and g.month in own]
    group = tuple(sorted({u for g in mine for u in g.units} | {unit}, key=lambda u: (u != unit, u)))
    return UnitQuota(
        sum(g.excellent for g in mine),
        sum(g.good for g in mine),
        sum(g.allowed_excellent for g in mine),
        group,
        tuple(g.month for g in mine if g.over),
    )
