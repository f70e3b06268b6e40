"""The people, units, plans and issues that a command names, found in the tracker or refused with a suggestion."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from accountability.model import Issue, Person, Unit
from accountability.model.base import MONTH
from accountability.model.tracker import Doc, Entry, Tracker
from accountability.problems import FatalError, Text, said


def suggestion(word: str, known: Iterable[str]) -> Text | str:
    """ "; did you mean 'x'?" for the nearest known word, else nothing."""
    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return said("; did you mean '{match}'?", match=match[0]) if match else ""


def known_person(tracker: Tracker, person: str) -> Entry[Person]:
    entry = tracker.people.get(person)
    if entry is None:
        raise FatalError(
            said("no person '{person}' in org{hint}", person=person, hint=suggestion(person, tracker.people))
        )
    return entry


def known_unit(tracker: Tracker, unit: str) -> Entry[Unit]:
    entry = tracker.units.get(unit)
    if entry is None:
        raise FatalError(said("no unit '{unit}' in org{hint}", unit=unit, hint=suggestion(unit, tracker.units)))
    return entry


def known_issue(tracker: Tracker, issue: str) -> Doc[Issue]:
    found = next((d for d in tracker.issues if d.model.id == issue), None)
    if found is None:
        ids = [d.model.id for d in tracker.issues]
        raise FatalError(said("no key issue '{issue}'{hint}", issue=issue, hint=suggestion(issue, ids)))
    return found


def person_month(ref: str) -> tuple[str, str]:
    """PERSON/YYYY-MM, split."""
    person, _, month = ref.partition("/")
    if not person or not MONTH.fullmatch(month) or not 1 <= int(month[5:]) <= 12:
        raise FatalError(
            said("'{ref}' is not a person's month; write PERSON/YYYY-MM, e.g. tran-van-b/2023-05", ref=ref)
        )
    return person, month
