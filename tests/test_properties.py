"""Properties of the loader, checked with hypothesis: whatever a file holds, `check` returns problems, never raises.

Each example mutates one file of a valid small tracker (a line deleted, two lines swapped, a value replaced,
random bytes inserted) and checks the whole tracker. Every problem it reports must name a real file, a line and
a column inside that file, and a documented code.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import unicodedata
from pathlib import Path

from conftest import AS_OF, BASE, write_tracker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountability.codes import CODES
from accountability.engine import check
from accountability.files.read import load_bytes
from accountability.model import Issue

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MUTABLE = [
    "org.yaml",
    "2023/commitments/phuong-1.yaml",
    "2023/plans/2023-05/tran-van-b.yaml",
    "2023/issues/lan-chiem-via-he.yaml",
]
YAML_BITS = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object ",
    "\t",
    '"',
    "'",
    "#",
    "---\n",
    "\ufeff",
    "\r\n",
    "2023-13-45",
    "~",
]


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(MUTABLE))
    lines = BASE[name].encode("utf-8").splitlines(keepends=True)
    how = draw(st.sampled_from(["delete", "swap", "replace-value", "insert-bytes", "insert-yaml"]))
    i = draw(st.integers(0, len(lines) - 1))
    if how == "delete":
        del lines[i]
    elif how == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif how == "replace-value":
        key, sep, _ = lines[i].partition(b":")
        value = draw(st.text(max_size=20) | st.sampled_from(YAML_BITS)).encode("utf-8", "surrogatepass")
        lines[i] = key + sep + b" " + value + b"\n" if sep else value + b"\n"
    else:
        bits = (
            draw(st.binary(min_size=1, max_size=8))
            if how == "insert-bytes"
            else draw(st.sampled_from(YAML_BITS)).encode()
        )
        at = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:at] + bits + lines[i][at:]
    return name, b"".join(lines)


@SETTINGS
@given(mutated_files())
def test_a_mutated_file_gives_positioned_problems_never_an_exception(mutation: tuple[str, bytes]) -> None:
    name, content = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tracker(Path(tmp), {name: content})
        problems = check(root, AS_OF).problems
    files = {path: (content if path == name else BASE[path].encode()) for path in BASE}
    for p in problems:
        assert p.code in CODES, p
        assert p.path in files, p
        lines = files[p.path].split(b"\n")
        assert 1 <= p.line <= len(lines), p
        assert 1 <= p.col <= len(lines[p.line - 1]) + 1, p  # a byte count bounds the character count


titles = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"), min_size=1, max_size=60
)


@SETTINGS
@given(titles, st.dates(dt.date(2023, 2, 10), dt.date(2023, 12, 31)))
def test_any_title_and_date_load_back_exactly(title: str, due: dt.date) -> None:
    """A title quoted the YAML way and any ISO date come back as written (titles in NFC)."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = BASE["2023/issues/lan-chiem-via-he.yaml"].replace(
        "title: Lấn chiếm vỉa hè tuyến Hùng Vương", f"title: {quoted}"
    )
    text = text.replace("due: 2023-10-31", f"due: {due.isoformat()}")
    for raw in (text.encode(), b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()):
        loaded = load_bytes(raw, "2023/issues/x.yaml")
        assert loaded.problems == (), loaded.problems
        assert isinstance(loaded.model, Issue)
        assert loaded.model.title == unicodedata.normalize(
            "NFC", title.strip()
        ) or loaded.model.title == unicodedata.normalize("NFC", title)
        assert loaded.model.due == due
