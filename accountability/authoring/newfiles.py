"""`acct new plan` and `acct new commitment`: a new file at the suggested path, from the history when there is one.

The text is written out line by line (not dumped), so that it reads like a hand-written file: a schema header
for editors, a comment that says what to fill in, and every string double-quoted so no title can break it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from accountability.files.discover import commitment_path, plan_path
from accountability.model import Commitment, Item, Plan
from accountability.model.tracker import Tracker
from accountability.periods import month_period
from accountability.problems import FatalError
from accountability.scoring.numbers import fmt
from accountability.suggest import did_you_mean

SCHEMA_DIR = "_schema"  # acct schema's default output; '_' keeps it out of the tracker's documents


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def schema_header(root: Path, path: str, kind: str) -> str:
    schema = os.path.relpath(root / SCHEMA_DIR / f"{kind}.schema.json", (root / path).parent)
    return f"# yaml-language-server: $schema={Path(schema).as_posix()}"


def new_plan(tracker: Tracker, person: str, month: str) -> tuple[str, str]:
    """The path and text of a new plan, carrying over every task not done in the person's latest earlier plan."""
    entry = tracker.people.get(person)
    if entry is None:
        raise FatalError(f"no person '{person}' in org{did_you_mean(person, tracker.people)}")
    existing = tracker.plan(person, month)
    if existing:
        raise FatalError(f"{person} already has a plan for {month} in {existing.path}")
    earlier = sorted(
        (d.model for d in tracker.plans if d.model.person == person and d.model.month < month), key=lambda p: p.month
    )
    previous = earlier[-1] if earlier else None
    path = plan_path(person, month)
    lines = [
        schema_header(tracker.root, path, "plan"),
        f"# Kế hoạch công tác tháng {month}: {entry.model.name}. Written by acct new plan.",
        "# Add this month's tasks; each carried-over task keeps its link to last month's (carried_from).",
        "kind: plan",
        f"person: {person}",
        f"month: {month}",
    ]
    carried = _carried(previous, month) if previous else []
    lines += (
        ["tasks:", *carried]
        if carried
        else ["tasks: []  # add tasks: - {id: t1, title: ..., assigned_by: ..., due: ...}"]
    )
    return path, "\n".join(lines) + "\n"


def _carried(previous: Plan, month: str) -> list[str]:
    due = month_period(month).end.isoformat()
    lines: list[str] = []
    undone = [t for t in previous.tasks if t.done is None]
    for n, task in enumerate(undone, 1):
        lines += [
            f"  - id: t{n}",
            f"    title: {_q(task.title)}",
            f"    assigned_by: {task.assigned_by}",
            f"    due: {due}  # carried over: set the real due date",
            f"    carried_from: {previous.month}/{task.id}",
        ]
        if task.commitment:
            lines.append(f"    commitment: {task.commitment}")
        if task.weight != 1:
            lines.append(f"    weight: {fmt(task.weight)}")
    return lines


def new_commitment(tracker: Tracker, unit: str, year: int) -> tuple[str, str]:
    """The path and text of a new commitment: last year's groups and items without dates or results, or a
    commented template for a unit with no history."""
    entry = tracker.units.get(unit)
    if entry is None:
        raise FatalError(f"no unit '{unit}' in org{did_you_mean(unit, tracker.units)}")
    existing = tracker.commitment(unit, year)
    if existing:
        raise FatalError(f"{unit} already has a {year} commitment in {existing.path}")
    head = entry.model.head
    if head is None:
        raise FatalError(
            f"unit '{unit}' has no head in org; add 'head:' to it first, since the head signs the commitment"
        )
    history = sorted(
        (d.model for d in tracker.commitments if d.model.unit == unit and d.model.year < year), key=lambda c: c.year
    )
    previous = history[-1] if history else None
    to = previous.to if previous else (entry.model.parent or unit)
    path = commitment_path(unit, year)
    lines = [
        schema_header(tracker.root, path, "commitment"),
        f"# Cam kết trách nhiệm năm {year}: {entry.model.name}. Written by acct new commitment.",
        f"# Every due date is a placeholder ({year}-12-31): set the real ones, and `signed:` once it is signed.",
        "kind: commitment",
        f"unit: {unit}",
        f"year: {year}",
        f"head: {head}",
        f"to: {to}" + ("" if previous else "  # the body it is made to, which assesses it: check it"),
        "groups:",
    ]
    lines += _copied_groups(previous, year) if previous else _template_groups(tracker, head, year)
    return path, "\n".join(lines) + "\n"


def _copied_groups(previous: Commitment, year: int) -> list[str]:
    lines: list[str] = []
    for group in previous.groups:
        lines += [f"  - id: {group.id}", f"    title: {_q(group.title)}"]
        if group.weight is not None:
            lines.append(f"    weight: {fmt(group.weight)}")
        lines.append("    items:")
        for item in group.items:
            lines += _copied_item(item, year)
    return lines


def _copied_item(item: Item, year: int) -> list[str]:
    lines = [
        f"      - id: {item.id}",
        f"        title: {_q(item.title)}",
        f"        owner: {item.owner}",
        f"        due: {year}-12-31",
    ]
    if item.weight != 1:
        lines.append(f"        weight: {fmt(item.weight)}")
    if item.target:
        unit = f", unit: {_q(item.target.unit)}" if item.target.unit else ""
        lines.append(
            f"        target: {{value: {fmt(item.target.value, 6)}{unit}, direction: {item.target.direction}}}  # last year's target"
        )
    return lines


def _template_groups(tracker: Tracker, head: str, year: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, tracker.config.groups.min + 1):
        lines += [
            f"  - id: nhom-{n}",
            f"    title: {_q(f'Nhóm nhiệm vụ trọng tâm {n}')}  # name the group",
            "    items:",
            f"      - id: nhiem-vu-{n}",
            f"        title: {_q('Nhiệm vụ cụ thể')}  # one task or indicator per item, one owner each",
            f"        owner: {head}",
            f"        due: {year}-12-31",
        ]
    return lines
