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
from accountability.files.read import load_file
from accountability.files.validate import validate_document
from accountability.model import Commitment, Org, Plan

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = f"{YEAR + 1}-03-01"  # a fixed judging date, after the whole generated year
TARGETS_COLD, TARGETS_WARM, EDIT_LIMIT, RSS_LIMIT_MB = 35, 500, 1.5, 1536
READ_LIMIT, WRITE_LIMIT = 1.0, 1.5  # seconds: score, overdue and report with new arguments; done, record, new plan


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


def run_once(command: list[str], cwd: Path, allowed: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process; wait4 gives this child's own resource usage."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=ENV or None, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in allowed:
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


def plan_task_not_done(root: Path, n: int) -> tuple[Path, str]:
    """The n-th plan (in a fixed order) that has a task not done yet: its file and the task's reference."""
    plans = sorted((root / str(YEAR) / "plans").glob("*/*.yaml"))
    found = 0
    for path in plans[len(plans) // 3 :]:
        plan = load_file(root, str(path.relative_to(root))).model
        assert isinstance(plan, Plan)
        task = next((t for t in plan.tasks if t.done is None), None)
        if task is not None:
            if found == n:
                return path, f"{plan.person}/{plan.month}/{task.id}"
            found += 1
    sys.exit("the generated tracker has too few tasks not done for the benchmark")


def indicator(root: Path, n: int) -> tuple[Path, str, bytes]:
    """The n-th commitment's first indicator: its file, its reference, and the file's bytes without the indicator's
    last report (the generator reports every quarter, so a new report has room only once that one is gone)."""
    path = sorted((root / str(YEAR) / "commitments").glob("*.yaml"))[n]
    loaded = load_file(root, str(path.relative_to(root)))
    assert isinstance(loaded.model, Commitment), loaded.problems
    item = next(item for _, _, item in loaded.model.items() if item.is_indicator)
    text = path.read_text(encoding="utf-8")
    start = text.index(f"{{on: {YEAR}-12-31", text.index(f"- id: {item.id}\n"))
    line_start, line_end = text.rindex("\n", 0, start) + 1, text.index("\n", start) + 1
    return path, f"{loaded.model.unit}/{item.id}", (text[:line_start] + text[line_end:]).encode("utf-8")


def writes(root: Path, acct: str, runs: int) -> list[Row]:
    """done, record and new plan, each run on other work of the tracker, every file restored after the run."""
    done = [
        (f, [acct, "done", ref, "--on", f"{YEAR}-12-30"], None)
        for f, ref in map(plan_task_not_done_n(root), range(runs))
    ]
    record = [
        (f, [acct, "record", ref, "7", "--on", f"{YEAR}-12-31"], room)
        for f, ref, room in (indicator(root, n) for n in range(runs))
    ]
    org = load_file(root, "org.yaml").model
    assert isinstance(org, Org)
    people = sorted(p.id for p in org.people)[:runs]
    month = f"{YEAR + 1}-01"
    new = [
        (root / str(YEAR + 1) / "plans" / month / f"{pid}.yaml", [acct, "new", "plan", pid, month], None)
        for pid in people
    ]
    return [
        restoring("done on one plan task", done, root),
        restoring("record on one indicator", record, root, check=[acct, "check", "--as-of", AS_OF]),
        restoring("new plan for one person", new, root),
    ]


def plan_task_not_done_n(root: Path) -> Callable[[int], tuple[Path, str]]:
    return lambda n: plan_task_not_done(root, n)


def restoring(
    name: str, commands: list[tuple[Path, list[str], bytes | None]], root: Path, check: list[str] | None = None
) -> Row:
    """Time each command once, putting its file back as it was (or removing it) before the next one. A command
    given the bytes to start from has them written first, and `check` run untimed, so that it starts warm."""
    times, peak = [], 0.0
    for path, command, start in commands:
        before = path.read_bytes() if path.exists() else None
        if start is not None and check is not None:
            path.write_bytes(start)
            run_once(check, root)
        seconds, rss = run_once([*command, "--as-of", AS_OF], root)
        times.append(seconds)
        peak = max(peak, rss)
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
    print(f"  {name}: {statistics.median(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return Row(name, statistics.median(times), times, peak)


def each_new(name: str, commands: list[list[str]], root: Path) -> Row:
    """Time commands whose arguments were never asked before, one run each, so that no output is replayed."""
    times, peak = [], 0.0
    for command in commands:
        seconds, rss = run_once(command, root, allowed=(0, 1))
        times.append(seconds)
        peak = max(peak, rss)
    print(f"  {name}: {statistics.median(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return Row(name, statistics.median(times), times, peak)


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
    periods = [f"{YEAR}-Q3", f"{YEAR}-Q4", f"{YEAR}-H2", f"{YEAR}-Q1", f"{YEAR}-H1"][:runs]
    rows.append(each_new(NEW_SCORE, [[acct, "score", p, "--as-of", AS_OF] for p in periods], root))
    rows.append(
        each_new(NEW_REPORT, [[acct, "report", p, "--format", "md", "--as-of", AS_OF] for p in reversed(periods)], root)
    )
    days = [f"{YEAR}-{m:02d}-{d:02d}" for m, d in ((9, 15), (10, 16), (11, 14), (8, 13), (7, 17))][:runs]
    rows.append(each_new(NEW_OVERDUE, [[acct, "overdue", "--as-of", day] for day in days], root))
    rows += writes(root, acct, runs)
    return rows, baseline(root, paths, sample, runs, total_bytes), len(paths), total_bytes


NEW_SCORE = "score, a period not asked before"
NEW_REPORT = "report --format md, a period not asked before"
NEW_OVERDUE = "overdue --as-of a date not asked before"
WRITES = ("done on one plan task", "record on one indicator", "new plan for one person")


def verdicts(rows: list[Row], base: Row) -> list[tuple[str, bool]]:
    by = {row.name: row for row in rows}
    cold, warm, edited = by["check, cold (cache removed)"], by["check, warm"], by["check, one file edited"]
    peak = max(row.rss_mb or 0 for row in rows)
    found = [
        (
            f"cold check ≥ {TARGETS_COLD}× baseline: {base.seconds / cold.seconds:.0f}×",
            base.seconds / cold.seconds >= TARGETS_COLD,
        ),
        (
            f"warm check ≥ {TARGETS_WARM}× baseline: {base.seconds / warm.seconds:.0f}×, {warm.seconds:.2f} s",
            base.seconds / warm.seconds >= TARGETS_WARM,
        ),
        (
            f"one file edited ≤ {EDIT_LIMIT}× warm: {edited.seconds / warm.seconds:.2f}×",
            edited.seconds <= EDIT_LIMIT * warm.seconds,
        ),
        (f"peak RSS < {RSS_LIMIT_MB / 1024:g} GB: {peak:.0f} MB", peak < RSS_LIMIT_MB),
    ]
    for name in (NEW_SCORE, NEW_REPORT, NEW_OVERDUE):
        found.append((f"{name} ≤ {READ_LIMIT:g} s: {by[name].seconds:.2f} s", by[name].seconds <= READ_LIMIT))
    for name in WRITES:
        found.append((f"{name} ≤ {WRITE_LIMIT:g} s: {by[name].seconds:.2f} s", by[name].seconds <= WRITE_LIMIT))
    return found


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
