"""`acct report --format html`: one self-contained page, with inline CSS, charts drawn in HTML, and nothing from the
network or any script.

It reads on a phone (wide tables turn into one card per row, each cell labelled), on a desktop, and on A4 paper
(each unit starts a page). With acct.yaml's `document:` it carries an official heading and a signature block, so it
can be issued. The markup is also well-formed XML (void elements closed), so any XML parser can check it.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from accountability import __version__
from accountability.i18n import Messages
from accountability.i18n.words import SHORT_LEVELS
from accountability.model.config import Document
from accountability.queries.committee import LEVELS, CommitteeReport, ItemLine, UnitSection
from accountability.render import charts, letterhead
from accountability.render import report_text as words
from accountability.render.score_words import unit_cells, unit_header

NUMERIC_UNIT_COLUMNS = {0, 2, 4, 5, 6}
WIDE_MONTHS = 6  # ratings over more months than this are printed on a landscape page of their own
PROGRESS_LEVEL = {
    "achieved": "excellent",
    "on_track": "good",
    "behind": "done",
    "missed": "not-done",
    "no_report": "none",
}


def as_html(report: CommitteeReport, t: Messages, document: Document | None = None) -> str:
    """The page; with `document`, under an official heading and above a signature block."""
    css = resources.files("accountability").joinpath("templates/report.css").read_text(encoding="utf-8")
    title = words.title(report, t)
    official = letterhead.heading(document, report.scores.as_of, t) if document else ""
    body = [
        f'<header class="{"title official" if document else "title"}">{official}<h1>{escape(title)}</h1>'
        f'<p class="sub">{escape(words.subtitle(report, t))}</p></header>'
    ]
    body.append(_overview(report, t))
    ranked = sum(1 for s in report.units if s.row.rank)
    tied = words.tied_ranks(report.units)
    body += [_unit(section, ranked, section.row.rank in tied, t) for section in report.units]
    if report.year_end is not None:
        body.append(_year_end(report, t))
    if document:
        body.append(letterhead.signature(document, t))
    body.append(f"<footer>{escape(t('Made with acct {version}.', version=__version__))}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{t.lang}">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _overview(report: CommitteeReport, t: Messages) -> str:
    rows = [unit_cells(s.row, t) for s in report.units]
    out = [
        f'<section class="overview"><h2>{escape(t("Overview: every unit ranked"))}</h2>',
        _score_chart(report, t),
        _table(unit_header(t), rows, NUMERIC_UNIT_COLUMNS, lead=1),
        f'<p class="summary">{"<br/>".join(escape(line) for line in words.summary(report, t))}</p>',
    ]
    if any(s.people for s in report.units):
        out.append(_levels_chart(report, t))
    return "\n".join(out) + "</section>"


def _score_chart(report: CommitteeReport, t: Messages) -> str:
    """The units' scores as dots, highest first, on an axis that starts near the lowest score."""
    rules = report.scores.rules
    thresholds = [
        (rules.done, t.in_context("threshold", "done")),
        (rules.good, t.in_context("threshold", "good")),
        (rules.excellent, t.in_context("threshold", "excellent")),
    ]
    units = sorted(report.units, key=lambda s: (s.row.score is None, -(s.row.score or 0)))
    rows = [
        charts.ScoreRow(s.row.name, s.row.score, s.row.result.level if s.row.result else None, t.number(s.row.score))
        for s in units
    ]
    axis = charts.score_axis([r.score for r in rows])
    notes = [t("Each dot is a unit's score out of 100, written at the end of its row; highest first.")]
    if axis.low:
        notes.append(
            t("The axis starts at {low}, not at 0, so that close scores stand apart.", low=t.number(axis.low, 0))
        )
    notes.append(t("Dashed lines: the lowest score of each level."))
    caption = charts.Caption(t("Unit scores, {period}", period=t.period(report.scores.period)), " ".join(notes))
    return charts.score_dots(rows, axis, thresholds, caption, lambda v: t.number(v, 0))


def _levels_chart(report: CommitteeReport, t: Messages) -> str:
    """Each unit's person-months by level, as shares, the unit with the largest share rated excellent first."""
    totals = [(s.row.name, _level_totals(s)) for s in report.units if s.people]
    totals.sort(key=lambda row: tuple(-row[1][level] / max(sum(row[1].values()), 1) for level in LEVELS))
    rows = [(name, counts, t("{n} person-months", n=sum(counts.values()))) for name, counts in totals]
    caption = charts.Caption(
        t("Concluded monthly ratings of each unit's people (person-months), by level"),
        t(
            "Counted in person-months: one person rated in one month counts once. Each bar is all of a unit's monthly ratings in the period, split by level; each part shows its count, the total is at the end. The unit with the largest share rated excellent comes first."
        ),
    )
    return charts.level_bars(rows, _legend(t), caption)


def _unit(section: UnitSection, ranked: int, tied: bool, t: Messages) -> str:
    row = section.row
    level = row.result.level if row.result else None
    out = [f'<section class="unit" id="unit-{escape(row.unit)}"><h2>{escape(words.heading(section, tied, t))}</h2>']
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
        out.append(f"<h3>{escape(t('The commitment, group by group'))}</h3>")
        for n, group in enumerate(section.groups, 1):
            out.append(f"<h4>{escape(t('Group {n}: {title}', n=n, title=group.title))}</h4>")
            out.append(_items(group.items, t))
        indicators = [i for g in section.groups for i in g.items if i.indicator and i.target]
        if indicators:
            out.append(
                f'<p class="note">{escape(t("Progress bars: the last report as a share of the target, up to 150%; the upright line is the target (100%)."))}</p>'
            )
        if any(i.expected is not None for i in indicators):
            out.append(f'<p class="note">{escape(t("▲ the expected pace by now"))}</p>')
    out.append(_ratings(section, t))
    flags = words.flag_lines(section, t)
    out.append(f"<h3>{escape(t('Escalations and flags'))}</h3>")
    out.append(_flag_list(flags) if flags else f"<p>{escape(t('None.'))}</p>")
    if section.issues:
        out.append(f"<h3>{escape(t('Key issues handled by the unit'))}</h3>")
        out.append(_table(words.issue_header(t), [words.issue_cells(i, t) for i in section.issues], {2, 3}))
    return "\n".join(out) + "</section>"


