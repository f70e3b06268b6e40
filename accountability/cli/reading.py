"""The commands that read a tracker: check, score, overdue and export."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accountability.cli.app import app
from accountability.cli.options import (
    AsOfOption,
    LangOption,
    NoCacheOption,
    RootOption,
    Session,
    append_step_summary,
    console,
    guarded,
    known_unit,
    parse_as_of,
    parse_lang,
    scored_period,
    session,
    warn,
)
from accountability.codes import CODES
from accountability.engine import Outcome, open_deadlines
from accountability.files.discover import find_root
from accountability.files.locate import located
from accountability.periods import parse_period
from accountability.problems import FatalError, said
from accountability.queries.evidence import with_lines
from accountability.queries.export import identity as export_identity
from accountability.queries.export import tables as export_tables
from accountability.queries.overdue import CODES as OVERDUE_CODES
from accountability.queries.overdue import find_overdue
from accountability.render import explain as render_explain
from accountability.render import overdue as render_overdue
from accountability.render import problems as render_problems
from accountability.render import scores as render_scores
from accountability.render.export_files import write_partition, write_tables
from accountability.render.sarif import as_sarif
from accountability.scoring.explain import explain as explain_ref
from accountability.scoring.scoreboard import score_tracker, subtree


class CheckFormat(StrEnum):
    """The formats of check and overdue: for people, for tools, for GitHub annotations, for code scanning."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command()
