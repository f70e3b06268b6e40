"""`acct done` and `acct record`: byte-exact edits of hand-written files, refusals that change nothing, atomic writes.

Every test compares whole files as bytes. `changes` gives the unified diff without context, so an assertion on it
says exactly which lines were added or changed, and where, and that no other byte moved.
"""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
from conftest import run_acct, snapshot, write_tracker
from typer.testing import CliRunner

from accountability.cli import app

BOM = b"\xef\xbb\xbf"
COMMITMENT_PATH = "2023/commitments/phuong-1.yaml"
PLAN_PATH = "2023/plans/2023-05/tran-van-b.yaml"
AS_OF = ["--as-of", "2023-07-10"]

# Comments everywhere, odd quoting, flow and block style side by side, a folded and a literal block scalar.
HOSTILE_COMMITMENT = """\
# Cam kết trách nhiệm năm 2023 — Phường 1   (comments, quoting and flow style on purpose)
kind: 'commitment'    # single-quoted
unit: "phuong-1"
year: 2023
head: nguyen-van-a
to: btv
signed: 2023-01-16

groups:
  # nhóm 1: giải phóng mặt bằng
  - id: gpmb
    title: 'Giải phóng mặt bằng: "tuyến" Lê Lợi'
    items:
      - {id: le-loi, title: "Bàn giao, mặt bằng", owner: tran-van-b, due: 2023-09-30}   # flow
      - id: cau-cho    # a block task
        title: >-
          Cầu chợ
          mới
        owner: tran-van-b
        due: 2023-10-31
        evidence: [a, 'b: c']
        # a comment after the item's last key

      - id: ho-so
        title: Hồ sơ
        owner: tran-van-b
        due: 2023-11-30
        done: ~   # not yet
      - id: ban-ve
        title: Bản vẽ
        owner: tran-van-b
        due: 2023-11-30
        evidence:
          - |
            Biên bản
            nghiệm thu

      - id: mong
        title: Móng
        owner: tran-van-b
        due: 2023-11-30
  - id: kinh-te
    title: "Phát triển kinh tế"
    items:
      - id: thu-ngan-sach
        title: Thu ngân sách
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 120, unit: tỷ đồng}
        reports: [{on: 2023-03-31, value: 26.4}, {on: 2023-06-30, value: 58.0}]   # flow
      - id: thu-khac
        title: Thu khác
        owner: nguyen-van-a
        due: 2023-12-31
        target:
          value: 10
          unit: "tỷ đồng"
        reports:
          - on: 2023-03-31
            value: 2     # quý I
            note: 'Quý I'
        # end of thu-khac
      - id: von-dau-tu
        title: Vốn đầu tư
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 50, unit: tỷ đồng}
        reports: [
          {on: 2023-03-31, value: 10},
        ]
  - id: xay-dung-dang
    title: Xây dựng Đảng
    items:
      - id: ket-nap
        title: Kết nạp đảng viên mới
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 10, unit: người}
      - id: chi-bo
        title: Chi bộ
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 3, unit: chi bộ}
        reports: []
# end of file
"""

HOSTILE_PLAN = """\
# Kế hoạch tháng 5
kind: plan
person: "tran-van-b"
month: '2023-05'
tasks:
  - id: t1    # the first
    title: 'Hoàn thiện hồ sơ: "bồi thường"'
    assigned_by: nguyen-van-a
    due: 2023-05-20
    commitment: phuong-1/le-loi
    review: {on: 2023-06-02, quality_fails: 0}
  - {id: t2, title: "Khảo sát, đo đạc", assigned_by: nguyen-van-a, due: 2023-05-25}
  - id: t3
    title: Báo cáo
    assigned_by: nguyen-van-a
    due: 2023-05-31
    done:           # empty until it is done
self: {on: 2023-06-01, score: 92, level: excellent}
"""


def crlf_bom(text: str) -> bytes:
    return BOM + text.replace("\n", "\r\n").encode("utf-8")


