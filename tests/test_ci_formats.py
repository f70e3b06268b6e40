"""The formats for CI: GitHub workflow commands within GitHub's limits, the step summary, SARIF 2.1.0 validated
against its schema, and CODEOWNERS. (tests/test_cli.py already pins check's first `::error` line, its summary row and
its notice after 12 errors.)"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
from conftest import PROJECT, RATED, SAMPLE, run_acct, write_tracker

from accountability.codes import CODES
from accountability.queries.overdue import CODES as OVERDUE_CODES

SARIF_SCHEMA = json.loads((PROJECT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# 12 errors: people in a unit that does not exist
NOWHERE = {
    "org2.yaml": "kind: org\npeople:\n"
    + "".join(f"  - id: p{i:02d}\n    name: P{i}\n    unit: nowhere\n" for i in range(12))
}


def unkept_months(months: int) -> dict[str, str]:
    """tran-van-b's plans for months 1..N of 2023, each with one task never done, yet rated excellent with no
    reason: a `rating-above-computed` and a `quota-exceeded` warning each month."""
    plan = """\
kind: plan
person: tran-van-b
month: 2023-{m:02d}
tasks:
  - id: t1
    title: Việc tháng {m}
    assigned_by: nguyen-van-a
    due: 2023-{m:02d}-10