@guarded
def check(
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Validate every file of the tracker: schema, references between files, and the format's rules."""
    parse_lang(lang)
    when = parse_as_of(as_of)
    tracker_root = find_root(root)
    with session(tracker_root, no_cache, lang) as run:
        arguments = ["check", format.value, f"strict={strict}", f"lang={lang}", when.isoformat()]
        run.replayed(arguments, lambda: _check(run, run.outcome(when, keep_plans=False), format, strict))


def _check(run: Session, outcome: Outcome, format: CheckFormat, strict: bool) -> None:
    problems, files = outcome.problems, outcome.files
    if format is CheckFormat.json:
        typer.echo(render_problems.as_json(problems, files))
    elif format is CheckFormat.sarif:
        rows = [(p.code, p.severity, p.message, p.path, p.line, p.col) for p in problems]
        t = run.messages(outcome.tracker)
        typer.echo(as_sarif(rows, {code: t(CODES[code]) for code in CODES}, outcome.root, t.lang))
    elif format is CheckFormat.github:
        typer.echo(render_problems.as_github(problems, files, outcome.root))
        append_step_summary(render_problems.as_markdown_table(problems))
    else:
        typer.echo(render_problems.as_text(problems, files, run.messages(outcome.tracker)))
    errors = len(outcome.errors)
    failed = errors > 0 or (strict and len(problems) > errors)
    raise typer.Exit(1 if failed else 0)


class ScoreBy(StrEnum):
    unit = "unit"
    person = "person"
    all = "all"


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command()
@guarded
def score(
    period: Annotated[str, typer.Argument(help="2023, 2023-H1, 2023-Q2, 2023-05 or 2023-04-10..2023-06-30.")],
    by: Annotated[ScoreBy, typer.Option("--by", help="Score units, people, or both.")] = ScoreBy.all,
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit and the units below it.")] = None,
    format: Annotated[ScoreFormat, typer.Option("--format", help="Output format.")] = ScoreFormat.table,
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Show the arithmetic behind a unit, unit/item, a person or person/YYYY-MM."),
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Score units and people for a period, ranked, with levels, quota, escalations and key issues."""
    tracker_root = find_root(root)
    with session(tracker_root, no_cache, lang) as run:
        arguments = ["score", period, by.value, str(unit), format.value, str(explain), str(lang), str(as_of)]
        run.replayed(arguments, lambda: _score(run, period, by, unit, format, explain, as_of))


def _score(
    run: Session,
    period: str,
    by: ScoreBy,
    unit: str | None,
    format: ScoreFormat,
    explain: str | None,
    as_of: str | None,
) -> None:
    tracker, scores, t = scored_period(run, period, unit, as_of, plans=explain is not None)
    if explain:
        typer.echo(render_explain.as_text(explain_ref(explain, tracker, scores), t))
        return
    scores = with_lines(tracker.root, scores)
    names = {pid: entry.model.name for pid, entry in tracker.people.items()}
    if format is ScoreFormat.json:
        typer.echo(render_scores.as_json(scores, by.value))
    elif format is ScoreFormat.csv:
        typer.echo(render_scores.as_csv(scores, by.value), nl=False)
    elif format is ScoreFormat.md:
        typer.echo(render_scores.as_markdown(scores, by.value, names, t))
    else:
        render_scores.as_table(scores, by.value, names, t, console())


@app.command()
@guarded
def overdue(
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    warn_only: Annotated[
        bool, typer.Option("--warn-only", help="Report, but exit 0 even when something is overdue.")
    ] = False,
    within: Annotated[
        int | None,
        typer.Option("--within", min=0, max=3660, help="Days ahead that count as due soon (default: due_soon_days)."),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Only the work of this unit and the units below it.")
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List what is overdue as of D, grouped by the person who must act, with what falls due soon."""
    parse_lang(lang)
    when = parse_as_of(as_of)
    tracker_root = find_root(root)
    with session(tracker_root, no_cache, lang) as run:
        arguments = [
            "overdue",
            format.value,
            f"warn_only={warn_only}",
            str(within),
            str(unit),
            str(lang),
            when.isoformat(),
        ]
        run.replayed(arguments, lambda: _overdue(run, when, format, warn_only, within, unit))


def _overdue(
    run: Session, when: dt.date, format: CheckFormat, warn_only: bool, within: int | None, unit: str | None
) -> None:
    outcome = run.valid(when, keep_plans=False)
    tracker = outcome.tracker
    known_unit(unit, tracker)
    open_plans = lambda until: (open_deadlines(outcome, run.runner, when, until), outcome.plan_months)  # noqa: E731
    findings = located(tracker.root, find_overdue(tracker, when, within, open_plans))
    if unit is not None:
        keep = subtree(tracker, unit)
        findings = [f for f in findings if f.unit in keep]
    if format is CheckFormat.json:
        typer.echo(render_overdue.as_json(findings, when))
    elif format is CheckFormat.sarif:
        rows = [(f.code, f.severity, render_overdue.english(f), f.path, f.line, 0) for f in findings]
        t = run.messages(tracker)
        typer.echo(as_sarif(rows, {code: t(OVERDUE_CODES[code]) for code in OVERDUE_CODES}, tracker.root, t.lang))
    elif format is CheckFormat.github:
        typer.echo(render_overdue.as_github(findings, tracker.root))
        append_step_summary(render_overdue.as_markdown_table(findings))
    else:
        people = {pid: entry.model.name for pid, entry in tracker.people.items()}
        units = {uid: entry.model.name for uid, entry in tracker.units.items()}
        typer.echo(render_overdue.as_text(findings, people, units, run.messages(tracker)))
    late = any(f.severity == "error" for f in findings)
    raise typer.Exit(1 if late and not warn_only else 0)


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
@guarded
def export(
    period: Annotated[str, typer.Argument(help="The period whose scores are exported, e.g. 2023 or 2023-Q2.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder to write the tables to.")],
    format: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl, csv, or parquet (needs accountability-tracker[parquet]).")
    ] = ExportFormat.csv,
    partitioned: Annotated[
        bool,
        typer.Option(
            "--partitioned", help="Write into DIR/tracker=<id>/year=<yyyy>/, replacing only this tracker's year."
        ),
    ] = False,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write flat tables (trackers, units, people, items, reports, plans, tasks, unit_scores, person_scores, issues)
    for databases; every row names the tracker (acct.yaml's id) and the period."""
    when = parse_as_of(as_of)
    parsed = parse_period(period)
    if partitioned and parsed.start.year != parsed.end.year:
        raise FatalError(
            said(
                "--partitioned writes one year's partition, and {period} spans {first} to {last}; export each year's "
                "part on its own",
                period=period,
                first=parsed.start.year,
                last=parsed.end.year,
            )
        )
    with session(find_root(root), no_cache, lang) as run:
        tracker = run.valid(when).tracker
        t = run.messages(tracker)
    name = export_identity(tracker.config)
    if name.derived:
        said_of_id = t(
            "acct.yaml has no id, so the export names this tracker {id} after its organization; add  id: {name}  to "
            "acct.yaml to keep that name if the organization is renamed",
            id=repr(name.id),
            name=name.id,
        )
        warn(f"acct: {said_of_id}")
    scores = with_lines(tracker.root, score_tracker(tracker, parsed, when))
    tables = export_tables(tracker, scores, name)
    if partitioned:
        written = write_partition(tables, output, format.value, name.id, parsed.end.year)
    else:
        written = write_tables(tables, output, format.value)
    for path in written:
        typer.echo(t("wrote {path}", path=os.path.relpath(path)))
