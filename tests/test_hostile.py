"""Hostile input, each through the installed `acct check`: exit 1, a positioned error, no traceback, nothing run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ISSUE, PLAN, run_acct, write_tracker

I = "2023/issues/lan-chiem-via-he.yaml"  # noqa: E741
P = "2023/plans/2023-05/tran-van-b.yaml"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): error: \[(?P<code>[a-z0-9-]+)\] (?P<message>.+)$")

BILLION_LAUGHS = """\
kind: issue
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

HOSTILE: list[tuple[str, str | bytes, tuple[int, int, str]]] = [
    ("tabs", ISSUE.replace("raised: 2023-02-10", "\traised: 2023-02-10"), (4, 1, "yaml-syntax")),
    ("duplicate keys", ISSUE + "lead: tran-van-b\n", (9, 1, "duplicate-key")),
    ("billion laughs", BILLION_LAUGHS, (2, 4, "anchor")),
    ("dd/mm/yyyy", ISSUE.replace("due: 2023-10-31", "due: 31/10/2023"), (8, 6, "invalid-date")),
    ("unknown key with a typo", ISSUE.replace("handled_by:", "handeld_by:"), (6, 1, "unknown-key")),
    ("invalid UTF-8", ISSUE.encode("utf-8").replace("Hùng".encode(), b"H\xf9ng"), (3, 32, "not-utf8")),
    ("empty file", "", (1, 1, "empty-file")),
    ("two documents", ISSUE + "---\n" + ISSUE, (9, 1, "multiple-documents")),
    ("10,000-level nested list", "kind: issue\nx: " + "[" * 10_000 + "]" * 10_000 + "\n", (2, 68, "too-deep")),
    (
        "1,400-level block list",  # 1.96 MB: just under the size limit
        "kind: issue\nx:\n" + "".join("  " * i + "-\n" for i in range(1_400)),
        (68, 129, "too-deep"),
    ),
    ("900 KB scalar", "kind: issue\ntitle: " + "ạ" * 300_000 + "\n", (2, 8, "too-long")),
    ("3 MB file", "kind: issue\n" + "# a comment line of forty characters...\n" * 75_000, (1, 1, "unreadable")),
]


def errors_of(stdout: str) -> list[re.Match[str]]:
    return [m for line in stdout.splitlines() if (m := LINE.match(line))]


@pytest.mark.parametrize(("name", "content", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_gives_a_positioned_error_and_exit_1(
    tmp_path: Path, name: str, content: str | bytes, expected: tuple[int, int, str]
) -> None:
    write_tracker(tmp_path, {I: content})
    result = run_acct("check", "--as-of", "2023-07-10", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    found = [(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in errors_of(result.stdout)]
    assert (I, *expected) in found, result.stdout[:2000]
    message = next(m["message"] for m in errors_of(result.stdout) if m["code"] == expected[2])
    assert len(message) < 300  # one readable line, not a dump of the input


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path) -> None:
    witness = tmp_path / "executed"
    payload = f'!!python/object/apply:os.system ["touch {witness}"]'
    write_tracker(tmp_path, {P: PLAN.replace("title: Hoàn thiện hồ sơ bồi thường", f"title: {payload}")})
    result = run_acct("check", "--as-of", "2023-07-10", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [(m["path"], m["line"], m["col"], m["code"]) for m in errors_of(result.stdout)] == [(P, "6", "12", "tag")]
    assert "python/object/apply" in result.stdout
    assert not witness.exists()


def test_a_hostile_file_does_not_hide_the_rest(tmp_path: Path) -> None:
    # a broken file is reported, and a real problem in another file is still found in the same run
    write_tracker(tmp_path, {I: BILLION_LAUGHS, P: PLAN.replace("due: 2023-05-20", "due: 2023-06-02")})
    result = run_acct("check", "--as-of", "2023-07-10", cwd=tmp_path)
    codes = {m["code"] for m in errors_of(result.stdout)}
    assert {"anchor", "due-outside-month"} <= codes


def test_every_command_that_reads_reports_instead_of_crashing(tmp_path: Path) -> None:
    write_tracker(tmp_path, {I: b"kind: issue\ntitle: \xff\n"})
    for args in (["score", "2023-Q2"], ["overdue"], ["export", "2023", "-o", str(tmp_path / "out")]):
        result = run_acct(*args, "--as-of", "2023-07-10", cwd=tmp_path)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
        assert f"{I}:2:8: error: [not-utf8]" in result.stderr
    assert not (tmp_path / "out").exists()
