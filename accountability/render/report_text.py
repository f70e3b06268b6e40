"""The words and cells of `acct report`, shared by its Markdown and HTML forms so the two always say the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accountability.i18n import Messages
from accountability.i18n.words import AMENDED_FIELDS, ISSUE_STATES, ITEM_STATES, MEASURES, SHORT_LEVELS
from accountability.periods import iso_date
from accountability.queries.committee import (
    LEVELS,
    AmendmentLine,
    CommitteeReport,
    IssueLine,
    ItemLine,
    MonthLevels,
    PersonLine,
    UnitSection,
    YearEndEntry,
)
from accountability.render.score_words import (
    escalation_line,
    judgement_lines,
    level_label,
    summary_counts,
    summary_line,
    unit_flags,
)
from accountability.scoring.scoreboard import UnitRow


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(report: CommitteeReport, t: Messages) -> str:
    return t("Responsibility commitments: results for {period}", period=t.period(report.scores.period))


def subtitle(report: CommitteeReport, t: Messages) -> str:
    as_of = t("as of {as_of}", as_of=t.date(report.scores.as_of))
    return f"{report.organization} · {as_of}" if report.organization else capitalised(as_of)


def unit_summary(rows: list[UnitRow], t: Messages) -> str:
    """'Met or beaten 16/19 targets, 7 of them beaten; done 9/11 tasks', as the source articles write it; before the
    year's end, also how many of the targets not yet due are on pace."""
    text = capitalised(
        t(
            "met or beaten {achieved}/{indicators} targets, {exceeded} of them beaten; done {done}/{tasks} tasks",
            **summary_counts(rows),
        )
    )
    counts = [r.result.indicator_counts() for r in rows if r.result]
    pending = sum(c["on_track"] + c["behind"] + c["no_report"] for c in counts)
    if pending:
        text += t(
            "; {on_track} of the {pending} targets not yet due are on pace",
            on_track=sum(c["on_track"] for c in counts),
            pending=pending,
        )
    return text


def heading(section: UnitSection, tied: bool, t: Messages) -> str:
    """'3. Phường 1'; a rank shared with another unit says so: '1. Phường 5 (tied at rank 1)'."""
    row = section.row
    if not row.rank:
        return row.name
    return f"{row.rank}. {row.name} ({t('tied at rank {rank}', rank=row.rank)})" if tied else f"{row.rank}. {row.name}"


def tied_ranks(sections: list[UnitSection]) -> set[int]:
    """The ranks that more than one unit shares: equal scores share a rank and are shown as ties."""
    ranks = [s.row.rank for s in sections if s.row.rank]
    return {r for r in ranks if ranks.count(r) > 1}


def score_line(section: UnitSection, count: int, t: Messages) -> str:
    row = section.row
    if row.result is None:
        return t("No commitment for this period.")
    line = t("Score {score}: {level}", score=t.number(row.score), level=t.level(row.result.level))
    return f"{line} ({t('rank {rank} of {count}', rank=row.rank, count=count)})" if row.rank else line


def people_line(section: UnitSection, t: Messages) -> list[tuple[str, str]]:
    """(label, value) pairs under a unit's heading: its head, whom it committed to, when it signed."""
    pairs = []
    if section.head:
        pairs.append((t("Head"), section.head.name))
    if section.to:
        pairs.append((t("Committed to"), section.to.name))
    if section.signed:
        pairs.append((t("Signed"), t.date(section.signed)))
    return pairs


def state(item: ItemLine, t: Messages) -> str:
    if item.state == "achieved" and item.exceeded:
        return t("exceeded")
    return t(ITEM_STATES[item.state])


def result(item: ItemLine, t: Messages) -> str:
    """'58 / 120 tỷ đồng' for an indicator; the done date for a task."""
    if not item.indicator:
        return t.date(item.done) if item.done else ""
    measure = f" {item.measure}" if item.measure else ""
    return f"{t.figure(item.value)} / {t.figure(item.target)}{measure}"


def of_target(item: ItemLine, t: Messages) -> str:
    return t.percent(item.of_target) if item.of_target is not None else ""


