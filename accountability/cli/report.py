"""acct report: the report a Standing Committee reads, in Markdown, HTML or JSON."""

from __future__ import annotations

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
    guarded,
    scored_period,
    session,
    warn,
)
from accountability.files.atomic import write_atomic
from accountability.files.discover import find_root
from accountability.queries.committee import build_report
from accountability.queries.evidence import with_lines
from accountability.render.report_html import as_html
from accountability.render.report_json import as_json
from accountability.render.report_md import as_markdown


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
@guarded
def report(
    period: Annotated[str, typer.Argument(help="2023, 2023-H1, 2023-Q2, 2023-05 or 2023-04-10..2023-06-30.")],
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit and the units below it.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", help="Output format.")] = ReportFormat.md,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (default: standard output).")
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """The report for the Standing Committee: each unit's commitment, ratings, flags and key issues."""
    with session(find_root(root), no_cache, lang) as run:
        tracker, scores, t = scored_period(run, period, unit, as_of)
    built = build_report(tracker, with_lines(tracker.root, scores))
    if format is ReportFormat.html:
        text = as_html(built, t, tracker.config.document)
    elif format is ReportFormat.json:
        text = as_json(built)
    else:
        text = as_markdown(built, t)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        warn(t("wrote {path}", path=str(output)))
