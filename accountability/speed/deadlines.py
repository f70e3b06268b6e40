"""The plans' deadlines, kept one row each with its due and met days, so that `acct overdue` as of any D reads only
those open then: on a district, a few thousand of half a million.

A unit's plans' deadlines are computed the first time they are asked for, from its plans, and kept under the key of
its part (the unit's plan files and what plan rules read of the core): checking never pays for them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from accountability.files.read import Loaded
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.scoring.deadlines import Deadline, is_open, plans_deadlines
from accountability.scoring.rules import rules_for
from accountability.speed.cache import Cache
from accountability.speed.codec import kept_deadline, revived_deadline


def open_deadlines(
    store: Cache,
    parts: dict[str, tuple[str, list[str]]],
    read: Callable[[list[str]], list[Loaded]],
    core: Tracker,
    as_of: dt.date,
    until: dt.date,
) -> list[Deadline]:
    """The deadlines not met by D and due by `until` of the plans of these units (`parts`: each unit's part key and
    plan files), computing and keeping those of units not yet kept."""
    kept = store.deadline_parts([key for key, _ in parts.values()])
    computed: list[Deadline] = []
    for key, paths in parts.values():
        if key not in kept:
            docs = [Doc(d.path, d.model, d.marks) for d in read(paths) if isinstance(d.model, Plan)]
            found = plans_deadlines(core, docs, rules_for(core.config))
            store.put_deadlines(key, [_row(d) for d in found])
            computed += found
    fresh = [key for key, _ in parts.values() if key in kept]
    rows = store.open_deadlines(fresh, as_of.toordinal(), until.toordinal())
    try:
        if rows is not None:
            stored = [revived_deadline(json.loads(value)) for value in rows]
            return [d for d in [*stored, *computed] if is_open(d, as_of, until)]
    except (ValueError, TypeError, KeyError):
        pass
    store.forget_deadlines(fresh)  # damaged: computed again next time, and from the plans now
    docs = [
        Doc(d.path, d.model, d.marks)
        for key, paths in parts.values()
        if key in kept
        for d in read(paths)
        if isinstance(d.model, Plan)
    ]
    again = plans_deadlines(core, docs, rules_for(core.config))
    return [d for d in [*again, *computed] if is_open(d, as_of, until)]


def _row(deadline: Deadline) -> tuple[int, int, bytes]:
    met = deadline.met.toordinal() if deadline.met is not None else 0
    return deadline.due.toordinal(), met, json.dumps(kept_deadline(deadline), ensure_ascii=False).encode()
