"""What the speed package keeps per plan and per interval of D gives, for every D, what the plain runner computes:
the judged months, the plans' problems as of D, and what is overdue. And D traced through its comparisons gives exact intervals."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountability.engine import PlainRunner, check, judge_months, open_deadlines
from accountability.files.read import Loaded
from accountability.queries.overdue import find_overdue
from accountability.speed.runner import FastRunner
from accountability.speed.traced import traced

DAYS = st.dates(dt.date(2022, 12, 1), dt.date(2024, 2, 1))


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("memo") / "commitments"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".acct-cache"))
    return root


class ReadOnce(PlainRunner):
    """The plain runner, each file parsed once for the whole module: the files never change here."""

    parsed: dict[str, Loaded] = {}

    def read(self, root: Path, paths: Sequence[str]) -> list[Loaded]:
        missing = [p for p in paths if p not in self.parsed]
        self.parsed.update(zip(missing, super().read(root, missing), strict=True))
        return [self.parsed[p] for p in paths]


@functools.cache
def plain(root: Path, day: dt.date) -> tuple[list[object], ...]:
    runner = ReadOnce()
    outcome = check(root, day, runner)
    overdue = sorted(find_overdue(outcome.tracker, day), key=lambda f: f.sort_key)
    return outcome.problems, judge_months(outcome, runner, day), overdue  # type: ignore[return-value]


def fast(root: Path, day: dt.date) -> tuple[list[object], ...]:
    runner = FastRunner(root)
    try:
        outcome = check(root, day, runner, keep_plans=False)
        overdue = find_overdue(
            outcome.tracker, day, None, lambda until: (open_deadlines(outcome, runner, day, until), outcome.plan_months)
        )
        return outcome.problems, judge_months(outcome, runner, day), sorted(overdue, key=lambda f: f.sort_key)  # type: ignore[return-value]
    finally:
        runner.close()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days=st.lists(DAYS, min_size=2, max_size=2))
def test_kept_judgements_and_rules_give_the_plain_answer_for_every_date(copy: Path, days: list[dt.date]) -> None:
    for day in days:  # each date after the first may be answered from what an earlier one kept
        assert fast(copy, day) == plain(copy, day)


def test_a_date_inside_a_kept_interval_reads_no_plan(copy: Path) -> None:
    fast(copy, dt.date(2024, 1, 10))
    runner = FastRunner(copy)
    read: list[str] = []
    original = runner.read
    runner.read = lambda root, paths: read.extend(p for p in paths if "/plans/" in p) or original(root, paths)  # type: ignore[method-assign]
    try:
        outcome = check(copy, dt.date(2024, 1, 11), runner, keep_plans=False)
        judge_months(outcome, runner, dt.date(2024, 1, 11))
    finally:
        runner.close()
    assert read == []


def test_a_traced_date_knows_which_dates_answer_the_same() -> None:
    june_15 = dt.date(2023, 6, 15)
    assert traced(lambda d: d < dt.date(2023, 7, 1), june_15)[1:] == (dt.date.min, dt.date(2023, 6, 30))
    assert traced(lambda d: dt.date(2023, 6, 1) <= d, june_15)[1:] == (dt.date(2023, 6, 1), dt.date.max)
    both = traced(lambda d: dt.date(2023, 6, 1) <= d <= dt.date(2023, 6, 20), june_15)
    assert both == (True, dt.date(2023, 6, 1), dt.date(2023, 6, 20))
    assert traced(lambda d: min(d, dt.date(2023, 5, 31)), june_15) == (
        dt.date(2023, 5, 31),
        dt.date(2023, 6, 1),
        dt.date.max,
    )
    assert traced(lambda d: d == dt.date(2023, 6, 20), june_15)[1:] == (dt.date.min, dt.date(2023, 6, 19))


@pytest.mark.parametrize(
    "use",
    [
        lambda d: d.year,
        lambda d: (d - dt.date(2023, 1, 1)).days,
        lambda d: d.isoformat(),
        lambda d: {d: 1},
        lambda d: f"{d}",
        lambda d: d,  # the result holds D itself
    ],
)
def test_any_other_use_of_the_date_holds_for_that_date_alone(use: object) -> None:
    june_15 = dt.date(2023, 6, 15)
    assert traced(use, june_15)[1:] == (june_15, june_15)  # type: ignore[arg-type]
