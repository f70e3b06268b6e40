"""The rules scoring reads: acct.yaml's settings (whose defaults are those of Nghị định 335, kept once, in
`model/config.py`) and the fixed figures of the rule set that `rules:` names.

Add a rule set by writing another `Fixed` and listing it in FIXED; the scoring code reads only `RuleSet` values.
"""

from __future__ import annotations

from dataclasses import dataclass

from accountability.model import Config
from accountability.model.config import DEFAULT_CONFIG


@dataclass(frozen=True, slots=True)
class Fixed:
    """What a rule set fixes and acct.yaml cannot change: the shape of the monthly score and of escalation."""

    general_max: float  # points for the general criteria (tiêu chí chung)
    task_max: float  # points for task results (kết quả thực hiện nhiệm vụ)
    deduction: float  # share of quality or progress credit lost per failed check or delay
    escalation_steps: tuple[str, ...]  # the step reached by the 1st, 2nd, 3rd… miss in a calendar year


FIXED = {
    "nd335": Fixed(
        general_max=30, task_max=70, deduction=0.25, escalation_steps=("reminder", "suspension", "discipline")
    )
}


@dataclass(frozen=True, slots=True)
class RuleSet:
    name: str
    excellent: float  # the lowest score of each level
    good: float
    done: float
    late_credit: float  # credit of a commitment task done late
    excellent_per_good: float  # quota: excellent ≤ floor(this × good)
    min_group: int  # a unit with fewer people rated in a month is counted with its parent's rating group
    general_max: float
    task_max: float
    deduction: float
    due_soon_days: int
    grace_days: int
    issues_target: float
    escalation_steps: tuple[str, ...]


def rules_for(config: Config) -> RuleSet:
    """The rules of a tracker: every setting read from its acct.yaml, which holds the defaults where a key is left
    out, and the fixed figures of its rule set."""
    fixed = FIXED[config.rules]
    return RuleSet(
        name=config.rules,
        excellent=config.thresholds.excellent,
        good=config.thresholds.good,
        done=config.thresholds.done,
        late_credit=config.late_credit,
        excellent_per_good=config.quota.excellent_per_good,
        min_group=config.quota.min_group,
        general_max=fixed.general_max,
        task_max=fixed.task_max,
        deduction=fixed.deduction,
        due_soon_days=config.due_soon_days,
        grace_days=config.grace_days,
        issues_target=config.issues_target,
        escalation_steps=fixed.escalation_steps,
    )


ND335 = rules_for(DEFAULT_CONFIG)  # the rules of a tracker whose acct.yaml sets nothing but `acct: 1`


def level_of(score: float, rules: RuleSet) -> str:
    if score >= rules.excellent:
        return "excellent"
    if score >= rules.good:
        return "good"
    if score >= rules.done:
        return "done"
    return "not-done"
