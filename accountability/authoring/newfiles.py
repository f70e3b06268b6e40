"""`acct new plan`, `acct new commitment` and `acct new issue`: a new file at the suggested path, from the history
when there is one.

The text is emitted by ruamel.yaml (`authoring.emit`): a schema header for editors, a comment in the tracker's
language that says what the file is and what to fill in, then the document in block style.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from accountability.authoring import emit
from accountability.authoring.refs import known_person, known_unit
from accountability.files.discover import commitment_path, issue_path, plan_path
from accountability.i18n import Messages
from accountability.model import Commitment, Item, Plan
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import FatalError, said

SCHEMA_DIR = "_schema"  # acct schema's default output; '_' keeps it out of the tracker's documents


@dataclass(frozen=True)
class NewFile:
    """A file to create: its root-relative path and its text."""

    path: str
    text: str


def schema_header(root: Path, path: str, kind: str) -> str:
    schema = os.path.relpath(root / SCHEMA_DIR / f"{kind}.schema.json", (root / path).parent)
    return f"yaml-language-server: $schema={Path(schema).as_posix()}"


def _with_comments(data: dict[str, Any], comments: list[str]) -> CommentedMap:
    node = emit.tree(data)
    node.yaml_set_start_comment("\n".join(comments))
    return node


def new_plan(tracker: Tracker, person: str, month: str, t: Messages) -> NewFile:
    """A new plan, carrying over every task not done in the person's latest earlier plan."""
    entry = known_person(tracker, person).model
    existing = tracker.plan(person, month)
    if existing:
        raise FatalError(
            said("{person} already has a plan for {month} in {path}", person=person, month=month, path=existing.path)
        )
    earlier = sorted(
        (d.model for d in tracker.plans if d.model.person == person and d.model.month < month), key=lambda p: p.month
    )
    path = plan_path(person, month)
    carried = _carried(earlier[-1], month, t) if earlier else []
    comments = [
        schema_header(tracker.root, path, "plan"),
        t("Work plan for {month}: {name}. Written by acct new plan.", month=t.month(month), name=entry.name),
        t(
            "Add this month's tasks with acct add task; a carried-over task keeps its link to last month's (carried_from)."
        ),
    ]
    data = {"kind": "plan", "person": person, "month": month, "tasks": carried}
    return NewFile(path, emit.document(_with_comments(data, comments)))


def unit_plans(tracker: Tracker, unit: str, month: str, t: Messages) -> tuple[list[NewFile], list[str]]:
    """A new plan for every person of the unit who is active in the month and has none; the plans already there."""
    entry = known_unit(tracker, unit).model
    if entry.external:
        raise FatalError(said("unit '{unit}' is external: its people keep no plans in this tracker", unit=unit))
    period = month_period(month)
    people = [
        p.model.id
        for p in tracker.people.values()
        if p.model.unit == unit and p.model.active_between(period.start, period.end)
    ]
    if not people:
        raise FatalError(said("unit '{unit}' has no person active in {month}", unit=unit, month=month))
    kept = [doc.path for person in people if (doc := tracker.plan(person, month)) is not None]
    return [new_plan(tracker, person, month, t) for person in people if tracker.plan(person, month) is None], kept


def _carried(previous: Plan, month: str, t: Messages) -> list[CommentedMap]:
    due = month_period(month).end
    tasks = []
    for n, task in enumerate((t for t in previous.tasks if t.done is None), 1):
        fields: dict[str, Any] = {"id": f"t{n}", "title": task.title, "assigned_by": task.assigned_by, "due": due}
        fields["carried_from"] = f"{previous.month}/{task.id}"
        if task.commitment:
            fields["commitment"] = task.commitment
        if task.weight != 1:
            fields["weight"] = task.weight
        node = emit.tree(fields)
        node.yaml_add_eol_comment(t("carried over: set the real due date"), "due")
        tasks.append(node)
    return tasks


