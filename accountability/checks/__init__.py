"""The rules between files. Each check is `(tracker, as_of) -> problems`, documented by its docstring.

Add a rule by writing a function in the module of its family and listing it in that module's CHECKS (it reads no
plan), PLAN_CHECKS (it reads plans, and only those of one unit's people at a time: carry-over is within a person,
the rater and the month's steps within a plan) or GROUP_CHECKS (it reads the plans of every unit, as the quota's
rating groups pool units). A check of one unit's plans is given a tracker holding the other documents and only
that unit's plans, which is what lets a check run unit by unit, in parallel or again for one edited unit only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from accountability.checks import commitments, dates, evaluation, ids, issues, layout, org, plans, raters
from accountability.model.tracker import Tracker
from accountability.problems import Problem
from accountability.scoring.quota import Rated

Check = Callable[[Tracker, dt.date], Iterable[Problem]]
GroupCheck = Callable[[Tracker, list[Rated], dt.date], Iterable[Problem]]

CORE_CHECKS: tuple[Check, ...] = (
    *ids.CHECKS,
    *org.CHECKS,
    *raters.CHECKS,
    *commitments.CHECKS,
    *issues.CHECKS,
    *dates.CHECKS,
    *layout.CHECKS,
)
PLAN_CHECKS: tuple[Check, ...] = (
    *ids.PLAN_CHECKS,
    *plans.CHECKS,
    *raters.PLAN_CHECKS,
    *dates.PLAN_CHECKS,
    *layout.PLAN_CHECKS,
    *evaluation.CHECKS,
)
GROUP_CHECKS: tuple[GroupCheck, ...] = evaluation.GROUP_CHECKS
CHECKS: tuple[Check, ...] = (*CORE_CHECKS, *PLAN_CHECKS)


def plan_context(core: Tracker) -> list[str]:
    """Everything of the core that a plan rule may read, as text: acct.yaml, org, and of each commitment (in the
    tracker's order) its unit, year, the body it is made to and its item ids (a task's `commitment:` names one, and
    a head's rater may be the body's head). A plan rule that reads more of the core must add it here, or a check
    kept for a unit would outlive an edit that changes it (tests/test_locality.py holds this)."""
    return [
        core.config.model_dump_json(),
        *(doc.model.model_dump_json() for doc in core.orgs),
        *(
            f"{c.model.unit} {c.model.year} {c.model.to} {' '.join(i.id for _, _, i in c.model.items())}"
            for c in core.commitments
        ),
    ]


def run_checks(tracker: Tracker, as_of: dt.date, checks: tuple[Check, ...] = CHECKS) -> list[Problem]:
    return [problem for check in checks for problem in check(tracker, as_of)]
