"""`acct overdue`: every finding code of SCORING.md ("What is overdue") at its exact boundary, the person who must
act, carried-over tasks, the formats and the exit codes. Every figure below is worked out by hand.

The tracker TRACKER is judged as of D = 2023-07-12, with the defaults grace_days 5 and due_soon_days 14:
- le-loi, a commitment task due 30 June, not done: `task`, tran-van-b, 12 days late.
- cau-cho, due 26 July = D + 14: `due-soon`, nguyen-van-a, -14.
- ket-nap reported in Q1 but not in Q2: `report` for the quarter ending 30 June, due 30 June + 5 = 5 July, 7 days
  late; thu-ngan-sach reported both quarters.
- Plans start in June, so everyone needs a plan from June: ho-sy-trung has none for July, due 5 July (the 5th day
  of the month), 7 days late, at his `id` in org.
- tran-van-b's June t1 (due 15 June, not done) is carried into July as t1, due 20 July: only the July task is
  listed, `due-soon` -8. June t2 (due 20 June, not done): `plan-task`, 22 days; it has no review: `review` for its
  assigner ho-sy-trung, due 5 July, 7 days late.
- nguyen-van-a's June plan has no rating: `rating`, due 30 June + 2 × 5 = 10 July, 2 days late, for his rater, the
  head of the unit above his (he heads phuong-1): ho-sy-trung.
- ho-sy-trung's June plan has neither self-assessment nor rating: `self`, due 5 July, 7 days late, and `rating`,
  2 days late, for his rater: btv's `rated_by`, le-van-tinh of the province's Standing Committee, an external unit
  (province.yaml) whose people keep no plans here.
- lan-chiem-via-he, due 1 July, resolved 20 July, after D: `issue`, nguyen-van-a, 11 days late.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from conftest import ORG_RATED, PROJECT, PROVINCE, SAMPLE, run_acct, write_tracker

D = "2023-07-12"
COMMITMENT_PATH = "2023/commitments/phuong-1.yaml"
ISSUE_PATH = "2023/issues/lan-chiem-via-he.yaml"
B_JUNE, B_JULY = "2023/plans/2023-06/tran-van-b.yaml", "2023/plans/2023-07/tran-van-b.yaml"
A_JUNE, A_JULY = "2023/plans/2023-06/nguyen-van-a.yaml", "2023/plans/2023-07/nguyen-van-a.yaml"
T_JUNE = "2023/plans/2023-06/ho-sy-trung.yaml"

COMMITMENT = """\
kind: commitment
unit: phuong-1
year: 2023
head: nguyen-van-a
to: btv
groups:
  - id: gpmb
    title: Giải phóng mặt bằng
    items:
      - id: le-loi
        title: Bàn giao mặt bằng tuyến Lê Lợi
        owner: tran-van-b
        due: 2023-06-30
      - id: cau-cho
        title: Bàn giao mặt bằng cầu chợ
        owner: nguyen-van-a
        due: 2023-07-26
  - id: kinh-te
    title: Phát triển kinh tế
    items:
      - id: thu-ngan-sach
        title: Thu ngân sách
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 120, unit: tỷ đồng}
        reports:
          - {on: 2023-03-31, value: 26.4}
          - {on: 2023-06-30, value: 58.0}
  - id: xay-dung-dang
    title: Xây dựng Đảng
    items:
      - id: ket-nap
        title: Kết nạp đảng viên mới
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 10, unit: người}
        reports:
          - {on: 2023-03-20, value: 2}
"""

B_JUNE_PLAN = """\
kind: plan
person: tran-van-b
month: 2023-06
tasks:
  - id: t1
    title: Kiểm đếm tuyến Lê Lợi
    assigned_by: nguyen-van-a
    due: 2023-06-15
    review: {on: 2023-07-03}
  - id: t2
    title: Lập phương án bồi thường
    assigned_by: ho-sy-trung
    due: 2023-06-20
self: {on: 2023-07-02}
rating: {on: 2023-07-06, by: nguyen-van-a}
"""

B_JULY_PLAN = """\
kind: plan
person: tran-van-b
month: 2023-07
tasks:
  - id: t1
    title: Kiểm đếm tuyến Lê Lợi
    assigned_by: nguyen-van-a
    due: 2023-07-20
    carried_from: 2023-06/t1
