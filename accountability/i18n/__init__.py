"""Message catalogues. A language is one JSON file in this folder, named by its code (en.json, vi.json)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from accountability.problems import FatalError

DEFAULT = "en"


def languages() -> list[str]:
    return sorted(
        p.name.removesuffix(".json") for p in resources.files(__package__).iterdir() if p.name.endswith(".json")
    )


@cache
def _catalogue(lang: str) -> dict[str, str]:
    text = resources.files(__package__).joinpath(f"{lang}.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Messages:
    lang: str

    def __call__(self, key: str, **values: object) -> str:
        text = _catalogue(self.lang).get(key) or _catalogue(DEFAULT).get(key) or key
        return text.format(**values) if values else text

    def level(self, level: str | None) -> str:
        return self(f"level.{level}") if level else self("no_score")

    def number(self, value: float | None, places: int = 1) -> str:
        """1,234.5 in English; 1.234,5 in Vietnamese."""
        if value is None:
            return self("no_score")
        text = f"{value:,.{places}f}"
        return text.translate(str.maketrans(",.", ".,")) if self.lang == "vi" else text

    def percent(self, share: float | None) -> str:
        return self.number(None if share is None else share * 100, 2) + ("%" if share is not None else "")

    def figure(self, value: float | None) -> str:
        """A reported value as people write it: 58, 26.4, 0.25 (58; 26,4; 0,25 in Vietnamese)."""
        if value is None:
            return self("no_score")
        places = next((p for p in range(3) if round(value, p) == round(value, 2)), 2)
        return self.number(value, places)

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return self("no_score")
        return day.strftime("%d/%m/%Y") if self.lang == "vi" else day.isoformat()

    def month(self, month: str) -> str:
        """2023-05 in English; 05/2023 in Vietnamese."""
        year, number = month.split("-")
        return f"{number}/{year}" if self.lang == "vi" else month


def messages(lang: str | None, configured: str | None) -> Messages:
    """--lang, else acct.yaml's language, else English."""
    chosen = lang or configured or DEFAULT
    if chosen not in languages():
        raise FatalError(f"--lang {chosen!r} is not available; choose one of: {', '.join(languages())}")
    return Messages(chosen)
