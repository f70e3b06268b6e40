"""The speed package (`accountability.speed`) gives the plain runner's answers with less work.

- Equivalence is a test, not a hope: on a tracker with broken files and files off the suggested layout, the fast
  runner (cold, warm, in workers, after an edit) finds exactly the problems of the plain one.
- It does less: a warm check parses nothing, an edit re-checks only the edited unit.
- Its store is never trusted: damaged entries, parts or databases are misses, and an unwritable folder only turns
  the cache off.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, run_acct

import accountability.engine as engine
from accountability.engine import PlainRunner, check, open_deadlines
from accountability.problems import Problem
from accountability.queries.overdue import find_overdue
from accountability.speed import workers
from accountability.speed.cache import FOLDER
from accountability.speed.runner import FastRunner

AS_OF = dt.date(2024, 1, 31)
BREAKAGES = [
    lambda text: text.replace("kind: plan", "kind: plam"),
    lambda text: text.replace("  - id: t1\n", "  - id: t1\n\tdue: x\n"),
    lambda text: text.replace("due: 2023-", "due: 15/07/", 1),
    lambda text: text.replace("assigned_by:", "assigned_bi:", 1),
    lambda text: text + "---\nkind: plan\n",
    lambda text: "\xff".join(text.split("\n", 1)),
]


def generated(root: Path) -> Path:
    command = [sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root)]
    command += ["--units", "6", "--people-per-unit", "8", "--months", "4", "--tasks-per-plan", "3"]
    subprocess.run(command, check=True, capture_output=True)
    return root


def broken(root: Path) -> Path:
    """Errors in every 13th plan, a plan outside any plans folder, a plan filed under a colleague's name in another
    unit's folder, the org's second half in a plans folder, and a look-alike file."""
    generated(root)
    plans = sorted((root / "2023" / "plans").rglob("*.yaml"))
    for n, path in enumerate(plans[::13]):
        text = BREAKAGES[n % len(BREAKAGES)](path.read_text(encoding="utf-8"))
        path.write_bytes(text.encode("utf-8", "surrogateescape").replace("\xff".encode(), b"\xff"))
    shutil.move(plans[1], root / "2023" / "elsewhere.yaml")
    shutil.move(plans[2], plans[2].with_name("someone-else.yaml"))
    (root / "2023" / "plans" / "notes.yaml.txt").write_text("kind: plan\n", encoding="utf-8")
    return root


def rows(problems: list[Problem]) -> list[tuple[str, int, int, str, str, str]]:
    return [(p.path, p.line, p.col, p.code, p.severity, p.message) for p in problems]


def plain(root: Path) -> list[tuple[str, int, int, str, str, str]]:
    return rows(check(root, AS_OF, PlainRunner()).problems)


def fast(root: Path, jobs: int = 1, keep_plans: bool = False) -> list[tuple[str, int, int, str, str, str]]:
    runner = FastRunner(root, jobs=jobs)
    try:
        return rows(check(root, AS_OF, runner, keep_plans=keep_plans).problems)
    finally:
        runner.close()


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return broken(tmp_path_factory.mktemp("broken"))


@pytest.fixture
def root(tracker: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "t"
    shutil.copytree(tracker, copy, ignore=shutil.ignore_patterns(FOLDER))
    return copy


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers for any number of files, on two cores, as on a district tracker."""
    monkeypatch.setattr(workers, "PARSE_IN_PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "CHECK_IN_PARALLEL_FROM", 1)


def test_the_broken_tracker_has_problems_of_every_sort(tracker: Path) -> None:
    codes = {row[3] for row in plain(tracker)}
    assert {"unknown-kind", "yaml-syntax", "invalid-date", "unknown-key", "not-utf8", "not-read", "misplaced"} <= codes


def test_cold_warm_and_in_workers_the_fast_runner_finds_what_the_plain_one_finds(root: Path, forced: None) -> None:
    expected = plain(root)
    assert fast(root, jobs=2) == expected  # cold, unit by unit in forked workers
    assert fast(root, jobs=2) == expected  # warm: every unit's part from the store
    assert fast(root, jobs=1, keep_plans=True) == expected  # the documents revived from the store
    shutil.rmtree(root / FOLDER)
    assert fast(root, jobs=1) == expected  # cold, in one process


def test_a_warm_check_parses_nothing_and_an_edit_rechecks_only_its_unit(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units: list[str] = []
    original = engine.check_unit

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        units.append(args[2])
        return original(*args, **kwargs)

    monkeypatch.setattr("accountability.speed.runner.check_unit", spy)
    fast(root)
    cold = len(units)
    assert cold >= 6
    units.clear()
    fast(root)
    assert units == []  # nothing checked again
    plan = sorted((root / "2023" / "plans" / "2023-03").glob("*.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Sửa: ", 1), encoding="utf-8")
    assert fast(root) == plain(root)
    # the edited plan's unit and no other (checked again once the misfiled file is moved to the core, which it is
    # on every run of this tracker: a plan filed under the name of someone in another unit)
    assert len(set(units)) == 1


def test_an_edited_org_checks_everything_again_and_agrees(root: Path) -> None:
    fast(root)
    org = root / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("unit: ", "unit: nowhere-", 1), encoding="utf-8")
    assert fast(root) == plain(root)


def overdue(root: Path) -> list[tuple[str, str, str]]:
    """What is overdue as of a day inside the tracker's year, from the fast runner's kept deadlines."""
    day = dt.date(2023, 3, 20)
    runner = FastRunner(root)
    try:
        outcome = check(root, day, runner, keep_plans=False)
        found = find_overdue(
            outcome.tracker, day, None, lambda until: (open_deadlines(outcome, runner, day, until), outcome.plan_months)
        )
        return sorted((f.path, f.code, str(f.title)) for f in found)
    finally:
        runner.close()


@pytest.mark.parametrize("damage", ["parts", "documents", "database", "stale parts", "deadlines"])
def test_a_damaged_store_is_a_miss_never_a_wrong_answer(root: Path, damage: str) -> None:
    expected, late = fast(root), overdue(root)
    assert late  # the generated tracker has work overdue on that day
    store = root / FOLDER / "store.sqlite3"
    if damage == "database":
        store.write_bytes(b"not a database" * 100)
    elif damage == "stale parts":  # valid JSON of another shape, with its checksum right: an older acct's part
        from accountability.speed.cache import Cache

        cache = Cache(root)
        keys = [str(row[0]) for row in cache._query("SELECT key FROM parts")]
        cache.put_parts([(k, b'{"problems": []}') for k in keys])
        cache.close()
    else:
        db = sqlite3.connect(store, isolation_level=None)
        db.execute(f"UPDATE {damage} SET value = CAST(SUBSTR(value, 1, 12) AS BLOB)")
        db.close()
    assert (fast(root), overdue(root)) == (expected, late)
    assert (fast(root), overdue(root)) == (expected, late)


def test_an_unwritable_cache_folder_only_turns_the_cache_off(root: Path) -> None:
    expected = plain(root)
    (root / FOLDER).write_text("a file where the cache folder would be", encoding="utf-8")
    assert fast(root) == expected


def test_no_cache_neither_reads_nor_writes_the_store(root: Path) -> None:
    result = run_acct("check", "--no-cache", "--as-of", AS_OF.isoformat(), cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (root / FOLDER).exists()


def test_a_file_edited_while_it_is_checked_leaves_no_part_under_its_old_key(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast(root)
    plan = sorted((root / "2023" / "plans" / "2023-02").glob("*.yaml"))[0]
    original = engine.check_unit
    edited = plan.read_text(encoding="utf-8").replace("title: ", "title: Sửa lần hai: ", 1)

    def edit_during(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = original(*args, **kwargs)
        plan.write_text(edited, encoding="utf-8")  # after its bytes were read, before its part is kept
        return found

    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Sửa: ", 1), encoding="utf-8")
    monkeypatch.setattr("accountability.speed.runner.check_unit", edit_during)
    fast(root)
    monkeypatch.undo()
    assert fast(root) == plain(root)


def test_the_installed_command_prints_the_same_with_and_without_the_cache(root: Path) -> None:
    args = ("check", "--as-of", AS_OF.isoformat(), "--format", "json")
    fresh = run_acct(*args, "--no-cache", cwd=root)
    assert run_acct(*args, cwd=root).stdout == fresh.stdout
    assert run_acct(*args, cwd=root).stdout == fresh.stdout
    assert os.path.isdir(root / FOLDER)
