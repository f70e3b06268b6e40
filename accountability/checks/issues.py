"""Key issues: who raised, handles, leads and coordinates them, and their dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.checks import refs
from accountability.model.tracker import Tracker
from accountability.problems import Problem, said


def issue_references(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`unknown-unit`, `unknown-person`, `wrong-kind`: `raised_by`, `handled_by` and each coordinator are units;
    `lead` is a person.

    Failing: `lead: phuong-1`.
    """
    for doc in tracker.issues:
        issue, path = doc.model, doc.path
        yield from refs.unit(tracker, issue.raised_by, path, ("raised_by",), "raised_by")
        yield from refs.unit(tracker, issue.handled_by, path, ("handled_by",), "handled_by")
        yield from refs.person(tracker, issue.lead, path, ("lead",), "lead")
        for i, unit in enumerate(issue.coordinators):
            yield from refs.unit(tracker, unit, path, ("coordinators", i), "coordinator")


def issue_dates(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`date-order`: an issue is due and resolved on or after the day it was raised.

    Failing: `raised: 2023-05-01`, `due: 2023-04-30`.
    """
    for doc in tracker.issues:
        issue = doc.model
        for key, when in (("due", issue.due), ("resolved", issue.resolved)):
            if when and when < issue.raised:
                yield Problem(
                    "date-order",
                    said(
                        "{key} ({when}) is before the issue was raised ({raised}); check both dates",
                        key=key,
                        when=when,
                        raised=issue.raised,
                    ),
                    doc.path,
                    at=(key,),
                )


CHECKS = (issue_references, issue_dates)
