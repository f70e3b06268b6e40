"""The words and cells of `acct rollup`, shared by its Markdown and HTML forms so the two always say the same."""

from __future__ import annotations

import functools

from accountability.i18n import Messages
from accountability.i18n.words import DISTRICT_FLAGS, FIGURES, SHORT_LEVELS
from accountability.periods import parse_period
from accountability.problems import FatalError
from accountability.queries.rollup import LEVELS, District, Rollup, Tally, Totals
from accountability.render.score_words import flag_words
from accountability.scoring.issues import IssueShare


def title(rollup: Rollup, t: Messages) -> str:
    return t("Province roll-up: {period}", period=period_name(rollup.period, t))


def period_name(period: str, t: Messages) -> str:
    """The exports' period as people name it; its id, should an export carry one that is not a period."""
    try:
        return t.period(parse_period(period))
    except FatalError:
        return period


def subtitle(rollup: Rollup, t: Messages) -> str:
    days = sorted({d.as_of for d in rollup.districts})
    as_of = t.date(days[0]) if len(days) == 1 else f"{t.date(days[0])} – {t.date(days[-1])}"
    return t("districts: {count} · as of {as_of}", count=len(rollup.districts), as_of=as_of)


def ranking_header(t: Messages) -> list[str]:
    return [t("#"), t("District"), t("Tracker"), t("Mean unit score"), t("Units scored")] + [t("As of"), t("Flags")]


def ranking_cells(district: District, t: Messages) -> list[str]:
    totals = district.totals
    return [
        str(district.rank or t("—")),
        district.name,
        district.tracker,
        t.number(totals.mean_score),
        f"{t.number(totals.scored, 0)}/{t.number(totals.units.total, 0)}",
        t.date(district.as_of),
        "; ".join(district_flags(district, t)),
    ]


def district_flags(district: District, t: Messages) -> list[str]:
    counts = {"unit-not-done": district.totals.units.counts["not-done"], "quota-over": district.totals.over_quota}
    return [t(DISTRICT_FLAGS[flag], count=counts.get(flag, 0)) for flag in district.flags]


def level_header(t: Messages) -> list[str]:
    return [t("District"), *(capital(t(SHORT_LEVELS[level])) for level in LEVELS), capital(t("not rated"))]


def level_cells(name: str, tally: Tally, t: Messages) -> list[str]:
    """Each level's count and its share of those rated; then how many have no level yet."""
    cells = [f"{t.number(tally.counts[level], 0)} ({t.percent(tally.share(level))})" for level in LEVELS]
    return [name, *cells, t.number(tally.total - tally.rated, 0)]


def level_rows(rollup: Rollup, people: bool, t: Messages) -> list[list[str]]:
    rows = [level_cells(d.name, d.totals.people if people else d.totals.units, t) for d in rollup.districts]
    province = rollup.province.people if people else rollup.province.units
    return rows + [level_cells(t("Province"), province, t)]


def people_note(rollup: Rollup, t: Messages) -> str:
    """Whose level is a rating and whose a proposal: over a period longer than a month, acct proposes a level from
    the monthly scores; it is not a rating, and the report must not read as one."""
    province = rollup.province
    return t(
        "From person_scores.level, each person's row for the whole period. {proposed} of these {rated} levels are proposed (person_scores.level_basis): over a period longer than a month, acct proposes a level from the monthly scores; it is a proposal, not a rating.",
        proposed=t.number(province.proposed, 0),
        rated=t.number(province.people.rated, 0),
    )


def results_header(t: Messages) -> list[str]:
    return [
        t("District"),
        t("Targets met or beaten (beaten)"),
        t("Plan tasks on time"),
        t("Key issues resolved on time"),
    ] + [t("Target"), t("People at an escalation step")]


def results_cells(name: str, totals: Totals, issues: IssueShare | None, t: Messages) -> list[str]:
    """Targets met or beaten (beaten) of all; plan tasks on time of those judged; key issues resolved on time of
    those due, against the district's target (for the province: how many districts met theirs)."""
    judged = sum(totals.tasks.values()) - totals.tasks["open"]
    n = functools.partial(t.number, places=0)
    return [
        name,
        f"{n(totals.targets_met)} ({n(totals.targets_beaten)})/{n(totals.targets)} ({t.percent(totals.targets_share)})",
        f"{n(totals.tasks['on_time'])}/{n(judged)} ({t.percent(totals.tasks_on_time)})",
        f"{n(totals.issues_on_time)}/{n(totals.issues_due)} ({t.percent(totals.issues_share)})",
        _target(issues, t),
        n(totals.escalated),
    ]


def results_rows(rollup: Rollup, t: Messages) -> list[list[str]]:
    rows = [results_cells(d.name, d.totals, d.issues, t) for d in rollup.districts]
    province = results_cells(t("Province"), rollup.province, None, t)
    province[4] = t("{met} of {count} districts met theirs", met=rollup.issues_met, count=len(rollup.districts))
    return rows + [province]


def _target(issues: IssueShare | None, t: Messages) -> str:
    if issues is None or issues.met is None:
        return t.percent(issues.target) if issues else ""
    return f"{t.percent(issues.target)}: {t('met') if issues.met else t('not met')}"


def flagged_district_lines(rollup: Rollup, t: Messages) -> list[str]:
    return [f"{d.name}: {'; '.join(district_flags(d, t))}" for d in rollup.districts if d.flags]


def flagged_unit_header(t: Messages) -> list[str]:
    return [t("District"), t("Unit"), t("Score"), t("Level"), t("Flags")]


def flagged_unit_rows(rollup: Rollup, t: Messages) -> list[list[str]]:
    rows = []
    for district in rollup.districts:
        for unit in district.flagged_units:
            words = flag_words(unit.flags, unit.titles, t) + ([t("over the quota")] if unit.quota_over else [])
            rows.append([district.name, unit.name, t.number(unit.score), t.level(unit.level), "; ".join(words)])
    return rows


def sources_header(t: Messages) -> list[str]:
    return [t("Query"), t("Figures"), t("Table"), t("Columns"), t("Rows")]


def sources_rows(rollup: Rollup, t: Messages) -> list[list[str]]:
    return [
        [
            ran.query.name,
            ", ".join(t(FIGURES[f]) for f in ran.query.feeds),
            ran.query.table,
            ", ".join(ran.query.columns),
            str(ran.rows),
        ]
        for ran in rollup.ran
    ]


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
