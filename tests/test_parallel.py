"""Parsing in worker processes gives exactly the problems, positions and models of one process."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from accountability.checks import run_checks
from accountability.load import load_tracker
from accountability.locate import located
from accountability.parallel import PARALLEL_FROM
from conftest import PROJECT

BREAKAGES = [
    lambda text: text.replace("kind: plan", "kind: plam"),
    lambda text: text.replace("  - id: t1\n", "  - id: t1\n\tdue: x\n"),
    lambda text: text.replace("due: 2023-", "due: 15/07/", 1),
    lambda text: text.replace("assigned_by:", "assigned_bi:", 1),
    lambda text: text + "---\nkind: plan\n",
    lambda text: "\xff".join(text.split("\n", 1)),
]


def broken_tracker(root: Path) -> Path:
    subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root), "--units", "8",
                    "--people-per-unit", "10", "--months", "6", "--tasks-per-plan", "3"], check=True, capture_output=True)
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
    assert {p.code for p in serial_problems} >= {"unknown-kind", "yaml-syntax", "invalid-date", "unknown-key", "multiple-documents", "not-utf8"}
    assert serial_problems == parallel_problems
    assert [d.model for d in serial.plans] == [d.model for d in parallel.plans]
