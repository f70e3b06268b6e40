"""`acct amend`: change a commitment item's or a key issue's fields and write the amendment that approves the change,
in one edit (FORMAT.md, `amendments:`; `acct diff` approves a weakening change by it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accountability.authoring import emit, place
from accountability.authoring.concluded import Approval, Refused
from accountability.authoring.edits import Edit, Found
from accountability.authoring.values import parse_number
from accountability.files.splice import Source
from accountability.model import Issue
from accountability.model.base import SLUG
from accountability.periods import iso_date
from accountability.problems import FatalError, said


def _date(text: str, field: str) -> Any:
    day = iso_date(text)
    if day is None:
        raise FatalError(
            said("--set {field}={value!r}: write the date as YYYY-MM-DD, e.g. 2023-08-31", field=field, value=text)
        )
    return day


def _id(text: str, field: str) -> str:
    if not SLUG.fullmatch(text):
        raise FatalError(said("--set {field}={value!r}: write an id, e.g. nguyen-van-a", field=field, value=text))
    return text


def _text(text: str, field: str) -> str:
    if not text.strip():
        raise FatalError(said("--set {field}= needs a value", field=field))
    return text


def _number(text: str, field: str) -> float:
    return parse_number(text, f"--set {field}=")


Parse = Callable[[str, str], Any]
ITEM_FIELDS: dict[str, Parse] = {
    "due": _date,
    "done": _date,
    "target": _number,
    "owner": _id,
    "weight": _number,
    "title": _text,
}
ISSUE_FIELDS: dict[str, Parse] = {"due": _date, "resolved": _date, "lead": _id, "handled_by": _id, "title": _text}


def parse_sets(pairs: list[str], fields: dict[str, Parse]) -> dict[str, Any]:
    """`--set FIELD=VALUE`, repeated, as the fields' typed values."""
    if not pairs:
        raise FatalError(said("say what changes with --set FIELD=VALUE, e.g. --set due=2023-08-31"))
    values: dict[str, Any] = {}
    for pair in pairs:
        name, equals, text = pair.partition("=")
        name = name.strip()
        if not equals or name not in fields:
            raise FatalError(
                said(
                    "--set {pair!r}: write FIELD=VALUE, FIELD being one of: {fields}",
                    pair=pair,
                    fields=", ".join(fields),
                )
            )
        values[name] = fields[name](text.strip(), name)
    return values


def amend_item(values: dict[str, Any], approval: Approval, label: str) -> Edit:
    """Set the item's fields and append `{on, item, set, reason, approved_by}` to the commitment's amendments."""

    def edit(source: Source, found: Found) -> None:
        item = found.record
        recorded: dict[str, Any] = {}
        for name, value in values.items():
            if name == "target":
                recorded[name] = _new_target(source, found, value, label)
            else:
                place.put(source, found.at, name, value)
                recorded[name] = value
        entry = {"on": approval.on, "item": item.id, "set": emit.tree(recorded, flow=True)}
        place.append(source, (), "amendments", entry | _approval(approval))

    return edit


def _new_target(source: Source, found: Found, value: float, label: str) -> dict[str, Any]:
    target = found.record.target
    if target is None:
        raise Refused(
            said("{label} is a task (it has no target); a task's due date or done date may change", label=label)
        )
    place.put(source, (*found.at, "target"), "value", value)
    return {"value": value} | ({"unit": target.unit} if target.unit else {}) | {"direction": target.direction}


def amend_issue(values: dict[str, Any], approval: Approval) -> Edit:
    """Set the key issue's fields and append `{on, set, reason, approved_by}` to its amendments."""

    def edit(source: Source, found: Found) -> None:
        issue: Issue = found.record
        if "resolved" in values and issue.resolved is None:
            raise Refused(said("{issue} is not resolved yet; resolve it with acct resolve {issue}", issue=issue.id))
        for name, value in values.items():
            place.put(source, (), name, value)
        entry = {"on": approval.on, "set": emit.tree(values, flow=True)}
        place.append(source, (), "amendments", entry | _approval(approval))

    return edit


def _approval(approval: Approval) -> dict[str, Any]:
    return {"reason": approval.reason, "approved_by": approval.approved_by}
