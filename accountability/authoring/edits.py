"""`acct done` and `acct record`: find what a reference names, edit its file in place, validate, write atomically.

An edit is refused — and the file left untouched — when it would give the tracker an error it did not have, when a
report would not come after the item's last one, or when the file is read-only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from accountability.engine import PlainRunner, Runner, check
from accountability.files.atomic import write_atomic
from accountability.files.discover import commitment_path, plan_path
from accountability.files.splice import Source
from accountability.model import Commitment, Plan
from accountability.model.base import MONTH
from accountability.model.tracker import Doc, Tracker
from accountability.problems import DocPath, FatalError, Problem
from accountability.scoring.numbers import fmt
from accountability.suggest import did_you_mean


class Refused(Exception):
    """The edit would break the file or the rules; nothing was written. Exit 1."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Target:
    """What a reference names: the file, and the place in it."""

    doc: Doc[Commitment] | Doc[Plan]
    at: DocPath
    label: str


def resolve(tracker: Tracker, ref: str, year: int) -> Target:
    """`person/YYYY-MM/task` names a plan task; `unit/item` an item of the unit's commitment for `year`."""
    parts = ref.split("/")
    if len(parts) == 3 and MONTH.match(parts[1]):
        return _plan_task(tracker, *parts)
    if len(parts) == 2:
        return _commitment_item(tracker, parts[0], parts[1], year)
    raise FatalError(f"{ref!r} is not a reference; write unit/item (with --year) or person/YYYY-MM/task")


def _plan_task(tracker: Tracker, person: str, month: str, task_id: str) -> Target:
    if person not in tracker.people:
        raise FatalError(f"no person '{person}'{did_you_mean(person, tracker.people)}")
    doc = tracker.plan(person, month)
    if doc is None:
        _unreadable(tracker.root, plan_path(person, month))
        months = sorted(d.model.month for d in tracker.plans if d.model.person == person)
        raise FatalError(
            f"{person} has no plan for {month}{did_you_mean(month, months, '; create it with acct new plan')}"
        )
    ids = [t.id for t in doc.model.tasks]
    if task_id not in ids:
        raise FatalError(
            f"the {month} plan of {person} has no task '{task_id}'{did_you_mean(task_id, ids, '; its tasks: ' + ', '.join(ids))}"
        )
    return Target(doc, ("tasks", ids.index(task_id)), f"{person}/{month}/{task_id}")


def _commitment_item(tracker: Tracker, unit: str, item_id: str, year: int) -> Target:
    if unit not in tracker.units:
        raise FatalError(f"no unit '{unit}'{did_you_mean(unit, tracker.units)}")
    doc = tracker.commitment(unit, year)
    if doc is None:
        _unreadable(tracker.root, commitment_path(unit, year))
        years = sorted(str(d.model.year) for d in tracker.commitments if d.model.unit == unit)
        raise FatalError(
            f"{unit} has no commitment for {year}; pass --year" + (f" (it has {', '.join(years)})" if years else "")
        )
    for gi, ii, item in doc.model.items():
        if item.id == item_id:
            return Target(doc, ("groups", gi, "items", ii), f"{unit}/{item_id}")
    ids = [i.id for _, _, i in doc.model.items()]
    raise FatalError(f"{unit}'s {year} commitment has no item '{item_id}'{did_you_mean(item_id, ids)}")


def _unreadable(root: Path, path: str) -> None:
    """A file at the suggested path that the tracker lacks has errors: say so, rather than that it is missing."""
    if (root / path).exists():
        raise FatalError(f"{path} has errors, so acct cannot edit it; run acct check and fix them first")


def done(root: Path, tracker: Tracker, target: Target, on: dt.date) -> Source:
    """Set `done: DATE` on a plan task or a commitment task item."""
    record = _record_at(target)
    if getattr(record, "target", None) is not None:
        raise Refused(f"{target.label} is an indicator (it has a target); record its progress with acct record instead")
    source = _source(root, target.doc.path)
    source.set_key(target.at, "done", on.isoformat())
    return source


def record(root: Path, tracker: Tracker, target: Target, value: float, on: dt.date, note: str | None) -> Source:
    """Append a report `{on, value, note}` to an indicator item."""
    item = _record_at(target)
    if getattr(item, "target", None) is None:
        raise Refused(f"{target.label} is a task (it has no target); mark it done with acct done instead")
    reports = item.reports  # type: ignore[attr-defined]
    if reports and on <= reports[-1].on:
        raise Refused(
            f"{target.label} already has a report on {reports[-1].on}; a new report must be dated after it, not {on}"
        )
    fields = [f"on: {on.isoformat()}", f"value: {fmt(value, 6)}"] + (
        [f"note: {json.dumps(note, ensure_ascii=False)}"] if note else []
    )
    source = _source(root, target.doc.path)
    flow = "{" + ", ".join(fields) + "}"
    if reports or source.has_key(target.at, "reports"):  # `reports: []` is a list to append to
        source.append_item((*target.at, "reports"), flow, fields)
    else:
        source.add_key(target.at, "reports", "", block=[f"- {flow}"])
    return source


def _record_at(target: Target) -> object:
    node: object = target.doc.model
    for step in target.at:
        node = node[step] if isinstance(step, int) else getattr(node, step)  # type: ignore[index]
    return node


def _source(root: Path, path: str) -> Source:
    try:
        return Source.from_bytes((root / path).read_bytes())
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"cannot read {path}: {exc}") from None


RunnerFor = Callable[[Mapping[str, bytes]], Runner]
"""A runner for the engine, given the files' new bytes (the fast one of `accountability.speed`, or the plain one)."""


def save(root: Path, path: str, source: Source, as_of: dt.date, runner_for: RunnerFor = PlainRunner) -> None:
    """Check the tracker with the edited file in it, then write the file atomically; refuse an edit that would
    give any file of the tracker an error it did not have (the edit of one plan can break the next month's)."""
    target = root / path
    if not (os.access(target, os.W_OK) and target.stat().st_mode & 0o222):  # the mode bits hold even for root
        raise FatalError(f"{path} is read-only; make it writable (chmod u+w) to record in it")
    new = source.to_bytes()
    before = {_signature(p) for p in check(root, as_of, runner_for({}), keep_plans=False).errors}
    after = check(root, as_of, runner_for({path: new}), keep_plans=False).errors
    fresh = [p for p in after if _signature(p) not in before]
    if fresh:
        where = path if all(p.path == path for p in fresh) else f"{path} and other files"
        raise Refused(f"the edit would make {where} invalid, so nothing was written", fresh)
    write_atomic(target, new)


def _signature(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.path, problem.message)
