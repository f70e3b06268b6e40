"""Time acct on a synthetic tracker, each run a whole process: python benchmarks/run.py --size district.

Generates the tracker into a temporary folder (or uses --tracker DIR), then times with the installed `acct`:
check cold (the cache removed before each run), check --no-cache, check warm, check after editing one plan file,
score warm, and a naive baseline: the same files read with ruamel.yaml's round-trip loader and validated with
the same models, in one process, without a cache. The baseline is slow, so it is timed on a fixed sample of files
and scaled to the whole tracker by bytes; the output says so. Every figure is the median of --runs runs.

Needs acct installed (ruamel.yaml, for the baseline, comes with it): pip install -e .. Writes the results into docs/performance.md,
between markers for the size, so that the rest of that page is left as written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SIZES, YEAR

from accountability import __version__
from accountability.files.discover import CONFIG_NAME, tracker_files
from accountability.files.validate import validate_document

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = f"{YEAR + 1}-03-01"  # a fixed judging date, after the whole generated year
TARGETS_COLD, TARGETS_WARM, WARM_LIMIT, EDIT_LIMIT, RSS_LIMIT_MB = 30, 300, 2.0, 1.5, 1536


@dataclass
class Row:
    name: str
    seconds: float  # the median
    runs: list[float]
    rss_mb: float | None  # the largest peak RSS of one process over the runs (a worker's, if larger)
    note: str = ""


def acct_command() -> str:
    beside = Path(sys.executable).parent / "acct"
    found = str(beside) if beside.exists() else shutil.which("acct")
    if not found:
        sys.exit("the acct command is not installed; run: pip install -e .")
    return found


def bytecode_env(folder: Path) -> dict[str, str]:
    """acct's environment: compiled bytecode kept (in `folder`, not in the checkout), as in any installed program."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


