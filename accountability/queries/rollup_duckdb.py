"""The roll-up on one machine: DuckDB, embedded, reads the exports' files as views and runs the roll-up's queries.

DuckDB is an optional dependency (`pip install 'accountability-tracker[rollup]'`); only `acct rollup` imports it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from accountability.problems import FatalError, said
from accountability.queries.export_schema import COLUMNS, column_type
from accountability.queries.rollup import TABLES_READ, Files, Rollup, Run, exports_in, roll_up

TYPES = {"date": "DATE", "integer": "BIGINT", "decimal": "DOUBLE", "boolean": "BOOLEAN", "text": "VARCHAR"}


def roll_up_duckdb(paths: list[Path], period: str | None = None) -> Rollup:
    """The roll-up of the exports below `paths`, for `period` (else the only one they hold)."""
    with connected(paths) as run:
        return roll_up(run, period)


@contextmanager
def connected(paths: list[Path]) -> Iterator[Run]:
    """An in-memory DuckDB with a view of each table the roll-up reads, over the exports below `paths`; yields the
    function that runs one query on it."""
    duckdb = _duckdb()
    files = find_exports(paths)
    connection = duckdb.connect()
    try:
        for table, columns in TABLES_READ.items():
            connection.execute(view(table, columns, files))
        yield lambda sql: connection.execute(sql).fetchall()
    except duckdb.Error as exc:
        raise FatalError(said("DuckDB could not read the exports: {reason}", reason=str(exc).splitlines()[0])) from None
    finally:
        connection.close()


def find_exports(paths: list[Path]) -> Files:
    """The exports below the paths, each once however many paths lead to it. Folders whose names start with '.' or
    '_' are skipped, as Spark skips them (an export being replaced is written in one)."""
    files = []
    for path in paths:
        if not path.is_dir():
            raise FatalError(said("{path} is not a folder; name the folders that acct export wrote to", path=str(path)))
        for folder, subfolders, names in os.walk(path.resolve()):
            subfolders[:] = [d for d in subfolders if not d.startswith((".", "_"))]
            files += [os.path.join(folder, name) for name in names]
    return exports_in(files, ", ".join(map(str, paths)))


def _duckdb() -> ModuleType:
    try:
        import duckdb
    except ImportError:
        raise FatalError(
            said("acct rollup needs DuckDB: install it with  pip install 'accountability-tracker[rollup]'")
        ) from None
    return duckdb


def view(table: str, columns: tuple[str, ...], files: Files) -> str:
    """A view of one table over every export's file of it, whatever their formats, with the columns the queries
    read (and, for trackers, the file each row came from)."""
    chosen = ", ".join(columns) + (", filename AS source" if table == "trackers" else "")
    parts = [
        f"SELECT {chosen} FROM {_reader(fmt, table, '[' + ', '.join(map(_quote, tables[table])) + ']')}"
        for fmt, tables in files.items()
    ]
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
