"""`acct overdue` output: text grouped by the person who must act, JSON, GitHub workflow commands."""

from __future__ import annotations

import datetime as dt
import json
import os
from itertools import groupby
from pathlib import Path

from accountability.queries.overdue import Finding
from accountability.render.problems import GITHUB_LIMIT, escape, escape_property, one_line

SEVERITY_ORDER = {"error": 0, "warning": 1}


def _when(f: Finding) -> str:
    if f.days > 0:
        return f"{f.days} {'day' if f.days == 1 else 'days'} late"
    if f.days == 0:
        return "due today"
    return f"due in {-f.days} {'day' if f.days == -1 else 'days'}"


def summary(findings: list[Finding]) -> str:
    late = sum(f.severity == "error" for f in findings)
    soon = len(findings) - late
    people = len({f.who for f in findings})
    return f"{late} overdue, {soon} due soon, for {people} {'person' if people == 1 else 'people'}"


def as_text(findings: list[Finding], people: dict[str, str], units: dict[str, str]) -> str:
    """One block per person who must act, their overdue work first, the longest overdue first; each line says
    whose unit's work it is."""
    lines: list[str] = []
    by_who = sorted(findings, key=lambda f: (f.who, SEVERITY_ORDER[f.severity], -f.days, f.path, f.line))
    for who, group in groupby(by_who, key=lambda f: f.who):
        own = list(group)
        late = sum(f.severity == "error" for f in own)
        head = f"{one_line(people.get(who, who))} ({who})" if who else "no one (no rater: set rated_by in org)"
        lines.append(f"{head}: {late} overdue, {len(own) - late} due soon")
        for f in own:
            kind = f"{f.code}: {f.kind}" if f.code != f.kind else f.code
            unit = one_line(units.get(f.unit, f.unit))
            lines.append(
                f"  {one_line(f.path)}:{f.line}: {f.severity}: [{kind}] {one_line(f.title)} ({unit}) — due {f.due}, "
                f"{_when(f)}"
            )
        lines.append("")
    lines.append(summary(findings))
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
                "title": f.title,
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
        f"title={escape_property(f'acct [{f.code}]')}::{escape(f'{f.who}: {f.title} — due {f.due}, {_when(f)}')}"
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
        f"| {f.who} | `{f.code}` | {f.due} | {f.days} | {one_line(f.path)}:{f.line} | {one_line(f.title).replace('|', '/')} |"
        for f in findings
    ]
    return "\n".join(rows) + "\n"
