"""Every problem code, caused once on the small BASE tracker, at the exact line and column a person must look at.

Positions are 1-based and were counted by hand on the literals in conftest.py; the comment of each case says which
character they point at.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import COMMITMENT, ISSUE, ORG, PLAN, problems_of, run_acct

from accountability.codes import CODES

C = "2023/commitments/phuong-1.yaml"
P = "2023/plans/2023-05/tran-van-b.yaml"
I = "2023/issues/lan-chiem-via-he.yaml"  # noqa: E741
JUNE = "2023/plans/2023-06/tran-van-b.yaml"


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def june(carried_from: str) -> str:
    return f"""\
kind: plan
person: tran-van-b
month: 2023-06
tasks:
  - id: t1
    title: Tiếp tục hoàn thiện hồ sơ
    assigned_by: nguyen-van-a
    due: 2023-06-20
    carried_from: {carried_from}
"""


AMENDED = (
    COMMITMENT
    + """\
amendments:
  - on: 2023-07-05
    item: le-loi
    set: {due: 2023-09-30}
    reason: Chờ phê duyệt phương án bồi thường
    approved_by: btv
"""
)

DEEP = "kind: issue\nx: " + "[" * 70 + "]" * 70 + "\n"

# (code, files, (path, line, col)): the file set overrides BASE; the position is where the problem must point
CASES: list[tuple[str, dict[str, str | bytes | None], tuple[str, int, int]]] = [
    # reading a file
    ("not-utf8", {I: b"kind: issue\ntitle: L\xe1n\n"}, (I, 2, 9)),  # the bad byte after "title: L"
    ("yaml-syntax", {I: "kind: issue\ntitle: [Lấn chiếm\n"}, (I, 3, 1)),  # the flow sequence never closes: end of file
    ("duplicate-key", {I: ISSUE + "due: 2023-11-30\n"}, (I, 9, 1)),  # the second `due`
    ("anchor", {I: edit(ISSUE, "title: Lấn", "title: &t Lấn")}, (I, 3, 8)),  # `&t`
    ("tag", {I: edit(ISSUE, "due: 2023-10-31", "due: !date 2023-10-31")}, (I, 8, 6)),  # `!date`
    ("too-deep", {I: DEEP}, (I, 2, 4 + 64)),  # the 65th `[`
    ("too-long", {I: edit(ISSUE, "title: Lấn chiếm vỉa hè tuyến Hùng Vương", "title: " + "a" * 20_001)}, (I, 3, 8)),
    ("multiple-documents", {I: ISSUE + "---\nkind: issue\n"}, (I, 9, 1)),  # the `---`
    ("empty-file", {I: "# nothing yet\n"}, (I, 1, 1)),
    ("not-a-mapping", {I: "- kind: issue\n"}, (I, 1, 1)),
    ("missing-kind", {I: edit(ISSUE, "kind: issue\n", "")}, (I, 1, 1)),
    ("unknown-kind", {I: edit(ISSUE, "kind: issue", "kind: memo")}, (I, 1, 7)),  # the value `memo`
    # the schema of each kind
    (
        "unknown-key",
        {C: edit(COMMITMENT, "        due: 2023-09-30\n", "        due: 2023-09-30\n        weigth: 2\n")},
        (C, 15, 9),
    ),
    ("missing-key", {I: edit(ISSUE, "lead: nguyen-van-a\n", "")}, (I, 1, 1)),  # the mapping that lacks `lead`
    (
        "invalid-value",
        {C: edit(COMMITMENT, "{value: 10, unit: người}", "{value: mười, unit: người}")},
        (C, 34, 25),
    ),  # `mười`
    ("invalid-date", {I: edit(ISSUE, "due: 2023-10-31", "due: 31/10/2023")}, (I, 8, 6)),
    ("invalid-month", {P: edit(PLAN, "month: 2023-05", "month: 05/2023")}, (P, 3, 8)),
    ("invalid-id", {I: edit(ISSUE, "id: lan-chiem-via-he", "id: Lấn chiếm")}, (I, 2, 5)),
    ("unsupported-version", {"acct.yaml": "acct: 2\n"}, ("acct.yaml", 1, 7)),
    # rules between files
    (
        "duplicate-id",
        {"org.yaml": ORG + "  - id: tran-van-b\n    name: Trần Văn Bình\n    unit: phuong-1\n"},
        ("org.yaml", 20, 9),
    ),
    (
        "duplicate-commitment",
        {"2023/commitments/phuong-1-copy.yaml": COMMITMENT},
        ("2023/commitments/phuong-1.yaml", 2, 7),
    ),
    ("duplicate-plan", {"2023/plans/2023-05/tran-van-b-copy.yaml": PLAN}, (P, 3, 8)),  # the second file's month
    ("unknown-unit", {C: edit(COMMITMENT, "to: btv", "to: btv-2")}, (C, 5, 5)),
    ("unknown-person", {C: edit(COMMITMENT, "owner: tran-van-b", "owner: tran-van-bb")}, (C, 13, 16)),
    ("wrong-kind", {C: edit(COMMITMENT, "to: btv", "to: nguyen-van-a")}, (C, 5, 5)),
    ("unknown-approver", {C: edit(AMENDED, "approved_by: btv", "approved_by: ubnd")}, (C, 40, 18)),
    ("unknown-item", {P: edit(PLAN, "commitment: phuong-1/le-loi", "commitment: phuong-1/le-lo")}, (P, 9, 17)),
    ("unknown-task", {JUNE: june("2023-05/t9")}, (JUNE, 9, 19)),
    ("carried-done", {JUNE: june("2023-05/t1")}, (JUNE, 9, 19)),
    ("head-mismatch", {C: edit(COMMITMENT, "head: nguyen-van-a", "head: tran-van-b")}, (C, 4, 7)),
    ("group-count", {"acct.yaml": "acct: 1\ngroups: {min: 4, max: 5}\n"}, (C, 7, 1)),  # the `groups` key
    ("date-outside-year", {C: edit(COMMITMENT, "due: 2023-09-30", "due: 2024-03-31")}, (C, 14, 14)),
    (
        "done-on-indicator",
        {C: edit(COMMITMENT, "        target: {value: 10", "        done: 2023-12-01\n        target: {value: 10")},
        (C, 34, 9),
    ),
    (
        "indicator-field-on-task",
        {
            C: edit(
                COMMITMENT,
                "        # done: written when the site is handed over\n",
                "        milestones: [{by: 2023-06-30, value: 1}]\n",
            )
        },
        (C, 15, 9),
    ),
    (
        "report-order",
        {C: edit(COMMITMENT, "{on: 2023-06-30, value: 58.0}", "{on: 2023-03-30, value: 58.0}")},
        (C, 26, 18),
    ),  # the date
    (
        "future-date",
        {C: edit(COMMITMENT, "{on: 2023-06-30, value: 58.0}", "{on: 2023-07-11, value: 58.0}")},
        (C, 26, 18),
    ),  # one day after D
    # the first day of April is the earliest a May plan's task may be done: 31 March is too early
    ("done-too-early", {P: edit(PLAN, "done: 2023-05-18", "done: 2023-03-31")}, (P, 10, 11)),
    # tran-van-b's rater is the head of his unit, nguyen-van-a (or ho-sy-trung above him); never himself
    ("rating-by", {P: edit(PLAN, "by: nguyen-van-a, general", "by: tran-van-b, general")}, (P, 13, 30)),
    # ho-sy-trung heads btv: btv has no rated_by, no unit above it and no commitment: at btv's id in org
    (
        "no-rater",
        {"2023/plans/2023-05/ho-sy-trung.yaml": "kind: plan\nperson: ho-sy-trung\nmonth: 2023-05\ntasks: []\n"},
        ("org.yaml", 3, 9),
    ),
    (
        "amendment-approver",
        {
            P: PLAN
            + "amendments:\n  - {on: 2023-06-10, task: t1, set: {done: 2023-05-18}, reason: Sửa ngày, approved_by: tran-van-b}\n"
        },
        (P, 15, 88),
    ),  # a person may not approve a change to their own concluded month
    # the May plan saved in June's folder: at its `kind` value, naming where it belongs
    ("misplaced", {P: None, JUNE: PLAN}, (JUNE, 1, 7)),
    ("not-read", {"2023/issues/ghi-chu.yaml.txt": "kind: issue\n"}, ("2023/issues/ghi-chu.yaml.txt", 1, 1)),
    ("date-order", {I: edit(ISSUE, "due: 2023-10-31", "due: 2023-02-09")}, (I, 8, 6)),
    ("amendment-unknown-item", {C: edit(AMENDED, "item: le-loi", "item: le-lai")}, (C, 37, 11)),
    (
        "amendment-unknown-field",
        {C: edit(AMENDED, "set: {due: 2023-09-30}", "set: {deadline: 2023-09-30}")},
        (C, 38, 11),
    ),
    ("step-order", {P: edit(PLAN, "review: {on: 2023-06-02", "review: {on: 2023-05-31")}, (P, 11, 18)),
    (
        "unit-cycle",
        {"org.yaml": edit(ORG, "    head: ho-sy-trung\n", "    head: ho-sy-trung\n    parent: phuong-1\n")},
        ("org.yaml", 6, 13),
    ),
    ("person-inactive", {"org.yaml": ORG + "    active: {from: 2023-06-01}\n"}, (P, 3, 8)),
    ("due-outside-month", {P: edit(PLAN, "due: 2023-05-20", "due: 2023-06-02")}, (P, 8, 10)),
    # warnings from the scoring rules
    (
        "rating-above-computed",
        {P: edit(PLAN, "general: 28, level: good", "general: 10, level: excellent")},
        (P, 13, 64),
    ),
]


def test_every_code_has_a_case() -> None:
    assert sorted({code for code, _, _ in CASES} | {"unreadable", "quota-exceeded"}) == sorted(CODES)


@pytest.mark.parametrize(("code", "files", "where"), CASES, ids=[c[0] for c in CASES])
def test_the_code_points_at_the_offending_key_or_value(
    tmp_path: Path, code: str, files: dict[str, str | bytes | None], where: tuple[str, int, int]
) -> None:
    found = problems_of(tmp_path, files)
    assert (*where, code) in found, found


def test_quota_exceeded_points_at_the_excellent_rating(tmp_path: Path) -> None:
    # May: nguyen-van-a concluded excellent, tran-van-b good → floor(0.2 × 1) = 0 allowed, 1 excellent
    a_may = edit(
        edit(PLAN, "person: tran-van-b", "person: nguyen-van-a"),
        "by: nguyen-van-a, general: 28, level: good",
        "by: ho-sy-trung, general: 28, level: excellent",
    )
    found = problems_of(
        tmp_path,
        {"2023/plans/2023-05/nguyen-van-a.yaml": edit(a_may, "assigned_by: nguyen-van-a", "assigned_by: ho-sy-trung")},
    )
    assert found == [("2023/plans/2023-05/nguyen-van-a.yaml", 13, 63, "quota-exceeded")]  # `excellent`


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "2023/issues").mkdir(parents=True)
    secret = tmp_path / I
    found_before = problems_of(tmp_path, {})
    assert found_before == []
    secret.chmod(0)
    try:
        assert problems_of(tmp_path, {}, base=False) == [(I, 1, 1, "unreadable")]
    finally:
        secret.chmod(0o644)


def test_unreadable_when_the_name_is_a_dangling_link(tmp_path: Path) -> None:
    # a .yaml path that cannot be read even by root: a symbolic link to nowhere
    problems_of(tmp_path, {})
    (tmp_path / "2023/issues/gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert (("2023/issues/gone.yaml", 1, 1, "unreadable")) in problems_of(tmp_path, {})


def test_the_installed_command_prints_path_line_col_code_and_the_fix(tmp_path: Path) -> None:
    problems_of(tmp_path, {I: edit(ISSUE, "due: 2023-10-31", "due: 31/10/2023")})
    result = run_acct("check", "--as-of", "2023-07-10", cwd=tmp_path)
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{I}:8:6: error: [invalid-date] ")
    assert "2023-10-31" in line  # the ISO form to write instead
    assert result.stdout.splitlines()[-1] == "checked 5 files: 1 error, 0 warnings"


def test_every_problem_is_collected_in_one_run(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        I: edit(ISSUE, "due: 2023-10-31", "due: 31/10/2023"),
        C: edit(COMMITMENT, "owner: tran-van-b", "owner: tran-van-bb"),
        P: edit(PLAN, "due: 2023-05-20", "due: 2023-06-02"),
    }
    found = problems_of(tmp_path, files)
    assert {(p, code) for p, _, _, code in found} >= {
        (I, "invalid-date"),
        (C, "unknown-person"),
        (P, "due-outside-month"),
    }


def test_as_of_does_not_change_reading_problems(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {I: ISSUE + "due: 2023-11-30\n"}
    assert problems_of(tmp_path, files, as_of=dt.date(2023, 7, 10)) == problems_of(
        tmp_path, files, as_of=dt.date(2030, 1, 1)
    )