def _flag_list(lines: list[str]) -> str:
    """The flags and judgements as a list, the evidence of each (its indented lines) in a list nested under it."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("    ") and items:
            items[-1][1].append(line.strip())
        else:
            items.append((line, []))
    html = []
    for line, evidence in items:
        nested = "".join(f"<li>{escape(e)}</li>" for e in evidence)
        html.append(f"<li>{escape(line)}" + (f'<ul class="evidence">{nested}</ul>' if nested else "") + "</li>")
    return '<ul class="flags">' + "".join(html) + "</ul>"


def _items(items: list[ItemLine], t: Messages) -> str:
    header = [*words.item_header(t), t("Progress")]
    rows = []
    for item in items:
        cells = words.item_cells(item, t)
        state_class = "exceeded" if item.exceeded else item.state
        amendments = "".join(f'<div class="amended">{escape(line)}</div>' for line in words.amendment_lines(item, t))
        bar = ""
        if item.indicator and item.target:
            label = f"{item.title}: {words.result(item, t)} ({words.of_target(item, t) or t('no report')})"
            bar = charts.progress_bar(item.of_target, item.expected_of_target, PROGRESS_LEVEL[item.state], label)
        html = [escape(c) for c in cells] + [bar]
        html[0] += amendments
        classes = ["lead", f"state-{state_class}", "", "num", "num wrap", "num", "bar"]
        rows.append("<tr>" + "".join(_cell("td", c, header[i], classes[i]) for i, c in enumerate(html)) + "</tr>")
    head = "".join(_cell("th", escape(h), "", "num" if i in (3, 4, 5) else "") for i, h in enumerate(header))
    return _wrap(head, "".join(rows))


def _ratings(section: UnitSection, t: Messages) -> str:
    ratings = t("Monthly ratings of the unit's people")
    out = [f"<h3>{escape(ratings)}</h3>"]
    if not section.people:
        return out[0] + f"<p>{escape(t('No monthly plans in this period.'))}</p>"
    months = len(section.months)
    numeric = set(range(1, months + 2))
    rows = [words.rating_cells(section, p, t) for p in section.people]
    out.append(_table(words.rating_header(section, t), rows, numeric, wrap=set(range(1, months + 1))))
    if any(p.provisional for p in section.people):
        out.append(f'<p class="note">{escape(t("* provisional: not yet rated"))}</p>')
    if any(m.concluded is None and m.computed for p in section.people for m in p.months):
        out.append(f'<p class="note">{escape(t("(…) a level computed from the score, not yet rated"))}</p>')
    if months > WIDE_MONTHS:
        out = [f'<div class="landscape">{"".join(out)}</div>']
    out.append(f"<h4>{escape(t('Levels by month, and the quota of excellent ratings'))}</h4>")
    chart_rows = [(t.month(m.month), m.counts, t("{n} rated", n=sum(m.counts.values()))) for m in section.months]
    caption = charts.Caption(
        t("People rated at each level, month by month."),
        t(
            "Counted in people: each bar is the unit's people rated that month, split by level; each part shows its count, the total is at the end."
        ),
    )
    out.append(charts.level_bars(chart_rows, _legend(t), caption))
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
    out = [f'<section class="year-end"><h2>{escape(t("Year-end review: what each head must answer for"))}</h2>']
    for entry in report.year_end or []:
        head = f" ({entry.head.name})" if entry.head else ""
        out.append(f"<h3>{escape(entry.unit.name + head)}</h3>")
        out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in words.year_end_lines(entry, t)) + "</ul>")
    return "\n".join(out) + "</section>"


def _level_totals(section: UnitSection) -> dict[str, int]:
    return {level: sum(m.counts[level] for m in section.months) for level in (*LEVELS, "none")}


def _legend(t: Messages) -> dict[str, str]:
    return {level: t(SHORT_LEVELS[level]) for level in (*LEVELS, "none")}


def _table(
    header: list[str],
    rows: list[list[str]],
    numeric: set[int],
    lead: int = 0,
    wrap: frozenset[int] | set[int] = frozenset(),
) -> str:
    """A table whose column `lead` heads each row's card on a narrow screen. Figures (`numeric`) are kept on one
    line, except in the columns `wrap`, whose cells hold a figure and words."""

    def kind(i: int) -> str:
        flags = (("lead", i == lead), ("num", i in numeric), ("wrap", i in wrap))
        return " ".join(name for name, on in flags if on)

    head = "".join(_cell("th", escape(h), "", "num" if i in numeric else "") for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(_cell("td", escape(c), header[i], kind(i)) for i, c in enumerate(r)) + "</tr>" for r in rows
    )
    return _wrap(head, body)


def _cell(tag: str, html: str, label: str, kind: str) -> str:
    """A cell; `label` (its column's header) is what a narrow screen shows before it, in a card of its row."""
    attributes = (f' class="{kind}"' if kind else "") + (f' data-label="{escape(label)}"' if label else "")
    return f"<{tag}{attributes}>{html}</{tag}>"


def _wrap(head: str, body: str) -> str:
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
