"""What every command shares: the common options, argument parsing, errors as exit 2, and the console."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from accountability.cli.progress import load_progress
from accountability.engine import Checked, blocking
from accountability.engine import check as core_check
from accountability.files.atomic import append_to
from accountability.files.discover import find_root
from accountability.files.locate import located
from accountability.files.read import load_tracker
from accountability.i18n import Messages, languages, messages
from accountability.model.tracker import Tracker
from accountability.periods import FIRST_YEAR, LAST_YEAR, iso_date, parse_period
from accountability.problems import FatalError, Problem
from accountability.render import problems as render_problems
from accountability.scoring.scoreboard import Scores, score_tracker
from accountability.speed.memo import current_keys
from accountability.speed.sharded import sharded_check

RootOption = Annotated[
    Path | None, typer.Option("--root", help="The tracker's folder (else ACCT_ROOT, else found upwards).")
]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language of labels: vi or en (default from acct.yaml, else en).")
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="The judging date D, YYYY-MM-DD (default: today).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh, ignoring .acct-cache/.")]

F = TypeVar("F", bound=Callable[..., Any])


def guarded(func: F) -> F:
    """Turn a FatalError (a bad environment or argument) into its message on stderr and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FatalError as exc:
            typer.echo(f"acct: {exc}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def parse_as_of(value: str | None) -> dt.date:
    return dt.date.today() if value is None else parse_date(value, "--as-of")


def parse_date(value: str, option: str) -> dt.date:
    day = iso_date(value)
    if day is None and iso_date(f"2000{value[4:]}") and value[:4].isascii() and value[:4].isdigit():
        raise FatalError(f"{option} {value!r} is outside the years acct computes with, {FIRST_YEAR} to {LAST_YEAR}")
    if day is None:
        raise FatalError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30")
    return day


def parse_lang(value: str | None) -> str | None:
    if value is not None and value not in languages():
        raise FatalError(f"--lang {value!r} is not available; choose one of: {', '.join(languages())}")
    return value


def run_check(root: Path, as_of: dt.date, cache: bool = True) -> Checked:
    """The core's check, with a progress bar on a terminal when the load is slow."""
    with load_progress() as progress:
        return core_check(root, as_of, cache=cache, progress=progress, keys=current_keys() if cache else None)


def checked_problems(root: Path, as_of: dt.date, cache: bool = True) -> tuple[list[Problem], int]:
    """What `acct check` prints: every located problem and the number of files. With the cache, only the units
    whose plans changed since the last check are checked again (`accountability.speed.sharded`)."""
    if not cache:
        result = run_check(root, as_of, cache=False)
        return result.problems, result.tracker.files
    with load_progress() as progress:
        return sharded_check(root, as_of, progress=progress)


def valid_tracker(root: Path, as_of: dt.date, cache: bool = True) -> Tracker:
    """The tracker, or its errors on stderr and exit 1: bad data is never scored as if it were good. With the cache,
    the check is `acct check`'s (after an edit, only the units it touched are checked again), then the documents
    are revived from the cache."""
    if not cache:
        result = run_check(root, as_of, cache=False)
        _refuse(result.blocking, result.tracker.files)
        return result.tracker
    problems, files = checked_problems(root, as_of)
    _refuse(blocking(problems), files)
    tracker, load_problems = load_tracker(root, cache=True, keys=current_keys())
    _refuse(blocking(located(root, load_problems)), tracker.files)  # a file that changed since its check
    return tracker


def _refuse(errors: list[Problem], files: int) -> None:
    if errors:
        typer.echo(render_problems.as_text(errors, files), err=True)
        raise typer.Exit(1)


def scored_period(
    period: str, unit: str | None, root: Path | None, lang: str | None, as_of: str | None, no_cache: bool
) -> tuple[Tracker, Scores, Messages]:
    """What score and report share: a valid tracker, its scores for the period (one unit and those below it, with
    --unit), and the labels of the chosen language."""
    when = parse_as_of(as_of)
    parsed = parse_period(period)
    tracker = valid_tracker(find_root(root), when, cache=not no_cache)
    t = messages(parse_lang(lang), tracker.config.language)
    if unit is not None and unit not in tracker.units:
        raise FatalError(f"--unit {unit!r} is not a unit in org; units: {', '.join(tracker.units)}")
    return tracker, score_tracker(tracker, parsed, when, unit), t


def console() -> Console:
    """Colour on a terminal (unless NO_COLOR); plain, wide text otherwise."""
    if sys.stdout.isatty():
        return Console()
    return Console(width=200, no_color=True, highlight=False, emoji=False)


def append_step_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        append_to(Path(target), markdown.encode("utf-8"))
