"""The steps of an explanation, stored as templates and values and formatted only when shown.

Scoring records a step next to every piece of arithmetic, so that `--explain` shows exactly what was computed;
formatting them all would cost more than the arithmetic, so it waits until someone asks. A step is a sentence for
the catalogue (`steps.said(...)` is extracted like `said(...)`), shown in the reader's language; its figures are
written as the arithmetic of docs/scoring.md writes them (0.9774, 120), in every language.
"""

from __future__ import annotations

from typing import Any

from accountability.problems import Text
from accountability.scoring.numbers import fmt


class Steps:
    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: list[tuple[str, dict[str, Any]]] = []

    def said(self, template: str, **values: Any) -> None:
        """A step: `template` with a `{name}` for each value; a float is shown as people write it (0.9774, 120)."""
        self._items.append((template, values))

    def texts(self) -> list[Text]:
        return [Text(template, tuple((k, _show(v)) for k, v in values.items())) for template, values in self._items]

    def lines(self) -> list[str]:
        """The steps in English."""
        return [str(text) for text in self.texts()]

    def __bool__(self) -> bool:
        return bool(self._items)


def _show(value: Any) -> Any:
    """A figure as the arithmetic writes it; a date or a sentence as the reader's language writes it."""
    if value is None or isinstance(value, float):
        return fmt(value)
    return value if isinstance(value, Text) or hasattr(value, "isoformat") else str(value)


class Terms:
    """`w×c + w×c` of a weighted sum, formatted only when shown."""

    def __init__(self, pairs: list[tuple[float, float | None]]) -> None:
        self.pairs = pairs

    def __str__(self) -> str:
        return " + ".join(f"{fmt(w)}×{fmt(c)}" for w, c in self.pairs)
