"""`acct diff` output: text, a Markdown pull-request comment with unapproved weakenings first, and JSON."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from accountability.queries.diff import Change
from accountability.render.problems import one_line

LABELS = {
    "added": "item added",
    "removed": "item removed",
    "moved": "moved to another group",
    "target-raised": "target raised",
    "target-lowered": "target lowered",
    "target-changed": "target changed",
    "due-earlier": "due date moved earlier",
    "due-later": "due date moved later",
    "owner": "owner changed",
    "weight": "weight changed",
    "group-weight": "group weight changed",
    "title": "title changed",
    "done": "done date changed",
    "report-added": "report added",
    "report-changed": "report edited",
    "report-removed": "report deleted",
}


def _value(value: Any) -> str:
    """A value on one line (a title may hold line breaks, which would end a line of text or a table row)."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        if "on" in value:
            return one_line(f"{value['on']}: {value['value']}")
        return one_line(", ".join(f"{k} {v}" for k, v in value.items() if v is not None))
    return one_line(str(value))


def summary(changes: list[Change], base: str, head: str) -> str:
    commitments = len({(c.unit, c.year) for c in changes})
    weakening = sum(c.weakening for c in changes)
    unapproved = sum(c.unapproved for c in changes)
    return (
        f"{base} → {head}: {len(changes)} {'change' if len(changes) == 1 else 'changes'} in {commitments} "
        f"{'commitment' if commitments == 1 else 'commitments'}; {weakening} weakening, {unapproved} unapproved"
    )


def _verdict(change: Change) -> str:
    if change.unapproved:
        return "UNAPPROVED weakening"
    if change.weakening:
        return f"weakening, approved by {change.approved_by}"
    return ""


def as_text(changes: list[Change], base: str, head: str) -> str:
    lines = [summary(changes, base, head)]
    for (unit, year), group in groupby(changes, key=lambda c: (c.unit, c.year)):
        own = list(group)
        lines.append(f"\n{unit} {year} ({one_line(own[0].path)})")
        for c in sorted(own, key=lambda c: not c.unapproved):
            mark = "!" if c.unapproved else " "
            verdict = _verdict(c)
            lines.append(
                f" {mark} {c.item}: {LABELS[c.kind]}: {_value(c.before)} → {_value(c.after)}"
                + (f"  [{verdict}]" if verdict else "")
            )
    return "\n".join(lines)


def as_markdown(changes: list[Change], base: str, head: str) -> str:
    parts = [f"## acct diff\n\n**{summary(changes, base, head)}**\n"]
    unapproved = [c for c in changes if c.unapproved]
    if unapproved:
        parts.append("### ⛔ Unapproved weakening changes\n")
        parts.append(
            "Each needs an amendment in this pull request that names the item and the field, with `approved_by`.\n"
        )
        parts.append(_table(unapproved, with_commitment=True))
    for (unit, year), group in groupby(changes, key=lambda c: (c.unit, c.year)):
        own = list(group)
        parts.append(f"### {unit} {year} (`{one_line(own[0].path)}`)\n")
        parts.append(_table(sorted(own, key=lambda c: not c.unapproved), with_commitment=False))
    if not changes:
        parts.append("No change to any commitment.\n")
    return "\n".join(parts)


def _table(changes: list[Change], with_commitment: bool) -> str:
    head = ["commitment"] if with_commitment else []
    rows = ["| " + " | ".join([*head, "item", "change", "before", "after", "weakening"]) + " |"]
    rows.append("|" + "---|" * (len(head) + 5))
    for c in changes:
        cells = [f"{c.unit} {c.year}"] if with_commitment else []
        verdict = "**⛔ unapproved**" if c.unapproved else (f"approved by {c.approved_by}" if c.weakening else "")
        cells += [f"`{c.item}`", LABELS[c.kind], _value(c.before), _value(c.after), verdict]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def as_json(changes: list[Change], base: str, head: str) -> str:
    body = {
        "base": base,
        "head": head,
        "unapproved": sum(c.unapproved for c in changes),
        "changes": [
            {
                "unit": c.unit,
                "year": c.year,
                "item": c.item,
                "kind": c.kind,
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "weakening": c.weakening,
                "approved_by": c.approved_by,
                "unapproved": c.unapproved,
                "path": c.path,
            }
            for c in changes
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)
