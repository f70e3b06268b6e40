"""The report issued as a document: acct.yaml's `document:` (heading and signature block), and the score axis of
the HTML report's chart, worked out by hand."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import SAMPLE, problems_of, run_acct, write_tracker
from hypothesis import given
from hypothesis import strategies as st

from accountability.render.charts import score_axis

Q2 = ("report", "2023-Q2", "--as-of", "2023-07-10", "--format", "html")

DOCUMENT = """\
acct: 1
document:
  issuer: THÀNH ỦY ĐÔNG HÀ
  place: Đông Hà
  signer_title: BÍ THƯ
  signer: Lê Quang Thịnh
"""


def parts(html: str, tag: str, kind: str) -> list[list[str]]:
    """The text of each <p> or <li> inside each `tag` of class `kind`."""
    root = ET.fromstring(html.split("\n", 1)[1])
    return [
        ["".join(e.itertext()) for e in found.iter() if e.tag in ("p", "li")]
        for found in root.iter(tag)
        if found.get("class") == kind
    ]


def test_the_sample_report_carries_the_official_heading_and_the_signature() -> None:
    html = run_acct(*Q2, "--lang", "vi", cwd=SAMPLE.parent).stdout
    assert parts(html, "header", "letterhead") == [
        [
            "ĐẢNG BỘ TỈNH QUẢNG TRỊ",
            "THÀNH ỦY ĐÔNG HÀ",
            "*",
            "Số 125-BC/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Đông Hà, ngày 10 tháng 7 năm 2023",  # the report's as-of date
        ]
    ]
    assert parts(html, "section", "signature") == [
        [
            "Nơi nhận:",
            "- Ban Thường vụ Tỉnh ủy (để báo cáo),",
            "- Các đồng chí Thành ủy viên,",
            "- Các chi bộ, đảng bộ trực thuộc,",
            "- Lưu Văn phòng Thành ủy.",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "",  # the space to sign in
            "Lê Quang Thịnh",
        ]
    ]
    assert html.index('class="signature"') > html.rindex('class="unit"')  # at the end, after the last unit


def test_the_least_heading_a_set_date_and_the_english_date(tmp_path: Path) -> None:
    """Only the required keys: no parent, number, motto or recipients. A set date is written with the leading zeros
    of administrative documents: a day below 10, and the months 1 and 2."""
    write_tracker(tmp_path, {"acct.yaml": DOCUMENT + "  date: 2023-02-05\n"})
    html = run_acct(*Q2, "--lang", "vi", cwd=tmp_path).stdout
    assert parts(html, "header", "letterhead") == [["THÀNH ỦY ĐÔNG HÀ", "*", "Đông Hà, ngày 05 tháng 02 năm 2023"]]
    assert parts(html, "section", "signature") == [["BÍ THƯ", "", "Lê Quang Thịnh"]]
    english = run_acct(*Q2, "--lang", "en", cwd=tmp_path).stdout
    assert parts(english, "header", "letterhead")[0][-1] == "Đông Hà, 2023-02-05"
    write_tracker(tmp_path, {"acct.yaml": DOCUMENT + "  date: 2023-11-30\n"})
    assert "Đông Hà, ngày 30 tháng 11 năm 2023" in run_acct(*Q2, "--lang", "vi", cwd=tmp_path).stdout


def test_a_tracker_without_a_document_has_no_heading_or_signature(tracker: Path) -> None:
    html = run_acct(*Q2, cwd=tracker).stdout
    assert parts(html, "header", "letterhead") == [] and parts(html, "section", "signature") == []
    assert '<header class="title">' in html


def test_a_wrong_document_is_a_problem_at_its_key(tmp_path: Path) -> None:
    missing = "acct: 1\ndocument:\n  issuer: X\n"
    assert problems_of(tmp_path, {"acct.yaml": missing}) == [
        ("acct.yaml", 3, 3, "missing-key"),  # place
        ("acct.yaml", 3, 3, "missing-key"),  # signer
        ("acct.yaml", 3, 3, "missing-key"),  # signer_title
    ]
    misspelt = DOCUMENT + "  signer_name: Y\n"
    assert problems_of(tmp_path, {"acct.yaml": misspelt}) == [("acct.yaml", 7, 3, "unknown-key")]
    bad = DOCUMENT.replace("BÍ THƯ", '[""]') + "  date: 05/02/2023\n"
    assert problems_of(tmp_path, {"acct.yaml": bad}) == [
        ("acct.yaml", 5, 18, "invalid-value"),  # the "" inside [""]
        ("acct.yaml", 7, 9, "invalid-date"),
    ]
    listed = DOCUMENT.replace("BÍ THƯ", "[T/M BAN THƯỜNG VỤ, BÍ THƯ]") + "  motto: [A, B]\n"
    assert problems_of(tmp_path, {"acct.yaml": listed}) == []


def test_the_score_axis_by_hand() -> None:
    """The smallest tick step in 1, 2, 5, 10, 20 that spans the lowest score to 100 in at most 6 steps; the axis
    starts at the step below (lowest − step / 2), and at 0 when that is below one step."""
    cases = {
        (96.0, 100.0): (95, 1),  # 4 / 1 ≤ 6; floor(95.5) = 95: the 96–100 spread fills the track
        (85.5, 100.0): (80, 5),  # 14.5 / 2 > 6, 14.5 / 5 ≤ 6; floor(83 / 5) × 5 = 80
        (48.9,): (40, 10),  # 51.1 / 10 ≤ 6; floor(43.9 / 10) × 10 = 40
        (25.0, None): (0, 20),  # 75 / 20 ≤ 6; floor(15 / 20) × 20 = 0
        (35.0,): (20, 20),  # floor(25 / 20) × 20 = 20
        (100.0,): (99, 1),
        (None,): (0, 20),  # no score at all: the whole scale
    }
    for scores, (low, step) in cases.items():
        axis = score_axis(list(scores))
        assert (axis.low, axis.step) == (low, step), scores
    assert score_axis([96.0]).ticks == [95, 96, 97, 98, 99, 100]
    assert (score_axis([96.0]).at(96.0), score_axis([96.0]).at(99.4)) == ("20%", "88%")


@given(st.lists(st.floats(min_value=0, max_value=100) | st.none(), max_size=30))
def test_every_score_falls_on_an_axis_of_at_most_eight_round_ticks(scores: list[float | None]) -> None:
    axis = score_axis(scores)
    assert 2 <= len(axis.ticks) <= 8 and axis.ticks[-1] == 100  # 6 steps, and 1.5 more below the lowest score
    assert all(tick % axis.step == 0 for tick in axis.ticks)
    assert all(axis.low <= s for s in scores if s is not None)
    assert all(0 <= float(axis.at(s).rstrip("%")) <= 100 for s in scores if s is not None)
