"""`acct rollup` with DuckDB: figures worked out by hand for three small trackers, every district's figures equal to
`acct score` of its tracker for three generated ones, no tracker counted twice, and clear refusals."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.dom import minidom

import pytest
from conftest import PROJECT, SAMPLE, run_installed
from rollup_cases import (
    GENERATED,
    GENERATED_IDS,
    HAND,
    acct,
    actual_district,
    expected_district,
    export,
    generated_exports,
    hand_exports,
    mean,
    parquet_works,
)

pytest.importorskip("duckdb")


def rollup(*args: str) -> dict[str, Any]:
    code, stdout, stderr = acct("rollup", *map(str, args), "--format", "json")
    assert (code, stderr) == (0, ""), stderr
    return json.loads(stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hand_exports(tmp_path_factory)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    return generated_exports(tmp_path_factory)


def test_the_hand_case_worked_out_by_hand(hand: Path) -> None:
    found = rollup(hand / "dong-ha", hand / "cam-lo", hand / "gio-linh")
    # gio-linh's phuong-1: 100 × (0.9774 + 1) / 2 = 98.9; the other two: 100 × 0.9774 / 2 = 48.9, a tie: both rank 2
    assert [(d["tracker"], d["rank"], d["mean_score"]) for d in found["districts"]] == [
        ("gio-linh", 1, 98.9),
        ("cam-lo", 2, 48.9),
        ("dong-ha", 2, 48.9),
    ]
    gio_linh, cam_lo, dong_ha = found["districts"]
    assert gio_linh["organization"] is None and cam_lo["organization"] == "Huyện ủy Cam Lộ"
    assert gio_linh["units"]["levels"]["excellent"] == {"count": 1, "share": 1.0}
    assert dong_ha["units"]["levels"]["not-done"] == {"count": 1, "share": 1.0}
    assert dong_ha["units"]["total"] == dong_ha["units"]["scored"] == 1  # btv has neither commitment nor plans
    # cam-lo's issue was due 30 June and resolved 20 June; dong-ha's is due 31 October, not counted on 10 July
    assert cam_lo["issues"] == {"due": 1, "resolved_on_time": 1, "share": 1.0, "target": 0.8, "met": True}
    assert dong_ha["issues"] == {"due": 0, "resolved_on_time": 0, "share": None, "target": 0.8, "met": None}
    # phuong-1 is rated not done in two districts; the quota counts May's one concluded rating, good: none is over
    assert [d["flags"] for d in found["districts"]] == [[], ["unit-not-done"], ["unit-not-done"]]
    assert [d["over_quota"] for d in found["districts"]] == [0, 0, 0]
    assert dong_ha["flagged_units"] == [
        {
            "unit": "phuong-1",
            "name": "Phường 1",
            "score": 48.9,
            "level": "not-done",
            "flags": ["review-now:thu-ngan-sach"],
            "quota_over": False,
        }
    ]
    # the province: (98.9 + 48.9 + 48.9) / 3 = 65.567 → 65.6; 1 of 3 units excellent, 2 not done
    province = found["province"]
    assert province["mean_score"] == 65.6
    assert province["units"]["levels"]["excellent"] == {"count": 1, "share": 0.3333}
    assert province["units"]["levels"]["not-done"] == {"count": 2, "share": 0.6667}
    # tran-van-b's quarter: 98.0, a proposed level (one month concluded good), in each district
    assert province["people"]["levels"]["excellent"] == {"count": 3, "share": 1.0}
    assert province["people"]["proposed"] == 3
    assert province["targets"] == {"total": 6, "met_or_beaten": 0, "beaten": 0, "share": 0.0}
    assert province["plan_tasks"] == {"on_time": 3, "late": 0, "undone": 0, "open": 0, "on_time_share": 1.0}
    assert province["issues"] == {"due": 1, "resolved_on_time": 1, "share": 1.0}
    assert (province["districts"], province["districts_meeting_issues_target"], province["districts_flagged"]) == (
        3,
        1,
        2,
    )


def test_each_figure_names_its_query_table_and_columns(hand: Path) -> None:
    found = rollup(hand)
    units = next(q for q in found["queries"] if q["name"] == "units")
    assert units["table"] == "unit_scores"
    assert "mean_score" in units["feeds"] and "score" in units["columns"]
    assert "FROM unit_scores WHERE period = '2023-Q2'" in units["sql"]
    assert units["rows"] == 3  # grouped by tracker and level: (gio-linh, excellent), (cam-lo, not-done), (dong-ha, …)
    assert [q["name"] for q in found["queries"]] == [
        "districts",
        "units",
        "people",
        "tasks",
        "issues",
        "flagged_units",
        "item_titles",
    ]


def test_every_district_figure_equals_acct_score_of_its_tracker(generated: tuple[Path, dict[str, Any]]) -> None:
    province, scored = generated
    found = rollup(province)
    assert sorted(d["tracker"] for d in found["districts"]) == sorted(GENERATED_IDS)
    for district in found["districts"]:
        expected = expected_district(scored[district["tracker"]])
        assert actual_district(district) == expected, district["tracker"]
        assert district["units"]["total"] == len(scored[district["tracker"]]["units"])
    # the three trackers share every unit id, yet each district counts only its own units
    assert found["province"]["units"]["total"] == sum(len(s["units"]) for s in scored.values()) == 15
    assert found["province"]["issues"]["due"] == sum(s["issues"]["due"] for s in scored.values())


def test_the_ranking_follows_the_means_and_the_province_adds_up(generated: tuple[Path, dict[str, Any]]) -> None:
    found = rollup(generated[0])
    means = [d["mean_score"] for d in found["districts"]]
    assert means == sorted(means, reverse=True) and len(set(means)) == 3
    assert [d["rank"] for d in found["districts"]] == [1, 2, 3]
    every_unit = [u["score"] for s in generated[1].values() for u in s["units"] if u["score"] is not None]
    assert found["province"]["mean_score"] == mean(every_unit)


def test_a_tracker_exported_twice_into_its_partition_counts_once(
    generated: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    province, _ = generated
    once = rollup(province)
    again = tmp_path / "again"
    second = "parquet" if parquet_works() else "jsonl"
    for tracker in GENERATED_IDS:
        root = province.parent / "trackers" / tracker
        export(root, again, GENERATED, "--partitioned", "--format", "csv")
        export(root, again, GENERATED, "--partitioned", "--format", second)  # replaces the CSV partition
    assert rollup(again)["districts"] == once["districts"]


def test_a_folder_named_twice_is_read_once(hand: Path) -> None:
    once = rollup(hand)
    assert rollup(hand, hand / "dong-ha", hand / "dong-ha") == once


def test_a_tracker_exported_twice_into_two_folders_is_refused(hand: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    export(hand.parent / "trackers" / "dong-ha", copy, HAND, "--format", "jsonl")
    code, stdout, stderr = acct("rollup", str(hand), str(copy))
    assert (code, stdout) == (2, "")
    both = ", ".join(sorted([f"{copy}/trackers.jsonl", f"{hand}/dong-ha/trackers.csv"]))
    assert stderr == (
        f"acct: the tracker 'dong-ha' is exported more than once for this period ({both}); its rows would count "
        "twice: keep one of these exports (or, if they are two trackers, give each its own id: in acct.yaml)\n"
    )


def test_several_periods_need_a_choice(hand: Path, tmp_path: Path) -> None:
    q3 = tmp_path / "q3"
    export(hand.parent / "trackers" / "cam-lo", q3, ["2023-Q3", "--as-of", "2023-10-10"])
    code, stdout, stderr = acct("rollup", str(hand / "dong-ha"), str(q3))
    assert (code, stdout) == (2, "")
    assert stderr == "acct: the exports hold several periods (2023-Q2, 2023-Q3); choose one with --period\n"
    assert [d["tracker"] for d in rollup(hand / "dong-ha", q3, "--period", "2023-Q3")["districts"]] == ["cam-lo"]
    code, _, stderr = acct("rollup", str(q3), "--period", "2023-Q4")
    assert (code, stderr) == (2, "acct: no export is of the period 2023-Q4; the exports hold: 2023-Q3\n")


def test_what_is_not_an_export_is_refused_with_what_would_be(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, stderr = acct("rollup", str(tmp_path / "empty"))
    assert (code, stderr) == (
        2,
        f"acct: no export found in {tmp_path}/empty: an export is a folder that acct export wrote, holding "
        "trackers.csv, trackers.jsonl or trackers.parquet\n",
    )
    code, _, stderr = acct("rollup", str(tmp_path / "nowhere"))
    assert (code, stderr) == (
        2,
        f"acct: {tmp_path}/nowhere is not a folder; name the folders that acct export wrote to\n",
    )
    old = tmp_path / "old"
    old.mkdir()
    (old / "unit_scores.csv").write_text("period,as_of,unit\n", encoding="utf-8")
    code, _, stderr = acct("rollup", str(old))
    assert code == 2
    assert stderr == (
        f"acct: {old} holds an export without a trackers table, written by an older acct whose rows do not name "
        "their tracker; export that tracker again with this acct\n"
    )


def test_a_partial_export_names_the_missing_tables(hand: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    export(hand.parent / "trackers" / "dong-ha", partial, HAND)
    (partial / "tasks.csv").unlink()
    code, _, stderr = acct("rollup", str(partial))
    assert (code, stderr) == (2, f"acct: {partial} holds trackers.csv but not tasks.csv; export that tracker again\n")


def test_the_report_in_markdown_in_both_languages(hand: Path) -> None:
    code, english, _ = acct("rollup", str(hand))
    assert code == 0
    assert english.startswith("# Province roll-up: Q2 2023\n\n_districts: 3 · as of 2023-07-10_\n")
    assert "| 1 | gio-linh | gio-linh | 98.9 | 1/1 | 2023-07-10 |  |" in english
    assert "| 2 | Huyện ủy Cam Lộ | cam-lo | 48.9 | 1/1 | 2023-07-10 | units rated not done: 1 |" in english
    assert "| Province | 1 (33.33%) | 0 (0.00%) | 0 (0.00%) | 2 (66.67%) | 0 |" in english
    assert "| Huyện ủy Cam Lộ | 0 (0)/2 (0.00%) | 1/1 (100.00%) | 1/1 (100.00%) | 80.00%: met | 0 |" in english
    assert "-- units\nSELECT tracker, coalesce(level, '') AS level" in english
    # a flag names its item by the title in the export's items table, not by its id (thu-ngan-sach)
    assert (
        "| Huyện ủy Cam Lộ | Phường 1 | 48.9 | not done | review now, behind pace two quarters running: Thu ngân sách |"
        in english
    )
    code, vietnamese, _ = acct("rollup", str(hand), "--lang", "vi")
    assert vietnamese.startswith(
        "# Báo cáo tổng hợp của tỉnh quý II năm 2023\n\n_3 huyện, thị xã, thành phố · tính đến ngày 10/07/2023_\n"
    )
    assert "| Toàn tỉnh | 1 (33,33%) | 0 (0,00%) | 0 (0,00%) | 2 (66,67%) | 0 |" in vietnamese
    assert "| Huyện ủy Cam Lộ | 0 (0)/2 (0,00%) | 1/1 (100,00%) | 1/1 (100,00%) | 80,00%: đạt | 0 |" in vietnamese


def test_the_report_in_html_is_one_well_formed_page(hand: Path, tmp_path: Path) -> None:
    page = tmp_path / "rollup.html"
    code, stdout, stderr = acct("rollup", str(hand), "--format", "html", "-o", str(page), "--lang", "vi")
    assert (code, stdout, stderr) == (0, "", f"đã ghi {page}\n")  # said in --lang
    text = page.read_text(encoding="utf-8")
    minidom.parseString(text.removeprefix("<!DOCTYPE html>\n"))
    assert '<html lang="vi">' in text and 'class="chart dots"' in text and "http" not in text.replace("http-equiv", "")
    assert "<h2>Xếp hạng các huyện, thị xã, thành phố theo điểm bình quân của các đơn vị</h2>" in text


def test_without_duckdb_the_command_names_the_extra_to_install(hand: Path, tmp_path: Path) -> None:
    (tmp_path / "hide" / "duckdb").mkdir(parents=True)
    (tmp_path / "hide" / "duckdb" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'duckdb'\")\n"
    )
    result = run_installed("rollup", str(hand), env={"PYTHONPATH": str(tmp_path / "hide")})
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "acct: acct rollup needs DuckDB: install it with  pip install 'accountability-tracker[rollup]'\n"
    )


def test_the_report_shown_in_docs_export_md_is_what_acct_prints(tmp_path: Path) -> None:
    # The commands of docs/export.md, with the temporary folder of the test for /tmp.
    pytest.importorskip("pyarrow")
    for name, seed, organization in (("cam-lo", "1", "Huyện ủy Cam Lộ"), ("gio-linh", "2", "Huyện ủy Gio Linh")):
        root = tmp_path / name
        command = [sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root), "--size", "small"]
        subprocess.run(
            [*command, "--seed", seed, "--id", f"huyen-{name}", "--issues", "8"], check=True, capture_output=True
        )
        config = root / "acct.yaml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("Huyện ủy Mẫu Sơn", organization), encoding="utf-8"
        )
    province = tmp_path / "province"
    for root in (SAMPLE, tmp_path / "cam-lo", tmp_path / "gio-linh"):
        export(root, province, HAND, "--partitioned", "--format", "parquet")
    code, printed, _ = acct("rollup", str(province))
    page = (PROJECT / "docs" / "export.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- rollup:output -->\n````markdown\n(.*?)````\n<!-- /rollup:output -->", page, re.DOTALL)
    assert shown is not None
    assert (code, printed) == (0, shown.group(1))
