"""`acct rollup` as Markdown (for a wiki or a message) and as JSON (for tools): the province's report over its
districts' exports, every figure with the query, table and columns it came from."""

from __future__ import annotations

import json
from typing import Any

from accountability import __version__
from accountability.i18n import Messages
from accountability.queries.rollup import LEVELS, TASK_STATES, District, Rollup, Tally, Totals
from accountability.render import rollup_text as words
from accountability.render.rollup_html import as_html
from accountability.render.scores import md_table

FORMATS = ("md", "html", "json")


def rendered(rollup: Rollup, fmt: str, t: Messages) -> str:
    """The report in one of FORMATS, as `acct rollup` and the Spark job print it."""
    if fmt == "html":
        return as_html(rollup, t)
    return as_json(rollup) + "\n" if fmt == "json" else as_markdown(rollup, t)


def as_markdown(rollup: Rollup, t: Messages) -> str:
    out = [f"# {words.title(rollup, t)}", "", f"_{words.subtitle(rollup, t)}_", ""]
    out += [
        f"## {t('Districts ranked by the mean score of their units')}",
        "",
        t(
            "The mean of the scores that acct score gives each district's units (those with a score), to one decimal place; equal means share a rank. From unit_scores.score."
        ),
        "",
    ]
    out.append(md_table(words.ranking_header(t), [words.ranking_cells(d, t) for d in rollup.districts]))
    out += [
        f"## {t('Units at each level')}",
        "",
        t(
            "Each level's count, and its share of those rated; the last column counts those not rated yet. From unit_scores.level."
        ),
        "",
    ]
    out.append(md_table(words.level_header(t), words.level_rows(rollup, False, t)))
    out += [f"## {t('People at each level')}", "", words.people_note(rollup, t), ""]
    out.append(md_table(words.level_header(t), words.level_rows(rollup, True, t)))
    out += [
        f"## {t('Targets, monthly plan tasks and key issues')}",
        "",
        t(
            "Targets met or beaten (of them beaten) of all, from unit_scores.indicators_*; plan tasks done on time of those judged, from tasks.state; key issues resolved on time of those due, from issues.counted and issues.on_time, against trackers.issues_target; people at an escalation step, from person_scores.step."
        ),
        "",
    ]
    out.append(md_table(words.results_header(t), words.results_rows(rollup, t)))
    out += [f"## {t('Districts flagged')}", ""]
    out += [f"- {line}" for line in words.flagged_district_lines(rollup, t)] or [t("None.")]
    out += ["", f"## {t('Units flagged')}", ""]
    units = words.flagged_unit_rows(rollup, t)
    out.append(md_table(words.flagged_unit_header(t), units) if units else t("None.") + "\n")
    out += [
        f"## {t('Where each figure comes from')}",
        "",
        t(
            "Every figure is read from the exports' tables alone, by the queries below (the same on DuckDB and on Spark); rows is how many rows each returned."
        ),
        "",
    ]
    out.append(md_table(words.sources_header(t), words.sources_rows(rollup, t)))
    out += ["```sql", *(f"-- {ran.query.name}\n{ran.sql};" for ran in rollup.ran), "```", ""]
    out.append(f"<sub>{t('Made with acct {version}.', version=__version__)}</sub>")
    return "\n".join(out) + "\n"


def as_json(rollup: Rollup) -> str:
    return json.dumps(to_dict(rollup), ensure_ascii=False, indent=2)


def to_dict(rollup: Rollup) -> dict[str, Any]:
    return {
        "period": rollup.period,
        "year": rollup.year,
        "ranked_by": "mean_score: the mean of the scores of each district's units that have one, to one place, "
        "halves up; equal means share a rank",
        "districts": [_district(d) for d in rollup.districts],
        "province": {
            "districts": len(rollup.districts),
            "districts_meeting_issues_target": rollup.issues_met,
            "districts_flagged": sum(bool(d.flags) for d in rollup.districts),
            **_totals(rollup.province),
        },
        "queries": [
            {
                "name": ran.query.name,
                "feeds": list(ran.query.feeds),
                "table": ran.query.table,
                "columns": list(ran.query.columns),
                "sql": ran.sql,
                "rows": ran.rows,
            }
            for ran in rollup.ran
        ],
    }


def _district(district: District) -> dict[str, Any]:
    return {
        "tracker": district.tracker,
        "organization": district.organization,
        "as_of": district.as_of.isoformat(),
        "rank": district.rank,
        **_totals(district.totals),
        "issues": district.issues.as_dict(),
        "flags": district.flags,
        "flagged_units": [
            {
                "unit": u.unit,
                "name": u.name,
                "score": u.score,
                "level": u.level,
                "flags": list(u.flags),
                "quota_over": u.quota_over,
            }
            for u in district.flagged_units
        ],
    }


def _totals(totals: Totals) -> dict[str, Any]:
    return {
        "mean_score": totals.mean_score,
        "units": {"total": totals.units.total, "scored": totals.scored, "levels": _levels(totals.units)},
        "people": {
            "total": totals.people.total,
            "rated": totals.people.rated,
            "proposed": totals.proposed,
            "levels": _levels(totals.people),
        },
        "escalated": totals.escalated,
        "targets": {
            "total": totals.targets,
            "met_or_beaten": totals.targets_met,
            "beaten": totals.targets_beaten,
            "share": totals.targets_share,
        },
        "over_quota": totals.over_quota,
        "plan_tasks": {**{s: totals.tasks[s] for s in TASK_STATES}, "on_time_share": totals.tasks_on_time},
        "issues": {"due": totals.issues_due, "resolved_on_time": totals.issues_on_time, "share": totals.issues_share},
    }


def _levels(tally: Tally) -> dict[str, dict[str, Any]]:
    return {level: {"count": tally.counts[level], "share": tally.share(level)} for level in LEVELS}
