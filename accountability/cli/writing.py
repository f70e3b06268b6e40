"""The commands that write files: done, record, new plan, new commitment, new issue and schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from accountability.authoring import edits, newfiles
from accountability.authoring.concluded import Approval
from accountability.authoring.schema import as_text as schema_text
from accountability.authoring.schema import schemas
from accountability.authoring.values import parse_number
from accountability.cli.app import app
from accountability.cli.editing import (
    AmendOption,
    ApprovedByOption,
    Editing,
    OnOption,
    editing,
    language,
    people_of,
    person_of,
    spoken,
)
from accountability.cli.options import AsOfOption, LangOption, RootOption, guarded, parse_date
from accountability.files.atomic import write_atomic
from accountability.files.discover import find_root
from accountability.model import Plan
from accountability.model.base import MONTH
from accountability.periods import FIRST_YEAR, LAST_YEAR, in_calendar
from accountability.problems import FatalError, said

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
@spoken
def done(
    ref: Annotated[str, typer.Argument(help="person/YYYY-MM/task, or unit/item (a task item).")],
    on: OnOption = None,
    year: YearOption = None,
    amend: AmendOption = None,
    approved_by: ApprovedByOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Mark a plan task or a commitment task item done, editing only that line of its file."""
    with editing(root, lang, as_of, on, person_of(ref)) as ed:
        target = edits.resolve(ed.tracker, ref, year or ed.day.year)
        edits.live_copy(ed.tracker, target)
        ed.save(target, edits.done(ed.day, target.label, _plan_approval(ed, target, amend, approved_by)))
    typer.echo(ed.t("{label}: done on {day} ({path})", label=target.label, day=ed.day, path=target.doc.path))


def _plan_approval(ed: Editing, target: edits.Editable, amend: str | None, approved_by: str | None) -> Approval | None:
    model = target.doc.model
    if not isinstance(model, Plan):
        if amend is not None or approved_by is not None:
            raise FatalError(ed.t("--amend is for plans; a commitment item changes with acct amend"))
        return None
    return ed.approval(amend, approved_by, model.person, int(model.month[:4]))


@app.command()
@spoken
def record(
    ref: Annotated[str, typer.Argument(help="unit/item: an indicator item.")],
    value: Annotated[str, typer.Argument(help="The cumulative value on that date, e.g. 71.3 or 71,3.")],
    on: OnOption = None,
    note: Annotated[str | None, typer.Option("--note", help="A note, e.g. 'Quý III'.")] = None,
    year: YearOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Append a progress report to an indicator item, editing only the lines it adds."""
    figure = parse_number(value, "VALUE")
    with editing(root, lang, as_of, on) as ed:
        target = edits.resolve(ed.tracker, ref, year or ed.day.year)
        ed.save(target, edits.record(figure, ed.day, note, target.label))
    shown = ed.t.figure(round(figure, 6))
    typer.echo(
        ed.t(
            "{label}: recorded {value} on {day} ({path})",
            label=target.label,
            value=shown,
            day=ed.day,
            path=target.doc.path,
        )
    )


new_app = typer.Typer(
    help="Write a new plan, commitment or key issue at the suggested path; never overwrites.", no_args_is_help=True
)
app.add_typer(new_app, name="new")


@new_app.command("plan")
@spoken
def new_plan(
    first: Annotated[str, typer.Argument(metavar="PERSON", help="The person's id (with --unit: the month).")],
    month: Annotated[str | None, typer.Argument(metavar="MONTH", help="YYYY-MM.")] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Write a plan for every active person of this unit who has none.")
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new monthly plan that carries over every task not done in the person's latest earlier plan
    (acct new plan PERSON MONTH); with --unit, one for every person of the unit (acct new plan --unit UNIT MONTH)."""
    with editing(root, lang, as_of, plans_of=person_of(first) if unit is None else people_of(unit)) as ed:
        if unit is None and month is None:
            raise FatalError(
                ed.t("write the person and the month: acct new plan PERSON YYYY-MM, or --unit UNIT YYYY-MM")
            )
        if unit is not None and month is not None:
            raise FatalError(ed.t("with --unit, write the month alone: acct new plan --unit UNIT YYYY-MM"))
        if unit is None:
            files = [newfiles.new_plan(ed.tracker, first, parse_month(str(month)), ed.t)]
        else:
            files, kept = newfiles.unit_plans(ed.tracker, unit, parse_month(first), ed.t)
            for path in kept:
                typer.echo(ed.t("kept {path}: the plan is there already", path=path))
        ed.create(files)
    for new in files:
        typer.echo(ed.t("created {path}", path=new.path))


@new_app.command("commitment")
@spoken
def new_commitment(
    unit: Annotated[str, typer.Argument(help="The unit's id.")],
    year: Annotated[int, typer.Argument(min=FIRST_YEAR, max=LAST_YEAR, help="The commitment's year.")],
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new commitment that copies the unit's previous groups and items, without dates or results."""
    with editing(root, lang, as_of) as ed:
        new = newfiles.new_commitment(ed.tracker, unit, year, ed.t)
        ed.create([new])
    typer.echo(ed.t("created {path}", path=new.path))


@new_app.command("issue")
@spoken
def new_issue(
    issue: Annotated[str, typer.Argument(help="The key issue's id, e.g. lan-chiem-via-he.")],
    title: Annotated[str, typer.Argument(help="The issue, in words.")],
    raised_by: Annotated[str, typer.Option("--raised-by", help="The unit that raised it.")],
    lead: Annotated[str, typer.Option("--lead", help="The one person who leads.")],
    due: Annotated[str, typer.Option("--due", help="The deadline, YYYY-MM-DD.")],
    handled_by: Annotated[
        str | None, typer.Option("--handled-by", help="The unit whose authority it falls under (default: --raised-by).")
    ] = None,
    coordinator: Annotated[
        list[str] | None, typer.Option("--coordinator", help="A unit that coordinates; repeat it for several.")
    ] = None,
    raised: Annotated[
        str | None, typer.Option("--raised", help="The day it was raised, YYYY-MM-DD (default: --as-of, else today).")
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new key issue at YEAR/issues/ID.yaml, YEAR being the year it was raised."""
    with editing(root, lang, as_of, raised) as ed:
        fields = newfiles.IssueFields(
            issue,
            title,
            ed.day,
            raised_by,
            handled_by or raised_by,
            lead,
            parse_date(due, "--due"),
            tuple(coordinator or ()),
        )
        new = newfiles.new_issue(ed.tracker, fields, ed.t)
        ed.create([new])
    typer.echo(ed.t("created {path}", path=new.path))


def parse_month(value: str) -> str:
    if not MONTH.fullmatch(value) or not 1 <= int(value[5:]) <= 12:
        raise FatalError(said("{value!r} is not a month; write it as YYYY-MM, e.g. 2023-07", value=value))
    if not in_calendar(int(value[:4])):
        raise FatalError(
            said(
                "{value!r} is outside the years acct computes with, {first} to {last}",
                value=value,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return value


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
    t = language(None, root)
    for name, body in schemas().items():
        write_atomic(folder / name, schema_text(body).encode("utf-8"))
        typer.echo(t("wrote {path}", path=os.path.relpath(folder / name)))