def hostile(root: Path, encode=crlf_bom) -> Path:  # type: ignore[no-untyped-def]
    return write_tracker(root, {COMMITMENT_PATH: encode(HOSTILE_COMMITMENT), PLAN_PATH: encode(HOSTILE_PLAN)})


def changes(before: bytes, after: bytes) -> list[bytes]:
    """The unified diff of two files' bytes without context lines or file headers: hunk headers, '-' and '+' lines."""
    lines = difflib.diff_bytes(
        difflib.unified_diff, before.splitlines(keepends=True), after.splitlines(keepends=True), n=0
    )
    return [line for line in lines if not line.startswith((b"---", b"+++"))]


def edit(root: Path, path: str, *args: str) -> tuple[list[bytes], str]:
    """Run an acct command that must succeed; the byte diff of `path` and the command's output."""
    before = (root / path).read_bytes()
    result = run_acct(*args, *AS_OF, cwd=root)
    assert result.returncode == 0, result.stderr
    after = (root / path).read_bytes()
    assert after.startswith(BOM) == before.startswith(BOM)
    return changes(before, after), result.stdout


def refused(root: Path, *args: str, code: int) -> str:
    """Run an acct command that must be refused: every file of the tracker unchanged, byte for byte; its stderr."""
    before = snapshot(root)
    result = run_acct(*args, *AS_OF, cwd=root)
    assert result.returncode == code, result.stdout + result.stderr
    assert snapshot(root) == before
    assert "Traceback" not in result.stderr and result.stdout == ""
    return result.stderr


# --- done ---------------------------------------------------------------------------------------------------------


def test_done_on_a_flow_item_adds_the_key_inside_its_braces(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, out = edit(root, COMMITMENT_PATH, "done", "phuong-1/le-loi", "--on", "2023-07-05")
    assert out == f"phuong-1/le-loi: done on 2023-07-05 ({COMMITMENT_PATH})\n"
    assert diff == [
        b"@@ -14 +14 @@\n",
        b'-      - {id: le-loi, title: "B\xc3\xa0n giao, m\xe1\xba\xb7t b\xe1\xba\xb1ng", owner: tran-van-b, due: 2023-09-30}   # flow\r\n',
        b'+      - {id: le-loi, title: "B\xc3\xa0n giao, m\xe1\xba\xb7t b\xe1\xba\xb1ng", owner: tran-van-b, due: 2023-09-30, done: 2023-07-05}   # flow\r\n',
    ]


def test_done_on_a_block_item_adds_one_line_after_its_last_key_and_before_the_comment(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "done", "phuong-1/cau-cho", "--on", "2023-07-05")
    assert diff == [b"@@ -21,0 +22 @@\n", b"+        done: 2023-07-05\r\n"]


def test_done_fills_an_empty_done_in_place_keeping_its_comment(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "done", "phuong-1/ho-so", "--on", "2023-07-05")
    assert diff == [
        b"@@ -28 +28 @@\n",
        b"-        done: ~   # not yet\r\n",
        b"+        done: 2023-07-05   # not yet\r\n",
    ]


def test_done_after_a_literal_block_goes_on_that_item_not_the_next(tmp_path: Path) -> None:
    # A block scalar's end lies at the start of the next item's line; the edit once landed on the next item.
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "done", "phuong-1/ban-ve", "--on", "2023-07-05")
    assert diff == [b"@@ -37,0 +38 @@\n", b"+        done: 2023-07-05\r\n"]
    lines = (root / COMMITMENT_PATH).read_bytes().split(b"\r\n")
    assert lines[34:39] == [
        b"            Bi\xc3\xaan b\xe1\xba\xa3n",
        b"            nghi\xe1\xbb\x87m thu",
        b"",
        b"        done: 2023-07-05",
        b"      - id: mong",
    ]


