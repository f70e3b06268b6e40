"""`acct export`: the tracker and a period's scores as flat tables with stable columns (docs/export.md).

`items` carries each item's judgement in the period (counted, state, credit) and the effective group weight, so
that a query over the export alone reproduces a unit's score.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accountability.model.tracker import Tracker
from accountability.scoring.scoreboard import Scores
from accountability.scoring.units import default_group_weight

COLUMNS: dict[str, list[str]] = {
    "units": ["unit", "name", "parent", "head"],
    "people": ["person", "name", "unit", "title", "category", "handle", "active_from", "active_to"],
    "items": [
        "unit",
        "year",
        "group",
        "group_title",
        "group_weight",
        "item",
        "title",
        "owner",
        "due",
        "done",
        "weight",
        "kind",
        "target",
        "target_unit",
        "direction",
        "counted",
        "state",
        "credit",
        "path",
    ],
    "reports": ["unit", "year", "item", "on", "value", "note"],
    "plans": [
        "person",
        "month",
        "self_on",
        "self_score",
        "self_level",
        "rating_on",
        "rating_by",
        "rating_general",
        "rating_level",
        "rating_reason",
        "path",
    ],
    "tasks": [
        "person",
        "month",
        "task",
        "title",
        "assigned_by",
        "due",
        "done",
        "weight",
        "commitment",
        "carried_from",
        "review_on",
        "quality_fails",
        "delays",
        "excused",
        "state",
        "credit",
    ],
    "unit_scores": [
        "period",
        "as_of",
        "unit",
        "name",
        "score",
        "level",
        "rank",
        "tasks_total",
        "tasks_on_time",
        "tasks_late",
        "tasks_overdue",
        "tasks_open",
        "indicators_total",
        "indicators_achieved",
        "indicators_exceeded",
        "indicators_missed",
        "excellent",
        "good",
        "allowed_excellent",
        "quota_over",
        "flags",
        "indicators_on_track",
        "indicators_behind",
        "indicators_no_report",
        "quota_group",
        "quota_months_over",
    ],
    "person_scores": [
        "period",
        "as_of",
        "person",
        "unit",
        "month",
        "score",
        "computed",
        "concluded",
        "level",
        "provisional",
        "misses",
        "step",
        "flags",
        "level_basis",
    ],
    "escalations": [
        "period",
        "as_of",
        "person",
        "unit",
        "year",
        "month",
        "deadline",
        "evidence",
        "ref",
        "title",
        "path",
        "line",
    ],
}

# A column's name means the same in every table, and so does its type. Any column not named here is text.
DATES = {"due", "done", "on", "as_of", "active_from", "active_to", "self_on", "rating_on", "review_on", "deadline"}
INTEGERS = {"year", "rank", "quality_fails", "delays", "misses", "excellent", "good", "allowed_excellent", "line"} | {
    c for c in COLUMNS["unit_scores"] if c.startswith(("tasks_", "indicators_"))
}
DECIMALS = {"group_weight", "weight", "target", "credit", "value", "self_score", "rating_general", "score"}
BOOLEANS = {"counted", "excused", "quota_over", "provisional"}

Row = dict[str, Any]


def column_type(name: str) -> str:
    """date, integer, decimal, boolean or text: fixed per column, whatever the data, so that exports of many
    trackers or many periods load into one table."""
    for kind, names in (("date", DATES), ("integer", INTEGERS), ("decimal", DECIMALS), ("boolean", BOOLEANS)):
        if name in names:
            return kind
    return "text"


def tables(tracker: Tracker, scores: Scores) -> dict[str, list[Row]]:
    return {
        "units": [
            {"unit": u.model.id, "name": u.model.name, "parent": u.model.parent, "head": u.model.head}
            for u in tracker.units.values()
        ],
        "people": [_person(p.model) for p in tracker.people.values()],
        "items": _items(tracker, scores),
        "reports": [
            {"unit": d.model.unit, "year": d.model.year, "item": item.id, "on": r.on, "value": r.value, "note": r.note}
            for d in tracker.commitments
            for _, _, item in d.model.items()
            for r in item.reports
        ],
        "plans": [_plan(d.model, d.path) for d in sorted(tracker.plans, key=lambda d: (d.model.person, d.model.month))],
        "tasks": _tasks(tracker, scores),
        "unit_scores": [_unit_score(row, scores) for row in scores.units],
        "person_scores": _person_scores(scores),
        "escalations": _escalations(scores),
    }


def _person(p: Any) -> Row:
    active = p.active
    return {
        "person": p.id,
        "name": p.name,
        "unit": p.unit,
        "title": p.title,
        "category": p.category,
        "handle": p.handle,
        "active_from": active.from_ if active else None,
        "active_to": active.to if active else None,
    }


def _items(tracker: Tracker, scores: Scores) -> list[Row]:
    judged = {(row.unit, r.group, r.item.id): r for row in scores.units if row.result for r in row.result.items}
    rows = []
    for doc in sorted(tracker.commitments, key=lambda d: (d.model.unit, d.model.year)):
        c = doc.model
        for group in c.groups:
            weight = group.weight if group.weight is not None else default_group_weight(c)
            for item in group.items:
                result = (
                    judged.get((c.unit, group.id, item.id))
                    if scores.period.start.year <= c.year <= scores.period.end.year
                    else None
                )
                target = item.target
                rows.append(
                    {
                        "unit": c.unit,
                        "year": c.year,
                        "group": group.id,
                        "group_title": group.title,
                        "group_weight": weight,
                        "item": item.id,
                        "title": item.title,
                        "owner": item.owner,
                        "due": item.due,
                        "done": item.done,
                        "weight": item.weight,
                        "kind": "indicator" if target else "task",
                        "target": target.value if target else None,
                        "target_unit": target.unit if target else None,
                        "direction": target.direction if target else None,
                        "counted": result is not None,
                        "state": result.state if result else None,
                        "credit": result.credit if result else None,
                        "path": doc.path,
                    }
                )
    return rows


def _plan(plan: Any, path: str) -> Row:
    s, r = plan.self_, plan.rating
    return {
        "person": plan.person,
        "month": plan.month,
        "self_on": s.on if s else None,
        "self_score": s.score if s else None,
        "self_level": s.level if s else None,
        "rating_on": r.on if r else None,
        "rating_by": r.by if r else None,
        "rating_general": r.general if r else None,
        "rating_level": r.level if r else None,
        "rating_reason": r.reason if r else None,
        "path": path,
    }


def _tasks(tracker: Tracker, scores: Scores) -> list[Row]:
    plans = {doc.path: doc.model for doc in tracker.plans}
    rows = []
    for person in scores.people:
        for month in person.months:
            tasks = {task.id: task for task in plans[month.path].tasks}
            for result in month.tasks:
                t = tasks[result.id]
                review = t.review
                rows.append(
                    {
                        "person": person.person,
                        "month": month.month,
                        "task": t.id,
                        "title": t.title,
                        "assigned_by": t.assigned_by,
                        "due": t.due,
                        "done": t.done,
                        "weight": t.weight,
                        "commitment": t.commitment,
                        "carried_from": t.carried_from,
                        "review_on": review.on if review else None,
                        "quality_fails": review.quality_fails if review else None,
                        "delays": review.delays if review else None,
                        "excused": review.excused if review else None,
                        "state": result.state,
                        "credit": result.credit,
                    }
                )
    return rows


def _escalations(scores: Scores) -> list[Row]:
    """One row per piece of evidence of each time assigned work was not completed: a task or a not-done rating."""
    rows = []
    for p in scores.people:
        for miss in p.escalation.misses:
            evidence = [("task", e) for e in miss.tasks]
            evidence += [("rating", miss.concluded_not_done)] if miss.concluded_not_done else []
            for kind, e in evidence:
                rows.append(
                    {
                        "period": scores.period.id,
                        "as_of": scores.as_of,
                        "person": p.person,
                        "unit": p.unit,
                        "year": p.escalation.year,
                        "month": miss.month,
                        "deadline": miss.deadline,
                        "evidence": kind,
                        "ref": e.ref,
                        "title": e.title,
                        "path": e.path,
                        "line": e.line,
                    }
                )
    return rows


def _unit_score(row: Any, scores: Scores) -> Row:
    tasks = row.result.task_counts() if row.result else {}
    indicators = row.result.indicator_counts() if row.result else {}
    return {
        "period": scores.period.id,
        "as_of": scores.as_of,
        "unit": row.unit,
        "name": row.name,
        "score": row.score,
        "level": row.result.level if row.result else None,
        "rank": row.rank,
        **{f"tasks_{k}": tasks.get(k, 0) for k in ("total", "on_time", "late", "overdue", "open")},
        **{
            f"indicators_{k}": indicators.get(k, 0)
            for k in ("total", "achieved", "exceeded", "missed", "on_track", "behind", "no_report")
        },
        "excellent": row.quota.excellent,
        "good": row.quota.good,
        "allowed_excellent": row.quota.allowed_excellent,
        "quota_over": row.quota.over,
        "flags": " ".join(row.flags),
        "quota_group": " ".join(row.quota.group),
        "quota_months_over": " ".join(row.quota.months_over),
    }


def _person_scores(scores: Scores) -> list[Row]:
    """One row per person for the period (month empty), then one per month."""
    rows = []
    for p in scores.people:
        base = {
            "period": scores.period.id,
            "as_of": scores.as_of,
            "person": p.person,
            "unit": p.unit,
            "misses": p.misses,
            "step": p.step,
            "flags": " ".join(p.flags),
        }
        rows.append(
            {
                **base,
                "month": None,
                "score": p.score,
                "computed": None,
                "concluded": None,
                "level": p.level,
                "provisional": p.provisional,
                "level_basis": p.period.basis,
            }
        )
        rows += [
            {
                **base,
                "month": m.month,
                "score": m.score,
                "computed": m.computed,
                "concluded": m.concluded,
                "level": m.level,
                "provisional": m.provisional,
                "level_basis": "concluded" if m.concluded else ("computed" if m.computed else None),
            }
            for m in p.months
        ]
    return rows


def plain(column: str, value: Any) -> Any:
    """A cell as JSON/CSV can hold it: dates as ISO text, and a decimal column's 1 as 1.0, as in every row."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return float(value) if column in DECIMALS and isinstance(value, int) else value
