"""The words and cells of `acct report`, shared by its Markdown and HTML forms so the two always say the same."""

from __future__ import annotations

from accountability.i18n import Messages
from accountability.queries.committee import (
    LEVELS,
    CommitteeReport,
    IssueLine,
    ItemLine,
    MonthLevels,
    PersonLine,
    UnitSection,
    YearEndEntry,
)
from accountability.render.scores import level_label, summary_counts, summary_line, unit_cells
from accountability.scoring.escalation import Escalation, Evidence
from accountability.scoring.scoreboard import UnitRow


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(report: CommitteeReport, t: Messages) -> str:
    return t("report.title", period=report.scores.period.id)


def subtitle(report: CommitteeReport, t: Messages) -> str:
    as_of = t("report.as_of", as_of=t.date(report.scores.as_of))
    return f"{report.organization} · {as_of}" if report.organization else capitalised(as_of)


def unit_summary(rows: list[UnitRow], t: Messages) -> str:
    """'Met or beaten 16/19 targets, 7 of them beaten; done 9/11 tasks', as the source articles write it; before the
    year's end, also how many of the targets not yet due are on pace."""
    text = capitalised(t("summary", **summary_counts(rows)))
    counts = [r.result.indicator_counts() for r in rows if r.result]
    pending = sum(c["on_track"] + c["behind"] + c["no_report"] for c in counts)
    if pending:
        text += t("summary.pace", on_track=sum(c["on_track"] for c in counts), pending=pending)
    return text


def heading(section: UnitSection) -> str:
    row = section.row
    return f"{row.rank}. {row.name}" if row.rank else row.name


def score_line(section: UnitSection, count: int, t: Messages) -> str:
    row = section.row
    if row.result is None:
        return t("report.no_commitment")
    line = t("report.score_level", score=t.number(row.score), level=t.level(row.result.level))
    return f"{line} ({t('report.rank', rank=row.rank, count=count)})" if row.rank else line


def people_line(section: UnitSection, t: Messages) -> list[tuple[str, str]]:
    """(label, value) pairs under a unit's heading: its head, whom it committed to, when it signed."""
    pairs = []
    if section.head:
        pairs.append((t("report.head"), section.head.name))
    if section.to:
        pairs.append((t("report.to"), section.to.name))
    if section.signed:
        pairs.append((t("report.signed"), t.date(section.signed)))
    return pairs


def state(item: ItemLine, t: Messages) -> str:
    if item.state == "achieved" and item.exceeded:
        return t("state.exceeded")
    return t(f"state.{item.state}")


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
    return [t("col.item"), t("col.state"), t("col.owner"), t("col.due"), t("col.result"), t("col.of_target")]


def amendment_lines(item: ItemLine, t: Messages) -> list[str]:
    lines = []
    for a in item.amendments:
        changes = ", ".join(f"{key} = {_value(value, t)}" for key, value in a.set.items())
        text = t("report.amended", on=t.date(a.on), changes=changes, by=a.approved_by.name)
        lines.append(f"{text} ({t('report.reason', reason=a.reason)})" if a.reason else text)
    return lines


def _value(value: object, t: Messages) -> str:
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, (int, float)):
        return t.figure(value)
    if hasattr(value, "isoformat"):
        return t.date(value)  # type: ignore[arg-type]
    return str(value)


def months_of(section: UnitSection) -> list[str]:
    return [m.month for m in section.months]


def rating_header(section: UnitSection, t: Messages) -> list[str]:
    months = [t.month(m) for m in months_of(section)]
    return [t("col.person"), *months, t("col.period_score"), t("col.level"), t("col.concluded")]


def month_cell(person: PersonLine, month: str, t: Messages) -> str:
    """'88.0 good' for a concluded month; '88.0 (good)' for a level computed before any rating."""
    found = next((m for m in person.months if m.month == month), None)
    if found is None:
        return ""
    score = t.number(found.score) + ("*" if found.provisional else "")
    if found.concluded:
        return f"{score} {t('short.' + found.concluded)}"
    return f"{score} ({t('short.' + found.computed)})" if found.computed else score


def rating_cells(section: UnitSection, person: PersonLine, t: Messages) -> list[str]:
    score = t.number(person.score) + ("*" if person.provisional and person.score is not None else "")
    months = [month_cell(person, m, t) for m in months_of(section)]
    return [person.person.name, *months, score, level_label(person.level, person.basis, t), concluded_counts(person, t)]


def concluded_counts(person: PersonLine, t: Messages) -> str:
    """The concluded monthly levels, counted: '2 excellent, 1 good'."""
    if not person.concluded_months:
        return t("report.not_rated_yet")
    return ", ".join(f"{n} {t('short.' + level)}" for level, n in person.concluded_months.items())


def distribution_header(t: Messages) -> list[str]:
    return [t("col.month"), *(t(f"short.{level}") for level in LEVELS), t("col.not_rated"), t("col.allowed")]


