"""Measure the export and the province's roll-up at district scale: python benchmarks/rollup.py

Generates one district-sized tracker (benchmarks/generate.py --size district --issues 60: 60 units, 1,500 people,
18,000 monthly plans, 60 key issues) and exports its year 10 times as Parquet into one partitioned folder, each time
under another id in acct.yaml (district-01 … district-10): ten districts with the same figures, which is all that a
roll-up's cost depends on. The first export is cold (no .acct-cache), the next nine warm. It then rolls up 1, 2, 5 and
10 of them with DuckDB (`acct rollup`, as a user runs it) and with Spark in local mode (`roll_up_spark` on a
local[2] session, the session's start timed apart), and 50 to show the slope further (the ten exports' files
copied with their tracker column rewritten). Every measurement is one process tree: wall time, and peak memory as the
largest sum of the PSS of its processes, sampled every 0.1 s. Both engines' JSON must be equal.

Needs pyarrow, duckdb and pyspark (pip install -e '.[test]') and Java 17. Writes its block of docs/scale.md (not with
--no-doc; `--size small --no-doc` is a quick trial of the script itself).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SIZES
from run import acct_command, bytecode_env, machine, write_doc

PROJECT = Path(__file__).resolve().parent.parent
PERIOD = ["2023", "--as-of", "2024-01-15"]
EXPORTED, CLONED = [1, 2, 5, 10], [50]
SPARK_JOB = """
import json, sys, time
started = time.perf_counter()
from pyspark.sql import SparkSession
from accountability.render.rollup import to_dict
from accountability.spark_rollup import roll_up_spark
spark = SparkSession.builder.master("local[2]").appName("acct rollup benchmark").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
ready = time.perf_counter()
rollup = roll_up_spark(spark, [sys.argv[1]])
done = time.perf_counter()
spark.stop()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"start": ready - started, "rollup": done - ready, "result": to_dict(rollup)}, out)
"""


@dataclass
class Measured:
    seconds: float
    peak_mb: float


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def run(command: list[str], env: dict[str, str]) -> Measured:
    """One process tree's wall time and peak memory (the sum of its processes' PSS, sampled)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(pss_kb(p) for p in descendants(proc.pid)))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    errors = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {proc.returncode}:\n{errors}")
    return Measured(seconds, peak / 1024)


def set_id(root: Path, tracker: str) -> None:
    config = root / "acct.yaml"
    config.write_text(re.sub(r"(?m)^id: .*$", f"id: {tracker}", config.read_text(encoding="utf-8")), encoding="utf-8")


def export_all(root: Path, out: Path, env: dict[str, str]) -> list[Measured]:
    acct = acct_command()
    shutil.rmtree(root / ".acct-cache", ignore_errors=True)
    measured = []
    for n in range(1, 11):
        set_id(root, f"district-{n:02d}")
        command = [acct, "export", *PERIOD, "--root", str(root), "-o", str(out), "--partitioned", "--format", "parquet"]
        measured.append(run(command, env))
        print(f"  export district-{n:02d}: {measured[-1].seconds:.1f} s, {measured[-1].peak_mb:.0f} MB", flush=True)
    return measured


def province(all_exports: Path, folder: Path, count: int) -> Path:
    """`count` districts' partitions in one folder: the exported ones, then clones with the tracker rewritten."""
    import pyarrow.parquet as pq

    target = folder / f"province-{count}"
    for n in range(1, count + 1):
        source = all_exports / f"tracker=district-{(n - 1) % 10 + 1:02d}" / "year=2023"
        destination = target / f"tracker=district-{n:02d}" / "year=2023"
        if n <= 10:
            shutil.copytree(source, destination)
            continue
        destination.mkdir(parents=True)
        for file in source.iterdir():
            table = pq.read_table(file)
            column = table.column_names.index("tracker")
            table = table.set_column(column, "tracker", [[f"district-{n:02d}"] * table.num_rows])
            pq.write_table(table, destination / file.name)
    return target


