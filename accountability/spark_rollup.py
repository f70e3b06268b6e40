"""The province's (or the nation's) roll-up on Spark: the queries of `accountability.queries.rollup`, unchanged, over
exports that Spark lists and reads itself, from a local folder, HDFS or an object store.

    python -m accountability.spark_rollup EXPORTS... [--period P] [--format md|html|json] [--lang vi|en] [-o FILE]
    spark-submit --master yarn "$(python -c 'import accountability.spark_rollup as m; print(m.__file__)')" s3a://…

or, from a notebook or a job of one's own, `roll_up_spark(spark, ["s3a://province/acct/"])`. pyspark is imported
here only, never by `acct`; docs/scale.md says how a cluster runs it.

Where Spark differs from DuckDB, it is in reading the files only: Spark lists the exports' folders itself (skipping
folders whose names start with '.' or '_', as `acct rollup` does), reads CSV with quoted newlines and doubled quotes,
and names each trackers row's file from `_metadata.file_path`. Which files make an export, and the SQL, are shared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyspark.errors import PySparkException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from accountability.files.atomic import write_atomic
from accountability.i18n import languages, messages
from accountability.problems import FatalError
from accountability.queries.export_schema import COLUMNS, column_type
from accountability.queries.rollup import TABLES_READ, Rollup, Run, exports_in, roll_up
from accountability.render.rollup import FORMATS, rendered

READ_AS = {"parquet": "parquet", "csv": "csv", "jsonl": "json"}
TYPES = {
    "date": T.DateType(),
    "integer": T.LongType(),
    "decimal": T.DoubleType(),
    "boolean": T.BooleanType(),
    "text": T.StringType(),
}


def roll_up_spark(spark: SparkSession, paths: list[str], period: str | None = None) -> Rollup:
    """The roll-up of the exports below `paths`, for `period` (else the only one they hold)."""
    try:
        return roll_up(register(spark, paths), period)
    except PySparkException as exc:
        raise FatalError(f"Spark could not read the exports: {str(exc).splitlines()[0]}") from None


def register(spark: SparkSession, paths: list[str]) -> Run:
    """A temporary view of each table the roll-up reads, over the exports below `paths`, whatever their formats;
    returns the function that runs one query on them."""
    listed = (
        spark.read.format("binaryFile")  # only the paths are selected, so no file is read
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.{" + ",".join(READ_AS) + "}")
        .load(paths)
        .select("path")
        .collect()
    )
    files = exports_in([row.path for row in listed], ", ".join(paths))
    for table in TABLES_READ:
        frames = [_read(spark, tables[table], table, fmt) for fmt, tables in files.items()]
        frame = frames[0]
        for other in frames[1:]:
            frame = frame.unionByName(other)
        frame.createOrReplaceTempView(table)
    return lambda sql: [tuple(row) for row in spark.sql(sql).collect()]


def _read(spark: SparkSession, files: list[str], table: str, fmt: str) -> DataFrame:
    """One table's files of one format, every column typed as the export fixes it."""
    schema = T.StructType([T.StructField(c, TYPES[column_type(c)]) for c in COLUMNS[table]])
    reader = spark.read.schema(schema).option("mode", "FAILFAST")
    if fmt == "csv":
        reader = reader.option("header", "true").option("multiLine", "true").option("escape", '"')
    frame = reader.format(READ_AS[fmt]).load(files)
    columns = [F.col(c) for c in TABLES_READ[table]]
    if table == "trackers":
        columns.append(F.col("_metadata.file_path").alias("source"))
    return frame.select(*columns)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m accountability.spark_rollup", description=__doc__.split("\n")[0])
    parser.add_argument("exports", nargs="+", help="folders or object store prefixes that acct export wrote to")
    parser.add_argument("--period", help="the period to roll up, when the exports hold several")
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument("--lang", choices=languages(), default=None)
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    parser.add_argument("--master", help="Spark's master URL, e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args(argv)
    ours = SparkSession.getActiveSession() is None  # else a notebook's or a test's session, left running
    builder = SparkSession.builder.appName("acct rollup")
    spark = (builder.master(args.master) if args.master else builder).getOrCreate()
    try:
        text = rendered(roll_up_spark(spark, args.exports, args.period), args.format, messages(args.lang, None))
    except FatalError as exc:
        print(f"acct: {exc}", file=sys.stderr)
        return 2
    finally:
        if ours:
            spark.stop()
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text.encode("utf-8"))
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
