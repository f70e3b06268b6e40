"""acct report: a small tracker checked by hand (Markdown as a snapshot a reviewer can read, JSON field by field),
the HTML's well-formedness and figures, both languages, and the sample tracker's HTML rendered in a real browser.

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
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from conftest import SAMPLE, run_acct

from accountability import __version__

Q2 = ("report", "2023-Q2", "--as-of", "2023-07-10")
YEAR_END = ("report", "2023", "--as-of", "2024-01-15")

EXPECTED_MD = f"""# Responsibility commitments: results for 2023-Q2

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


def test_catalogues_hold_the_same_keys() -> None:
    folder = Path(__import__("accountability.i18n", fromlist=["x"]).__file__).parent
    catalogues = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    assert set(catalogues) >= {"en", "vi"}
    keys = {lang: set(c) for lang, c in catalogues.items()}
    assert all(k == keys["en"] for k in keys.values()), {lang: keys["en"] ^ k for lang, k in keys.items()}


def html_of(tracker: Path, *args: str) -> tuple[str, ET.Element]:
    result = run_acct(*Q2, "--format", "html", *args, cwd=tracker)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("<!DOCTYPE html>\n")
    return text, ET.fromstring(text.split("\n", 1)[1])  # well-formed: an XML parser accepts it


def test_html_is_well_formed_self_contained_and_holds_the_figures(tracker: Path) -> None:
    text, root = html_of(tracker)
    assert "http://" not in text and "https://" not in text
    assert not root.findall(".//script") and not root.findall(".//link") and not root.findall(".//img")
    assert "@media print" in text and "size: A4" in text and 'name="viewport"' in text
    cells = ["".join(td.itertext()) for td in root.iter("td")]
    assert "48.33%" in cells and "58 / 120 tỷ đồng" in cells and "Lấn chiếm vỉa hè tuyến Hùng Vương" in cells
    verdicts = ["".join(s.itertext()) for s in root.iter("span") if "verdict" in s.get("class", "")]
    assert verdicts == ["Score 48.9: not done (rank 1 of 1)"]
    charts = list(root.iter("svg"))
    # the unit scores, the levels of each unit, the levels by month, and a progress bar per indicator (2)
    assert len(charts) == 5
    bars = [r for r in charts[0].iter("rect") if r.get("fill") == "#c62828"]  # not-done red
    assert [float(b.get("width", 0)) for b in bars] == [pytest.approx(48.9 * (640 - 200 - 56) / 100)]


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


# ---------------------------------------------------------------------------------------------------------------
# a real browser


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB rows of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        idat += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 4 if colour == 6 else 3
    raw, rows, previous = zlib.decompress(idat), [], bytearray(width * size)
    stride = width * size + 1
    for y in range(height):
        kind, line = raw[y * stride], bytearray(raw[y * stride + 1 : (y + 1) * stride])
        for i in range(len(line)):
            a = line[i - size] if i >= size else 0
            b, c = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if size == 3 else bytes(v for j in range(0, len(line), 4) for v in line[j : j + 3]))
        previous = line
    return width, height, rows


@pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
)
def test_the_sample_report_renders_in_a_real_browser(tmp_path: Path) -> None:
    browser = chromium()
    assert browser, "CI must install chromium (see .ci/run)"
    page, shot = tmp_path / "report.html", tmp_path / "report.png"
    assert run_acct(*Q2, "--format", "html", "-o", str(page), cwd=SAMPLE.parent).returncode == 0
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1100,2200",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1100, 2200)
    counts = {"track": 0, "good": 0}
    wanted = {bytes.fromhex("eeeeee"): "track", bytes.fromhex("5aa469"): "good"}
    for row in rows:
        for x in range(0, len(row), 3):
            name = wanted.get(row[x : x + 3])
            if name:
                counts[name] += 1
    # The charts' grey track and the "good" green fill tens of thousands of pixels; without the SVGs drawn, only
    # the few small badges would show any green and no pixel would be #eeeeee.
    assert counts["track"] > 20_000, counts
    assert counts["good"] > 20_000, counts


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
