"""`acct report --format html`: one self-contained page, with inline CSS and SVG charts and nothing from the network.

It prints on A4 (each unit starts a page) and reads on a phone (wide tables scroll inside their box). The markup is
also well-formed XML (void elements closed, no namespace URL on inline SVG, which HTML does not need), so any XML
parser can check it.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from accountability import __version__
from accountability.i18n import Messages
from accountability.queries.committee import LEVELS, CommitteeReport, ItemLine, UnitSection
from accountability.render import report_text as words
from accountability.render import svg
from accountability.render.scores import unit_header

NUMERIC_UNIT_COLUMNS = {0, 2, 4, 5, 6}
PROGRESS_LEVEL = {
    "achieved": "excellent",
    "on_track": "good",
    "behind": "done",
    "missed": "not-done",
    "no_report": "none",
}


def as_html(report: CommitteeReport, t: Messages) -> str:
    css = resources.files("accountability").joinpath("templates/report.css").read_text(encoding="utf-8")
    title = words.title(report, t)
    body = [f'<header><h1>{escape(title)}</h1><p class="sub">{escape(words.subtitle(report, t))}</p></header>']
    body.append(_overview(report, t))
    ranked = sum(1 for s in report.units if s.row.rank)
    body += [_unit(section, ranked, t) for section in report.units]
    if report.year_end is not None:
        body.append(_year_end(report, t))
    body.append(f"<footer>{escape(t('report.generated', version=__version__))}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{t.lang}">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _overview(report: CommitteeReport, t: Messages) -> str:
    scores = report.scores
    thresholds = [
        (scores.rules.done, t("report.threshold.done")),
        (scores.rules.good, t("report.threshold.good")),
        (scores.rules.excellent, t("report.threshold.excellent")),
    ]
    bars = [
        (s.row.name, s.row.score, s.row.result.level if s.row.result else None, t.number(s.row.score))
        for s in report.units
    ]
    chart = svg.score_bars(bars, thresholds, t("report.scores_chart", period=scores.period.id))
    rows = [words.overview_cells(s, t) for s in report.units]
    levels = [(s.row.name, _level_totals(s)) for s in report.units if s.people]
    out = [
        f'<section class="overview"><h2>{escape(t("report.overview"))}</h2>',
        chart,
        _table(unit_header(t), rows, NUMERIC_UNIT_COLUMNS),
        f'<p class="summary">{"<br/>".join(escape(line) for line in words.summary(report, t))}</p>',
    ]
    if levels:
        out += [
            f"<h3>{escape(t('report.levels_chart'))}</h3>",
            svg.level_bars(levels, _legend(t), t("report.levels_chart")),
        ]
    return "\n".join(out) + "</section>"


def _unit(section: UnitSection, ranked: int, t: Messages) -> str:
    row = section.row
    level = row.result.level if row.result else None
    out = [f'<section class="unit" id="unit-{escape(row.unit)}"><h2>{escape(words.heading(section))}</h2>']
    pairs = words.people_line(section, t)
    if pairs:
        out.append(
            '<dl class="facts">'
            + "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in pairs)
            + "</dl>"
        )
    out.append(
        f'<p><span class="verdict level-{level or "none"}">{escape(words.score_line(section, ranked, t))}</span></p>'
    )
    if row.result:
        out.append(f'<p class="summary">{escape(words.unit_summary([row], t))}.</p>')
        out.append(f"<h3>{escape(t('report.commitment'))}</h3>")
        for n, group in enumerate(section.groups, 1):
            out.append(f"<h4>{escape(t('report.group_title', n=n, title=group.title))}</h4>")
            out.append(_items(group.items, t))
        if any(i.indicator and i.expected is not None for g in section.groups for i in g.items):
            out.append(f'<p class="note">{escape(t("report.expected_marker"))}</p>')
    out.append(_ratings(section, t))
    flags = words.flag_lines(section, t)
    out.append(f"<h3>{escape(t('report.flags'))}</h3>")
    out.append(
        '<ul class="flags">' + "".join(f"<li>{escape(f)}</li>" for f in flags) + "</ul>"
        if flags
        else f"<p>{escape(t('report.none'))}</p>"
    )
    if section.issues:
        out.append(f"<h3>{escape(t('report.issues'))}</h3>")
        out.append(_table(words.issue_header(t), [words.issue_cells(i, t) for i in section.issues], {2, 3}))
    return "\n".join(out) + "</section>"


def _items(items: list[ItemLine], t: Messages) -> str:
    numeric = ' class="num"'
    head = "".join(
        f"<th{numeric if i in (3, 4, 5) else ''}>{escape(h)}</th>" for i, h in enumerate(words.item_header(t))
    )
    rows = []
    for item in items:
        cells = words.item_cells(item, t)
        state_class = "exceeded" if item.exceeded else item.state
        amendments = "".join(f'<div class="amended">{escape(line)}</div>' for line in words.amendment_lines(item, t))
        bar = ""
        if item.indicator and item.target:
            label = f"{item.title}: {words.result(item, t)} ({words.of_target(item, t) or t('state.no_report')})"
            bar = svg.progress_bar(item.of_target, item.expected_of_target, PROGRESS_LEVEL[item.state], label)
        rows.append(
            f'<tr><td>{escape(cells[0])}{amendments}</td><td class="state-{state_class}">{escape(cells[1])}</td>'
            f'<td>{escape(cells[2])}</td><td class="num">{escape(cells[3])}</td><td class="num">{escape(cells[4])}</td>'
            f'<td class="num">{escape(cells[5])}</td><td class="bar">{bar}</td></tr>'
        )
    return f'<div class="table-wrap"><table><thead><tr>{head}<th>{escape(t("col.progress"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _ratings(section: UnitSection, t: Messages) -> str:
    out = [f"<h3>{escape(t('report.ratings'))}</h3>"]
    if not section.people:
        return out[0] + f"<p>{escape(t('report.no_people'))}</p>"
    months = len(section.months)
    numeric = set(range(1, months + 2))
    out.append(
        _table(words.rating_header(section, t), [words.rating_cells(section, p, t) for p in section.people], numeric)
    )
    if any(p.provisional for p in section.people):
        out.append(f'<p class="note">{escape(t("report.provisional"))}</p>')
    if any(m.concluded is None and m.computed for p in section.people for m in p.months):
        out.append(f'<p class="note">{escape(t("report.computed_marker"))}</p>')
    out.append(f"<h4>{escape(t('report.distribution'))}</h4>")
    chart_rows = [(t.month(m.month), m.counts) for m in section.months]
    out.append(svg.level_bars(chart_rows, _legend(t), f"{section.row.name}: {t('report.distribution')}"))
    out.append(
        _table(words.distribution_header(t), [words.distribution_cells(m, t) for m in section.months], set(range(1, 7)))
    )
    over = ' class="over"' if section.row.quota.over else ""
    out.append(f"<p{over}>{escape(words.quota_line(section, t))}</p>")
    group = words.quota_group_line(section, t)
    if group:
        out.append(f"<p>{escape(group)}</p>")
    return "\n".join(out)


def _year_end(report: CommitteeReport, t: Messages) -> str:
    out = [f'<section class="year-end"><h2>{escape(t("report.year_end"))}</h2>']
    for entry in report.year_end or []:
        head = f" ({entry.head.name})" if entry.head else ""
        out.append(f"<h3>{escape(entry.unit.name + head)}</h3>")
        out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in words.year_end_lines(entry, t)) + "</ul>")
    return "\n".join(out) + "</section>"


def _level_totals(section: UnitSection) -> dict[str, int]:
    return {level: sum(m.counts[level] for m in section.months) for level in (*LEVELS, "none")}


def _legend(t: Messages) -> dict[str, str]:
    return {level: t(f"short.{level}") for level in (*LEVELS, "none")}


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        return f'<{tag} class="num">{escape(text)}</{tag}>' if i in numeric else f"<{tag}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
