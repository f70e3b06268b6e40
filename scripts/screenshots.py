#!/usr/bin/env python3
"""Make the screenshots of docs/reports.md: the sample's HTML report for 2023-Q2 (in Vietnamese, as of 10 July 2023)
on a 390 px phone, on a 1280 px desktop, and the first page of it printed on A4.

Run from the project's root, with acct installed and Chromium on the PATH (`apt-get install chromium poppler-utils`):

    python scripts/screenshots.py

It writes docs/report-2023-Q2-phone.png, docs/report-2023-Q2-desktop.png and docs/report-2023-Q2-print.png, and
nothing else. The browser is driven as the tests drive it (tests/browser.py). The printed page is the PDF's first
page turned into PNG by pdftoppm; without pdftoppm it is a screenshot of the page as printed (print media, A4's
printed width), which shows the same layout without the page's margins.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from browser import Browser, chromium  # noqa: E402  (tests/ is not a package)

DOCS = PROJECT / "docs"
NAME = "report-2023-Q2"
REPORT = ("report", "2023-Q2", "--as-of", "2023-07-10", "--lang", "vi", "--format", "html")
PHONE, DESKTOP, PRINTED = (390, 1500), (1280, 1400), (643, 910)  # CSS px; 643 = A4 less its margins
PRINT_DPI = 80


def main() -> int:
    executable = chromium()
    if executable is None:
        print("Chromium is not installed: apt-get install chromium poppler-utils", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="acct-screenshots-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        command = [sys.executable, "-m", "accountability", *REPORT, "-o", str(page)]
        subprocess.run(command, cwd=PROJECT / "commitments", check=True)
        with Browser(executable) as browser:
            for (width, height), kind in ((PHONE, "phone"), (DESKTOP, "desktop")):
                browser.open(page, width, height)
                browser.screenshot(DOCS / f"{NAME}-{kind}.png")
            browser.open(page, *PRINTED, print_media=True)
            if shutil.which("pdftoppm") is None:
                browser.screenshot(DOCS / f"{NAME}-print.png")
            else:
                browser.pdf(pdf)
                first = Path(folder) / "page"
                subprocess.run(
                    ["pdftoppm", "-png", "-r", str(PRINT_DPI), "-singlefile", str(pdf), str(first)], check=True
                )
                shutil.copyfile(first.with_suffix(".png"), DOCS / f"{NAME}-print.png")
    for kind in ("phone", "desktop", "print"):
        print(f"wrote docs/{NAME}-{kind}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
