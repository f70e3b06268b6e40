"""`acct diff` for plans, org and key issues (CLI.md, `acct diff`).

- **Plans** are matched by (person, month), tasks by id. Every change to a month concluded in BASE (its plan had a
  `rating:`) — a task added, removed or changed, a `done` moved, a review or the rating changed — needs a plan
  amendment added in HEAD that names the task (none for the rating) and the field, approved by the person's rater,
  the head of a unit above the rater, or a unit above; without one it is unapproved. A self-assessment is step 1,
  which no amendment names: its changes are listed only.
- **Org**: units and people added or removed, a unit's head, parent or rater changed, a person's unit changed, a
  discipline entry added or removed. They are listed, never weakening: org changes through review of its file.
- **Key issues**: added, removed, title, lead or handling unit changed, `due` moved (later is weakening), `resolved`
  set, moved (weakening) or removed. A weakening change is approved by an amendment added in HEAD whose `set` has the
  field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from accountability.model import Issue, Plan, PlanAmendment, Task
from accountability.model.issue import IssueAmendment
from accountability.model.org import Person, Unit
from accountability.model.tracker import Doc, Entry, Tracker
from accountability.queries.changes import Change, Key, approval, plain

TASK_FIELDS = ("title", "assigned_by", "due", "commitment", "done", "carried_from", "weight", "review")
RATING_FIELDS = ("on", "by", "general", "level", "reason")


def plan_changes(base: Tracker, head: Tracker) -> list[Change]:
    before = {(d.model.person, d.model.month): d for d in base.plans}
    after = {(d.model.person, d.model.month): d for d in head.plans}
    changes: list[Change] = []
    for person, month in sorted(before.keys() | after.keys()):
        old, new = before.get((person, month)), after.get((person, month))
        key: Key = (("person", person), ("month", month))
        concluded = old is not None and old.model.concluded
        path = (new or old).path  # type: ignore[union-attr]
        raw = [
            dataclasses.replace(c, concluded=concluded and c.kind not in SELF_KINDS) for c in _plan(old, new, key, path)
        ]
        approvals = _new_plan_amendments(old.model if old else None, new.model if new else None, head)
        changes += [_approve_plan(c, approvals) for c in raw]
    return changes


SELF_KINDS = {"self-added", "self-changed", "self-removed"}


def _plan(old: Doc[Plan] | None, new: Doc[Plan] | None, key: Key, path: str) -> list[Change]:
    if new is None:
        return [Change("plan", key, "", "plan-removed", "plan", _count(old), None, False, path)]
    if old is None:
        return [Change("plan", key, "", "plan-added", "plan", None, _count(new), False, path)]
    found = list(_tasks(old.model, new.model, key, path))
    found += _step(old.model.self_, new.model.self_, "self", key, path)
    found += _rating(old.model, new.model, key, path)
    return found


def _count(doc: Doc[Plan] | None) -> str:
    return f"{len(doc.model.tasks)} tasks" if doc else ""


def _tasks(old: Plan, new: Plan, key: Key, path: str) -> Iterator[Change]:
    was = {t.id: t for t in old.tasks}
    now = {t.id: t for t in new.tasks}
    for task_id in sorted(was.keys() | now.keys()):
        a, b = was.get(task_id), now.get(task_id)
        if a is None and b is not None:
            yield Change("plan", key, task_id, "task-added", "task", None, b.title, False, path)
        elif b is None and a is not None:
            yield Change("plan", key, task_id, "task-removed", "task", a.title, None, False, path)
        elif a is not None and b is not None:
            yield from (Change("plan", key, task_id, *rest, path) for rest in _task_fields(a, b))


def _task_fields(a: Task, b: Task) -> Iterator[tuple[str, str, Any, Any, bool]]:
    for field in TASK_FIELDS:
        before, after = getattr(a, field), getattr(b, field)
        if before == after:
            continue
        if field == "review":
            kind = "review-added" if before is None else ("review-removed" if after is None else "review-changed")
            yield kind, field, _dump(before), _dump(after), False
        elif field == "due":
            yield ("due-later" if after > before else "due-earlier"), field, str(before), str(after), False
        elif field == "done":
            kind = "done-set" if before is None else ("done-removed" if after is None else "done-moved")
            yield kind, field, plain(before), plain(after), False
        else:
            yield field, field, plain(before), plain(after), False


def _dump(model: Any) -> Any:
    if model is None:
        return None
    return {k: plain(v) for k, v in model.model_dump(exclude_none=True, by_alias=True).items() if v is not False}


def _step(before: Any, after: Any, name: str, key: Key, path: str) -> list[Change]:
    if before == after:
        return []
    kind = f"{name}-added" if before is None else (f"{name}-removed" if after is None else f"{name}-changed")
    return [Change("plan", key, "", kind, name, _dump(before), _dump(after), False, path)]


def _rating(old: Plan, new: Plan, key: Key, path: str) -> list[Change]:
    """A rating added or removed is one change; a rating changed is one change per field, each approved by an
    amendment that sets that field."""
    a, b = old.rating, new.rating
    if a is None or b is None:
        return _step(a, b, "rating", key, path)
    return [
        Change(
            "plan", key, "", "rating-changed", field, plain(getattr(a, field)), plain(getattr(b, field)), False, path
        )
        for field in RATING_FIELDS
        if getattr(a, field) != getattr(b, field)
    ]


def _new_plan_amendments(old: Plan | None, new: Plan | None, head: Tracker) -> list[PlanAmendment]:
    """The amendments in HEAD that BASE did not have, approved by someone who may approve them."""
    if new is None:
        return []
    existing = [a.model_dump() for a in old.amendments] if old else []
    allowed = approvers(head, new.person, int(new.month[:4]))
    return [a for a in new.amendments if a.model_dump() not in existing and a.approved_by in allowed]


def approvers(tracker: Tracker, person: str, year: int) -> set[str]:
    """Who may approve a change to the person's concluded month (FORMAT.md): the rater, someone above the rater, or
    a unit above the person or the rater."""
    found = set(tracker.rating_approvers(person, year))
    entry = tracker.people.get(person)
    if entry is not None:
        found |= set(tracker.ancestors(entry.model.unit))
    rater = tracker.rater(person, year)
    if rater is not None:
        own = tracker.people[rater].model.unit
        found |= {own, *tracker.ancestors(own)}
    return found


def _approve_plan(change: Change, amendments: list[PlanAmendment]) -> Change:
    if not change.concluded:
        return change
    task = change.item or None
    for amendment in amendments:
        names_it = amendment.task == task
        if names_it and (change.kind == "task-added" or change.field in amendment.set):
            return dataclasses.replace(change, approved_by=approval(amendment.approved_by, amendment.on))
    return change


def org_changes(base: Tracker, head: Tracker) -> list[Change]:
    changes = _records(base.units, head.units, "unit", _unit_fields)
    return changes + _records(base.people, head.people, "person", _person_fields)


Fields = Callable[[Any, Any], Iterator[tuple[str, str, Any, Any, bool]]]


def _records(
    before: Mapping[str, Entry[Any]], after: Mapping[str, Entry[Any]], what: str, fields: Fields
) -> list[Change]:
    key: Key = ()
    changes: list[Change] = []
    for rid in sorted(before.keys() | after.keys()):
        old, new = before.get(rid), after.get(rid)
        if old is None and new is not None:
            changes.append(Change("org", key, rid, f"{what}-added", what, None, new.model.name, False, new.path))
        elif new is None and old is not None:
            changes.append(Change("org", key, rid, f"{what}-removed", what, old.model.name, None, False, old.path))
        elif old is not None and new is not None:
            path = new.path
            changes += [Change("org", key, rid, *rest, path) for rest in fields(old.model, new.model)]
    return changes


def _unit_fields(a: Unit, b: Unit) -> Iterator[tuple[str, str, Any, Any, bool]]:
    for field in ("head", "parent", "rated_by", "name"):
        if getattr(a, field) != getattr(b, field):
            yield f"unit-{field}", field, getattr(a, field), getattr(b, field), False


def _person_fields(a: Person, b: Person) -> Iterator[tuple[str, str, Any, Any, bool]]:
    for field in ("unit", "name", "title"):
        if getattr(a, field) != getattr(b, field):
            yield f"person-{field}", field, getattr(a, field), getattr(b, field), False
    old = [_dump(d) for d in a.discipline]
    new = [_dump(d) for d in b.discipline]
    for entry in new:
        if entry not in old:
            yield "discipline-added", "discipline", None, entry, False
    for entry in old:
        if entry not in new:
            yield "discipline-removed", "discipline", entry, None, False


def issue_changes(base: Tracker, head: Tracker) -> list[Change]:
    before = {d.model.id: d for d in base.issues}
    after = {d.model.id: d for d in head.issues}
    changes: list[Change] = []
    for issue_id in sorted(before.keys() | after.keys()):
        old, new = before.get(issue_id), after.get(issue_id)
        key: Key = (("issue", issue_id),)
        if new is None and old is not None:
            changes.append(Change("issue", key, "", "issue-removed", "issue", old.model.title, None, False, old.path))
        elif old is None and new is not None:
            changes.append(Change("issue", key, "", "issue-added", "issue", None, new.model.title, False, new.path))
        elif old is not None and new is not None:
            approvals = [a for a in new.model.amendments if a not in old.model.amendments]
            raw = [Change("issue", key, "", *rest, new.path) for rest in _issue_fields(old.model, new.model)]
            changes += [_approve_issue(c, approvals) for c in raw]
    return changes


def _issue_fields(a: Issue, b: Issue) -> Iterator[tuple[str, str, Any, Any, bool]]:
    if a.due != b.due:
        later = b.due > a.due
        yield ("due-later" if later else "due-earlier"), "due", str(a.due), str(b.due), later
    if a.resolved != b.resolved:
        before, after = plain(a.resolved), plain(b.resolved)
        if a.resolved is None:
            yield "resolved", "resolved", before, after, False
        elif b.resolved is None:
            yield "reopened", "resolved", before, after, False
        else:
            yield "resolved-moved", "resolved", before, after, True
    for field in ("title", "lead", "handled_by"):
        if getattr(a, field) != getattr(b, field):
            yield field, field, getattr(a, field), getattr(b, field), False


def _approve_issue(change: Change, amendments: list[IssueAmendment]) -> Change:
    if not change.weakening:
        return change
    for amendment in amendments:
        if change.field in amendment.set:
            return dataclasses.replace(change, approved_by=approval(amendment.approved_by, amendment.on))
    return change
