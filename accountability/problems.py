"""Problems are values: every finding about the tracker's files is a `Problem` in a list.

A problem found while reading a file knows its line and column at once. A problem found later (by a model
or by a rule between files) knows where it is *in the document*, as a path of keys and indexes such as
``("groups", 0, "items", 2, "owner")``; `accountability.files.locate` turns that into a line and a column, and only
for the files that have problems. That is how a clean tracker never pays for position tracking.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

CONTEXT = "\x04"  # how gettext joins a context to its message id


def N_(message: str) -> str:
    """Marks text for the catalogue where it is written; it is translated where it is shown (`accountability.i18n`)."""
    return message


def NC_(context: str, message: str) -> str:
    """As N_, for an English word that means more than one thing (`NC_("short level", "done")`)."""
    return f"{context}{CONTEXT}{message}"


@dataclass(frozen=True, slots=True)
class Text:
    """A sentence for people, kept as data: its English template and the values to fill in. It is translated only
    where it is shown (`accountability.i18n.Messages.text`); `str()` gives the English."""

    template: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        english = self.template.rpartition(CONTEXT)[2]  # a word with a context (NC_) is the word alone
        return english.format(**{name: _english(value) for name, value in self.values}) if self.values else english


def said(template: str, **values: object) -> Text:
    """A sentence for the catalogue, with its values: `said("{path} is not a file", path=path)`."""
    return Text(template, tuple(values.items()))


NOTHING = Text("")  # no sentence: a hint that does not apply (`Messages.text` shows it as "")


def _english(value: object) -> object:
    """A value as the English sentence writes it, as `Messages("en").shown` does: a date in ISO, a float as a
    figure (1,234.5, at most 2 decimals), a nested sentence in full, a list of them joined by commas."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, list):
        return ", ".join(str(_english(v)) for v in value)
    if isinstance(value, float):
        places = next((p for p in range(3) if round(value, p) == round(value, 2)), 2)
        return f"{round(value, places):,.{places}f}"
    return value.isoformat() if isinstance(value, dt.date) else value


DocPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    text: Text  # what is wrong and what would be right, as `said(...)`, so that it is shown in the reader's language
    path: str  # relative to the tracker root, with forward slashes
    line: int = 0  # 1-based; 0 until located
    col: int = 0  # 1-based; 0 until located
    severity: Severity = "error"
    at: DocPath = field(default=())  # where in the document, for problems found after parsing
    at_key: bool = False  # point at the key rather than at its value

    @property
    def message(self) -> str:
        """The English sentence: what JSON, SARIF and GitHub annotations carry, whatever the language."""
        return str(self.text)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.col, self.code, self.message)


class _JudgingDate:
    """Stands for D in a sentence found before D is known (a rule kept for every D): `Problem.on(D)` fills it in."""

    def __repr__(self) -> str:
        return "JUDGING_DATE"

    def __str__(self) -> str:
        return "the judging date"


JUDGING_DATE = _JudgingDate()


def on_date(problem: Problem, as_of: dt.date) -> Problem:
    """The problem with D written where its sentence names the judging date."""
    values = problem.text.values
    if not any(value is JUDGING_DATE for _, value in values):
        return problem
    filled = tuple((name, as_of if value is JUDGING_DATE else value) for name, value in values)
    return dataclasses.replace(problem, text=Text(problem.text.template, filled))


class FatalError(Exception):
    """A bad environment or argument: no tracker, a bad period, not a git repository. Exit 2.

    Its sentence is a `Text`, shown in the reader's language where it is caught (`cli.options.guarded`); `str()`
    gives the English. A plain string is taken as it is, untranslated."""

    def __init__(self, text: Text | str) -> None:
        super().__init__(str(text))
        self.text = text


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
