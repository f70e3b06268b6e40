"""The org: references inside it, the unit tree, and people's active dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.checks import refs
from accountability.model.tracker import Tracker
from accountability.problems import Problem, said


def org_references(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`unknown-unit`, `unknown-person`, `wrong-kind`: a unit's `parent` is a unit, its `head` a person, and a
    person's `unit` a unit.

    Failing: `head: phuong-1` on a unit, since phuong-1 is a unit.
    """
    for unit in tracker.unit_entries:
        if unit.model.parent:
            yield from refs.unit(tracker, unit.model.parent, unit.path, (*unit.at, "parent"), "parent")
        if unit.model.head:
            yield from refs.person(tracker, unit.model.head, unit.path, (*unit.at, "head"), "head")
    for person in tracker.person_entries:
        yield from refs.unit(tracker, person.model.unit, person.path, (*person.at, "unit"), "unit")


def unit_tree(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`unit-cycle`: units form a tree through `parent:`; a unit may not be its own ancestor.

    Failing: `a` with `parent: b` and `b` with `parent: a`.
    """
    reported: set[str] = set()
    for start, entry in tracker.units.items():
        chain = [start]
        parent = entry.model.parent
        while parent in tracker.units and parent not in chain:
            chain.append(parent)
            parent = tracker.units[parent].model.parent
        if parent == start and start not in reported:
            reported.update(chain)
            loop = " → ".join([*chain, start])
            yield Problem(
                "unit-cycle",
                said("the units form a cycle: {loop}; one of them needs another parent", loop=loop),
                entry.path,
                at=(*entry.at, "parent"),
            )


def active_dates(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`date-order`: a person's `active.from` is not after `active.to`.

    Failing: `active: {from: 2023-05-01, to: 2023-01-31}`.
    """
    for entry in tracker.people.values():
        active = entry.model.active
        if active and active.from_ and active.to and active.to < active.from_:
            yield Problem(
                "date-order",
                said("active.to ({to}) is before active.from ({start}); swap them", to=active.to, start=active.from_),
                entry.path,
                at=(*entry.at, "active", "to"),
            )


CHECKS = (org_references, unit_tree, active_dates)
