"""`--help` in the reader's language.

Typer builds the click commands afresh for every run, from help texts written in English (the `help=` of each option
and argument, and each command's docstring: `scripts/catalogue.py` takes them all into the catalogue). The language
is known only once the arguments are seen, so the translation happens then, and only when help is shown:

- the root group (`HelpGroup`) notes `--lang` and `--root` wherever they stand in the arguments (`acct --lang vi check
  --help` and `acct check --lang vi --help` alike) and gives every command a `HelpContext`;
- when a help page or a usage line is formatted, `HelpContext` decides the language (`--lang`, else acct.yaml's
  `language:`, else English: `cli.language.spoken`), translates the help texts of every command once, and hands
  click a formatter that writes its own words (Usage, Options, [default: …]) in that language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from accountability.cli.language import spoken
from accountability.i18n import N_, Messages
from accountability.problems import Text

WORDS = "acct.help"  # the key of the run's `Wording` in click's context meta, which every context of a run shares

# click's and typer's own words in a help page
HEADINGS = {"Arguments": N_("Arguments"), "Options": N_("Options"), "Commands": N_("Commands")}
HELP_OPTION = N_("Show this message and exit.")  # click's help of --help
NOTES = re.compile(r"(.*?)(\s+\\?\[)([^\[\]]*)\]", re.DOTALL)  # `help  [default: x; required]`


@dataclass
class Wording:
    """What the arguments say of the language, and the words once they are decided."""

    lang: str | None
    root: str | None
    t: Messages | None = None


def given(args: list[str], option: str) -> str | None:
    """The value of the last `option VALUE` or `option=VALUE` among the arguments (none after `--`)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == option and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith(option + "="):
            found = arg.partition("=")[2]
    return found


class HelpContext(typer.Context):
    def make_formatter(self) -> Any:
        return Formatter(super().make_formatter(), words(self))


class HelpGroup(TyperGroup):
    """The root group: it reads the language off the arguments before click parses them."""

    context_class = HelpContext

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:
            ctx.meta[WORDS] = Wording(given(args, "--lang"), given(args, "--root"))
            for command in _commands(self):
                command.context_class = HelpContext
        return super().parse_args(ctx, args)


def words(ctx: typer.Context) -> Messages:
    """The run's language for its help, decided (and every help text translated) the first time it is needed."""
    wording = ctx.meta.get(WORDS) or Wording(None, None)
    if wording.t is None:
        wording.t = spoken(wording.lang, Path(wording.root) if wording.root else None)
        for command in _commands(ctx.find_root().command):
            _translate(command, wording.t)
        ctx.meta[WORDS] = wording
    return wording.t


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def _translate(command: Any, t: Messages) -> None:
    command.help = _said(command.help, t)
    command.short_help = _said(command.short_help, t)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _said(param.help, t)


def _said(text: str | None, t: Messages) -> str | None:
    """A help text as the catalogue has it (its English, when it has none)."""
    return t.text(Text(text)) if text else text


class Formatter:
    """click's help formatter, writing click's own words in the run's language."""

    def __init__(self, formatter: Any, t: Messages) -> None:
        self._formatter, self.t = formatter, t

    def __getattr__(self, name: str) -> Any:
        return getattr(self._formatter, name)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        self._formatter.write_usage(prog, args, self.t("Usage:") + " ")

    def section(self, name: str) -> Any:
        return self._formatter.section(self.t(HEADINGS[name]) if name in HEADINGS else name)

    def write_dl(self, rows: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        self._formatter.write_dl([(term, self._described(text)) for term, text in rows], *args, **kwargs)

    def _described(self, text: str) -> str:
        """An option's help and the notes typer adds in brackets: `Output format.  [default: text]` (`\\[` in
        typer releases before 0.16, which escape it for rich)."""
        found = NOTES.fullmatch(text)
        help, bracket, notes = found.groups() if found else (text, "", "")
        if help == HELP_OPTION:
            help = self.t(HELP_OPTION)
        if not bracket:
            return help
        return f"{help}{bracket}{'; '.join(self._note(note) for note in notes.split('; '))}]"

    def _note(self, note: str) -> str:
        if note.startswith("default: "):
            return self.t("default: {value}", value=note.removeprefix("default: "))
        return self.t("required") if note == "required" else note
