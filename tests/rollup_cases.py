"""Trackers to roll up, shared by the DuckDB and the Spark tests of `acct rollup`.

- Three small trackers written by hand (the conftest tracker, twice varied), whose figures are worked out by hand in
  tests/test_rollup.py. All three have a unit `phuong-1` and a person `tran-van-b`.
- Three trackers made by benchmarks/generate.py (small size, seeds 1 to 3, 8 key issues each), which share every unit
  id (`don-vi-001`…), exported into one folder, one in each format.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import COMMITMENT, ISSUE, PROJECT, write_tracker
from typer.testing import CliRunner

from accountability.cli import app


def parquet_works() -> bool:
    """pyarrow installed and importable (an old pyarrow fails to import beside a newer numpy)."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


HAND = ["2023-Q2", "--as-of", "2023-07-10"]
GENERATED = ["2023-H1", "--as-of", "2023-07-15"]
GENERATED_IDS = {
    "huyen-a": ("1", "csv"),
    "huyen-b": ("2", "jsonl"),
    "huyen-c": ("3", "parquet" if parquet_works() else "csv"),
}


def runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart on every click: 8.2 always does, older releases when asked."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def acct(*args: str) -> tuple[int, str, str]:
    result = runner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def export(root: Path, out: Path, period: list[str], *options: str) -> None:
    code, _, stderr = acct("export", *period, "-o", str(out), "--root", str(root), *options)
    assert (code, stderr) == (0, ""), stderr


def scores(root: Path, period: list[str]) -> dict[str, Any]:
    code, stdout, stderr = acct("score", *period, "--format", "json", "--root", str(root))
    assert code == 0, stderr
    return json.loads(stdout)  # type: ignore[no-any-return]


def hand_trackers(folder: Path) -> dict[str, Path]:
    """dong-ha: the conftest tracker (phuong-1 scores 48.9, not-done; its one key issue is not due yet).
    cam-lo: the same, but the key issue was due on 30 June and resolved on 20 June: 1 of 1 on time.
    gio-linh: the same, but ket-nap (10 new members, due 31 December) reported 5 on 30 June, on pace: 98.9."""
    on_pace = COMMITMENT.replace(
        "        target: {value: 10, unit: người}\n",
        "        target: {value: 10, unit: người}\n        reports:\n          - {on: 2023-06-30, value: 5}\n",
    )
    resolved = ISSUE.replace("due: 2023-10-31", "due: 2023-06-30\nresolved: 2023-06-20")
    files: dict[str, dict[str, str | bytes | None]] = {
        "dong-ha": {"acct.yaml": "acct: 1\nid: dong-ha\norganization: Thành ủy Đông Hà\n"},
        "cam-lo": {
            "acct.yaml": "acct: 1\nid: cam-lo\norganization: Huyện ủy Cam Lộ\n",
            "2023/issues/lan-chiem-via-he.yaml": resolved,
        },
        "gio-linh": {"acct.yaml": "acct: 1\nid: gio-linh\n", "2023/commitments/phuong-1.yaml": on_pace},
    }
    return {name: write_tracker(folder / name, tracker) for name, tracker in files.items()}


def generated_trackers(folder: Path) -> dict[str, Path]:
    roots = {}
    for tracker, (seed, _) in GENERATED_IDS.items():
        root = folder / tracker
        command = [sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root), "--size", "small"]
        options = ["--seed", seed, "--id", tracker, "--issues", "8"]
        subprocess.run([*command, *options], check=True, capture_output=True, timeout=120)
        roots[tracker] = root
    return roots


def export_generated(roots: dict[str, Path], province: Path) -> Path:
    """Each generated tracker into its partition of one folder, each in its own format."""
    for tracker, root in roots.items():
        export(root, province, GENERATED, "--partitioned", "--format", GENERATED_IDS[tracker][1])
    return province


def hand_exports(factory: pytest.TempPathFactory) -> Path:
    """The hand-written trackers, each exported flat into its own folder as CSV; made once per test session."""
    folder = factory.getbasetemp() / "rollup-hand"
    if not folder.exists():
        for name, root in hand_trackers(folder / "trackers").items():
            export(root, folder / "exports" / name, HAND)
    return folder / "exports"


def generated_exports(factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The generated trackers in one partitioned folder, and `acct score` of each; made once per test session."""
    folder = factory.getbasetemp() / "rollup-generated"
    if not folder.exists():
        roots = generated_trackers(folder / "trackers")
        export_generated(roots, folder / "province")
        (folder / "scores.json").write_text(json.dumps({t: scores(r, GENERATED) for t, r in roots.items()}))
    return folder / "province", json.loads((folder / "scores.json").read_text())


def mean(values: list[float]) -> float | None:
    """The mean to one place, halves up, in decimal arithmetic: independent of the roll-up's own."""
    if not values:
        return None
    total = sum(Decimal(str(v)) for v in values)
    return float((total / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


LEVELS = ("excellent", "good", "done", "not-done")


def expected_district(score: dict[str, Any]) -> dict[str, Any]:
    """What the roll-up must say of a district, from `acct score --format json` of its tracker."""
    units, people = score["units"], score["people"]
    unit_levels, person_levels = Counter(u["level"] for u in units), Counter(p["level"] for p in people)
    tasks: Counter[str] = Counter()
    for person in people:
        tasks.update({k: v for k, v in person["tasks"].items() if k != "total"})
    flagged = [
        (u["unit"], u["flags"]) for u in sorted(units, key=lambda u: u["unit"]) if u["flags"] or u["quota"]["over"]
    ]
    return {
        "mean_score": mean([u["score"] for u in units if u["score"] is not None]),
        "units": {level: unit_levels[level] for level in LEVELS},
        "people": {level: person_levels[level] for level in LEVELS},
        "proposed": sum(p["level_basis"] == "proposed" for p in people),
        "escalated": sum(p["escalation"]["step"] is not None for p in people),
        "targets": [sum(u["indicators"][k] for u in units) for k in ("total", "achieved", "exceeded")],
        "over_quota": sum(u["quota"]["over"] for u in units),
        "plan_tasks": dict(tasks),
        "issues": score["issues"],
        "flagged": flagged,
    }


def actual_district(district: dict[str, Any]) -> dict[str, Any]:
    """The same figures, from the roll-up's JSON."""
    return {
        "mean_score": district["mean_score"],
        "units": {level: v["count"] for level, v in district["units"]["levels"].items()},
        "people": {level: v["count"] for level, v in district["people"]["levels"].items()},
        "proposed": district["people"]["proposed"],
        "escalated": district["escalated"],
        "targets": [district["targets"][k] for k in ("total", "met_or_beaten", "beaten")],
        "over_quota": district["over_quota"],
        "plan_tasks": {k: v for k, v in district["plan_tasks"].items() if k != "on_time_share"},
        "issues": district["issues"],
        "flagged": [(u["unit"], u["flags"]) for u in district["flagged_units"]],
    }
