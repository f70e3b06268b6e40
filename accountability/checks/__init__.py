"""The rules between files. Each check is `(tracker, as_of) -> problems`, documented by its docstring.

Add a rule by writing a function in the module of its family and listing it in that module's CHECKS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from accountability.checks import commitments, evaluation, ids, issues, org, plans
from accountability.problems import Problem
from accountability.tracker import Tracker

Check = Callable[[Tracker, dt.date], Iterable[Problem]]

CHECKS: tuple[Check, ...] = (*ids.CHECKS, *org.CHECKS, *commitments.CHECKS, *plans.CHECKS, *issues.CHECKS, *evaluation.CHECKS)


def run_checks(tracker: Tracker, as_of: dt.date) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(tracker, as_of)]
