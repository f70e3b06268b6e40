"""`acct export`: the tracker and a period's scores as flat tables with stable columns (docs/export.md).

`items` carries each item's judgement in the period (counted, state, credit) and the effective group weight, so
that a query over the export alone reproduces a unit's score. Every row ends with the tracker's id, the period and
its year, so that the exports of many trackers (a province's districts) read as one dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accountability import __version__
from accountability.model.base import slugify
from accountability.model.commitment import Commitment
from accountability.model.config import Config
from accountability.model.tracker import Doc, Tracker
from accountability.problems import FatalError, said
from accountability.scoring.issues import counts_in_share, resolved_on_time
from accountability.scoring.scoreboard import Scores
from accountability.scoring.units import default_group_weight

Row = dict[str, Any]


@dataclass(frozen=True)
class Identity:
    """The tracker's id in an export: acct.yaml's `id`, else its `organization` as a slug (derived=True)."""

    id: str
    derived: bool


def identity(config: Config) -> Identity:
    if config.id is not None:
        return Identity(config.id, derived=False)
    derived = slugify(config.organization or "")
    if not derived:
        raise FatalError(
            said(
                "acct.yaml has no id (nor an organization to derive one from), and every exported row must say which "
                "tracker it comes from; add a slug that names this tracker to acct.yaml, e.g.  id: thanh-uy-dong-ha"
            )
        )
    return Identity(derived, derived=True)


def tables(tracker: Tracker, scores: Scores, name: Identity) -> dict[str, list[Row]]:
    """Every table of the export. Yearly and monthly documents (commitments, their reports, plans) are those of the
    period's years; every row carries the tracker, the period and the period's (last) year, except that `year` in
    items and reports is the commitment's."""
    period = scores.period
    years = range(period.start.year, period.end.year + 1)
    commitments = sorted(
        (d for d in tracker.commitments if d.model.year in years), key=lambda d: (d.model.unit, d.model.year)
    )
    plans = sorted(
        (d for d in tracker.plans if int(d.model.month[:4]) in years), key=lambda d: (d.model.person, d.model.month)
    )
    bare = {
        "trackers": [_tracker(tracker.config, scores)],
        "units": [
            {"unit": u.model.id, "name": u.model.name, "parent": u.model.parent, "head": u.model.head}
            for u in tracker.units.values()
        ],
        "people": [_person(p.model) for p in tracker.people.values()],
        "items": _items(commitments, scores),
        "reports": [
            {"unit": d.model.unit, "year": d.model.year, "item": item.id, "on": r.on, "value": r.value, "note": r.note}
            for d in commitments
            for _, _, item in d.model.items()
            for r in item.reports
        ],
        "plans": [_plan(d.model, d.path) for d in plans],
        "tasks": _tasks(tracker, scores),
        "unit_scores": [_unit_score(row, scores) for row in scores.units],
        "person_scores": _person_scores(scores),
        "escalations": _escalations(scores),
        "issues": _issues(tracker, scores),
    }
    stamp = {"tracker": name.id, "period": period.id, "year": period.end.year}
    return {table: [stamp | row for row in rows] for table, rows in bare.items()}


def _tracker(config: Config, scores: Scores) -> Row:
    return {
        "organization": config.organization,
        "period_start": scores.period.start,
        "period_end": scores.period.end,
        "as_of": scores.as_of,
        "issues_target": scores.issues.target,
        "acct_version": __version__,
    }


def _issues(tracker: Tracker, scores: Scores) -> list[Row]:
    """Every key issue; `counted` says whether it counts in the share of the period's year (as `acct score`)."""
    year, as_of = scores.issues.year, scores.as_of
    rows = []
    for doc in sorted(tracker.issues, key=lambda d: d.model.id):
        issue = doc.model
        rows.append(
            {
                "issue": issue.id,
                "title": issue.title,
                "raised": issue.raised,
                "raised_by": issue.raised_by,
                "handled_by": issue.handled_by,
                "lead": issue.lead,
                "due": issue.due,
                "resolved": issue.resolved,
                "counted": counts_in_share(issue, year, as_of),
                "on_time": resolved_on_time(issue, as_of),
                "path": doc.path,
            }
        )
    return rows


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


def _items(commitments: list[Doc[Commitment]], scores: Scores) -> list[Row]:
    judged = {(row.unit, r.group, r.item.id): r for row in scores.units if row.result for r in row.result.items}
    rows = []
    for doc in commitments:
        c = doc.model
        for group in c.groups:
            weight = group.weight if group.weight is not None else default_group_weight(c)
            for item in group.items:
                result = judged.get((c.unit, group.id, item.id))
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
