"""Every number is finite and in its field's range, every date is an ASCII ISO date in 1900–2999, so that nothing a
file or an argument holds can make a score NaN or an overdue date overflow (docs/format.md, "Ranges")."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from conftest import AS_OF, COMMITMENT, ISSUE, PLAN, write_tracker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from accountability.cli import app
from accountability.engine import check
from accountability.periods import parse_period
from accountability.scoring.scoreboard import score_tracker

C = "2023/commitments/phuong-1.yaml"
P = "2023/plans/2023-05/tran-van-b.yaml"
I = "2023/issues/lan-chiem-via-he.yaml"  # noqa: E741
WEIGHT = "        # done: written when the site is handed over\n"
TOO_LARGE = "a number too large to compute with is not valid here: input should be"

CASES = [
    ("weight 1e400", {C: COMMITMENT.replace(WEIGHT, WEIGHT + "        weight: 1e400\n")}, (C, 16, 17),
     f"{TOO_LARGE} less than or equal to 1000000"),
    ("weight 1e308", {C: COMMITMENT.replace(WEIGHT, WEIGHT + "        weight: 1e308\n")}, (C, 16, 17),
     "1e+308 is not valid here: input should be less than or equal to 1000000"),
    ("weight 0", {C: COMMITMENT.replace(WEIGHT, WEIGHT + "        weight: 0\n")}, (C, 16, 17),
     "0 is not valid here: input should be greater than 0"),
    ("target 1e16", {C: COMMITMENT.replace("value: 120", "value: 1e16")}, (C, 23, 25),
     "1e+16 is not valid here: input should be less than or equal to 1000000000000000"),
    ("report -1e400", {C: COMMITMENT.replace("value: 26.4", "value: -1e400")}, (C, 25, 37),
     f"{TOO_LARGE} greater than or equal to -1000000000000000"),
    ("threshold 1e400", {"acct.yaml": "acct: 1\nthresholds: {excellent: 1e400}\n"}, ("acct.yaml", 2, 25),
     f"{TOO_LARGE} less than or equal to 100"),
    ("thresholds out of order", {"acct.yaml": "acct: 1\nthresholds: {excellent: 60, good: 70, done: 50}\n"},
     ("acct.yaml", 2, 13), "the thresholds must go down from excellent to good to done, not 60, 70, 50; for example"
     " {excellent: 90, good: 70, done: 50}"),
    ("30-digit count", {P: PLAN.replace("quality_fails: 0", "quality_fails: " + "1" + "0" * 30)}, (P, 11, 45),
     "a number of 31 digits is not valid here: input should be less than or equal to 1000"),
    ("grace of a million days", {"acct.yaml": "acct: 1\ngrace_days: 1000000\n"}, ("acct.yaml", 2, 13),
     "1000000 is not valid here: input should be less than or equal to 366"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "files", "where", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_number_out_of_its_range_is_invalid_value_saying_the_range(
    tmp_path: Path, name: str, files: dict[str, str], where: tuple[str, int, int], message: str
) -> None:
    write_tracker(tmp_path, files)
    found = [(p.path, p.line, p.col, p.message) for p in check(tmp_path, AS_OF).problems if p.code == "invalid-value"]
    assert found == [(*where, message)]


DATES = [
    ("a month past the calendar", {P: PLAN.replace("month: 2023-05", "month: 3000-05")}, (P, 3, 8, "invalid-month"),
     "'3000-05' is outside the years acct computes with, 1900 to 2999; check the year"),
    ("the last day of 9999", {I: ISSUE.replace("due: 2023-10-31", "due: 9999-12-31")}, (I, 8, 6, "invalid-date"),
     "'9999-12-31' is outside the years acct computes with, 1900 to 2999; check the year"),
    ("year 1", {I: ISSUE.replace("raised: 2023-02-10", "raised: 0001-01-01")}, (I, 4, 9, "invalid-date"),
     "'0001-01-01' is outside the years acct computes with, 1900 to 2999; check the year"),
    ("Arabic-Indic digits", {P: PLAN.replace("month: 2023-05", "month: ٢٠٢٣-٠٥")}, (P, 3, 8, "invalid-month"),
     "'٢٠٢٣-٠٥' is not a month; write it as YYYY-MM, e.g. 2023-05"),
    ("full-width digits", {I: ISSUE.replace("due: 2023-10-31", "due: ２０２３-１０-３１")}, (I, 8, 6, "invalid-date"),
     "'２０２３-１０-３１' is not a date; write it as YYYY-MM-DD, e.g. 2023-07-15"),
    ("a month with a line break", {P: PLAN.replace("month: 2023-05", 'month: "2023-05\\n"')}, (P, 3, 8, "invalid-month"),
     "'2023-05\\n' is not a month; write it as YYYY-MM, e.g. 2023-05"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "files", "where", "message"), DATES, ids=[c[0] for c in DATES])
def test_a_date_acct_cannot_compute_with_is_refused_at_check(
    tmp_path: Path, name: str, files: dict[str, str], where: tuple[str, int, int, str], message: str
) -> None:
    write_tracker(tmp_path, files)
    found = [(p.path, p.line, p.col, p.code, p.message) for p in check(tmp_path, AS_OF).problems]
    assert (*where, message) in found


def test_a_plan_for_the_last_month_of_the_calendar_checks_and_overdue_runs(tmp_path: Path) -> None:
    # a plan near the end of the calendar once passed check and made every acct overdue crash with OverflowError
    late = PLAN.replace("2023-05", "2999-12").replace("2023-06-0", "2999-12-2").replace("2023-06-01", "2999-12-21")
    write_tracker(tmp_path, {P: None, "2999/plans/2999-12/tran-van-b.yaml": late})
    for args in (["check"], ["overdue"], ["overdue", "--within", "3660"]):
        result = CliRunner().invoke(app, [*args, "--root", str(tmp_path), "--as-of", "2999-12-31", "--no-cache"])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--as-of", "9999-12-31"], "--as-of '9999-12-31' is outside the years acct computes with, 1900 to 2999"),
        (["overdue", "--as-of", "0001-01-01"], "--as-of '0001-01-01' is outside the years acct computes with, 1900 to 2999"),
        (["check", "--as-of", "٢٠٢٣-٠٥-٠١"], "--as-of '٢٠٢٣-٠٥-٠١' is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30"),
        (["check", "--as-of", "20230630"], "--as-of '20230630' is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30"),
        (["score", "9999", "--as-of", "2023-07-10"], "'9999' is outside the years acct computes with, 1900 to 2999"),
        (["score", "2023-01-01..9999-12-31", "--as-of", "2023-07-10"], "'2023-01-01..9999-12-31' is not a period"),
        (["done", "tran-van-b/2023-05/t1", "--on", "9999-01-01"], "--on '9999-01-01' is outside the years acct"),
        (["new", "plan", "tran-van-b", "9999-12"], "'9999-12' is outside the years acct computes with, 1900 to 2999"),
    ],
)  # fmt: skip
def test_a_date_argument_outside_the_calendar_is_a_usage_error(tracker: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*args, "--root", str(tracker)])
    assert result.exit_code == 2 and result.output.startswith(f"acct: {message}"), result.output


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    weights=st.lists(st.floats(min_value=5e-324, max_value=1e6), min_size=3, max_size=3),
    target=st.floats(min_value=-1e15, max_value=1e15),
    reports=st.lists(st.floats(min_value=-1e15, max_value=1e15), min_size=2, max_size=2),
)
def test_no_score_is_ever_nan_at_the_edges_of_the_ranges(
    tmp_path_factory: pytest.TempPathFactory, weights: list[float], target: float, reports: list[float]
) -> None:
    text = (
        COMMITMENT.replace("value: 120", f"value: {target!r}")
        .replace("value: 26.4", f"value: {reports[0]!r}")
        .replace("value: 58.0", f"value: {reports[1]!r}")
        .replace("title: Giải phóng mặt bằng\n", f"title: Giải phóng mặt bằng\n    weight: {weights[0]!r}\n")
        .replace(WEIGHT, WEIGHT + f"        weight: {weights[1]!r}\n")
        .replace("title: Xây dựng Đảng\n", f"title: Xây dựng Đảng\n    weight: {weights[2]!r}\n")
    )
    root = write_tracker(tmp_path_factory.mktemp("t"), {C: text})
    result = check(root, AS_OF)
    assert not result.blocking, result.blocking
    for period in ("2023", "2023-Q2", "2023-Q3"):
        scores = score_tracker(result.tracker, parse_period(period), dt.date(2023, 12, 31))
        for unit in scores.units:
            assert unit.score is None or (math.isfinite(unit.score) and 0 <= unit.score <= 100), (unit, text)
