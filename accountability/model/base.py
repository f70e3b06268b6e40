"""Field types shared by every kind of file: ids, dates, months, numbers and levels.

Each type rejects bad input with its own error code (``invalid-id``, ``invalid-date``…), which the loader uses as
the problem's code, and a sentence (a `Text`, for the catalogue) that says what would be right.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from accountability.periods import FIRST_YEAR, LAST_YEAR, in_calendar
from accountability.problems import Text as Sentence
from accountability.problems import said

SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # also the JSON Schema's pattern: match it with fullmatch
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\Z", re.ASCII)
_YMD_LOOSE = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\Z", re.ASCII)

Level = Literal["excellent", "good", "done", "not-done"]
LEVELS: tuple[Level, ...] = ("excellent", "good", "done", "not-done")


def fail(code: str, sentence: Sentence) -> PydanticCustomError:
    """An error for pydantic to report, with our problem code as its type and our sentence in its context (the
    loader makes it the problem's message; pydantic's own `msg` is its English)."""
    return PydanticCustomError(code, "{message}", {"message": str(sentence), "sentence": sentence})


class Record(BaseModel):
    """Every model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _slug(value: Any) -> str:
    if isinstance(value, str) and SLUG.fullmatch(value):
        return value
    hint = slugify(value) if isinstance(value, str) else ""
    if hint and hint != value:
        raise fail(
            "invalid-id",
            said(
                "{value} is not an id; write lowercase letters and digits joined by '-', '_' or '.', for example "
                "'{hint}'",
                value=repr(value),
                hint=hint,
            ),
        )
    raise fail(
        "invalid-id",
        said("{value} is not an id; write lowercase letters and digits joined by '-', '_' or '.'", value=repr(value)),
    )


def slugify(text: str) -> str:
    """Vietnamese text as an id: Thành ủy Đông Hà → thanh-uy-dong-ha."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise fail(
            "invalid-date",
            said("'{value}' has a time; write the date alone: {date}", value=str(value), date=value.date().isoformat()),
        )
    if isinstance(value, dt.date):
        return _in_calendar(value)
    if isinstance(value, str):
        if ISO_DATE.match(value):
            try:
                return _in_calendar(dt.date.fromisoformat(value))
            except ValueError:
                raise fail(
                    "invalid-date", said("'{value}' is not a real date; check the day and the month", value=value)
                ) from None
        iso = _iso_from(value.strip())
        if iso:
            raise fail("invalid-date", said("'{value}' is not an ISO date; write {iso}", value=value, iso=iso))
    raise fail(
        "invalid-date", said("{value} is not a date; write it as YYYY-MM-DD, e.g. 2023-07-15", value=repr(value))
    )


def _in_calendar(day: dt.date) -> dt.date:
    if not in_calendar(day.year):
        raise fail("invalid-date", _outside(day.isoformat()))
    return day


def _iso_from(text: str) -> str | None:
    """The ISO form of a date written another way (15/07/2023, 2023/7/15), if it is a real date."""
    for pattern, order in ((_DMY, (2, 1, 0)), (_YMD_LOOSE, (0, 1, 2))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(i + 1)) for i in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


def _month(value: Any) -> str:
    if isinstance(value, str):
        match = MONTH.fullmatch(value)
        if match and 1 <= int(match.group(2)) <= 12:
            if not in_calendar(int(match.group(1))):
                raise fail("invalid-month", _outside(value))
            return value
        loose = re.match(r"^(\d{4})-(\d{1,2})\Z", value, re.ASCII) or re.match(
            r"^(\d{1,2})[/.](\d{4})\Z", value, re.ASCII
        )
        if loose:
            year, month = sorted(loose.groups(), key=len, reverse=True)
            if 1 <= int(month) <= 12:
                raise fail(
                    "invalid-month",
                    said("'{value}' is not a month; write {month}", value=value, month=f"{year}-{int(month):02d}"),
                )
    raise fail("invalid-month", said("{value} is not a month; write it as YYYY-MM, e.g. 2023-05", value=repr(value)))


def _outside(value: str) -> Sentence:
    return said(
        "'{value}' is outside the years acct computes with, {first} to {last}; check the year",
        value=value,
        first=FIRST_YEAR,
        last=LAST_YEAR,
    )


MAX_FIGURE = 1e15  # a figure (a target, a report, a milestone) lies within ±MAX_FIGURE: a million billion
MAX_WEIGHT = 1_000_000


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail("invalid-value", said("{value} is not a number; write digits, e.g. 120 or 26.4", value=repr(value)))
    return value  # every Number field has bounds (Figure, PositiveNumber, or its own), which also reject infinity


def shown(value: Any) -> str | Sentence:
    """A value as written, or its size when it is too long to show in a message (a 400-digit integer)."""
    if isinstance(value, float) and not math.isfinite(value):  # 1e400 reads as infinity
        return said("a number too large to compute with")
    text = repr(value)
    if len(text) <= 24 or not isinstance(value, int):
        return text
    return said("a number of {digits} digits", digits=len(text.lstrip("-")))


Id = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[str, BeforeValidator(_month), WithJsonSchema({"type": "string", "pattern": MONTH.pattern})]
Number = Annotated[float, BeforeValidator(_number)]  # float's own JSON Schema, so that ge/gt bounds reach it
Figure = Annotated[Number, Field(ge=-MAX_FIGURE, le=MAX_FIGURE)]  # a target, a milestone, a report
PositiveNumber = Annotated[Number, Field(gt=0, le=MAX_WEIGHT)]  # a weight
Text = Annotated[str, Field(min_length=1)]