def item_cells(item: ItemLine, t: Messages) -> list[str]:
    return [item.title, state(item, t), item.owner.name, t.date(item.due), result(item, t), of_target(item, t)]


def item_header(t: Messages) -> list[str]:
    return [t("Item"), t("State"), t("Owner"), t("Due"), t("Last report / target"), t("% of target")]


def amendment_lines(item: ItemLine, t: Messages) -> list[str]:
    """'Amended on 10/07/2023: target changed to 820 tỷ đồng; approved by …': each amendment as a sentence. A
    commitment keeps only the new values, so the sentence says what the item was changed to."""
    lines = []
    for a in item.amendments:
        changes = "; ".join(change(a, key, value, t) for key, value in a.set.items())
        text = t(
            "Amended on {on}: {changes}; approved by {by}", on=t.date(a.on), changes=changes, by=a.approved_by.name
        )
        lines.append(f"{text} ({t('reason: {reason}', reason=a.reason)})" if a.reason else text)
    return lines


def change(amendment: AmendmentLine, key: str, value: Any, t: Messages) -> str:
    """One field an amendment sets, in words: 'due date changed to 30/11/2023'."""
    if key == "removed":
        return t("item removed from the commitment")
    if key == "target" and isinstance(value, dict):
        return target_change(value, t)
    if key == "owner" and amendment.owner is not None:
        return t(AMENDED_FIELDS["owner"], value=amendment.owner.name)
    if key == "measure" and value in MEASURES:
        return t(AMENDED_FIELDS["measure"], value=t(MEASURES[value]))
    shown = _listed(value, t) if isinstance(value, list) else _value(value, t)
    return (
        t(AMENDED_FIELDS[key], value=shown)
        if key in AMENDED_FIELDS
        else t("{field} set to {value}", field=key, value=shown)
    )


def target_change(target: dict[str, Any], t: Messages) -> str:
    value = _value(target.get("value"), t) + (f" {target['unit']}" if target.get("unit") else "")
    if target.get("direction") == "down":
        return t("target changed to {value}, lower is better", value=value)
    return t(AMENDED_FIELDS["target"], value=value)


def _listed(values: list[Any], t: Messages) -> str:
    """Milestones, reports or evidence, one after another: '360 by 30/06/2023, 600 by 30/09/2023'."""
    shown = []
    for entry in values:
        if isinstance(entry, dict) and "by" in entry:
            shown.append(t("{value} by {on}", value=_value(entry.get("value"), t), on=_value(entry["by"], t)))
        elif isinstance(entry, dict) and "on" in entry:
            shown.append(t("{value} on {on}", value=_value(entry.get("value"), t), on=_value(entry["on"], t)))
        else:
            shown.append(_value(entry, t))
    return ", ".join(shown)


def _value(value: object, t: Messages) -> str:
    if isinstance(value, bool) or value is None:
        return t("yes") if value else t("no")
    if isinstance(value, (int, float)):
        return t.figure(value)
    if isinstance(value, dt.date):
        return t.date(value)
    day = iso_date(value) if isinstance(value, str) else None  # a date YAML read as text keeps its meaning
    return t.date(day) if day else str(value)


def months_of(section: UnitSection) -> list[str]:
    return [m.month for m in section.months]


def rating_header(section: UnitSection, t: Messages) -> list[str]:
    months = [t.month(m) for m in months_of(section)]
    return [t("Person"), *months, t("Period"), t("Level"), t("Concluded")]


def month_cell(person: PersonLine, month: str, t: Messages) -> str:
    """'88.0 good' for a concluded month; '88.0 (good)' for a level computed before any rating."""
    found = next((m for m in person.months if m.month == month), None)
    if found is None:
        return ""
    score = t.number(found.score) + ("*" if found.provisional else "")
    if found.concluded:
        return f"{score} {t(SHORT_LEVELS[found.concluded])}"
    return f"{score} ({t(SHORT_LEVELS[found.computed])})" if found.computed else score


def rating_cells(section: UnitSection, person: PersonLine, t: Messages) -> list[str]:
    score = t.number(person.score) + ("*" if person.provisional and person.score is not None else "")
    months = [month_cell(person, m, t) for m in months_of(section)]
    return [person.person.name, *months, score, level_label(person.level, person.basis, t), concluded_counts(person, t)]


