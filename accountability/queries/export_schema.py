"""The export's tables and columns, and the type of each: fixed per column name, whatever the data (docs/export.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

IDENTITY = ["tracker", "period", "year"]
COLUMNS: dict[str, list[str]] = {
    "trackers": [
        "tracker",
        "organization",
        "period",
        "year",
        "period_start",
        "period_end",
        "as_of",
        "issues_target",
        "acct_version",
    ],
    "units": ["unit", "name", "parent", "head", *IDENTITY],
    "people": ["person", "name", "unit", "title", "category", "handle", "active_from", "active_to", *IDENTITY],
    "items": [
        "unit",
        "year",
        "group",
        "group_title",
        "group_weight",
        "item",
        "title",
        "owner",
        "due",
        "done",
        "weight",
        "kind",
        "target",
        "target_unit",
        "direction",
        "counted",
        "state",
        "credit",
        "path",
        "tracker",
        "period",
    ],
    "reports": ["unit", "year", "item", "on", "value", "note", "tracker", "period"],
    "plans": [
        "person",
        "month",
        "self_on",
        "self_score",
        "self_level",
        "rating_on",
        "rating_by",
        "rating_general",
        "rating_level",
        "rating_reason",
        "path",
        *IDENTITY,
    ],
    "tasks": [
        "person",
        "month",
        "task",
        "title",
        "assigned_by",
        "due",
        "done",
        "weight",
        "commitment",
        "carried_from",
        "review_on",
        "quality_fails",
        "delays",
        "excused",
        "state",
        "credit",
        *IDENTITY,
    ],
    "unit_scores": [
        "period",
        "as_of",
        "unit",
        "name",
        "score",
        "level",
        "rank",
        "tasks_total",
        "tasks_on_time",
        "tasks_late",
        "tasks_overdue",
        "tasks_open",
        "indicators_total",
        "indicators_achieved",
        "indicators_exceeded",
        "indicators_missed",
        "excellent",
        "good",
        "allowed_excellent",
        "quota_over",
        "flags",
        "indicators_on_track",
        "indicators_behind",
        "indicators_no_report",
        "quota_group",
        "quota_months_over",
        "tracker",
        "year",
    ],
    "person_scores": [
        "period",
        "as_of",
        "person",
        "unit",
        "month",
        "score",
        "computed",
        "concluded",
        "level",
        "provisional",
        "misses",
        "step",
        "flags",
        "level_basis",
        "tracker",
        "year",
    ],
    "escalations": [
        "period",
        "as_of",
        "person",
        "unit",
        "year",
        "month",
        "deadline",
        "evidence",
        "ref",
        "title",
        "path",
        "line",
        "tracker",
    ],
    "issues": [
        "issue",
        "title",
        "raised",
        "raised_by",
        "handled_by",
        "lead",
        "due",
        "resolved",
        "counted",
        "on_time",
        "path",
        *IDENTITY,
    ],
}

# A column's name means the same in every table, and so does its type. Any column not named here is text.
DATES = {"due", "done", "on", "as_of", "active_from", "active_to", "self_on", "rating_on", "review_on", "deadline"} | {
    "raised",
    "resolved",
    "period_start",
    "period_end",
}
INTEGERS = {"year", "rank", "quality_fails", "delays", "misses", "excellent", "good", "allowed_excellent", "line"} | {
    c for c in COLUMNS["unit_scores"] if c.startswith(("tasks_", "indicators_"))
}
DECIMALS = {"group_weight", "weight", "target", "credit", "value", "self_score", "rating_general", "score"}
DECIMALS.add("issues_target")
BOOLEANS = {"counted", "excused", "quota_over", "provisional", "on_time"}


def column_type(name: str) -> str:
    """date, integer, decimal, boolean or text: fixed per column, whatever the data, so that exports of many
    trackers or many periods load into one table."""
    for kind, names in (("date", DATES), ("integer", INTEGERS), ("decimal", DECIMALS), ("boolean", BOOLEANS)):
        if name in names:
            return kind
    return "text"


def plain(column: str, value: Any) -> Any:
    """A cell as JSON/CSV can hold it: dates as ISO text, and a decimal column's 1 as 1.0, as in every row."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return float(value) if column in DECIMALS and isinstance(value, int) else value
