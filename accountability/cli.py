"""The command line: parse arguments, call the core, render, choose the exit code. Nothing else."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from accountability import __version__, edits, newfiles
from accountability.checking import check as run_check
from accountability.codeowners import codeowners as make_codeowners
from accountability.codes import CODES
from accountability.diff import diff_trackers
from accountability.discover import find_root
from accountability.export import tables as export_tables
from accountability.git import toplevel
from accountability.i18n import messages
from accountability.init import init as init_tracker
from accountability.load import load_tracker
from accountability.locate import located
from accountability.model.base import MONTH
from accountability.overdue import CODES as OVERDUE_CODES
from accountability.overdue import find_overdue
from accountability.periods import parse_period
from accountability.problems import FatalError
from accountability.render import diff as render_diff
from accountability.render import explain as render_explain
from accountability.render import overdue as render_overdue
from accountability.render import problems as render_problems
from accountability.render import scores as render_scores
from accountability.render.export_files import write_tables
from accountability.render.sarif import as_sarif
from accountability.revision import load_at_revision
from accountability.schema import as_text as schema_text
from accountability.schema import schemas
from accountability.scoring.explain import explain as explain_ref
from accountability.scoring.numbers import fmt
from accountability.scoring.tracker import score_tracker
from accountability.tracker import Tracker
from accountability.writefile import write_atomic

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git.",
)

RootOption = Annotated[Path | None, typer.Option("--root", help="The tracker's folder (else ACCT_ROOT, else found upwards).")]
LangOption = Annotated[str | None, typer.Option("--lang", help="Language of labels: vi or en (default from acct.yaml, else en).")]
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
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FatalError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30") from None


def parse_lang(value: str | None) -> str | None:
    if value not in (None, "vi", "en"):
        raise FatalError(f"--lang {value!r} is not supported; use vi or en")
    return value


class CheckFormat(str, Enum):
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
    result = run_check(tracker_root, when, cache=not no_cache)
    files = result.tracker.files
    if format is CheckFormat.json:
        typer.echo(render_problems.as_json(result.problems, files))
    elif format is CheckFormat.sarif:
        rows = [(p.code, p.severity, p.message, p.path, p.line, p.col) for p in result.problems]
        typer.echo(as_sarif(rows, CODES, tracker_root))
    elif format is CheckFormat.github:
        typer.echo(render_problems.as_github(result.problems, files, tracker_root))
        _append_step_summary(render_problems.as_markdown_table(result.problems))
    else:
        typer.echo(render_problems.as_text(result.problems, files))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)


class ScoreBy(str, Enum):
    unit = "unit"
    person = "person"
    all = "all"


class ScoreFormat(str, Enum):
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
    explain: Annotated[str | None, typer.Option("--explain", help="Show the arithmetic behind a unit, unit/item or person/YYYY-MM.")] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Score units and people for a period, ranked, with levels, quota, escalations and key issues."""
    when = parse_as_of(as_of)
    parsed = parse_period(period)
    tracker = valid_tracker(find_root(root), when, cache=not no_cache)
    t = messages(parse_lang(lang), tracker.config.language)
    if unit is not None and unit not in tracker.units:
        raise FatalError(f"--unit {unit!r} is not a unit in org; units: {', '.join(tracker.units)}")
    scores = score_tracker(tracker, parsed, when, unit)
    if explain:
        typer.echo(render_explain.as_text(explain_ref(explain, tracker, scores)))
        return
    names = {pid: entry.model.name for pid, entry in tracker.people.items()}
    if format is ScoreFormat.json:
        typer.echo(render_scores.as_json(scores, by.value))
    elif format is ScoreFormat.csv:
        typer.echo(render_scores.as_csv(scores, by.value), nl=False)
    elif format is ScoreFormat.md:
        typer.echo(render_scores.as_markdown(scores, by.value, names, t))
    else:
        render_scores.as_table(scores, by.value, names, t, _console())


class OverdueFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command()
@guarded
def overdue(
    format: Annotated[OverdueFormat, typer.Option("--format", help="Output format.")] = OverdueFormat.text,
    warn_only: Annotated[bool, typer.Option("--warn-only", help="Report, but exit 0 even when something is overdue.")] = False,
    within: Annotated[int | None, typer.Option("--within", min=0, help="Days ahead that count as due soon (default: due_soon_days).")] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List what is overdue as of D, grouped by the person who must act, with what falls due soon."""
    parse_lang(lang)
    when = parse_as_of(as_of)
    tracker_root = find_root(root)
    tracker = valid_tracker(tracker_root, when, cache=not no_cache)
    findings = located(tracker_root, find_overdue(tracker, when, within))
    if format is OverdueFormat.json:
        typer.echo(render_overdue.as_json(findings, when))
    elif format is OverdueFormat.sarif:
        rows = [(f.code, f.severity, f"{f.who}: {f.title} (due {f.due})", f.path, f.line, 0) for f in findings]
        typer.echo(as_sarif(rows, OVERDUE_CODES, tracker_root))
    elif format is OverdueFormat.github:
        typer.echo(render_overdue.as_github(findings, tracker_root))
        _append_step_summary(render_overdue.as_markdown_table(findings))
    else:
        names = {pid: entry.model.name for pid, entry in tracker.people.items()}
        typer.echo(render_overdue.as_text(findings, names))
    late = any(f.severity == "error" for f in findings)
    raise typer.Exit(1 if late and not warn_only else 0)


@app.command()
@guarded
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the tracker (default: here).")] = Path("."),
) -> None:
    """Create a new tracker: acct.yaml, an org.yaml to fill in, a CI workflow and a pre-commit hook."""
    written = init_tracker(folder)
    for path in written:
        typer.echo(f"created {os.path.relpath(path)}")
    if not any(path.name == ".gitignore" for path in written):
        typer.echo("note: add .acct-cache/ to your .gitignore")
    typer.echo("next: fill in org.yaml, then run: acct check")


@app.command()
@guarded
def codeowners(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write CODEOWNERS here (default: print it).")] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Write CODEOWNERS from org: commitments need their body's head, plans the head of the person's unit."""
    when = parse_as_of(as_of)
    tracker_root = find_root(root)
    tracker = valid_tracker(tracker_root, when)
    owners = make_codeowners(tracker, toplevel(tracker_root))
    text = "\n".join(owners.lines) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        typer.echo(f"wrote {output}: {len(owners.lines) - 2} rules", err=True)
    if owners.without_handle:
        typer.echo(f"people with no handle: in org, so {len(owners.unowned)} files have no owner: {', '.join(owners.without_handle)}", err=True)


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
@guarded
def diff(
    base: Annotated[str, typer.Argument(help="The git revision to compare from, e.g. origin/main.")],
    head: Annotated[str | None, typer.Argument(help="The revision to compare to (default: the working tree, uncommitted files included).")] = None,
    format: Annotated[DiffFormat, typer.Option("--format", help="Output format; md is a pull-request comment.")] = DiffFormat.text,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Compare the commitments between two git revisions; fail on weakening changes that no amendment approves."""
    parse_lang(lang)
    tracker_root = find_root(root)
    top = toplevel(tracker_root)
    before, _ = load_at_revision(base, tracker_root, top)
    if head is None:
        after, _ = load_tracker(tracker_root)
    else:
        after, _ = load_at_revision(head, tracker_root, top)
    changes = diff_trackers(before, after)
    head_name = head or "working tree"
    if format is DiffFormat.json:
        typer.echo(render_diff.as_json(changes, base, head_name))
    elif format is DiffFormat.md:
        typer.echo(render_diff.as_markdown(changes, base, head_name))
    else:
        typer.echo(render_diff.as_text(changes, base, head_name))
    raise typer.Exit(1 if any(c.unapproved for c in changes) else 0)


OnOption = Annotated[str | None, typer.Option("--on", help="The date, YYYY-MM-DD (default: --as-of, else today).")]
YearOption = Annotated[int | None, typer.Option("--year", help="The commitment's year, for unit/item (default: the year of --on).")]


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
    tracker = load_tracker(tracker_root)[0]
    target = edits.resolve(tracker, ref, year or day.year)
    _save(tracker_root, target, lambda: edits.done(tracker_root, tracker, target, day), when)
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
    tracker = load_tracker(tracker_root)[0]
    target = edits.resolve(tracker, ref, year or day.year)
    _save(tracker_root, target, lambda: edits.record(tracker_root, tracker, target, value, day, note), when)
    typer.echo(f"{target.label}: recorded {fmt(value, 6)} on {day} ({target.doc.path})")


def _save(root: Path, target: edits.Target, make: Callable[[], Any], when: dt.date) -> None:
    """Make and save an edit; a refusal prints why (with positions) and exits 1, leaving the file untouched."""
    try:
        edits.save(root, target.doc.path, make(), when)
    except edits.Refused as refused:
        typer.echo(f"acct: refused: {refused}", err=True)
        if refused.problems:
            typer.echo(render_problems.as_text(refused.problems, 1).rsplit("\n", 1)[0], err=True)
        raise typer.Exit(1) from None


new_app = typer.Typer(help="Write a new plan or commitment at the suggested path; never overwrites.", no_args_is_help=True)
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
    tracker = load_tracker(tracker_root)[0]
    _write_new(tracker_root, *newfiles.new_plan(tracker, person, parse_month(month)))


@new_app.command("commitment")
@guarded
def new_commitment(
    unit: Annotated[str, typer.Argument(help="The unit's id.")],
    year: Annotated[int, typer.Argument(help="The commitment's year.")],
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """A new commitment that copies the unit's previous groups and items, without dates or results."""
    tracker_root = find_root(root)
    tracker = load_tracker(tracker_root)[0]
    _write_new(tracker_root, *newfiles.new_commitment(tracker, unit, year))


def parse_month(value: str) -> str:
    if not MONTH.match(value) or not 1 <= int(value[5:]) <= 12:
        raise FatalError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2023-07")
    return value


def _write_new(root: Path, path: str, text: str) -> None:
    write_atomic(root / path, text.encode("utf-8"), overwrite=False)
    typer.echo(f"created {path}")


@app.command()
@guarded
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="The folder to write to (default: the tracker's _schema/).")] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Write a JSON Schema per kind of file (<kind>.schema.json), for editors such as VS Code's YAML extension."""
    folder = output if output is not None else find_root(root) / newfiles.SCHEMA_DIR
    for name, body in schemas().items():
        write_atomic(folder / name, schema_text(body).encode("utf-8"))
        typer.echo(f"wrote {os.path.relpath(folder / name)}")


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
@guarded
def export(
    period: Annotated[str, typer.Argument(help="The period whose scores are exported, e.g. 2023 or 2023-Q2.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder to write the tables to.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv, or parquet (needs acct[parquet]).")] = ExportFormat.csv,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write flat tables (units, people, items, reports, plans, tasks, unit_scores, person_scores) for databases."""
    when = parse_as_of(as_of)
    parsed = parse_period(period)
    tracker = valid_tracker(find_root(root), when, cache=not no_cache)
    scores = score_tracker(tracker, parsed, when)
    for path in write_tables(export_tables(tracker, scores), output, format.value):
        typer.echo(f"wrote {os.path.relpath(path)}")


def valid_tracker(root: Path, as_of: dt.date, cache: bool = True) -> Tracker:
    """The tracker, or its errors on stderr and exit 1: bad data is never scored as if it were good."""
    result = run_check(root, as_of, cache=cache)
    if result.errors:
        errors = [p for p in result.problems if p.severity == "error"]
        typer.echo(render_problems.as_text(errors, result.tracker.files), err=True)
        raise typer.Exit(1)
    return result.tracker


def _console() -> Console:
    """Colour on a terminal (unless NO_COLOR); plain, wide text otherwise."""
    if sys.stdout.isatty():
        return Console()
    return Console(width=200, no_color=True, highlight=False, emoji=False)


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
    # acct is a short-lived process whose data (models, YAML nodes) holds no reference cycles, yet the cyclic
    # collector rescans every live object as the heap grows: on a district tracker it took 60% of a cold check.
    gc.disable()
    sys.exit(app())
