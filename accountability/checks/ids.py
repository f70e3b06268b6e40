"""Uniqueness: ids, one commitment per (unit, year), one plan per (person, month)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from accountability.i18n import N_
from accountability.model.tracker import Tracker
from accountability.problems import DocPath, Problem, Text, said

WHAT = {  # what an id names, in a sentence about it
    "unit": N_("unit"),
    "person": N_("person"),
    "issue": N_("issue"),
    "group": N_("group"),
    "item": N_("item"),
    "task": N_("task"),
}


def _duplicates(entries: Iterable[tuple[str, str, DocPath]], what: str) -> Iterator[Problem]:
    first: dict[str, tuple[str, DocPath]] = {}
    for key, path, at in entries:
        if key in first:
            where = first[key][0]
            message = said(
                "the {what} '{id}' is already defined in {where}; ids must be unique",
                what=Text(WHAT[what]),
                id=key,
                where=where,
            )
            yield Problem("duplicate-id", message, path, at=at)
        else:
            first[key] = (path, at)


def unique_ids(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`duplicate-id`: unit, person and issue ids are unique across the tracker; group and item ids within a
    commitment.

    Failing: two files both listing `- id: phuong-1` under `units:`.
    """
    units = [(e.model.id, e.path, (*e.at, "id")) for e in tracker.unit_entries]
    people = [(e.model.id, e.path, (*e.at, "id")) for e in tracker.person_entries]
    issues = [(d.model.id, d.path, ("id",)) for d in tracker.issues]
    yield from _duplicates(units, "unit")
    yield from _duplicates(people, "person")
    yield from _duplicates(issues, "issue")
    for doc in tracker.commitments:
        groups = [(g.id, doc.path, ("groups", gi, "id")) for gi, g in enumerate(doc.model.groups)]
        items = [(item.id, doc.path, ("groups", gi, "items", ii, "id")) for gi, ii, item in doc.model.items()]
        yield from _duplicates(groups, "group")
        yield from _duplicates(items, "item")


def unique_task_ids(tracker: Tracker) -> Iterator[Problem]:
    """`duplicate-id`: task ids are unique within a plan.

    Failing: a plan with two tasks `- id: t1`.
    """
    for plan in tracker.plans:
        yield from _duplicates([(t.id, plan.path, ("tasks", i, "id")) for i, t in enumerate(plan.model.tasks)], "task")


def one_commitment_per_year(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`duplicate-commitment`: one commitment per (unit, year).

    Failing: two files with `kind: commitment`, `unit: phuong-1`, `year: 2023`.
    """
    seen: dict[tuple[str, int], str] = {}
    for doc in tracker.commitments:
        key = (doc.model.unit, doc.model.year)
        if key in seen:
            yield Problem(
                "duplicate-commitment",
                said(
                    "{unit} already has a {year} commitment in {where}; merge them into one file",
                    unit=doc.model.unit,
                    year=doc.model.year,
                    where=seen[key],
                ),
                doc.path,
                at=("unit",),
            )
        seen.setdefault(key, doc.path)


def one_plan_per_month(tracker: Tracker) -> Iterator[Problem]:
    """`duplicate-plan`: one plan per (person, month).

    Failing: two files with `kind: plan`, `person: tran-van-b`, `month: 2023-05`.
    """
    seen: dict[tuple[str, str], str] = {}
    for plan in tracker.plans:
        key = (plan.model.person, plan.model.month)
        if key in seen:
            yield Problem(
                "duplicate-plan",
                said(
                    "{person} already has a plan for {month} in {where}; merge them into one file",
                    person=plan.model.person,
                    month=plan.model.month,
                    where=seen[key],
                ),
                plan.path,
                at=("month",),
            )
        seen.setdefault(key, plan.path)


CHECKS = (unique_ids, one_commitment_per_year)
PLAN_CHECKS = (unique_task_ids, one_plan_per_month)
