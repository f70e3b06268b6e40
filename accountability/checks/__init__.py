"""The rules between files. Each check is `(tracker, as_of) -> problems`, documented by its docstring.

Add a rule by writing a function in the module of its family and listing it in that module's CHECKS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from accountability.checks import commitments, evaluation, ids, issues, org, plans
from accountability.model.tracker import Tracker
from accountability.problems import Problem

Check = Callable[[Tracker, dt.date], Iterable[Problem]]

# The rules that read no plan, and those that do. A plan's problems depend only on the documents that are not plans
# and on the plans of people in the same unit (carry-over is within a person, the quota within a unit and month),
# which is what lets `accountability.speed.sharded` re-check one unit's plans alone.
CORE_CHECKS: tuple[Check, ...] = (*ids.CHECKS, *org.CHECKS, *commitments.CHECKS, *issues.CHECKS)
PLAN_CHECKS: tuple[Check, ...] = (*ids.PLAN_CHECKS, *plans.CHECKS, *evaluation.CHECKS)
CHECKS: tuple[Check, ...] = (*CORE_CHECKS, *PLAN_CHECKS)


def run_checks(tracker: Tracker, as_of: dt.date, checks: tuple[Check, ...] = CHECKS) -> list[Problem]:
    return [problem for check in checks for problem in check(tracker, as_of)]