rating: {{on: 2023-{n:02d}-02, by: nguyen-van-a, general: 20, level: excellent}}
"""
    return {f"2023/plans/2023-{m:02d}/tran-van-b.yaml": plan.format(m=m, n=m + 1) for m in range(1, months + 1)}


def overdue_plan(late: int, soon: int) -> dict[str, str]:
    """As of 15 June: `late` tasks of tran-van-b due 1, 2, … June (14, 13, … days late) and `soon` tasks due 16,
    17, … June (due in 1, 2, … days). Everyone has a June plan and there is no commitment, so nothing else is found."""
    days = [*range(1, late + 1), *range(16, 16 + soon)]
    tasks = "".join(
        f"  - id: t{d:02d}\n    title: Việc ngày {d}\n    assigned_by: nguyen-van-a\n    due: 2023-06-{d:02d}\n"
        for d in days
    )
    return {
        **RATED,
        "2023/plans/2023-05/tran-van-b.yaml": None,
        "2023/commitments/phuong-1.yaml": None,
        "2023/plans/2023-06/tran-van-b.yaml": "kind: plan\nperson: tran-van-b\nmonth: 2023-06\ntasks:\n" + tasks,
        "2023/plans/2023-06/nguyen-van-a.yaml": "kind: plan\nperson: nguyen-van-a\nmonth: 2023-06\ntasks: []\n",
        "2023/plans/2023-06/ho-sy-trung.yaml": "kind: plan\nperson: ho-sy-trung\nmonth: 2023-06\ntasks: []\n",
    }


def commands(stdout: str) -> list[str]:
    return [line.split(" ", 1)[0] for line in stdout.splitlines() if line.startswith("::")]


def test_check_shows_ten_errors_and_ten_warnings_then_counts_the_rest(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {**NOWHERE, **unkept_months(11)})
    result = run_acct("check", "--format", "github", "--as-of", "2023-12-31", cwd=root)
    assert result.returncode == 1
    # 12 errors and 22 warnings: errors first, as they fail the step
    assert commands(result.stdout) == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"]
    lines = result.stdout.splitlines()
    assert lines[-2] == "::notice title=acct::14 more problems not shown here; run 'acct check' for the full list"
    assert lines[-1] == "checked 16 files: 12 errors, 22 warnings"
    assert lines[10] == (
        "::warning file=2023/plans/2023-01/tran-van-b.yaml,line=9,col=64,title=acct [quota-exceeded]::the rating group of "
        "btv (btv, phuong-1) has 1 rated excellent in 2023-01 with 0 rated good; at most floor(0.2 × 0) = 0 may be "
        "excellent, and this rating of tran-van-b on 2023-02-02 is one of the 1 dated last"
    )


def test_check_with_ten_or_fewer_of_each_has_no_notice(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, unkept_months(5))
    result = run_acct("check", "--format", "github", "--as-of", "2023-12-31", cwd=root)
    assert result.returncode == 0
    assert commands(result.stdout) == ["::warning"] * 10


def test_overdue_shows_the_ten_longest_overdue_and_the_ten_soonest_then_counts_the_rest(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, overdue_plan(late=12, soon=12))
    result = run_acct("overdue", "--format", "github", "--as-of", "2023-06-15", cwd=root)
    assert result.returncode == 1
    assert commands(result.stdout) == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"]
    lines = result.stdout.splitlines()
    path = "2023/plans/2023-06/tran-van-b.yaml"
    assert (
        lines[0]
        == f"::error file={path},line=8,title=acct [plan-task]::tran-van-b: Việc ngày 1 — due 2023-06-01, 14 days late"
    )
    assert (
        lines[9]
        == f"::error file={path},line=44,title=acct [plan-task]::tran-van-b: Việc ngày 10 — due 2023-06-10, 5 days late"
    )
    assert (
        lines[10]
        == f"::warning file={path},line=56,title=acct [due-soon]::tran-van-b: Việc ngày 16 — due 2023-06-16, due in 1 day"
    )
    assert (
        lines[19]
        == f"::warning file={path},line=92,title=acct [due-soon]::tran-van-b: Việc ngày 25 — due 2023-06-25, due in 10 days"
    )
    assert lines[20:] == [
        "::notice title=acct::4 more findings not shown here; run 'acct overdue' for the full list",
        "12 overdue, 12 due soon, for 1 person",
    ]


def test_overdue_warnings_alone_stay_within_the_limit_and_exit_0(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, overdue_plan(late=0, soon=11))
    result = run_acct("overdue", "--format", "github", "--as-of", "2023-06-15", cwd=root)
    assert result.returncode == 0
    assert commands(result.stdout) == ["::warning"] * 10 + ["::notice"]
    assert "::notice title=acct::1 more finding not shown here; run 'acct overdue' for the full list" in result.stdout


def test_the_step_summary_gets_every_overdue_finding_appended_as_a_table(tmp_path: Path) -> None:
    root = write_tracker(tmp_path / "t", overdue_plan(late=12, soon=1))
    summary = tmp_path / "summary.md"
    summary.write_text("## Earlier step\n\n", encoding="utf-8")
    run_acct(
        "overdue", "--format", "github", "--as-of", "2023-06-15", cwd=root, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    text = summary.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:4] == [
        "## Earlier step",
        "",
        "| who | code | due | days | file | title |",
        "|---|---|---|---:|---|---|",
    ]
    assert len(lines) == 4 + 13  # every finding, not only the ten shown as annotations
    assert (
        lines[4]
        == "| tran-van-b | `plan-task` | 2023-06-01 | 14 | 2023/plans/2023-06/tran-van-b.yaml:8 | Việc ngày 1 |"
    )
    assert (
        lines[-1]
        == "| tran-van-b | `due-soon` | 2023-06-16 | -1 | 2023/plans/2023-06/tran-van-b.yaml:56 | Việc ngày 16 |"
    )


def test_check_appends_every_problem_to_the_step_summary(tmp_path: Path) -> None:
    root = write_tracker(tmp_path / "t", NOWHERE)
    summary = tmp_path / "summary.md"
    run_acct(
        "check", "--format", "github", "--as-of", "2023-07-10", cwd=root, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["| file | line | col | severity | code | message |", "|---|---:|---:|---|---|---|"]
    assert len(lines) == 2 + 12


def test_no_step_summary_is_written_when_the_variable_is_unset_or_the_format_is_not_github(tmp_path: Path) -> None:
    root = write_tracker(tmp_path / "t", NOWHERE)
    summary = tmp_path / "summary.md"
    run_acct("check", "--format", "github", "--as-of", "2023-07-10", cwd=root, env={"GITHUB_STEP_SUMMARY": ""})
    run_acct("check", "--format", "text", "--as-of", "2023-07-10", cwd=root, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def sarif(*args: str, cwd: Path) -> dict[str, Any]:
    result = run_acct(*args, "--format", "sarif", cwd=cwd)
    assert "Traceback" not in result.stderr
    body: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(body)
    return body


def assert_rules_have_help(body: dict[str, Any], codes: dict[str, str]) -> None:
    (run,) = body["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(codes)  # one rule per code, whether found or not
    for rule in rules:
        assert rule["help"]["text"] == codes[rule["id"]] and len(rule["help"]["text"]) > 20, rule["id"]
        assert rule["help"]["markdown"].startswith(f"`{rule['id']}`: ")
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_check_sarif_validates_against_the_schema_with_help_for_every_rule(tmp_path: Path) -> None:
    root = write_tracker(
        tmp_path, {**NOWHERE, **unkept_months(1), "2023/issues/lan-chiem-via-he.yaml": "kind: issue\ntitel: y\n"}
    )
    body = sarif("check", "--as-of", "2023-07-10", cwd=root)
    assert body["version"] == "2.1.0"
    assert_rules_have_help(body, CODES)
    results = body["runs"][0]["results"]
    assert len(results) == 12 + 8 + 2  # unknown units; 7 missing keys and 1 unknown; 2 warnings
    assert {(r["ruleId"], r["level"]) for r in results} == {
        ("unknown-unit", "error"),
        ("missing-key", "error"),
        ("unknown-key", "error"),
        ("rating-above-computed", "warning"),
        ("quota-exceeded", "warning"),
    }
    unknown_key = next(r for r in results if r["ruleId"] == "unknown-key")
    assert unknown_key["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "2023/issues/lan-chiem-via-he.yaml"},
                "region": {"startLine": 2, "startColumn": 1},
            }
        }
    ]
    assert unknown_key["message"] == {"text": "unknown key 'titel'; did you mean 'title'?"}


def test_a_clean_check_is_valid_sarif_with_no_results(tmp_path: Path) -> None:
    body = sarif("check", "--as-of", "2023-07-10", cwd=write_tracker(tmp_path, {}))
    assert body["runs"][0]["results"] == []


def test_overdue_sarif_validates_against_the_schema_with_help_for_every_rule() -> None:
    body = sarif("overdue", "--as-of", "2023-07-10", cwd=SAMPLE.parent)
    assert_rules_have_help(body, OVERDUE_CODES)
    results = body["runs"][0]["results"]
    assert len(results) == 62  # 60 overdue and 2 due soon
    task = next(r for r in results if r["ruleId"] == "task")
    assert task["level"] == "error"
    assert (
        task["message"]["text"]
        == "dang-quoc-huy: Bàn giao mặt bằng dự án mở rộng đường Hùng Vương (đoạn qua Phường 1) (due 2023-06-30)"
    )
    assert task["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "commitments/2023/commitments/phuong-1.yaml"},
        "region": {"startLine": 20},
    }


def test_due_soon_is_a_sarif_warning(tmp_path: Path) -> None:
    body = sarif("overdue", "--as-of", "2023-06-15", cwd=write_tracker(tmp_path, overdue_plan(late=1, soon=1)))
    assert [(r["ruleId"], r["level"]) for r in body["runs"][0]["results"]] == [
        ("plan-task", "error"),
        ("due-soon", "warning"),
    ]


OWNERS_ORG = """\
kind: org
units:
  - id: btv
    name: Ban Thường vụ Thành ủy
    head: ho-sy-trung
  - id: phuong-1
    name: Phường 1
    parent: btv
    head: nguyen-van-a
  - id: phuong-2
    name: Phường 2
    parent: btv
    head: le-thi-c
