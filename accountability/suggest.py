"""'Did you mean …?' for a mistyped key, id or reference."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from accountability.problems import NOTHING, Text, said


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word nearest to `word`, if one is near enough to be what was meant."""
    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word: str, known: Iterable[str], otherwise: str = "") -> str:
    """ "; did you mean 'x'?" for the nearest known word, else `otherwise`."""
    match = nearest(word, known)
    return f"; did you mean '{match}'?" if match else otherwise


def suggestion(word: str, known: Iterable[str], otherwise: Text = NOTHING) -> Text:
    """As `did_you_mean`, as a sentence for the catalogue (the end of a problem's or an error's message)."""
    match = nearest(word, known)
    return said("; did you mean '{word}'?", word=match) if match else otherwise
