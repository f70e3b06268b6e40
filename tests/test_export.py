"""`acct export`: the eleven tables with their documented columns, figures worked out by hand, a unit's score
re-computed from the exported CSV alone, and Parquet with or without pyarrow."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, SAMPLE, run_acct, run_installed, write_tracker

from accountability import __version__

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
Q2 = ["2023-Q2", "--as-of", "2023-07-10"]
HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None


def documented_columns() -> dict[str, list[str]]:
    """The columns of each table, as docs/export.md lists them."""
    text = (PROJECT / "docs" / "export.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| ([^|]+) \|$", text, re.MULTILINE)
    return {table: [c.strip() for c in columns.split(",")] for table, columns in rows}


def export(root: Path, out: Path, fmt: str, period: list[str] = Q2) -> None:
    result = run_acct("export", *period, "--format", fmt, "-o", str(out), "--root", str(root), cwd=root)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert len(result.stdout.splitlines()) == 11


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    """The small tracker of conftest, named in acct.yaml as a province would know it."""
    return write_tracker(tmp_path, {"acct.yaml": "acct: 1\nid: dong-ha\n"})


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_docs_list_the_eleven_tables() -> None:
    assert list(documented_columns()) == TABLES


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_each_table_has_its_documented_columns_in_order(tracker: Path, tmp_path: Path, fmt: str) -> None:
    export(tracker, tmp_path / "out", fmt)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    for table, columns in documented_columns().items():
        path = tmp_path / "out" / f"{table}.{fmt}"
        if fmt == "csv":
            assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(columns), table
        else:
            assert all(list(row) == columns for row in read_jsonl(path)), table


def test_csv_rows_worked_out_by_hand(tracker: Path, tmp_path: Path) -> None:
    export(tracker, tmp_path, "csv")
    text = {t: (tmp_path / f"{t}.csv").read_text(encoding="utf-8").splitlines()[1:] for t in TABLES}
    assert text["trackers"] == [f"dong-ha,,2023-Q2,2023,2023-04-01,2023-06-30,2023-07-10,0.8,{__version__}"]
    assert text["units"] == [
        "btv,Ban Thường vụ Thành ủy,,ho-sy-trung,dong-ha,2023-Q2,2023",
        "phuong-1,Phường 1,btv,nguyen-van-a,dong-ha,2023-Q2,2023",
    ]
    assert text["people"][2] == "tran-van-b,Trần Văn B,phuong-1,,,,,,dong-ha,2023-Q2,2023"
    # As of 10 July, Q2's cut-off is 30 June. le-loi is due 30 September and not done: open, counted but not scored.
    # thu-ngan-sach's pace line runs from 0 on 1 January to 120 on 31 December, so at
    # 30 June (180 of 364 days) it expects 120 × 180/364; the report says 58, so the credit is 58 × 364 / (120 × 180).
    assert 58 * 364 / (120 * 180) == 0.9774074074074074
    assert text["items"] == [
        (
            "phuong-1,2023,gpmb,Giải phóng mặt bằng,1.0,le-loi,Bàn giao mặt bằng tuyến Lê Lợi,tran-van-b,2023-09-30,,"
            "1.0,task,,,,True,open,,2023/commitments/phuong-1.yaml,dong-ha,2023-Q2"
        ),
        (
            "phuong-1,2023,kinh-te,Phát triển kinh tế,1.0,thu-ngan-sach,Thu ngân sách,nguyen-van-a,2023-12-31,,"
            "1.0,indicator,120.0,tỷ đồng,up,True,behind,0.9774074074074074,2023/commitments/phuong-1.yaml,dong-ha,2023-Q2"
        ),
        (
            "phuong-1,2023,xay-dung-dang,Xây dựng Đảng,1.0,ket-nap,Kết nạp đảng viên mới,nguyen-van-a,2023-12-31,,"
            "1.0,indicator,10.0,người,up,True,no_report,0.0,2023/commitments/phuong-1.yaml,dong-ha,2023-Q2"
        ),
    ]
    assert text["reports"] == [
        "phuong-1,2023,thu-ngan-sach,2023-03-31,26.4,,dong-ha,2023-Q2",
        "phuong-1,2023,thu-ngan-sach,2023-06-30,58.0,,dong-ha,2023-Q2",
    ]
    assert text["plans"] == [
        "tran-van-b,2023-05,2023-06-01,92.0,excellent,2023-06-05,nguyen-van-a,28.0,good,,"
        "2023/plans/2023-05/tran-van-b.yaml,dong-ha,2023-Q2,2023"
    ]
    # t1: done on time, no failed quality check: credit 1, so task results 70, plus general 28: 98
    assert text["tasks"] == [
        (
            "tran-van-b,2023-05,t1,Hoàn thiện hồ sơ bồi thường,nguyen-van-a,2023-05-20,2023-05-18,1.0,"
            "phuong-1/le-loi,,2023-06-02,0,,False,on_time,1.0,dong-ha,2023-Q2,2023"
        )
    ]
    # the quarter's level is proposed from the score; May's is the concluded rating
    assert text["person_scores"] == [
        "2023-Q2,2023-07-10,tran-van-b,phuong-1,,98.0,,,excellent,False,0,,,proposed,dong-ha,2023",
        "2023-Q2,2023-07-10,tran-van-b,phuong-1,2023-05,98.0,excellent,good,good,False,0,,,concluded,dong-ha,2023",
    ]
    # 100 × (0.97741 + 0) / 2 groups with a scored item = 48.9. The quota counts May's one concluded rating, good:
    # phuong-1 has 1 person rated, fewer than 5, so it is counted with btv: 0 excellent, 1 good, 0 allowed
    assert text["unit_scores"] == [
        (
            "2023-Q2,2023-07-10,phuong-1,Phường 1,48.9,not-done,1,1,0,0,0,1,2,0,0,0,0,1,0,False,"
            "review-now:thu-ngan-sach,0,1,1,phuong-1 btv,,dong-ha,2023"
        )
    ]
    assert text["escalations"] == []  # May's one task was done on time
    # due 31 October, open on 10 July: not yet counted in the year's share
    assert text["issues"] == [
        "lan-chiem-via-he,Lấn chiếm vỉa hè tuyến Hùng Vương,2023-02-10,phuong-1,phuong-1,nguyen-van-a,2023-10-31,,"
        "False,False,2023/issues/lan-chiem-via-he.yaml,dong-ha,2023-Q2,2023"
    ]


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample tracker's Q2, exported as CSV and as JSON lines."""
    out = tmp_path_factory.mktemp("sample-export")
    export(SAMPLE, out / "csv", "csv")
    export(SAMPLE, out / "jsonl", "jsonl")
    return out