def test_done_on_a_plan_task_in_block_style(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, out = edit(root, PLAN_PATH, "done", "tran-van-b/2023-05/t1", "--on", "2023-05-18")
    assert out == f"tran-van-b/2023-05/t1: done on 2023-05-18 ({PLAN_PATH})\n"
    assert diff == [b"@@ -11,0 +12 @@\n", b"+    done: 2023-05-18\r\n"]


def test_done_on_a_plan_task_in_flow_style_and_one_with_an_empty_done(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, PLAN_PATH, "done", "tran-van-b/2023-05/t2", "--on", "2023-05-24")
    assert diff == [
        b"@@ -12 +12 @@\n",
        b'-  - {id: t2, title: "Kh\xe1\xba\xa3o s\xc3\xa1t, \xc4\x91o \xc4\x91\xe1\xba\xa1c", assigned_by: nguyen-van-a, due: 2023-05-25}\r\n',
        b'+  - {id: t2, title: "Kh\xe1\xba\xa3o s\xc3\xa1t, \xc4\x91o \xc4\x91\xe1\xba\xa1c", assigned_by: nguyen-van-a, due: 2023-05-25, done: 2023-05-24}\r\n',
    ]
    diff, _ = edit(root, PLAN_PATH, "done", "tran-van-b/2023-05/t3", "--on", "2023-05-30")
    assert diff == [
        b"@@ -17 +17 @@\n",
        b"-    done:           # empty until it is done\r\n",
        b"+    done: 2023-05-30           # empty until it is done\r\n",
    ]


def test_done_again_is_refused_and_says_how_to_correct_the_date(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    edit(root, COMMITMENT_PATH, "done", "phuong-1/cau-cho", "--on", "2023-07-05")
    assert refused(root, "done", "phuong-1/cau-cho", "--on", "2023-07-06", code=1) == (
        "acct: refused: phuong-1/cau-cho was already done on 2023-07-05; to correct the date, amend the commitment: "
        "acct amend phuong-1/cau-cho --set done=DATE --reason TEXT --approved-by WHO\n"
    )
    edit(root, PLAN_PATH, "done", "tran-van-b/2023-05/t3", "--on", "2023-05-30")
    assert refused(root, "done", "tran-van-b/2023-05/t3", "--on", "2023-05-31", code=1) == (
        "acct: refused: tran-van-b/2023-05/t3 was already done on 2023-05-30; to correct the date, pass --amend "
        "REASON, which records the correction approved by the person's rater\n"
    )


def test_an_lf_file_without_a_bom_stays_so(tmp_path: Path) -> None:
    root = hostile(tmp_path, encode=lambda text: text.encode("utf-8"))
    diff, _ = edit(root, COMMITMENT_PATH, "done", "phuong-1/cau-cho", "--on", "2023-07-05")
    assert diff == [b"@@ -21,0 +22 @@\n", b"+        done: 2023-07-05\n"]


def test_a_file_without_a_final_newline_keeps_none(tmp_path: Path) -> None:
    text = HOSTILE_PLAN.split("    done:           # empty")[0].rstrip("\n")  # ends with t3's `due:`, no newline
    root = write_tracker(tmp_path, {PLAN_PATH: text})
    before = (root / PLAN_PATH).read_bytes()
    diff, _ = edit(root, PLAN_PATH, "done", "tran-van-b/2023-05/t3", "--on", "2023-05-30")
    assert diff == [b"@@ -16 +16,2 @@\n", b"-    due: 2023-05-31", b"+    due: 2023-05-31\n", b"+    done: 2023-05-30"]
    assert not before.endswith(b"\n") and not (root / PLAN_PATH).read_bytes().endswith(b"\n")


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    (root / COMMITMENT_PATH).chmod(0o640)
    edit(root, COMMITMENT_PATH, "done", "phuong-1/cau-cho", "--on", "2023-07-05")
    assert stat.S_IMODE((root / COMMITMENT_PATH).stat().st_mode) == 0o640
    assert [p.name for p in (root / COMMITMENT_PATH).parent.iterdir()] == ["phuong-1.yaml"]  # no temporary file left


# --- record -------------------------------------------------------------------------------------------------------


def test_record_appends_to_a_flow_list_on_its_line(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, out = edit(
        root, COMMITMENT_PATH, "record", "phuong-1/thu-ngan-sach", "80.5", "--on", "2023-07-05", "--note", 'Quý "III"'
    )
    assert out == f"phuong-1/thu-ngan-sach: recorded 80.5 on 2023-07-05 ({COMMITMENT_PATH})\n"
    assert diff == [
        b"@@ -50 +50 @@\n",
        b"-        reports: [{on: 2023-03-31, value: 26.4}, {on: 2023-06-30, value: 58.0}]   # flow\r\n",
        (
            b"+        reports: [{on: 2023-03-31, value: 26.4}, {on: 2023-06-30, value: 58.0}, "
            b'{on: 2023-07-05, value: 80.5, note: Qu\xc3\xbd "III"}]   # flow\r\n'
        ),
    ]


def test_record_appends_a_block_report_in_block_style(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "record", "phuong-1/thu-khac", "5", "--on", "2023-07-05", "--note", "Quý II")
    assert diff == [
        b"@@ -61,0 +62,3 @@\n",
        b"+          - on: 2023-07-05\r\n",
        b"+            value: 5\r\n",
        b"+            note: Qu\xc3\xbd II\r\n",
    ]


def test_record_in_a_flow_list_written_one_per_line_with_trailing_commas(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "record", "phuong-1/von-dau-tu", "21", "--on", "2023-06-30")
    assert diff == [b"@@ -69,0 +70 @@\n", b"+          {on: 2023-06-30, value: 21},\r\n"]


def test_the_first_report_adds_the_reports_key(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "record", "phuong-1/ket-nap", "3", "--on", "2023-06-30")
    assert diff == [b"@@ -78,0 +79,2 @@\n", b"+        reports:\r\n", b"+          - {on: 2023-06-30, value: 3}\r\n"]


def test_the_first_report_fills_an_empty_flow_list(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, _ = edit(root, COMMITMENT_PATH, "record", "phuong-1/chi-bo", "1", "--on", "2023-06-30")
    assert diff == [
        b"@@ -84 +84 @@\n",
        b"-        reports: []\r\n",
        b"+        reports: [{on: 2023-06-30, value: 1}]\r\n",
    ]


def test_every_edit_at_once_changes_only_its_lines_and_the_file_stays_valid(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    before = (root / COMMITMENT_PATH).read_bytes()
    for args in (
        ["done", "phuong-1/le-loi"],
        ["done", "phuong-1/cau-cho"],
        ["done", "phuong-1/ban-ve"],
        ["record", "phuong-1/thu-ngan-sach", "80"],
        ["record", "phuong-1/ket-nap", "4"],
    ):
        assert run_acct(*args, "--on", "2023-07-05", *AS_OF, cwd=root).returncode == 0
    after = (root / COMMITMENT_PATH).read_bytes()
    added = [line for line in changes(before, after) if line.startswith(b"+")]
    removed = [line for line in changes(before, after) if line.startswith(b"-")]
    assert len(added) == 6 and len(removed) == 2  # two lines changed in place, four lines added
    assert run_acct("check", *AS_OF, cwd=root).stdout == "checked 5 files: 0 errors, 0 warnings\n"


# --- references ---------------------------------------------------------------------------------------------------


def test_the_year_of_unit_item_is_the_year_of_on_unless_given(tmp_path: Path) -> None:
    next_year = HOSTILE_COMMITMENT.replace("year: 2023", "year: 2024").replace(
        "signed: 2023-01-16", "signed: 2024-01-16"
    )
    next_year = next_year.replace("2023-", "2024-")
    root = write_tracker(tmp_path, {"2024/commitments/phuong-1.yaml": next_year, COMMITMENT_PATH: HOSTILE_COMMITMENT})
    as_of = ["--as-of", "2024-07-10"]
    result = run_acct("done", "phuong-1/mong", "--on", "2024-03-01", *as_of, cwd=root)
    assert result.stdout == "phuong-1/mong: done on 2024-03-01 (2024/commitments/phuong-1.yaml)\n"
    result = run_acct("done", "phuong-1/mong", "--year", "2023", "--on", "2023-11-01", *as_of, cwd=root)
    assert result.stdout == f"phuong-1/mong: done on 2023-11-01 ({COMMITMENT_PATH})\n"
    assert (root / COMMITMENT_PATH).read_text(encoding="utf-8").count("done: 2023-11-01") == 1
    assert "done: 2024-03-01" not in (root / COMMITMENT_PATH).read_text(encoding="utf-8")


def test_on_defaults_to_as_of(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    diff, out = edit(root, COMMITMENT_PATH, "done", "phuong-1/cau-cho")
    assert out == f"phuong-1/cau-cho: done on 2023-07-10 ({COMMITMENT_PATH})\n"
    assert diff == [b"@@ -21,0 +22 @@\n", b"+        done: 2023-07-10\r\n"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["done", "phuong-l/le-loi"], "acct: no unit 'phuong-l' in org; did you mean 'phuong-1'?\n"),
        (["done", "phuong-1/le-lo"], "acct: phuong-1's 2023 commitment has no item 'le-lo'; did you mean 'le-loi'?\n"),
        (
            ["record", "phuong-1/thu-ngan-sch", "1"],
            "acct: phuong-1's 2023 commitment has no item 'thu-ngan-sch'; did you mean 'thu-ngan-sach'?\n",
        ),
        (["done", "tran-van-c/2023-05/t1"], "acct: no person 'tran-van-c' in org; did you mean 'tran-van-b'?\n"),
        (["done", "tran-van-b/2023-06/t1"], "acct: tran-van-b has no plan for 2023-06; did you mean '2023-05'?\n"),
        (
            ["done", "tran-van-b/2023-05/t9"],
            "acct: the 2023-05 plan of tran-van-b has no task 't9'; its tasks: t1, t2, t3\n",
        ),
        (
            ["done", "tran-van-b/2023-05/x"],
            "acct: the 2023-05 plan of tran-van-b has no task 'x'; its tasks: t1, t2, t3\n",
        ),
        (
            ["done", "phuong-1/le-loi", "--on", "2024-01-05"],
            "acct: phuong-1 has no commitment for 2024; pass --year (it has 2023)\n",
        ),
        (
            ["done", "le-loi"],
            "acct: 'le-loi' is not a reference; write unit/item (with --year) or person/YYYY-MM/task\n",
        ),
    ],
)
def test_an_unknown_reference_is_exit_2_with_a_suggestion(tmp_path: Path, args: list[str], message: str) -> None:
    assert refused(hostile(tmp_path), *args, code=2) == message


def test_a_reference_to_a_file_with_errors_says_so(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {COMMITMENT_PATH: HOSTILE_COMMITMENT + "junk: [\n"})
    message = refused(root, "done", "phuong-1/cau-cho", code=2)
    assert message == f"acct: {COMMITMENT_PATH} has errors, so acct cannot edit it; run acct check and fix them first\n"


# --- refusals -----------------------------------------------------------------------------------------------------


def test_an_edit_that_would_break_the_file_is_refused(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    message = refused(root, "done", "phuong-1/cau-cho", "--year", "2023", "--on", "2024-01-05", code=1)
    first, *rest = message.splitlines()
    assert first == f"acct: refused: the edit would make {COMMITMENT_PATH} invalid, so nothing was written"
    # outside the commitment's year, and after the judging date (2023-07-10)
    assert [line.split(" error: ")[0] for line in rest] == [f"{COMMITMENT_PATH}:22:15:"] * 2
    assert {line.split("[")[1].split("]")[0] for line in rest} == {"date-outside-year", "future-date"}


@pytest.mark.parametrize("value", ["nan", "inf", "1.234,5", "12a", ""])
def test_a_report_that_is_not_a_number_is_refused(tmp_path: Path, value: str) -> None:
    message = refused(hostile(tmp_path), "record", "phuong-1/thu-khac", value, "--on", "2023-07-05", code=2)
    assert message == (
        f"acct: VALUE {value!r} is not a number; write digits with a decimal point or comma, e.g. 97.5 or 97,5\n"
    )


def test_a_report_with_a_decimal_comma(tmp_path: Path) -> None:
    diff, out = edit(hostile(tmp_path), COMMITMENT_PATH, "record", "phuong-1/thu-khac", "97,5", "--on", "2023-07-05")
    assert out == f"phuong-1/thu-khac: recorded 97.5 on 2023-07-05 ({COMMITMENT_PATH})\n"
    assert diff == [b"@@ -61,0 +62,2 @@\n", b"+          - on: 2023-07-05\r\n", b"+            value: 97.5\r\n"]


def test_a_report_in_the_future_is_refused(tmp_path: Path) -> None:
    message = refused(hostile(tmp_path), "record", "phuong-1/thu-khac", "5", "--on", "2023-07-11", code=1)
    assert (
        message.splitlines()[0]
        == f"acct: refused: the edit would make {COMMITMENT_PATH} invalid, so nothing was written"
    )


@pytest.mark.parametrize("on", ["2023-06-29", "2023-06-30"])
def test_a_report_dated_before_or_on_the_last_one_is_refused(tmp_path: Path, on: str) -> None:
    message = refused(hostile(tmp_path), "record", "phuong-1/thu-ngan-sach", "70", "--on", on, code=1)
    assert message == (
        "acct: refused: phuong-1/thu-ngan-sach already has a report on 2023-06-30; "
        f"a new report must be dated after it, not {on}\n"
    )


def test_done_on_an_indicator_and_record_on_a_task_are_refused(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    assert refused(root, "done", "phuong-1/ket-nap", code=1) == (
        "acct: refused: phuong-1/ket-nap is an indicator (it has a target); record its progress with acct record instead\n"
    )
    assert refused(root, "record", "phuong-1/cau-cho", "1", code=1) == (
        "acct: refused: phuong-1/cau-cho is a task (it has no target); mark it done with acct done instead\n"
    )


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    # acct reads the mode bits, which hold for root too, rather than trusting what root is allowed to do
    root = hostile(tmp_path)
    (root / COMMITMENT_PATH).chmod(0o444)
    message = refused(root, "done", "phuong-1/cau-cho", code=2)
    assert message == f"acct: {COMMITMENT_PATH} is read-only; make it writable (chmod u+w) to record in it\n"
    assert stat.S_IMODE((root / COMMITMENT_PATH).stat().st_mode) == 0o444


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root may write in a read-only folder; the read-only file test covers root"
)
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    folder = (root / COMMITMENT_PATH).parent
    folder.chmod(0o555)
    try:
        message = refused(root, "done", "phuong-1/cau-cho", code=2)
    finally:
        folder.chmod(0o755)
    assert message.startswith(f"acct: cannot write {folder / 'phuong-1.yaml'}: Permission denied")


# --- atomicity ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_an_edit_interrupted_before_the_rename_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: type[BaseException]
) -> None:
    # Killing a process at the exact instant between the temporary write and the rename is not possible from a
    # test, so the rename itself is made to fail in-process: Ctrl-C there, or a disk error. (A SIGKILL at that
    # instant would leave the temporary file, a dot-file ending in .tmp, though never a half-written original.)
    root = hostile(tmp_path)
    before = (root / COMMITMENT_PATH).read_bytes()

    def interrupted(src: str, dst: str) -> None:
        assert Path(src).read_bytes() != before  # the new text is written and synced, the original not yet replaced
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    args = ["done", "phuong-1/cau-cho", "--on", "2023-07-05", "--root", str(root), *AS_OF]
    result = CliRunner().invoke(app, args)
    if interruption is KeyboardInterrupt:
        assert result.exit_code == 130  # what Ctrl-C does to any command
    else:
        assert result.exit_code == 2 and "cannot write" in result.output
    assert (root / COMMITMENT_PATH).read_bytes() == before
    assert sorted(p.name for p in (root / COMMITMENT_PATH).parent.iterdir()) == ["phuong-1.yaml"]
