"""Every edit acct makes in a tracker's file: find what a reference names, change the file's text in place, check the
tracker with the result, and write it atomically. New files go the same way (`create`).

An edit is refused — and the file left untouched — when it would give the tracker an error it did not have (the edit
of one plan can break the next month's), when the rules of the month refuse it (a concluded month without
`--amend`, a task already done or carried over), or when the file is read-only.

An edit is a function of the file's bytes: the task or item is found again by its id in the bytes read under the
file's lock (`files.atomic.edit_file`), so that when another edit got there first, this one is made on top of it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountability.authoring import place
from accountability.authoring.concluded import Approval, Refused, amend, gate
from accountability.authoring.newfiles import NewFile
from accountability.authoring.refs import known_issue, known_person, known_unit, suggestion
from accountability.engine import PlainRunner, Runner, check
from accountability.files.atomic import edit_file, write_atomic
from accountability.files.discover import commitment_path, plan_path
from accountability.files.read import load_bytes
from accountability.files.splice import Source
from accountability.model import Commitment, Issue, Plan
from accountability.model.base import MONTH
from accountability.model.tracker import Doc, Tracker
from accountability.problems import DocPath, FatalError, Problem, said

__all__ = ["Approval", "Editable", "Found", "Refused", "create", "done", "record", "resolve", "save"]

_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")  # line breaks to libyaml that are not LF


@dataclass(frozen=True)
class Editable:
    """What a reference names: the file, and the place in it (() for the whole document)."""

    doc: Doc[Commitment] | Doc[Plan] | Doc[Issue]
    at: DocPath
    label: str
    id: str = ""  # the task's or the item's id, to find it again in the file's bytes


@dataclass(frozen=True)
class Found:
    """The target in the file's bytes as read under its lock: its place, the task, item or document there, and the
    whole document."""

    at: DocPath
    record: Any
    document: Any

    @property
    def plan(self) -> Plan | None:
        return self.document if isinstance(self.document, Plan) else None


Edit = Callable[[Source, Found], None]
"""An edit of the file's text at its target."""


def resolve(tracker: Tracker, ref: str, year: int) -> Editable:
    """`person/YYYY-MM/task` names a plan task; `unit/item` an item of the unit's commitment for `year`."""
    parts = ref.split("/")
    if len(parts) == 3 and MONTH.fullmatch(parts[1]):
        return plan_task(tracker, *parts)
    if len(parts) == 2:
        return _commitment_item(tracker, parts[0], parts[1], year)
    raise FatalError(said("{ref!r} is not a reference; write unit/item (with --year) or person/YYYY-MM/task", ref=ref))


def plan_task(tracker: Tracker, person: str, month: str, task_id: str) -> Editable:
    doc = _plan_doc(tracker, person, month)
    ids = [t.id for t in doc.model.tasks]
    if task_id not in ids:
        hint = suggestion(task_id, ids) or said("; its tasks: {ids}", ids=", ".join(ids))
        raise FatalError(
            said(
                "the {month} plan of {person} has no task '{task}'{hint}",
                month=month,
                person=person,
                task=task_id,
                hint=hint,
            )
        )
    return Editable(doc, ("tasks", ids.index(task_id)), f"{person}/{month}/{task_id}", task_id)


def whole_plan(tracker: Tracker, person: str, month: str) -> Editable:
    return Editable(_plan_doc(tracker, person, month), (), f"{person}/{month}")


def _plan_doc(tracker: Tracker, person: str, month: str) -> Doc[Plan]:
    known_person(tracker, person)
    doc = tracker.plan(person, month)
    if doc is None:
        _unreadable(tracker.root, plan_path(person, month))
        months = sorted(d.model.month for d in tracker.plans if d.model.person == person)
        hint = suggestion(month, months) or said("; create it with acct new plan or acct add task")
        raise FatalError(said("{person} has no plan for {month}{hint}", person=person, month=month, hint=hint))
    return doc


def whole_issue(tracker: Tracker, issue: str) -> Editable:
    return Editable(known_issue(tracker, issue), (), issue)


