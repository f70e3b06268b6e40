"""Words, not codes: periods named as people name them, amendments as sentences, flags naming their items by title
(issue 16, point 3), in both languages through the catalogue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import COMMITMENT, run_acct, write_tracker

from accountability.i18n import Messages
from accountability.periods import parse_period
from accountability.queries.committee import AmendmentLine, Named
from accountability.render.report_text import change
from accountability.render.score_words import flag_words


@pytest.mark.parametrize(
    ("period", "english", "vietnamese"),
    [
        ("2023", "2023", "năm 2023"),
        ("2023-H1", "first half of 2023", "6 tháng đầu năm 2023"),
        ("2023-H2", "second half of 2023", "6 tháng cuối năm 2023"),
        ("2023-Q1", "Q1 2023", "quý I năm 2023"),
        ("2023-Q2", "Q2 2023", "quý II năm 2023"),
        ("2023-Q3", "Q3 2023", "quý III năm 2023"),
        ("2023-Q4", "Q4 2023", "quý IV năm 2023"),
        ("2023-05", "May 2023", "tháng 5/2023"),
        ("2023-12", "December 2023", "tháng 12/2023"),
        ("2023-04-10..2023-06-30", "10 Apr 2023 to 30 Jun 2023", "từ 10/04/2023 đến 30/06/2023"),
    ],
)
def test_a_period_is_named_as_people_name_it(period: str, english: str, vietnamese: str) -> None:
    parsed = parse_period(period)
    assert (Messages("en").period(parsed), Messages("vi").period(parsed)) == (english, vietnamese)


def test_the_report_and_its_chart_name_the_period(tracker: Path) -> None:
    text = run_acct("report", "2023-H1", "--as-of", "2023-07-10", "--lang", "vi", cwd=tracker).stdout
    assert text.startswith("# Báo cáo kết quả thực hiện cam kết trách nhiệm 6 tháng đầu năm 2023\n")
    html = run_acct("report", "2023-05", "--as-of", "2023-07-10", "--format", "html", cwd=tracker).stdout
    assert "<h1>Responsibility commitments: results for May 2023</h1>" in html
    assert "Unit scores, May 2023" in html


AMENDED = COMMITMENT.replace("        due: 2023-09-30\n", "        due: 2023-10-31\n", 1) + (
    "amendments:\n"
    "  - {on: 2023-03-01, item: thu-ngan-sach, set: {target: {value: 120, unit: tỷ đồng}}, approved_by: btv}\n"
    "  - on: 2023-04-03\n"
    "    item: le-loi\n"
    "    set: {due: 2023-10-31, owner: tran-van-b}\n"
    "    reason: Chờ phê duyệt phương án bồi thường\n"
    "    approved_by: ho-sy-trung\n"
    "  - {on: 2023-05-02, item: ket-nap, set: {weight: 2, milestones: [{by: 2023-06-30, value: 4}]}, approved_by: btv}\n"
)


def test_amendments_read_as_sentences_in_both_languages(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {"2023/commitments/phuong-1.yaml": AMENDED})
    english = run_acct("report", "2023-Q2", "--as-of", "2023-07-10", cwd=root).stdout
    vietnamese = run_acct("report", "2023-Q2", "--as-of", "2023-07-10", "--lang", "vi", cwd=root).stdout
    amended = [line for line in english.splitlines() if line.startswith("> ")]
    assert amended == [
        "> Amended on 2023-04-03: due date changed to 2023-10-31; owner changed to Trần Văn B; approved by Hồ Sỹ Trung "
        "(reason: Chờ phê duyệt phương án bồi thường)  ",
        "> Amended on 2023-03-01: target changed to 120 tỷ đồng; approved by Ban Thường vụ Thành ủy  ",
        "> Amended on 2023-05-02: weight changed to 2; milestones set to 4 by 2023-06-30; approved by Ban Thường vụ "
        "Thành ủy  ",
    ]
    assert [line for line in vietnamese.splitlines() if line.startswith("> ")] == [
        "> Điều chỉnh ngày 03/04/2023: thời hạn điều chỉnh thành 31/10/2023; chuyển người chịu trách nhiệm sang "
        "Trần Văn B; cấp phê duyệt: Hồ Sỹ Trung (lý do: Chờ phê duyệt phương án bồi thường)  ",
        "> Điều chỉnh ngày 01/03/2023: chỉ tiêu điều chỉnh thành 120 tỷ đồng; cấp phê duyệt: Ban Thường vụ Thành ủy  ",
        "> Điều chỉnh ngày 02/05/2023: trọng số điều chỉnh thành 2; mốc tiến độ điều chỉnh thành 4 đến ngày "
        "30/06/2023; cấp phê duyệt: Ban Thường vụ Thành ủy  ",
    ]
    report = run_acct("report", "2023-Q2", "--as-of", "2023-07-10", "--format", "json", cwd=root).stdout
    assert '"set": {\n' in report and '"owner": "tran-van-b"' in report  # JSON keeps what the file says


def test_a_lowered_target_says_lower_is_better_and_a_removed_item_is_said_so() -> None:
    line = AmendmentLine(dt.date(2023, 7, 1), {}, None, Named("btv", "Ban Thường vụ"))
    vi = Messages("vi")
    assert change(line, "target", {"value": 40, "unit": "vụ", "direction": "down"}, vi) == (
        "chỉ tiêu điều chỉnh thành 40 vụ, càng thấp càng tốt"
    )
    assert change(line, "removed", True, vi) == "đưa nội dung ra khỏi bản cam kết"
    assert change(line, "measure", "level", Messages("en")) == "measured as a level (a rate or share)"


def test_a_flag_names_its_items_by_title_and_tells_apart_two_flagged_items_of_one_title() -> None:
    # c shares its title with d, which no flag names: "Thu ngân sách" is not ambiguous among the items flagged
    titles = {"a": "Chỉ tiêu tổng hợp", "b": "Chỉ tiêu tổng hợp", "c": "Thu ngân sách", "d": "Thu ngân sách"}
    flags = ["review-now:a", "review-now:c", "no-report:b", "review-now:gone"]
    assert flag_words(flags, titles, Messages("en")) == [
        "review now, behind pace two quarters running: Chỉ tiêu tổng hợp (a), Thu ngân sách, gone",
        "no report: Chỉ tiêu tổng hợp (b)",
    ]
