"""Options every command takes may come before the command's name (`acct --lang vi check`), as CLI.md shows."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE
from typer.testing import CliRunner

from accountability.cli import app


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_root_and_as_of_before_the_command_are_used() -> None:
    before = invoke("--root", str(SAMPLE), "--as-of", "2023-07-01", "overdue", "--format", "json")
    after = invoke("overdue", "--root", str(SAMPLE), "--as-of", "2023-07-01", "--format", "json")
    assert before[0] == after[0] == 1  # overdue items found
    assert before[1] == after[1]
    assert '"as_of": "2023-07-01"' in before[1]


def test_an_option_after_the_command_wins_over_the_one_before() -> None:
    code, out = invoke(
        "--as-of", "2023-01-01", "overdue", "--root", str(SAMPLE), "--as-of", "2023-07-01", "--format", "json"
    )
    assert code == 1
    assert '"as_of": "2023-07-01"' in out


def test_a_global_option_a_command_cannot_use_is_a_usage_error(tmp_path: Path) -> None:
    code, out = invoke("--as-of", "2023-07-01", "schema")
    assert code == 2
    assert "acct schema has no use for --as-of; leave it out" in out
    code, out = invoke("--root", str(tmp_path), "init", str(tmp_path / "new"))
    assert code == 2
    assert "--root" in out
    assert not (tmp_path / "new").exists()


def test_a_bad_global_date_is_a_usage_error_naming_the_option() -> None:
    code, out = invoke("--root", str(SAMPLE), "--as-of", "2023-13-01", "check")
    assert code == 2
    assert "--as-of" in out
