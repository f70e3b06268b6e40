"""`acct score` output: JSON (the documented keys of CLI.md), CSV, Markdown and a ranked rich table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from accountability.i18n import Messages
from accountability.i18n.words import BASES, FLAGS, STEPS
from accountability.scoring.escalation import Escalation
from accountability.scoring.people import PersonScore
from accountability.scoring.scoreboard import Scores, UnitRow

LEVEL_STYLES = {"excellent": "bold green", "good": "green", "done": "yellow", "not-done": "bold red"}


def to_dict(scores: Scores, by: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "period": {
            "id": scores.period.id,
            "start": scores.period.start.isoformat(),
            "end": scores.period.end.isoformat(),
        },
        "as_of": scores.as_of.isoformat(),
    }
    if by in ("unit", "all"):
        body["units"] = [_unit(row) for row in scores.units]
    if by in ("person", "all"):
        body["people"] = [_person(p) for p in scores.people]
    body["issues"] = scores.issues.as_dict()
    return body


def _unit(row: UnitRow) -> dict[str, Any]:
    result = row.result
    tasks = result.task_counts() if result else {"total": 0, "on_time": 0, "late": 0, "overdue": 0, "open": 0}
    indicators = (
        result.indicator_counts()
        if result
        else {k: 0 for k in ("total", "achieved", "exceeded", "missed", "on_track", "behind", "no_report")}
    )
    return {
        "unit": row.unit,
        "name": row.name,
        "score": row.score,
        "level": result.level if result else None,
        "rank": row.rank,
        "tasks": tasks,
        "indicators": indicators,
        "quota": row.quota.as_dict(),
        "flags": row.flags,
    }


def _person(p: PersonScore) -> dict[str, Any]:
    return {
        "person": p.person,
        "unit": p.unit,
        "score": p.score,
        "level": p.level,
        "provisional": p.provisional,
        "months": [
            {
                "month": m.month,
                "score": m.score,
                "computed": m.computed,
                "concluded": m.concluded,
                "provisional": m.provisional,
            }
            for m in p.months
        ],
        "tasks": p.task_counts(),
        "escalation": escalation_dict(p.escalation),
        "flags": p.flags,
        "level_basis": p.period.basis,
        "proposed": p.period.proposed,
        "concluded_months": p.period.concluded_months,
        "discipline": [{"on": d.on.isoformat(), "form": d.form, "ref": d.ref} for d in p.period.discipline],
    }


def escalation_dict(escalation: Escalation) -> dict[str, Any]:
    """CLI.md's escalation object: the count of misses, the step, and each miss's evidence."""
    return {
        "misses": escalation.count,
        "step": escalation.step,
        "year": escalation.year or None,
        "evidence": [
            {
                "month": m.month,
                "deadline": m.deadline.isoformat(),
                "tasks": [
                    {
                        "ref": e.ref,
                        "title": e.title,
                        "path": e.path,
                        "line": e.line,
                        "due": str(e.due),
                        "done": str(e.done) if e.done else None,
                    }
                    for e in m.tasks
                ],
                "concluded_not_done": m.concluded_not_done is not None,
                "rating": {"path": m.concluded_not_done.path, "line": m.concluded_not_done.line}
                if m.concluded_not_done
                else None,
            }
            for m in escalation.misses
        ],
    }


def as_json(scores: Scores, by: str) -> str:
    return json.dumps(to_dict(scores, by), ensure_ascii=False, indent=2)


CSV_COLUMNS = [
    "kind",
    "id",
    "name",
    "unit",
    "rank",
    "score",
    "level",
    "provisional",
    "tasks_total",
    "tasks_done",
    "tasks_overdue",
    "indicators_total",
    "indicators_achieved",
    "indicators_exceeded",
    "excellent",
    "good",
    "allowed_excellent",
    "quota_over",
    "misses",
    "step",
    "flags",
    "level_basis",
]


def as_csv(scores: Scores, by: str) -> str:
    """One row per unit and per person, with a `kind` column; empty cells where a column does not apply."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    body = to_dict(scores, by)
    for u in body.get("units", []):
        writer.writerow(
            {
                "kind": "unit",
                "id": u["unit"],
                "name": u["name"],
                "rank": u["rank"],
                "score": u["score"],
                "level": u["level"],
                "tasks_total": u["tasks"]["total"],
                "tasks_done": u["tasks"]["on_time"] + u["tasks"]["late"],
                "tasks_overdue": u["tasks"]["overdue"],
                "indicators_total": u["indicators"]["total"],
                "indicators_achieved": u["indicators"]["achieved"],
                "indicators_exceeded": u["indicators"]["exceeded"],
                "excellent": u["quota"]["excellent"],
                "good": u["quota"]["good"],
                "allowed_excellent": u["quota"]["allowed_excellent"],
                "quota_over": u["quota"]["over"],
                "flags": " ".join(u["flags"]),
            }
        )
    for p in body.get("people", []):
        writer.writerow(
            {
                "kind": "person",
                "id": p["person"],
                "unit": p["unit"],
                "score": p["score"],
                "level": p["level"],
                "provisional": p["provisional"],
                "tasks_total": p["tasks"]["total"],
                "tasks_done": p["tasks"]["on_time"] + p["tasks"]["late"],
                "tasks_overdue": p["tasks"]["undone"],
                "misses": p["escalation"]["misses"],
                "step": p["escalation"]["step"],
                "flags": " ".join(p["flags"]),
                "level_basis": p["level_basis"],
            }
        )
    return out.getvalue()