people:
  - id: ho-sy-trung
    name: Hồ Sỹ Trung
    unit: btv
    handle: hosytrung
  - id: nguyen-van-a
    name: Nguyễn Văn A
    unit: phuong-1
    handle: nguyenvana
  - id: tran-van-b
    name: Trần Văn B
    unit: phuong-1
  - id: le-thi-c
    name: Lê Thị C
    unit: phuong-2
  - id: pham-van-d
    name: Phạm Văn D
    unit: phuong-2
"""


def empty_plan(person: str, month: str) -> str:
    return f"kind: plan\nperson: {person}\nmonth: {month}\ntasks: []\n"


def test_codeowners_for_a_small_org(tmp_path: Path) -> None:
    subprocess.run(
        ["git", "init", "--quiet"], cwd=tmp_path, check=True, env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    )
    root = write_tracker(
        tmp_path / "theo-doi",
        {
            "org.yaml": OWNERS_ORG,
            "2023/plans/2023-05/nguyen-van-a.yaml": empty_plan("nguyen-van-a", "2023-05"),
            "2023/plans/2023-05/pham-van-d.yaml": empty_plan("pham-van-d", "2023-05"),
            "2023/plans/2023-06/tran van b.yaml": empty_plan("tran-van-b", "2023-06"),
            "2023/plans/2023-06/le-thi-c.yaml": empty_plan("le-thi-c", "2023-06"),
        },
    )
    assert run_acct("check", "--as-of", "2023-07-10", cwd=root).returncode == 0
    result = run_acct("codeowners", cwd=root)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "# Generated by `acct codeowners` from org: do not edit by hand; run it again after org changes.",
        "",
        "/theo-doi/2023/commitments/phuong-1.yaml @hosytrung",  # made to btv, whose head is ho-sy-trung
        "/theo-doi/2023/plans/2023-05/nguyen-van-a.yaml @hosytrung",  # the head of phuong-1: rated from the unit above
        "/theo-doi/2023/plans/2023-05/tran-van-b.yaml @nguyenvana",  # rated by the head of phuong-1
        "/theo-doi/2023/plans/2023-06/le-thi-c.yaml @hosytrung",
        "/theo-doi/2023/plans/2023-06/tran\\ van\\ b.yaml @nguyenvana",
    ]
    assert result.stderr == "people with no handle in org: le-thi-c; 1 file has no owner until a handle: is added\n"
    written = run_acct("codeowners", "-o", str(tmp_path / ".github" / "CODEOWNERS"), cwd=root)
    assert written.stdout == ""
    assert written.stderr.splitlines()[0] == f"wrote {tmp_path / '.github' / 'CODEOWNERS'}: 5 rules"
    assert (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == result.stdout


def test_codeowners_outside_git_is_exit_2(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {})
    result = run_acct("codeowners", cwd=root, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert result.returncode == 2
    assert "is not in a git repository" in result.stderr


def test_github_messages_escape_percent_signs_and_newlines(tmp_path: Path) -> None:
    files = overdue_plan(late=1, soon=0)
    plan = "2023/plans/2023-06/tran-van-b.yaml"
    files[plan] = files[plan].replace("title: Việc ngày 1", 'title: "Giảm 50% hộ nghèo\\nđợt 1"')
    result = run_acct("overdue", "--format", "github", "--as-of", "2023-06-15", cwd=write_tracker(tmp_path, files))
    assert result.stdout.splitlines()[0] == (
        f"::error file={plan},line=8,title=acct [plan-task]::tran-van-b: Giảm 50%25 hộ nghèo%0Ađợt 1 — due 2023-06-01, 14 days late"
    )
