"""The fields of the tracker's files and their values in words, for `acct show` and `acct diff`: `due 31/08/2023`,
`review: on 02/07/2023, quality checks failed 1`, never a Python dict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from accountability.i18n import LEVELS, N_, NC_, Messages
from accountability.periods import iso_date
from accountability.render.problems import one_line

FIELDS: dict[str, str] = {
    "title": NC_("field", "title"),
    "assigned_by": NC_("field", "given by"),
    "due": NC_("field", "due"),
    "commitment": NC_("field", "commitment item"),
    "done": NC_("field", "done"),
    "carried_from": NC_("field", "carried from"),
    "weight": NC_("field", "weight"),
    "review": NC_("field", "review"),
    "on": NC_("field", "on"),
    "quality_fails": NC_("field", "quality checks failed"),
    "delays": NC_("field", "delays"),
    "excused": NC_("field", "excused"),
    "note": NC_("field", "note"),
    "by": NC_("field", "by"),
    "general": NC_("field", "general criteria"),
    "level": NC_("field", "level"),
    "reason": NC_("field", "reason"),
    "score": NC_("field", "score"),
    "value": NC_("field", "value"),
    "unit": NC_("field", "unit"),
    "direction": NC_("field", "direction"),
    "target": NC_("field", "target"),
    "owner": NC_("field", "owner"),
    "resolved": NC_("field", "resolved"),
    "lead": NC_("field", "lead"),
    "handled_by": NC_("field", "handled by"),
    "removed": NC_("field", "removed"),
    "head": NC_("field", "head"),
    "form": NC_("field", "form"),
    "ref": NC_("field", "decision"),
    "rated_by": NC_("field", "rated by"),
    "parent": NC_("field", "unit above"),
    "name": NC_("field", "name"),
}

TASK_STATES: dict[str, str] = {  # a plan task's state, as `scoring.people` judges it
    "on_time": N_("done on time"),
    "late": N_("done after its due date"),
    "undone": N_("not done"),
    "open": N_("open: not done, not yet due"),
}


def field(t: Messages, name: str) -> str:
    return t(FIELDS[name]) if name in FIELDS else name


def words(t: Messages, value: Any, name: str = "") -> str:
    """A value on one line, in the reader's language."""
    if value is None:
        return t("—")
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, dt.date):
        return t.date(value)
    if isinstance(value, (int, float)):
        return t.figure(float(value))
    if isinstance(value, Mapping):
        return "; ".join(f"{field(t, str(k))} {words(t, v, str(k))}" for k, v in value.items())
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(words(t, v, name) for v in value)
    if isinstance(value, str) and (day := iso_date(value)) is not None:
        return t.date(day)
    if name == "level" and value in LEVELS:
        return t.level(str(value))
    return one_line(str(value))


def pairs(t: Messages, values: Mapping[str, Any]) -> str:
    """`due 31/08/2023, target value 130` for an amendment's `set:`."""
    return ", ".join(f"{field(t, k)} {words(t, v, k)}" for k, v in values.items())
