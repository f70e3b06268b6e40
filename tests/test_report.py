"""acct report: a small tracker checked by hand (Markdown as a snapshot a reviewer can read, JSON field by field),
the HTML's well-formedness, figures and charts, and both languages (the HTML in a real browser: test_report_browser.py).

The hand-worked figures for the small tracker (conftest.BASE), 2023-Q2 judged on 2023-07-10, so C = 2023-06-30:
- Thu ngân sách: target 120 by 31 Dec, pace line at C = 120 × 180 / 364 = 59.3407; the last report is 58.0 → behind,
  credit 58 / 59.3407 = 0.97741; 58 / 120 = 48.33% of target, the pace at 59.3407 / 120 = 49.45%.
- Kết nạp đảng viên mới: no report → no_report, credit 0. Bàn giao mặt bằng: due 30 Sep, done after C → open, unscored.
- Score = 100 × (1 × 0.97741 + 1 × 0) / 2 = 48.87 → 48.9 → not done (below 50).
- Trần Văn B, May: task_results 70 + general 28 = 98, concluded good; over the quarter the mean 98 → excellent,
  with 0 good → at most floor(0.2 × 0) = 0 excellent → over the quota.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SAMPLE, months_of_plans, run_acct, write_tracker

from accountability import __version__

Q2 = ("report", "2023-Q2", "--as-of", "2023-07-10")
YEAR_END = ("report", "2023", "--as-of", "2024-01-15")

EXPECTED_MD = f"""# Responsibility commitments: results for Q2 2023

_As of 2023-07-10_

## 1. Phường 1

**Head:** Nguyễn Văn A · **Committed to:** Ban Thường vụ Thành ủy · **Signed:** 2023-01-16

**Score 48.9: not done (rank 1 of 1)**

Met or beaten 0/2 targets, 0 of them beaten; done 0/1 tasks; 0 of the 2 targets not yet due are on pace.

### The commitment, group by group

#### Group 1: Giải phóng mặt bằng

| Item | State | Owner | Due | Last report / target | % of target |
| --- | --- | --- | --- | --- | --- |
| Bàn giao mặt bằng tuyến Lê Lợi | in progress | Trần Văn B | 2023-09-30 |  |  |

#### Group 2: Phát triển kinh tế

| Item | State | Owner | Due | Last report / target | % of target |
| --- | --- | --- | --- | --- | --- |
| Thu ngân sách | behind pace | Nguyễn Văn A | 2023-12-31 | 58 / 120 tỷ đồng | 48.33% |

#### Group 3: Xây dựng Đảng

| Item | State | Owner | Due | Last report / target | % of target |
| --- | --- | --- | --- | --- | --- |
| Kết nạp đảng viên mới | no report | Nguyễn Văn A | 2023-12-31 | — / 10 người |  |

### Monthly ratings of the unit's people

| Person | 2023-05 | Period | Level | Concluded |
| --- | --- | --- | --- | --- |
| Trần Văn B | 98.0 good | 98.0 | excellent (proposed from scores) | 1 good |

#### Levels by month, and the quota of excellent ratings

| Month | excellent | good | done | not done | Not rated yet | Most allowed excellent (rating group) |
| --- | --- | --- | --- | --- | --- | --- |
| 2023-05 | 0 | 1 | 0 | 0 | 0 | 0 |

Concluded ratings in the period: 0 excellent, 1 good; at most 0 may be excellent

Rating group (units counted together for the quota): Phường 1, Ban Thường vụ Thành ủy

### Escalations and flags

- review now, behind pace two quarters running: Thu ngân sách

### Key issues handled by the unit

| Issue | Lead | Due | Resolved | State |
| --- | --- | --- | --- | --- |
| Lấn chiếm vỉa hè tuyến Hùng Vương | Nguyễn Văn A | 2023-10-31 |  | open |

