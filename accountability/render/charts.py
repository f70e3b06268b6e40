"""The HTML report's charts, drawn with HTML boxes and CSS: no script, no image, and no SVG.

A chart's text is ordinary text at the page's own size, so it reads the same on a 390 px phone, a desktop and A4
paper; SVG text scales with its viewBox instead (12 px in a 640-wide viewBox is 7 px on a phone). Bars and dots are
boxes placed in percent of their track; their colours and sizes are in report.css. Every label goes through
`escape`, since the text is the user's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

STEPS = (1, 2, 5, 10, 20)  # tick spacings on the score axis, the smallest that needs at most 6 intervals wins
PROGRESS_END = 1.5  # a progress bar's track runs to 150% of the target


@dataclass(frozen=True)
class Axis:
    """A score axis from `low` to 100, with a tick every `step`."""

    low: float
    step: float
    high: float = 100

    @property
    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]

    def at(self, value: float) -> str:
        """Where `value` falls on the track, as a CSS percentage; values off the axis sit at its ends."""
        share = (min(max(value, self.low), self.high) - self.low) / (self.high - self.low)
        return percent(share)


def score_axis(scores: list[float | None]) -> Axis:
    """From a round number below the lowest score to 100, so that scores of 96–100 spread across the track; from
    0 when the lowest score is within a tick of it."""
    lowest = min((s for s in scores if s is not None), default=0.0)
    step = next(s for s in STEPS if (100 - lowest) / s <= 6)
    low = math.floor((lowest - step / 2) / step) * step
    return Axis(low if low >= step else 0, step)


@dataclass(frozen=True)
class ScoreRow:
    name: str
    score: float | None
    level: str | None
    printed: str  # the score as the report writes it


@dataclass(frozen=True)
class Caption:
    title: str
    note: str  # what the chart counts, and how to read its axis


def score_dots(
    rows: list[ScoreRow],
    axis: Axis,
    thresholds: list[tuple[float, str]],
    caption: Caption,
    number: Callable[[float], str],
) -> str:
    """A dot plot: one row per unit with its score as a dot on the zoomed axis and as a number at the end of the
    row, the level thresholds on the axis as dashed lines. `number` writes each tick and threshold value."""
    marks = [(value, name) for value, name in thresholds if axis.low < value < axis.high]
    grid = "".join(f'<span class="grid" style="left:{axis.at(v)}"></span>' for v in axis.ticks[1:-1])
    grid += "".join(f'<span class="rule" style="left:{axis.at(v)}"></span>' for v, _ in marks)
    top = "".join(_axis_label(axis.at(v), f"{name} {number(v)}", "mark") for v, name in marks)
    bottom = "".join(_axis_label(axis.at(v), number(v), "tick") for v in axis.ticks)
    lines = [f'<div class="axis top"><span class="track">{top}</span></div>']
    for row in rows:
        dot = (
            ""
            if row.score is None
            else f'<span class="dot {_level(row.level)}" style="left:{axis.at(row.score)}"></span>'
        )
        lines.append(
            f'<div class="row"><span class="name">{escape(row.name)}</span>'
            f'<span class="track">{grid}{dot}</span><span class="value">{escape(row.printed)}</span></div>'
        )
    lines.append(f'<div class="axis bottom"><span class="track">{bottom}</span></div>')
    return _figure("dots", caption, "".join(lines))


def level_bars(rows: list[tuple[str, dict[str, int], str]], legend: dict[str, str], caption: Caption) -> str:
    """One bar per row, split by level in proportion to the counts, each part labelled with its count; the row's
    total (already written out with its unit of count) at its end. `legend` names the levels, in order."""
    keys = "".join(
        f'<span class="key"><span class="swatch {_level(level)}"></span>{escape(name)}</span>'
        for level, name in legend.items()
    )
    lines = [f'<div class="legend">{keys}</div>']
    for label, counts, total in rows:
        parts = "".join(
            f'<span class="part {_level(level)}" style="flex-grow:{counts[level]}">{counts[level]}</span>'
            for level in legend
            if counts.get(level)
        )
        lines.append(
            f'<div class="row"><span class="name">{escape(label)}</span>'
            f'<span class="track stack">{parts}</span><span class="value">{escape(total)}</span></div>'
        )
    return _figure("bars", caption, "".join(lines))


def progress_bar(of_target: float | None, expected: float | None, level: str, label: str) -> str:
    """The last value against the target (the line at 100%), coloured by `level`, with the expected pace marked ▲;
    the track runs to 150%. No text inside: the figures are in the cells beside it."""
    body = ""
    if of_target is not None:
        body += f'<span class="fill {_level(level)}" style="width:{percent(max(of_target, 0) / PROGRESS_END)}"></span>'
    body += f'<span class="target" style="left:{percent(1 / PROGRESS_END)}"></span>'
    if expected is not None:
        body += f'<span class="pace" style="left:{percent(max(expected, 0) / PROGRESS_END)}"></span>'
    return f'<span class="progress" role="img" aria-label="{escape(label)}">{body}</span>'


def percent(share: float) -> str:
    """0.148333 → '14.83%', clamped to 0–100%."""
    return f"{round(min(max(share, 0), 1) * 100, 2):g}%"


def _axis_label(left: str, text: str, kind: str) -> str:
    # A label near an end is aligned inwards, so that it never sticks out of the chart (and widens the page).
    share = float(left.rstrip("%"))
    align = " start" if share < 15 else " end" if share > 85 else ""
    return f'<span class="{kind}{align}" style="left:{left}">{escape(text)}</span>'


def _level(level: str | None) -> str:
    return f"level-{level or 'none'}"


def _figure(kind: str, caption: Caption, body: str) -> str:
    return (
        f'<figure class="chart {kind}"><figcaption><strong>{escape(caption.title)}</strong> '
        f"{escape(caption.note)}</figcaption>{body}</figure>"
    )
