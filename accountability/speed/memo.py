"""Replaying a read command's output when neither the tracker nor anything else that shapes the output changed.

A check, a score or an overdue list is a pure function of the tracker's bytes, the command line, the judging date,
the folder it is run from (paths in some formats are relative to it), acct's version and the language. Its output
(stdout, stderr and exit code) is kept under a key covering all of them, and the same command on the same tracker
prints it again without reading a document. The tracker's part of the key comes from the runner's file keys, which
a file's unchanged stamp gives without reading it.

Only for output to files and pipes: on a terminal the output depends on the terminal, and a progress bar is live.
Never with --no-cache, nor when a GitHub step summary is to be written (a side effect).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import typer

from accountability import __version__
from accountability.speed.cache import digest
from accountability.speed.runner import FastRunner

ENVIRONMENT = ("ACCT_ROOT", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "LANG", "LC_ALL")  # may shape output


def replayable() -> bool:
    return not (sys.stdout.isatty() or sys.stderr.isatty() or os.environ.get("GITHUB_STEP_SUMMARY"))


def run(runner: FastRunner, root: Path, arguments: list[str], produce: Callable[[], None]) -> None:
    """Print the output that `produce` prints (and exit as it exits), replayed when it is already known."""
    if not replayable():
        produce()
        return
    context = [__version__, str(root), os.getcwd(), *(f"{v}={os.environ.get(v, '')}" for v in ENVIRONMENT), *arguments]
    if runner.known or runner.store.has_results():  # else nothing kept can match: learning the keys would cost a read
        before = tracker_key(runner, root)
        stored = runner.store.result(digest(before, *context)) if before else None
        if stored is not None:
            _replay(json.loads(stored))
            return
    result = _capture(produce)
    after = tracker_key(runner, root)  # the keys of the bytes the command used, read or told by their stamps
    if after:
        runner.store.put_result(digest(after, *context), json.dumps(result).encode("utf-8"))
    _replay(result)


def tracker_key(runner: FastRunner, root: Path) -> str | None:
    """A key of every file's bytes and of what discovery found; None when a file cannot be read."""
    found = runner.discover(root)
    keys = [runner.key_of(root, path)[0] for path in found.documents]
    if not all(keys):
        return None
    problems = [f"{p.code}\0{p.path}" for p in found.problems]
    return digest(*(f"{p}\0{k}" for p, k in zip(found.documents, keys, strict=True)), *problems)


def _write(out: str, err: str) -> None:
    """Both streams written and flushed: a stream that is a buffer until flushed (click 8.1's test runner) keeps
    nothing otherwise."""
    sys.stdout.write(out)
    sys.stdout.flush()
    sys.stderr.write(err)
    sys.stderr.flush()


def _capture(produce: Callable[[], None]) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            produce()
    except typer.Exit as exc:
        code = exc.exit_code
    except BaseException:
        _write(out.getvalue(), err.getvalue())  # what was printed before the failure is still shown
        raise
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _replay(result: dict[str, object]) -> None:
    _write(str(result["out"]), str(result["err"]))
    if result["code"]:
        raise typer.Exit(int(result["code"]))  # type: ignore[call-overload]
