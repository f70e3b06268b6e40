"""Exports that combine: every row names its tracker and period, `--partitioned` writes the tracker's own Hive-style
partition, and a second export of the same tracker and year replaces its rows instead of adding to them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import COMMITMENT, write_tracker
from rollup_cases import runner

from accountability.cli import app

AS_OF = ["--as-of", "2023-07-10"]
TABLES = [
    "trackers",
    "units",
    "people",
    "items",
    "reports",
    "plans",
    "tasks",
    "unit_scores",
    "person_scores",
    "escalations",
    "issues",
]


def export(root: Path, out: Path, *args: str) -> tuple[int, str, str]:
    result = runner().invoke(app, ["export", *AS_OF, *args, "-o", str(out), "--root", str(root)])
    return result.exit_code, result.stdout, result.stderr


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def named(root: Path, config: str) -> Path:
    return write_tracker(root, {"acct.yaml": config})


def test_without_an_id_the_tracker_is_named_after_its_organization_and_told_so(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\norganization: Huyện ủy Cam Lộ (Quảng Trị)\n")
    code, _, stderr = export(root, tmp_path / "out", "2023-Q2")
    assert code == 0
    assert stderr == (
        "acct: acct.yaml has no id, so the export names this tracker 'huyen-uy-cam-lo-quang-tri' after its "
        "organization; add  id: huyen-uy-cam-lo-quang-tri  to acct.yaml to keep that name if the organization is "
        "renamed\n"
    )
    for table in TABLES:
        assert {r["tracker"] for r in rows(tmp_path / "out" / f"{table}.csv")} <= {"huyen-uy-cam-lo-quang-tri"}
    assert rows(tmp_path / "out" / "trackers.csv")[0]["organization"] == "Huyện ủy Cam Lộ (Quảng Trị)"


def test_without_an_id_or_an_organization_the_export_refuses_and_names_the_key(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\n")
    code, stdout, stderr = export(root, tmp_path / "out", "2023-Q2")
    assert (code, stdout) == (2, "")
    assert stderr == (
        "acct: acct.yaml has no id (nor an organization to derive one from), and every exported row must say which "
        "tracker it comes from; add a slug that names this tracker to acct.yaml, e.g.  id: thanh-uy-dong-ha\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_id_that_is_not_a_slug_is_a_problem_of_acct_yaml(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\nid: Đông Hà\n")
    code, _, stderr = export(root, tmp_path / "out", "2023-Q2")
    assert code == 1
    assert "acct.yaml:2:5: error: [invalid-id] 'Đông Hà' is not an id" in stderr
    assert "for example 'dong-ha'" in stderr


def test_every_row_of_every_table_carries_the_tracker_and_the_period(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\nid: dong-ha\norganization: Thành ủy Đông Hà\n")
    assert export(root, tmp_path / "out", "2023-Q2")[0] == 0
    for table in TABLES:
        found = rows(tmp_path / "out" / f"{table}.csv")
        assert found or table == "escalations", table  # May's one task was done on time: nothing to escalate
        assert {(r["tracker"], r["period"], r["year"]) for r in found} <= {("dong-ha", "2023-Q2", "2023")}, table


def test_only_the_commitments_and_plans_of_the_periods_year_are_exported(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\nid: dong-ha\n")
    (root / "2022/commitments").mkdir(parents=True)
    (root / "2022/commitments/phuong-1.yaml").write_text(COMMITMENT.replace("2023", "2022"), encoding="utf-8")
    assert export(root, tmp_path / "y2023", "2023")[0] == 0
    assert export(root, tmp_path / "y2022", "2022", "--as-of", "2022-12-31")[0] == 0
    assert [(r["year"], r["item"]) for r in rows(tmp_path / "y2023" / "items.csv")] == [
        ("2023", "le-loi"),
        ("2023", "thu-ngan-sach"),
        ("2023", "ket-nap"),
    ]
    assert {r["year"] for r in rows(tmp_path / "y2022" / "items.csv")} == {"2022"}
    assert {r["year"] for r in rows(tmp_path / "y2022" / "reports.csv")} == {"2022"}
    assert rows(tmp_path / "y2022" / "plans.csv") == []  # the one plan is of 2023-05


def test_partitioned_writes_the_trackers_own_folder_and_a_second_export_replaces_it(tmp_path: Path) -> None:
    a = named(tmp_path / "a", "acct: 1\nid: dong-ha\n")
    b = named(tmp_path / "b", "acct: 1\nid: cam-lo\n")  # the same unit and person ids as dong-ha
    province = tmp_path / "province"
    code, stdout, _ = export(a, province, "2023-Q2", "--partitioned")
    assert code == 0
    assert stdout.splitlines()[0].endswith("province/tracker=dong-ha/year=2023/trackers.csv")
    assert export(b, province, "2023-Q2", "--partitioned", "--format", "jsonl")[0] == 0
    assert export(a, province, "2023-Q3", "--partitioned", "--as-of", "2023-10-10")[0] == 0
    assert export(a, province, "2023-Q3", "--partitioned", "--as-of", "2023-10-10", "--format", "jsonl")[0] == 0
    assert files(province) == sorted(
        [f"tracker=dong-ha/year=2023/{t}.jsonl" for t in TABLES]
        + [f"tracker=cam-lo/year=2023/{t}.jsonl" for t in TABLES]
    )
    text = (province / "tracker=dong-ha/year=2023/trackers.jsonl").read_text(encoding="utf-8")
    assert '"period": "2023-Q3"' in text and '"as_of": "2023-10-10"' in text


def test_partitioned_refuses_a_period_across_two_years(tmp_path: Path) -> None:
    root = named(tmp_path / "t", "acct: 1\nid: dong-ha\n")
    code, _, stderr = export(root, tmp_path / "out", "2022-12-01..2023-01-31", "--partitioned")
    assert code == 2
    assert stderr == (
        "acct: --partitioned writes one year's partition, and 2022-12-01..2023-01-31 spans 2022 to 2023; "
        "export each year's part on its own\n"
    )
    assert not (tmp_path / "out").exists()


def test_readers_that_take_columns_from_the_hive_path_see_the_same_rows(tmp_path: Path) -> None:
    # DuckDB and Spark give a partition's key=value precedence over the file's own column of that name: the
    # partition's keys are the rows' own tracker and year, so nothing changes.
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    for name in ("dong-ha", "cam-lo"):
        root = named(tmp_path / name, f"acct: 1\nid: {name}\n")
        assert export(root, tmp_path / "province", "2023-Q2", "--partitioned", "--format", "parquet")[0] == 0
    glob = f"{tmp_path}/province/*/*/items.parquet"
    query = "SELECT tracker, year, item FROM read_parquet('{}', hive_partitioning={}) ORDER BY ALL"
    via_path = duckdb.sql(query.format(glob, "true")).fetchall()
    assert via_path == duckdb.sql(query.format(glob, "false")).fetchall()
    assert [(t, y) for t, y, _ in via_path] == [("cam-lo", 2023)] * 3 + [("dong-ha", 2023)] * 3
