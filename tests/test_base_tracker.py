from pathlib import Path

from conftest import AS_OF, BASE, problems_of, run_acct


def test_the_base_tracker_is_clean(tmp_path: Path) -> None:
    assert problems_of(tmp_path, {}) == []


def test_the_installed_command_checks_it(tracker: Path) -> None:
    result = run_acct("check", "--as-of", AS_OF.isoformat(), cwd=tracker)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"checked {len(BASE)} files: 0 errors, 0 warnings"
