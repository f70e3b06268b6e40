"""A hostile or careless environment is a message and exit 2, never a traceback: a full or closed standard output,
arguments that are not UTF-8, a file name that is not UTF-8. Real processes: the streams are the point."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import ACCT

COMMANDS = [
    ["check"],
    ["check", "--no-cache"],
    ["score", "2023-Q2"],
    ["overdue", "--no-cache"],
    ["done", "phuong-1/le-loi", "--on", "2023-07-05"],  # May is concluded: a commitment task item
]


def acct(root: Path, args: list[str], stdout: str) -> subprocess.CompletedProcess[bytes]:
    """`acct` with its standard output redirected by the shell (`> /dev/full`, `>&-`), bytes in and out."""
    command = " ".join([str(ACCT), *args, "--as-of", "2023-07-10", stdout])
    return subprocess.run(["bash", "-c", command], cwd=root, capture_output=True, timeout=60, env={**os.environ})


@pytest.mark.parametrize(
    ("stdout", "message"),
    [
        (">/dev/full", b"acct: cannot write the output: No space left on device;"),
        (">&-", b"acct: standard output is closed (>&-); run acct with its output going to a terminal"),
    ],
)
def test_a_full_or_closed_output_is_a_message_and_exit_2(tracker: Path, stdout: str, message: bytes) -> None:
    for args in COMMANDS:
        result = acct(tracker, args, stdout)
        assert (result.returncode, result.stderr.startswith(message)) == (2, True), (args, result.stderr)
        assert b"Traceback" not in result.stderr


def test_an_argument_that_is_not_utf8_is_a_message_and_exit_2(tracker: Path) -> None:
    for args in (["check", "--lang", "$'\\xff'"], ["record", "phuong-1/thu-ngan-sach", "1", "--note", "$'Qu\\xff'"]):
        result = acct(tracker, args, "")
        assert result.returncode == 2 and b"Traceback" not in result.stderr
        assert result.stderr.startswith(b"acct: the argument '") and b"is not valid UTF-8" in result.stderr


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tracker: Path) -> None:
    (tracker / os.fsdecode(b"2023/issues/v\xe1n.yaml")).write_text("kind: issue\n", encoding="utf-8")
    result = acct(tracker, ["check"], "")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert (
        b"2023/issues/v\\xe1n.yaml:1:1: error: [unreadable] the file's name is not valid UTF-8 (shown here with \\x"
        b" escapes); rename it" in result.stdout
    )
