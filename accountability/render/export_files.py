"""Writing the export's tables: one file per table, as JSON lines, CSV or Parquet, in one folder or in the
tracker's own Hive-style partition of a shared folder."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

from accountability.files.atomic import write_atomic
from accountability.problems import FatalError, said
from accountability.queries.export_schema import COLUMNS, column_type, plain


def write_tables(tables: dict[str, list[dict[str, Any]]], folder: Path, fmt: str) -> list[Path]:
    writers = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
    written = []
    for name, rows in tables.items():
        path = folder / f"{name}.{fmt}"
        write_atomic(path, writers[fmt](name, rows))
        written.append(path)
    return written


def partition(root: Path, tracker: str, year: int) -> Path:
    return root / f"tracker={tracker}" / f"year={year}"


def write_partition(
    tables: dict[str, list[dict[str, Any]]], root: Path, fmt: str, tracker: str, year: int
) -> list[Path]:
    """Write `root/tracker=<id>/year=<yyyy>/<table>.<fmt>`, replacing that folder whole: the tables go to a hidden
    folder beside it (readers skip names starting with '.'), which then takes its place. So exporting the same
    tracker and year again, in any format, leaves one copy of its rows, and a reader never sees half of each."""
    final = partition(root, tracker, year)
    staging = final.parent / f".{final.name}.{os.getpid()}.new"
    retired = final.parent / f".{final.name}.{os.getpid()}.old"
    shutil.rmtree(staging, ignore_errors=True)
    written = write_tables(tables, staging, fmt)
    try:
        if final.exists():
            os.rename(final, retired)
        os.rename(staging, final)
    except OSError as exc:
        raise FatalError(
            said(
                "cannot replace {path}: {reason}; check that you may write to {folder}",
                path=str(final),
                reason=exc.strerror or str(exc),
                folder=str(final.parent),
            )
        ) from None
    shutil.rmtree(retired, ignore_errors=True)
    return [final / path.name for path in written]


def _jsonl(name: str, rows: list[dict[str, Any]]) -> bytes:
    lines = [json.dumps({c: plain(c, row[c]) for c in COLUMNS[name]}, ensure_ascii=False) for row in rows]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def _csv(name: str, rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[name], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: plain(c, row[c]) for c in COLUMNS[name]})
    return out.getvalue().encode("utf-8")


def _parquet(name: str, rows: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FatalError(
            said("--format parquet needs pyarrow: install it with  pip install 'accountability-tracker[parquet]'")
        ) from None
    types = {
        "date": pa.date32(),
        "integer": pa.int64(),
        "decimal": pa.float64(),
        "boolean": pa.bool_(),
        "text": pa.string(),
    }
    schema = pa.schema([(c, types[column_type(c)]) for c in COLUMNS[name]])
    table = pa.Table.from_pylist([{c: row[c] for c in COLUMNS[name]} for row in rows], schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())
