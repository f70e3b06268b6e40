"""`acct check`'s core: load the tracker, run every rule, and place every problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from accountability.checks import CORE_CHECKS, run_checks
from accountability.files.locate import located
from accountability.files.read import Progress, load_tracker
from accountability.model.tracker import Tracker
from accountability.problems import Problem
from accountability.speed.parallel import check_units

# Errors that only say the data is newer than the judging date. A command that judges as of D ignores whatever is
# dated after D (SCORING.md), so it does not refuse the tracker for them; `acct check` still reports them.
NEWER_THAN_D = frozenset({"report-in-future"})


@dataclass(frozen=True)
class Checked:
    tracker: Tracker
    problems: list[Problem]  # located and sorted

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def blocking(self) -> list[Problem]:
        return blocking(self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def blocking(problems: list[Problem]) -> list[Problem]:
    """The errors that stop a command from judging the tracker as of D."""
    return [p for p in problems if p.severity == "error" and p.code not in NEWER_THAN_D]


def check(
    root: Path,
    as_of: dt.date,
    cache: bool = False,
    progress: Progress | None = None,
    keys: dict[str, str] | None = None,
) -> Checked:
    tracker, problems = load_tracker(root, cache=cache, progress=progress, keys=keys)
    problems += run_checks(tracker, as_of, CORE_CHECKS)
    for found in check_units(tracker, list(tracker.plans_by_unit().values()), as_of):  # unit by unit, on every core
        problems += found
    return Checked(tracker, located(root, problems))
