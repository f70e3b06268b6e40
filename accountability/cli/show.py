"""`acct show REF`: one thing whole, for the meeting that decides on it."""

from __future__ import annotations

from typing import Annotated

import typer

from accountability.cli.app import app
from accountability.cli.editing import spoken
from accountability.cli.options import AsOfOption, LangOption, RootOption, parse_as_of, parse_lang, session
from accountability.files.discover import find_root
from accountability.i18n import messages
from accountability.queries.show import show as show_view
from accountability.render import show as render_show


@app.command()
@spoken
def show(
    ref: Annotated[
        str,
        typer.Argument(
            help="person/YYYY-MM (a person's month), unit/item, or the id of a person, a unit or a key issue."
        ),
    ],
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Print one thing whole: a person's month with each task's credit, the three steps and what is still missing and
    who must write it; a person, a unit, a commitment item (of the year of --as-of) or a key issue."""
    when = parse_as_of(as_of)
    parse_lang(lang)
    with session(find_root(root)) as run:
        tracker = run.valid(when).tracker
    t = messages(lang, tracker.config.language)
    typer.echo(render_show.as_text(show_view(tracker, ref, when), tracker, t))
