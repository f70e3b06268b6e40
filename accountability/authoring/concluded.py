"""Refusals, and changes to a concluded month (FORMAT.md: a plan with a `rating:`), which are made only with an
amendment approved by the person's rater, written in the same edit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from accountability.authoring import emit, place
from accountability.files.splice import Source
from accountability.model import Plan
from accountability.problems import Problem, Text, said


class Refused(Exception):
    """The edit would break the file or the rules; nothing was written. Exit 1."""

    def __init__(self, message: Text | str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.text = message
        self.problems = problems or []


@dataclass(frozen=True)
class Approval:
    """`--amend REASON [--approved-by P] [--on DATE]`: why a concluded month changes, who approved it, and when."""

    on: dt.date
    reason: str
    approved_by: str


def gate(plan: Plan, approval: Approval | None) -> None:
    """Refuse a change to a concluded month that comes without an approval."""
    rating = plan.rating
    if rating is None or approval is not None:
        return
    raise Refused(
        said(
            "{person}'s {month} is concluded (rated on {on} by {by}), so it changes only through an amendment: pass "
            "--amend REASON, and --approved-by the person's rater if it is not the rater who approved it",
            person=plan.person,
            month=plan.month,
            on=rating.on,
            by=rating.by,
        )
    )


def amend(source: Source, approval: Approval | None, task: str | None, changed: dict[str, Any]) -> None:
    """Write the plan amendment `{on, task, set, reason, approved_by}` for the fields `changed`, when approved."""
    if approval is None or not changed:
        return
    entry: dict[str, Any] = {"on": approval.on}
    if task is not None:
        entry["task"] = task
    entry["set"] = emit.tree(changed, flow=True)
    entry["reason"] = approval.reason
    entry["approved_by"] = approval.approved_by
    place.append(source, (), "amendments", entry)
