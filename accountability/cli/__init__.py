"""The command line: parse arguments, call the core, render, choose the exit code. Nothing else.

Each module registers its commands on the one `app` when imported.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

from accountability.cli import git_commands, reading, report, rollup, writing  # noqa: F401  (registers the commands)
from accountability.cli.app import app

__all__ = ["app", "main"]


def main() -> NoReturn:
    # acct is a short-lived process whose data (models, YAML nodes) holds no reference cycles, yet the cyclic
    # collector rescans every live object as the heap grows: on a district tracker it took 60% of a cold check.
    gc.disable()
    # For the same reason the process ends with os._exit, without freeing its heap object by object, nor the
    # interpreter's final collection: on a district tracker they cost over a second after the output was complete.
    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _exit(code)


def _exit(code: object) -> NoReturn:
    """What `sys.exit(code)` does, then `os._exit`: the streams are flushed, and nothing else needs to run
    (every pool, database and progress display is closed by the command that opened it)."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away, or a stream a test closed
            code = code or 1
    os._exit(code or 0)
