"""Properties of the scoring that hold for any commitment or plan, checked with hypothesis.

Indicator values and targets are drawn non-negative: SCORING.md's attainment (value / target, target / value) is
only meaningful for those; a pace line at or below 0 is tested by hand in test_scoring_rules.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from accountability.model import Commitment, Person, Plan
from accountability.model.tracker import Doc
from accountability.periods import Judging, month_period, parse_period
from accountability.scoring.people import score_month
from accountability.scoring.rules import ND335
from accountability.scoring.units import score_unit

SETTINGS = settings(max_examples=100, deadline=None)
D = dt.date
YEAR_START = D(2023, 1, 1)

PERIODS = [
    "2023",
    "2023-H1",
    "2023-H2",
    "2023-Q1",
    "2023-Q2",
    "2023-Q3",
    "2023-Q4",
    "2023-01",
    "2023-05",
    "2023-12",
    "2023-04-10..2023-06-30",
]


def days_in_2023() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=YEAR_START, max_value=D(2023, 12, 31))


values = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
weights = st.floats(min_value=0.1, max_value=100, allow_nan=False, allow_infinity=False)


@st.composite
def task_items(draw: st.DrawFn, n: int) -> dict[str, Any]:
    data: dict[str, Any] = {"id": f"i{n}", "title": f"Item {n}", "owner": "a", "due": draw(days_in_2023())}
    if draw(st.booleans()):
        data["done"] = draw(days_in_2023())
    if draw(st.booleans()):
        data["weight"] = draw(weights)
    return data


@st.composite
def reports(draw: st.DrawFn) -> list[dict[str, Any]]:
    days = sorted(draw(st.sets(days_in_2023(), max_size=4)))
    return [{"on": day, "value": draw(values)} for day in days]


@st.composite
def indicator_items(draw: st.DrawFn, n: int, direction: str | None = None) -> dict[str, Any]:
    direction = direction or draw(st.sampled_from(["up", "down"]))
    due = draw(days_in_2023())
    milestone_days = sorted(draw(st.sets(st.dates(min_value=YEAR_START, max_value=due), max_size=2)))
    data: dict[str, Any] = {
        "id": f"i{n}",
        "title": f"Item {n}",
        "owner": "a",
        "due": due,
        "target": {"value": draw(values), "direction": direction},
        "milestones": [{"by": day, "value": draw(values)} for day in milestone_days],
        "reports": draw(reports()),
    }
    if draw(st.booleans()):
        data["weight"] = draw(weights)
    return data


@st.composite
def commitments(draw: st.DrawFn) -> Commitment:
    groups, n = [], 0
    for g in range(draw(st.integers(1, 4))):
        items = []
        for _ in range(draw(st.integers(0, 4))):
            n += 1
            items.append(draw(st.one_of(task_items(n), indicator_items(n))))
        group: dict[str, Any] = {"id": f"g{g}", "title": f"Group {g}", "items": items}
        if draw(st.booleans()):
            group["weight"] = draw(weights)
        groups.append(group)
    return Commitment.model_validate(
        {"kind": "commitment", "unit": "u", "year": 2023, "head": "a", "to": "b", "groups": groups}
    )


@st.composite
def judgings(draw: st.DrawFn) -> Judging:
    period = parse_period(draw(st.sampled_from(PERIODS)))
    as_of = draw(st.dates(min_value=period.start, max_value=D(2024, 3, 31)))
    return Judging(period, as_of)


@SETTINGS
@given(commitments(), judgings())
def test_unit_scores_lie_in_0_to_100(commitment: Commitment, judging: Judging) -> None:
    result = score_unit("u", [commitment], judging, ND335)
    assert result.score is None or 0 <= result.score <= 100
    assert (result.score is None) == (result.level is None)
    for r in result.items:
        assert r.credit is None or 0 <= r.credit <= 1


@SETTINGS
@given(commitments(), judgings(), indicator_items(0, "up"), st.data())
def test_raising_a_reported_value_never_lowers_the_unit_score(
    commitment: Commitment, judging: Judging, up: dict[str, Any], data: st.DataObject
) -> None:
    if not up["reports"]:
        up["reports"] = [{"on": data.draw(days_in_2023()), "value": data.draw(values)}]
    which = data.draw(st.integers(0, len(up["reports"]) - 1))
    raised = {**up, "reports": [dict(r) for r in up["reports"]]}
    raised["reports"][which]["value"] += data.draw(st.floats(min_value=0, max_value=1000, allow_nan=False))

    def with_item(item: dict[str, Any]) -> Commitment:
        body = commitment.model_dump(by_alias=True)
        body["groups"][0]["items"].append(item)
        return Commitment.model_validate(body)

    before = score_unit("u", [with_item(up)], judging, ND335).score
    after = score_unit("u", [with_item(raised)], judging, ND335).score
    assert before is not None or after is None
    if before is not None:
        assert after is not None and after >= before


MAY = month_period("2023-05")
may_days = st.dates(min_value=MAY.start, max_value=MAY.end)
review_days = st.dates(min_value=MAY.start, max_value=D(2023, 7, 31))


@st.composite
def plan_tasks(draw: st.DrawFn, n: int) -> dict[str, Any]:
    data: dict[str, Any] = {"id": f"t{n}", "title": f"Task {n}", "assigned_by": "a", "due": draw(may_days)}
    if draw(st.booleans()):
        data["done"] = draw(may_days)
    if draw(st.booleans()):
        data["weight"] = draw(weights)
    if draw(st.booleans()):
        review: dict[str, Any] = {
            "on": draw(review_days),
            "quality_fails": draw(st.integers(0, 6)),
            "excused": draw(st.booleans()),
        }
        if draw(st.booleans()):
            review["delays"] = draw(st.integers(0, 6))
        data["review"] = review
    return data


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    tasks = [draw(plan_tasks(n)) for n in range(draw(st.integers(1, 5)))]
    body: dict[str, Any] = {"kind": "plan", "person": "p", "month": "2023-05", "tasks": tasks}
    if draw(st.booleans()):
        rating: dict[str, Any] = {"on": draw(review_days), "by": "a"}
        if draw(st.booleans()):
            rating["general"] = draw(st.floats(min_value=0, max_value=30, allow_nan=False))
        if draw(st.booleans()):
            rating["level"] = draw(st.sampled_from(["excellent", "good", "done", "not-done"]))
        body["rating"] = rating
    return body


def person(disciplined: bool) -> Person:
    discipline = [{"on": D(2023, 5, 15), "form": "khiển trách"}] if disciplined else []
    return Person.model_validate({"id": "p", "name": "P", "unit": "u", "discipline": discipline})


as_of_dates = st.dates(min_value=MAY.start, max_value=D(2023, 8, 31))


@SETTINGS
@given(plans(), as_of_dates, st.booleans())
def test_a_month_score_lies_in_0_to_100(body: dict[str, Any], as_of: dt.date, disciplined: bool) -> None:
    month = score_month(Doc("p.yaml", Plan.model_validate(body)), person(disciplined), as_of, ND335)
    assert month.score is None or 0 <= month.score <= 100
    assert month.task_results is None or 0 <= month.task_results <= 70 + 1e-9
    if disciplined:
        assert month.computed == "not-done"


@SETTINGS
@given(plans(), as_of_dates, st.data())
def test_finishing_a_task_never_lowers_the_month_score(
    body: dict[str, Any], as_of: dt.date, data: st.DataObject
) -> None:
    which = data.draw(st.integers(0, len(body["tasks"]) - 1))
    task = body["tasks"][which]
    task.pop("done", None)
    # a task not yet done has no deductions written against it (a review of undone work, if any, finds none)
    if "review" in task:
        task["review"] = {"on": task["review"]["on"], "excused": task["review"]["excused"]}
    finished = {**body, "tasks": [dict(t) for t in body["tasks"]]}
    finished["tasks"][which]["done"] = data.draw(st.dates(min_value=MAY.start, max_value=task["due"]))
    before = score_month(Doc("p.yaml", Plan.model_validate(body)), None, as_of, ND335).score
    after = score_month(Doc("p.yaml", Plan.model_validate(finished)), None, as_of, ND335).score
    if before is not None:
        assert after is not None and after >= before
