"""The benchmark's generator: its output passes `acct check`, and a seed fixes every byte."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT, run_acct

from accountability.engine import PlainRunner, check, judge_months

GENERATE = PROJECT / "benchmarks" / "generate.py"


def generate(out: Path, *args: str) -> Path:
    subprocess.run([sys.executable, str(GENERATE), str(out), *args], check=True, capture_output=True, timeout=120)
    return out


def contents(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_small_tracker_passes_check(tmp_path: Path) -> None:
    root = generate(tmp_path / "small", "--size", "small")
    result = run_acct("check", "--format", "json", "--no-cache", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == 0 and report["warnings"] == 0
    assert (
        report["files"] == 2 + 5 + 5 * 10 * 6
    )  # acct.yaml, org.yaml, a commitment per unit, a plan per person and month


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = contents(generate(tmp_path / "a", "--size", "small", "--seed", "7"))
    second = contents(generate(tmp_path / "b", "--size", "small", "--seed", "7"))
    assert len(first) == 307
    assert first == second


def test_another_seed_gives_other_bytes(tmp_path: Path) -> None:
    first = contents(generate(tmp_path / "a", "--size", "small", "--seed", "7"))
    second = contents(generate(tmp_path / "b", "--size", "small", "--seed", "8"))
    assert len(first) == len(second)  # the same shape; the names, and so some paths, differ
    assert first != second


def test_an_id_and_key_issues_add_to_the_tracker_and_change_no_other_file(tmp_path: Path) -> None:
    plain = contents(generate(tmp_path / "plain", "--size", "small", "--seed", "7"))
    named = contents(generate(tmp_path / "named", "--size", "small", "--seed", "7", "--id", "huyen-a", "--issues", "8"))
    added = sorted(set(named) - set(plain))
    assert added == [f"2023/issues/van-de-{n:03d}.yaml" for n in range(1, 9)]
    assert [name for name in plain if plain[name] != named[name]] == ["acct.yaml"]
    assert b"\nid: huyen-a\n" in named["acct.yaml"]
    result = run_acct("check", "--format", "json", "--no-cache", "--root", str(tmp_path / "named"))
    assert (result.returncode, json.loads(result.stdout)["warnings"]) == (0, 0), result.stdout


def test_each_rating_concludes_the_level_acct_computes_and_good_for_excellent(tmp_path: Path) -> None:
    root = generate(tmp_path / "two", "--size", "small", "--months", "2")
    as_of = dt.date(2024, 1, 1)
    months = judge_months(check(root, as_of), PlainRunner(), as_of)
    assert len(months) == 5 * 10 * 2
    expected = {"excellent": "good", "good": "good", "done": "done", "not-done": "not-done"}
    assert [m.path for m in months if m.computed is None or m.concluded != expected[m.computed]] == []
    assert {m.computed for m in months} >= {"excellent", "good", "done"}  # each case is met
