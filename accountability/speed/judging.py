"""Plans judged as of D, kept for every D that judges them the same way.

What a plan gives as of D (its `MonthScore`, or the problems of its rules as of D) depends on the plan's bytes, what
the rules read of the rest (its person in org, the tracker's rules) and D. All but D make the key; for D, the plan
is judged once with a traced date (`speed.traced`), which tells the interval of dates that judge it exactly the
same, and the result is kept for that whole interval. A later command that judges as of any date of the interval
(another period, `--as-of` a day later, a report) takes it from the store without reading the plan. Only plans
whose interval does not hold D are read and judged again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from accountability.engine import PlanRef, judge_plan, plan_rules_at
from accountability.files.read import Loaded
from accountability.model import Plan
from accountability.model.org import Discipline
from accountability.model.tracker import Doc, Tracker
from accountability.problems import FatalError, Problem
from accountability.scoring.escalation import Evidence, Miss
from accountability.scoring.people import MonthScore, TaskResult
from accountability.scoring.rules import rules_for
from accountability.speed.cache import Cache, digest
from accountability.speed.codec import kept_problems, revived_problems
from accountability.speed.traced import traced

T = TypeVar("T")
KeyOf = Callable[[str], str]
Read = Callable[[list[str]], list[Loaded]]


def judge(
    store: Cache, key_of: KeyOf, read: Read, core: Tracker, plans: list[PlanRef], as_of: dt.date
) -> list[MonthScore]:
    """Each plan's month as of D, from the store where it holds one for D, else judged and kept."""
    rules = rules_for(core.config)
    context = digest("judging", repr(rules))
    found = _per_plan(
        store,
        key_of,
        read,
        core,
        plans,
        as_of,
        context,
        lambda doc, day: judge_plan(core, doc, day, rules),
        kept,
        revived,
    )
    return [found[ref.path] for ref in plans if ref.path in found]


def rules_at(
    store: Cache,
    key_of: KeyOf,
    read: Read,
    core: Tracker,
    plans: list[PlanRef],
    as_of: dt.date,
    context: str,
    located: Callable[[list[Problem]], list[Problem]],
) -> list[Problem]:
    """The problems of each plan's rules as of D (`engine.plan_rules_at`), located, from the store where it holds
    them for D. `context` keys what the rules read of the core (`checks.plan_context`)."""

    def judged(doc: Doc[Plan], day: dt.date) -> list[Problem]:
        return plan_rules_at(doc, core, day)

    def keep(problems: list[Problem]) -> bytes:
        return kept_problems(located(problems))

    found = _per_plan(store, key_of, read, core, plans, as_of, digest("rules", context), judged, keep, _revived_list)
    return located([p for ref in plans for p in found.get(ref.path, [])])


def _revived_list(value: bytes | None) -> list[Problem] | None:
    return None if value is None else revived_problems(value)


def _per_plan(
    store: Cache,
    key_of: KeyOf,
    read: Read,
    core: Tracker,
    plans: list[PlanRef],
    as_of: dt.date,
    context: str,
    judged: Callable[[Doc[Plan], dt.date], T],
    keep: Callable[[T], bytes],
    revive: Callable[[bytes | None], T | None],
) -> dict[str, T]:
    people: dict[str, str] = {}

    def memo_key(ref: PlanRef) -> str:
        if ref.person not in people:
            entry = core.people.get(ref.person)
            people[ref.person] = digest(entry.model.model_dump_json() if entry else "")
        return digest(context, key_of(ref.path), people[ref.person])

    keys = {ref.path: memo_key(ref) for ref in plans}
    stored = store.judgements(list(keys.values()), as_of.toordinal())
    found: dict[str, T] = {}
    for ref in plans:
        result = revive(stored.get(keys[ref.path]))
        if result is not None:
            found[ref.path] = result
    rows = []
    for loaded in read([ref.path for ref in plans if ref.path not in found]):
        if not isinstance(loaded.model, Plan):
            continue
        doc = Doc(loaded.path, loaded.model, loaded.marks)
        fresh, lo, hi = traced(lambda day, doc=doc: judged(doc, day), as_of)  # type: ignore[misc]
        found[loaded.path] = fresh
        ref = PlanRef(loaded.path, doc.model.person, doc.model.month)
        rows.append((memo_key(ref), lo.toordinal(), hi.toordinal(), keep(fresh)))
    store.put_judgements(rows)
    return found


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
