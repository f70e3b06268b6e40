"""The progress bar: on stderr, only on a terminal, and only for a cold load slower than about a second."""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path

import pytest
from conftest import ACCT, run_acct
from rich.console import Console
from test_generate import generate

from accountability.cli.progress import DELAY, LoadProgress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=80), out


def test_a_load_quicker_than_the_delay_shows_nothing() -> None:
    console, out = terminal()
    clock = Clock()
    bar = LoadProgress(console, clock=clock)
    for done in range(1, 101):
        clock.now += (DELAY * 0.9) / 100
        bar(done, 100)
    bar.close()
    assert out.getvalue() == ""


def test_a_slow_load_shows_a_bar_that_is_cleared_at_the_end() -> None:
    console, out = terminal()
    clock = Clock()
    bar = LoadProgress(console, clock=clock)
    bar(1, 100)
    clock.now += DELAY + 0.1
    bar(50, 100)
    assert bar.bar is not None
    bar(100, 100)
    assert bar.bar is None
    assert "reading files" in out.getvalue()


@pytest.fixture(scope="module")
def slow_tracker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 3,000 files: a cold load takes a few seconds on the project's 2-core machine."""
    out = tmp_path_factory.mktemp("progress") / "tracker"
    return generate(out, "--units", "10", "--people-per-unit", "25", "--months", "12", "--tasks-per-plan", "15")


@pytest.mark.slow
def test_piped_stderr_gets_nothing_even_on_a_slow_load(slow_tracker: Path) -> None:
    result = run_acct("check", "--no-cache", "--as-of", "2024-03-01", "--root", str(slow_tracker))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("checked 3012 files: 0 errors")


def check_on_a_terminal(root: Path, *args: str) -> tuple[int, str, str]:
    """`acct check` with stderr on a pseudo-terminal: (exit code, stdout, what the terminal received)."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [str(ACCT), "check", "--as-of", "2024-03-01", "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is gone: the process has ended
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert proc.stdout is not None
    stdout = proc.stdout.read().decode()
    return proc.wait(timeout=120), stdout, received.decode(errors="replace")


@pytest.mark.slow
def test_a_terminal_sees_a_bar_on_a_slow_cold_load_and_nothing_when_warm(slow_tracker: Path) -> None:
    code, stdout, terminal_text = check_on_a_terminal(slow_tracker)  # cold: nothing cached yet
    assert code == 0
    assert "reading files" in terminal_text and "3012/3012" in terminal_text
    assert stdout.startswith("checked 3012 files")  # stdout stays clean
    code, _, terminal_text = check_on_a_terminal(slow_tracker)
    assert code == 0 and terminal_text == ""
