"""The typer application that every command module registers on."""

from __future__ import annotations

from typing import Annotated

import typer

from accountability import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"acct {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git."""
