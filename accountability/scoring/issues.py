"""Key issues: the share resolved on time in a year, against issues_target (SCORING.md, "Key issues")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accountability.model import Issue
from accountability.scoring.rules import RuleSet


@dataclass(frozen=True, slots=True)
class IssueShare:
    year: int
    due: int
    resolved_on_time: int
    target: float

    @property
    def share(self) -> float | None:
        return round(self.resolved_on_time / self.due, 4) if self.due else None

    @property
    def met(self) -> bool | None:
        return None if self.share is None else self.share >= self.target

    def as_dict(self) -> dict[str, object]:
        return {
            "due": self.due,
            "resolved_on_time": self.resolved_on_time,
            "share": self.share,
            "target": self.target,
            "met": self.met,
        }


def resolved_on_time(issue: Issue, as_of: dt.date) -> bool:
    return issue.resolved is not None and issue.resolved <= issue.due and issue.resolved <= as_of


def counts_in_share(issue: Issue, year: int, as_of: dt.date) -> bool:
    """Issues due in `year` count once they are resolved or their due date is past, so that an issue due in
    October does not count against the share in July."""
    return issue.due.year == year and (issue.due < as_of or (issue.resolved is not None and issue.resolved <= as_of))


def issue_share(issues: list[Issue], year: int, as_of: dt.date, rules: RuleSet) -> IssueShare:
    due = [i for i in issues if counts_in_share(i, year, as_of)]
    return IssueShare(year, len(due), sum(resolved_on_time(i, as_of) for i in due), rules.issues_target)
