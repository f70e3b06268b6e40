"""`acct diff BASE [HEAD]`: what changed in the commitments between two revisions, and which changes weaken them;
plans, org and key issues are compared in `queries.diff_plans`.

Items are matched by (unit, year, item id), so renaming or moving a file changes nothing. A weakening change
(an item removed, a target lowered — raised for `down` —, a due date moved later, a report edited or deleted)
is approved only by an amendment added in HEAD that names the item and the field, with `approved_by`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from accountability.model import Amendment, Commitment, Item
from accountability.model.commitment import REMOVED
from accountability.model.tracker import Doc, Tracker
from accountability.queries.changes import Change, Key, approval, plain
from accountability.queries.diff_plans import issue_changes, org_changes, plan_changes


def diff_trackers(base: Tracker, head: Tracker) -> list[Change]:
    """Every change from BASE to HEAD: commitments, plans, org, key issues."""
    return (
        commitment_changes(base, head) + plan_changes(base, head) + org_changes(base, head) + issue_changes(base, head)
    )


def commitment_changes(base: Tracker, head: Tracker) -> list[Change]:
    before = {(d.model.unit, d.model.year): d for d in base.commitments}
    after = {(d.model.unit, d.model.year): d for d in head.commitments}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        raw = _commitment_changes(old, new)
        approvals = _new_amendments(old.model if old else None, new.model if new else None)
        changes += [_approve(c, approvals) for c in raw]
    return changes


def _commitment_changes(old: Doc[Commitment] | None, new: Doc[Commitment] | None) -> list[Change]:
    unit, year = (new or old).model.unit, (new or old).model.year  # type: ignore[union-attr]
    path = (new or old).path  # type: ignore[union-attr]
    key: Key = (("unit", unit), ("year", year))
    old_items = _items(old.model) if old else {}
    new_items = _items(new.model) if new else {}
    changes = _group_weights(old.model, new.model, key, path) if old and new else []
    for item_id in sorted(old_items.keys() | new_items.keys()):
        was, now = old_items.get(item_id), new_items.get(item_id)
        if was is None and now is not None:
            changes.append(Change("commitment", key, item_id, "added", "item", None, now[1].title, False, path))
        elif now is None and was is not None:
            changes.append(Change("commitment", key, item_id, "removed", REMOVED, was[1].title, None, True, path))
        elif was is not None and now is not None:
            changes += [Change("commitment", key, item_id, *rest, path) for rest in _item_changes(was, now)]
    return changes


def _group_weights(old: Commitment, new: Commitment, key: Key, path: str) -> list[Change]:
    """A group's weight changes its items' share of the score; the change names the group in place of an item."""
    before = {g.id: g.weight for g in old.groups}
    return [
        Change("commitment", key, g.id, "group-weight", "weight", plain(before[g.id]), plain(g.weight), False, path)
        for g in new.groups
        if g.id in before and before[g.id] != g.weight
    ]


def _items(commitment: Commitment) -> dict[str, tuple[str, Item]]:
    return {item.id: (commitment.groups[g].id, item) for g, _, item in commitment.items()}


def _item_changes(was: tuple[str, Item], now: tuple[str, Item]) -> list[tuple[str, str, Any, Any, bool]]:
    (old_group, a), (new_group, b) = was, now
    out: list[tuple[str, str, Any, Any, bool]] = []
    if old_group != new_group:
        out.append(("moved", "group", old_group, new_group, False))
    out += _target(a, b)
    if a.due != b.due:
        later = b.due > a.due
        out.append(("due-later" if later else "due-earlier", "due", str(a.due), str(b.due), later))
    for field in ("owner", "weight", "title", "done"):
        if getattr(a, field) != getattr(b, field):
            out.append((field, field, plain(getattr(a, field)), plain(getattr(b, field)), False))
    out += _reports(a, b)
    return out


def _target(a: Item, b: Item) -> list[tuple[str, str, Any, Any, bool]]:
    if a.target == b.target:
        return []
    if (
        a.target is None
        or b.target is None
        or a.target.direction != b.target.direction
        or a.target.unit != b.target.unit
    ):
        shown = [t.model_dump(exclude_none=True) if t else None for t in (a.target, b.target)]
        return [("target-changed", "target", shown[0], shown[1], True)]
    up = b.target.direction == "up"
    raised = b.target.value > a.target.value
    weaker = (not raised) if up else raised
    return [
        (
            "target-raised" if raised else "target-lowered",
            "target",
            plain(a.target.value),
            plain(b.target.value),
            weaker,
        )
    ]


def _reports(a: Item, b: Item) -> list[tuple[str, str, Any, Any, bool]]:
    old = {r.on: r for r in a.reports}
    new = {r.on: r for r in b.reports}
    out: list[tuple[str, str, Any, Any, bool]] = []
    for on in sorted(old.keys() | new.keys()):
        was, now = old.get(on), new.get(on)
        if was is None and now is not None:
            out.append(("report-added", "reports", None, {"on": str(on), "value": plain(now.value)}, False))
        elif now is None and was is not None:
            out.append(("report-removed", "reports", {"on": str(on), "value": plain(was.value)}, None, True))
        elif was != now and was is not None and now is not None:
            out.append(
                (
                    "report-changed",
                    "reports",
                    {"on": str(on), "value": plain(was.value)},
                    {"on": str(on), "value": plain(now.value)},
                    True,
                )
            )
    return out


def _new_amendments(old: Commitment | None, new: Commitment | None) -> list[Amendment]:
    """The amendments in HEAD that BASE did not have."""
    if new is None:
        return []
    existing = [a.model_dump() for a in old.amendments] if old else []
    return [a for a in new.amendments if a.model_dump() not in existing]


def _approve(change: Change, amendments: list[Amendment]) -> Change:
    if not change.weakening:
        return change
    for amendment in amendments:
        if amendment.item == change.item and change.field in amendment.set:
            return dataclasses.replace(change, approved_by=approval(amendment.approved_by, amendment.on))
    return change
