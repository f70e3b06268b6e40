"""Dates that record events: none later than the day acct checks (FORMAT.md: no date records an event later than
the day it was written), and a plan task done no earlier than the month before its plan's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.problems import JUDGING_DATE, DocPath, Problem, Text, said


def _future(when: dt.date | None, as_of: dt.date, what: Text, path: str, at: DocPath) -> Iterator[Problem]:
    if when is not None and when > as_of:
        yield Problem(
            "future-date",
            said(
                "{what} is dated {when}, after the judging date {as_of}; an event cannot be written down before it "
                "happens: check the date",
                what=what,
                when=when,
                as_of=JUDGING_DATE,
            ),
            path,
            at=at,
        )


def commitment_and_issue_dates(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`future-date`: no commitment's `signed`, item `done`, report `on` or amendment `on`, and no issue's
    `resolved`, is later than the judging date (`--as-of`, else today).

    Commands that judge as of D (score, overdue, report, export) ignore what is dated after D (SCORING.md), so they
    do not refuse a tracker for it: a finished year can be judged as of any day inside it.

    Failing: `done: 2023-09-20` checked with `--as-of 2023-09-01`.
    """
    for doc in tracker.commitments:
        c = doc.model
        yield from _future(c.signed, as_of, said("signed"), doc.path, ("signed",))
        for gi, ii, item in c.items():
            at = ("groups", gi, "items", ii)
            done = said("the done date of '{id}'", id=item.id)
            yield from _future(item.done, as_of, done, doc.path, (*at, "done"))
            for ri, report in enumerate(item.reports):
                what = said("a report of '{id}'", id=item.id)
                yield from _future(report.on, as_of, what, doc.path, (*at, "reports", ri, "on"))
        for ai, amendment in enumerate(c.amendments):
            yield from _future(amendment.on, as_of, said("the amendment"), doc.path, ("amendments", ai, "on"))
    for issue in tracker.issues:
        yield from _future(issue.model.resolved, as_of, said("resolved"), issue.path, ("resolved",))


def done_too_early(tracker: Tracker) -> Iterator[Problem]:
    """`done-too-early`: a task's `done` is no earlier than the first day of the month before the plan's month (work
    done before that belongs to an earlier plan).

    Failing: a 2023-05 plan with `done: 2023-03-31`.
    """
    for doc in tracker.plans:
        plan = doc.model
        earliest = (month_period(plan.month).start - dt.timedelta(days=1)).replace(day=1)
        for ti, task in enumerate(plan.tasks):
            if task.done is not None and task.done < earliest:
                yield Problem(
                    "done-too-early",
                    said(
                        "task '{id}' is marked done on {done}, before {earliest}, the first day of the month before "
                        "this {month} plan; work done then belongs to an earlier month's plan: check the date",
                        id=task.id,
                        done=task.done,
                        earliest=earliest,
                        month=plan.month,
                    ),
                    doc.path,
                    at=("tasks", ti, "done"),
                )


def plan_future_dates(doc: Doc[Plan], core: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`future-date`: no plan's task `done`, `review.on`, `self.on`, `rating.on` or amendment `on` is later than the
    judging date.

    Failing: a review dated 2023-07-12 checked with `--as-of 2023-07-10`.
    """
    plan, path = doc.model, doc.path
    for ti, task in enumerate(plan.tasks):
        at = ("tasks", ti)
        yield from _future(task.done, as_of, said("the done date of '{id}'", id=task.id), path, (*at, "done"))
        if task.review is not None:
            review = said("the review of '{id}'", id=task.id)
            yield from _future(task.review.on, as_of, review, path, (*at, "review", "on"))
    self_on = plan.self_.on if plan.self_ else None
    yield from _future(self_on, as_of, said("the self-assessment"), path, ("self", "on"))
    yield from _future(plan.rating.on if plan.rating else None, as_of, said("the rating"), path, ("rating", "on"))
    for ai, amendment in enumerate(plan.amendments):
        yield from _future(amendment.on, as_of, said("the amendment"), path, ("amendments", ai, "on"))


CHECKS = (commitment_and_issue_dates,)
PLAN_CHECKS = (done_too_early,)
PLAN_RULES_AT_D = (plan_future_dates,)
