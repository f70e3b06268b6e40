"""SARIF 2.1.0 for code-scanning upload: one run, one rule per code with its help text.

The rules' help texts are documentation for people, in the reader's language (the run's `language`); the results'
messages are what tools match on, and keep the English, as JSON does (CLI.md)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from accountability import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def as_sarif(
    results: Iterable[tuple[str, str, str, str, int, int]], rules: dict[str, str], root: Path, language: str = "en"
) -> str:
    """`results` are (code, severity, message, path, line, col); `rules` maps every code to its help text, written
    in `language`."""
    rule_ids = list(rules)
    body: dict[str, Any] = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "acct",
                        "version": __version__,
                        "rules": [_rule(code, text) for code, text in rules.items()],
                    }
                },
                "language": language,
                "results": [_result(r, rule_ids, root) for r in results],
            }
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def _rule(code: str, text: str) -> dict[str, Any]:
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": text.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"`{code}`: {text}"},
    }


def _result(result: tuple[str, str, str, str, int, int], rule_ids: list[str], root: Path) -> dict[str, Any]:
    code, severity, message, path, line, col = result
    region: dict[str, int] = {"startLine": max(line, 1)}
    if col:
        region["startColumn"] = col
    return {
        "ruleId": code,
        "ruleIndex": rule_ids.index(code),
        "level": "error" if severity == "error" else "warning",
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(Path(os.path.relpath(root / path)).as_posix(), safe="/")},
                    "region": region,
                }
            }
        ],
    }