def concluded_counts(person: PersonLine, t: Messages) -> str:
    """The concluded monthly levels, counted: '2 excellent, 1 good'."""
    if not person.concluded_months:
        return t("no month concluded yet")
    return ", ".join(f"{n} {t(SHORT_LEVELS[level])}" for level, n in person.concluded_months.items())


def distribution_header(t: Messages) -> list[str]:
    return [
        t("Month"),
        *(t(SHORT_LEVELS[level]) for level in LEVELS),
        t("Not rated yet"),
        t("Most allowed excellent (rating group)"),
    ]


def distribution_cells(month: MonthLevels, t: Messages) -> list[str]:
    group = month.group
    allowed = (
        "" if group is None else str(group.allowed_excellent) + (f" ({t('over the quota')})" if group.over else "")
    )
    return [t.month(month.month), *(str(month.counts[level]) for level in (*LEVELS, "none")), allowed]


def quota_line(section: UnitSection, t: Messages) -> str:
    q = section.row.quota
    line = t(
        "Concluded ratings in the period: {excellent} excellent, {good} good; at most {allowed} may be excellent",
        excellent=q.excellent,
        good=q.good,
        allowed=q.allowed_excellent,
    )
    if q.over:
        line += f": {t('over the quota in {months}', months=', '.join(t.month(m) for m in q.months_over))}"
    return line


def quota_group_line(section: UnitSection, t: Messages) -> str | None:
    """The units counted together with this one, when it was pooled with others (SCORING.md, "Quota")."""
    if len(section.quota_group) <= 1:
        return None
    return t(
        "Rating group (units counted together for the quota): {units}",
        units=", ".join(u.name for u in section.quota_group),
    )


def summary(report: CommitteeReport, t: Messages) -> list[str]:
    """The tracker's summary sentence, then its key issues line."""
    issues = summary_line(report.scores, t).splitlines()[1:]
    return [unit_summary(report.scores.units, t), *(capitalised(line) for line in issues)]


def flag_lines(section: UnitSection, t: Messages) -> list[str]:
    lines = unit_flags(section.row, t)
    for person in section.escalated:
        lines += person_lines(person, t)
    return lines


def person_lines(person: PersonLine, t: Messages) -> list[str]:
    return judgement_lines(person.person.name, person.escalation, person.discipline, person.flags, t)


def issue_header(t: Messages) -> list[str]:
    return [t("Issue"), t("Lead"), t("Due"), t("Resolved"), t("State")]


def issue_cells(issue: IssueLine, t: Messages) -> list[str]:
    return [
        issue.title,
        issue.lead.name,
        t.date(issue.due),
        t.date(issue.resolved) if issue.resolved else "",
        t(ISSUE_STATES[issue.state]),
    ]


def year_end_lines(entry: YearEndEntry, t: Messages) -> list[str]:
    if entry.clear:
        return [t("nothing to answer for")]
    lines = []
    if entry.level in ("done", "not-done"):
        lines.append(t("the unit is rated {level}", level=t.level(entry.level)))
    for item in entry.items:
        lines.append(
            t(
                "{state}: {title} (owner {owner}, due {due})",
                state=state(item, t),
                title=item.title,
                owner=item.owner.name,
                due=t.date(item.due),
            )
        )
    for person in entry.people:
        lines.append(escalation_line(person.person.name, person.escalation, t))
    if entry.quota.over:
        q = entry.quota
        months = ", ".join(t.month(m) for m in q.months_over)
        lines.append(
            t(
                "the rating group was over the quota in {months}: {excellent} excellent with {good} good, at most {allowed}",
                months=months,
                excellent=q.excellent,
                good=q.good,
                allowed=q.allowed_excellent,
            )
        )
    for issue in entry.issues:
        lines.append(
            t(
                "key issue {state}: {title} (lead {lead}, due {due})",
                state=t(ISSUE_STATES[issue.state]),
                title=issue.title,
                lead=issue.lead.name,
                due=t.date(issue.due),
            )
        )
    return lines
