"""Everything acct says to people, in their language: gettext catalogues managed with Babel, and Babel's locale data
for numbers, dates and plural forms.

The English text in the code is the message id. A language is one catalogue, `locale/<code>/LC_MESSAGES/acct.po`,
compiled to `acct.mo` beside it (`python scripts/catalogue.py` extracts, updates and compiles); adding a language is
adding a catalogue and needs no code. English needs none: it is the source text.

Marking text for the catalogue: `t("...")` and `t.plural("...", "...", n)` on a `Messages`, `N_("...")` for text
kept in a table and translated later, `NC_("context", "...")` where one English word means two things, and
`said("...", value=...)` (and `Steps.said`) for a sentence kept as data, such as a problem's message or a
FatalError's, shown later with `t.text(...)`. The command line's help is taken from the `help=` of typer's options
and the commands' docstrings (`scripts/catalogue.py`, `cli/help.py`); docs/language.md says what stays English.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from accountability.periods import Period, form
from accountability.problems import CONTEXT, N_, NC_, FatalError, Text, said

DEFAULT = "en"
DOMAIN = "acct"


def locale_folder() -> Path:
    return Path(str(resources.files(__package__).joinpath("locale")))


def languages() -> list[str]:
    folder = locale_folder()
    found = [p.name for p in folder.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()]
    return sorted({DEFAULT, *found})


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(locale_folder()), languages=[lang])


@dataclass(frozen=True)
class Messages:
    """One language's words, numbers and dates. Call it with the English text and the values to fill in."""

    lang: str
    _catalogue: gettext.NullTranslations = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_catalogue", _translations(self.lang))

    def __call__(self, message: str, **values: object) -> str:
        return self._filled(self._translated(message), values)

    def in_context(self, context: str, message: str, **values: object) -> str:
        return self._filled(self._translated(NC_(context, message)), values)

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        return self._filled(self._catalogue.ngettext(singular, plural, n), {"n": n, **values})

    def text(self, said: Text) -> str:
        """A sentence kept as data (a problem's message): its template translated, then its values filled in."""
        if not said.template:  # NOTHING: gettext would give the catalogue's header for ""
            return ""
        return self(said.template, **dict(said.values))

    def sentence(self, sentence: Text | str) -> str:
        """A FatalError's sentence: a Text translated, plain text (not yet given as a Text) as it is."""
        return self.text(sentence) if isinstance(sentence, Text) else sentence

    def _translated(self, message: str) -> str:
        if CONTEXT not in message:
            return self._catalogue.gettext(message)
        context, _, plain = message.partition(CONTEXT)
        translated = self._catalogue.pgettext(context, plain)
        return translated

    def _filled(self, template: str, values: dict[str, object]) -> str:
        return template.format(**{name: self.shown(value) for name, value in values.items()}) if values else template

    def shown(self, value: object) -> Any:
        """A value as this language writes it; numbers stay numbers so that a template may format them further."""
        if isinstance(value, Text):
            return self.text(value)
        if isinstance(value, list):
            return ", ".join(str(self.shown(v)) for v in value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, float):
            return self.figure(value)
        return value

    def level(self, level: str | None) -> str:
        return self(LEVELS[level]) if level else self(NO_VALUE)

    def number(self, value: float | None, places: int = 1) -> str:
        """1,234.5 in English; 1.234,5 in Vietnamese: the grouping and decimal marks are the locale's."""
        if value is None:
            return self(NO_VALUE)
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(round(value, places), format=pattern, locale=self.lang)

    def percent(self, share: float | None) -> str:
        return self.number(None if share is None else share * 100, 2) + ("%" if share is not None else "")

    def figure(self, value: float | None) -> str:
        """A reported value as people write it: 58, 26.4, 0.25 (58; 26,4; 0,25 in Vietnamese)."""
        if value is None:
            return self(NO_VALUE)
        places = next((p for p in range(3) if round(value, p) == round(value, 2)), 2)
        return self.number(value, places)

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return self(NO_VALUE)
        from babel.dates import format_date

        # TRANSLATORS: how a date is written, as a CLDR pattern: dd/MM/yyyy for 26/11/2026.
        return format_date(day, self(N_("yyyy-MM-dd")), locale=self.lang)

    def month(self, month: str) -> str:
        """A month YYYY-MM as this language writes it: 2023-05 in English, 05/2023 in Vietnamese."""
        return self.text(a_month(month))

    def period(self, period: Period) -> str:
        """A period as people name it: Q2 2023, first half of 2023, May 2023, 2023, 10 Apr 2023 to 30 Jun 2023 (quý II
        năm 2023, 6 tháng đầu năm 2023, tháng 5/2023, năm 2023, từ 10/04/2023 đến 30/06/2023)."""
        kind, number = form(period)
        if kind == "range":
            return self(PERIODS["range"], start=self._named_day(period.start), end=self._named_day(period.end))
        if kind == "month":
            from babel.dates import get_month_names

            name = get_month_names("wide", locale=self.lang)[number]
            return self(PERIODS["month"], month_name=name, year=period.start.year)
        return self(PERIODS[f"{kind}{number or ''}"], year=period.start.year)

    def _named_day(self, day: dt.date) -> str:
        from babel.dates import format_date

        # TRANSLATORS: how a day is written in the name of a period of dates, as a CLDR pattern: dd/MM/yyyy.
        return format_date(day, self.in_context("period", "d MMM yyyy"), locale=self.lang)


def a_month(month: str) -> Text:
    """A month YYYY-MM kept in a sentence, to be written as `Messages.month` writes it."""
    year, number = month.split("-")
    # TRANSLATORS: a month in a table, {year} and {month} in digits: {month}/{year} for 05/2023.
    return Text(N_("{year}-{month}"), (("year", year), ("month", number)))


NO_VALUE = N_("—")
PERIODS = {  # how a period is named, by the form of its id; {month_name} is the locale's name of the month
    "year": NC_("period", "{year}"),
    "half1": NC_("period", "first half of {year}"),
    "half2": NC_("period", "second half of {year}"),
    "quarter1": NC_("period", "Q1 {year}"),
    "quarter2": NC_("period", "Q2 {year}"),
    "quarter3": NC_("period", "Q3 {year}"),
    "quarter4": NC_("period", "Q4 {year}"),
    # TRANSLATORS: a month; {month_name} is the name Babel's locale data gives it: May in English, tháng 5 in Vietnamese.
    "month": NC_("period", "{month_name} {year}"),
    # TRANSLATORS: a period of dates, both included; {start} and {end} are written with the pattern "d MMM yyyy".
    "range": NC_("period", "{start} to {end}"),
}
LEVELS = {
    "excellent": NC_("level", "excellent"),
    "good": NC_("level", "good"),
    "done": NC_("level", "done"),
    "not-done": NC_("level", "not done"),
}
LEVEL_VALUES = {  # a level as written in a file (rating.level: not-done), in a sentence about it
    "excellent": NC_("level value", "excellent"),
    "good": NC_("level value", "good"),
    "done": NC_("level value", "done"),
    "not-done": NC_("level value", "not-done"),
}


def unavailable(option: str, chosen: object) -> Text:
    """The sentence of a language acct has no catalogue for."""
    return said(
        "{option} {chosen} is not available; choose one of: {languages}",
        option=option,
        chosen=repr(chosen),
        languages=", ".join(languages()),
    )


def messages(lang: str | None, configured: str | None) -> Messages:
    """--lang, else acct.yaml's language, else English."""
    chosen = lang or configured or DEFAULT
    if chosen not in languages():
        raise FatalError(unavailable("--lang", chosen))
    return Messages(chosen)
