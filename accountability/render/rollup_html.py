"""`acct rollup --format html`: the province's report as one self-contained page (the report's stylesheet, a chart
of the districts' mean unit scores, nothing from the network), well-formed XML like the report."""

from __future__ import annotations

from html import escape
from importlib import resources

from accountability import __version__
from accountability.i18n import Messages
from accountability.queries.rollup import Rollup
from accountability.render import charts
from accountability.render import rollup_text as words


def as_html(rollup: Rollup, t: Messages) -> str:
    css = resources.files("accountability").joinpath("templates/report.css").read_text(encoding="utf-8")
    title = words.title(rollup, t)
    units = words.flagged_unit_rows(rollup, t)
    districts = words.flagged_district_lines(rollup, t)
    body = [
        f'<header><h1>{escape(title)}</h1><p class="sub">{escape(words.subtitle(rollup, t))}</p></header>',
        _section(
            t("Districts ranked by the mean score of their units"),
            _chart(rollup, t),
            _note(
                t(
                    "The mean of the scores that acct score gives each district's units (those with a score), to one decimal place; equal means share a rank. From unit_scores.score."
                )
            ),
            _table(words.ranking_header(t), [words.ranking_cells(d, t) for d in rollup.districts], {0, 3, 4}),
        ),
        _section(
            t("Units at each level"),
            _note(
                t(
                    "Each level's count, and its share of those rated; the last column counts those not rated yet. From unit_scores.level."
                )
            ),
            _table(words.level_header(t), words.level_rows(rollup, False, t), {1, 2, 3, 4, 5}),
        ),
        _section(
            t("People at each level"),
            _note(words.people_note(rollup, t)),
            _table(words.level_header(t), words.level_rows(rollup, True, t), {1, 2, 3, 4, 5}),
        ),
        _section(
            t("Targets, monthly plan tasks and key issues"),
            _note(
                t(
                    "Targets met or beaten (of them beaten) of all, from unit_scores.indicators_*; plan tasks done on time of those judged, from tasks.state; key issues resolved on time of those due, from issues.counted and issues.on_time, against trackers.issues_target; people at an escalation step, from person_scores.step."
                )
            ),
            _table(words.results_header(t), words.results_rows(rollup, t), {1, 2, 3, 5}),
        ),
        _section(
            t("Districts flagged"),
            "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in districts) + "</ul>"
            if districts
            else _note(t("None.")),
        ),
        _section(
            t("Units flagged"),
            _table(words.flagged_unit_header(t), units, {2}) if units else _note(t("None.")),
        ),
        _section(
            t("Where each figure comes from"),
            _note(
                t(
                    "Every figure is read from the exports' tables alone, by the queries below (the same on DuckDB and on Spark); rows is how many rows each returned."
                )
            ),
            _table(words.sources_header(t), words.sources_rows(rollup, t), {4}),
            "<pre><code>" + escape("\n\n".join(f"-- {r.query.name}\n{r.sql};" for r in rollup.ran)) + "</code></pre>",
        ),
        f"<footer>{escape(t('Made with acct {version}.', version=__version__))}</footer>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{t.lang}">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _chart(rollup: Rollup, t: Messages) -> str:
    """The districts' mean unit scores as dots on a zoomed axis, without level colours: each district has its own
    thresholds."""
    rows = [charts.ScoreRow(d.name, d.totals.mean_score, None, t.number(d.totals.mean_score)) for d in rollup.districts]
    axis = charts.score_axis([d.totals.mean_score for d in rollup.districts])
    note = (
        t("The axis starts at {low}, not at 0, so that close scores stand apart.", low=t.number(axis.low, 0))
        if axis.low
        else ""
    )
    return charts.score_dots(
        rows,
        axis,
        [],
        charts.Caption(t("Districts ranked by the mean score of their units"), note),
        lambda v: t.number(v, 0),
    )


def _section(heading: str, *parts: str) -> str:
    return f"<section><h2>{escape(heading)}</h2>\n" + "\n".join(parts) + "\n</section>"


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        return f'<{tag} class="num">{escape(text)}</{tag}>' if i in numeric else f"<{tag}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
