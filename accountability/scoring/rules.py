"""Named rule sets. `rules: nd335` in acct.yaml picks one; acct.yaml's own keys override its values.

Add a rule set by writing another `RuleSet` and listing it in RULE_SETS; the scoring code reads only these values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from accountability.model import Config


@dataclass(frozen=True, slots=True)
class RuleSet:
    name: str
    excellent: float  # the lowest score of each level
    good: float
    done: float
    late_credit: float  # credit of a commitment task done late
    excellent_per_good: float  # quota: excellent ≤ floor(this × good)
    min_group: int  # a unit with fewer people rated in a month is counted with its parent's rating group
    general_max: float  # points for the general criteria (tiêu chí chung)
    task_max: float  # points for task results (kết quả thực hiện nhiệm vụ)
    deduction: float  # share of quality or progress credit lost per failed check or delay
    due_soon_days: int
    grace_days: int
    issues_target: float
    escalation_steps: tuple[str, ...]  # the step reached by the 1st, 2nd, 3rd… miss in a calendar year


ND335 = RuleSet(
    name="nd335",
    excellent=90,
    good=70,
    done=50,
    late_credit=0.5,
    excellent_per_good=0.2,
    min_group=5,
    general_max=30,
    task_max=70,
    deduction=0.25,
    due_soon_days=14,
    grace_days=5,
    issues_target=0.8,
    escalation_steps=("reminder", "suspension", "discipline"),
)

RULE_SETS = {ND335.name: ND335}


def rules_for(config: Config) -> RuleSet:
    """The named rule set, with the settings that acct.yaml writes out applied over its defaults."""
    overrides: dict[str, Any] = {}
    for key in ("late_credit", "due_soon_days", "grace_days", "issues_target"):
        if key in config.model_fields_set:
            overrides[key] = getattr(config, key)
    for key in config.thresholds.model_fields_set:
        overrides[key] = getattr(config.thresholds, key)
    for key in config.quota.model_fields_set:
        overrides[key] = getattr(config.quota, key)
    return replace(RULE_SETS[config.rules], **overrides)


def level_of(score: float, rules: RuleSet) -> str:
    if score >= rules.excellent:
        return "excellent"
    if score >= rules.good:
        return "good"
    if score >= rules.done:
        return "done"
    return "not-done"