def roll_ups(folder: Path, count: int, env: dict[str, str], runs: int) -> dict[str, object]:
    acct = acct_command()
    duck_out, spark_out = folder / f"duckdb-{count}.json", folder / f"spark-{count}.json"
    where = str(folder / f"province-{count}")
    duck = [run([acct, "rollup", where, "--format", "json", "-o", str(duck_out)], env) for _ in range(runs)]
    spark = run([sys.executable, "-c", SPARK_JOB, where, str(spark_out)], env)
    inside = json.loads(spark_out.read_text(encoding="utf-8"))
    if inside["result"] != json.loads(duck_out.read_text(encoding="utf-8")):
        sys.exit(f"DuckDB and Spark disagree on {count} districts")
    tasks = sum(
        d["plan_tasks"][s] for d in inside["result"]["districts"] for s in ("on_time", "late", "undone", "open")
    )
    size = sum(f.stat().st_size for f in Path(where).rglob("*.parquet"))
    row = {
        "districts": count,
        "tasks": tasks,
        "mb": size / 1e6,
        "duckdb": statistics.median(m.seconds for m in duck),
        "duckdb_mb": max(m.peak_mb for m in duck),
        "spark": spark.seconds,
        "spark_start": inside["start"],
        "spark_rollup": inside["rollup"],
        "spark_mb": spark.peak_mb,
    }
    print(f"  {count} districts: {row}", flush=True)
    return row


def report(exports: list[Measured], csv: Measured, sizes: tuple[int, int], rows: list[dict[str, object]]) -> str:
    cold, warm = exports[0], exports[1:]
    lines = [
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}.",
        "",
        f"One district's export of 2023 (as of 2024-01-15): {sizes[0] / 1e6:.1f} MB of Parquet, "
        f"{sizes[1] / 1e6:.0f} MB as CSV.",
        "",
        "| export of one district | time | peak memory |",
        "|---|---|---|",
        f"| cold (no .acct-cache), Parquet | {cold.seconds:.1f} s | {cold.peak_mb:,.0f} MB |",
        f"| warm, Parquet (median of {len(warm)}) | {statistics.median(m.seconds for m in warm):.1f} s | "
        f"{max(m.peak_mb for m in warm):,.0f} MB |",
        f"| warm, CSV | {csv.seconds:.1f} s | {csv.peak_mb:,.0f} MB |",
        "",
        "| districts | plan tasks | Parquet | DuckDB (`acct rollup`) | DuckDB peak | Spark local[2] | "
        "of which the session's start | Spark peak |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        cloned = " (cloned)" if r["districts"] in CLONED else ""
        lines.append(
            f"| {r['districts']}{cloned} | {r['tasks']:,} | {r['mb']:.1f} MB | {r['duckdb']:.2f} s | "
            f"{r['duckdb_mb']:,.0f} MB | {r['spark']:.1f} s | {r['spark_start']:.1f} s | {r['spark_mb']:,.0f} MB |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--size", choices=SIZES, default="district", help="the generated tracker's size (default: district)"
    )
    parser.add_argument("--runs", type=int, default=3, help="DuckDB runs per size; the median is reported")
    parser.add_argument("--doc", type=Path, default=PROJECT / "docs" / "scale.md", help="the page to update")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/scale.md alone")
    args = parser.parse_args()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="acct-rollup-bench-") as temp:
        folder = Path(temp)
        env = bytecode_env(folder / "pycache")
        root = folder / "district"
        generate = [sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root), "--size", args.size]
        subprocess.run([*generate, "--id", "district-01", "--issues", "60"], check=True, stdout=subprocess.DEVNULL)
        exports = export_all(root, folder / "exports", env)
        csv_out = folder / "csv"
        csv = run([acct_command(), "export", *PERIOD, "--root", str(root), "-o", str(csv_out), "--format", "csv"], env)
        sizes = (
            sum(f.stat().st_size for f in (folder / "exports" / "tracker=district-10").rglob("*.parquet")),
            sum(f.stat().st_size for f in csv_out.glob("*.csv")),
        )
        rows = []
        for count in EXPORTED + CLONED:
            province(folder / "exports", folder, count)
            rows.append(roll_ups(folder, count, env, args.runs))
    text = report(exports, csv, sizes, rows)
    print("\n" + text)
    if not args.no_doc:
        write_doc(args.doc, "rollup", text)
        print(f"wrote {args.doc}")


if __name__ == "__main__":
    main()
