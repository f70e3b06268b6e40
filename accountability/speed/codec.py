"""Problems and deadlines as the store keeps them: JSON, each sentence with its template and values (a `Text` inside
a value, a date, or `JUDGING_DATE`, which stands for D until the engine writes it in). What is revived is checked
to be what was kept: anything else is a miss (`ValueError`), never a wrong answer."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from accountability.problems import JUDGING_DATE, Problem, Text
from accountability.scoring.deadlines import Deadline


def kept_deadline(d: Deadline) -> list[Any]:
    return [
        d.kind,
        d.who,
        d.unit,
        _value(d.due),
        _value(d.met),
        _value(d.title),
        d.path,
        list(d.at),
        d.at_key,
        d.line,
        d.col,
    ]


def revived_deadline(body: list[Any]) -> Deadline:
    kind, who, unit, due, met, title, path, at, at_key, line, col = body
    day, done, said = _revived_value(due), _revived_value(met), _revived_value(title)
    if not isinstance(day, dt.date) or not (done is None or isinstance(done, dt.date)):
        raise ValueError("not a deadline")
    if not isinstance(said, (Text, str)):
        raise ValueError("not a deadline's title")
    return Deadline(
        str(kind), str(who), str(unit), day, done, said, str(path), tuple(at), bool(at_key), int(line), int(col)
    )


def kept(problem: Problem) -> list[Any]:
    p = problem
    return [p.code, _value(p.text), p.path, p.line, p.col, p.severity, list(p.at), p.at_key]


def revived(body: list[Any]) -> Problem:
    code, text, path, line, col, severity, at, at_key = body
    sentence = _revived_value(text)
    if not isinstance(sentence, Text) or severity not in ("error", "warning"):
        raise ValueError("not a problem")
    return Problem(str(code), sentence, str(path), int(line), int(col), severity, tuple(at), bool(at_key))


def kept_problems(problems: list[Problem]) -> bytes:
    return json.dumps([kept(p) for p in problems], ensure_ascii=False).encode()


def revived_problems(value: bytes) -> list[Problem] | None:
    """The problems kept, or None (a miss) for anything that is not a list of them: the store is never trusted."""
    try:
        return [revived(body) for body in json.loads(value)]
    except (ValueError, TypeError, KeyError):
        return None


def _value(value: object) -> object:
    if value is JUDGING_DATE:
        return {"J": 1}
    if isinstance(value, Text):
        return {"t": value.template, "v": [[name, _value(v)] for name, v in value.values]}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _revived_value(value: Any) -> Any:
    if isinstance(value, dict) and "J" in value:
        return JUDGING_DATE
    if isinstance(value, dict) and "t" in value:
        return Text(str(value["t"]), tuple((str(name), _revived_value(v)) for name, v in value["v"]))
    if isinstance(value, dict):
        return dt.date.fromisoformat(value["d"])
    if isinstance(value, list):
        return [_revived_value(v) for v in value]
    return value
