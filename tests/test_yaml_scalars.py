"""How `yamlfile.parse` resolves scalars (YAML 1.2's core schema, no octal or hex), the same whether a value sits
in a mapping (resolved inline by the walk) or in a list (resolved through `_Walk.value`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accountability.files.yamlread import MAX_DEPTH, MAX_SCALAR, parse

CASES: list[tuple[str, Any]] = [
    ("120", 120),
    ("-5", -5),
    ("+7", 7),
    ("26.4", 26.4),
    (".5", 0.5),
    ("1e3", 1000.0),
    ("2023-07-15", dt.date(2023, 7, 15)),
    ("2023-02-30", "2023-02-30"),  # not a real date: text, which validation then reports
    ("2023-07-15 10:30:00", dt.datetime(2023, 7, 15, 10, 30)),
    ("0x1F", "0x1F"),
    ("0o17", "0o17"),
    ("true", True),
    ("False", False),
    ("on", "on"),
    ("no", "no"),
    ("yes", "yes"),
    ("~", None),
    ("null", None),
    ("", None),
    ("'120'", "120"),
    ('"2023-07-15"', "2023-07-15"),
    ("'it''s'", "it's"),
    ("Nguyễn Văn A", "Nguyễn Văn A"),
    ("a#b", "a#b"),  # a "#" starts a comment only after a space
    ("a # a comment", "a"),
    ("!!int '5'", 5),
    ("!!str 5", "5"),
    ("!!float 3", 3.0),
    ("!!timestamp 2023-01-01", dt.date(2023, 1, 1)),
]


def same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


@pytest.mark.parametrize(("written", "value"), CASES)
def test_a_value_in_a_mapping_and_in_a_list_resolves_alike(written: str, value: Any) -> None:
    in_mapping, problems = parse(f"key: {written}\n", "x.yaml")
    assert problems == [] and same(in_mapping["key"], value), in_mapping
    in_list, problems = parse(f"- {written}\n", "x.yaml")
    assert problems == [] and same(in_list[0], value), in_list


def test_the_limits_hold_for_values_resolved_inline() -> None:
    long_value, problems = parse(f"key: {'a' * (MAX_SCALAR + 1)}\n", "x.yaml")
    assert long_value == {"key": None} and [(p.code, p.line, p.col) for p in problems] == [("too-long", 1, 6)]
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH)) + f"{'  ' * MAX_DEPTH}last: 1\n"
    _, problems = parse(deep, "x.yaml")
    assert [(p.code, p.line) for p in problems] == [("too-deep", MAX_DEPTH + 1)]


DEEP_SHAPES = [
    ("flow", "kind: issue\nx: {open}{close}\n", "[", "]", (2, 68)),
    ("flow mappings", "kind: issue\nx: {open}1{close}\n", "{a: ", "}", (2, 260)),
    ("unclosed flow", "kind: issue\nx: {open}\n", "[", "", (2, 68)),
    ("block on one line", "kind: issue\nx:\n  {open}a\n", "- ", "", (3, 129)),
]


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 999, 1_001, 5_000])
@pytest.mark.parametrize(("name", "shape", "open", "close", "where"), DEEP_SHAPES, ids=[s[0] for s in DEEP_SHAPES])
def test_too_deep_is_the_same_problem_below_and_above_libyamls_own_bound(
    name: str, shape: str, open: str, close: str, where: tuple[int, int], levels: int
) -> None:
    # libyaml 0.2.5 (PyYAML >= 6.0.2) stops at 1,000 levels with a syntax error, older ones do not: acct's own bound
    # must speak first, so that every PyYAML that pyproject allows gives this one problem (CI runs both)
    text = shape.format(open=open * levels, close=close * levels)
    assert len(text) < 32_768  # below the size at which the text is bounded before composing
    _, problems = parse(text, "x.yaml")
    assert [(p.code, p.line, p.col) for p in problems] == [("too-deep", *where)]
