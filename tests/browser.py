"""Headless Chromium for the HTML report's tests and for scripts/screenshots.py, driven over the DevTools protocol.

One browser process serves a whole run: `Browser.open` lays the page out at a width as a phone or a desktop would
(device metrics emulated, since headless windows are never narrower than 500 px), `measure` runs a script in the
page (the report itself has none and must keep none), `screenshot` takes a PNG and `pdf` prints the page as a user
would, with the page size and margins of its print style sheet. The protocol goes over a pipe (fds 3 and 4, as
`--remote-debugging-pipe` wants), so no port is opened and nothing but the standard library is needed.
"""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
A4 = (595.0, 842.0)  # points; Chromium writes 594.96 × 841.92
TIMEOUT = 60.0

MEASURE = """(() => {
  const root = document.documentElement;
  const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const sizes = [...document.querySelectorAll("figure.chart, figure.chart *, svg text")]
    .filter((el) => ownText(el) && el.getClientRects().length)
    .map((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM ? el.getScreenCTM().a : 1));
  const wide = [...document.querySelectorAll("body *:not(thead, thead *)")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map((el) => `${el.tagName}.${el.className}`);
  const cells = [...document.querySelectorAll("td")].filter((td) => td.firstChild && td.firstChild.nodeType === 3);
  const titles = cells.map((td) => {
    const range = document.createRange();
    range.selectNodeContents(td.firstChild);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return {text: td.firstChild.textContent, words: td.firstChild.textContent.trim().split(/\\s+/).length, lines: tops.size};
  });
  const scrolling = [...document.querySelectorAll(".table-wrap")].filter((w) => w.scrollWidth > w.clientWidth + 0.5);
  return {
    clientWidth: root.clientWidth, scrollWidth: root.scrollWidth, wide: wide.slice(0, 5), chartTexts: sizes.length,
    smallestChartText: Math.min(...sizes), titles, scrollingTables: scrolling.length, height: root.scrollHeight,
  };
})()"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Browser:
    """A headless Chromium with one tab, over the DevTools protocol; use it as a context manager."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="acct-chromium-")
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()
        self._process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),  # kept open in the child after _pipe_fds put the pipes there
            preexec_fn=lambda: _pipe_fds(to_browser, from_browser),  # noqa: PLW1509
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._events, self._next = b"", [], 0
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._call("Page.enable", session=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            self._process.kill()
        self._process.wait(timeout=TIMEOUT)
        os.close(self._in)
        os.close(self._out)
        self._profile.cleanup()

    def open(self, page: Path, width: int, height: int, print_media: bool = False) -> None:
        """Load `page` in a viewport `width` × `height` CSS px; a width under 600 is a phone (touch, mobile)."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
        self._call("Emulation.setDeviceMetricsOverride", metrics, session=True)
        self._call("Emulation.setEmulatedMedia", {"media": "print" if print_media else ""}, session=True)
        self._events.clear()
        self._call("Page.navigate", {"url": page.as_uri()}, session=True)
        self._wait("Page.loadEventFired")

    def measure(self) -> dict[str, Any]:
        """What MEASURE finds in the open page: overflow, the chart text's rendered size, how titles wrap."""
        reply = self._call("Runtime.evaluate", {"expression": MEASURE, "returnByValue": True}, session=True)
        return reply["result"]["value"]

    def screenshot(self, out: Path, top: int = 0, height: int | None = None) -> None:
        """A PNG of the viewport, or of `height` px of the page from `top` down."""
        options: dict[str, Any] = {"format": "png"}
        if height is not None:
            width = self.measure()["clientWidth"]
            options |= {"clip": {"x": 0, "y": top, "width": width, "height": height, "scale": 1}}
            options["captureBeyondViewport"] = True
        out.write_bytes(base64.b64decode(self._call("Page.captureScreenshot", options, session=True)["data"]))

    def pdf(self, out: Path) -> None:
        """The open page printed, with the paper size and margins its print style sheet asks for."""
        options = {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}
        out.write_bytes(base64.b64decode(self._call("Page.printToPDF", options, session=True)["data"]))

    def _call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply)

    def _wait(self, event: str) -> None:
        while not any(e.get("method") == event for e in self._events):
            self._events.append(self._read())

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise TimeoutError(f"Chromium said nothing for {TIMEOUT:g} s")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RuntimeError(f"Chromium closed the pipe (exit code {self._process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)


def _pipe_fds(reading: int, writing: int) -> None:
    """In the child, before Chromium starts: its end of each pipe at fd 3 (commands in) and fd 4 (replies out)."""
    reading, writing = os.dup(reading), os.dup(writing)  # above 4, so that neither dup2 below overwrites the other
    os.dup2(reading, 3)
    os.dup2(writing, 4)


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The width and height, in points, of each page of a PDF whose page objects are not compressed (Chromium's)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]
