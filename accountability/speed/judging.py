"""Plans judged as of D, kept for every D that judges them the same way.

A plan's `MonthScore` depends on the plan's bytes, its person's entry in org (discipline), the tracker's rules and
D. The first three make the key; for D, the plan is judged once with a traced date (`speed.traced`), which tells the
interval of dates that judge it exactly the same, and the result is kept for that whole interval. A later command
that judges as of any date of the interval (another period, `--as-of` a day later, a report) takes it from the
store without reading the plan. Only plans whose interval does not hold D are read and judged again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from accountability.engine import PlanRef, judge_plan
from accountability.files.read import Loaded
from accountability.model import Plan
from accountability.model.org import Discipline
from accountability.model.tracker import Doc, Tracker
from accountability.problems import FatalError
from accountability.scoring.escalation import Evidence, Miss
from accountability.scoring.people import MonthScore, TaskResult
from accountability.scoring.rules import rules_for
from accountability.speed.cache import Cache, digest
from accountability.speed.traced import traced


def judge(
    store: Cache,
    key_of: Callable[[str], str],
    read: Callable[[list[str]], list[Loaded]],
    core: Tracker,
    plans: list[PlanRef],
    as_of: dt.date,
) -> list[MonthScore]:
    """Each plan's month as of D, from the store where it holds one for D, else judged and kept."""
    rules = rules_for(core.config)
    context = digest("judging", repr(rules))
    people: dict[str, str] = {}

    def memo_key(ref: PlanRef) -> str:
        if ref.person not in people:
            entry = core.people.get(ref.person)
            people[ref.person] = digest(entry.model.model_dump_json() if entry else "")
        return digest(context, key_of(ref.path), people[ref.person])

    keys = {ref.path: memo_key(ref) for ref in plans}
    stored = store.judgements(list(keys.values()), as_of.toordinal())
    found: dict[str, MonthScore] = {}
    for ref in plans:
        month = revived(stored.get(keys[ref.path]))
        if month is not None:
            found[ref.path] = month
    missed = [ref for ref in plans if ref.path not in found]
    rows = []
    for loaded in read([ref.path for ref in missed]):
        if not isinstance(loaded.model, Plan):
            continue
        doc = Doc(loaded.path, loaded.model, loaded.marks)
        judged, lo, hi = traced(lambda day, doc=doc: judge_plan(core, doc, day, rules), as_of)  # type: ignore[misc]
        found[loaded.path] = judged
        ref = PlanRef(loaded.path, doc.model.person, doc.model.month)
        rows.append((memo_key(ref), lo.toordinal(), hi.toordinal(), kept(judged)))
    store.put_judgements(rows)
    return [found[ref.path] for ref in plans if ref.path in found]


def kept(month: MonthScore) -> bytes:
    """A MonthScore as compact JSON: arrays in the order of each class's fields."""
    miss = month.miss
    body = [
        month.person,
        month.month,
        month.path,
        [list(task) for task in month.tasks],
        month.task_results,
        month.general,
        month.score,
        month.provisional,
        month.computed,
        month.concluded,
        _day(month.rated_on),
        [d.model_dump(mode="json") for d in month.discipline],
        None
        if miss is None
        else [miss.month, _day(miss.deadline), [_evidence(e) for e in miss.tasks], _evidence(miss.concluded_not_done)],
    ]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def revived(value: bytes | None) -> MonthScore | None:
    """The MonthScore kept, or None (a miss) for anything that is not one: the store is never trusted."""
    if value is None:
        return None
    try:
        p, m, path, tasks, results, general, score, provisional, computed, concluded, rated_on, discipline, miss = (
            json.loads(value)
        )
        return MonthScore(
            str(p),
            str(m),
            str(path),
            KeptTasks(tasks),
            results,
            general,
            score,
            bool(provisional),
            computed,
            concluded,
            _date(rated_on),
            tuple(Discipline.model_validate(d) for d in discipline),
            None if miss is None else _miss(miss),
        )
    except (ValueError, TypeError, KeyError):
        return None


class KeptTasks(Sequence[TaskResult]):
    """A month's task results as kept, made into `TaskResult`s only when read: a score for one quarter reads those
    of its own months, while every month of the year is judged for its misses."""

    __slots__ = ("_body", "_tasks")

    def __init__(self, body: list[Any]) -> None:
        if not isinstance(body, list):
            raise TypeError("not a list of task results")
        self._body = body
        self._tasks: tuple[TaskResult, ...] | None = None

    def _made(self) -> tuple[TaskResult, ...]:
        if self._tasks is None:
            self._tasks = tuple(map(_task, self._body))
        return self._tasks

    def __getitem__(self, index: Any) -> Any:
        return self._made()[index]

    def __len__(self) -> int:
        return len(self._body)

    def __iter__(self) -> Iterator[TaskResult]:
        return iter(self._made())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._made())

    def __repr__(self) -> str:
        return repr(self._made())


def _task(body: Any) -> TaskResult:
    """A kept task result. One that is not (a store changed by hand: the checksums catch any other damage) stops
    the command with a message, since nothing it prints could be trusted."""
    task = TaskResult._make(body) if isinstance(body, list) and len(body) == 4 else None
    if task is None or not (
        isinstance(task.id, str)
        and isinstance(task.state, str)
        and isinstance(task.weight, (int, float))
        and (task.credit is None or isinstance(task.credit, (int, float)))
    ):
        raise FatalError("acct's cache holds a damaged judgement; delete the folder .acct-cache and run acct again")
    return task


def _miss(body: list[Any]) -> Miss:
    month, deadline, tasks, concluded = body
    day = _date(deadline)
    if day is None:
        raise ValueError("a miss without its deadline")
    return Miss(str(month), day, tuple(_revived_evidence(e) for e in tasks), _revived_evidence(concluded))


def _evidence(e: Evidence | None) -> list[Any] | None:
    if e is None:
        return None
    return [e.ref, e.title, e.path, list(e.at), _day(e.due), _day(e.done), e.line, e.col, e.at_key]


def _revived_evidence(body: list[Any] | None) -> Any:
    if body is None:
        return None
    ref, title, path, at, due, done, line, col, at_key = body
    return Evidence(
        str(ref), str(title), str(path), tuple(at), _date(due), _date(done), int(line), int(col), bool(at_key)
    )


def _day(day: dt.date | None) -> str | None:
    return None if day is None else dt.date.isoformat(day)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)
