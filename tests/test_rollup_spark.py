"""The roll-up on Spark, in local mode: the same SQL over the same exports gives the same rows as DuckDB, so its
figures are acct's own `score` figures of every district. One Spark session serves the whole test run.

CI installs Java (see .ci/run), so there these tests never skip; elsewhere they skip without Java or pyspark.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rollup_cases import GENERATED_IDS, actual_district, expected_district, generated_exports, hand_exports

from accountability.queries.rollup import EXPORTS, QUERIES, Rows, Run, roll_up
from accountability.queries.rollup_duckdb import connected, roll_up_duckdb
from accountability.render.rollup import to_dict

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if not os.environ.get("CI"):
        pytest.importorskip("pyspark")
        if shutil.which("java") is None:
            pytest.skip("Java is not installed (CI installs it)")
    from pyspark.sql import SparkSession

    # Tiny data: what costs is the JVM warming up, so the test session runs it with the quick compiler only, and
    # without the query planning that pays off on large data (adaptive execution, whole-stage code generation).
    session = (
        SparkSession.builder.master("local[2]")
        .appName("acct tests")
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    return generated_exports(tmp_path_factory)


def recording(run: Run, rows: dict[str, Rows]) -> Run:
    """The engine's `run`, keeping each query's rows (sorted) under its SQL."""

    def recorded(sql: str) -> Rows:
        rows[sql] = found = run(sql)
        return found

    return recorded


def test_spark_returns_duckdbs_rows_and_acct_scores_figures(spark: Any, generated: tuple[Path, Any]) -> None:
    from accountability.spark_rollup import register

    province, scored = generated
    on_spark: dict[str, Rows] = {}
    on_duckdb: dict[str, Rows] = {}
    spark_rollup = roll_up(recording(register(spark, [str(province)]), on_spark))
    with connected([province]) as run:
        duckdb_rollup = roll_up(recording(run, on_duckdb))
    assert list(on_spark) == list(on_duckdb) == [EXPORTS.sql, *(q.text("2023-H1") for q in QUERIES)]
    for sql in on_spark:
        if sql == EXPORTS.sql:  # file:/…/trackers.csv on Spark, /…/trackers.csv on DuckDB
            assert [(t, p, Path(f).name) for t, p, f in on_spark[sql]] == [
                (tracker, "2023-H1", f"trackers.{fmt}") for tracker, (_, fmt) in GENERATED_IDS.items()
            ]
            assert [f.removeprefix("file:") for _, _, f in on_spark[sql]] == [f for _, _, f in on_duckdb[sql]]
        else:
            assert sorted(on_spark[sql]) == sorted(on_duckdb[sql]), sql
    found = to_dict(spark_rollup)
    assert found == to_dict(duckdb_rollup)
    for district in found["districts"]:
        assert actual_district(district) == expected_district(scored[district["tracker"]]), district["tracker"]


def test_the_entry_point_a_cluster_runs(spark: Any, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    from accountability.spark_rollup import main

    hand = hand_exports(tmp_path_factory)
    # a partition being replaced is written in a hidden folder, which neither engine reads
    shutil.copytree(hand / "dong-ha", tmp_path / "elsewhere" / ".year=2023.1.new")
    out = tmp_path / "rollup.json"
    paths = [str(hand), str(hand / "dong-ha"), str(tmp_path / "elsewhere")]  # dong-ha's files are read once
    assert main([*paths, "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == to_dict(roll_up_duckdb([hand]))
    assert not spark.sparkContext._jsc.sc().isStopped()  # the test's session is left running


def test_a_tracker_exported_twice_is_refused_on_spark(
    spark: Any, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountability.spark_rollup import main

    hand = hand_exports(tmp_path_factory)
    shutil.copytree(hand / "dong-ha", tmp_path / "copy")
    assert main([str(hand), str(tmp_path / "copy")]) == 2
    both = sorted([f"file:{tmp_path}/copy/trackers.csv", f"file:{hand}/dong-ha/trackers.csv"])
    assert capsys.readouterr().err == (
        f"acct: the tracker 'dong-ha' is exported more than once for this period ({', '.join(both)}); its rows "
        "would count twice: keep one of these exports (or, if they are two trackers, give each its own id: in "
        "acct.yaml)\n"
    )
