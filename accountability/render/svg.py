"""Small inline SVG charts for the HTML report: no script, no font or file from the network.

Each chart is drawn in a fixed viewBox and scales to its container's width, so it reads on a phone and prints on A4.
The text is the user's: every label goes through `escape`.
"""

from __future__ import annotations

from html import escape

LEVEL_COLOURS = {"excellent": "#1b7f3b", "good": "#5aa469", "done": "#e0a800", "not-done": "#c62828", "none": "#b0b0b0"}
INK, GRID, TRACK = "#222222", "#9e9e9e", "#eeeeee"
WIDTH = 640


def _svg(height: float, body: list[str], label: str, width: float = WIDTH) -> str:
    return (
        f'<svg viewBox="0 0 {width:g} {height:g}" width="100%" '
        f'role="img" aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet" class="chart">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12, weight: str = "normal") -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{INK}">{escape(text)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:g}" y="{y:g}" width="{max(w, 0):g}" height="{h:g}" fill="{fill}"/>'


def score_bars(
    rows: list[tuple[str, float | None, str | None, str]], thresholds: list[tuple[float, str]], label: str
) -> str:
    """One horizontal bar per unit: (name, score 0–100 or None, level, the score as printed), with threshold lines."""
    left, right, bar, gap, top = 200, 56, 18, 8, 22
    scale = (WIDTH - left - right) / 100
    height = top + len(rows) * (bar + gap) + 4
    body = [_rect(left, top - 4, 100 * scale, height - top, TRACK)]
    for value, name in thresholds:
        x = left + value * scale
        body.append(
            f'<line x1="{x:g}" y1="{top - 6}" x2="{x:g}" y2="{height}" stroke="{GRID}" stroke-dasharray="3 3"/>'
        )
        body.append(_text(x, top - 10, f"{name} {value:g}", "middle", 10))
    for i, (name, score, level, printed) in enumerate(rows):
        y = top + i * (bar + gap)
        body.append(_text(left - 8, y + bar - 4, _clip(name, 30), "end"))
        if score is not None:
            body.append(_rect(left, y, score * scale, bar, LEVEL_COLOURS.get(level or "none", LEVEL_COLOURS["none"])))
        body.append(_text(left + (score or 0) * scale + 6, y + bar - 4, printed, "start", 12, "bold"))
    return _svg(height, body, label)


def progress_bar(of_target: float | None, expected: float | None, level: str, label: str) -> str:
    """The last value against the target (the line at 100%), coloured by `level`, with the expected pace marked
    (▲); the axis runs to 150%."""
    width, height, top, bar = 240, 26, 4, 14
    scale = width / 1.5
    body = [_rect(0, top, width, bar, TRACK)]
    if of_target is not None:
        body.append(_rect(0, top, min(max(of_target, 0), 1.5) * scale, bar, LEVEL_COLOURS[level]))
    body.append(f'<line x1="{scale:g}" y1="0" x2="{scale:g}" y2="{height - 4}" stroke="{INK}" stroke-width="2"/>')
    if expected is not None:
        x = min(max(expected, 0), 1.5) * scale
        body.append(f'<path d="M{x - 5:g} {height} L{x + 5:g} {height} L{x:g} {height - 7} Z" fill="{INK}"/>')
    return _svg(height, body, label, width)


def level_bars(rows: list[tuple[str, dict[str, int]]], names: dict[str, str], label: str) -> str:
    """One stacked bar per row: how many monthly ratings fell at each level, with a legend."""
    left, right, bar, gap = 200, 40, 18, 8
    body, x, y = [], 8.0, 4
    for level, name in names.items():  # the legend, wrapped onto as many lines as the names need
        width = 22 + 6.5 * len(name)
        if x + width > WIDTH:
            x, y = 8.0, y + 18
        body.append(_rect(x, y, 12, 12, LEVEL_COLOURS[level]))
        body.append(_text(x + 16, y + 10, name, "start", 11))
        x += width
    top = y + 26
    most = max((sum(c.values()) for _, c in rows), default=0) or 1
    scale = (WIDTH - left - right) / most
    height = top + len(rows) * (bar + gap) + 4
    for i, (row_label, counts) in enumerate(rows):
        y = top + i * (bar + gap)
        body.append(_text(left - 8, y + bar - 4, _clip(row_label, 30), "end"))
        x = left
        for level, colour in LEVEL_COLOURS.items():
            n = counts.get(level, 0)
            if n:
                body.append(_rect(x, y, n * scale, bar, colour))
                if n * scale >= 14:
                    body.append(
                        f'<text x="{x + n * scale / 2:g}" y="{y + bar - 4}" font-size="11" text-anchor="middle" fill="#ffffff">{n}</text>'
                    )
                x += n * scale
    return _svg(height, body, label)


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
