"""The sample's monthly plans are generated (scripts/sample_plans.py) from its org and commitments, which are kept
by hand, and from scripts/sample_plans.yaml: regenerating them gives the committed files, byte for byte."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from conftest import PROJECT, SAMPLE_IN_REPOSITORY

PLANS = SAMPLE_IN_REPOSITORY / "2023" / "plans"


def contents(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_regenerating_the_plans_gives_the_committed_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PROJECT / "scripts"))
    sample_plans = importlib.import_module("sample_plans")
    (tmp_path / "2023-01").mkdir()
    (tmp_path / "2023-01" / "nguoi-da-chuyen-di.yaml").write_text("kind: plan\n", encoding="utf-8")
    assert sample_plans.main(["--out", str(tmp_path)]) == 0
    written, committed = contents(tmp_path), contents(PLANS)
    assert len(committed) == 304  # 51 people a month, less those not yet active (Trần Quang Vinh from March)
    assert sorted(written) == sorted(committed)  # the plan of someone no longer in org is gone
    stale = [name for name in committed if written[name] != committed[name]]
    assert stale == [], "commitments/2023/plans/ differs: regenerate it with  python scripts/sample_plans.py"
