"""What every command shares: the common options, argument parsing, errors as exit 2, and the console."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from accountability.cli.language import spoken
from accountability.cli.progress import load_progress
from accountability.engine import Outcome, PlainRunner, Runner, check, judge_months
from accountability.files.atomic import append_to
from accountability.i18n import N_, Messages, languages, messages, unavailable
from accountability.model.tracker import Tracker
from accountability.periods import FIRST_YEAR, LAST_YEAR, iso_date, parse_period
from accountability.problems import FatalError, said
from accountability.render import problems as render_problems
from accountability.scoring.scoreboard import Scores, score_tracker
from accountability.suggest import suggestion


def _inherited(name: str) -> Callable[[typer.Context, Any], Any]:
    """A command's option that, left out, takes the value given before the command's name (`acct --lang vi check`)."""

    def inherit(ctx: typer.Context, value: Any) -> Any:
        if value is not None:
            return value
        parent = ctx.find_root().obj
        return getattr(parent, name, None) if parent is not None else None

    return inherit


ROOT_HELP = N_("The tracker's folder (else ACCT_ROOT, else found upwards).")
LANG_HELP = N_("Language of everything acct prints or writes: vi or en (default from acct.yaml, else en).")
AS_OF_HELP = N_("The judging date D, YYYY-MM-DD (default: today).")
RootOption = Annotated[Path | None, typer.Option("--root", help=ROOT_HELP, callback=_inherited("root"))]
LangOption = Annotated[str | None, typer.Option("--lang", help=LANG_HELP, callback=_inherited("lang"))]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP, callback=_inherited("as_of"))]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh, ignoring .acct-cache/.")]

F = TypeVar("F", bound=Callable[..., Any])


def warn(text: str) -> None:
    """A line on stderr. Written to `sys.stderr` itself, not through click's cached stream, so that an output
    replay (`speed.memo`) captures it on every click release."""
    print(text, file=sys.stderr, flush=True)


def guarded(func: F) -> F:
    """Turn a FatalError (a bad environment or argument) into its message on stderr and exit 2. The message is in
    the command's `--lang`, else (for a command that has a tracker) acct.yaml's language, else English."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FatalError as exc:
            t = spoken(kwargs.get("lang"), kwargs.get("root"), tracker="root" in kwargs)
            warn(f"acct: {t.sentence(exc.text)}")
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def parse_as_of(value: str | None) -> dt.date:
    return dt.date.today() if value is None else parse_date(value, "--as-of")


def parse_date(value: str, option: str) -> dt.date:
    day = iso_date(value)
    if day is None and iso_date(f"2000{value[4:]}") and value[:4].isascii() and value[:4].isdigit():
        raise FatalError(
            said(
                "{option} {value} is outside the years acct computes with, {first} to {last}",
                option=option,
                value=repr(value),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    if day is None:
        raise FatalError(
            said(
                "{option} {value} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30",
                option=option,
                value=repr(value),
            )
        )
    return day


def parse_lang(value: str | None) -> str | None:
    if value is not None and value not in languages():
        raise FatalError(unavailable("--lang", value))
    return value


@dataclass
class Session:
    """One command's access to a tracker: the runner that carries out the engine's steps (the fast one from
    `accountability.speed` unless --no-cache, or when that package is absent) and its output replay."""

    root: Path
    runner: Runner
    fast: Any = None  # the speed package's runner, when its output replay is in use
    lang: str | None = None  # --lang

    def messages(self, tracker: Tracker) -> Messages:
        """The words of --lang, else of the tracker's acct.yaml, else English."""
        return messages(parse_lang(self.lang), tracker.config.language)

    def replayed(self, arguments: list[str], produce: Callable[[], None]) -> None:
        """Print what `produce` prints, or replay it when nothing that shapes it changed (`speed.memo`)."""
        if self.fast is None:
            produce()
            return
        from accountability.speed import memo

        memo.run(self.fast, self.root, arguments, produce)

    def runner_for(self, overlay: Mapping[str, bytes]) -> Runner:
        """A runner of the same kind that sees `overlay`'s bytes in place of the files on disk."""
        if isinstance(self.runner, PlainRunner):
            return PlainRunner(overlay)
        return type(self.runner)(self.root, overlay=overlay)  # type: ignore[call-arg]

    def outcome(self, as_of: dt.date, keep_plans: bool = True) -> Outcome:
        return check(self.root, as_of, self.runner, keep_plans=keep_plans)

    def valid(self, as_of: dt.date, keep_plans: bool = True) -> Outcome:
        """The checked tracker, or its errors on stderr and exit 1: bad data is never scored as if it were good."""
        outcome = check(self.root, as_of, self.runner, keep_plans=keep_plans, every=False)
        errors = outcome.blocking
        if errors:
            warn(render_problems.as_text(errors, outcome.files, self.messages(outcome.tracker)))
            raise typer.Exit(1)
        return outcome


@contextmanager
def session(root: Path, no_cache: bool = False, lang: str | None = None) -> Iterator[Session]:
    """A session on the tracker at `root`, speaking --lang (else acct.yaml's language); a progress bar shows on a
    terminal when reading takes a while. With --no-cache every file is read afresh (on every core), and no output
    is replayed."""
    with load_progress(lambda: _reading(spoken(lang, root))) as progress:
        fast = _fast_runner(root, progress, cache=not no_cache)
        try:
            yield Session(root, fast if fast is not None else PlainRunner(), None if no_cache else fast, lang)
        finally:
            if fast is not None:
                fast.close()


def _reading(t: Messages) -> str:
    return t("reading files")


def _fast_runner(root: Path, progress: Callable[[int, int], None] | None, cache: bool) -> Any:
    try:
        from accountability.speed.runner import FastRunner
    except ImportError:  # the core runs, slowly, without the speed package
        return None
    return FastRunner(root, progress, cache=cache)


def scored_period(
    run: Session, period: str, unit: str | None, as_of: str | None, plans: bool = False
) -> tuple[Tracker, Scores, Messages]:
    """What score and report share: a valid tracker, its scores for the period (one unit and those below it, with
    --unit), and the labels of the chosen language. The tracker holds the plans only when `plans` asks for them."""
    when = parse_as_of(as_of)
    parsed = parse_period(period)
    outcome = run.valid(when, keep_plans=plans)
    tracker = outcome.tracker
    t = run.messages(tracker)
    known_unit(unit, tracker)
    months = judge_months(outcome, run.runner, when)
    return tracker, score_tracker(tracker, parsed, when, unit, months), t


def known_unit(unit: str | None, tracker: Tracker) -> None:
    """--unit names a unit of org, or a FatalError says so."""
    if unit is not None and unit not in tracker.units:
        raise FatalError(
            said("--unit {unit} is not a unit in org{hint}", unit=repr(unit), hint=suggestion(unit, tracker.units))
        )


def console() -> Console:
    """Colour on a terminal (unless NO_COLOR); plain, wide text otherwise."""
    if sys.stdout.isatty():
        return Console()
    return Console(width=200, no_color=True, highlight=False, emoji=False)


def append_step_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        append_to(Path(target), markdown.encode("utf-8"))
