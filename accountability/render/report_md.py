"""`acct report --format md`: for pull-request comments and wikis."""

from __future__ import annotations

from accountability import __version__
from accountability.i18n import Messages
from accountability.queries.committee import CommitteeReport, UnitSection
from accountability.render import report_text as words
from accountability.render.score_words import unit_cells, unit_header
from accountability.render.scores import md_item
from accountability.render.scores import md_table as _table


def as_markdown(report: CommitteeReport, t: Messages) -> str:
    out = [f"# {words.title(report, t)}", "", f"_{words.subtitle(report, t)}_", ""]
    if len(report.units) > 1:
        out += [
            f"## {t('Overview: every unit ranked')}",
            "",
            _table(unit_header(t), [unit_cells(s.row, t) for s in report.units]),
        ]
        out += ["  \n".join(words.summary(report, t)), ""]
    ranked = sum(1 for s in report.units if s.row.rank)
    tied = words.tied_ranks(report.units)
    for section in report.units:
        out += _unit(section, ranked, section.row.rank in tied, t)
    if report.year_end is not None:
        out += [f"## {t('Year-end review: what each head must answer for')}", ""]
        for entry in report.year_end:
            head = f" ({entry.head.name})" if entry.head else ""
            out.append(f"**{entry.unit.name}**{head}")
            out += [f"- {line}" for line in words.year_end_lines(entry, t)] + [""]
    out.append(f"<sub>{t('Made with acct {version}.', version=__version__)}</sub>")
    return "\n".join(out) + "\n"


def _unit(section: UnitSection, ranked: int, tied: bool, t: Messages) -> list[str]:
    out = [f"## {words.heading(section, tied, t)}", ""]
    pairs = words.people_line(section, t)
    if pairs:
        out += [" · ".join(f"**{label}:** {value}" for label, value in pairs), ""]
    out += [f"**{words.score_line(section, ranked, t)}**", ""]
    if section.row.result:
        out += [words.unit_summary([section.row], t) + ".", ""]
        out += [f"### {t('The commitment, group by group')}", ""]
        for n, group in enumerate(section.groups, 1):
            out += [f"#### {t('Group {n}: {title}', n=n, title=group.title)}", ""]
            out.append(_table(words.item_header(t), [words.item_cells(i, t) for i in group.items]))
            out += [f"> {line}  " for i in group.items for line in words.amendment_lines(i, t)]
            out.append("") if any(i.amendments for i in group.items) else None
    out += ["### " + t("Monthly ratings of the unit's people"), ""]
    if section.people:
        out.append(_table(words.rating_header(section, t), [words.rating_cells(section, p, t) for p in section.people]))
        if any(p.provisional for p in section.people):
            out += [t("* provisional: not yet rated"), ""]
        if any(m.concluded is None and m.computed for p in section.people for m in p.months):
            out += [t("(…) a level computed from the score, not yet rated"), ""]
        out += [f"#### {t('Levels by month, and the quota of excellent ratings')}", ""]
        out.append(_table(words.distribution_header(t), [words.distribution_cells(m, t) for m in section.months]))
        out += [words.quota_line(section, t), ""]
        pooled = words.quota_group_line(section, t)
        out += [pooled, ""] if pooled else []
    else:
        out += [t("No monthly plans in this period."), ""]
    out += [f"### {t('Escalations and flags')}", ""]
    flags = words.flag_lines(section, t)
    out += [md_item(line) for line in flags] if flags else [t("None.")]
    out.append("")
    if section.issues:
        out += [f"### {t('Key issues handled by the unit')}", ""]
        out.append(_table(words.issue_header(t), [words.issue_cells(i, t) for i in section.issues]))
    return out