def _commitment_item(tracker: Tracker, unit: str, item_id: str, year: int) -> Editable:
    known_unit(tracker, unit)
    doc = tracker.commitment(unit, year)
    if doc is None:
        _unreadable(tracker.root, commitment_path(unit, year))
        years = sorted(str(d.model.year) for d in tracker.commitments if d.model.unit == unit)
        has = said(" (it has {years})", years=", ".join(years)) if years else ""
        raise FatalError(said("{unit} has no commitment for {year}; pass --year{has}", unit=unit, year=year, has=has))
    for gi, ii, item in doc.model.items():
        if item.id == item_id:
            return Editable(doc, ("groups", gi, "items", ii), f"{unit}/{item_id}", item_id)
    ids = [i.id for _, _, i in doc.model.items()]
    raise FatalError(
        said(
            "{unit}'s {year} commitment has no item '{item}'{hint}",
            unit=unit,
            year=year,
            item=item_id,
            hint=suggestion(item_id, ids),
        )
    )


def _unreadable(root: Path, path: str) -> None:
    """A file at the suggested path that the tracker lacks has errors: say so, rather than that it is missing."""
    if (root / path).exists():
        raise FatalError(
            said("{path} has errors, so acct cannot edit it; run acct check and fix them first", path=path)
        )


def done(on: dt.date, label: str, approval: Approval | None = None) -> Edit:
    """Set `done: DATE` on a plan task or a commitment task item that is not done yet. A task of a concluded month,
    or one already done, changes only with an approval, which writes the plan's amendment."""

    def edit(source: Source, found: Found) -> None:
        record, plan = found.record, found.plan
        if getattr(record, "target", None) is not None:
            raise Refused(
                said(
                    "{label} is an indicator (it has a target); record its progress with acct record instead",
                    label=label,
                )
            )
        if plan is not None:
            gate(plan, approval)
        if record.done is not None and (plan is None or approval is None):
            raise Refused(_already_done(label, record.done, plan is None))
        place.put(source, found.at, "done", on)
        if plan is not None:
            amend(source, approval, record.id, {"done": on})

    return edit


def _already_done(label: str, day: dt.date, item: bool) -> Any:
    if item:
        return said(
            "{label} was already done on {day}; to correct the date, amend the commitment: acct amend {label} --set "
            "done=DATE --reason TEXT --approved-by WHO",
            label=label,
            day=day,
        )
    return said(
        "{label} was already done on {day}; to correct the date, pass --amend REASON, which records the correction "
        "approved by the person's rater",
        label=label,
        day=day,
    )


def live_copy(tracker: Tracker, target: Editable) -> None:
    """Refuse `done` on a task that was carried into a later month: the live copy is the one to mark."""
    doc = target.doc
    if not isinstance(doc.model, Plan) or target.at[:1] != ("tasks",):
        return
    person, ref = doc.model.person, f"{doc.model.month}/{target.id}"
    later = [d for d in tracker.plans if d.model.person == person and d.model.month > doc.model.month]
    found: tuple[Doc[Plan], str] | None = None
    while True:
        step = next(((d, t.id) for d in later for t in d.model.tasks if t.carried_from == ref), None)
        if step is None:
            break
        found = step
        ref = f"{step[0].model.month}/{step[1]}"
    if found is not None:
        copy = f"{person}/{found[0].model.month}/{found[1]}"
        raise Refused(
            said(
                "{label} was carried over into {month} as {copy} ({path}); that copy is the live one: acct done {copy}",
                label=target.label,
                month=found[0].model.month,
                copy=copy,
                path=found[0].path,
            )
        )