ENV: dict[str, str] = {}  # acct's environment, set once by main()


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process; wait4 gives this child's own resource usage."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=ENV or None, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {proc.returncode}:\n{errors}")
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def measure(name: str, command: list[str], root: Path, runs: int, before: Callable[[int], None] | None = None) -> Row:
    times, peak = [], 0.0
    for i in range(runs):
        if before:
            before(i)
        seconds, rss = run_once(command, root)
        times.append(seconds)
        peak = max(peak, rss)
    print(f"  {name}: {statistics.median(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return Row(name, statistics.median(times), times, peak)


def baseline(root: Path, paths: list[str], sample_size: int, runs: int, total_bytes: int) -> Row:
    """ruamel.yaml's round-trip loader + the same models, one process, no cache: timed on a fixed sample."""
    try:
        from ruamel.yaml import YAML
    except ImportError:
        sys.exit("the baseline needs ruamel.yaml: pip install -e .")
    sample = sorted(random.Random(0).sample(paths, min(sample_size, len(paths))))
    sample_bytes = sum((root / path).stat().st_size for path in sample)
    times = []
    for _ in range(runs):
        yaml = YAML(typ="rt")
        start = time.perf_counter()
        problems = 0
        for path in sample:
            data = yaml.load((root / path).read_bytes().decode("utf-8"))
            problems += len(validate_document(data, path, is_config=path == CONFIG_NAME)[1])
        times.append(time.perf_counter() - start)
    if problems:
        sys.exit(f"the baseline found {problems} problems; the generated tracker should have none")
    scale = total_bytes / sample_bytes
    note = f"timed on {len(sample)} of {len(paths)} files ({sample_bytes / 1e6:.1f} MB), scaled ×{scale:.1f} by bytes"
    row = Row(
        "baseline: ruamel.yaml rt + models", statistics.median(times) * scale, [t * scale for t in times], None, note
    )
    print(f"  {row.name}: {row.seconds:.1f} s, {note}", flush=True)
    return row


def edit_plan(root: Path) -> tuple[Callable[[int], None], Callable[[], None]]:
    """A step that changes one plan file before each run (a new comment line), and one that restores it."""
    plans = sorted((root / str(YEAR) / "plans").glob("*/*.yaml"))
    target = plans[len(plans) // 2]
    original = target.read_bytes()

    def edit(run: int) -> None:
        target.write_bytes(original + f"# edited by the benchmark, run {run + 1}\n".encode())

    def restore() -> None:
        target.write_bytes(original)

    return edit, restore


def benchmark(root: Path, runs: int, sample: int) -> tuple[list[Row], Row, int, int]:
    acct = acct_command()
    paths = tracker_files(root)
    total_bytes = sum((root / path).stat().st_size for path in paths)
    print(f"{len(paths)} files, {total_bytes / 1e6:.1f} MB in {root}", flush=True)
    check = [acct, "check", "--as-of", AS_OF]
    cache = root / ".acct-cache"
    edit, restore = edit_plan(root)
    rows = [
        measure("check, cold (cache removed)", check, root, runs, lambda _: shutil.rmtree(cache, ignore_errors=True))
    ]
    rows.append(measure("check --no-cache", [*check, "--no-cache"], root, runs))
    rows.append(measure("check, warm", check, root, runs))
    try:
        rows.append(measure("check, one file edited", check, root, runs, edit))
    finally:
        restore()
    run_once(check, root)  # the cache holds the restored file again
    score = [acct, "score", str(YEAR), "--as-of", AS_OF]
    run_once(score, root)  # warm means this query has run once on this content
    rows.append(measure(f"score {YEAR}, warm", score, root, runs))
    return rows, baseline(root, paths, sample, runs, total_bytes), len(paths), total_bytes


def verdicts(rows: list[Row], base: Row) -> list[tuple[str, bool]]:
    by = {row.name: row for row in rows}
    cold, warm, edited = by["check, cold (cache removed)"], by["check, warm"], by["check, one file edited"]
    score = by[f"score {YEAR}, warm"]
    peak = max(row.rss_mb or 0 for row in rows)
    return [
        (
            f"cold check ≥ {TARGETS_COLD}× baseline: {base.seconds / cold.seconds:.0f}×",
            base.seconds / cold.seconds >= TARGETS_COLD,
        ),
        (
            f"warm check ≥ {TARGETS_WARM}× baseline and < {WARM_LIMIT:g} s: {base.seconds / warm.seconds:.0f}×, {warm.seconds:.2f} s",
            base.seconds / warm.seconds >= TARGETS_WARM and warm.seconds < WARM_LIMIT,
        ),
        (
            f"warm score ≥ {TARGETS_WARM}× baseline and < {WARM_LIMIT:g} s: {base.seconds / score.seconds:.0f}×, {score.seconds:.2f} s",
            base.seconds / score.seconds >= TARGETS_WARM and score.seconds < WARM_LIMIT,
        ),
        (
            f"one file edited ≤ {EDIT_LIMIT}× warm: {edited.seconds / warm.seconds:.2f}×",
            edited.seconds <= EDIT_LIMIT * warm.seconds,
        ),
        (f"peak RSS < {RSS_LIMIT_MB / 1024:g} GB: {peak:.0f} MB", peak < RSS_LIMIT_MB),
    ]


def table(rows: list[Row], base: Row, files: int, total_bytes: int) -> str:
    lines = ["| measurement | median s | peak RSS MB | MB/s | files/s | × baseline |", "|---|---:|---:|---:|---:|---:|"]
    for row in [*rows, base]:
        rss = f"{row.rss_mb:.0f}" if row.rss_mb else "—"
        speed = f"{total_bytes / 1e6 / row.seconds:.2f} | {files / row.seconds:,.0f}"
        lines.append(f"| {row.name} | {row.seconds:.2f} | {rss} | {speed} | {base.seconds / row.seconds:,.0f}× |")
    return "\n".join(lines)


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else "MemTotal: 0 kB"
    ram_kb = int(next(line for line in meminfo.splitlines() if line.startswith("MemTotal")).split()[1])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {model}, {ram_kb / 1024 / 1024:.0f} GiB RAM, {platform.system()}, "
        f"Python {platform.python_version()}, acct {__version__}; load average {load}"
    )


def report(size: str, rows: list[Row], base: Row, files: int, total_bytes: int, runs: int, started: str) -> str:
    checks = "\n".join(f"- {'met' if ok else '**missed**'}: {text}" for text, ok in verdicts(rows, base))
    return (
        f"### {size}: {files:,} files, {total_bytes / 1e6:.1f} MB\n\n"
        f"Measured {started} on {machine()}. Medians of {runs} runs; the baseline {base.note}.\n\n"
        f"{table(rows, base, files, total_bytes)}\n\nTargets (set for the district size):\n\n{checks}\n"
    )


def write_doc(doc: Path, size: str, text: str) -> None:
    """Replace this size's block between its markers, or add it at the end; the rest of the page is kept."""
    start, end = f"<!-- bench:{size} -->", f"<!-- /bench:{size} -->"
    page = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    block = f"{start}\n{text}{end}"
    if start in page and end in page:
        page = page[: page.index(start)] + block + page[page.index(end) + len(end) :]
    else:
        page = page.rstrip("\n") + f"\n\n{block}\n"
    doc.write_text(page, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=SIZES, default="small", help="the generated tracker's size (default: small)")
    parser.add_argument(
        "--tracker", type=Path, help="use this tracker instead of generating one (its cache is removed)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported (default: 3)")
    parser.add_argument("--sample", type=int, default=1000, help="files in the baseline's sample (default: 1000)")
    parser.add_argument("--doc", type=Path, default=PROJECT / "docs" / "performance.md", help="the page to update")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()
    started = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="acct-bench-") as temp:
        root = args.tracker
        if root is None:
            root = Path(temp) / args.size
            subprocess.run(
                [sys.executable, str(Path(__file__).parent / "generate.py"), str(root), "--size", args.size], check=True
            )
        ENV.update(bytecode_env(Path(temp) / "pycache"))
        run_once([acct_command(), "--version"], root)  # compiles acct's modules once, before any timing
        rows, base, files, total_bytes = benchmark(root.resolve(), args.runs, args.sample)
    text = report(args.size, rows, base, files, total_bytes, args.runs, started)
    print("\n" + text)
    if not args.no_doc:
        write_doc(args.doc, args.size, text)
        print(f"wrote {args.doc}")


if __name__ == "__main__":
    main()
