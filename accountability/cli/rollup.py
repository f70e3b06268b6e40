"""acct rollup: the province's report over its districts' exports, read with DuckDB (never the trackers)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accountability.cli.app import app
from accountability.cli.options import LangOption, guarded, parse_lang, warn
from accountability.files.atomic import write_atomic
from accountability.i18n import messages
from accountability.queries.rollup_duckdb import roll_up_duckdb
from accountability.render.rollup import rendered


class RollupFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
@guarded
def rollup(
    exports: Annotated[
        list[Path],
        typer.Argument(
            metavar="EXPORT_DIR", help="Folders that acct export wrote to, flat or --partitioned (read recursively)."
        ),
    ],
    format: Annotated[RollupFormat, typer.Option("--format", help="Output format.")] = RollupFormat.md,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (default: standard output).")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="The period to roll up, when the exports hold several.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """The province's report over many trackers' exports: districts ranked, levels, targets, key issues, flags."""
    t = messages(parse_lang(lang), None)
    text = rendered(roll_up_duckdb(exports, period), format.value, t)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        warn(t("wrote {path}", path=str(output)))
