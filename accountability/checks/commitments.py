"""Commitments: references, the head, the group count, dates, reports and amendments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.checks import refs
from accountability.model import Commitment, Item
from accountability.model.commitment import REMOVED
from accountability.model.tracker import Doc, Tracker
from accountability.problems import DocPath, Problem, said
from accountability.suggest import suggestion

TASK_FIELDS = {"title", "owner", "due", "done", "weight", "evidence"}
INDICATOR_FIELDS = {"title", "owner", "due", "weight", "evidence", "target", "measure", "milestones", "reports"}


def commitment_references(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`unknown-unit`, `unknown-person`, `wrong-kind`, `unknown-approver`: `unit` and `to` are units; `head` and
    every item's `owner` are people; an amendment's `approved_by` is a unit or a person.

    Failing: `owner: tran-van-bb` when org has no such person.
    """
    for doc in tracker.commitments:
        c, path = doc.model, doc.path
        yield from refs.unit(tracker, c.unit, path, ("unit",), "unit")
        yield from refs.unit(tracker, c.to, path, ("to",), "to")
        yield from refs.person(tracker, c.head, path, ("head",), "head")
        for gi, ii, item in c.items():
            yield from refs.person(tracker, item.owner, path, ("groups", gi, "items", ii, "owner"), "owner")
        for ai, amendment in enumerate(c.amendments):
            who = amendment.approved_by
            if who not in tracker.units and who not in tracker.people:
                yield Problem(
                    "unknown-approver",
                    said(
                        "approved_by '{who}' is neither a unit nor a person in org; name the body or person who "
                        "approved it",
                        who=who,
                    ),
                    path,
                    at=("amendments", ai, "approved_by"),
                )


