"""Shared helpers for checks that follow references between files."""

from __future__ import annotations

from accountability.model.tracker import Tracker
from accountability.problems import DocPath, Problem
from accountability.suggest import did_you_mean


def person(tracker: Tracker, ref: str, path: str, at: DocPath, role: str) -> list[Problem]:
    """[a problem] when `ref` is not a person's id: `wrong-kind` if it names a unit, else `unknown-person`."""
    if ref in tracker.people:
        return []
    if ref in tracker.units:
        return [Problem("wrong-kind", f"{role} '{ref}' is a unit, but {role} must name a person", path, at=at)]
    return [
        Problem(
            "unknown-person",
            f"{role} '{ref}' is not a person in org{did_you_mean(ref, tracker.people, '; add it to org.yaml or fix the id')}",
            path,
            at=at,
        )
    ]


def unit(tracker: Tracker, ref: str, path: str, at: DocPath, role: str) -> list[Problem]:
    """[a problem] when `ref` is not a unit's id: `wrong-kind` if it names a person, else `unknown-unit`."""
    if ref in tracker.units:
        return []
    if ref in tracker.people:
        return [Problem("wrong-kind", f"{role} '{ref}' is a person, but {role} must name a unit", path, at=at)]
    return [
        Problem(
            "unknown-unit",
            f"{role} '{ref}' is not a unit in org{did_you_mean(ref, tracker.units, '; add it to org.yaml or fix the id')}",
            path,
            at=at,
        )
    ]
