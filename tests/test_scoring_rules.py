"""The scoring rules of SCORING.md, one by one, on models built in the test and figures worked out by hand.

Every expected number has its arithmetic next to it. Dates: 2023 is not a leap year, so 1 January → 30 June is
180 days, 1 January → 31 December is 364 days, 1 January → 31 March is 89 days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from accountability.model import DEFAULT_CONFIG, Commitment, Config, Issue, Item, Person, Plan, Task
from accountability.model.tracker import Doc
from accountability.periods import FORMS, Judging, judging, month_period, parse_period
from accountability.problems import FatalError
from accountability.scoring.escalation import escalation, escalation_step, month_miss
from accountability.scoring.issues import issue_share
from accountability.scoring.items import attainment, counts_in, expected_at, judge_item
from accountability.scoring.numbers import round1
from accountability.scoring.people import MonthScore, period_level, score_month, score_task
from accountability.scoring.quota import Rated, allowed_excellent, group_months, rating_groups
from accountability.scoring.rules import ND335, level_of, rules_for
from accountability.scoring.units import default_group_weight, score_unit

D = dt.date
RULES = ND335
DEC_31 = D(2023, 12, 31)


# ---------------------------------------------------------------------------------------------------------------
# builders


def item(id: str = "x", due: dt.date = DEC_31, **fields: Any) -> Item:
    return Item.model_validate({"id": id, "title": id.upper(), "owner": "nguyen-van-a", "due": due, **fields})


def indicator(
    value: float,
    due: dt.date = DEC_31,
    reports: Sequence[tuple[dt.date, float]] = (),
    direction: str = "up",
    id: str = "chi-tieu",
    **fields: Any,
) -> Item:
    return item(
        id,
        due,
        target={"value": value, "direction": direction},
        reports=[{"on": on, "value": v} for on, v in reports],
        **fields,
    )


def commitment(groups: list[dict[str, Any]], year: int = 2023) -> Commitment:
    return Commitment.model_validate(
        {"kind": "commitment", "unit": "phuong-1", "year": year, "head": "nguyen-van-a", "to": "btv", "groups": groups}
    )


def group(id: str, items: list[Item], weight: float | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": id,
        "title": id.upper(),
        "items": [i.model_dump(by_alias=True, exclude_defaults=True) for i in items],
    }
    if weight is not None:
        data["weight"] = weight
    return data


def task(
    id: str, due: dt.date, done: dt.date | None = None, weight: float = 1, review: dict[str, Any] | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": id, "title": id.upper(), "assigned_by": "nguyen-van-a", "due": due, "weight": weight}
    if done:
        data["done"] = done
    if review is not None:
        data["review"] = review
    return data


def plan(
    month: str, tasks: list[dict[str, Any]], rating: dict[str, Any] | None = None, person: str = "tran-van-b"
) -> Doc[Plan]:
    data: dict[str, Any] = {"kind": "plan", "person": person, "month": month, "tasks": tasks}
    if rating is not None:
        data["rating"] = {"by": "nguyen-van-a", **rating}
    return Doc(f"{month[:4]}/plans/{month}/{person}.yaml", Plan.model_validate(data))


def period_score(months: list[MonthScore], who: Person, start: dt.date, end: dt.date) -> tuple[Any, ...]:
    level = period_level(months, who, start, end, RULES)
    return (level.score, level.level, level.provisional)


def misses(plans: list[Doc[Plan]], as_of: dt.date) -> list[str]:
    """The months that are a miss as of D."""
    return [m.month for d in plans if (m := month_miss(d, as_of, RULES)) is not None]


def person(discipline: Sequence[dict[str, Any]] = ()) -> Person:
    return Person.model_validate(
        {"id": "tran-van-b", "name": "Trần Văn B", "unit": "phuong-1", "discipline": list(discipline)}
    )


def judged(period: str, as_of: dt.date) -> Judging:
    return judging(parse_period(period), as_of)


# ---------------------------------------------------------------------------------------------------------------
# periods


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("2023-H1", D(2023, 1, 1), D(2023, 6, 30)),
        ("2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
        ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31)),
        ("2023-Q2", D(2023, 4, 1), D(2023, 6, 30)),
        ("2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
        ("2023-Q4", D(2023, 10, 1), D(2023, 12, 31)),
        ("2023-05", D(2023, 5, 1), D(2023, 5, 31)),
        ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),  # a leap year
        ("2023-12", D(2023, 12, 1), D(2023, 12, 31)),
        ("2023-04-10..2023-06-30", D(2023, 4, 10), D(2023, 6, 30)),
        ("2023-06-30..2023-06-30", D(2023, 6, 30), D(2023, 6, 30)),  # one day, both ends included
    ],
)
def test_parse_period_every_form(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert (period.id, period.start, period.end) == (text, start, end)


def test_period_months_and_contains() -> None:
    period = parse_period("2023-04-10..2023-06-30")
    assert period.months() == ["2023-04", "2023-05", "2023-06"]
    assert period.contains(D(2023, 4, 10)) and period.contains(D(2023, 6, 30))
    assert not period.contains(D(2023, 4, 9)) and not period.contains(D(2023, 7, 1))
    assert parse_period("2023").months() == [f"2023-{m:02d}" for m in range(1, 13)]


@pytest.mark.parametrize(
    "text",
    [
        "2023-Q5",
        "2023-Q0",
        "2023-H3",
        "2023-13",
        "2023-00",
        "2023-5",
        "23",
        "2023/05",
        "Q1-2023",
        "2023-q1",
        "",
        "2023-06-30..2023-04-10",
        "2023-02-30..2023-03-31",
        "2023-04-10..",
        "2023-04-10...2023-06-30",
        "05-2023",
    ],
)
def test_invalid_periods_list_the_valid_forms(text: str) -> None:
    with pytest.raises(FatalError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert FORMS in message
    for form in ("2023", "2023-H1", "2023-H2", "2023-Q1", "2023-Q4", "2023-05", "2023-04-10..2023-06-30"):
        assert form in message


def test_a_period_that_starts_after_d_is_an_error() -> None:
    with pytest.raises(FatalError, match="after the judging date 2023-06-30"):
        judging(parse_period("2023-Q3"), D(2023, 6, 30))
    # starting on D is fine: C = D = the first day
    assert judging(parse_period("2023-Q3"), D(2023, 7, 1)).cutoff == D(2023, 7, 1)


def test_cutoff_is_the_earlier_of_d_and_the_period_end() -> None:
    may = parse_period("2023-05")
    assert Judging(may, D(2023, 6, 30)).cutoff == D(2023, 5, 31)  # D after the period: its last day
    assert Judging(may, D(2023, 5, 20)).cutoff == D(2023, 5, 20)  # D inside the period: D
    assert Judging(may, D(2023, 5, 31)).cutoff == D(2023, 5, 31)


def test_is_past() -> None:
    year = Judging(parse_period("2023"), D(2023, 6, 15))
    assert not year.is_past(D(2023, 6, 15))  # due on D: the end of that day has not come
    assert year.is_past(D(2023, 6, 14))
    assert not year.is_past(D(2023, 6, 16))
    # before D but after C is not past: SCORING.md's May example
    may_late = Judging(parse_period("2023-05"), D(2023, 6, 30))
    assert may_late.is_past(D(2023, 5, 31))
    assert not may_late.is_past(D(2023, 6, 10))
    may_end = Judging(parse_period("2023-05"), D(2023, 5, 31))
    assert not may_end.is_past(D(2023, 5, 31))


def test_the_may_example_of_scoring_md() -> None:
    """`acct score 2023-05 --as-of 2023-06-30` fails a task due 31 May and not done at the end of May (here done on
    3 June, after C); `--as-of 2023-05-31` leaves it open."""
    for done in (None, D(2023, 6, 3)):
        t = Task.model_validate(task("t1", D(2023, 5, 31), done))
        later = score_task(t, Judging(month_period("2023-05"), D(2023, 6, 30)), RULES)
        assert (later.state, later.credit) == ("undone", 0.0)
        same_day = score_task(t, Judging(month_period("2023-05"), D(2023, 5, 31)), RULES)
        assert (same_day.state, same_day.credit) == ("open", None)
    # and a commitment task item alike
    x = item("x", D(2023, 5, 31))
    assert judge_item(x, "g", judged("2023-05", D(2023, 6, 30)), RULES).state == "overdue"
    assert judge_item(x, "g", judged("2023-05", D(2023, 5, 31)), RULES).state == "open"


# ---------------------------------------------------------------------------------------------------------------
# task items


def test_task_on_time() -> None:
    r = judge_item(item("x", D(2023, 6, 30), done=D(2023, 6, 30)), "g", judged("2023", D(2023, 7, 10)), RULES)
    assert (r.state, r.credit, r.final, r.achieved) == ("on_time", 1.0, True, True)


def test_task_late_earns_late_credit() -> None:
    r = judge_item(item("x", D(2023, 6, 30), done=D(2023, 7, 1)), "g", judged("2023", D(2023, 7, 10)), RULES)
    assert (r.state, r.credit, r.final, r.achieved) == ("late", 0.5, True, True)  # late_credit 0.5
    cheaper = replace(RULES, late_credit=0.25)
    assert (
        judge_item(item("x", D(2023, 6, 30), done=D(2023, 7, 1)), "g", judged("2023", D(2023, 7, 10)), cheaper).credit
        == 0.25
    )


def test_task_overdue() -> None:
    r = judge_item(item("x", D(2023, 6, 30)), "g", judged("2023", D(2023, 7, 10)), RULES)
    assert (r.state, r.credit, r.final, r.achieved) == ("overdue", 0.0, True, False)


def test_task_done_after_c_is_not_done_in_the_period() -> None:
    # Q2 as of 10 July: C = 30 June; done 5 July does not count, due 20 June is past → overdue
    r = judge_item(item("x", D(2023, 6, 20), done=D(2023, 7, 5)), "g", judged("2023-Q2", D(2023, 7, 10)), RULES)
    assert (r.state, r.credit) == ("overdue", 0.0)


def test_task_open_is_counted_not_scored() -> None:
    r = judge_item(item("x", D(2023, 8, 31)), "g", judged("2023", D(2023, 7, 10)), RULES)
    assert (r.state, r.credit, r.final, r.due_soon) == ("open", None, False, False)  # due in 52 days


@pytest.mark.parametrize(("days", "soon"), [(0, True), (1, True), (14, True), (15, False)])
def test_due_soon_boundary(days: int, soon: bool) -> None:
    as_of = D(2023, 7, 10)
    r = judge_item(item("x", as_of + dt.timedelta(days=days)), "g", judged("2023", as_of), RULES)
    assert (r.state, r.credit, r.due_soon) == ("open", None, soon)  # due − D = days; due_soon when 0 ≤ days ≤ 14


# ---------------------------------------------------------------------------------------------------------------
# indicator items, final (due date past)

AFTER_JUNE = judged("2023", D(2023, 7, 10))  # C = D = 10 July; items due 30 June are final


@pytest.mark.parametrize(
    ("direction", "target", "value", "state", "exceeded", "credit"),
    [
        ("up", 100, 110, "achieved", True, 1.0),  # 110/100 = 1.1 → min(1.1, 1) = 1
        ("up", 100, 100, "achieved", False, 1.0),  # equal: achieved, not exceeded; 100/100 = 1
        ("up", 100, 80, "missed", False, 0.8),  # 80/100 = 0.8
        ("down", 5, 4, "achieved", True, 1.0),  # 4 < 5: exceeded; 5/4 = 1.25 → 1
        ("down", 5, 5, "achieved", False, 1.0),  # 5/5 = 1
        ("down", 5, 8, "missed", False, 0.625),  # 5/8 = 0.625
        ("up", 0, 0, "achieved", False, 1.0),  # zero target: a zero divisor, achieved → 1
        ("up", 0, 3, "achieved", True, 1.0),  # zero divisor, achieved → 1
        ("up", 0, -1, "missed", False, 0.0),  # zero divisor, not achieved → 0
        ("down", 0, 0, "achieved", False, 1.0),  # value 0 is the divisor for down; achieved → 1
        ("down", 0, 2, "missed", False, 0.0),  # 0/2 = 0
        ("down", 3, 0, "achieved", True, 1.0),  # value 0 for down: zero divisor, achieved (0 ≤ 3) → 1
    ],
)
def test_final_indicator(
    direction: str, target: float, value: float, state: str, exceeded: bool, credit: float
) -> None:
    x = indicator(target, D(2023, 6, 30), [(D(2023, 6, 30), value)], direction)
    r = judge_item(x, "g", AFTER_JUNE, RULES)
    assert (r.state, r.exceeded, r.credit, r.final, r.value) == (state, exceeded, credit, True, value)
    assert r.achieved is (state == "achieved")


def test_final_indicator_with_no_report_is_missed_and_flagged() -> None:
    r = judge_item(indicator(100, D(2023, 6, 30)), "g", AFTER_JUNE, RULES)
    assert (r.state, r.credit, r.final, r.no_report, r.achieved) == ("missed", 0.0, True, True, False)


def test_final_indicator_uses_its_latest_report_up_to_c() -> None:
    # Q2 as of 10 July: C = 30 June. The report of 5 July does not count; the latest that does is 90 on 30 June.
    x = indicator(100, D(2023, 6, 20), [(D(2023, 3, 31), 40), (D(2023, 6, 30), 90), (D(2023, 7, 5), 120)])
    r = judge_item(x, "g", judged("2023-Q2", D(2023, 7, 10)), RULES)
    assert (r.state, r.value, r.credit) == ("missed", 90, 0.9)  # 90/100


def test_attainment_divides_or_falls_back_on_zero() -> None:
    assert attainment(80, 100, True, False) == 0.8  # 80/100
    assert attainment(8, 5, False, False) == 0.625  # down: 5/8
    assert attainment(0, 0, True, True) == 1.0
    assert attainment(-1, 0, True, False) == 0.0
    assert attainment(0, 3, False, True) == 1.0
    assert attainment(0, 3, False, False) == 0.0


# ---------------------------------------------------------------------------------------------------------------
# indicator items, on pace (due date not past)

MID_YEAR = judged("2023", D(2023, 6, 30))  # C = D = 30 June


def test_expected_value_runs_straight_from_1_january() -> None:
    x = indicator(120, D(2023, 12, 31))
    assert expected_at(x, D(2023, 6, 30)) == pytest.approx(120 * 180 / 364)  # 59.3407
    assert expected_at(x, D(2023, 3, 31)) == pytest.approx(120 * 89 / 364)  # 29.3407
    assert expected_at(x, D(2023, 1, 1)) == 0.0
    assert expected_at(x, D(2023, 12, 31)) == 120


def test_on_track() -> None:
    r = judge_item(indicator(120, reports=[(D(2023, 6, 30), 60)]), "g", MID_YEAR, RULES)
    # expected = 120 × 180/364 = 59.34; 60 ≥ 59.34
    assert (r.state, r.credit, r.final) == ("on_track", 1.0, False)
    assert r.expected == pytest.approx(59.340659)


def test_behind_on_a_straight_line() -> None:
    r = judge_item(indicator(120, reports=[(D(2023, 3, 31), 26.4), (D(2023, 6, 30), 58)]), "g", MID_YEAR, RULES)
    # expected = 120 × 180/364 = 59.3407; credit = 58 / 59.3407 = 58 × 364 / 21600 = 0.977407
    assert (r.state, r.value, r.final) == ("behind", 58, False)
    assert r.credit == pytest.approx(58 * 364 / (120 * 180))
    assert r.credit == pytest.approx(0.977407, abs=1e-6)


def test_no_report_yet_on_pace() -> None:
    r = judge_item(indicator(120), "g", MID_YEAR, RULES)
    assert (r.state, r.credit, r.no_report, r.final) == ("no_report", 0.0, True, False)


MILESTONES = [{"by": D(2023, 3, 31), "value": 10}, {"by": D(2023, 6, 30), "value": 40}]


@pytest.mark.parametrize(
    ("as_of", "value", "expected", "credit"),
    [
        # on a milestone: expected = 40; 30/40 = 0.75
        (D(2023, 6, 30), 30, 40, 0.75),
        # 15 May, between 31 Mar (10) and 30 Jun (40): 45 of 91 days; 10 + 30 × 45/91 = 2260/91 = 24.835; 20 / 24.835 = 1820/2260
        (D(2023, 5, 15), 20, 2260 / 91, 1820 / 2260),
        # 30 Sep, between 30 Jun (40) and 31 Dec (100): 92 of 184 days; 40 + 60 × 0.5 = 70; 63/70 = 0.9
        (D(2023, 9, 30), 63, 70, 0.9),
        # 14 Feb, between 1 Jan (0) and 31 Mar (10): 44 of 89 days; 440/89 = 4.944; 2 / 4.944 = 178/440
        (D(2023, 2, 14), 2, 440 / 89, 178 / 440),
    ],
)
def test_behind_through_milestones(as_of: dt.date, value: float, expected: float, credit: float) -> None:
    x = indicator(100, reports=[(as_of, value)], milestones=MILESTONES)
    r = judge_item(x, "g", judged("2023", as_of), RULES)
    assert r.state == "behind"
    assert r.expected == pytest.approx(expected)
    assert r.credit == pytest.approx(credit)


def test_on_track_through_milestones() -> None:
    x = indicator(100, reports=[(D(2023, 6, 30), 40)], milestones=MILESTONES)
    r = judge_item(x, "g", MID_YEAR, RULES)  # expected 40 at the milestone; 40 ≥ 40
    assert (r.state, r.credit) == ("on_track", 1.0)


@pytest.mark.parametrize(
    ("value", "state", "credit"),
    [
        (4, "on_track", 1.0),  # down: expected is the target itself, 5; 4 ≤ 5
        (5, "on_track", 1.0),  # 5 ≤ 5
        (0, "on_track", 1.0),  # 0 ≤ 5
        (8, "behind", 0.625),  # 8 > 5; credit min(expected / value, 1) = 5/8
    ],
)
def test_down_indicator_on_pace_compares_with_the_target(value: float, state: str, credit: float) -> None:
    r = judge_item(indicator(5, reports=[(D(2023, 6, 30), value)], direction="down"), "g", MID_YEAR, RULES)
    assert (r.state, r.credit, r.expected) == (state, credit, 5)


def test_a_level_indicator_is_behind_in_march_as_in_december() -> None:
    # "98% of procedures on time": a rate is judged against the target itself all year, not paced from 0
    rate = indicator(98, reports=[(D(2023, 3, 31), 95)], measure="level")
    r = judge_item(rate, "g", judged("2023", D(2023, 3, 31)), RULES)
    # expected = 98 (the target); 95 < 98 → behind, credit 95/98 = 0.969388
    assert (r.state, r.expected) == ("behind", 98)
    assert r.credit == pytest.approx(95 / 98)
    # the same report paced from 0 as a cumulative figure would be far ahead: 98 × 89/364 = 23.96
    paced = judge_item(indicator(98, reports=[(D(2023, 3, 31), 95)]), "g", judged("2023", D(2023, 3, 31)), RULES)
    assert (paced.state, paced.credit) == ("on_track", 1.0)
    reached = judge_item(
        indicator(98, reports=[(D(2023, 3, 31), 98.5)], measure="level"), "g", judged("2023", D(2023, 3, 31)), RULES
    )
    assert (reached.state, reached.credit) == ("on_track", 1.0)


def test_zero_target_up_on_pace() -> None:
    # expected = 0 × 180/364 = 0; 0 ≥ 0
    r = judge_item(indicator(0, reports=[(D(2023, 6, 30), 0)]), "g", MID_YEAR, RULES)
    assert (r.state, r.credit) == ("on_track", 1.0)


def test_behind_a_zero_expected_value_scores_0_instead_of_crashing() -> None:
    # milestone 0 by 30 June, C = 31 March: expected = 0 + (0 − 0) × … = 0; a growth rate reported at −1.2 < 0 is
    # behind, and SCORING.md's zero-divisor rule gives 0 for what is not achieved
    x = indicator(7, reports=[(D(2023, 3, 31), -1.2)], milestones=[{"by": D(2023, 6, 30), "value": 0}])
    r = judge_item(x, "g", judged("2023-Q1", D(2023, 4, 10)), RULES)
    assert (r.state, r.credit) == ("behind", 0.0)


# ---------------------------------------------------------------------------------------------------------------
# which items count

Q2 = judged("2023-Q2", D(2023, 7, 10))  # 1 April … 30 June, C = 30 June


def test_counts_when_due_within_the_period() -> None:
    for due in (D(2023, 4, 1), D(2023, 5, 15), D(2023, 6, 30)):
        assert counts_in(item("x", due), Q2, 2023)
        assert counts_in(indicator(10, due), Q2, 2023)


def test_counts_when_due_before_and_still_overdue_on_the_first_day() -> None:
    assert counts_in(item("x", D(2023, 3, 15)), Q2, 2023)  # never done
    assert counts_in(item("x", D(2023, 3, 15), done=D(2023, 4, 5)), Q2, 2023)  # done within the period
    assert not counts_in(item("x", D(2023, 3, 15), done=D(2023, 3, 20)), Q2, 2023)  # done before the period
    assert not counts_in(item("x", D(2023, 3, 15), done=D(2023, 3, 10)), Q2, 2023)  # done on time
    assert not counts_in(indicator(10, D(2023, 3, 31)), Q2, 2023)  # indicators never count again


def test_an_earlier_task_done_within_the_period_is_judged_late() -> None:
    r = judge_item(item("x", D(2023, 3, 15), done=D(2023, 4, 5)), "g", Q2, RULES)
    assert (r.state, r.credit) == ("late", 0.5)
    r = judge_item(item("x", D(2023, 3, 15)), "g", Q2, RULES)
    assert (r.state, r.credit) == ("overdue", 0.0)


def test_counts_when_due_after_the_period_in_the_year_of_its_end() -> None:
    assert counts_in(item("x", D(2023, 9, 30)), Q2, 2023)
    assert counts_in(indicator(10, D(2023, 12, 31)), Q2, 2023)
    assert not counts_in(item("x", D(2024, 3, 31)), Q2, 2024)  # next year's commitment
    # a range across New Year ends in 2024: a 2024 item due later counts, judged on pace
    span = judged("2023-11-01..2024-02-29", D(2024, 3, 10))
    assert counts_in(indicator(10, D(2024, 12, 31)), span, 2024)


# ---------------------------------------------------------------------------------------------------------------
# unit score and level

YEAR_END = judged("2023", D(2024, 1, 15))  # C = 31 December: every 2023 item is final


def test_unit_score_with_uneven_group_and_item_weights() -> None:
    c = commitment(
        [
            group(
                "g1", [item("a", D(2023, 3, 31), done=D(2023, 3, 30), weight=2), item("b", D(2023, 6, 30))], weight=40
            ),
            group(
                "g2",
                [
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 80)], id="c", weight=2),
                    item("d", D(2023, 9, 30), done=D(2023, 10, 15)),
                ],
                weight=30,
            ),
            group("g3", [indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 110)], id="e")], weight=30),
        ]
    )
    result = score_unit("phuong-1", [c], YEAR_END, RULES)
    # g1: a on_time (1) w2, b overdue (0) w1 → (2×1 + 1×0)/3 = 0.6667
    # g2: c missed 80/100 = 0.8 w2, d late 0.5 w1 → (2×0.8 + 0.5)/3 = 2.1/3 = 0.7
    # g3: e exceeded, min(1.1, 1) = 1
    # 100 × (40×0.6667 + 30×0.7 + 30×1) / 100 = 26.667 + 21 + 30 = 77.667 → 77.7
    assert [g.credit for g in result.groups] == pytest.approx([2 / 3, 0.7, 1.0])
    assert result.score == 77.7
    # final: a ✓, b ✗, c ✗, d ✓, e ✓ → 3 of 5 achieved, at least half → the thresholds stand: 77.7 ≥ 70 → good
    assert result.level == "good"
    assert result.task_counts() == {"total": 3, "on_time": 1, "late": 1, "overdue": 1, "open": 0}
    assert result.indicator_counts() == {
        "total": 2,
        "achieved": 1,
        "exceeded": 1,
        "missed": 1,
        "on_track": 0,
        "behind": 0,
        "no_report": 0,
    }


def test_a_group_with_no_scored_item_is_left_out() -> None:
    c = commitment(
        [
            group("g1", [item("a", D(2023, 5, 10), done=D(2023, 5, 9))], weight=40),
            group("g2", [item("b", D(2023, 9, 30))], weight=60),  # open in Q2: counted, not scored
            group("g3", [indicator(10, D(2023, 3, 31), id="c")], weight=100),  # due before Q2: does not count at all
        ]
    )
    result = score_unit("phuong-1", [c], Q2, RULES)
    # only g1 is scored: 100 × 40×1 / 40 = 100.0 (not 100 × 40 / 100 = 40)
    assert result.score == 100.0
    assert [g.id for g in result.groups] == ["g1", "g2"]
    assert result.groups[1].credit is None
    assert result.level == "excellent"  # 1 of 1 final item achieved
    assert result.task_counts()["open"] == 1


def test_score_is_null_when_nothing_is_scored() -> None:
    c = commitment(
        [
            group("g1", [item("a", D(2023, 9, 30))]),
            group("g2", [item("b", D(2023, 10, 31))]),
            group("g3", [item("c", D(2023, 11, 30))]),
        ]
    )
    result = score_unit("phuong-1", [c], Q2, RULES)
    assert (result.score, result.level) == (None, None)
    assert result.task_counts() == {"total": 3, "on_time": 0, "late": 0, "overdue": 0, "open": 3}


def test_a_group_without_weight_weighs_the_mean_of_the_given_weights() -> None:
    c = commitment(
        [
            group("g1", [item("a", D(2023, 3, 31), done=D(2023, 3, 1))], weight=40),  # credit 1
            group("g2", [item("b", D(2023, 3, 31))]),  # no weight → (40 + 20)/2 = 30; overdue, credit 0
            group("g3", [item("c", D(2023, 3, 31), done=D(2023, 4, 2))], weight=20),  # late, credit 0.5
        ]
    )
    assert default_group_weight(c) == 30
    result = score_unit("phuong-1", [c], YEAR_END, RULES)
    # 100 × (40×1 + 30×0 + 20×0.5) / (40 + 30 + 20) = 5000/90 = 55.556 → 55.6
    assert result.score == 55.6
    assert result.level == "done"  # 2 of 3 final items done, 55.6 ≥ 50


def test_groups_without_any_weight_weigh_1_each() -> None:
    c = commitment(
        [
            group("g1", [item("a", D(2023, 3, 31), done=D(2023, 3, 1)), item("b", D(2023, 3, 31))]),  # (1 + 0)/2 = 0.5
            group("g2", [item("c", D(2023, 3, 31), done=D(2023, 4, 2))]),  # 0.5
            group("g3", [item("d", D(2023, 3, 31), done=D(2023, 3, 2))]),  # 1
        ]
    )
    assert default_group_weight(c) == 1
    # 100 × (0.5 + 0.5 + 1)/3 = 66.667 → 66.7
    assert score_unit("phuong-1", [c], YEAR_END, RULES).score == 66.7


def test_unit_score_rounds_halves_up() -> None:
    # 5 tasks on time and 3 late: (5×1 + 3×0.5)/8 = 6.5/8 = 0.8125 → 81.25, an exact binary fraction that
    # round(81.25, 1) would take to 81.2; halves up gives 81.3
    on_time = [item(f"a{i}", D(2023, 3, 31), done=D(2023, 3, 1)) for i in range(5)]
    late = [item(f"b{i}", D(2023, 3, 31), done=D(2023, 4, 1)) for i in range(3)]
    c = commitment([group("g1", on_time + late), group("g2", []), group("g3", [])])
    assert score_unit("phuong-1", [c], YEAR_END, RULES).score == 81.3
    assert (round1(87.45), round1(2.25), round1(0.05), round1(66.66666), round1(100)) == (87.5, 2.3, 0.1, 66.7, 100.0)


def test_less_than_half_achieved_is_not_done_whatever_the_score() -> None:
    c = commitment(
        [
            group(
                "g1",
                [
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 100)], id="a"),  # achieved, credit 1
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 70)], id="b"),  # missed, credit 0.7
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 70)], id="c"),  # missed, credit 0.7
                ],
            ),
            group("g2", []),
            group("g3", []),
        ]
    )
    result = score_unit("phuong-1", [c], YEAR_END, RULES)
    # 100 × (1 + 0.7 + 0.7)/3 = 80.0, good by the thresholds; but 1 of 3 final items achieved, 1×2 < 3 → not-done
    assert (result.score, result.level) == (80.0, "not-done")


def test_half_achieved_stands() -> None:
    c = commitment(
        [
            group(
                "g1",
                [
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 100)], id="a"),  # 1
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 100)], id="b"),  # 1
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 60)], id="c"),  # 0.6
                    indicator(100, D(2023, 12, 31), [(D(2023, 12, 31), 60)], id="d"),  # 0.6
                ],
            ),
            group("g2", []),
            group("g3", []),
        ]
    )
    result = score_unit("phuong-1", [c], YEAR_END, RULES)
    # 100 × (1 + 1 + 0.6 + 0.6)/4 = 80.0; 2 of 4 achieved is not less than half → good stands
    assert (result.score, result.level) == (80.0, "good")


def test_items_on_pace_do_not_count_in_the_half_rule() -> None:
    c = commitment(
        [
            group(
                "g1",
                [
                    item("a", D(2023, 5, 31), done=D(2023, 5, 30)),  # final, on_time, 1
                    indicator(120, D(2023, 12, 31), [(D(2023, 6, 30), 30)], id="b"),  # on pace: behind, 30 / 59.3407
                    indicator(120, D(2023, 12, 31), id="c"),  # on pace: no_report, 0
                ],
            ),
            group("g2", []),
            group("g3", []),
        ]
    )
    result = score_unit("phuong-1", [c], Q2, RULES)
    # 100 × (1 + 30×364/21600 + 0)/3 = 100 × (1 + 0.505556)/3 = 50.185 → 50.2; 1 of 1 final achieved → done stands
    assert (result.score, result.level) == (50.2, "done")


# ---------------------------------------------------------------------------------------------------------------
# a person's month

MAY = Judging(month_period("2023-05"), D(2023, 6, 10))  # C = 31 May, reviews written by 10 June count


@pytest.mark.parametrize(
    ("due", "done", "review", "state", "credit"),
    [
        # on time, no review: (1 + 1 + 1)/3 = 1
        (D(2023, 5, 15), D(2023, 5, 10), None, "on_time", 1.0),
        # 1 quality fail: quality 1 − 0.25 = 0.75; (1 + 0.75 + 1)/3 = 0.916667
        (D(2023, 5, 15), D(2023, 5, 10), {"on": D(2023, 6, 2), "quality_fails": 1}, "on_time", 2.75 / 3),
        # 2 quality fails, 0 delays: (1 + 0.5 + 1)/3 = 0.833333
        (D(2023, 5, 15), D(2023, 5, 10), {"on": D(2023, 6, 2), "quality_fails": 2, "delays": 0}, "on_time", 2.5 / 3),
        # 5 quality fails: max(0, 1 − 1.25) = 0; (1 + 0 + 1)/3
        (D(2023, 5, 15), D(2023, 5, 10), {"on": D(2023, 6, 2), "quality_fails": 5}, "on_time", 2 / 3),
        # late, no review: delays default to 1, progress 0.75; (1 + 1 + 0.75)/3
        (D(2023, 5, 15), D(2023, 5, 20), None, "late", 2.75 / 3),
        # late, a review without delays: still 1 delay
        (D(2023, 5, 15), D(2023, 5, 20), {"on": D(2023, 6, 2)}, "late", 2.75 / 3),
        # late, 2 delays written: progress 0.5; (1 + 1 + 0.5)/3
        (D(2023, 5, 15), D(2023, 5, 20), {"on": D(2023, 6, 2), "delays": 2}, "late", 2.5 / 3),
        # late with 1 fail and 1 delay: (1 + 0.75 + 0.75)/3
        (D(2023, 5, 15), D(2023, 5, 20), {"on": D(2023, 6, 2), "quality_fails": 1}, "late", 2.5 / 3),
        # excused waives both deductions: (1 + 1 + 1)/3
        (
            D(2023, 5, 15),
            D(2023, 5, 25),
            {"on": D(2023, 6, 2), "quality_fails": 2, "delays": 3, "excused": True},
            "late",
            1.0,
        ),
        # a review written after D (15 June > 10 June) does not count yet
        (D(2023, 5, 15), D(2023, 5, 10), {"on": D(2023, 6, 15), "quality_fails": 2}, "on_time", 1.0),
        # not done, due 20 May is past → 0
        (D(2023, 5, 20), None, None, "undone", 0.0),
        # excused does not rescue a task never done
        (D(2023, 5, 20), None, {"on": D(2023, 6, 2), "excused": True}, "undone", 0.0),
    ],
)
def test_score_task(
    due: dt.date, done: dt.date | None, review: dict[str, Any] | None, state: str, credit: float
) -> None:
    r = score_task(Task.model_validate(task("t1", due, done, review=review)), MAY, RULES)
    assert r.state == state
    assert r.credit == pytest.approx(credit)


def test_an_open_task_is_left_out() -> None:
    r = score_task(
        Task.model_validate(task("t1", D(2023, 5, 31))), Judging(month_period("2023-05"), D(2023, 5, 20)), RULES
    )
    assert (r.state, r.credit) == ("open", None)


MAY_TASKS = [
    task("t1", D(2023, 5, 15), D(2023, 5, 10), weight=2, review={"on": D(2023, 6, 2), "quality_fails": 1}),  # 11/12
    task("t2", D(2023, 5, 15), D(2023, 5, 20), review={"on": D(2023, 6, 2)}),  # late, 1 delay: 11/12
    task("t3", D(2023, 5, 20)),  # not done, past: 0
]
# weighted mean = (2 × 11/12 + 1 × 11/12 + 1 × 0) / 4 = (33/12)/4 = 0.6875; task_results = 70 × 0.6875 = 48.125


def test_score_month_is_general_plus_task_results() -> None:
    m = score_month(
        plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 5), "general": 27, "level": "good"}),
        person(),
        D(2023, 6, 10),
        RULES,
    )
    assert m.task_results == pytest.approx(48.125)
    # 27 + 48.125 = 75.125 → 75.1, good (70 ≤ 75.1 < 90)
    assert (m.score, m.provisional, m.computed, m.concluded, m.level, m.general) == (
        75.1,
        False,
        "good",
        "good",
        "good",
        27,
    )
    assert [t.state for t in m.tasks] == ["on_time", "late", "undone"]


def test_score_month_is_provisional_without_general() -> None:
    # 48.125 / 0.7 = 68.75 → 68.8; done (50 ≤ 68.8 < 70)
    m = score_month(plan("2023-05", MAY_TASKS), person(), D(2023, 6, 10), RULES)
    assert (m.score, m.provisional, m.computed, m.concluded) == (68.8, True, "done", None)
    # a rating with a level but no general: still provisional, and the level is concluded
    m = score_month(plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 5), "level": "good"}), person(), D(2023, 6, 10), RULES)
    assert (m.score, m.provisional, m.computed, m.concluded, m.level) == (68.8, True, "done", "good", "good")


def test_a_rating_dated_after_d_does_not_count_yet() -> None:
    m = score_month(
        plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 15), "general": 27, "level": "excellent"}),
        person(),
        D(2023, 6, 10),
        RULES,
    )
    assert (m.score, m.provisional, m.general, m.concluded, m.level) == (68.8, True, None, None, "done")


def test_open_tasks_are_left_out_of_the_month() -> None:
    tasks = [task("t1", D(2023, 5, 10), D(2023, 5, 9)), task("t2", D(2023, 5, 31))]
    m = score_month(plan("2023-05", tasks), person(), D(2023, 5, 20), RULES)
    # t2 is open (due 31 May, D 20 May); t1 alone: 70 × 1 = 70; provisional 70 / 0.7 = 100.0
    assert (m.task_results, m.score, m.provisional, m.computed) == (70.0, 100.0, True, "excellent")
    only_open = score_month(plan("2023-05", [task("t2", D(2023, 5, 31))]), person(), D(2023, 5, 20), RULES)
    assert (only_open.score, only_open.computed, only_open.provisional) == (None, None, True)


def test_discipline_within_the_month_makes_it_not_done() -> None:
    rating = {"on": D(2023, 6, 5), "general": 30}
    perfect = [task("t1", D(2023, 5, 10), D(2023, 5, 9))]  # 30 + 70 = 100
    m = score_month(
        plan("2023-05", perfect, rating), person([{"on": D(2023, 5, 20), "form": "khiển trách"}]), D(2023, 6, 10), RULES
    )
    assert (m.score, m.computed, m.disciplined) == (100.0, "not-done", True)
    assert [d.form for d in m.discipline] == ["khiển trách"]
    # a decision of 1 June falls outside May
    m = score_month(
        plan("2023-05", perfect, rating), person([{"on": D(2023, 6, 1), "form": "khiển trách"}]), D(2023, 6, 10), RULES
    )
    assert (m.score, m.computed, m.disciplined) == (100.0, "excellent", False)


def test_the_concluded_level_is_the_rating_level() -> None:
    # computed 75.1 good, concluded excellent: the official level is the concluded one
    m = score_month(
        plan(
            "2023-05",
            MAY_TASKS,
            {"on": D(2023, 6, 5), "general": 27, "level": "excellent", "reason": "thành tích đột xuất"},
        ),
        person(),
        D(2023, 6, 10),
        RULES,
    )
    assert (m.computed, m.concluded, m.level) == ("good", "excellent", "excellent")


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (100, "excellent"),
        (90, "excellent"),
        (89.9, "good"),
        (70, "good"),
        (69.9, "done"),
        (50, "done"),
        (49.9, "not-done"),
        (0, "not-done"),
    ],
)
def test_levels_from_thresholds(score: float, level: str) -> None:
    assert level_of(score, RULES) == level


# ---------------------------------------------------------------------------------------------------------------
# a person over a longer period


def quarter_months(discipline: Sequence[dict[str, Any]] = (), june_rating: bool = False) -> tuple[list[Any], Person]:
    who = person(discipline)
    april = plan(
        "2023-04", [task("t1", D(2023, 4, 10), D(2023, 4, 9))], {"on": D(2023, 5, 5), "general": 28}
    )  # 28 + 70 = 98.0
    may = plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 5), "general": 27})  # 75.1 (above)
    june_tasks = [task("t1", D(2023, 6, 10), D(2023, 6, 12))]  # late, 1 delay: 11/12; 70 × 11/12 = 64.1667
    # June: no rating → provisional 64.1667 / 0.7 = 91.667 → 91.7; with general 25: 25 + 64.1667 = 89.1667 → 89.2
    june = plan("2023-06", june_tasks, {"on": D(2023, 7, 5), "general": 25} if june_rating else None)
    return [score_month(p, who, D(2023, 7, 10), RULES) for p in (april, may, june)], who


def test_period_score_is_the_mean_of_the_months() -> None:
    months, who = quarter_months()
    assert [m.score for m in months] == [98.0, 75.1, 91.7]
    # (98.0 + 75.1 + 91.7)/3 = 264.8/3 = 88.267 → 88.3, good; June is provisional, so the quarter is
    assert period_score(months, who, D(2023, 4, 1), D(2023, 6, 30)) == (88.3, "good", True)
    months, who = quarter_months(june_rating=True)
    # (98.0 + 75.1 + 89.2)/3 = 262.3/3 = 87.433 → 87.4, good, nothing provisional
    assert period_score(months, who, D(2023, 4, 1), D(2023, 6, 30)) == (87.4, "good", False)


def test_discipline_in_the_period_makes_it_not_done() -> None:
    months, who = quarter_months([{"on": D(2023, 4, 20), "form": "khiển trách"}])
    assert period_score(months, who, D(2023, 4, 1), D(2023, 6, 30)) == (88.3, "not-done", True)


def test_discipline_in_the_period_counts_even_with_a_single_plan() -> None:
    who = person([{"on": D(2023, 6, 10), "form": "khiển trách"}])
    may = score_month(
        plan("2023-05", [task("t1", D(2023, 5, 10), D(2023, 5, 9))], {"on": D(2023, 6, 5), "general": 30}),
        who,
        D(2023, 7, 10),
        RULES,
    )
    assert (may.score, may.computed) == (100.0, "excellent")  # 30 + 70; June's discipline is outside May
    # Q2: "Any discipline in the period makes it not-done"
    assert period_score([may], who, D(2023, 4, 1), D(2023, 6, 30)) == (100.0, "not-done", False)


def test_period_score_levels_and_only_months_with_a_score() -> None:
    months, who = quarter_months()
    # a month with no scored task has no score and is left out of the mean: (98.0 + 75.1)/2 = 86.55 → 86.6
    empty = score_month(plan("2023-06", [task("t1", D(2023, 6, 30))]), who, D(2023, 6, 20), RULES)
    assert empty.score is None
    assert period_score([months[0], months[1], empty], who, D(2023, 4, 1), D(2023, 6, 30))[0] == 86.6


# ---------------------------------------------------------------------------------------------------------------
# a person over a longer period: a proposed level beside the concluded months


def test_a_longer_period_proposes_a_level_and_counts_the_concluded_months() -> None:
    months, who = quarter_months(june_rating=True)
    level = period_level(months, who, D(2023, 4, 1), D(2023, 6, 30), RULES)
    # April and May are rated without a level, June too: no month has a concluded level yet
    assert (level.level, level.basis, level.proposed, level.concluded_months) == ("good", "proposed", "good", {})
    april = plan(
        "2023-04",
        [task("t1", D(2023, 4, 10), D(2023, 4, 9))],
        {"on": D(2023, 5, 5), "general": 28, "level": "excellent"},
    )
    may = plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 5), "general": 27, "level": "good"})
    rated = [score_month(p, who, D(2023, 7, 10), RULES) for p in (april, may)]
    level = period_level(rated, who, D(2023, 4, 1), D(2023, 6, 30), RULES)
    # (98.0 + 75.1) / 2 = 86.55 → 86.6, proposed good; concluded: 1 excellent, 1 good
    assert (level.score, level.level, level.basis) == (86.6, "good", "proposed")
    assert level.concluded_months == {"excellent": 1, "good": 1}


def test_a_one_month_period_keeps_the_month_level_and_says_which() -> None:
    who = person()
    may = plan("2023-05", MAY_TASKS, {"on": D(2023, 6, 5), "general": 27, "level": "excellent", "reason": "x"})
    month = score_month(may, who, D(2023, 6, 10), RULES)
    level = period_level([month], who, D(2023, 5, 1), D(2023, 5, 31), RULES)
    assert (level.level, level.basis, level.proposed) == ("excellent", "concluded", None)
    unrated = score_month(plan("2023-05", MAY_TASKS), who, D(2023, 6, 10), RULES)
    level = period_level([unrated], who, D(2023, 5, 1), D(2023, 5, 31), RULES)
    assert (level.level, level.basis, level.proposed) == ("done", "computed", None)  # 68.8, provisional


# ---------------------------------------------------------------------------------------------------------------
# quota: concluded ratings only, within rating groups


@pytest.mark.parametrize(
    ("good", "allowed"),
    [(5, 1), (4, 0), (10, 2), (0, 0), (9, 1)],  # floor(0.2 × good), with 0.2 × 5 = 1.0 exactly
)
def test_allowed_excellent(good: int, allowed: int) -> None:
    assert allowed_excellent(good, RULES) == allowed


PARENTS = {"huyen-uy": None, "xa-a": "huyen-uy", "xa-b": "huyen-uy", "to-1": "xa-a"}


def rated(person: str, unit: str, level: str, on: dt.date, month: str = "2023-05") -> Rated:
    return Rated(person, unit, month, level, on, f"2023/plans/{month}/{person}.yaml")


def test_small_units_are_pooled_up_the_tree() -> None:
    from collections import Counter

    # xa-a has 6 rated: its own group; xa-b 2 and to-1 1: pooled; to-1 into xa-a, xa-b into huyen-uy (which has 3)
    groups = rating_groups(PARENTS, Counter({"xa-a": 5, "to-1": 1, "xa-b": 2, "huyen-uy": 3}), 5)
    assert groups == {"huyen-uy": "huyen-uy", "xa-a": "xa-a", "to-1": "xa-a", "xa-b": "huyen-uy"}
    # huyen-uy with xa-b: 3 + 2 = 5, a group of its own; with 2 of its own it would still be the root
    groups = rating_groups(PARENTS, Counter({"xa-b": 2, "huyen-uy": 1}), 5)
    assert groups["xa-b"] == "huyen-uy" and groups["xa-a"] == "huyen-uy"


def test_a_two_person_unit_pooled_with_its_parent_is_not_over() -> None:
    # xa-b alone: 1 excellent, 1 good → floor(0.2 × 1) = 0 allowed: over. Pooled with huyen-uy's 4 good and 0
    # excellent: 1 excellent, 5 good → floor(0.2 × 5) = 1 allowed: not over.
    ratings = [rated("b1", "xa-b", "excellent", D(2023, 6, 5)), rated("b2", "xa-b", "good", D(2023, 6, 5))]
    ratings += [rated(f"h{i}", "huyen-uy", "good", D(2023, 6, 6)) for i in range(4)]
    [group] = group_months(ratings, PARENTS, RULES, 5)
    assert (group.root, group.units, group.excellent, group.good, group.allowed_excellent, group.over) == (
        "huyen-uy",
        ("huyen-uy", "xa-b"),
        1,
        5,
        1,
        False,
    )
    alone = group_months(ratings[:2], {"xa-b": None}, RULES, 5)[0]
    assert (alone.excellent, alone.good, alone.allowed_excellent, alone.over) == (1, 1, 0, True)


def test_the_excess_is_the_excellent_ratings_dated_last() -> None:
    ratings = [rated(f"g{i}", "xa-a", "good", D(2023, 6, 5)) for i in range(5)]  # floor(0.2 × 5) = 1 allowed
    ratings += [
        rated("e1", "xa-a", "excellent", D(2023, 6, 3)),
        rated("e2", "xa-a", "excellent", D(2023, 6, 9)),
        rated("e3", "xa-a", "excellent", D(2023, 6, 7)),
    ]
    [group] = group_months(ratings, {"xa-a": None}, RULES, 5)
    assert (group.excellent, group.allowed_excellent) == (3, 1)
    assert [r.person for r in group.excess] == ["e2", "e3"]  # 3 − 1 = 2 over: the two dated last


def test_no_quota_before_any_rating() -> None:
    assert group_months([], PARENTS, RULES, 5) == []


# ---------------------------------------------------------------------------------------------------------------
# misses and escalation: times assigned work was not completed


def month_plan(month: str, kind: str, rating: dict[str, Any] | None = None) -> Doc[Plan]:
    """A plan whose one task (due the 10th) is on time, late (the 13th), done after the review deadline (the
    6th of next month), late but excused, or never done (two tasks)."""
    due = D(int(month[:4]), int(month[5:]), 10)
    review = {"on": due + dt.timedelta(days=25)}
    after_deadline = month_period(month).end + dt.timedelta(days=6)
    tasks = {
        "on_time": [task("t1", due, due - dt.timedelta(days=1), review=review)],
        "late": [task("t1", due, due + dt.timedelta(days=3), review=review)],
        "after_deadline": [task("t1", due, after_deadline)],
        "excused": [task("t1", due, review={**review, "excused": True})],
        "undone": [task("t1", due), task("t2", due, due)],
    }[kind]
    return plan(month, tasks, rating)


def test_a_task_done_late_but_by_the_review_deadline_is_no_miss() -> None:
    # due 10 March, done 13 March; the deadline is 31 March + 5 grace days = 5 April
    assert misses([month_plan("2023-03", "late")], D(2023, 4, 20)) == []
    # done 6 April, the day after the deadline: not completed by then
    assert misses([month_plan("2023-03", "after_deadline")], D(2023, 4, 20)) == ["2023-03"]


def test_an_undone_task_is_a_miss_once_the_deadline_has_passed_and_the_evidence_is_exactly_it() -> None:
    undone = month_plan("2023-03", "undone")  # t1 never done; t2 done on time
    assert month_miss(undone, D(2023, 4, 5), RULES) is None  # the deadline day itself: not yet
    miss = month_miss(undone, D(2023, 4, 6), RULES)
    assert miss is not None
    assert (miss.month, miss.deadline, miss.concluded_not_done) == ("2023-03", D(2023, 4, 5), None)
    assert [(e.ref, e.path, e.at) for e in miss.tasks] == [
        ("tran-van-b/2023-03/t1", "2023/plans/2023-03/tran-van-b.yaml", ("tasks", 0))
    ]


def test_an_excused_task_is_no_miss_once_the_excuse_is_written() -> None:
    # the excusing review is dated 4 April; as of 6 April it is written
    assert misses([month_plan("2023-03", "excused")], D(2023, 4, 6)) == []
    # a review dated after D is not written yet: as of 3 April the deadline has not passed either
    assert misses([month_plan("2023-03", "excused")], D(2023, 4, 3)) == []


def test_a_month_concluded_not_done_is_a_miss() -> None:
    concluded = month_plan("2023-03", "on_time", {"on": D(2023, 4, 10), "level": "not-done"})
    assert misses([concluded], D(2023, 4, 20)) == ["2023-03"]
    miss = month_miss(concluded, D(2023, 4, 20), RULES)
    assert miss is not None and miss.tasks == () and miss.concluded_not_done is not None
    assert miss.concluded_not_done.at == ("rating", "level")
    assert misses([concluded], D(2023, 4, 5)) == []  # the rating is not written yet


@pytest.mark.parametrize(
    ("count", "step"),
    [(0, None), (1, "reminder"), (2, "suspension"), (3, "discipline"), (4, "discipline"), (7, "discipline")],
)
def test_escalation_step(count: int, step: str | None) -> None:
    assert escalation_step(count, RULES) == step


def test_escalation_across_months() -> None:
    plans = [
        month_plan("2023-01", "undone"),  # a miss from 6 February
        month_plan("2023-02", "on_time"),
        month_plan("2023-03", "late"),  # done by the deadline: no miss
        month_plan("2023-04", "on_time", {"on": D(2023, 5, 5), "level": "not-done"}),  # a miss from 5 May
        month_plan("2023-05", "after_deadline"),  # done 6 June: a miss from 6 June
    ]
    seen = [misses(plans[:n], D(2023, n + 1, 8)) for n in (1, 2, 3, 4, 5)]
    assert seen == [["2023-01"], ["2023-01"], ["2023-01"], ["2023-01", "2023-04"], ["2023-01", "2023-04", "2023-05"]]
    found = escalation((month_miss(p, D(2023, 6, 8), RULES) for p in plans), 2023, RULES)
    assert (found.count, found.step, [m.month for m in found.misses]) == (
        3,
        "discipline",
        ["2023-01", "2023-04", "2023-05"],
    )
    assert escalation((month_miss(p, D(2023, 6, 8), RULES) for p in plans), 2022, RULES).step is None


# ---------------------------------------------------------------------------------------------------------------
# key issues


def issue(n: int, due: dt.date, resolved: dt.date | None) -> Issue:
    data: dict[str, Any] = {
        "kind": "issue",
        "id": f"i{n}",
        "title": f"Issue {n}",
        "raised": D(2023, 1, 2),
        "raised_by": "phuong-1",
        "handled_by": "phuong-1",
        "lead": "nguyen-van-a",
        "due": due,
    }
    if resolved:
        data["resolved"] = resolved
    return Issue.model_validate(data)


def test_issue_share_at_the_boundary() -> None:
    due = D(2023, 6, 30)
    five = [issue(i, due, D(2023, 6, 1)) for i in range(4)] + [issue(4, due, None)]
    share = issue_share(five, 2023, D(2023, 12, 31), RULES)
    assert (share.due, share.resolved_on_time, share.share, share.met) == (5, 4, 0.8, True)  # 4/5 = 0.8 ≥ 0.8
    four = [issue(i, due, D(2023, 6, 1)) for i in range(3)] + [issue(3, due, D(2023, 7, 15))]  # one resolved late
    share = issue_share(four, 2023, D(2023, 12, 31), RULES)
    assert (share.due, share.resolved_on_time, share.share, share.met) == (4, 3, 0.75, False)  # 3/4 = 0.75 < 0.8
    assert share.as_dict() == {"due": 4, "resolved_on_time": 3, "share": 0.75, "target": 0.8, "met": False}


def test_which_issues_count_in_the_share() -> None:
    issues = [
        issue(1, D(2023, 10, 31), None),  # due after D, open: not yet counted
        issue(2, D(2023, 10, 31), D(2023, 6, 1)),  # resolved early: counted, on time
        issue(3, D(2023, 6, 30), None),  # due before D, open: counted, not on time
        issue(4, D(2022, 6, 30), D(2022, 6, 1)),  # another year
        issue(5, D(2023, 7, 10), None),  # due on D: not before D → not yet counted
        issue(6, D(2023, 10, 31), D(2023, 7, 20)),  # resolved after D: not yet known
    ]
    share = issue_share(issues, 2023, D(2023, 7, 10), RULES)
    assert (share.due, share.resolved_on_time, share.share, share.met) == (2, 1, 0.5, False)  # 1/2
    assert issue_share([], 2023, D(2023, 7, 10), RULES).as_dict() == {
        "due": 0,
        "resolved_on_time": 0,
        "share": None,
        "target": 0.8,
        "met": None,
    }


# ---------------------------------------------------------------------------------------------------------------
# rule sets


def test_the_default_rules_are_nd335() -> None:
    assert rules_for(DEFAULT_CONFIG) == ND335
    assert (ND335.excellent, ND335.good, ND335.done, ND335.late_credit, ND335.excellent_per_good) == (
        90,
        70,
        50,
        0.5,
        0.2,
    )
    assert (ND335.general_max, ND335.task_max, ND335.deduction, ND335.due_soon_days, ND335.issues_target) == (
        30,
        70,
        0.25,
        14,
        0.8,
    )


def test_acct_yaml_overrides_apply_and_unset_keys_keep_nd335() -> None:
    config = Config.model_validate(
        {
            "acct": 1,
            "thresholds": {"excellent": 85},
            "late_credit": 0.25,
            "quota": {"excellent_per_good": 0.5},
            "due_soon_days": 7,
            "issues_target": 0.9,
        }
    )
    rules = rules_for(config)
    assert (rules.excellent, rules.good, rules.done) == (85, 70, 50)
    assert (rules.late_credit, rules.excellent_per_good, rules.due_soon_days, rules.issues_target) == (
        0.25,
        0.5,
        7,
        0.9,
    )
    assert (rules.grace_days, rules.deduction, rules.general_max, rules.task_max, rules.name) == (
        5,
        0.25,
        30,
        70,
        "nd335",
    )
    # and they reach the arithmetic
    assert level_of(86, rules) == "excellent"
    assert allowed_excellent(2, rules) == 1  # floor(0.5 × 2) = 1
    r = judge_item(item("x", D(2023, 6, 30), done=D(2023, 7, 1)), "g", judged("2023", D(2023, 7, 10)), rules)
    assert r.credit == 0.25
    r = judge_item(item("x", D(2023, 7, 18)), "g", judged("2023", D(2023, 7, 10)), rules)
    assert r.due_soon is False  # 8 days > 7


def test_each_default_is_held_once_so_writing_it_out_changes_nothing() -> None:
    # acct.yaml's defaults are the rule set's: a file that writes every default gives the rules of one that writes
    # none, and a model revived from a full dump (as a cache might keep it) gives them too.
    written = Config.model_validate(
        {
            "acct": 1,
            "thresholds": {"excellent": 90, "good": 70, "done": 50},
            "quota": {"excellent_per_good": 0.2, "min_group": 5},
            "late_credit": 0.5,
            "due_soon_days": 14,
            "grace_days": 5,
            "issues_target": 0.8,
        }
    )
    assert rules_for(written) == rules_for(DEFAULT_CONFIG) == ND335
    revived = Config.model_validate_json(DEFAULT_CONFIG.model_dump_json(by_alias=True))
    assert rules_for(revived) == ND335
    changed = Config.model_validate({"acct": 1, "thresholds": {"good": 75}, "grace_days": 7})
    assert (rules_for(changed).good, rules_for(changed).excellent, rules_for(changed).grace_days) == (75, 90, 7)
