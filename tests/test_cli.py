"""The command line's contract: finding the tracker, exit codes, formats, help text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, run_acct, run_installed, write_tracker
from typer.testing import CliRunner

from accountability.cli import app

BROKEN = {"2023/issues/lan-chiem-via-he.yaml": "kind: issue\nid: x\ntitel: y\n"}


def test_root_is_found_by_walking_up_from_a_subfolder(tracker: Path) -> None:
    result = run_acct("check", "--as-of", AS_OF.isoformat(), cwd=tracker / "2023" / "plans")
    assert result.returncode == 0, result.stdout


def test_root_is_found_through_a_commitments_folder(tmp_path: Path) -> None:
    write_tracker(tmp_path / "commitments", {})
    (tmp_path / "src").mkdir()
    result = run_acct("check", "--as-of", AS_OF.isoformat(), cwd=tmp_path / "src")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("checked 5 files")


def test_root_option_wins_over_the_environment_and_the_walk(tmp_path: Path) -> None:
    good = write_tracker(tmp_path / "good", {})
    bad = write_tracker(tmp_path / "bad", BROKEN)
    assert (
        run_acct("check", "--as-of", "2023-07-10", "--root", str(good), cwd=bad, env={"ACCT_ROOT": str(bad)}).returncode
        == 0
    )
    assert run_acct("check", "--as-of", "2023-07-10", cwd=good, env={"ACCT_ROOT": str(bad)}).returncode == 1


def test_no_tracker_is_exit_2_with_advice(tmp_path: Path) -> None:
    result = run_acct("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no tracker found" in result.stderr and "--root" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [["--as-of", "10/07/2023"], ["--lang", "fr"], ["--format", "xml"], ["--root", "/nonexistent"]]
)
def test_bad_arguments_are_exit_2(tracker: Path, args: list[str]) -> None:
    result = run_acct("check", *args, cwd=tracker)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_json_lists_every_problem_with_its_position(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, BROKEN)
    result = run_acct("check", "--format", "json", "--as-of", "2023-07-10", cwd=root)
    assert result.returncode == 1
    body = json.loads(result.stdout)
    assert (body["files"], body["errors"], body["warnings"]) == (5, 7, 0)
    missing = ["due", "handled_by", "lead", "raised", "raised_by", "title"]
    assert body["problems"] == [
        *[
            {
                "path": "2023/issues/lan-chiem-via-he.yaml",
                "line": 1,
                "col": 1,
                "severity": "error",
                "code": "missing-key",
                "message": f"the required key '{key}' is missing here; add it",
            }
            for key in missing
        ],
        {
            "path": "2023/issues/lan-chiem-via-he.yaml",
            "line": 3,
            "col": 1,
            "severity": "error",
            "code": "unknown-key",
            "message": "unknown key 'titel'; did you mean 'title'?",
        },
    ]


def test_github_format_and_step_summary(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {"2023/issues/lan-chiem-via-he.yaml": "kind: issue\ntitel: y\n"})
    summary = tmp_path / "summary.md"
    result = run_acct(
        "check", "--format", "github", "--as-of", "2023-07-10", cwd=root, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=2023/issues/lan-chiem-via-he.yaml,line=")
    assert "title=acct [" in first
    assert "| 2023/issues/lan-chiem-via-he.yaml | 2 | 1 | error | `unknown-key` |" in summary.read_text(
        encoding="utf-8"
    )


def test_github_format_shows_ten_errors_then_a_notice(tmp_path: Path) -> None:
    people = "".join(f"  - id: p{i}\n    name: P{i}\n    unit: nowhere\n" for i in range(12))
    root = write_tracker(tmp_path, {"org2.yaml": "kind: org\npeople:\n" + people})
    result = run_acct("check", "--format", "github", "--as-of", "2023-07-10", cwd=root)
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert "::notice title=acct::2 more problems not shown here; run 'acct check' for the full list" in lines


def test_strict_fails_on_warnings_only_when_asked(tracker: Path) -> None:
    assert run_acct("check", "--strict", "--as-of", "2023-07-10", cwd=tracker).returncode == 0


def test_every_command_has_help_text() -> None:
    runner = CliRunner()
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, f"{name} has no help text"
        assert runner.invoke(app, [name, "--help"]).exit_code == 0


def test_version() -> None:
    assert run_installed("--version").stdout.startswith("acct ")


def test_the_sample_tracker_passes_check() -> None:
    result = run_acct("check", cwd=SAMPLE.parent)
    assert result.returncode == 0, result.stdout[-3000:]
    # deliberate: Phường Đông Thành rated two people excellent in April against four good, none allowed; both
    # excellent ratings are over, so each is warned
    assert ": 0 errors, 2 warnings" in result.stdout
    assert result.stdout.count("[quota-exceeded] the rating group of phuong-dong-thanh") == 2


def test_a_reader_that_goes_away_is_exit_1_without_a_traceback(tmp_path: Path) -> None:
    """acct ends with os._exit after flushing its output (see cli.main): a reader that closed the pipe first is a
    failure to deliver the output, said by the exit code alone."""
    import os
    import subprocess

    from conftest import ACCT

    read, write = os.pipe()
    os.close(read)  # the reader is gone before acct writes a byte
    try:
        done = subprocess.run(
            [str(ACCT), "score", "2023-Q2", "--by", "person", "--root", str(SAMPLE), "--as-of", AS_OF.isoformat()],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
