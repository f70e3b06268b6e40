"""Replayed results: the same command on the same tracker prints the same output without loading it again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import write_tracker
from typer.testing import CliRunner

import accountability.cli.options as options
from accountability.cli import app

PLAN = "2023/plans/2023-05/tran-van-b.yaml"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The roots that were really loaded and checked (a replay loads nothing)."""
    seen: list[Path] = []
    original = options.check  # every command checks the tracker through the engine's one `check`

    def spy(root, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(root)
        return original(root, *args, **kwargs)

    monkeypatch.setattr(options, "check", spy)
    return seen


def acct(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_the_same_check_is_replayed_with_its_exit_code(tracker: Path, loads: list[Path]) -> None:
    (tracker / PLAN).write_text(
        (tracker / PLAN).read_text(encoding="utf-8").replace("assigned_by: nguyen-van-a", "assigned_by: nobody"),
        encoding="utf-8",
    )
    first = acct("check", "--root", str(tracker), "--as-of", "2023-07-10")
    second = acct("check", "--root", str(tracker), "--as-of", "2023-07-10")
    assert first[0] == 1 and "unknown-person" in first[1]
    assert second == first
    assert len(loads) == 1


def test_an_edit_another_argument_or_no_cache_computes_again(tracker: Path, loads: list[Path]) -> None:
    base = ("score", "2023", "--root", str(tracker), "--format", "json")
    first = acct(*base, "--as-of", "2023-07-10")
    assert acct(*base, "--as-of", "2023-07-10") == first
    assert acct(*base, "--as-of", "2023-07-11")[0] == 0
    assert acct(*base, "--as-of", "2023-07-10", "--no-cache") == first
    assert len(loads) == 3
    plan = tracker / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("score: 92", "score: 93"), encoding="utf-8")  # same size
    assert acct(*base, "--as-of", "2023-07-10")[0] == 0
    assert len(loads) == 4


def test_a_replay_matches_a_fresh_run_on_a_tracker_with_errors(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {"2023/issues/lan-chiem-via-he.yaml": "kind: issue\ntitel: x\n"})
    fresh = acct("check", "--root", str(root), "--no-cache", "--as-of", "2023-07-10")
    assert acct("check", "--root", str(root), "--as-of", "2023-07-10") == fresh
    assert acct("check", "--root", str(root), "--as-of", "2023-07-10") == fresh


def test_a_replay_from_another_folder_or_another_root_prints_that_runs_paths(
    tracker: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # github and sarif paths are relative to the working directory: a replay once printed the first run's
    (tracker / PLAN).write_text(
        (tracker / PLAN).read_text(encoding="utf-8").replace("assigned_by: nguyen-van-a", "assigned_by: nobody"),
        encoding="utf-8",
    )
    (tracker / "sub").mkdir()
    seen = []
    for folder, root in ((tracker, "."), (tracker / "sub", ".."), (tracker.parent, tracker.name), (tracker, ".")):
        monkeypatch.chdir(folder)
        for format in ("github", "sarif"):
            code, output = acct("check", "--root", root, "--as-of", "2023-07-10", "--format", format)
            assert code == 1 and str(Path(os.path.relpath(tracker / PLAN))) in output, (folder, format, output)
            seen.append((folder, format, output))
    assert len(loads) == 6  # the last two are replays of the first two, in the same folder with the same --root
    assert seen[6][2] == seen[0][2] and seen[7][2] == seen[1][2]
