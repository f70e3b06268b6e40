"""PERIOD arguments (SCORING.md, "Periods") and the two dates that govern judging: D and the cut-off C."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from accountability.problems import FatalError

FORMS = "2023 (a year), 2023-H1 or 2023-H2 (a half), 2023-Q1 to 2023-Q4 (a quarter), 2023-05 (a month), 2023-04-10..2023-06-30 (dates, both included)"

_YEAR = re.compile(r"^(\d{4})\Z", re.ASCII)
_HALF = re.compile(r"^(\d{4})-H([12])\Z", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])\Z", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})\Z", re.ASCII)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\Z", re.ASCII)


FIRST_YEAR, LAST_YEAR = 1900, 2999  # every date acct reads lies in these years, so that no arithmetic overflows
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def in_calendar(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def iso_date(text: str) -> dt.date | None:
    """An ISO date written YYYY-MM-DD in ASCII digits, in the years acct computes with; None for anything else
    (Python's own parser also takes 20230630, 2023-W26-5 and, through int(), digits of other scripts)."""
    if not _ISO_DATE.match(text):
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if in_calendar(day.year) else None


@dataclass(frozen=True, slots=True)
class Period:
    id: str
    start: dt.date
    end: dt.date

    def months(self) -> list[str]:
        """Every YYYY-MM that the period touches."""
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Judging:
    """D, the judging date, and C, the cut-off: the earlier of D and the period's last day."""

    period: Period
    as_of: dt.date  # D
    cutoff: dt.date = field(init=False)  # C

    def __post_init__(self) -> None:  # kept, not a property: scoring asks for it for every task
        object.__setattr__(self, "cutoff", min(self.as_of, self.period.end))

    def is_past(self, due: dt.date) -> bool:
        """A due date is past when it is before D and not after C."""
        return due < self.as_of and due <= self.cutoff

    def counts(self, on: dt.date) -> bool:
        """Done dates and report dates count up to C."""
        return on <= self.cutoff

    def written(self, on: dt.date) -> bool:
        """Reviews and ratings count up to D, since they are written after the month they judge."""
        return on <= self.as_of


def parse_period(text: str) -> Period:
    """A PERIOD argument, or a FatalError (exit 2) that lists the valid forms."""
    try:
        period = _parse(text.strip())
    except ValueError:
        period = None
    if period is None:
        raise FatalError(f"{text!r} is not a period; write one of: {FORMS}")
    if not (in_calendar(period.start.year) and in_calendar(period.end.year)):
        raise FatalError(f"{text!r} is outside the years acct computes with, {FIRST_YEAR} to {LAST_YEAR}")
    return period


def _parse(text: str) -> Period | None:
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return Period(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if match := _HALF.match(text):
        year, half = int(match.group(1)), int(match.group(2))
        return Period(text, dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half))
    if match := _QUARTER.match(text):
        year, quarter = int(match.group(1)), int(match.group(2))
        return Period(text, dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
    if match := _MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
        return Period(text, dt.date(year, month, 1), _month_end(year, month))
    if match := _RANGE.match(text):
        start, end = iso_date(match.group(1)), iso_date(match.group(2))
        return Period(text, start, end) if start and end and start <= end else None
    return None


def form(period: Period) -> tuple[str, int]:
    """How the period's id is written, for naming it: `year`, `half`, `quarter`, `month` or `range`, with the
    half's, quarter's or month's number (0 for a year or a range)."""
    for kind, pattern in (("half", _HALF), ("quarter", _QUARTER), ("month", _MONTH)):
        if match := pattern.match(period.id):
            return kind, int(match.group(2))
    return ("year", 0) if _YEAR.match(period.id) else ("range", 0)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_period(month: str) -> Period:
    year, number = int(month[:4]), int(month[5:7])
    return Period(month, dt.date(year, number, 1), _month_end(year, number))


def begun(month: str, as_of: dt.date) -> bool:
    """Whether the month YYYY-MM has begun by D."""
    return month <= f"{as_of.year:04d}-{as_of.month:02d}"


def judging(period: Period, as_of: dt.date) -> Judging:
    """The judging of a period as of D; a period that starts after D has nothing to judge yet (exit 2)."""
    if period.start > as_of:
        raise FatalError(
            f"the period {period.id} starts on {period.start}, after the judging date {as_of}; nothing in it can be judged yet"
        )
    return Judging(period, as_of)
