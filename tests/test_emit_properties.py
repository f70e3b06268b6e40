"""Property tests of the writing path: whatever text a person types (a title, a note, a reason), ruamel.yaml emits it
so that acct's reader gives it back as typed, and the splicer adds only the lines it writes, keeping every other byte
of an odd file (CRLF or LF, a BOM, comments, flow and block style, block scalars)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from accountability.authoring import emit, place
from accountability.files.splice import Source
from accountability.files.yamlread import parse

ODD = """\
# Kế hoạch tháng 6 — comments, quoting, flow and block style
kind: 'plan'
person: "tran-van-b"
month: '2023-06'
tasks:
  - id: t1    # the first
    title: >-
      Đo đạc
      hiện trạng
    assigned_by: nguyen-van-a
    due: 2023-06-15
  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20}
  - id: t3
    title: |
      Báo cáo

    assigned_by: ho-sy-trung
    due: 2023-06-30
# a comment at the end
"""
TEXT = st.text(min_size=1, max_size=80)
LAYOUT = st.tuples(st.sampled_from(["\n", "\r\n"]), st.booleans())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def source(newline: str, bom: bool) -> tuple[bytes, Source]:
    raw = (b"\xef\xbb\xbf" if bom else b"") + ODD.replace("\n", newline).encode("utf-8")
    return raw, Source.from_bytes(raw)


def read(source: Source) -> Any:
    data, problems = parse(source.to_bytes().decode("utf-8").removeprefix("\ufeff"), "plan.yaml")
    assert problems == [], problems
    return data


def only_added(before: bytes, after: bytes) -> bool:
    """Whether `after` is `before` with whole lines inserted, or text inserted inside one line (a flow mapping)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    kept = iter(new)
    return all(any(line == candidate for candidate in kept) for line in old) or _inside_one_line(old, new)


def _inside_one_line(old: list[bytes], new: list[bytes]) -> bool:
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    return len(old) == len(new) and len(changed) == 1


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, LAYOUT)
def test_a_task_with_any_title_and_note_reads_back_as_typed(title: str, note: str, layout: tuple[str, bool]) -> None:
    raw, text = source(*layout)
    task = {"id": "t4", "title": title, "assigned_by": "nguyen-van-a", "due": dt.date(2023, 6, 30)}
    place.append(text, (), "tasks", task)
    place.put(text, ("tasks", 3), "review", {"on": dt.date(2023, 7, 3), "quality_fails": 0, "note": note})
    assert only_added(raw, text.to_bytes())
    data = read(text)
    added = data["tasks"][3]
    assert nfc(added["title"]) == nfc(title)  # the reader normalises text to NFC, here or in the model
    assert nfc(added["review"]["note"]) == nfc(note)
    assert [t["id"] for t in data["tasks"]] == ["t1", "t2", "t3", "t4"]


@settings(max_examples=150, deadline=None)
@given(TEXT, LAYOUT, st.floats(min_value=0, max_value=30, allow_nan=False))
def test_a_review_in_a_flow_task_and_an_amendment_read_back(
    note: str, layout: tuple[str, bool], general: float
) -> None:
    raw, text = source(*layout)
    place.put(text, ("tasks", 1), "review", {"on": dt.date(2023, 7, 3), "quality_fails": 1, "note": note})
    place.put(text, (), "rating", {"on": dt.date(2023, 7, 6), "by": "nguyen-van-a", "general": general})
    entry = {"on": dt.date(2023, 7, 20), "set": emit.tree({"general": general}, flow=True), "reason": note}
    place.append(text, (), "amendments", {**entry, "approved_by": "nguyen-van-a"})
    assert text.to_bytes().startswith(raw.split(b"  - {id: t2")[0])
    data = read(text)
    assert nfc(data["tasks"][1]["review"]["note"]) == nfc(note)
    assert nfc(data["amendments"][0]["reason"]) == nfc(note)
    assert data["rating"]["general"] == data["amendments"][0]["set"]["general"] == emit.tree(general)


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXT, st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15), st.dates()))
def test_any_value_is_one_scalar_that_reads_back_in_block_and_in_flow(value: Any) -> None:
    written = emit.scalar(value)
    expected = nfc(value) if isinstance(value, str) else emit.tree(value)
    for text in (f"k: {written}\n", f"k: {{a: {written}}}\n", f"k: [{written}]\n"):
        data, problems = parse(text, "x.yaml")
        assert problems == []
        got = (
            data["k"]["a"]
            if isinstance(data["k"], dict)
            else (data["k"][0] if isinstance(data["k"], list) else data["k"])
        )
        assert (nfc(got) if isinstance(got, str) else got) == expected or (
            isinstance(got, float) and abs(got - expected) <= abs(expected) * 1e-12
        )
