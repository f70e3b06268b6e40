"""`acct score` output: JSON (the documented keys of CLI.md), CSV, Markdown and the ranked tables of a terminal."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console

from accountability.i18n import Messages
from accountability.render import score_table
from accountability.render import score_words as words
from accountability.scoring.escalation import Escalation
from accountability.scoring.people import PersonScore
from accountability.scoring.scoreboard import Scores, UnitRow


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


def as_markdown(scores: Scores, by: str, people: dict[str, str], t: Messages) -> str:
    names = words.Names.of(scores, people)
    parts = []
    if by in ("unit", "all"):
        parts.append(f"### {words.units_title(scores, t)}\n")
        parts.append(md_table(words.unit_header(t), [words.unit_cells(r, t) for r in scores.units]))
    if by in ("person", "all"):
        parts.append(f"### {words.people_title(scores, t)}\n")
        parts.append(md_table(words.person_header(t), [words.person_cells(p, names, t) for p in scores.people]))
        if any(p.provisional for p in scores.people):
            parts.append(t("* provisional: no rating.general yet, so the score is task_results / 0.7") + "\n")
        judgements = words.people_judgements(scores, names, t)
        if judgements:
            parts.append(f"#### {t('Escalation steps and flags, with their evidence')}\n")
            parts.append(f"_{words.escalation_rule(scores.rules, t)}_\n")
            parts.append("\n".join(md_item(line) for line in judgements) + "\n")
    parts.append(words.summary_line(scores, t).replace("\n", "  \n") + "\n")
    return "\n".join(parts)


def md_item(line: str) -> str:
    """A line of a list of judgements as a Markdown list item; an evidence line (indented) nested under the one
    above it."""
    return f"  - {line.strip()}" if line.startswith("    ") else f"- {line}"


def md_table(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *(line(r) for r in rows)]) + "\n"


def as_table(scores: Scores, by: str, people: dict[str, str], t: Messages, console: Console) -> None:
    """The ranked tables, laid out for the console's width (render/score_table.py), then the summary line."""
    score_table.render(scores, by, words.Names.of(scores, people), t, console)