def record(value: float, on: dt.date, note: str | None, label: str) -> Edit:
    """Append a report `{on, value, note}` to an indicator item."""
    report: dict[str, Any] = {"on": on, "value": value} | ({"note": note} if note else {})

    def edit(source: Source, found: Found) -> None:
        item = found.record
        if getattr(item, "target", None) is None:
            raise Refused(
                said("{label} is a task (it has no target); mark it done with acct done instead", label=label)
            )
        reports = item.reports
        if reports and on <= reports[-1].on:
            raise Refused(
                said(
                    "{label} already has a report on {last}; a new report must be dated after it, not {on}",
                    label=label,
                    last=reports[-1].on,
                    on=on,
                )
            )
        place.append(source, found.at, "reports", report, compact=True)

    return edit


def resolved(on: dt.date, label: str) -> Edit:
    """Set `resolved: DATE` on a key issue that is still open."""

    def edit(source: Source, found: Found) -> None:
        issue = found.record
        if issue.resolved is not None:
            raise Refused(
                said(
                    "{label} was already resolved on {day}; to correct the date, amend it: acct amend {label} --set "
                    "resolved=DATE --reason TEXT --approved-by WHO",
                    label=label,
                    day=issue.resolved,
                )
            )
        place.put(source, found.at, "resolved", on)

    return edit


@dataclass(frozen=True)
class Baseline:
    """The problems of the tracker as the command read it, and when (time.time_ns() before it was read): the check
    "before" an edit, for a file that has not changed since (`files.atomic` rereads it under its lock), so that the
    engine runs once per edit, on the edited bytes, and not twice."""

    problems: list[Problem]
    read_from: int

    def holds_for(self, file: Path) -> bool:
        """Whether the file was last changed before the tracker was read, with the margin the cache trusts."""
        try:
            st = file.stat()
        except OSError:
            return False
        return max(st.st_mtime_ns, st.st_ctime_ns) < self.read_from - SETTLED_NS


SETTLED_NS = 2_000_000_000  # a file changed within 2 s of a read may have changed after it, on a coarse clock

RunnerFor = Callable[[Mapping[str, bytes]], Runner]
"""A runner for the engine, given files' bytes not on disk (the fast one of `accountability.speed`, or the plain one)."""
Warn = Callable[[list[Problem]], None]
"""Shown the warnings that an edit would add, before it is written (a rating that puts its group over the quota)."""


def save(
    root: Path,
    target: Editable,
    edit: Edit,
    as_of: dt.date,
    runner_for: RunnerFor = PlainRunner,
    warn: Warn | None = None,
    baseline: Baseline | None = None,
) -> bytes:
    """Make the edit on the file's bytes under its lock, check the tracker with the result in it, and write it
    atomically; refuse an edit that gives any file an error it did not have. Made again on the new bytes if the
    file changed meanwhile. Returns the bytes written."""
    path = target.doc.path
    file = root / path
    if not (os.access(file, os.W_OK) and file.stat().st_mode & 0o222):  # the mode bits hold even for root
        raise FatalError(said("{path} is read-only; make it writable (chmod u+w) to record in it", path=path))
    shown: set[tuple[str, str, str]] = set()

    def change(raw: bytes) -> bytes:
        found = _found_again(raw, target)
        source = _source(raw, path)
        edit(source, found)
        new = source.to_bytes()
        if new != raw:
            before = baseline.problems if baseline is not None and baseline.holds_for(file) else None
            fresh = validated(root, {path: raw}, {path: new}, as_of, runner_for, before)
            _warned([p for p in fresh if _signature(p) not in shown], warn)
            shown.update(_signature(p) for p in fresh)
        return new

    return edit_file(file, change)


def create(
    root: Path,
    files: Sequence[NewFile],
    as_of: dt.date,
    runner_for: RunnerFor = PlainRunner,
    warn: Warn | None = None,
    baseline: Baseline | None = None,
) -> None:
    """Write new files, once the tracker with all of them in it has no error it did not have; none is written over an
    existing file."""
    for new in files:
        if (root / new.path).exists() or (root / new.path).is_symlink():
            raise FatalError(said("{path} already exists; acct will not overwrite it", path=root / new.path))
    before = baseline.problems if baseline is not None else None
    _warned(validated(root, {}, {f.path: f.text.encode("utf-8") for f in files}, as_of, runner_for, before), warn)
    for new in files:
        write_atomic(root / new.path, new.text.encode("utf-8"), overwrite=False)