<sub>Made with acct {__version__}.</sub>
"""


def test_markdown_of_a_small_tracker(tracker: Path) -> None:
    result = run_acct(*Q2, cwd=tracker)
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED_MD


def test_json_of_a_small_tracker_field_by_field(tracker: Path) -> None:
    report = json.loads(run_acct(*Q2, "--format", "json", cwd=tracker).stdout)
    score = json.loads(run_acct("score", "2023-Q2", "--as-of", "2023-07-10", "--format", "json", cwd=tracker).stdout)
    assert {k: report[k] for k in score} == score  # the same figures as acct score
    (section,) = report["sections"]
    assert section["unit"] == "phuong-1"
    assert section["head"] == {"id": "nguyen-van-a", "name": "Nguyễn Văn A"}
    assert section["to"] == {"id": "btv", "name": "Ban Thường vụ Thành ủy"}
    assert section["signed"] == "2023-01-16"
    items = {i["id"]: i for g in section["groups"] for i in g["items"]}
    assert (items["le-loi"]["state"], items["le-loi"]["done"]) == ("open", None)  # done 2023-09-20, after C
    revenue = items["thu-ngan-sach"]
    assert (revenue["state"], revenue["value"], revenue["reported_on"], revenue["target"], revenue["measure"]) == (
        "behind",
        58.0,
        "2023-06-30",
        120.0,
        "tỷ đồng",
    )
    assert revenue["expected"] == pytest.approx(120 * 180 / 364)
    assert (revenue["of_target"], revenue["expected_of_target"]) == (0.4833, 0.4945)
    assert (items["ket-nap"]["state"], items["ket-nap"]["value"], items["ket-nap"]["of_target"]) == (
        "no_report",
        None,
        None,
    )
    (unit,) = report["units"]
    assert (unit["score"], unit["level"]) == (48.9, "not-done")
    (person,) = section["people"]
    assert (person["person"]["id"], person["score"], person["level"], person["basis"]) == (
        "tran-van-b",
        98.0,
        "excellent",
        "proposed",
    )
    assert (person["escalation"]["misses"], person["escalation"]["step"], person["concluded_months"]) == (
        0,
        None,
        {"good": 1},
    )
    assert person["months"] == [
        {"month": "2023-05", "score": 98.0, "computed": "excellent", "concluded": "good", "provisional": False}
    ]
    # one person rated in phuong-1, fewer than 5: counted with btv, the unit above
    assert section["months"] == [
        {
            "month": "2023-05",
            "counts": {"excellent": 0, "good": 1, "done": 0, "not-done": 0, "none": 0},
            "group": {
                "month": "2023-05",
                "root": "btv",
                "units": ["btv", "phuong-1"],
                "excellent": 0,
                "good": 1,
                "allowed_excellent": 0,
                "excess": [],
                "over": False,
            },
        }
    ]
    assert unit["quota"] == {
        "excellent": 0,
        "good": 1,
        "allowed_excellent": 0,
        "over": False,
        "group": ["phuong-1", "btv"],
        "months_over": [],
    }
    assert unit["flags"] == ["review-now:thu-ngan-sach"]
    assert section["issues"] == [
        {
            "id": "lan-chiem-via-he",
            "title": "Lấn chiếm vỉa hè tuyến Hùng Vương",
            "lead": {"id": "nguyen-van-a", "name": "Nguyễn Văn A"},
            "due": "2023-10-31",
            "resolved": None,
            "state": "open",
        }
    ]
    assert report["year_end_review"] is None  # the quarter does not close the year


def test_year_end_review_lists_what_the_head_must_answer_for(tracker: Path) -> None:
    """2023 judged on 2024-01-15: Lê Lợi was never handed over → overdue; revenue 58 < 120 and no report of new
    members → both missed; score 100 × (0 + 58/120 + 0) / 3 = 16.11 → 16.1 → not done; the issue due 31 Oct is
    unresolved → overdue. The quota is not over (May's one concluded rating is good), and no one's work was left
    not completed."""
    text = run_acct(*YEAR_END, cwd=tracker).stdout
    review = text[text.index("## Year-end review") :]
    assert review.splitlines()[2:9] == [
        "**Phường 1** (Nguyễn Văn A)",
        "- the unit is rated not done",
        "- overdue: Bàn giao mặt bằng tuyến Lê Lợi (owner Trần Văn B, due 2023-09-30)",
        "- missed: Thu ngân sách (owner Nguyễn Văn A, due 2023-12-31)",
        "- missed: Kết nạp đảng viên mới (owner Nguyễn Văn A, due 2023-12-31)",
        "- key issue overdue: Lấn chiếm vỉa hè tuyến Hùng Vương (lead Nguyễn Văn A, due 2023-10-31)",
        "",
    ]
    data = json.loads(run_acct(*YEAR_END, "--format", "json", cwd=tracker).stdout)
    (entry,) = data["year_end_review"]
    assert (entry["level"], [i["id"] for i in entry["items"]], entry["clear"]) == (
        "not-done",
        ["le-loi", "thu-ngan-sach", "ket-nap"],
        False,
    )
    assert data["units"][0]["score"] == 16.1


def test_vietnamese_and_english_labels_numbers_and_dates(tracker: Path) -> None:
    vi = run_acct(*Q2, "--lang", "vi", cwd=tracker).stdout
    en = run_acct(*Q2, "--lang", "en", cwd=tracker).stdout
    assert "**Điểm 48,9: Không hoàn thành nhiệm vụ (xếp thứ 1/1)**" in vi
    assert "| Thu ngân sách | chậm tiến độ | Nguyễn Văn A | 31/12/2023 | 58 / 120 tỷ đồng | 48,33% |" in vi
    assert (
        "Đạt và vượt 0/2 chỉ tiêu, trong đó 0 chỉ tiêu vượt; hoàn thành 0/1 nhiệm vụ; 0/2 chỉ tiêu chưa đến hạn đạt tiến độ."
        in vi
    )
    assert "| Trần Văn B | 98,0 Tốt | 98,0 | Hoàn thành xuất sắc nhiệm vụ (đề xuất theo điểm) | 1 Tốt |" in vi
    assert "_Tính đến ngày 10/07/2023_" in vi
    assert "**Score 48.9: not done (rank 1 of 1)**" in en
    assert "| Thu ngân sách | behind pace | Nguyễn Văn A | 2023-12-31 | 58 / 120 tỷ đồng | 48.33% |" in en
    year_vi = run_acct(*YEAR_END, "--lang", "vi", cwd=tracker).stdout
    assert "- đơn vị xếp loại Không hoàn thành nhiệm vụ" in year_vi


def test_the_official_level_names_in_vietnamese() -> None:
    text = run_acct("report", "2023-Q2", "--as-of", "2023-07-10", "--lang", "vi", cwd=SAMPLE.parent).stdout
    for name in ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"):
        assert name in text
    assert re.search(r"\| \d+,\d{2}% \|", text)  # percentages written 103,17%
    assert (
        "Hoàn thành tốt"
        in run_acct(
            "report", "2023-H1", "--as-of", "2023-07-10", "--lang", "vi", "--format", "html", cwd=SAMPLE.parent
        ).stdout
    )


def html_of(tracker: Path, *args: str, period: str = "2023-Q2") -> tuple[str, ET.Element]:
    command = (*Q2, "--format", "html") if period == "2023-Q2" else ("report", period, "--format", "html")
    result = run_acct(*command, *args, cwd=tracker)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("<!DOCTYPE html>\n")
    return text, ET.fromstring(text.split("\n", 1)[1])  # well-formed: an XML parser accepts it


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def spans(root: ET.Element, kind: str) -> list[ET.Element]:
    return [s for s in root.iter("span") if kind in classes(s)]


def test_html_is_well_formed_self_contained_and_holds_the_figures(tracker: Path) -> None:
    text, root = html_of(tracker)
    assert "http://" not in text and "https://" not in text
    assert not root.findall(".//script") and not root.findall(".//link") and not root.findall(".//img")
    assert not list(root.iter("svg"))  # charts are HTML boxes, whose text never shrinks with a viewBox
    assert "@media print" in text and "size: A4" in text and 'name="viewport"' in text
    cells = ["".join(td.itertext()) for td in root.iter("td")]
    assert "48.33%" in cells and "58 / 120 tỷ đồng" in cells and "Lấn chiếm vỉa hè tuyến Hùng Vương" in cells
    verdicts = ["".join(s.itertext()) for s in root.iter("span") if "verdict" in classes(s)]
    assert verdicts == ["Score 48.9: not done (rank 1 of 1)"]
    # the unit scores, the levels of each unit's people, the unit's levels by month
    assert [f.get("class") for f in root.iter("figure")] == ["chart dots", "chart bars", "chart bars"]
    assert not root.findall(".//header[@class='letterhead']") and not root.findall(".//section[@class='signature']")


def test_the_score_chart_zooms_its_axis_and_says_so(tracker: Path) -> None:
    """One score, 48.9: ticks every 10 (51.1 / 10 ≤ 6 intervals), from 40 (a tick below 48.9 − 5), so the dot sits
    at (48.9 − 40) / 60 = 14.83% of the track; thresholds 50, 70, 90 at 16.67%, 50%, 83.33%."""
    _, root = html_of(tracker)
    chart = next(iter(root.iter("figure")))
    caption = "".join(chart.find("figcaption").itertext())  # type: ignore[union-attr]
    assert caption.startswith("Unit scores, Q2 2023 Each dot is a unit's score out of 100")
    assert "The axis starts at 40, not at 0" in caption and "Dashed lines: the lowest score of each level." in caption
    assert [(s.text, s.get("style")) for s in spans(chart, "tick")] == [
        ("40", "left:0%"),
        ("50", "left:16.67%"),
        ("60", "left:33.33%"),
        ("70", "left:50%"),
        ("80", "left:66.67%"),
        ("90", "left:83.33%"),
        ("100", "left:100%"),
    ]
    assert [(s.text, s.get("style")) for s in spans(chart, "mark")] == [
        ("done 50", "left:16.67%"),
        ("good 70", "left:50%"),
        ("excellent 90", "left:83.33%"),
    ]
    assert [(d.get("class"), d.get("style")) for d in spans(chart, "dot")] == [("dot level-not-done", "left:14.83%")]
    assert [s.text for s in spans(chart, "value")] == ["48.9"]


def test_the_level_charts_count_person_months_and_people(tracker: Path) -> None:
    _, root = html_of(tracker)
    overview, months = list(root.iter("figure"))[1:]
    assert "Counted in person-months" in "".join(overview.itertext())
    assert [(p.get("class"), p.get("style"), p.text) for p in spans(overview, "part")] == [
        ("part level-good", "flex-grow:1", "1")
    ]
    assert [s.text for s in spans(overview, "value")] == ["1 person-months"]
    assert "Counted in people" in "".join(months.itertext())
    assert [(s.text, v.text) for s, v in zip(spans(months, "name"), spans(months, "value"), strict=True)] == [
        ("2023-05", "1 rated")
    ]


def test_progress_bars_place_the_value_the_target_and_the_pace(tracker: Path) -> None:
    """Thu ngân sách: 58 / 120 = 48.33% → 48.33 / 150 = 32.22% of the track; the pace 59.3407 / 120 / 1.5 =
    32.97%; the target at 100 / 150 = 66.67%. Kết nạp: no report, so no fill, and the same pace."""
    _, root = html_of(tracker)
    bars = spans(root, "progress")
    assert [b.get("aria-label") for b in bars] == [
        "Thu ngân sách: 58 / 120 tỷ đồng (48.33%)",
        "Kết nạp đảng viên mới: — / 10 người (no report)",
    ]
    assert [[(c.get("class"), c.get("style")) for c in b] for b in bars] == [
        [("fill level-done", "width:32.22%"), ("target", "left:66.67%"), ("pace", "left:32.97%")],
        [("target", "left:66.67%"), ("pace", "left:32.97%")],
    ]


def test_every_cell_is_labelled_for_the_narrow_layout(tracker: Path) -> None:
    """On a phone each row is a card: each cell shows its column's name (data-label), the lead cell heads it."""
    _, root = html_of(tracker)
    rows = 0
    for table in root.iter("table"):
        header = ["".join(th.itertext()) for th in table.iter("th")]
        for row in table.iterfind("tbody/tr"):
            assert [td.get("data-label") for td in row] == header
            assert sum("lead" in classes(td) for td in row) == 1
            rows += 1
    assert rows == 1 + 3 + 1 + 1 + 1  # the overview, the items, the ratings, the months, the issues
    revenue = next(td for td in root.iter("td") if td.text == "48.33%")
    assert revenue.get("data-label") == "% of target"


def test_ratings_over_more_than_six_months_print_on_a_landscape_page(tmp_path: Path) -> None:
    write_tracker(tmp_path, months_of_plans(range(1, 8)))
    _, root = html_of(tmp_path, "--as-of", "2023-09-10", period="2023")
    (landscape,) = [d for d in root.iter("div") if classes(d) == ["landscape"]]
    assert [h.text for h in landscape.iter("h3")] == ["Monthly ratings of the unit's people"]
    assert len(next(landscape.iter("tr"))) == 1 + 7 + 3  # the person, 7 months, the period, the level, concluded
    (tmp_path / "2023/plans/2023-07/tran-van-b.yaml").unlink()
    _, six = html_of(tmp_path, "--as-of", "2023-09-10", period="2023")
    assert not [d for d in six.iter("div") if "landscape" in classes(d)]


def test_output_file_is_written_and_stdout_stays_empty(tracker: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = run_acct(*Q2, "--format", "html", "-o", str(out), cwd=tracker)
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == html_of(tracker)[0]


def test_unit_option_and_bad_input(tracker: Path) -> None:
    assert run_acct(*Q2, "--unit", "nowhere", cwd=tracker).returncode == 2
    assert run_acct("report", "2023-Q5", cwd=tracker).returncode == 2
    (tracker / "org.yaml").write_text("kind: org\nunits: [\n", encoding="utf-8")
    broken = run_acct(*Q2, cwd=tracker)
    assert broken.returncode == 1 and "org.yaml" in broken.stderr + broken.stdout and "Traceback" not in broken.stderr


def test_the_whole_sample_opens_with_the_ranked_overview() -> None:
    data = json.loads(run_acct(*Q2, "--format", "json", cwd=SAMPLE.parent).stdout)
    assert [s["unit"] for s in data["sections"]] == [u["unit"] for u in data["units"]]
    text = run_acct(*Q2, cwd=SAMPLE.parent).stdout
    assert text.index("## Overview: every unit ranked") < text.index("## 1. ")
    assert "| 9 | Phường 1 | 84.3 | good |" in text


def test_a_language_without_a_catalogue_is_refused_where_it_is_named(tracker: Path) -> None:
    assert run_acct(*Q2, "--lang", "fr", cwd=tracker).returncode == 2
    (tracker / "acct.yaml").write_text("acct: 1\nlanguage: fr\n", encoding="utf-8")
    result = run_acct("check", "--as-of", "2023-07-10", cwd=tracker)
    assert result.returncode == 1
    assert (
        "acct.yaml:2:11: error: [invalid-value] language 'fr' is not available; choose one of: en, vi" in result.stdout
    )
    (tracker / "acct.yaml").write_text("acct: 1\nlanguage: vi\n", encoding="utf-8")
    assert "**Điểm 48,9: Không hoàn thành nhiệm vụ (xếp thứ 1/1)**" in run_acct(*Q2, cwd=tracker).stdout  # the default


def test_each_step_of_escalation_carries_its_evidence_nested_under_it(tmp_path: Path) -> None:
    # Nguyễn Văn A's task of May, due 25 May, is still not done after May's review deadline, 5 June: his first time
    # in 2023, so step 1.
    missed = (
        "kind: plan\nperson: nguyen-van-a\nmonth: 2023-05\ntasks:\n  - id: t1\n    title: Báo cáo tiến độ\n"
        "    assigned_by: ho-sy-trung\n    due: 2023-05-25\n"
    )
    root = write_tracker(tmp_path, {"2023/plans/2023-05/nguyen-van-a.yaml": missed})
    text = run_acct(*Q2, cwd=root).stdout
    assert (
        "- Nguyễn Văn A: 1 time assigned work was not completed in 2023 → step 1: reminder\n"
        "  - 2023-05: «Báo cáo tiến độ» due 2023-05-25, not done by 2023-06-05 (2023/plans/2023-05/nguyen-van-a.yaml:5)\n"
    ) in text
    html = run_acct(*Q2, "--format", "html", cwd=root).stdout
    assert (
        "<li>Nguyễn Văn A: 1 time assigned work was not completed in 2023 → step 1: reminder"
        '<ul class="evidence"><li>2023-05: «Báo cáo tiến độ» due 2023-05-25, not done by 2023-06-05 '
        "(2023/plans/2023-05/nguyen-van-a.yaml:5)</li></ul></li>"
    ) in html
