"""Problems as text, JSON or GitHub workflow commands. The only place that formats them.

Text is for people: each problem's sentence and the summary line are in the reader's language, while the
`path:line:col: error|warning: [code]` prefix stays as it is for tools (CLI.md). JSON, GitHub's workflow commands and
their step summary are for tools and the pull request's log, and keep the English sentence (`Problem.message`)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from accountability.i18n import DEFAULT, Messages
from accountability.problems import Problem

GITHUB_LIMIT = 10  # GitHub shows at most 10 errors and 10 warnings per step
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


ENGLISH = Messages(DEFAULT)


def summary(files: int, problems: list[Problem], t: Messages = ENGLISH) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return t(
        "checked {files}: {errors}, {warnings}",
        files=t.plural("{n} file", "{n} files", files),
        errors=t.plural("{n} error", "{n} errors", errors),
        warnings=t.plural("{n} warning", "{n} warnings", warnings),
    )


def as_text(problems: list[Problem], files: int, t: Messages = ENGLISH) -> str:
    """One line per problem, its sentence in `t`'s language, then the summary line."""
    lines = [
        f"{one_line(p.path)}:{p.line}:{p.col}: {p.severity}: [{p.code}] {one_line(t.text(p.text))}" for p in problems
    ]
    return "\n".join([*lines, summary(files, problems, t)])


def one_line(text: str) -> str:
    """Text that stays on its line: control characters and line separators (which a file name or a quoted value may
    hold) shown as escapes, so that one problem is always one line and nothing drives the terminal."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    return named or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def as_json(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    body = {
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity, "code": p.code, "message": p.message}
            for p in problems
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def as_github(problems: list[Problem], files: int, root: Path) -> str:
    """Workflow commands, errors first; paths relative to the working directory, as GitHub expects."""
    shown = [p for p in problems if p.severity == "error"][:GITHUB_LIMIT]
    shown += [p for p in problems if p.severity == "warning"][:GITHUB_LIMIT]
    lines = [_command(p, root) for p in shown]
    rest = len(problems) - len(shown)
    if rest:
        more = "problem" if rest == 1 else "problems"
        lines.append(f"::notice title=acct::{rest} more {more} not shown here; run 'acct check' for the full list")
    lines.append(summary(files, problems))
    return "\n".join(lines)


def _command(p: Problem, root: Path) -> str:
    path = escape_property(os.path.relpath(root / p.path))
    title = escape_property(f"acct [{p.code}]")
    return f"::{p.severity} file={path},line={p.line},col={p.col},title={title}::{escape(p.message)}"


def escape(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property (file=, title=): also ':' and ',', which would end it and start another."""
    return escape(text).replace(":", "%3A").replace(",", "%2C")


def as_markdown_table(problems: list[Problem]) -> str:
    rows = ["| file | line | col | severity | code | message |", "|---|---:|---:|---|---|---|"]
    rows += [
        f"| {_cell(p.path)} | {p.line} | {p.col} | {p.severity} | `{p.code}` | {_cell(p.message)} |" for p in problems
    ]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")