@pytest.fixture(scope="module")
def sample_scores() -> dict[str, Any]:
    result = run_acct("score", *Q2, "--format", "json", "--root", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_every_unit_scores_row_equals_acct_score_json(sample_export: Path, sample_scores: dict[str, Any]) -> None:
    expected = [
        {
            "period": sample_scores["period"]["id"],
            "as_of": sample_scores["as_of"],
            "unit": u["unit"],
            "name": u["name"],
            "score": u["score"],
            "level": u["level"],
            "rank": u["rank"],
            **{f"tasks_{k}": v for k, v in u["tasks"].items()},
            **{f"indicators_{k}": v for k, v in u["indicators"].items()},
            "excellent": u["quota"]["excellent"],
            "good": u["quota"]["good"],
            "allowed_excellent": u["quota"]["allowed_excellent"],
            "quota_over": u["quota"]["over"],
            "flags": " ".join(u["flags"]),
            "quota_group": " ".join(u["quota"]["group"]),
            "quota_months_over": " ".join(u["quota"]["months_over"]),
            "tracker": "thanh-uy-dong-ha",
            "year": 2023,
        }
        for u in sample_scores["units"]
    ]
    assert len(expected) == 10
    assert read_jsonl(sample_export / "jsonl" / "unit_scores.jsonl") == expected


def test_a_short_query_over_the_exported_csv_reproduces_every_unit_score(
    sample_export: Path, sample_scores: dict[str, Any]
) -> None:
    # The query of docs/export.md, in SQLite (from the standard library) over the CSV as text, cast where needed.
    db = sqlite3.connect(":memory:")
    rows = read_csv(sample_export / "csv" / "items.csv")
    db.execute(f"CREATE TABLE items ({', '.join(f'{c!r}' for c in rows[0])})")
    db.executemany(f"INSERT INTO items VALUES ({', '.join('?' * len(rows[0]))})", [list(r.values()) for r in rows])
    query = """
        WITH per_group AS (
          SELECT unit, year, "group", max(CAST(group_weight AS REAL)) AS w_g,
                 sum(CAST(weight AS REAL) * CAST(credit AS REAL)) / sum(CAST(weight AS REAL)) AS credit_g
          FROM items WHERE counted = 'True' AND credit <> '' GROUP BY unit, year, "group")
        SELECT unit, round(100 * sum(w_g * credit_g) / sum(w_g), 1) FROM per_group GROUP BY unit ORDER BY unit"""
    scored = {u["unit"]: u["score"] for u in sample_scores["units"] if u["score"] is not None}
    assert len(scored) == 9  # the tenth, btv, has people but no commitment: its score is null
    assert dict(db.execute(query).fetchall()) == scored


def test_the_duckdb_query_of_the_docs_reproduces_every_unit_score(
    sample_export: Path, sample_scores: dict[str, Any]
) -> None:
    duckdb = pytest.importorskip("duckdb")  # a test-only dependency, when it is installed
    text = (PROJECT / "docs" / "export.md").read_text(encoding="utf-8")
    query = re.search(r"```sql\n(.*?)```", text, re.DOTALL).group(1)  # type: ignore[union-attr]
    query = query.replace("'export/", f"'{sample_export / 'csv'}/")
    scored = {u["unit"]: u["score"] for u in sample_scores["units"] if u["score"] is not None}
    assert dict(duckdb.sql(query).fetchall()) == scored


@pytest.mark.skipif(HAS_PYARROW, reason="pyarrow is installed; the test below hides it instead")
def test_parquet_without_pyarrow_says_what_to_install(tracker: Path, tmp_path: Path) -> None:
    result = run_acct("export", *Q2, "--format", "parquet", "-o", str(tmp_path / "out"), cwd=tracker)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "acct: --format parquet needs pyarrow: install it with  pip install 'accountability-tracker[parquet]'\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not HAS_PYARROW, reason="pyarrow is not installed; the test above covers its absence")
def test_parquet_with_pyarrow_hidden_says_what_to_install(tracker: Path, tmp_path: Path) -> None:
    # pyarrow is installed here, so a folder first on the path holds a pyarrow that cannot be imported, as when it
    # is missing: the only way to see the message without uninstalling it.
    (tmp_path / "hide" / "pyarrow").mkdir(parents=True)
    (tmp_path / "hide" / "pyarrow" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'pyarrow'\")\n"
    )
    env = {"PYTHONPATH": str(tmp_path / "hide")}
    result = run_installed("export", *Q2, "--format", "parquet", "-o", str(tmp_path / "out"), cwd=tracker, env=env)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "acct: --format parquet needs pyarrow: install it with  pip install 'accountability-tracker[parquet]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_parquet_reads_back_with_fixed_types_and_the_values_of_the_jsonl(sample_export: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export(SAMPLE, tmp_path, "parquet")
    types = {"date": "date32[day]", "integer": "int64", "decimal": "double", "boolean": "bool", "text": "string"}
    documented = {
        "date": "due done on as_of active_from active_to self_on rating_on review_on deadline raised resolved period_start period_end",
        "integer": "year rank quality_fails delays misses excellent good allowed_excellent line",
        "decimal": "group_weight weight target credit value self_score rating_general score issues_target",
        "boolean": "counted excused quota_over provisional on_time",
    }
    for table, columns in documented_columns().items():
        read = pq.read_table(tmp_path / f"{table}.parquet")
        assert read.column_names == columns
        for column, arrow_type in zip(columns, read.schema.types, strict=False):
            kind = next((k for k, names in documented.items() if column in names.split()), None)
            kind = kind or ("integer" if column.startswith(("tasks_", "indicators_")) else "text")
            assert str(arrow_type) == types[kind], (table, column)
        rows = [
            {c: v.isoformat() if hasattr(v, "isoformat") else v for c, v in row.items()} for row in read.to_pylist()
        ]
        assert rows == read_jsonl(sample_export / "jsonl" / f"{table}.jsonl"), table
