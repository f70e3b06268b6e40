"""`acct overdue` output: text grouped by the person who must act, JSON, GitHub workflow commands.

Text is in the reader's language, but for the `path:line: error|warning: [code]` of each finding, which tools read;
JSON, GitHub's workflow commands and SARIF keep the English (CLI.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
from itertools import groupby
from pathlib import Path

from accountability.i18n import DEFAULT, Messages
from accountability.problems import Text
from accountability.queries.overdue import Finding
from accountability.render.problems import GITHUB_LIMIT, escape, escape_property, one_line

SEVERITY_ORDER = {"error": 0, "warning": 1}
ENGLISH = Messages(DEFAULT)


def _when(f: Finding, t: Messages) -> str:
    if f.days > 0:
        return t.plural("{n} day late", "{n} days late", f.days)
    if f.days == 0:
        return t("due today")
    return t.plural("due in {n} day", "due in {n} days", -f.days)


def _title(f: Finding, t: Messages) -> str:
    return t.text(f.title) if isinstance(f.title, Text) else f.title


def english(f: Finding) -> str:
    """A finding in one English line, for tools (SARIF's message)."""
    return f"{f.who}: {f.title} (due {f.due})"


def summary(findings: list[Finding], t: Messages = ENGLISH) -> str:
    late = sum(f.severity == "error" for f in findings)
    people = t.plural("for {n} person", "for {n} people", len({f.who for f in findings}))
    return t("{late} overdue, {soon} due soon, {people}", late=late, soon=len(findings) - late, people=people)


def as_text(findings: list[Finding], people: dict[str, str], units: dict[str, str], t: Messages = ENGLISH) -> str:
    """One block per person who must act, their overdue work first, the longest overdue first; each line says
    whose unit's work it is."""
    lines: list[str] = []
    by_who = sorted(findings, key=lambda f: (f.who, SEVERITY_ORDER[f.severity], -f.days, f.path, f.line))
    for who, group in groupby(by_who, key=lambda f: f.who):
        own = list(group)
        late = sum(f.severity == "error" for f in own)
        head = f"{one_line(people.get(who, who))} ({who})" if who else t("no one (no rater: set rated_by in org)")
        lines.append(t("{who}: {late} overdue, {soon} due soon", who=head, late=late, soon=len(own) - late))
        for f in own:
            kind = f"{f.code}: {f.kind}" if f.code != f.kind else f.code
            what = t(
                "{title} ({unit}) — due {due}, {when}",
                title=one_line(_title(f, t)),
                unit=one_line(units.get(f.unit, f.unit)),
                due=f.due,
                when=_when(f, t),
            )
            lines.append(f"  {one_line(f.path)}:{f.line}: {f.severity}: [{kind}] {what}")
        lines.append("")
    lines.append(summary(findings, t))
    return "\n".join(lines)


def as_json(findings: list[Finding], as_of: dt.date) -> str:
    body = {
        "as_of": as_of.isoformat(),
        "findings": [
            {
                "code": f.code,
                "kind": f.kind,
                "unit": f.unit,
                "severity": f.severity,
                "path": f.path,
                "line": f.line,
                "who": f.who,
                "due": f.due.isoformat(),
                "days": f.days,
                "title": str(f.title),
            }
            for f in findings
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def as_github(findings: list[Finding], root: Path) -> str:
    """The longest overdue first, at most 10 errors and 10 warnings, then a notice that counts the rest."""
    ordered = sorted(findings, key=lambda f: (-f.days, f.path, f.line))
    shown = [f for f in ordered if f.severity == "error"][:GITHUB_LIMIT] + [
        f for f in ordered if f.severity == "warning"
    ][:GITHUB_LIMIT]
    lines = [
        f"::{f.severity} file={escape_property(os.path.relpath(root / f.path))},line={f.line},"
        f"title={escape_property(f'acct [{f.code}]')}::{escape(f'{f.who}: {f.title} — due {f.due}, {_when(f, ENGLISH)}')}"
        for f in shown
    ]
    rest = len(findings) - len(shown)
    if rest:
        lines.append(
            f"::notice title=acct::{rest} more {'finding' if rest == 1 else 'findings'} not shown here; run 'acct overdue' for the full list"
        )
    lines.append(summary(findings))
    return "\n".join(lines)


def as_markdown_table(findings: list[Finding]) -> str:
    rows = ["| who | code | due | days | file | title |", "|---|---|---|---:|---|---|"]
    rows += [
        f"| {f.who} | `{f.code}` | {f.due} | {f.days} | {one_line(f.path)}:{f.line} | {one_line(str(f.title)).replace('|', '/')} |"
        for f in findings
    ]
    return "\n".join(rows) + "\n"
