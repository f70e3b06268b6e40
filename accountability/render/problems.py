"""Problems as text, JSON or GitHub workflow commands. The only place that formats them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from accountability.problems import Problem

GITHUB_LIMIT = 10  # GitHub shows at most 10 errors and 10 warnings per step


def summary(files: int, problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return f"checked {files} {_plural(files, 'file')}: {errors} {_plural(errors, 'error')}, {warnings} {_plural(warnings, 'warning')}"


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def as_text(problems: list[Problem], files: int) -> str:
    lines = [f"{p.path}:{p.line}:{p.col}: {p.severity}: [{p.code}] {p.message}" for p in problems]
    return "\n".join([*lines, summary(files, problems)])


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
        lines.append(
            f"::notice title=acct::{rest} more {_plural(rest, 'problem')} not shown here; run 'acct check' for the full list"
        )
    lines.append(summary(files, problems))
    return "\n".join(lines)


def _command(p: Problem, root: Path) -> str:
    path = os.path.relpath(root / p.path)
    return f"::{p.severity} file={path},line={p.line},col={p.col},title=acct [{p.code}]::{escape(p.message)}"


def escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_markdown_table(problems: list[Problem]) -> str:
    rows = ["| file | line | col | severity | code | message |", "|---|---:|---:|---|---|---|"]
    rows += [f"| {p.path} | {p.line} | {p.col} | {p.severity} | `{p.code}` | {_cell(p.message)} |" for p in problems]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
