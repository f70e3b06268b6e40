"""'Did you mean …?' for a mistyped key, id or reference."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str], otherwise: str = "") -> str:
    """ "; did you mean 'x'?" for the nearest known word, else `otherwise`."""
    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else otherwise
