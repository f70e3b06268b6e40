"""Parsing in worker processes gives exactly the problems, positions and models of one process."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from accountability.checks import PLAN_CHECKS, run_checks
from accountability.files.locate import located
from accountability.files.read import load_tracker
from accountability.speed import parallel
from accountability.speed.parallel import PARALLEL_FROM, check_units

BREAKAGES = [
    lambda text: text.replace("kind: plan", "kind: plam"),
    lambda text: text.replace("  - id: t1\n", "  - id: t1\n\tdue: x\n"),
    lambda text: text.replace("due: 2023-", "due: 15/07/", 1),
    lambda text: text.replace("assigned_by:", "assigned_bi:", 1),
    lambda text: text + "---\nkind: plan\n",
    lambda text: "\xff".join(text.split("\n", 1)),
]


def broken_tracker(root: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "benchmarks" / "generate.py"),
            str(root),
            "--units",
            "8",
            "--people-per-unit",
            "10",
            "--months",
            "6",
            "--tasks-per-plan",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    plans = sorted((root / "2023" / "plans").rglob("*.yaml"))
    for n, path in enumerate(plans[::13]):
        text = path.read_text(encoding="utf-8")
        broken = BREAKAGES[n % len(BREAKAGES)](text)
        path.write_bytes(broken.encode("utf-8", "surrogateescape").replace("\xff".encode(), b"\xff"))
    return root


def test_parallel_and_serial_loads_agree_on_every_problem(tmp_path: Path) -> None:
    root = broken_tracker(tmp_path / "t")
    results = []
    for workers in (1, 2):
        tracker, problems = load_tracker(root, workers)
        problems += run_checks(tracker, dt.date(2024, 1, 31))
        results.append((tracker, located(root, problems)))
    (serial, serial_problems), (parallel, parallel_problems) = results
    assert serial.files >= PARALLEL_FROM  # large enough to go parallel
    assert len(serial_problems) > 30
    assert {p.code for p in serial_problems} >= {
        "unknown-kind",
        "yaml-syntax",
        "invalid-date",
        "unknown-key",
        "multiple-documents",
        "not-utf8",
    }
    assert serial_problems == parallel_problems
    assert [d.model for d in serial.plans] == [d.model for d in parallel.plans]


def test_checking_units_in_forked_workers_gives_the_problems_of_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan rules run unit by unit in forked workers (check_units) find exactly what one pass over every plan
    finds, in the same order once placed; the tracker has cross-plan problems (duplicate plans, unknown people)."""
    root = broken_tracker(tmp_path / "t")
    plans = sorted((root / "2023" / "plans").rglob("*.yaml"))
    shutil.copy(plans[5], plans[5].with_name("copy-" + plans[5].name))  # a duplicate plan of the same person
    person = next(
        line.split(": ")[1] for line in plans[0].read_text(encoding="utf-8").splitlines() if line.startswith("person: ")
    )
    org = (root / "org.yaml").read_text(encoding="utf-8")  # that person renamed in org: their plans lose their unit
    (root / "org.yaml").write_text(org.replace(f"- id: {person}\n", f"- id: x-{person}\n"), encoding="utf-8")
    tracker, _ = load_tracker(root, workers=1)
    as_of = dt.date(2024, 1, 31)
    one_pass = located(root, run_checks(tracker, as_of, PLAN_CHECKS))
    monkeypatch.setattr(parallel, "CHECK_PARALLEL_FROM", 1)
    groups = list(tracker.plans_by_unit().values())
    by_unit = check_units(tracker, groups, as_of, workers=2)
    assert len(by_unit) == len(groups) > 8  # the generator's 8 units, and plans of people org no longer knows
    assert located(root, [p for found in by_unit for p in found]) == one_pass
    assert {p.code for p in one_pass} >= {"duplicate-plan", "unknown-person"}
