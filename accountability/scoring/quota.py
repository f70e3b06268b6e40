"""The quota of excellent ratings (Quy định 124/366): excellent ≤ floor(excellent_per_good × good) per unit."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from accountability.scoring.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Quota:
    excellent: int
    good: int
    allowed_excellent: int

    @property
    def over(self) -> bool:
        return self.excellent > self.allowed_excellent

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "excellent": self.excellent,
            "good": self.good,
            "allowed_excellent": self.allowed_excellent,
            "over": self.over,
        }


def quota(levels: Iterable[str | None], rules: RuleSet) -> Quota:
    """From the levels of a unit's people (concluded where present, else computed)."""
    levels = list(levels)
    good = levels.count("good")
    # the epsilon keeps 0.2 × 5 at 1 despite binary floating point
    allowed = math.floor(rules.excellent_per_good * good + 1e-9)
    return Quota(levels.count("excellent"), good, allowed)
