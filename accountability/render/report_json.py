"""`acct report --format json`: the figures of `acct score --format json`, plus the detail the report shows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from pydantic import BaseModel

from accountability.queries.committee import AmendmentLine, CommitteeReport, ItemLine, UnitSection
from accountability.render.scores import escalation_dict, to_dict
from accountability.scoring.escalation import Escalation
from accountability.scoring.quota import GroupMonth, UnitQuota


def as_json(report: CommitteeReport) -> str:
    body = to_dict(report.scores, "all")
    body["organization"] = report.organization
    body["sections"] = [_section(s) for s in report.units]
    body["year_end_review"] = (
        None if report.year_end is None else [_plain(e) | {"clear": e.clear} for e in report.year_end]
    )
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _section(section: UnitSection) -> dict[str, Any]:
    return {
        "unit": section.row.unit,
        "name": section.row.name,
        "head": _plain(section.head),
        "to": _plain(section.to),
        "signed": _plain(section.signed),
        "groups": [{"id": g.id, "title": g.title, "items": [_item(i) for i in g.items]} for g in section.groups],
        "people": _plain(section.people),
        "months": _plain(section.months),
        "issues": _plain(section.issues),
    }


def _item(item: ItemLine) -> dict[str, Any]:
    of_target = None if item.of_target is None else round(item.of_target, 4)
    expected = None if item.expected_of_target is None else round(item.expected_of_target, 4)
    return _plain(item) | {"of_target": of_target, "expected_of_target": expected}


def _plain(value: Any) -> Any:
    """Dataclasses, dates and containers → JSON values; a quota also says whether it is over, and an escalation
    has the same keys as in `acct score --format json`."""
    if isinstance(value, UnitQuota):
        return value.as_dict()
    if isinstance(value, GroupMonth):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)} | {"over": value.over}
    if isinstance(value, Escalation):
        return escalation_dict(value)
    if isinstance(value, AmendmentLine):  # the owner's name is for sentences; the JSON keeps what the file says
        return {"on": value.on.isoformat(), "set": _plain(value.set), "reason": value.reason} | {
            "approved_by": _plain(value.approved_by)
        }
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