def summary_counts(rows: list[UnitRow]) -> dict[str, int]:
    totals = {"achieved": 0, "indicators": 0, "exceeded": 0, "done": 0, "tasks": 0}
    for row in rows:
        if row.result:
            tasks, indicators = row.result.task_counts(), row.result.indicator_counts()
            totals["achieved"] += indicators["achieved"]
            totals["indicators"] += indicators["total"]
            totals["exceeded"] += indicators["exceeded"]
            totals["done"] += tasks["on_time"] + tasks["late"]
            totals["tasks"] += tasks["total"]
    return totals


def summary_line(scores: Scores, t: Messages) -> str:
    line = t(
        "met or beaten {achieved}/{indicators} targets, {exceeded} of them beaten; done {done}/{tasks} tasks",
        **summary_counts(scores.units),
    )
    issues = scores.issues
    if issues.due:
        verdict = t("met") if issues.met else t("not met")
        line += "\n" + t(
            "key issues resolved on time: {resolved}/{due} ({share}), target {target}: {verdict}",
            resolved=issues.resolved_on_time,
            due=issues.due,
            share=t.percent(issues.share),
            target=t.percent(issues.target),
            verdict=verdict,
        )
    return line


def unit_cells(row: UnitRow, t: Messages) -> list[str]:
    result = row.result
    tasks = result.task_counts() if result else None
    indicators = result.indicator_counts() if result else None
    quota = row.quota
    quota_text = f"{quota.excellent}/{quota.good} ({quota.allowed_excellent})" + (
        f" {t('over the quota')}" if quota.over else ""
    )
    return [
        str(row.rank or ""),
        row.name,
        t.number(row.score),
        t.level(result.level if result else None),
        f"{tasks['on_time'] + tasks['late']}/{tasks['total']}" if tasks else "",
        str(tasks["overdue"]) if tasks else "",
        f"{indicators['achieved']}/{indicators['total']} ({indicators['exceeded']})" if indicators else "",
        quota_text,
        ", ".join(row.flags),
    ]


def _person_cells(p: PersonScore, names: dict[str, str], t: Messages) -> list[str]:
    tasks = p.task_counts()
    score = t.number(p.score) + ("*" if p.provisional and p.score is not None else "")
    flags = [t(FLAGS[flag]) for flag in p.flags]
    flags += [t("disciplined on {on}: {form}", on=t.date(d.on), form=d.form) for d in p.period.discipline]
    return [
        names.get(p.person, p.person),
        p.unit,
        score,
        level_label(p.level, p.period.basis, t),
        f"{tasks['on_time'] + tasks['late']}/{tasks['total']}",
        escalation_cell(p.misses, p.step, t),
        "; ".join(flags),
    ]


