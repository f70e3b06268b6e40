"""Files out of place (FORMAT.md): the folders are a convention, but a document at a path of the suggested shape
that contradicts it is most likely saved in the wrong place, and nothing else would say so."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from accountability.files.discover import commitment_path, issue_path, plan_path
from accountability.model.tracker import Tracker
from accountability.problems import Problem, Text, said

SHAPE = re.compile(r"^\d{4}/(?:plans/\d{4}-\d{2}|commitments|issues)/[^/]+\.ya?ml$")


def _misplaced(path: str, where: Iterable[str], what: Text) -> Iterator[Problem]:
    """A warning when `path` has the suggested shape and is none of the places `what` belongs."""
    places = list(where)
    if SHAPE.match(path) and path.removesuffix(".yml").removesuffix(".yaml") not in {
        p.removesuffix(".yaml") for p in places
    }:
        yield Problem(
            "misplaced",
            said(
                "this file holds {what}, which belongs at {place}; move it there (git mv), so that people find it "
                "where they look for it",
                what=what,
                place=places[0],
            ),
            path,
            severity="warning",
            at=("kind",),
        )


def misplaced_documents(tracker: Tracker, as_of: dt.date) -> Iterator[Problem]:
    """`misplaced` (a warning): a commitment or key issue at a path of the suggested shape
    (`YYYY/commitments/…`, `YYYY/issues/…`, `YYYY/plans/YYYY-MM/…`) that is not its own suggested path
    (`YEAR/commitments/UNIT.yaml`, `YEAR/issues/ID.yaml` with the year it was raised or is due).

    Failing: the 2023 commitment of phuong-1 saved as `2023/commitments/phuong-5.yaml`.
    """
    for doc in tracker.commitments:
        c = doc.model
        what = said("the {year} commitment of {unit}", year=c.year, unit=c.unit)
        yield from _misplaced(doc.path, [commitment_path(c.unit, c.year)], what)
    for issue in tracker.issues:
        i = issue.model
        years = dict.fromkeys((i.raised.year, i.due.year))
        yield from _misplaced(issue.path, [issue_path(i.id, y) for y in years], said("the key issue {id}", id=i.id))


def misplaced_plans(tracker: Tracker) -> Iterator[Problem]:
    """`misplaced` (a warning): a plan at a path of the suggested shape that is not
    `YEAR/plans/YYYY-MM/PERSON.yaml` for its own person and month, such as a plan under `commitments/`.

    Failing: the 2023-05 plan of tran-van-b saved as `2023/plans/2023-06/tran-van-b.yaml`.
    """
    for doc in tracker.plans:
        plan = doc.model
        what = said("the {month} plan of {person}", month=plan.month, person=plan.person)
        yield from _misplaced(doc.path, [plan_path(plan.person, plan.month)], what)


CHECKS = (misplaced_documents,)
PLAN_CHECKS = (misplaced_plans,)
