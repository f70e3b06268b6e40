"""The typer application that every command module registers on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from accountability import __version__
from accountability.cli.help import HelpGroup
from accountability.cli.language import spoken
from accountability.cli.options import warn

app = typer.Typer(
    cls=HelpGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"acct {__version__}")
        raise typer.Exit(0)


@dataclass(frozen=True)
class Globals:
    """The options every command takes, given before the command's name (CLI.md)."""

    root: Path | None
    lang: str | None
    as_of: str | None


# Which of the global options each command has a use for; given to another, they are a usage error (CLI.md).
EVERY = frozenset({"root", "lang", "as_of"})
USES: dict[str, frozenset[str]] = {
    "init": frozenset({"lang"}),
    "schema": frozenset({"root"}),
    "rollup": frozenset({"lang"}),
    "diff": frozenset({"root", "lang"}),
    "codeowners": frozenset({"root", "lang"}),
}
OPTION = {"root": "--root", "lang": "--lang", "as_of": "--as-of"}


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    root: Annotated[
        Path | None, typer.Option("--root", help="The tracker's folder (else ACCT_ROOT, else found upwards).")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language of everything acct prints or writes: vi or en.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The judging date D, YYYY-MM-DD (default: today).")
    ] = None,
) -> None:
    """acct: accountability for commitments, monthly work plans and key issues, kept as YAML files in git."""
    given = {"root": root, "lang": lang, "as_of": as_of}
    command = ctx.invoked_subcommand or ""
    unused = [name for name, value in given.items() if value is not None and name not in USES.get(command, EVERY)]
    if unused:
        t = spoken(lang, root)
        refusal = t("acct {command} has no use for {option}; leave it out", command=command, option=OPTION[unused[0]])
        warn(f"acct: {refusal}")
        raise typer.Exit(2)
    ctx.obj = Globals(root, lang, as_of)
