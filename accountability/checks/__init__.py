"""The rules between files, documented by their docstrings, in four kinds by what they read:

- CORE_CHECKS `(tracker, D) -> problems` read no plan: acct.yaml, org, commitments and key issues.
- PLAN_CHECKS `(tracker) -> problems` read the plans of one unit's people at a time (carry-over is within a
  person, the rater and the month's steps within a plan) and `plan_context` of the rest, and never D: a unit's
  check is kept whatever the judging date, and runs again alone after an edit.
- PLAN_RULES_AT_D `(plan, core, D) -> problems` read one plan as of D (a date after D, a rating above the level
  computed): they are run per plan, and a sentence that names D writes `JUDGING_DATE` for it.
- GROUP_CHECKS `(tracker, ratings, D) -> problems` read every unit's concluded ratings, as the quota's rating
  groups pool units.

Add a rule by writing a function in the module of its family and listing it in that module's tuple of its kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from accountability.checks import commitments, dates, evaluation, ids, issues, layout, org, plans, raters
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem
from accountability.scoring.quota import Rated

Check = Callable[[Tracker, dt.date], Iterable[Problem]]
PlanCheck = Callable[[Tracker], Iterable[Problem]]
PlanRule = Callable[[Doc[Plan], Tracker, dt.date], Iterable[Problem]]
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
PLAN_CHECKS: tuple[PlanCheck, ...] = (
    *ids.PLAN_CHECKS,
    *plans.CHECKS,
    *raters.PLAN_CHECKS,
    *dates.PLAN_CHECKS,
    *layout.PLAN_CHECKS,
)
PLAN_RULES_AT_D: tuple[PlanRule, ...] = (*dates.PLAN_RULES_AT_D, *evaluation.PLAN_RULES_AT_D)
GROUP_CHECKS: tuple[GroupCheck, ...] = evaluation.GROUP_CHECKS
EVERY_CHECK: tuple[Callable[..., Iterable[Problem]], ...] = (
    *CORE_CHECKS,
    *PLAN_CHECKS,
    *PLAN_RULES_AT_D,
    *GROUP_CHECKS,
)


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


def run_checks(tracker: Tracker, as_of: dt.date, checks: tuple[Check, ...] = CORE_CHECKS) -> list[Problem]:
    return [problem for check in checks for problem in check(tracker, as_of)]


def run_plan_checks(tracker: Tracker, checks: tuple[PlanCheck, ...] = PLAN_CHECKS) -> list[Problem]:
    return [problem for check in checks for problem in check(tracker)]


def run_plan_rules(
    doc: Doc[Plan], core: Tracker, as_of: dt.date, rules: tuple[PlanRule, ...] = PLAN_RULES_AT_D
) -> list[Problem]:
    return [problem for rule in rules for problem in rule(doc, core, as_of)]
