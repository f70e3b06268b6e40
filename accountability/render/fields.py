"""The fields of the tracker's files and their values in words, for `acct show` and `acct diff`: `due 31/08/2023`,
`review: on 02/07/2023, quality checks failed 1`, never a Python dict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from accountability.i18n import LEVELS, N_, Messages
from accountability.periods import iso_date
from accountability.render.problems import one_line

FIELDS: dict[str, str] = {
    "title": N_("title"),
    "assigned_by": N_("given by"),
    "due": N_("due"),
    "commitment": N_("commitment item"),
    "done": N_("done"),
    "carried_from": N_("carried from"),
    "weight": N_("weight"),
    "review": N_("review"),
    "on": N_("on"),
    "quality_fails": N_("quality checks failed"),
    "delays": N_("delays"),
    "excused": N_("excused"),
    "note": N_("note"),
    "by": N_("by"),
    "general": N_("general criteria"),
    "level": N_("level"),
    "reason": N_("reason"),
    "score": N_("score"),
    "value": N_("value"),
    "unit": N_("unit"),
    "direction": N_("direction"),
    "target": N_("target"),
    "owner": N_("owner"),
    "resolved": N_("resolved"),
    "lead": N_("lead"),
    "handled_by": N_("handled by"),
    "removed": N_("removed"),
    "head": N_("head"),
    "form": N_("form"),
    "ref": N_("decision"),
    "rated_by": N_("rated by"),
    "parent": N_("unit above"),
    "name": N_("name"),
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