def head_is_units_head(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`head-mismatch`: the person who signs is the head of the unit in org.

    Failing: `unit: phuong-1`, `head: le-thi-c` when org says phuong-1's head is nguyen-van-a.
    """
    for doc in tracker.commitments:
        c = doc.model
        entry = tracker.units.get(c.unit)
        if entry is None or c.head not in tracker.people:
            continue
        actual = entry.model.head
        if actual is None:
            yield Problem(
                "head-mismatch",
                said("unit '{unit}' has no head in org; add 'head: {head}' to it", unit=c.unit, head=c.head),
                doc.path,
                at=("head",),
            )
        elif actual != c.head:
            yield Problem(
                "head-mismatch",
                said(
                    "head '{head}' is not the head of '{unit}'; org names '{actual}'",
                    head=c.head,
                    unit=c.unit,
                    actual=actual,
                ),
                doc.path,
                at=("head",),
            )


def group_count(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`group-count`: a commitment has between groups.min and groups.max key task groups (3–5 by default).

    Failing: a commitment with 2 groups.
    """
    low, high = tracker.config.groups.min, tracker.config.groups.max
    for doc in tracker.commitments:
        count = len(doc.model.groups)
        if not low <= count <= high:
            yield Problem(
                "group-count",
                said(
                    "the commitment has {count} key task groups; it must have {low} to {high}",
                    count=count,
                    low=low,
                    high=high,
                ),
                doc.path,
                at=("groups",),
                at_key=True,
            )


def dates_in_year(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`date-outside-year`: every date lies in the commitment's year, except `signed` (may be in the previous
    December) and an amendment's `on` (may be in January of the next year).

    Failing: `year: 2023` with an item `due: 2024-03-31`.
    """
    for doc in tracker.commitments:
        c = doc.model
        for at, when, early, late in _dated(c):
            if not early <= when <= late:
                yield Problem(
                    "date-outside-year",
                    said(
                        "{when} is outside the commitment's year {year}; it must lie between {early} and {late}",
                        when=when,
                        year=c.year,
                        early=early,
                        late=late,
                    ),
                    doc.path,
                    at=at,
                )


def _dated(c: Commitment) -> Iterator[tuple[DocPath, dt.date, dt.date, dt.date]]:
    year_start, year_end = dt.date(c.year, 1, 1), dt.date(c.year, 12, 31)
    if c.signed:
        yield ("signed",), c.signed, dt.date(c.year - 1, 12, 1), year_end
    for gi, ii, item in c.items():
        at = ("groups", gi, "items", ii)
        yield (*at, "due"), item.due, year_start, year_end
        if item.done:
            yield (*at, "done"), item.done, year_start, year_end
        for mi, milestone in enumerate(item.milestones):
            yield (*at, "milestones", mi, "by"), milestone.by, year_start, year_end
        for ri, report in enumerate(item.reports):
            yield (*at, "reports", ri, "on"), report.on, year_start, year_end
    for ai, amendment in enumerate(c.amendments):
        yield ("amendments", ai, "on"), amendment.on, year_start, dt.date(c.year + 1, 1, 31)


def item_shape(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`done-on-indicator`, `indicator-field-on-task`: `done:` belongs to task items only; `milestones:` and
    `reports:` belong to indicator items (those with a `target:`) only.

    Failing: an item with both `target:` and `done:`.
    """
    for doc in tracker.commitments:
        for gi, ii, item in doc.model.items():
            at = ("groups", gi, "items", ii)
            if item.is_indicator and item.done:
                yield Problem(
                    "done-on-indicator",
                    said(
                        "item '{id}' has a target, so it is an indicator: record progress in 'reports:' instead of "
                        "'done:'",
                        id=item.id,
                    ),
                    doc.path,
                    at=(*at, "done"),
                    at_key=True,
                )
            for key in ("milestones", "reports"):
                if not item.is_indicator and getattr(item, key):
                    yield Problem(
                        "indicator-field-on-task",
                        said(
                            "item '{id}' has no target, so it is a task: '{key}:' needs a 'target:'",
                            id=item.id,
                            key=key,
                        ),
                        doc.path,
                        at=(*at, key),
                        at_key=True,
                    )


def report_order(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`report-order`, `date-order`: report dates increase strictly, and so do milestone dates.

    Failing: a report on 2023-06-30 followed by one on 2023-03-31.
    """
    for doc in tracker.commitments:
        for gi, ii, item in doc.model.items():
            at = ("groups", gi, "items", ii)
            yield from _increasing([r.on for r in item.reports], doc.path, (*at, "reports"), "on", code="report-order")
            yield from _increasing(
                [m.by for m in item.milestones], doc.path, (*at, "milestones"), "by", code="date-order"
            )


def _increasing(dates: list[dt.date], path: str, at: DocPath, key: str, code: str) -> Iterator[Problem]:
    for i in range(1, len(dates)):
        if dates[i] <= dates[i - 1]:
            yield Problem(
                code,
                said(
                    "{date} is not after the previous date {previous}; list them in date order, one per date",
                    date=dates[i],
                    previous=dates[i - 1],
                ),
                path,
                at=(*at, i, key),
            )


def amendments(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`amendment-unknown-item`, `amendment-unknown-field`: an amendment names an item of this commitment and
    sets only fields that item has (a task item has no `target`).

    Failing: `item: gpmb-le-loi`, `set: {deadline: 2023-10-31}`.

    An item taken out of the commitment is approved by `set: {removed: true}`, which names an item that is no
    longer there (acct diff checks that it was there before).
    """
    for doc in tracker.commitments:
        items = {item.id: item for _, _, item in doc.model.items()}
        for ai, amendment in enumerate(doc.model.amendments):
            item = items.get(amendment.item)
            removal = amendment.set == {REMOVED: True}
            if removal and item is not None:
                yield Problem(
                    "amendment-unknown-item",
                    said(
                        "the amendment removes item '{id}', but the commitment still has it; delete the item or the "
                        "amendment",
                        id=amendment.item,
                    ),
                    doc.path,
                    at=("amendments", ai, "set"),
                )
                continue
            if removal:
                continue
            if item is None:
                yield Problem(
                    "amendment-unknown-item",
                    said(
                        "the amendment names item '{id}', which this commitment does not have{hint}",
                        id=amendment.item,
                        hint=suggestion(amendment.item, items),
                    ),
                    doc.path,
                    at=("amendments", ai, "item"),
                )
                continue
            yield from _fields(item, amendment.set, doc, ai)


def _fields(item: Item, changes: dict[str, object], doc: Doc[Commitment], ai: int) -> Iterator[Problem]:
    allowed = INDICATOR_FIELDS if item.is_indicator else TASK_FIELDS
    for key in changes:
        if key not in allowed:
            fields = ", ".join(sorted(allowed))
            message = (
                said(
                    "'{key}' is not a field of the indicator item '{id}'; it may set: {fields}",
                    key=key,
                    id=item.id,
                    fields=fields,
                )
                if item.is_indicator
                else said(
                    "'{key}' is not a field of the task item '{id}'; it may set: {fields}",
                    key=key,
                    id=item.id,
                    fields=fields,
                )
            )
            yield Problem(
                "amendment-unknown-field",
                message,
                doc.path,
                at=("amendments", ai, "set", key),
                at_key=True,
            )


CHECKS = (commitment_references, head_is_units_head, group_count, dates_in_year, item_shape, report_order, amendments)
