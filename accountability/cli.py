"""The command line: parse arguments, call the core, render, choose the exit code. Nothing else."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from accountability import __version__
from accountability.checking import check as run_check
from accountability.discover import find_root
from accountability.problems import FatalError
from accountability.render import problems as render_problems

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git.",
)

RootOption = Annotated[Path | None, typer.Option("--root", help="The tracker's folder (else ACCT_ROOT, else found upwards).")]
LangOption = Annotated[str | None, typer.Option("--lang", help="Language of labels: vi or en (default from acct.yaml, else en).")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="The judging date D, YYYY-MM-DD (default: today).")]

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
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FatalError(f"--as-of {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30") from None


def parse_lang(value: str | None) -> str | None:
    if value not in (None, "vi", "en"):
        raise FatalError(f"--lang {value!r} is not supported; use vi or en")
    return value


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
@guarded
def check(
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Validate every file of the tracker: schema, references between files, and the format's rules."""
    parse_lang(lang)
    when = parse_as_of(as_of)
    tracker_root = find_root(root)
    result = run_check(tracker_root, when)
    files = result.tracker.files
    if format is CheckFormat.json:
        typer.echo(render_problems.as_json(result.problems, files))
    elif format is CheckFormat.github:
        typer.echo(render_problems.as_github(result.problems, files, tracker_root))
        _append_step_summary(render_problems.as_markdown_table(result.problems))
    else:
        typer.echo(render_problems.as_text(result.problems, files))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)


def _append_step_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"acct {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git."""


def main() -> None:
    sys.exit(app())