def distribution_cells(month: MonthLevels, t: Messages) -> list[str]:
    group = month.group
    allowed = (
        "" if group is None else str(group.allowed_excellent) + (f" ({t('note.quota_over')})" if group.over else "")
    )
    return [t.month(month.month), *(str(month.counts[level]) for level in (*LEVELS, "none")), allowed]


def quota_line(section: UnitSection, t: Messages) -> str:
    q = section.row.quota
    line = t("report.quota", excellent=q.excellent, good=q.good, allowed=q.allowed_excellent)
    if q.over:
        line += f": {t('report.quota_months_over', months=', '.join(t.month(m) for m in q.months_over))}"
    return line


def quota_group_line(section: UnitSection, t: Messages) -> str | None:
    """The units counted together with this one, when it was pooled with others (SCORING.md, "Quota")."""
    if len(section.quota_group) <= 1:
        return None
    return t("report.quota_group", units=", ".join(u.name for u in section.quota_group))


def unit_flags(section: UnitSection, t: Messages) -> list[str]:
    """The unit's flags in words, naming each item by its title."""
    titles = {i.id: i.title for g in section.groups for i in g.items}
    lines = []
    for flag in section.row.flags:
        kind, _, item = flag.partition(":")
        lines.append(t(f"flag.{kind}", item=titles.get(item, item)))
    return lines


def overview_cells(section: UnitSection, t: Messages) -> list[str]:
    """The row of `acct score`'s unit table, with the flags in words."""
    return [*unit_cells(section.row, t)[:-1], "; ".join(unit_flags(section, t))]


def summary(report: CommitteeReport, t: Messages) -> list[str]:
    """The tracker's summary sentence, then its key issues line."""
    issues = summary_line(report.scores, t).splitlines()[1:]
    return [unit_summary(report.scores.units, t), *(capitalised(line) for line in issues)]


def flag_lines(section: UnitSection, t: Messages) -> list[str]:
    lines = unit_flags(section, t)
    for person in section.escalated:
        lines += person_lines(person, t)
    return lines


def person_lines(person: PersonLine, t: Messages) -> list[str]:
    """What is said of a person, each judgement with its evidence: the escalation step with every time work was not
    completed (the tasks, their files and lines), a discipline decision, a flag."""
    lines = []
    if person.step:
        lines.append(escalation_line(person.person.name, person.escalation, t))
        lines += [f"    {line}" for line in evidence_lines(person.escalation, t)]
    lines += [
        t("report.discipline", person=person.person.name, on=t.date(d.on), form=d.form) for d in person.discipline
    ]
    lines += [f"{person.person.name}: {t(f'flag.{flag}')}" for flag in person.flags]
    return lines


def escalation_line(name: str, escalation: Escalation, t: Messages) -> str:
    step = escalation.step or ""
    number = (
        ("reminder", "suspension", "discipline").index(step) + 1
        if step in ("reminder", "suspension", "discipline")
        else 0
    )
    return t(
        "report.step", person=name, misses=escalation.count, year=escalation.year, n=number, step=t(f"step.{step}")
    )


def evidence_lines(escalation: Escalation, t: Messages) -> list[str]:
    lines = []
    for miss in escalation.misses:
        what = [
            t("report.step_task", title=e.title, due=t.date(e.due), deadline=t.date(miss.deadline), where=_where(e))
            for e in miss.tasks
        ]
        if miss.concluded_not_done is not None:
            what.append(t("report.step_not_done", where=_where(miss.concluded_not_done)))
        lines.append(t("report.step_month", month=t.month(miss.month), what="; ".join(what)))
    return lines


def _where(evidence: Evidence) -> str:
    return f"{evidence.path}:{evidence.line}" if evidence.line else evidence.path


def issue_header(t: Messages) -> list[str]:
    return [t("col.issue"), t("col.lead"), t("col.due"), t("col.resolved"), t("col.state")]


def issue_cells(issue: IssueLine, t: Messages) -> list[str]:
    return [
        issue.title,
        issue.lead.name,
        t.date(issue.due),
        t.date(issue.resolved) if issue.resolved else "",
        t(f"issue.{issue.state}"),
    ]


def year_end_lines(entry: YearEndEntry, t: Messages) -> list[str]:
    if entry.clear:
        return [t("report.year_end_clear")]
    lines = []
    if entry.level in ("done", "not-done"):
        lines.append(t("report.year_end_level", level=t.level(entry.level)))
    for item in entry.items:
        lines.append(
            t(
                "report.year_end_item",
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
            t("report.year_end_quota", months=months, excellent=q.excellent, good=q.good, allowed=q.allowed_excellent)
        )
    for issue in entry.issues:
        lines.append(
            t(
                "report.year_end_issue",
                state=t(f"issue.{issue.state}"),
                title=issue.title,
                lead=issue.lead.name,
                due=t.date(issue.due),
            )
        )
    return lines