def edited(new: NewFile, edit: Edit) -> NewFile:
    """A new file's text with an edit made in it (a plan written for the task that `acct add task` adds)."""
    raw = new.text.encode("utf-8")
    model = load_bytes(raw, new.path).model
    source = _source(raw, new.path)
    edit(source, Found((), model, model))
    return NewFile(new.path, source.to_bytes().decode("utf-8"))


def validated(
    root: Path,
    before: Mapping[str, bytes],
    after: Mapping[str, bytes],
    as_of: dt.date,
    runner_for: RunnerFor,
    known: list[Problem] | None = None,
) -> list[Problem]:
    """The warnings the change from `before` to `after` adds; Refused when it adds an error. `known` are the
    problems with `before`, when they are known already."""
    old = known if known is not None else check(root, as_of, runner_for(before), keep_plans=False).problems
    new = check(root, as_of, runner_for(after), keep_plans=False).problems
    seen = {_signature(p) for p in old}
    fresh = [p for p in new if _signature(p) not in seen]
    errors = [p for p in fresh if p.severity == "error"]
    if errors:
        paths = set(after)
        where = (
            ", ".join(sorted(paths))
            if all(p.path in paths for p in errors)
            else said("{paths} and other files", paths=", ".join(sorted(paths)))
        )
        raise Refused(said("the edit would make {where} invalid, so nothing was written", where=where), errors)
    return [p for p in fresh if p.severity == "warning"]


def _warned(problems: list[Problem], warn: Warn | None) -> None:
    if problems and warn is not None:
        warn(problems)


def _found_again(raw: bytes, target: Editable) -> Found:
    """The target in these bytes (the file may have changed since the tracker was read: another edit, a colleague's
    line)."""
    model = load_bytes(raw, target.doc.path).model
    if type(model) is type(target.doc.model) and _same_document(model, target.doc.model):
        if target.at == ():
            return Found((), model, model)
        if isinstance(model, Plan) and target.at[:1] == ("tasks",):
            for ti, task in enumerate(model.tasks):
                if task.id == target.id:
                    return Found(("tasks", ti), task, model)
        if isinstance(model, Commitment) and target.at[:1] == ("groups",):
            for gi, ii, item in model.items():
                if item.id == target.id:
                    return Found(("groups", gi, "items", ii), item, model)
    raise FatalError(
        said(
            "{path} changed while acct was editing it and {label} is no longer there as it was; run acct check, then "
            "the command again",
            path=target.doc.path,
            label=target.label,
        )
    )


def _same_document(now: Any, was: Any) -> bool:
    if isinstance(now, Plan):
        return (now.person, now.month) == (was.person, was.month)
    if isinstance(now, Issue):
        return bool(now.id == was.id)
    return isinstance(now, Commitment) and (now.unit, now.year) == (was.unit, was.year)


def _source(raw: bytes, path: str) -> Source:
    """The file's text to edit. Every line must end with LF (CRLF too): the splicer finds lines by their LF, while
    libyaml also breaks lines at a lone CR, NEL, LS and PS, so such a file would be edited at the wrong line."""
    try:
        source = Source.from_bytes(raw)
    except UnicodeDecodeError as exc:
        raise FatalError(said("cannot read {path}: {error}", path=path, error=str(exc))) from None
    odd = _ODD_BREAK.search(source.text)
    if odd:
        line = source.text.count("\n", 0, odd.start()) + 1
        what = (
            said("a carriage return (CR) alone")
            if odd.group() == "\r"
            else said("the line separator U+{code}", code=f"{ord(odd.group()):04X}")
        )
        raise Refused(
            said(
                "{path} ends line {line} with {what}; acct edits only files whose lines end with LF or CRLF, so nothing "
                "was written: save the file with LF (or CRLF) line endings and run the command again",
                path=path,
                line=line,
                what=what,
            )
        )
    return source


def _signature(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.path, problem.message)
