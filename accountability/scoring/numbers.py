"""Rounding and showing numbers the same way everywhere, so that explanations match the scores."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round1(value: float) -> float:
    """One decimal place, halves rounded up (87.45 → 87.5), after trimming binary noise at 9 places."""
    return float(Decimal(repr(round(value, 9))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def fmt(value: float | None, places: int = 4) -> str:
    """A number as a person writes it: 120, 26.4, 0.9774; '—' for none."""
    if value is None:
        return "—"
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
