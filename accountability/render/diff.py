"""`acct diff` output: text, a Markdown pull-request comment with the unapproved changes first, and JSON. Values are
shown in words (`on 02/07/2023; quality checks failed 1`), never as Python data."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from accountability.i18n import N_, NC_, Messages
from accountability.queries.changes import Change
from accountability.render.fields import field, words
from accountability.render.problems import one_line

LABELS = {
    "added": N_("item added"),
    "removed": N_("item removed"),
    "moved": N_("moved to another group"),
    "target-raised": N_("target raised"),
    "target-lowered": N_("target lowered"),
    "target-changed": N_("target changed"),
    "due-earlier": N_("due date moved earlier"),
    "due-later": N_("due date moved later"),
    "owner": N_("owner changed"),
    "weight": N_("weight changed"),
    "group-weight": N_("group weight changed"),
    "title": N_("title changed"),
    "done": N_("done date changed"),
    "report-added": N_("report added"),
    "report-changed": N_("report edited"),
    "report-removed": N_("report deleted"),
    "plan-added": N_("plan added"),
    "plan-removed": N_("plan removed"),
    "task-added": N_("task added"),
    "task-removed": N_("task removed"),
    "assigned_by": N_("assigner changed"),
    "commitment": N_("commitment item changed"),
    "carried_from": N_("carried_from changed"),
    "done-set": N_("marked done"),
    "done-moved": N_("done date moved"),
    "done-removed": N_("done date removed"),
    "review-added": N_("review written"),
    "review-changed": N_("review changed"),
    "review-removed": N_("review removed"),
    "self-added": N_("self-assessment written"),
    "self-changed": N_("self-assessment changed"),
    "self-removed": N_("self-assessment removed"),
    "rating-added": N_("rating written: the month is concluded"),
    "rating-changed": N_("rating changed"),
    "rating-removed": N_("rating removed"),
    "unit-added": N_("unit added"),
    "unit-removed": N_("unit removed"),
    "unit-head": N_("head changed"),
    "unit-parent": N_("unit above changed"),
    "unit-rated_by": N_("rater of the head changed"),
    "unit-name": N_("name changed"),
    "person-added": N_("person added"),
    "person-removed": N_("person removed"),
    "person-unit": N_("moved to another unit"),
    "person-name": N_("name changed"),
    "person-title": N_("position changed"),
    "discipline-added": N_("discipline added"),
    "discipline-removed": N_("discipline removed"),
    "issue-added": N_("key issue added"),
    "issue-removed": N_("key issue removed"),
    "resolved": NC_("change", "resolved"),
    "resolved-moved": N_("resolved date moved"),
    "reopened": N_("reopened"),
    "lead": N_("lead changed"),
    "handled_by": N_("handling unit changed"),
}


def _value(t: Messages, value: Any, name: str) -> str:
    """A value on one line (a title may hold line breaks, which would end a line of text or a table row)."""
    if isinstance(value, dict) and set(value) == {"on", "value"}:
        return f"{_value(t, value['on'], 'on')}: {t.figure(float(value['value']))}"
    if value == "":
        return t("—")
    return words(t, value, name)


def _label(t: Messages, change: Change) -> str:
    if change.kind == "rating-changed":
        return t("{field} changed", field=field(t, change.field))
    return t(LABELS[change.kind])


def summary(t: Messages, changes: list[Change], base: str, head: str) -> str:
    if not changes:
        return t("{base} → {head}: no change", base=base, head=head)
    counts = {scope: len({c.where for c in changes if c.scope == scope}) for scope in ("commitment", "plan", "issue")}
    parts = [
        t.plural("{n} commitment", "{n} commitments", counts["commitment"]),
        t.plural("{n} plan", "{n} plans", counts["plan"]),
        t("org"),
        t.plural("{n} key issue", "{n} key issues", counts["issue"]),
    ]
    present = [counts["commitment"], counts["plan"], any(c.scope == "org" for c in changes), counts["issue"]]
    return t(
        "{base} → {head}: {changes} in {what}; {weakening} weakening, {unapproved} unapproved",
        base=base,
        head=head,
        changes=t.plural("{n} change", "{n} changes", len(changes)),
        what=", ".join(part for part, shown in zip(parts, present, strict=True) if shown),
        weakening=sum(c.weakening for c in changes),
        unapproved=sum(c.unapproved for c in changes),
    )


def _verdict(t: Messages, change: Change) -> str:
    if change.unapproved:
        return t("UNAPPROVED change to a concluded month") if change.concluded else t("UNAPPROVED weakening")
    if change.approved_by and change.concluded:
        return t("change to a concluded month, approved by {who}", who=change.approved_by)
    if change.approved_by:
        return t("weakening, approved by {who}", who=change.approved_by)
    return t("weakening") if change.weakening else ""


def _heading(t: Messages, change: Change, md: bool = False) -> str:
    path = f"`{one_line(change.path)}`" if md else one_line(change.path)
    if change.scope == "plan":
        key = dict(change.key)
        return t("plan of {person} for {month} ({path})", person=key["person"], month=t.month(key["month"]), path=path)
    if change.scope == "org":
        return t("org ({path})", path=path)
    if change.scope == "issue":
        return t("key issue {issue} ({path})", issue=dict(change.key)["issue"], path=path)
    return f"{change.where} ({path})"


def _groups(changes: list[Change]) -> list[list[Change]]:
    return [list(g) for _, g in groupby(changes, key=lambda c: (c.scope, c.key, c.path if c.scope == "org" else ""))]


def _subject(t: Messages, change: Change) -> str:
    if change.item:
        return change.item
    return (
        t("the rating")
        if change.field in ("rating", *RATING)
        else (t("the self-assessment") if change.field == "self" else "")
    )


RATING = ("on", "by", "general", "level", "reason")


def as_text(t: Messages, changes: list[Change], base: str, head: str) -> str:
    lines = [summary(t, changes, base, head)]
    for own in _groups(changes):
        lines.append("\n" + _heading(t, own[0]))
        for c in sorted(own, key=lambda c: not c.unapproved):
            mark = "!" if c.unapproved else " "
            verdict = _verdict(t, c)
            subject = _subject(t, c)
            lines.append(
                f" {mark} {subject + ': ' if subject else ''}{_label(t, c)}: {_value(t, c.before, c.field)} → "
                f"{_value(t, c.after, c.field)}" + (f"  [{verdict}]" if verdict else "")
            )
    return "\n".join(lines)


def as_markdown(t: Messages, changes: list[Change], base: str, head: str) -> str:
    parts = [f"## acct diff\n\n**{summary(t, changes, base, head)}**\n"]
    unapproved = [c for c in changes if c.unapproved]
    if unapproved:
        parts.append(t("### ⛔ Unapproved changes") + "\n")
        parts.append(
            t(
                "A weakening change needs an amendment in this pull request that names the item and the field, with "
                "`approved_by`; a change to a concluded month needs the plan's amendment, approved by the person's "
                "rater."
            )
            + "\n"
        )
        parts.append(_table(t, unapproved, with_where=True))
    for own in _groups(changes):
        parts.append(f"### {_heading(t, own[0], md=True)}\n")
        parts.append(_table(t, sorted(own, key=lambda c: not c.unapproved), with_where=False))
    if not changes:
        parts.append(t("No change to any commitment, plan, org or key issue.") + "\n")
    return "\n".join(parts)


def _table(t: Messages, changes: list[Change], with_where: bool) -> str:
    head = [t("in")] if with_where else []
    rows = ["| " + " | ".join([*head, t("item"), t("change"), t("before"), t("after"), t("approval")]) + " |"]
    rows.append("|" + "---|" * (len(head) + 5))
    for c in changes:
        cells = [c.where or t("org")] if with_where else []
        verdict = f"**⛔ {_verdict(t, c)}**" if c.unapproved else _verdict(t, c)
        subject = _subject(t, c)
        cells += [
            f"`{subject}`" if c.item else subject,
            _label(t, c),
            _value(t, c.before, c.field),
            _value(t, c.after, c.field),
            verdict,
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def as_json(changes: list[Change], base: str, head: str) -> str:
    body = {
        "base": base,
        "head": head,
        "unapproved": sum(c.unapproved for c in changes),
        "changes": [
            {
                "scope": c.scope,
                **dict(c.key),
                "item": c.item,
                "kind": c.kind,
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "weakening": c.weakening,
                "concluded": c.concluded,
                "approved_by": c.approved_by,
                "unapproved": c.unapproved,
                "path": c.path,
            }
            for c in changes
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)
