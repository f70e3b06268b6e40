"""The commands that write files: done, record, new plan, new commitment and schema."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

import typer

from accountability.authoring import edits, newfiles
from accountability.authoring.schema import as_text as schema_text
from accountability.authoring.schema import schemas
from accountability.cli.app import app
from accountability.cli.options import (
    AsOfOption,
    LangOption,
    RootOption,
    Session,
    guarded,
    parse_as_of,
    parse_date,
    session,
)
from accountability.files.atomic import write_atomic
from accountability.files.discover import find_root
from accountability.model.base import MONTH
from accountability.periods import FIRST_YEAR, LAST_YEAR, in_calendar
from accountability.problems import FatalError
from accountability.render import problems as render_problems
from accountability.scoring.numbers import fmt

OnOption = Annotated[str | None, typer.Option("--on", help="The date, YYYY-MM-DD (default: --as-of, else today).")]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        min=FIRST_YEAR,
        max=LAST_YEAR,
        help="The commitment's year, for unit/item (default: the year of --on).",
    ),
]


@app.command()
@guarded
def done(
    ref: Annotated[str, typer.Argument(help="person/YYYY-MM/task, or unit/item (a task item).")],
    on: OnOption = None,
    year: YearOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Mark a plan task or a commitment task item done, editing only that line of its file."""
    when = parse_as_of(as_of)
    day = parse_date(on, "--on") if on else when
    tracker_root = find_root(root)
    with session(tracker_root) as run:
        tracker = run.outcome(when).tracker
        target = edits.resolve(tracker, ref, year or day.year)
        _save(run, target, edits.done(day, target.label), when)
    typer.echo(f"{target.label}: done on {day} ({target.doc.path})")


@app.command()
@guarded
def record(
    ref: Annotated[str, typer.Argument(help="unit/item: an indicator item.")],
    value: Annotated[float, typer.Argument(help="The cumulative value on that date.")],
    on: OnOption = None,
    note: Annotated[str | None, typer.Option("--note", help="A note, e.g. 'Quý III'.")] = None,
    year: YearOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Append a progress report to an indicator item, editing only the lines it adds."""
    when = parse_as_of(as_of)
    day = parse_date(on, "--on") if on else when
    tracker_root = find_root(root)
    with session(tracker_root) as run:
        tracker = run.outcome(when).tracker
        target = edits.resolve(tracker, ref, year or day.year)
        _save(run, target, edits.record(value, day, note, target.label), when)
    typer.echo(f"{target.label}: recorded {fmt(value, 6)} on {day} ({target.doc.path})")


def _save(run: Session, target: edits.Editable, edit: edits.Edit, when: dt.date) -> None:
    """Make and save an edit; a refusal prints why (with positions) and exits 1, leaving the file untouched."""
    try:
        edits.save(run.root, target, edit, when, run.runner_for)
    except edits.Refused as refused:
        typer.echo(f"acct: refused: {refused}", err=True)
        if refused.problems:
            typer.echo(render_problems.as_text(refused.problems, 1).rsplit("\n", 1)[0], err=True)
        raise typer.Exit(1) from None


new_app = typer.Typer(
    help="Write a new plan or commitment at the suggested path; never overwrites.", no_args_is_help=True
)
app.add_typer(new_app, name="new")


@new_app.command("plan")
@guarded
def new_plan(
    person: Annotated[str, typer.Argument(help="The person's id.")],
    month: Annotated[str, typer.Argument(help="YYYY-MM.")],
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new monthly plan that carries over every task not done in the person's latest earlier plan."""
    tracker_root = find_root(root)
    with session(tracker_root) as run:
        tracker = run.outcome(parse_as_of(as_of)).tracker
    _write_new(tracker_root, *newfiles.new_plan(tracker, person, parse_month(month)))


@new_app.command("commitment")
@guarded
def new_commitment(
    unit: Annotated[str, typer.Argument(help="The unit's id.")],
    year: Annotated[int, typer.Argument(min=FIRST_YEAR, max=LAST_YEAR, help="The commitment's year.")],
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new commitment that copies the unit's previous groups and items, without dates or results."""
    tracker_root = find_root(root)
    with session(tracker_root) as run:
        tracker = run.outcome(parse_as_of(as_of)).tracker
    _write_new(tracker_root, *newfiles.new_commitment(tracker, unit, year))


def parse_month(value: str) -> str:
    if not MONTH.fullmatch(value) or not 1 <= int(value[5:]) <= 12:
        raise FatalError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2023-07")
    if not in_calendar(int(value[:4])):
        raise FatalError(f"{value!r} is outside the years acct computes with, {FIRST_YEAR} to {LAST_YEAR}")
    return value


def _write_new(root: Path, path: str, text: str) -> None:
    write_atomic(root / path, text.encode("utf-8"), overwrite=False)
    typer.echo(f"created {path}")


@app.command()
@guarded
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The folder to write to (default: the tracker's _schema/).")
    ] = None,
    root: RootOption = None,
) -> None:
    """Write a JSON Schema per kind of file (<kind>.schema.json), for editors such as VS Code's YAML extension."""
    folder = output if output is not None else find_root(root) / newfiles.SCHEMA_DIR
    for name, body in schemas().items():
        write_atomic(folder / name, schema_text(body).encode("utf-8"))
        typer.echo(f"wrote {os.path.relpath(folder / name)}")
