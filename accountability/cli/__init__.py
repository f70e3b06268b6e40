"""The command line: parse arguments, call the core, render, choose the exit code. Nothing else.

Each module registers its commands on the one `app` when imported.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from pathlib import Path
from typing import NoReturn

from accountability.cli import git_commands, month, reading, report, rollup, show, writing  # noqa: F401  (registers the commands)
from accountability.cli.app import app
from accountability.cli.help import given
from accountability.cli.language import spoken
from accountability.i18n import Messages

__all__ = ["app", "main"]


def main() -> NoReturn:
    # acct is a short-lived process whose data (models, YAML nodes) holds no reference cycles, yet the cyclic
    # collector rescans every live object as the heap grows: on a district tracker it took 60% of a cold check.
    gc.disable()
    # For the same reason the process ends with os._exit, without freeing its heap object by object, nor the
    # interpreter's final collection: on a district tracker they cost over a second after the output was complete.
    refusal = _environment_refusal()
    if refusal:
        _say(refusal)
        _exit(2)
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is shown escaped, never a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:
        code = 1  # the reader went away: docs/format.md, "Exit codes and output"
    except OSError as exc:  # every file acct writes goes through files.atomic, so this is the output itself
        reason = exc.strerror or str(exc)
        _say(
            "acct: "
            + _words()("cannot write the output: {reason}; send it to a file or a pipe that can take it", reason=reason)
        )
        code = 2
    _exit(code)


def _environment_refusal() -> str | None:
    """Why acct cannot run here at all: no standard output to write to, or an argument that is not UTF-8."""
    if sys.stdout is None:
        t = _words()
        return "acct: " + t(
            "standard output is closed (>&-); run acct with its output going to a terminal, a file or a pipe"
        )
    for argument in sys.argv[1:]:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            t = _words()
            return "acct: " + t(
                "the argument '{argument}' is not valid UTF-8; type it again in a UTF-8 terminal", argument=shown
            )
    return None


def _words() -> Messages:
    """The language of a message said outside any command: --lang, else acct.yaml's, else English."""
    arguments = [a for a in sys.argv[1:] if a.isprintable()]
    root = given(arguments, "--root")
    return spoken(given(arguments, "--lang"), Path(root) if root else None)


def _say(message: str) -> None:
    """A message on stderr, if there is one to write to."""
    try:
        if sys.stderr is not None:
            print(message, file=sys.stderr, flush=True)
    except OSError:
        pass


def _exit(code: object) -> NoReturn:
    """What `sys.exit(code)` does, then `os._exit`: the streams are flushed, and nothing else needs to run
    (every pool, database and progress display is closed by the command that opened it)."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away, or a stream a test closed
            code = code or 1
        except OSError as exc:  # a full disk or device (> /dev/full)
            if stream is sys.stdout:
                reason = exc.strerror or str(exc)
                _say(
                    "acct: "
                    + _words()("cannot write the output: {reason}; send it where it can be written", reason=reason)
                )
            code = 2
    os._exit(code or 0)
