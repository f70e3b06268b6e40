"""Field types shared by every kind of file: ids, dates, months, numbers and levels.

Each type rejects bad input with its own error code (``invalid-id``, ``invalid-date``…), which the loader uses as
the problem's code, and a message that says what would be right.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD_LOOSE = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")

Level = Literal["excellent", "good", "done", "not-done"]
LEVELS: tuple[Level, ...] = ("excellent", "good", "done", "not-done")


def fail(code: str, message: str) -> PydanticCustomError:
    """An error for pydantic to report, with our problem code as its type and our message as is."""
    return PydanticCustomError(code, "{message}", {"message": message})


class Record(BaseModel):
    """Every model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _slug(value: Any) -> str:
    if isinstance(value, str) and SLUG.match(value):
        return value
    hint = slugify(value) if isinstance(value, str) else ""
    suggestion = f", for example '{hint}'" if hint and hint != value else ""
    raise fail(
        "invalid-id",
        f"{value!r} is not an id; write lowercase letters and digits joined by '-', '_' or '.'{suggestion}",
    )


def slugify(text: str) -> str:
    """Vietnamese text as an id: Thành ủy Đông Hà → thanh-uy-dong-ha."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise fail("invalid-date", f"'{value}' has a time; write the date alone: {value.date().isoformat()}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise fail("invalid-date", f"'{value}' is not a real date; check the day and the month") from None
        iso = _iso_from(value.strip())
        if iso:
            raise fail("invalid-date", f"'{value}' is not an ISO date; write {iso}")
    raise fail("invalid-date", f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-07-15")


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
        match = MONTH.match(value)
        if match and 1 <= int(match.group(2)) <= 12:
            return value
        loose = re.match(r"^(\d{4})-(\d{1,2})$", value) or re.match(r"^(\d{1,2})[/.](\d{4})$", value)
        if loose:
            year, month = sorted(loose.groups(), key=len, reverse=True)
            if 1 <= int(month) <= 12:
                raise fail("invalid-month", f"'{value}' is not a month; write {year}-{int(month):02d}")
    raise fail("invalid-month", f"{value!r} is not a month; write it as YYYY-MM, e.g. 2023-05")


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail("invalid-value", f"{value!r} is not a number; write digits, e.g. 120 or 26.4")
    return value


Id = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[str, BeforeValidator(_month), WithJsonSchema({"type": "string", "pattern": MONTH.pattern})]
Number = Annotated[float, BeforeValidator(_number)]  # float's own JSON Schema, so that ge/gt bounds reach it
PositiveNumber = Annotated[Number, Field(gt=0)]
Text = Annotated[str, Field(min_length=1)]
