"""A whole check done unit by unit in workers (`accountability.speed.unitwise`) gives exactly the parts of the general way
(load everything, then check), on a tracker with errors in many files and files off the suggested layout; where the
layout misleads it, it gives up and the general way answers. A first run reads no file before its workers do."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml
from conftest import run_acct
from test_parallel import broken_tracker
from test_sharded import rows

from accountability.engine import check
from accountability.files.discover import tracker_files
from accountability.files.read import file_keys
from accountability.speed import sharded, unitwise
from accountability.speed.cache import Cache, content_key
from accountability.speed.unitwise import Checked, check_unitwise

AS_OF = dt.date(2024, 1, 31)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return broken_tracker(tmp_path / "t")


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit by unit with two workers, whatever the tracker's size and the machine's cores."""
    monkeypatch.setattr(unitwise, "UNITWISE_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def plans_of(root: Path, month: str) -> list[Path]:
    return sorted((root / "2023" / "plans" / month).glob("*.yaml"))


def person_of(plan: Path) -> str:
    return plan.read_text(encoding="utf-8").split("\nperson: ", 1)[1].split("\n", 1)[0]


def move_plan(root: Path, plan: Path, to: Path) -> None:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(plan, to)


def both_ways(root: Path) -> tuple[Checked | None, Checked]:
    keys = file_keys(root)
    paths = list(keys)
    with_workers = check_unitwise(root, AS_OF, paths, dict(keys), Cache(root), workers=2)
    general = sharded._load_and_check(root, AS_OF, Cache(root), dict(keys), None)
    return with_workers, general


def same_parts(a: Checked, b: Checked) -> None:
    assert rows(a.core) == rows(b.core)
    assert {unit: (paths, rows(found)) for unit, (paths, found) in a.units.items()} == {
        unit: (paths, rows(found)) for unit, (paths, found) in b.units.items()
    }
    assert a.persons == b.persons
    assert a.people == b.people


def units_of(root: Path) -> dict[str, str]:
    org = yaml.safe_load((root / "org.yaml").read_text(encoding="utf-8"))
    return {person["id"]: person["unit"] for person in org["people"]}


def test_unit_by_unit_gives_the_parts_of_the_general_way(root: Path, forced: None) -> None:
    january = plans_of(root, "2023-01")
    units = units_of(root)
    # Off the layout but still checkable: a plan outside any plans folder, a plan filed under the name of a colleague
    # in the same unit, and the plan of someone org does not know.
    move_plan(root, january[0], root / "2023" / "extra" / january[0].name)
    person = person_of(january[1])
    colleague = next(p for p, unit in units.items() if unit == units[person] and p != person)
    move_plan(root, january[1], root / "2023" / "plans" / "bo-sung" / f"{colleague}.yaml")
    ghost = january[2].read_text(encoding="utf-8").replace(f"person: {person_of(january[2])}", "person: nguoi-la")
    (january[2].parent / "nguoi-la.yaml").write_text(ghost, encoding="utf-8")

    with_workers, general = both_ways(root)
    assert with_workers is not None
    same_parts(with_workers, general)
    assert len(general.core) > 30  # the broken files' problems, which are the core's
    assert "unknown-person" in {p.code for p in general.units["?nguoi-la"][1]}
    assert general.persons[f"2023/plans/bo-sung/{colleague}.yaml"] == person


@pytest.mark.parametrize("misfiled", ["org in a plans folder", "plan named after someone of another unit"])
def test_a_misleading_layout_falls_back_to_the_general_way(root: Path, misfiled: str, forced: None) -> None:
    january = plans_of(root, "2023-01")
    if misfiled == "org in a plans folder":
        (root / "2023" / "plans" / "2023-01" / "to-chuc.yaml").write_text(
            "kind: org\nunits: []\npeople:\n  - {id: can-bo-moi, name: Cán bộ mới, unit: don-vi-001}\n",
            encoding="utf-8",
        )
    else:  # two plans of people in different units, each under the other's name
        units = units_of(root)
        first = january[0]
        last = next(p for p in january if units[person_of(p)] != units[person_of(first)])
        shutil.move(first, first.with_name("tam.yaml"))
        shutil.move(last, first)
        shutil.move(first.with_name("tam.yaml"), last)
    with_workers, _ = both_ways(root)
    assert with_workers is None
    problems, files = sharded.sharded_check(root, AS_OF)
    full = check(root, AS_OF, cache=False)
    assert rows(problems) == rows(full.problems)
    assert files == full.tracker.files


def test_the_sharded_check_through_the_workers_is_the_full_check(
    root: Path, forced: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[Checked | None] = []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        answers.append(check_unitwise(*args, **kwargs))
        return answers[-1]

    monkeypatch.setattr(sharded, "check_unitwise", spy)
    problems, files = sharded.sharded_check(root, AS_OF)
    assert len(answers) == 1 and answers[0] is not None  # the workers answered
    full = check(root, AS_OF, cache=False)
    assert rows(problems) == rows(full.problems)
    assert files == full.tracker.files == len(tracker_files(root))
    # and the parts it kept serve the next run, which checks nothing again
    again, _ = sharded.sharded_check(root, AS_OF)
    assert rows(again) == rows(full.problems)


def test_a_first_run_reads_no_file_before_the_workers_and_keys_them_all(tmp_path: Path, forced: None) -> None:
    root = broken_tracker(tmp_path / "t")
    store = Cache(root)
    first = sharded.look(root, store)
    assert first.unread and first.keys == {} and not first.complete
    with sharded.scanned(first):
        sharded.sharded_check(root, AS_OF)
    assert first.complete and first.keys == file_keys(root)
    later = sharded.look(root, store)  # an index now exists: the scan reads (only what changed)
    assert not later.unread


def test_the_installed_command_keeps_a_first_runs_result_under_every_files_key(tmp_path: Path) -> None:
    root = broken_tracker(tmp_path / "t")
    time.sleep(2.1)  # stamps younger than 2 s are never kept (a file's ctime cannot be set back)
    first = run_acct("check", "--as-of", AS_OF.isoformat(), "--format", "json", cwd=root)
    assert first.returncode == 1 and json.loads(first.stdout)["errors"] > 30
    stamps = sharded.stamps_of(root)
    kept = Cache(root).get_result("stamps:" + sharded.digest(repr(sorted(stamps.items()))))
    assert kept is not None and kept.decode() == content_key(file_keys(root))
    second = run_acct("check", "--as-of", AS_OF.isoformat(), "--format", "json", cwd=root)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
