"""Shared helpers for checks that follow references between files."""

from __future__ import annotations

from accountability.model.tracker import Tracker
from accountability.problems import DocPath, Problem, said
from accountability.suggest import suggestion


def person(tracker: Tracker, ref: str, path: str, at: DocPath, role: str) -> list[Problem]:
    """[a problem] when `ref` is not a person's id: `wrong-kind` if it names a unit, else `unknown-person`."""
    if ref in tracker.people:
        return []
    if ref in tracker.units:
        message = said("{role} '{ref}' is a unit, but {role} must name a person", role=role, ref=ref)
        return [Problem("wrong-kind", message, path, at=at)]
    return [
        Problem(
            "unknown-person",
            said(
                "{role} '{ref}' is not a person in org{hint}",
                role=role,
                ref=ref,
                hint=suggestion(ref, tracker.people, said("; add it to org.yaml or fix the id")),
            ),
            path,
            at=at,
        )
    ]


def unit(tracker: Tracker, ref: str, path: str, at: DocPath, role: str) -> list[Problem]:
    """[a problem] when `ref` is not a unit's id: `wrong-kind` if it names a person, else `unknown-unit`."""
    if ref in tracker.units:
        return []
    if ref in tracker.people:
        message = said("{role} '{ref}' is a person, but {role} must name a unit", role=role, ref=ref)
        return [Problem("wrong-kind", message, path, at=at)]
    return [
        Problem(
            "unknown-unit",
            said(
                "{role} '{ref}' is not a unit in org{hint}",
                role=role,
                ref=ref,
                hint=suggestion(ref, tracker.units, said("; add it to org.yaml or fix the id")),
            ),
            path,
            at=at,
        )
    ]
