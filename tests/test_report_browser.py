"""The sample's HTML report in a real browser (headless Chromium): on a 390 px phone, on a 1280 px desktop, and
printed to PDF. Measured in the browser, on a page laid out as a person would see it.

CI installs Chromium and poppler-utils (.ci/run) and sets CI, so there these tests can never be skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import A4, Browser, chromium, pdf_pages
from conftest import SAMPLE, months_of_plans, run_acct, write_tracker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium() is None and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
    ),
]

UNITS = 10  # the sample's units, each on its own pages in print
PRINTED_WIDTH = 643  # A4's 210 mm less the print style sheet's margins, 25 and 15 mm: 170 mm = 642.5 CSS px
MONTHS_CHART = "Số cán bộ theo mức xếp loại, từng tháng."


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    args = ("report", "2023-Q2", "--as-of", "2023-07-10", "--lang", "vi", "--format", "html", "-o", str(out))
    assert run_acct(*args, cwd=SAMPLE.parent).returncode == 0
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    assert executable, "CI must install chromium (see .ci/run)"
    with Browser(executable) as opened:
        yield opened


def assert_reads_at(measured: dict[str, Any], width: int) -> None:
    assert (measured["clientWidth"], measured["scrollWidth"]) == (width, width)  # no sideways scroll of the page
    assert measured["wide"] == [] and measured["scrollingTables"] == 0  # nothing sticks out, no table scrolls
    assert measured["chartTexts"] > 200  # every label, tick and value of the charts was measured
    assert measured["smallestChartText"] >= 11
    one_word_lines = [t["text"] for t in measured["titles"] if t["words"] >= 3 and t["lines"] > (t["words"] + 1) // 2]
    assert one_word_lines == []  # no item title or unit name wraps one or two words per line


def colour_counts(png: bytes, colours: dict[str, str]) -> dict[str, int]:
    counts = dict.fromkeys(colours, 0)
    wanted = {bytes.fromhex(hex_): name for name, hex_ in colours.items()}
    for row in png_pixels(png)[2]:
        for x in range(0, len(row), 3):
            name = wanted.get(row[x : x + 3])
            if name:
                counts[name] += 1
    return counts


def test_on_a_phone(page: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(page, 390, 844)
    assert_reads_at(browser.measure(), 390)
    shot = tmp_path / "phone.png"
    browser.screenshot(shot)
    width, height, _ = png_pixels(shot.read_bytes())
    assert (width, height) == (390, 844)
    # the score chart's tracks and its dots are drawn in the first screen, under the heading
    counts = colour_counts(shot.read_bytes(), {"track": "eeeeee", "excellent": "1b7f3b"})
    assert counts["track"] > 2_000 and counts["excellent"] > 500, counts


def test_on_a_desktop(page: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(page, 1280, 2000)
    assert_reads_at(browser.measure(), 1280)
    shot = tmp_path / "desktop.png"
    browser.screenshot(shot)
    # the score chart's tracks, and the levels chart's "good" bars, which fill most of each unit's bar
    counts = colour_counts(shot.read_bytes(), {"track": "eeeeee", "good": "5aa469"})
    assert counts["track"] > 20_000 and counts["good"] > 20_000, counts


def test_printed_on_a4_with_the_heading_and_the_signature(page: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(page, PRINTED_WIDTH, 900, print_media=True)  # laid out as on paper: nothing cut off at the edge
    assert_reads_at(browser.measure(), PRINTED_WIDTH)
    pdf = tmp_path / "report.pdf"
    browser.pdf(pdf)
    sizes = pdf_pages(pdf.read_bytes())
    assert len(sizes) > UNITS and all(
        w == pytest.approx(A4[0], abs=1) and h == pytest.approx(A4[1], abs=1) for w, h in sizes
    )
    if shutil.which("pdftotext") is None and not os.environ.get("CI"):
        pytest.skip("pdftotext is not installed (CI installs poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    first, last = " ".join(pages[0].split()), " ".join(pages[-2].split())  # the text ends with a form feed
    for words in ("THÀNH ỦY ĐÔNG HÀ", "Số 125-BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Hà, ngày 10 tháng 7 năm 2023"):
        assert words in first
    for words in ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Quang Thịnh", "Nơi nhận:"):
        assert words in last
    starts = [p.split("\n", 1)[0].strip() for p in pages if p.strip()]
    assert [s for s in starts if s.startswith(tuple(f"{n}. " for n in range(1, 10)))] == [
        "1. Ban Tổ chức Thành ủy (đồng hạng 1)",
        "1. Phòng Tài chính – Kế hoạch (đồng hạng 1)",
        "1. Phường Đông Thanh (đồng hạng 1)",
        "1. Văn phòng Thành ủy (đồng hạng 1)",
        "5. Công an thành phố",
        "6. Phường 5",
        "7. Phường Đông Lương",
        "8. Phường Đông Lễ",
        "9. Phường 1",
    ]  # each unit starts a page
    # no chart is cut across two pages: each unit's chart of levels by month has its 3 months on its caption's page
    charts = [p.split(MONTHS_CHART, 1)[1] for p in pages if MONTHS_CHART in p]
    assert len(charts) == UNITS and all(len(re.findall(r" người$", c, re.M)) == 3 for c in charts), charts


def test_ratings_over_seven_months_print_on_a_landscape_page(browser: Browser, tmp_path: Path) -> None:
    write_tracker(tmp_path, months_of_plans(range(1, 8)))
    page = tmp_path / "report.html"
    assert (
        run_acct(
            "report", "2023", "--as-of", "2023-09-10", "--format", "html", "-o", str(page), cwd=tmp_path
        ).returncode
        == 0
    )
    browser.open(page, 1280, 900, print_media=True)
    pdf = tmp_path / "report.pdf"
    browser.pdf(pdf)
    portrait, landscape = pytest.approx(A4, abs=1), pytest.approx(A4[::-1], abs=1)
    orientations = [
        "portrait" if size == portrait else "landscape" if size == landscape else size
        for size in pdf_pages(pdf.read_bytes())
    ]
    assert "landscape" in orientations and set(orientations) == {"portrait", "landscape"}, orientations


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