def new_commitment(tracker: Tracker, unit: str, year: int, t: Messages) -> NewFile:
    """A new commitment: last year's groups and items without dates or results, or a commented template for a unit
    with no history."""
    entry = known_unit(tracker, unit).model
    existing = tracker.commitment(unit, year)
    if existing:
        raise FatalError(
            said("{unit} already has a {year} commitment in {path}", unit=unit, year=year, path=existing.path)
        )
    head = entry.head
    if head is None:
        raise FatalError(
            said(
                "unit '{unit}' has no head in org; add 'head:' to it first, since the head signs the commitment",
                unit=unit,
            )
        )
    history = sorted(
        (d.model for d in tracker.commitments if d.model.unit == unit and d.model.year < year), key=lambda c: c.year
    )
    previous = history[-1] if history else None
    path = commitment_path(unit, year)
    comments = [
        schema_header(tracker.root, path, "commitment"),
        t(
            "Responsibility commitment for {year}: {name}. Written by acct new commitment.",
            year=str(year),
            name=entry.name,
        ),
        t(
            "Every due date is a placeholder ({day}): set the real ones, and `signed:` once it is signed.",
            day=f"{year}-12-31",
        ),
    ]
    data = CommentedMap(
        kind="commitment", unit=unit, year=year, head=head, to=previous.to if previous else entry.parent or unit
    )
    if previous is None:
        data.yaml_add_eol_comment(t("the body it is made to, which assesses it: check it"), "to")
    data["groups"] = _copied_groups(previous, year, t) if previous else _template_groups(tracker, head, year, t)
    return NewFile(path, emit.document(_with_comments(data, comments)))


def _copied_groups(previous: Commitment, year: int, t: Messages) -> list[CommentedMap]:
    groups = []
    for group in previous.groups:
        node = CommentedMap(id=group.id, title=group.title)
        if group.weight is not None:
            node["weight"] = group.weight
        node["items"] = [_copied_item(item, year, t) for item in group.items]
        groups.append(node)
    return groups


def _copied_item(item: Item, year: int, t: Messages) -> CommentedMap:
    node = CommentedMap(id=item.id, title=item.title, owner=item.owner, due=dt.date(year, 12, 31))
    if item.weight != 1:
        node["weight"] = item.weight
    if item.target:
        target: dict[str, Any] = {"value": item.target.value}
        if item.target.unit:
            target["unit"] = item.target.unit
        target["direction"] = item.target.direction
        node["target"] = emit.tree(target, flow=True)
        node.yaml_add_eol_comment(t("last year's target"), "target")
    return node


def _template_groups(tracker: Tracker, head: str, year: int, t: Messages) -> list[CommentedMap]:
    groups = []
    for n in range(1, tracker.config.groups.min + 1):
        item = CommentedMap(id=f"nhiem-vu-{n}", title=t("Specific task"), owner=head, due=dt.date(year, 12, 31))
        item.yaml_add_eol_comment(t("one task or indicator per item, one owner each"), "title")
        group = CommentedMap(id=f"nhom-{n}", title=t("Key task group {n}", n=n), items=[item])
        group.yaml_add_eol_comment(t("name the group"), "title")
        groups.append(group)
    return groups


@dataclass(frozen=True)
class IssueFields:
    """What `acct new issue` is told about a key issue."""

    id: str
    title: str
    raised: dt.date
    raised_by: str
    handled_by: str
    lead: str
    due: dt.date
    coordinators: tuple[str, ...] = ()


def new_issue(tracker: Tracker, fields: IssueFields, t: Messages) -> NewFile:
    """A new key issue at YEAR/issues/ID.yaml, YEAR being the year it was raised."""
    existing = next((d for d in tracker.issues if d.model.id == fields.id), None)
    if existing:
        raise FatalError(said("a key issue '{id}' already exists in {path}", id=fields.id, path=existing.path))
    for unit in (fields.raised_by, fields.handled_by, *fields.coordinators):
        known_unit(tracker, unit)
    known_person(tracker, fields.lead)
    path = issue_path(fields.id, fields.raised.year)
    raised_by = tracker.units[fields.raised_by].model.name
    comments = [
        schema_header(tracker.root, path, "issue"),
        t(
            "Key issue of {year}, raised by {unit}. Written by acct new issue.",
            year=str(fields.raised.year),
            unit=raised_by,
        ),
    ]
    data: dict[str, Any] = {
        "kind": "issue",
        "id": fields.id,
        "title": fields.title,
        "raised": fields.raised,
        "raised_by": fields.raised_by,
        "handled_by": fields.handled_by,
        "lead": fields.lead,
    }
    if fields.coordinators:
        data["coordinators"] = emit.tree(list(fields.coordinators), flow=True)
    data["due"] = fields.due
    return NewFile(path, emit.document(_with_comments(data, comments)))
