"""`acct done` and `acct record`: find what a reference names, edit its file in place, validate, write atomically.

An edit is refused — and the file left untouched — when it would give the tracker an error it did not have (the edit
of one plan can break the next month's), when a report would not come after the item's last one, or when the file
is read-only.

An edit is a function of the file's bytes: the task or item is found again by its id in the bytes read under the
file's lock (`files.atomic.edit_file`), so that when another edit got there first, this one is made on top of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountability.engine import PlainRunner, Runner, check
from accountability.files.atomic import edit_file
from accountability.files.discover import commitment_path, plan_path
from accountability.files.read import load_bytes
from accountability.files.splice import Source
from accountability.model import Commitment, Plan
from accountability.model.base import MONTH
from accountability.model.tracker import Doc, Tracker
from accountability.problems import DocPath, FatalError, Problem
from accountability.scoring.numbers import fmt
from accountability.suggest import did_you_mean

_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")  # line breaks to libyaml that are not LF


class Refused(Exception):
    """The edit would break the file or the rules; nothing was written. Exit 1."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Editable:
    """What a reference names: the file, and the place in it."""

    doc: Doc[Commitment] | Doc[Plan]
    at: DocPath
    label: str
    id: str = ""  # the task's or the item's id, to find it again in the file's bytes


Edit = Callable[[Source, Any, DocPath], None]
"""An edit of the file's text at a task or an item: (the text, the task or item as read, its place)."""


def resolve(tracker: Tracker, ref: str, year: int) -> Editable:
    """`person/YYYY-MM/task` names a plan task; `unit/item` an item of the unit's commitment for `year`."""
    parts = ref.split("/")
    if len(parts) == 3 and MONTH.fullmatch(parts[1]):
        return _plan_task(tracker, *parts)
    if len(parts) == 2:
        return _commitment_item(tracker, parts[0], parts[1], year)
    raise FatalError(f"{ref!r} is not a reference; write unit/item (with --year) or person/YYYY-MM/task")


def _plan_task(tracker: Tracker, person: str, month: str, task_id: str) -> Editable:
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
    return Editable(doc, ("tasks", ids.index(task_id)), f"{person}/{month}/{task_id}", task_id)


def _commitment_item(tracker: Tracker, unit: str, item_id: str, year: int) -> Editable:
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
            return Editable(doc, ("groups", gi, "items", ii), f"{unit}/{item_id}", item_id)
    ids = [i.id for _, _, i in doc.model.items()]
    raise FatalError(f"{unit}'s {year} commitment has no item '{item_id}'{did_you_mean(item_id, ids)}")


def _unreadable(root: Path, path: str) -> None:
    """A file at the suggested path that the tracker lacks has errors: say so, rather than that it is missing."""
    if (root / path).exists():
        raise FatalError(f"{path} has errors, so acct cannot edit it; run acct check and fix them first")


def done(on: dt.date, label: str) -> Edit:
    """Set `done: DATE` on a plan task or a commitment task item."""

    def edit(source: Source, record: Any, at: DocPath) -> None:
        if getattr(record, "target", None) is not None:
            raise Refused(f"{label} is an indicator (it has a target); record its progress with acct record instead")
        source.set_key(at, "done", on.isoformat())

    return edit


def record(value: float, on: dt.date, note: str | None, label: str) -> Edit:
    """Append a report `{on, value, note}` to an indicator item."""
    fields = [f"on: {on.isoformat()}", f"value: {fmt(value, 6)}"] + (
        [f"note: {json.dumps(note, ensure_ascii=False)}"] if note else []
    )
    flow = "{" + ", ".join(fields) + "}"

    def edit(source: Source, item: Any, at: DocPath) -> None:
        if getattr(item, "target", None) is None:
            raise Refused(f"{label} is a task (it has no target); mark it done with acct done instead")
        reports = item.reports
        if reports and on <= reports[-1].on:
            raise Refused(
                f"{label} already has a report on {reports[-1].on}; a new report must be dated after it, not {on}"
            )
        if reports or source.has_key(at, "reports"):  # `reports: []` is a list to append to
            source.append_item((*at, "reports"), flow, fields)
        else:
            source.add_key(at, "reports", "", block=[f"- {flow}"])

    return edit


RunnerFor = Callable[[Mapping[str, bytes]], Runner]
"""A runner for the engine, given files' bytes not on disk (the fast one of `accountability.speed`, or the plain one)."""


def save(root: Path, target: Editable, edit: Edit, as_of: dt.date, runner_for: RunnerFor = PlainRunner) -> None:
    """Make the edit on the file's bytes under its lock, check the tracker with the result in it, and write it
    atomically; refuse an edit that gives any file an error it did not have. Made again on the new bytes if the
    file changed meanwhile."""
    path = target.doc.path
    file = root / path
    if not (os.access(file, os.W_OK) and file.stat().st_mode & 0o222):  # the mode bits hold even for root
        raise FatalError(f"{path} is read-only; make it writable (chmod u+w) to record in it")

    def change(raw: bytes) -> bytes:
        at, found = _found_again(raw, target)
        source = _source(raw, path)
        edit(source, found, at)
        new = source.to_bytes()
        before = {_signature(p) for p in check(root, as_of, runner_for({path: raw}), keep_plans=False).errors}
        after = check(root, as_of, runner_for({path: new}), keep_plans=False).errors
        fresh = [p for p in after if _signature(p) not in before]
        if fresh:
            where = path if all(p.path == path for p in fresh) else f"{path} and other files"
            raise Refused(f"the edit would make {where} invalid, so nothing was written", fresh)
        return new

    edit_file(file, change)


def _found_again(raw: bytes, target: Editable) -> tuple[DocPath, Any]:
    """The place and the model of the target's task or item in these bytes (the file may have changed since the
    tracker was read: another edit, a colleague's line)."""
    model = load_bytes(raw, target.doc.path).model
    if isinstance(model, Plan) and target.at[0] == "tasks":
        for ti, task in enumerate(model.tasks):
            if task.id == target.id:
                return ("tasks", ti), task
    if isinstance(model, Commitment) and target.at[0] == "groups":
        for gi, ii, item in model.items():
            if item.id == target.id:
                return ("groups", gi, "items", ii), item
    raise FatalError(
        f"{target.doc.path} changed while acct was editing it and {target.label} is no longer there as it was; run"
        " acct check, then the command again"
    )


def _source(raw: bytes, path: str) -> Source:
    """The file's text to edit. Every line must end with LF (CRLF too): the splicer finds lines by their LF, while
    libyaml also breaks lines at a lone CR, NEL, LS and PS, so such a file would be edited at the wrong line."""
    try:
        source = Source.from_bytes(raw)
    except UnicodeDecodeError as exc:
        raise FatalError(f"cannot read {path}: {exc}") from None
    odd = _ODD_BREAK.search(source.text)
    if odd:
        line = source.text.count("\n", 0, odd.start()) + 1
        what = "a carriage return (CR) alone" if odd.group() == "\r" else f"the line separator U+{ord(odd.group()):04X}"
        raise Refused(
            f"{path} ends line {line} with {what}; acct edits only files whose lines end with LF or CRLF, so nothing"
            " was written: save the file with LF (or CRLF) line endings and run the command again"
        )
    return source


def _signature(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.path, problem.message)