def level_label(level: str | None, basis: str | None, t: Messages) -> str:
    """A level with what it is: a proposal from scores, a level computed before any rating, or the rating itself."""
    if level is None:
        return t.level(None)
    return t.level(level) if basis in (None, "concluded") else f"{t.level(level)} ({t(BASES[basis])})"


def escalation_cell(misses: int, step: str | None, t: Messages) -> str:
    """'2 → 2: suspension': the count of times work was not completed, then the step it reached."""
    if not misses or step is None:
        return str(misses)
    number = (
        ("reminder", "suspension", "discipline").index(step) + 1
        if step in ("reminder", "suspension", "discipline")
        else 0
    )
    return f"{misses} → {number}: {t(STEPS[step])}"


def unit_header(t: Messages) -> list[str]:
    return [
        t("#"),
        t("Unit"),
        t("Score"),
        t("Level"),
        t("Tasks done"),
        t("Overdue"),
        t("Targets met (beaten)"),
        t("Excellent/good (most allowed)"),
        t("Flags"),
    ]


def person_header(t: Messages) -> list[str]:
    return [t("Person"), t("Unit"), t("Score"), t("Level"), t("Tasks done"), t("Work not completed (step)"), t("Flags")]


def as_markdown(scores: Scores, by: str, names: dict[str, str], t: Messages) -> str:
    parts = []
    if by in ("unit", "all"):
        parts.append(
            f"### {t('Units, {period} (as of {as_of})', period=scores.period.id, as_of=t.date(scores.as_of))}\n"
        )
        parts.append(md_table(unit_header(t), [unit_cells(r, t) for r in scores.units]))
    if by in ("person", "all"):
        parts.append(
            f"### {t('People, {period} (as of {as_of})', period=scores.period.id, as_of=t.date(scores.as_of))}\n"
        )
        parts.append(md_table(person_header(t), [_person_cells(p, names, t) for p in scores.people]))
        if any(p.provisional for p in scores.people):
            parts.append(t("* provisional: no rating.general yet, so the score is task_results / 0.7") + "\n")
    parts.append(summary_line(scores, t).replace("\n", "  \n") + "\n")
    return "\n".join(parts)


def md_table(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *(line(r) for r in rows)]) + "\n"


def as_table(scores: Scores, by: str, names: dict[str, str], t: Messages, console: Console) -> None:
    """The ranked rich tables, levels coloured, provisional scores starred, then the summary line."""
    parts: list[Any] = []
    if by in ("unit", "all"):
        table = Table(
            title=t("Units, {period} (as of {as_of})", period=scores.period.id, as_of=t.date(scores.as_of)),
            box=box.SIMPLE_HEAVY,
        )
        for i, name in enumerate(unit_header(t)):
            table.add_column(name, justify="right" if i in (0, 2, 4, 5, 6) else "left")
        for row in scores.units:
            cells = unit_cells(row, t)
            level = row.result.level if row.result else None
            table.add_row(
                *cells[:3],
                Text(cells[3], style=LEVEL_STYLES.get(level or "", "")),
                *cells[4:7],
                Text(cells[7], style="bold red" if row.quota.over else ""),
                cells[8],
            )
        parts.append(table)
    if by in ("person", "all"):
        table = Table(
            title=t("People, {period} (as of {as_of})", period=scores.period.id, as_of=t.date(scores.as_of)),
            box=box.SIMPLE_HEAVY,
        )
        for i, name in enumerate(person_header(t)):
            table.add_column(name, justify="right" if i in (2, 4) else "left")
        for p in scores.people:
            cells = _person_cells(p, names, t)
            table.add_row(*cells[:3], Text(cells[3], style=LEVEL_STYLES.get(p.level or "", "")), *cells[4:])
        parts.append(table)
        if any(p.provisional for p in scores.people):
            parts.append(
                Text(t("* provisional: no rating.general yet, so the score is task_results / 0.7"), style="italic")
            )
    parts.append(Text(summary_line(scores, t), style="bold"))
    console.print(Group(*parts))
