"""Who rates whom (FORMAT.md, "Who rates whom"): every person with a plan has a rater who is not themself, and a
rating is signed by that rater or by the head of a unit above the rater."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from accountability.checks import refs
from accountability.model.tracker import Tracker
from accountability.problems import Problem, said


def rated_by_references(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`unknown-person`, `wrong-kind`, `no-rater`: a unit's `rated_by` is a person, and not the unit's own head,
    since no one rates themself.

    Failing: `rated_by: nguyen-van-a` on a unit whose head is nguyen-van-a.
    """
    for unit in tracker.unit_entries:
        who = unit.model.rated_by
        if who is None:
            continue
        yield from refs.person(tracker, who, unit.path, (*unit.at, "rated_by"), "rated_by")
        if who == unit.model.head:
            yield Problem(
                "no-rater",
                said(
                    "rated_by '{who}' is the head of '{unit}' itself; no one rates themself: name the person who rates "
                    "this unit's head",
                    who=who,
                    unit=unit.model.id,
                ),
                unit.path,
                at=(*unit.at, "rated_by"),
            )


def every_plan_has_a_rater(tracker: Tracker) -> Iterator[Problem]:
    """`no-rater`: a person who has a plan has a rater: the head of their unit, or, for a head, the unit's
    `rated_by`, the head of the nearest unit above, or the head of the body the unit's commitment is made to.
    Reported once per unit, on the unit in org.

    Failing: the head of a unit whose parent has no head, with no `rated_by` and no commitment.
    """
    reported: set[str] = set()
    for doc in tracker.plans:
        person = tracker.people.get(doc.model.person)
        if person is None or tracker.rater(doc.model.person, int(doc.model.month[:4])) is not None:
            continue
        unit = tracker.units.get(person.model.unit)
        if unit is None or unit.model.id in reported:
            continue
        reported.add(unit.model.id)
        is_head = unit.model.head == person.model.id
        unit_id, person_id, month = unit.model.id, person.model.id, doc.model.month
        if is_head:
            message = said(
                "no one can rate {person} (head of {unit}) for {month}: no unit above has a head and no commitment "
                "names the body it is made to; set 'rated_by:' on unit '{unit}' to the person who rates its head",
                person=person_id,
                unit=unit_id,
                month=month,
            )
        else:
            message = said(
                "no one can rate {person} (member of {unit}) for {month}: no unit above has a head and no commitment "
                "names the body it is made to; give unit '{unit}' a head, who rates its members",
                person=person_id,
                unit=unit_id,
                month=month,
            )
        yield Problem(
            "no-rater",
            message,
            unit.path,
            at=(*unit.at, "id"),
        )


def rating_by_the_rater(tracker: Tracker) -> Iterator[Problem]:
    """`rating-by`: `rating.by` is the person's rater, or someone above the rater: the head of a unit above the
    rater's, or the rater's own rater (a ward's head rated through the `to` body may be rated by that body's head's
    rater too).

    Failing: the rating of a ward's Party secretary signed by his own deputy.
    """
    for doc in tracker.plans:
        rating = doc.model.rating
        if rating is None or rating.by not in tracker.people or doc.model.person not in tracker.people:
            continue
        year = int(doc.model.month[:4])
        allowed = tracker.rating_approvers(doc.model.person, year)
        rater = tracker.rater(doc.model.person, year)
        if rater is None or rating.by in allowed:
            continue
        yield Problem(
            "rating-by",
            said(
                "'{by}' may not conclude the rating of {person}: the rater is '{rater}', or someone above the rater "
                "(the head of a unit above, or the rater's own rater); write rating.by: {rater}",
                by=rating.by,
                person=doc.model.person,
                rater=rater,
            ),
            doc.path,
            at=("rating", "by"),
        )


CHECKS = (rated_by_references,)
PLAN_CHECKS = (every_plan_has_a_rater, rating_by_the_rater)
