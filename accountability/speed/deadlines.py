"""A unit's plans' deadlines as the store keeps them: one row per plan, with the plan's first due date and the day
from which every deadline of the plan is met, so that `open_at(D, until)` reads only the plans that may have one
open as of D (most plans have none once their month's steps are written)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable

from accountability.scoring.deadlines import Deadline, DeadlineList, Deadlines, is_open
from accountability.speed.cache import Cache
from accountability.speed.codec import kept_deadline, revived_deadline

NEVER = dt.date.max.toordinal() + 1  # the quiet day of a plan with a deadline never met


def kept_rows(part: str, deadlines: Deadlines) -> list[tuple[str, int, int, bytes]]:
    """(part, first due, quiet from, value) for each plan of a unit checked in this run."""
    if not isinstance(deadlines, DeadlineList):
        return []
    by_plan: dict[str, list[Deadline]] = defaultdict(list)
    for deadline in deadlines.items:
        by_plan[deadline.path].append(deadline)
    rows = []
    for found in by_plan.values():
        first = min(d.due for d in found).toordinal()
        quiet = NEVER if any(d.met is None for d in found) else max(d.met for d in found if d.met).toordinal()
        value = json.dumps([kept_deadline(d) for d in found], ensure_ascii=False).encode()
        rows.append((part, first, quiet, value))
    return rows


class KeptDeadlines:
    """A stored unit's deadlines, read from the store only for the plans that may have one open as of D. When the
    store cannot give them (a damaged row), they are computed again from the plans (`again`)."""

    def __init__(self, store: Cache, part: str, again: Callable[[], list[Deadline]]) -> None:
        self.store, self.part, self.again = store, part, again

    def open_at(self, as_of: dt.date, until: dt.date) -> list[Deadline]:
        rows = self.store.deadlines(self.part, as_of.toordinal(), until.toordinal())
        try:
            if rows is not None:
                found = [revived_deadline(body) for value in rows for body in json.loads(value)]
                return [d for d in found if is_open(d, as_of, until)]
        except (ValueError, TypeError, KeyError):
            pass
        return DeadlineList(self.again()).open_at(as_of, until)
