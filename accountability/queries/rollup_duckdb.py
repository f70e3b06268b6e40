"""The roll-up on one machine: DuckDB, embedded, reads the exports' files as views and runs the roll-up's queries.

DuckDB is an optional dependency (`pip install 'accountability-tracker[rollup]'`); only `acct rollup` imports it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from accountability.problems import FatalError
from accountability.queries.export_schema import COLUMNS, column_type
from accountability.queries.rollup import TABLES_READ, Rollup, roll_up

FORMATS = ("parquet", "csv", "jsonl")
TYPES = {"date": "DATE", "integer": "BIGINT", "decimal": "DOUBLE", "boolean": "BOOLEAN", "text": "VARCHAR"}


@dataclass(frozen=True)
class Export:
    """A folder that `acct export` wrote (flat, or one tracker's year partition), and its format."""

    folder: Path
    format: str

    def file(self, table: str) -> Path:
        return self.folder / f"{table}.{self.format}"


def find_exports(paths: list[Path]) -> list[Export]:
    """Every export below the paths: a folder holding a trackers table. Folders whose names start with '.' or '_'
    are skipped, as Spark skips them (an export that is being replaced is written in one)."""
    exports: list[Export] = []
    for path in paths:
        if not path.is_dir():
            raise FatalError(f"{path} is not a folder; name the folders that acct export wrote to")
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
            exports += [_export(Path(folder), fmt, set(names)) for fmt in FORMATS if f"trackers.{fmt}" in names]
            _refuse_old(Path(folder), set(names))
    if not exports:
        raise FatalError(
            f"no export found in {', '.join(map(str, paths))}: an export is a folder that acct export wrote, holding "
            "trackers.csv, trackers.jsonl or trackers.parquet"
        )
    return exports


def _export(folder: Path, fmt: str, names: set[str]) -> Export:
    missing = [f"{table}.{fmt}" for table in TABLES_READ if f"{table}.{fmt}" not in names]
    if missing:
        raise FatalError(f"{folder} holds trackers.{fmt} but not {', '.join(missing)}; export that tracker again")
    return Export(folder, fmt)


def _refuse_old(folder: Path, names: set[str]) -> None:
    for fmt in FORMATS:
        if f"unit_scores.{fmt}" in names and f"trackers.{fmt}" not in names:
            raise FatalError(
                f"{folder} holds an export without a trackers table, written by an older acct whose rows do not "
                "name their tracker; export that tracker again with this acct"
            )


def roll_up_duckdb(paths: list[Path], period: str | None = None) -> Rollup:
    """The roll-up of the exports below `paths`, for `period` (else the only one they hold)."""
    duckdb = _duckdb()
    exports = find_exports(paths)
    connection = duckdb.connect()
    try:
        for table, columns in TABLES_READ.items():
            connection.execute(view(table, columns, exports))
        return roll_up(lambda sql: connection.execute(sql).fetchall(), period)
    except duckdb.Error as exc:
        raise FatalError(f"DuckDB could not read the exports: {str(exc).splitlines()[0]}") from None
    finally:
        connection.close()


def _duckdb() -> ModuleType:
    try:
        import duckdb
    except ImportError:
        raise FatalError(
            "acct rollup needs DuckDB: install it with  pip install 'accountability-tracker[rollup]'"
        ) from None
    return duckdb


def view(table: str, columns: tuple[str, ...], exports: list[Export]) -> str:
    """A view of one table over every export's file of it, whatever their formats, with the columns the queries
    read (and, for trackers, the file each row came from)."""
    chosen = ", ".join(columns) + (", filename AS source" if table == "trackers" else "")
    parts = []
    for fmt in FORMATS:
        files = [_quote(str(e.file(table))) for e in exports if e.format == fmt]
        if files:
            parts.append(f"SELECT {chosen} FROM {_reader(fmt, table, '[' + ', '.join(files) + ']')}")
    return f"CREATE VIEW {table} AS " + " UNION ALL ".join(parts)


def _reader(fmt: str, table: str, files: str) -> str:
    """DuckDB's reader of one format, with every column's type fixed as the export fixes it, never guessed."""
    if fmt == "parquet":
        return f"read_parquet({files}, union_by_name = true, hive_partitioning = false, filename = true)"
    types = "{" + ", ".join(f"{_quote(c)}: '{TYPES[column_type(c)]}'" for c in COLUMNS[table]) + "}"
    if fmt == "csv":
        return (
            f"read_csv({files}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            f"columns = {types}, hive_partitioning = false, filename = true)"
        )
    return (
        f"read_json({files}, format = 'newline_delimited', columns = {types}, hive_partitioning = false, "
        "filename = true)"
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
