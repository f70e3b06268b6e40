"""The command line: parse arguments, call the core, render, choose the exit code. Nothing else.

Each module registers its commands on the one `app` when imported.
"""

from __future__ import annotations

import gc
import sys

from accountability.cli import git_commands, reading, report, writing  # noqa: F401  (registers the commands)
from accountability.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    # acct is a short-lived process whose data (models, YAML nodes) holds no reference cycles, yet the cyclic
    # collector rescans every live object as the heap grows: on a district tracker it took 60% of a cold check.
    gc.disable()
    sys.exit(app())