"""

A_JUNE_PLAN = """\
kind: plan
person: nguyen-van-a
month: 2023-06
tasks:
  - id: t1
    title: Chỉ đạo giải phóng mặt bằng
    assigned_by: ho-sy-trung
    due: 2023-06-10
    done: 2023-06-09
    review: {on: 2023-07-03}
self: {on: 2023-07-01}
"""

ISSUE = """\
kind: issue
id: lan-chiem-via-he
title: Lấn chiếm vỉa hè tuyến Hùng Vương
raised: 2023-02-10
raised_by: phuong-1
handled_by: phuong-1
lead: nguyen-van-a
due: 2023-07-01
resolved: 2023-07-20
"""

TRACKER = {
    "acct.yaml": "acct: 1\n",
    "org.yaml": ORG_RATED,
    "province.yaml": PROVINCE,
    COMMITMENT_PATH: COMMITMENT,
    B_JUNE: B_JUNE_PLAN,
    B_JULY: B_JULY_PLAN,
    A_JUNE: A_JUNE_PLAN,
    A_JULY: "kind: plan\nperson: nguyen-van-a\nmonth: 2023-07\ntasks: []\n",
    T_JUNE: "kind: plan\nperson: ho-sy-trung\nmonth: 2023-06\ntasks: []\n",
    ISSUE_PATH: ISSUE,
}

# (code, path, line, who, due, days) of every finding in TRACKER as of D, in the JSON's order: by person, file, line
EXPECTED = [
    ("self", T_JUNE, 3, "ho-sy-trung", "2023-07-05", 7),
    ("rating", A_JUNE, 3, "ho-sy-trung", "2023-07-10", 2),
    ("review", B_JUNE, 10, "ho-sy-trung", "2023-07-05", 7),  # t2's assigner, not the head of tran-van-b's unit
    ("plan", "org.yaml", 12, "ho-sy-trung", "2023-07-05", 7),
    ("rating", T_JUNE, 3, "le-van-tinh", "2023-07-10", 2),  # the head of btv is rated by btv's rated_by
    ("due-soon", COMMITMENT_PATH, 17, "nguyen-van-a", "2023-07-26", -14),
    ("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-07-05", 7),  # at the item's `reports:` key
    ("issue", ISSUE_PATH, 8, "nguyen-van-a", "2023-07-01", 11),
    ("task", COMMITMENT_PATH, 13, "tran-van-b", "2023-06-30", 12),
    ("plan-task", B_JUNE, 13, "tran-van-b", "2023-06-20", 22),
    ("due-soon", B_JULY, 8, "tran-van-b", "2023-07-20", -8),  # June's t1, carried into July: listed once
]


def overdue(root: Path, as_of: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_acct("overdue", "--as-of", as_of, *args, cwd=root)


def findings(root: Path, as_of: str, *args: str) -> list[tuple[str, str, int, str, str, int]]:
    result = overdue(root, as_of, "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    body = json.loads(result.stdout)
    return [(f["code"], f["path"], f["line"], f["who"], f["due"], f["days"]) for f in body["findings"]]


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    return write_tracker(tmp_path, TRACKER, base=False)


def test_every_code_with_its_file_line_person_due_date_and_days(tracker: Path) -> None:
    assert findings(tracker, D) == EXPECTED


def next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


# The last day each code is not yet overdue (its due date, plus grace where SCORING.md gives one), and the one
# finding of that code the next day, 1 day late.
BOUNDARIES = [
    ("task", "2023-06-30", ("task", COMMITMENT_PATH, 13, "tran-van-b", "2023-06-30", 1)),
    ("report", "2023-07-05", ("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-07-05", 1)),
    ("plan-task", "2023-06-20", ("plan-task", B_JUNE, 13, "tran-van-b", "2023-06-20", 1)),
    ("plan", "2023-07-05", ("plan", "org.yaml", 12, "ho-sy-trung", "2023-07-05", 1)),
    ("self", "2023-07-05", ("self", T_JUNE, 3, "ho-sy-trung", "2023-07-05", 1)),
    ("review", "2023-07-05", ("review", B_JUNE, 10, "ho-sy-trung", "2023-07-05", 1)),
    ("issue", "2023-07-01", ("issue", ISSUE_PATH, 8, "nguyen-van-a", "2023-07-01", 1)),
]


@pytest.mark.parametrize(("code", "last_day", "expected"), BOUNDARIES, ids=[b[0] for b in BOUNDARIES])
def test_each_code_at_its_boundary(
    tracker: Path, code: str, last_day: str, expected: tuple[str, str, int, str, str, int]
) -> None:
    assert [f for f in findings(tracker, last_day) if f[0] == code] == []
    assert [f for f in findings(tracker, next_day(last_day)) if f[0] == code] == [expected]


def test_rating_at_twice_the_grace_goes_to_the_persons_rater(tracker: Path) -> None:
    assert [f for f in findings(tracker, "2023-07-10") if f[0] == "rating"] == []
    assert [f for f in findings(tracker, "2023-07-11") if f[0] == "rating"] == [
        ("rating", A_JUNE, 3, "ho-sy-trung", "2023-07-10", 1),  # nguyen-van-a heads phuong-1: the head of btv rates him
        ("rating", T_JUNE, 3, "le-van-tinh", "2023-07-10", 1),  # ho-sy-trung heads the top unit: its rated_by
    ]
    # tran-van-b is rated by the head of his own unit, phuong-1
    no_rating = B_JUNE_PLAN.replace("rating: {on: 2023-07-06, by: nguyen-van-a}\n", "")
    write_tracker(tracker, {B_JUNE: no_rating}, base=False)
    assert ("rating", B_JUNE, 3, "nguyen-van-a", "2023-07-10", 1) in findings(tracker, "2023-07-11")


def test_a_report_within_the_quarter_or_its_grace_counts_and_one_after_does_not(tracker: Path) -> None:
    def reports(dated: str, as_of: str) -> list[tuple[str, str, int, str, str, int]]:
        text = COMMITMENT.replace("{on: 2023-03-20, value: 2}", f"{{on: {dated}, value: 2}}")
        write_tracker(tracker, {COMMITMENT_PATH: text}, base=False)
        return [f for f in findings(tracker, as_of) if f[0] == "report"]

    assert reports("2023-04-05", "2023-04-10") == []  # Q1's last day of grace
    assert reports("2023-04-06", "2023-04-10") == [("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-04-05", 5)]
    assert reports("2023-07-05", D) == [("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-04-05", 98)]  # Q2 only
    assert reports("2023-07-06", D) == [
        ("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-04-05", 98),
        ("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-07-05", 7),
    ]
    # SCORING.md's words: a report within Q1's grace is also "dated within" Q2, so it counts for both quarters
    assert reports("2023-04-05", D) == []


def test_an_indicator_due_before_a_quarter_ends_needs_no_report_for_that_quarter(tracker: Path) -> None:
    for due, expected in (
        ("2023-06-29", []),
        ("2023-06-30", [("report", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-07-05", 7)]),
    ):
        text = COMMITMENT.replace(
            "due: 2023-12-31\n        target: {value: 10", f"due: {due}\n        target: {{value: 10"
        )
        write_tracker(tracker, {COMMITMENT_PATH: text}, base=False)
        assert [f for f in findings(tracker, D) if f[0] == "report"] == expected


def test_no_report_at_all_is_one_finding_per_quarter_at_the_target(tracker: Path) -> None:
    text = COMMITMENT.replace("        reports:\n          - {on: 2023-03-20, value: 2}\n", "")
    write_tracker(tracker, {COMMITMENT_PATH: text}, base=False)
    assert [f for f in findings(tracker, D) if f[0] == "report"] == [
        ("report", COMMITMENT_PATH, 36, "nguyen-van-a", "2023-04-05", 98),
        ("report", COMMITMENT_PATH, 36, "nguyen-van-a", "2023-07-05", 7),
    ]


def test_monthly_reports_and_none(tracker: Path) -> None:
    write_tracker(tracker, {"acct.yaml": "acct: 1\nreports: monthly\n"}, base=False)
    late = [(f[2], f[4], f[5]) for f in findings(tracker, D) if f[0] == "report"]
    # thu-ngan-sach reported in March and June, ket-nap in March: each missing month is due on the next month's 5th
    assert late == [
        (26, "2023-02-05", 157),
        (26, "2023-03-05", 129),
        (26, "2023-05-05", 68),
        (26, "2023-06-05", 37),
        (37, "2023-02-05", 157),
        (37, "2023-03-05", 129),
        (37, "2023-05-05", 68),
        (37, "2023-06-05", 37),
        (37, "2023-07-05", 7),
    ]
    write_tracker(tracker, {"acct.yaml": "acct: 1\nreports: none\n"}, base=False)
    assert [f for f in findings(tracker, D) if f[0] == "report"] == []


def test_work_done_after_d_is_still_overdue_on_d(tracker: Path) -> None:
    done_later = COMMITMENT.replace("        due: 2023-06-30\n", "        due: 2023-06-30\n        done: 2023-07-13\n")
    write_tracker(tracker, {COMMITMENT_PATH: done_later}, base=False)
    assert ("task", COMMITMENT_PATH, 13, "tran-van-b", "2023-06-30", 12) in findings(tracker, D)
    assert [f for f in findings(tracker, "2023-07-13") if f[0] == "task"] == []


def test_steps_written_after_d_are_still_missing_on_d(tracker: Path) -> None:
    # Reviews and ratings count when dated on or before D (SCORING.md), and so does a self-assessment
    assert [f for f in findings(tracker, "2023-07-06") if f[0] == "self"] == [
        ("self", T_JUNE, 3, "ho-sy-trung", "2023-07-05", 1)
    ]
    late_self = (
        B_JUNE_PLAN.replace("self: {on: 2023-07-02}", "self: {on: 2023-07-07}")
        .replace("2023-07-03", "2023-07-07")
        .replace("on: 2023-07-06, by", "on: 2023-07-08, by")
    )
    write_tracker(tracker, {B_JUNE: late_self}, base=False)
    assert [f[:4] for f in findings(tracker, "2023-07-06") if f[0] in ("self", "review")] == [
        ("self", T_JUNE, 3, "ho-sy-trung"),
        ("review", B_JUNE, 10, "ho-sy-trung"),
        ("review", B_JUNE, 5, "nguyen-van-a"),  # t1's review is dated 7 July
        ("self", B_JUNE, 3, "tran-van-b"),  # dated 7 July
    ]


def test_carried_over_tasks_are_listed_once_in_the_latest_plan(tracker: Path) -> None:
    assert [f for f in findings(tracker, "2023-07-21") if f[0] == "plan-task"] == [
        ("plan-task", B_JUNE, 13, "tran-van-b", "2023-06-20", 31),  # June t2, not carried
        ("plan-task", B_JULY, 8, "tran-van-b", "2023-07-20", 1),  # June t1, carried into July
    ]
    write_tracker(tracker, {B_JULY: "kind: plan\nperson: tran-van-b\nmonth: 2023-07\ntasks: []\n"}, base=False)
    assert [f for f in findings(tracker, "2023-07-21") if f[0] == "plan-task"] == [
        ("plan-task", B_JUNE, 8, "tran-van-b", "2023-06-15", 36),  # not carried: listed in June
        ("plan-task", B_JUNE, 13, "tran-van-b", "2023-06-20", 31),
    ]


def test_plans_are_needed_from_the_first_month_with_any_plan_for_active_people(tracker: Path) -> None:
    assert [f for f in findings(tracker, "2023-06-06") if f[0] == "plan"] == []  # everyone has a June plan
    (tracker / T_JUNE).unlink()
    assert [f for f in findings(tracker, "2023-06-06") if f[0] == "plan"] == [
        ("plan", "org.yaml", 12, "ho-sy-trung", "2023-06-05", 1)
    ]
    inactive = ORG_RATED.replace("    unit: btv\n", "    unit: btv\n    active: {from: 2023-07-01}\n")
    write_tracker(tracker, {"org.yaml": inactive}, base=False)
    assert [f for f in findings(tracker, "2023-07-06") if f[0] == "plan"] == [
        ("plan", "org.yaml", 12, "ho-sy-trung", "2023-07-05", 1)
    ]
    # le-van-tinh belongs to an external unit: no plan is expected of him, ever


def test_due_soon_is_a_warning_within_due_soon_days_or_within(tracker: Path) -> None:
    def soon(as_of: str, *args: str) -> list[tuple[str, str, int, str, str, int]]:
        return [f for f in findings(tracker, as_of, *args) if f[0] == "due-soon"]

    cau_cho = ("due-soon", COMMITMENT_PATH, 17, "nguyen-van-a", "2023-07-26", -14)
    july_t1 = ("due-soon", B_JULY, 8, "tran-van-b", "2023-07-20", -8)
    assert soon("2023-07-11") == [july_t1[:5] + (-9,)]  # cau-cho is 15 days away
    assert soon(D) == [cau_cho, july_t1]
    assert soon(D, "--within", "13") == [july_t1]
    assert soon(D, "--within", "8") == [july_t1]
    assert soon(D, "--within", "7") == []
    assert soon("2023-07-20", "--within", "0") == [july_t1[:5] + (0,)]  # due on D: not late yet
    write_tracker(tracker, {"acct.yaml": "acct: 1\ndue_soon_days: 7\n"}, base=False)
    assert soon(D) == []
    body = json.loads(overdue(tracker, D, "--format", "json", "--within", "8").stdout)
    assert {f["severity"] for f in body["findings"] if f["code"] == "due-soon"} == {"warning"}


def test_text_groups_findings_by_the_person_who_must_act(tracker: Path) -> None:
    result = overdue(tracker, D)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Hồ Sỹ Trung (ho-sy-trung): 4 overdue, 0 due soon",
        f"  {T_JUNE}:3: error: [self] self-assessment for 2023-06 (Ban Thường vụ Thành ủy) — due 2023-07-05, 7 days late",
        f"  {B_JUNE}:10: error: [review] review of tran-van-b's task t2 «Lập phương án bồi thường» (Phường 1) — due 2023-07-05, 7 days late",
        "  org.yaml:12: error: [plan] work plan for 2023-07 (Ban Thường vụ Thành ủy) — due 2023-07-05, 7 days late",
        f"  {A_JUNE}:3: error: [rating] rating of nguyen-van-a for 2023-06 (Phường 1) — due 2023-07-10, 2 days late",
        "",
        "Lê Văn Tỉnh (le-van-tinh): 1 overdue, 0 due soon",
        f"  {T_JUNE}:3: error: [rating] rating of ho-sy-trung for 2023-06 (Ban Thường vụ Thành ủy) — due 2023-07-10, 2 days late",
        "",
        "Nguyễn Văn A (nguyen-van-a): 2 overdue, 1 due soon",
        f"  {ISSUE_PATH}:8: error: [issue] Lấn chiếm vỉa hè tuyến Hùng Vương (Phường 1) — due 2023-07-01, 11 days late",
        f"  {COMMITMENT_PATH}:37: error: [report] Kết nạp đảng viên mới: report for the period ending 2023-06-30 (Phường 1) — due 2023-07-05, 7 days late",
        f"  {COMMITMENT_PATH}:17: warning: [due-soon: task] Bàn giao mặt bằng cầu chợ (Phường 1) — due 2023-07-26, due in 14 days",
        "",
        "Trần Văn B (tran-van-b): 2 overdue, 1 due soon",
        f"  {B_JUNE}:13: error: [plan-task] Lập phương án bồi thường (Phường 1) — due 2023-06-20, 22 days late",
        f"  {COMMITMENT_PATH}:13: error: [task] Bàn giao mặt bằng tuyến Lê Lợi (Phường 1) — due 2023-06-30, 12 days late",
        f"  {B_JULY}:8: warning: [due-soon: plan-task] Kiểm đếm tuyến Lê Lợi (Phường 1) — due 2023-07-20, due in 8 days",
        "",
        "9 overdue, 2 due soon, for 4 people",
    ]


def test_json_has_the_documented_keys(tracker: Path) -> None:
    body = json.loads(overdue(tracker, D, "--format", "json").stdout)
    assert list(body) == ["as_of", "findings"]
    assert body["as_of"] == D
    assert body["findings"][2] == {
        "code": "review",
        "kind": "review",
        "unit": "phuong-1",
        "severity": "error",
        "path": B_JUNE,
        "line": 10,
        "who": "ho-sy-trung",
        "due": "2023-07-05",
        "days": 7,
        "title": "review of tran-van-b's task t2 «Lập phương án bồi thường»",
    }
    assert (body["findings"][5]["code"], body["findings"][5]["kind"], body["findings"][5]["severity"]) == (
        "due-soon",
        "task",
        "warning",
    )


def test_github_annotates_each_line_longest_overdue_first(tracker: Path) -> None:
    result = overdue(tracker, D, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"::error file={B_JUNE},line=13,title=acct [plan-task]::tran-van-b: Lập phương án bồi thường — due 2023-06-20, 22 days late"
    )
    assert (
        lines[1]
        == f"::error file={COMMITMENT_PATH},line=13,title=acct [task]::tran-van-b: Bàn giao mặt bằng tuyến Lê Lợi — due 2023-06-30, 12 days late"
    )
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 9 + ["::warning"] * 2 + ["9"]
    assert (
        lines[-2]
        == f"::warning file={COMMITMENT_PATH},line=17,title=acct [due-soon]::nguyen-van-a: Bàn giao mặt bằng cầu chợ — due 2023-07-26, due in 14 days"
    )
    assert lines[-1] == "9 overdue, 2 due soon, for 4 people"


def test_exit_codes(tracker: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert overdue(tracker, D).returncode == 1
    assert overdue(tracker, D, "--warn-only").returncode == 0
    assert overdue(tracker, D, "--format", "github", "--warn-only").returncode == 0
    # only due-soon warnings: nothing is overdue, so exit 0
    assert overdue(tracker, "2023-06-14").stdout.splitlines()[-1] == "0 overdue, 1 due soon, for 1 person"
    assert overdue(tracker, "2023-06-14").returncode == 0
    for bad in (["--within", "-1"], ["--within", "soon"], ["--format", "xml"]):
        result = overdue(tracker, D, *bad)
        assert result.returncode == 2, bad
        assert "Traceback" not in result.stderr
    result = run_acct("overdue", "--as-of", "12/07/2023", cwd=tracker)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        "acct: --as-of '12/07/2023' is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30",
    )
    result = run_acct("overdue", cwd=tmp_path_factory.mktemp("no-tracker"))
    assert result.returncode == 2
    assert "no tracker found" in result.stderr


def test_due_soon_applies_to_every_kind_of_deadline(tracker: Path) -> None:
    # 3 July, within 7 days (up to 10 July): the second quarter's report (due 5 July), the July plan of ho-sy-trung
    # (due 5 July), June's self-assessment and review not yet written (due 5 July), and June's three ratings (due
    # 10 July; tran-van-b's is dated 6 July, after D, so not written yet), each under the person who must act
    soon = [f for f in findings(tracker, "2023-07-03", "--within", "7") if f[0] == "due-soon"]
    assert soon == [
        ("due-soon", T_JUNE, 3, "ho-sy-trung", "2023-07-05", -2),  # self
        ("due-soon", A_JUNE, 3, "ho-sy-trung", "2023-07-10", -7),  # rating of nguyen-van-a
        ("due-soon", B_JUNE, 10, "ho-sy-trung", "2023-07-05", -2),  # review of t2
        ("due-soon", "org.yaml", 12, "ho-sy-trung", "2023-07-05", -2),  # plan for July
        ("due-soon", T_JUNE, 3, "le-van-tinh", "2023-07-10", -7),  # rating of ho-sy-trung
        ("due-soon", COMMITMENT_PATH, 37, "nguyen-van-a", "2023-07-05", -2),  # Q2 report of ket-nap
        ("due-soon", B_JUNE, 3, "nguyen-van-a", "2023-07-10", -7),  # rating of tran-van-b
    ]
    body = json.loads(overdue(tracker, "2023-07-03", "--format", "json", "--within", "7").stdout)
    kinds = [f["kind"] for f in body["findings"] if f["code"] == "due-soon"]
    assert kinds == ["self", "rating", "review", "plan", "rating", "report", "rating"]


def test_every_finding_names_its_unit_and_unit_narrows_the_list(tracker: Path) -> None:
    body = json.loads(overdue(tracker, D, "--format", "json").stdout)
    assert [(f["code"], f["unit"]) for f in body["findings"]][:5] == [
        ("self", "btv"),
        ("rating", "phuong-1"),
        ("review", "phuong-1"),
        ("plan", "btv"),
        ("rating", "btv"),
    ]
    only = findings(tracker, D, "--unit", "phuong-1")
    assert only == [f for f in EXPECTED if f[:2] not in (("self", T_JUNE), ("plan", "org.yaml"), ("rating", T_JUNE))]
    assert findings(tracker, D, "--unit", "btv") == EXPECTED  # btv and every unit below it
    result = overdue(tracker, D, "--unit", "phuong-2")
    assert (result.returncode, result.stderr) == (
        2,
        "acct: --unit 'phuong-2' is not a unit in org; did you mean 'phuong-1'?\n",
    )


def test_invalid_files_are_listed_not_judged(tracker: Path) -> None:
    write_tracker(tracker, {ISSUE_PATH: ISSUE.replace("lead:", "leader:")}, base=False)
    result = overdue(tracker, D)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{ISSUE_PATH}:7:1: error: [unknown-key] unknown key 'leader'" in result.stderr


def test_the_sample_tracker_lists_its_overdue_work_by_person() -> None:
    result = run_acct("overdue", "--as-of", "2023-07-10", cwd=SAMPLE.parent)
    assert result.returncode == 1
    blocks = {block.splitlines()[0]: block.splitlines()[1:] for block in result.stdout.split("\n\n")[:-1]}
    # Phường 1's Hùng Vương clearance was due 30 June and handed over on 14 August: overdue on 10 July
    assert blocks["Đặng Quốc Huy (dang-quoc-huy): 2 overdue, 0 due soon"] == [
        "  2023/commitments/phuong-1.yaml:20: error: [task] Bàn giao mặt bằng dự án mở rộng đường Hùng Vương (đoạn qua Phường 1) (Phường 1) — due 2023-06-30, 10 days late",
        "  org.yaml:95: error: [plan] work plan for 2023-07 (Phường 1) — due 2023-07-05, 5 days late",
    ]
    # Hồ Thị Mai's May plan has reviews and a rating but no self-assessment, due 31 May + 5 days
    assert blocks["Hồ Thị Mai (ho-thi-mai): 2 overdue, 0 due soon"][0] == (
        "  2023/plans/2023-05/ho-thi-mai.yaml:5: error: [self] self-assessment for 2023-05 (Phường Đông Lễ) — due 2023-06-05, 35 days late"
    )
    # Trương Thị Hoa's April salaries (t2, due 10 April) were never done nor carried over
    assert blocks["Trương Thị Hoa (truong-thi-hoa): 2 overdue, 0 due soon"][0] == (
        "  2023/plans/2023-04/truong-thi-hoa.yaml:20: error: [plan-task] Thực hiện chi lương, phụ cấp cán bộ, công chức tháng 4 (Phường 1) — due 2023-04-10, 91 days late"
    )
    # and June's ratings are due on 10 July, two of them not yet written: due soon, for the raters
    assert result.stdout.splitlines()[-1] == "60 overdue, 2 due soon, for 51 people"


def test_the_excerpts_in_workflow_md_are_what_acct_prints() -> None:
    doc = (PROJECT / "docs" / "workflow.md").read_text(encoding="utf-8")
    for args in (
        ["--as-of", "2023-07-10"],
        ["--as-of", "2023-07-14"],
        ["--as-of", "2023-07-10", "--format", "github", "--warn-only"],
    ):
        printed = run_acct("overdue", *args, cwd=SAMPLE.parent).stdout.splitlines()
        block = doc.split(f"$ acct overdue {' '.join(args)}\n", 1)[1].split("```", 1)[0]
        shown = [line for line in block.splitlines() if line != "…"]
        assert shown and all(line in printed for line in shown), args
