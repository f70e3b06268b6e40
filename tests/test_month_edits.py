"""The month's commands as edits: byte for byte on an odd file (CRLF, a BOM, comments, flow and block style, block
scalars), refusals that change no byte, who `--by` is, levels as the office writes them, and key issues and
commitment amendments. `changes` gives the byte diff without context, so each assertion says exactly which lines
were added or changed."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import RATED, run_acct, snapshot, write_tracker

from accountability.authoring import edits
from accountability.authoring import month as steps
from accountability.engine import check
from accountability.model.tracker import Tracker

BOM = b"\xef\xbb\xbf"
PLAN_PATH = "2023/plans/2023-06/tran-van-b.yaml"
ODD_PLAN = """\
# Kế hoạch tháng 6 — Trần Văn B   (comments, quoting, flow and block style on purpose)
kind: 'plan'
person: "tran-van-b"
month: '2023-06'
tasks:
  - id: t1    # the first
    title: >-
      Đo đạc
      hiện trạng
    assigned_by: nguyen-van-a
    due: 2023-06-15
    done: 2023-06-14
  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20, done: 2023-06-22}
  - id: t3
    title: |
      Báo cáo
      tiến độ

    assigned_by: ho-sy-trung
    due: 2023-06-30
# a comment at the end
"""
AS_A = {"ACCT_USER": "nguyen-van-a"}


def odd(root: Path) -> Path:
    return write_tracker(root, {**RATED, PLAN_PATH: BOM + ODD_PLAN.replace("\n", "\r\n").encode("utf-8")})


def changes(before: bytes, after: bytes) -> list[bytes]:
    lines = difflib.diff_bytes(difflib.unified_diff, before.splitlines(True), after.splitlines(True), n=0)
    return [line for line in lines if not line.startswith((b"---", b"+++"))]


def edit(root: Path, as_of: str, *args: str) -> tuple[list[bytes], str]:
    before = (root / PLAN_PATH).read_bytes()
    result = run_acct(*args, "--as-of", as_of, cwd=root, env=AS_A)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    after = (root / PLAN_PATH).read_bytes()
    assert after.startswith(BOM)
    return changes(before, after), result.stdout


def refused(root: Path, as_of: str, *args: str, code: int = 1, env: dict[str, str] | None = None) -> str:
    before = snapshot(root)
    result = run_acct(*args, "--as-of", as_of, cwd=root, env={**AS_A, **(env or {})})
    assert (result.returncode, result.stdout) == (code, ""), result.stdout + result.stderr
    assert snapshot(root) == before
    assert "Traceback" not in result.stderr
    return result.stderr


def test_add_task_goes_after_the_last_task_and_before_the_closing_comment(tmp_path: Path) -> None:
    diff, out = edit(
        odd(tmp_path), "2023-06-10", "add", "task", "tran-van-b", "2023-06", "Việc mới: thêm", "--due", "2023-06-25"
    )
    assert out == f"tran-van-b/2023-06/t4: added, due 2023-06-25, given by nguyen-van-a ({PLAN_PATH})\n"
    assert diff == [
        b"@@ -20,0 +21,4 @@\n",
        b"+  - id: t4\r\n",
        "+    title: 'Việc mới: thêm'\r\n".encode(),
        b"+    assigned_by: nguyen-van-a\r\n",
        b"+    due: 2023-06-25\r\n",
    ]


def test_the_three_steps_on_an_odd_file_change_only_their_lines(tmp_path: Path) -> None:
    root = odd(tmp_path)
    # t1 on time (1), t2 late (1 + 1 + 0.75)/3, t3 not done (0): 70 × 1.916667 / 3 = 44.72; 27 + 44.72 = 71.7
    diff, out = edit(root, "2023-07-01", "self", "tran-van-b/2023-06", "--general", "27")
    assert "score 71.7 = 27 (general criteria) + 44.72 (task results), level good" in out
    assert diff == [
        b"@@ -20,0 +21,4 @@\n",
        b"+self:\r\n",
        b"+  on: 2023-07-01\r\n",
        b"+  score: 71.7\r\n",
        b"+  level: good\r\n",
    ]
    diff, _ = edit(root, "2023-07-03", "review", "tran-van-b/2023-06/t2", "--delays", "0", "--note", "Đã giải trình")
    assert diff == [
        b"@@ -13 +13 @@\n",
        '-  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20, done: 2023-06-22}\r\n'.encode(),
        '+  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20, done: 2023-06-22, '
        "review: {on: 2023-07-03, quality_fails: 0, delays: 0, note: Đã giải trình}}\r\n".encode(),
    ]
    diff, out = edit(root, "2023-07-03", "review", "tran-van-b/2023-06/t1", "--fails", "1")
    assert out.endswith("  t1: credit 0.92, done on time\n")
    assert diff == [
        b"@@ -12,0 +13,3 @@\n",
        b"+    review:\r\n",
        b"+      on: 2023-07-03\r\n",
        b"+      quality_fails: 1\r\n",
    ]
    diff, out = edit(root, "2023-07-03", "review", "tran-van-b/2023-06", "--all-ok", "--by", "ho-sy-trung")
    assert out.endswith("  t3: credit 0.00, not done\n")  # after t3's block scalar, and its blank line
    assert diff == [
        b"@@ -23,0 +24,3 @@\n",
        b"+    review:\r\n",
        b"+      on: 2023-07-03\r\n",
        b"+      quality_fails: 0\r\n",
    ]
    # (0.916667 + 1 + 0)/3 × 70 = 44.72 (t1 one failed check, t2 excused of its delay); 26 + 44.72 = 70.7: good
    diff, out = edit(root, "2023-07-06", "rate", "tran-van-b/2023-06", "--general", "26")
    assert "rated good on 2023-07-06 by nguyen-van-a; score 70.7" in out
    assert diff == [
        b"@@ -30,0 +31,5 @@\n",
        b"+rating:\r\n",
        b"+  on: 2023-07-06\r\n",
        b"+  by: nguyen-van-a\r\n",
        b"+  general: 26\r\n",
        b"+  level: good\r\n",
    ]
    assert run_acct("check", "--as-of", "2023-07-10", cwd=root).stdout == "checked 7 files: 0 errors, 0 warnings\n"


def concluded(root: Path) -> Path:
    for as_of, args in (
        ("2023-07-01", ["self", "tran-van-b/2023-06", "--general", "27"]),
        ("2023-07-03", ["review", "tran-van-b/2023-06/t2", "--note", "Chậm 2 ngày"]),
        ("2023-07-06", ["rate", "tran-van-b/2023-06", "--general", "26", "--level", "done"]),
    ):
        edit(root, as_of, *args)
    return root


def test_a_concluded_month_changes_only_with_its_amendment_written_in_the_same_edit(tmp_path: Path) -> None:
    root = concluded(odd(tmp_path))
    for args in (
        ["done", "tran-van-b/2023-06/t3", "--on", "2023-06-30"],
        ["review", "tran-van-b/2023-06/t2", "--delays", "0"],
        ["rate", "tran-van-b/2023-06", "--general", "28"],
        ["add", "task", "tran-van-b", "2023-06", "Quên ghi", "--due", "2023-06-30"],
    ):
        assert "is concluded (rated on 2023-07-06 by nguyen-van-a)" in refused(root, "2023-07-20", *args)
    diff, _ = edit(
        root, "2023-07-20", "review", "tran-van-b/2023-06/t2", "--delays", "0", "--amend", "Có lý do khách quan"
    )
    # the review keeps its date (it is written again) and its note; the amendment records what changed
    assert diff == [
        b"@@ -13 +13 @@\n",
        '-  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20, done: 2023-06-22, '
        "review: {on: 2023-07-03, quality_fails: 0, note: Chậm 2 ngày}}\r\n".encode(),
        '+  - {id: t2, title: "Họp dân, phương án", assigned_by: nguyen-van-a, due: 2023-06-20, done: 2023-06-22, '
        "review: {on: 2023-07-03, quality_fails: 0, note: Chậm 2 ngày, delays: 0}}\r\n".encode(),
        b"@@ -29,0 +30,6 @@\n",
        b"+amendments:\r\n",
        b"+  - on: 2023-07-20\r\n",
        b"+    task: t2\r\n",
        b"+    set: {review: {on: 2023-07-03, delays: 0}}\r\n",
        "+    reason: Có lý do khách quan\r\n".encode(),
        b"+    approved_by: nguyen-van-a\r\n",
    ]
    # t1 1, t2 1 now that its delay is excused, t3 0: 70 × 2/3 = 46.67; 28 + 46.67 = 74.7: the level is computed again
    diff, _ = edit(root, "2023-07-20", "rate", "tran-van-b/2023-06", "--general", "28", "--amend", "Họp lại")
    assert diff == [
        b"@@ -28,2 +28,2 @@\n",
        b"-  general: 26\r\n",
        b"-  level: done\r\n",
        b"+  general: 28\r\n",
        b"+  level: good\r\n",
        b"@@ -35,0 +36,4 @@\n",
        b"+  - on: 2023-07-20\r\n",
        b"+    set: {general: 28, level: good}\r\n",
        "+    reason: Họp lại\r\n".encode(),
        b"+    approved_by: nguyen-van-a\r\n",
    ]
    assert run_acct("check", "--as-of", "2023-07-20", cwd=root).stdout == "checked 7 files: 0 errors, 0 warnings\n"


def test_done_refuses_a_task_carried_over_and_names_the_live_copy(tmp_path: Path) -> None:
    root = odd(tmp_path)
    run_acct("new", "plan", "tran-van-b", "2023-07", "--as-of", "2023-07-01", cwd=root)
    assert refused(root, "2023-07-05", "done", "tran-van-b/2023-06/t3") == (
        "acct: refused: tran-van-b/2023-06/t3 was carried over into 2023-07 as tran-van-b/2023-07/t1 "
        "(2023/plans/2023-07/tran-van-b.yaml); that copy is the live one: acct done tran-van-b/2023-07/t1\n"
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            ["rate", "tran-van-b/2023-06", "--general", "26"],
            {"ACCT_USER": "tran-van-b"},
            "acct: refused: tran-van-b may not rate tran-van-b: the rater is nguyen-van-a (FORMAT.md, who rates "
            "whom), or someone above the rater\n",
        ),
        (
            ["rate", "tran-van-b/2023-06", "--general", "26", "--level", "Hoàn thành xuất sắc nhiệm vụ"],
            {},
            "acct: refused: excellent is above the computed level, good (score 70.7); a level above it needs --reason "
            "TEXT\n",
        ),
        (
            ["add", "task", "tran-van-b", "2023-06", "Sai hạn", "--due", "2023-07-02"],
            {},
            f"acct: refused: the edit would make {PLAN_PATH} invalid, so nothing was written\n{PLAN_PATH}:27:10: "
            "error: [due-outside-month] task 't4' is due 2023-07-02, outside 2023-06; plan it in that month, or carry "
            "it over with carried_from\n",
        ),
    ],
)
def test_refusals_change_no_byte(tmp_path: Path, args: list[str], env: dict[str, str], message: str) -> None:
    root = odd(tmp_path)
    edit(root, "2023-07-03", "review", "tran-van-b/2023-06/t2", "--delays", "0")
    edit(root, "2023-07-03", "review", "tran-van-b/2023-06/t1", "--fails", "1")
    assert refused(root, "2023-07-06", *args, env=env) == message


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["rate", "tran-van-b/2023-06", "--general", "31"],
            "acct: --general 31 is out of range: the general criteria score 0 to 30\n",
        ),
        (
            ["self", "tran-van-b/2023-06", "--general", "2x"],
            "acct: --general '2x' is not a number; write digits with a decimal point or comma, e.g. 97.5 or 97,5\n",
        ),
        (
            ["self", "tran-van-b/2023-06", "--general", "20", "--level", "tốt"],
            "acct: --level 'tốt' is not a level; write excellent, good, done or not-done, the official name (Hoàn "
            "thành tốt nhiệm vụ) or its abbreviation (HTXSNV, HTTNV, HTNV, KHTNV)\n",
        ),
        (
            ["review", "tran-van-b/2023-06", "--fails", "1"],
            "acct: write PERSON/MONTH/TASK with --fails, --delays, --excused, --note; or PERSON/MONTH --all-ok --by ASSIGNER\n",
        ),
        (
            ["self", "tran-van-b", "--general", "20"],
            "acct: 'tran-van-b' is not a person's month; write PERSON/YYYY-MM, e.g. tran-van-b/2023-05\n",
        ),
        (
            ["rate", "tran-van-c/2023-06", "--general", "20"],
            "acct: no person 'tran-van-c' in org; did you mean 'tran-van-b'?\n",
        ),
        (["done", "tran-van-b/2023-06/t1", "--approved-by", "btv"], "acct: --approved-by goes with --amend REASON\n"),
    ],
)
def test_usage_errors_are_exit_2_and_change_no_byte(tmp_path: Path, args: list[str], message: str) -> None:
    assert refused(odd(tmp_path), "2023-07-06", *args, code=2) == message


@pytest.mark.parametrize(
    "level",
    [
        "good",
        "GOOD",
        "Hoàn thành tốt nhiệm vụ",
        "hoàn thành tốt nhiệm vụ",
        "HTTNV",
        "httnv",
        " Hoàn  thành tốt nhiệm vụ ",
    ],
)
def test_levels_are_codes_official_names_or_abbreviations(tmp_path: Path, level: str) -> None:
    diff, _ = edit(odd(tmp_path), "2023-07-01", "self", "tran-van-b/2023-06", "--general", "10,5", "--level", level)
    assert diff[-2:] == [b"+  score: 55.2\r\n", b"+  level: good\r\n"]  # 10.5 + 44.72


def test_by_is_acct_user_else_gits_email_matched_against_org(tmp_path: Path) -> None:
    org = RATED["org.yaml"].replace("    unit: phuong-1\n", "    unit: phuong-1\n    email: A.Nguyen@Phuong1.vn\n", 1)
    root = write_tracker(tmp_path, {**RATED, "org.yaml": org, PLAN_PATH: ODD_PLAN})
    env = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "ACCT_USER": ""}
    subprocess.run(["git", "init", "--quiet"], cwd=root, check=True, env={**os.environ, **env})
    result = run_acct("rate", "tran-van-b/2023-06", "--general", "26", "--as-of", "2023-07-06", cwd=root, env=env)
    assert (result.returncode, result.stderr) == (
        2,
        "acct: --by was left out and neither ACCT_USER nor git's user.email says who you are; pass --by PERSON\n",
    )
    subprocess.run(["git", "config", "user.email", "someone@else.vn"], cwd=root, check=True, env={**os.environ, **env})
    result = run_acct("rate", "tran-van-b/2023-06", "--general", "26", "--as-of", "2023-07-06", cwd=root, env=env)
    assert result.stderr == (
        "acct: git config user.email is 'someone@else.vn', which matches no person's id, handle or email in org; pass "
        "--by PERSON, or add 'email: someone@else.vn' to that person in org\n"
    )
    subprocess.run(
        ["git", "config", "user.email", "a.nguyen@phuong1.vn"], cwd=root, check=True, env={**os.environ, **env}
    )
    result = run_acct("rate", "tran-van-b/2023-06", "--general", "26", "--as-of", "2023-07-06", cwd=root, env=env)
    assert (result.returncode, result.stdout.split(";")[0]) == (
        0,
        "tran-van-b/2023-06: rated good on 2023-07-06 by nguyen-van-a",
    )


def test_a_rating_that_puts_the_group_over_its_quota_is_warned_before_it_is_written(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, RATED)  # May: tran-van-b rated good by nguyen-van-a (conftest.PLAN)
    run_acct(
        "add",
        "task",
        "nguyen-van-a",
        "2023-05",
        "Sơ kết",
        "--due",
        "2023-05-30",
        "--assigned-by",
        "ho-sy-trung",
        "--as-of",
        "2023-05-02",
        cwd=root,
    )
    run_acct("done", "nguyen-van-a/2023-05/t1", "--on", "2023-05-29", "--as-of", "2023-06-01", cwd=root)
    result = run_acct(
        "rate", "nguyen-van-a/2023-05", "--general", "28", "--by", "ho-sy-trung", "--as-of", "2023-06-05", cwd=root
    )
    assert result.returncode == 0
    assert result.stderr == (
        "warning: 2023/plans/2023-05/nguyen-van-a.yaml: the rating group of btv (btv, phuong-1) has 1 rated "
        "excellent in 2023-05 with 1 rated good; at most floor(0.2 × 1) = 0 may be excellent, and this rating of "
        "nguyen-van-a on 2023-06-05 is one of the 1 dated last\n"
    )
    assert result.stdout.startswith("nguyen-van-a/2023-05: rated excellent on 2023-06-05 by ho-sy-trung; score 98")


ISSUE_PATH = "2023/issues/lan-chiem-via-he.yaml"


def test_key_issues_new_resolve_and_amend(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {})
    result = run_acct(
        "new", "issue", "ngap-ung", "Ngập úng khu phố 5", "--raised-by", "phuong-1", "--lead", "nguyen-van-a",
        "--due", "2023-09-30", "--coordinator", "btv", "--as-of", "2023-07-10", cwd=root,
    )  # fmt: skip
    assert result.stdout == "created 2023/issues/ngap-ung.yaml\n"
    assert (root / "2023/issues/ngap-ung.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../_schema/issue.schema.json\n"
        "# Key issue of 2023, raised by Phường 1. Written by acct new issue.\n"
        "kind: issue\nid: ngap-ung\ntitle: Ngập úng khu phố 5\nraised: 2023-07-10\nraised_by: phuong-1\n"
        "handled_by: phuong-1\nlead: nguyen-van-a\ncoordinators: [btv]\ndue: 2023-09-30\n"
    )
    before = (root / ISSUE_PATH).read_bytes()
    result = run_acct("resolve", "lan-chiem-via-he", "--on", "2023-07-03", "--as-of", "2023-07-10", cwd=root)
    assert result.stdout == f"lan-chiem-via-he: resolved on 2023-07-03, due 2023-10-31: on time ({ISSUE_PATH})\n"
    assert (root / ISSUE_PATH).read_bytes() == before + b"resolved: 2023-07-03\n"
    assert refused(root, "2023-07-10", "resolve", "lan-chiem-via-he") == (
        "acct: refused: lan-chiem-via-he was already resolved on 2023-07-03; to correct the date, amend it: acct "
        "amend lan-chiem-via-he --set resolved=DATE --reason TEXT --approved-by WHO\n"
    )
    result = run_acct(
        "amend", "lan-chiem-via-he", "--set", "resolved=2023-07-04", "--reason", "Sai ngày", "--approved-by", "btv",
        "--as-of", "2023-07-10", cwd=root,
    )  # fmt: skip
    assert result.stdout == f"lan-chiem-via-he: amended (resolved), approved by btv on 2023-07-10 ({ISSUE_PATH})\n"
    assert (root / ISSUE_PATH).read_bytes() == before + (
        b"resolved: 2023-07-04\namendments:\n  - on: 2023-07-10\n    set: {resolved: 2023-07-04}\n"
        b"    reason: Sai ng\xc3\xa0y\n    approved_by: btv\n"
    )
    assert run_acct("check", "--as-of", "2023-07-10", cwd=root).stdout == "checked 6 files: 0 errors, 0 warnings\n"


def test_amend_a_commitment_item_sets_the_field_and_writes_the_amendment(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {})
    path = "2023/commitments/phuong-1.yaml"
    before = (root / path).read_bytes()
    result = run_acct(
        "amend", "phuong-1/thu-ngan-sach", "--set", "target=110,5", "--reason", "Nghị quyết HĐND", "--approved-by",
        "btv", "--on", "2023-07-05", "--as-of", "2023-07-10", cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert changes(before, (root / path).read_bytes()) == [
        b"@@ -23 +23 @@\n",
        "-        target: {value: 120, unit: tỷ đồng}\n".encode(),
        "+        target: {value: 110.5, unit: tỷ đồng}\n".encode(),
        b"@@ -34,0 +35,6 @@\n",
        b"+amendments:\n",
        b"+  - on: 2023-07-05\n",
        b"+    item: thu-ngan-sach\n",
        "+    set: {target: {value: 110.5, unit: tỷ đồng, direction: up}}\n".encode(),
        "+    reason: Nghị quyết HĐND\n".encode(),
        b"+    approved_by: btv\n",
    ]
    assert refused(
        root,
        "2023-07-10",
        "amend",
        "phuong-1/le-loi",
        "--set",
        "colour=red",
        "--reason",
        "x",
        "--approved-by",
        "btv",
        code=2,
    ) == ("acct: --set 'colour=red': write FIELD=VALUE, FIELD being one of: due, done, target, owner, weight, title\n")


def test_headers_follow_the_trackers_language(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {"acct.yaml": "acct: 1\nlanguage: vi\n"})
    result = run_acct("new", "plan", "tran-van-b", "2023-06", "--as-of", "2023-06-01", cwd=root)
    assert result.stdout == f"đã tạo {PLAN_PATH}\n"
    assert (root / PLAN_PATH).read_text(encoding="utf-8").splitlines()[1:3] == [
        "# Kế hoạch công tác tháng 06/2023: Trần Văn B. Do acct new plan viết.",
        "# Thêm nhiệm vụ của tháng bằng acct add task; nhiệm vụ chuyển tiếp giữ liên kết với nhiệm vụ tháng trước "
        "(carried_from).",
    ]
    result = run_acct("new", "plan", "nguyen-van-a", "2023-06", "--lang", "en", "--as-of", "2023-06-01", cwd=root)
    assert (root / "2023/plans/2023-06/nguyen-van-a.yaml").read_text(encoding="utf-8").splitlines()[1] == (
        "# Work plan for 2023-06: Nguyễn Văn A. Written by acct new plan."
    )


def test_an_edit_checks_the_tracker_once_when_the_file_is_as_it_was_read(tmp_path: Path) -> None:
    root = odd(tmp_path)
    as_of = dt.date(2023, 6, 10)
    outcome = check(root, as_of)
    tracker: Tracker = outcome.tracker
    target = edits.whole_plan(tracker, "tran-van-b", "2023-06")
    late = steps.NewTask("Sai hạn", "nguyen-van-a", dt.date(2023, 7, 2))
    later = time.time_ns() + 10**10  # as if the tracker had been read well after the file was last written
    before = (root / PLAN_PATH).read_bytes()
    with pytest.raises(edits.Refused) as refused:  # the baseline is the tracker's own problems: t4 is a new error
        edits.save(
            root,
            target,
            steps.add_task(late, None, steps.Written()),
            as_of,
            baseline=edits.Baseline(outcome.problems, later),
        )
    assert [p.code for p in refused.value.problems] == ["due-outside-month"]
    assert (root / PLAN_PATH).read_bytes() == before
    # a baseline that already has the error is used as it is: the edit adds nothing new, so it is written
    error = refused.value.problems[0]
    known = edits.Baseline([*outcome.problems, error], later)
    edits.save(root, target, steps.add_task(late, None, steps.Written()), as_of, baseline=known)
    assert (root / PLAN_PATH).read_bytes() != before
    # a file changed after the tracker was read is checked afresh, whatever the baseline says
    assert not edits.Baseline([error], time.time_ns()).holds_for(root / PLAN_PATH)
