"""The judging date D, traced: which other dates would have given the same answer.

Scoring reads D only by comparing it with dates (a due date before D, a review on or before D, the earlier of D
and a month's last day). `Traced` is a date that notes every comparison it takes part in and narrows the interval
of dates that would have answered each one the same way. Code that compares D and nothing else takes the same path
for every date of that interval, so its result holds for all of them and may be kept for them. Any other use of
D (its year, arithmetic, formatting, hashing) makes the result hold for D alone. A result that holds D itself (not
a value derived from comparisons) is marked too, by `holds_traced`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Traced(dt.date):
    """A date whose comparisons narrow [lo, hi], ordinals of the dates that compare the same."""

    lo: int
    hi: int

    def __new__(cls, day: dt.date) -> Traced:
        traced = super().__new__(cls, day.year, day.month, day.day)
        traced.lo, traced.hi = dt.date.min.toordinal(), dt.date.max.toordinal()
        return traced

    def _pin(self) -> None:
        self.lo = self.hi = dt.date.toordinal(self)

    def _compare(self, other: object, op: str) -> Any:
        if not isinstance(other, dt.date) or isinstance(other, dt.datetime):
            return NotImplemented
        me, x = dt.date.toordinal(self), dt.date.toordinal(other)
        answer = _OPS[op](me, x)
        if not isinstance(other, Traced):  # D against D answers the same for every D
            lo, hi = _SAME[op](x, answer, me)
            if lo is not None and lo > self.lo:
                self.lo = lo
            if hi is not None and hi < self.hi:
                self.hi = hi
        return answer

    def __lt__(self, other: object) -> Any:
        return self._compare(other, "<")

    def __le__(self, other: object) -> Any:
        return self._compare(other, "<=")

    def __gt__(self, other: object) -> Any:
        return self._compare(other, ">")

    def __ge__(self, other: object) -> Any:
        return self._compare(other, ">=")

    def __eq__(self, other: object) -> Any:
        return self._compare(other, "==")

    def __ne__(self, other: object) -> Any:
        return self._compare(other, "!=")

    def __hash__(self) -> int:
        self._pin()
        return dt.date.__hash__(self)


def _pinning(name: str) -> Any:
    """A use of the date other than a comparison: the answer may depend on D's very value, so D is pinned."""
    plain = getattr(dt.date, name)
    if isinstance(plain, property) or type(plain).__name__ == "getset_descriptor":

        def get(self: Traced) -> Any:
            self._pin()
            return plain.__get__(self)

        return property(get)

    def use(self: Traced, *args: Any, **kwargs: Any) -> Any:
        self._pin()
        return plain(dt.date.fromordinal(dt.date.toordinal(self)), *args, **kwargs)

    return use


for _name in (
    "year", "month", "day", "isoformat", "strftime", "replace", "weekday", "isoweekday", "isocalendar", "toordinal",
    "timetuple", "ctime", "__format__", "__str__", "__repr__", "__add__", "__sub__", "__rsub__", "__radd__",
    "__reduce__", "__reduce_ex__",
):  # fmt: skip
    setattr(Traced, _name, _pinning(_name))


def _region(x: int, me: int) -> tuple[int | None, int | None]:
    """The dates on D's side of x: below it, x itself, or above it."""
    return (None, x - 1) if me < x else (x + 1, None) if me > x else (x, x)


# For each comparison of D with x: the (lo, hi) bounds of the dates d for which `d op x` gives D's answer.
_SAME: dict[str, Callable[[int, bool, int], tuple[int | None, int | None]]] = {
    "<": lambda x, yes, me: (None, x - 1) if yes else (x, None),
    "<=": lambda x, yes, me: (None, x) if yes else (x + 1, None),
    ">": lambda x, yes, me: (x + 1, None) if yes else (None, x),
    ">=": lambda x, yes, me: (x, None) if yes else (None, x - 1),
    "==": lambda x, yes, me: _region(x, me),
    "!=": lambda x, yes, me: _region(x, me),
}

_OPS: dict[str, Callable[[int, int], bool]] = {
    "<": int.__lt__,
    "<=": int.__le__,
    ">": int.__gt__,
    ">=": int.__ge__,
    "==": int.__eq__,
    "!=": int.__ne__,
}


def traced(func: Callable[[dt.date], T], as_of: dt.date) -> tuple[T, dt.date, dt.date]:
    """func(D), and the first and last dates for which it gives the same result (D and D when it cannot tell)."""
    day = Traced(as_of)
    result = func(day)
    if holds_traced(result):
        day._pin()
    lo, hi = day.lo, day.hi
    return result, dt.date.fromordinal(lo), dt.date.fromordinal(hi)


def holds_traced(value: object) -> bool:
    """Whether a result holds a Traced date anywhere in its values (tuples, lists, dicts and dataclasses)."""
    if isinstance(value, Traced):
        return True
    if isinstance(value, (tuple, list)):
        return any(holds_traced(v) for v in value)
    if isinstance(value, dict):
        return any(holds_traced(v) for v in value.values())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(holds_traced(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False
