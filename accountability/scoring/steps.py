"""The steps of an explanation, stored as templates and values and formatted only when shown.

Scoring records a step next to every piece of arithmetic, so that `--explain` shows exactly what was computed;
formatting them all would cost more than the arithmetic, so it waits until someone asks.
"""

from __future__ import annotations

from typing import Any

from accountability.scoring.numbers import fmt


class Steps:
    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: list[tuple[str, tuple[Any, ...]]] = []

    def add(self, template: str, *values: Any) -> None:
        """A step: `template` with `{}` for each value; floats are shown as people write them (0.9774, 120)."""
        self._items.append((template, values))

    def lines(self) -> list[str]:
        return [template.format(*(_show(v) for v in values)) for template, values in self._items]

    def __bool__(self) -> bool:
        return bool(self._items)


def _show(value: Any) -> str:
    if value is None or isinstance(value, float):
        return fmt(value)
    return str(value)


class Terms:
    """`w×c + w×c` of a weighted sum, formatted only when shown."""

    def __init__(self, pairs: list[tuple[float, float | None]]) -> None:
        self.pairs = pairs

    def __str__(self) -> str:
        return " + ".join(f"{fmt(w)}×{fmt(c)}" for w, c in self.pairs)
