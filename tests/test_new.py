"""`acct new plan` and `acct new commitment`: the file written, what it carries over, and that it never overwrites."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import COMMITMENT, run_acct, write_tracker

AS_OF = ["--as-of", "2023-07-10"]
NEW_PLAN = "2023/plans/2023-07/tran-van-b.yaml"

APRIL = """\
kind: plan
person: tran-van-b
month: 2023-04
tasks:
  - {id: a1, title: Việc tháng tư chưa xong, assigned_by: nguyen-van-a, due: 2023-04-28}
"""

MAY = """\
kind: plan
person: tran-van-b
month: 2023-05
tasks:
  - id: t1
    title: Hoàn thiện hồ sơ bồi thường
    assigned_by: nguyen-van-a
    due: 2023-05-20
    done: 2023-05-18
  - id: t2
    title: 'Khảo sát "hiện trạng": tuyến Lê Lợi'
    assigned_by: ho-sy-trung
    due: 2023-05-25
    weight: 2
  - {id: t3, title: Báo cáo tiến độ, assigned_by: nguyen-van-a, due: 2023-05-31, commitment: phuong-1/le-loi}
  - id: t4
    title: Đã xong
    assigned_by: ho-sy-trung
    due: 2023-05-31
    done: 2023-05-30
"""

OTHER_PERSON = """\
kind: plan
person: nguyen-van-a
month: 2023-06
tasks:
  - {id: x1, title: Việc của người khác, assigned_by: ho-sy-trung, due: 2023-06-30}
"""

EXPECTED_PLAN = """\
# yaml-language-server: $schema=../../../_schema/plan.schema.json
# Work plan for 2023-07: Trần Văn B. Written by acct new plan.
# Add this month's tasks with acct add task; a carried-over task keeps its link to last month's (carried_from).
kind: plan
person: tran-van-b
month: 2023-07
tasks:
  - id: t1
    title: 'Khảo sát "hiện trạng": tuyến Lê Lợi'
    assigned_by: ho-sy-trung
    due: 2023-07-31  # carried over: set the real due date
    carried_from: 2023-05/t2
    weight: 2
  - id: t2
    title: Báo cáo tiến độ
    assigned_by: nguyen-van-a
    due: 2023-07-31  # carried over: set the real due date
    carried_from: 2023-05/t3
    commitment: phuong-1/le-loi
"""


def history(root: Path) -> Path:
    return write_tracker(
        root,
        {
            "2023/plans/2023-04/tran-van-b.yaml": APRIL,
            "2023/plans/2023-05/tran-van-b.yaml": MAY,
            "2023/plans/2023-06/nguyen-van-a.yaml": OTHER_PERSON,
        },
    )


def test_the_history_is_valid(tmp_path: Path) -> None:
    assert run_acct("check", *AS_OF, cwd=history(tmp_path)).stdout == "checked 7 files: 0 errors, 0 warnings\n"


def test_new_plan_carries_over_exactly_the_undone_tasks_of_the_latest_earlier_plan(tmp_path: Path) -> None:
    root = history(tmp_path)
    result = run_acct("new", "plan", "tran-van-b", "2023-07", *AS_OF, cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"created {NEW_PLAN}\n", "")
    text = (root / NEW_PLAN).read_text(encoding="utf-8")
    assert text == EXPECTED_PLAN
    tasks = yaml.safe_load(text)["tasks"]
    # May's undone t2 and t3; not May's done t1 and t4, not April's a1 (May is the latest), not another person's
    assert [t["carried_from"] for t in tasks] == ["2023-05/t2", "2023-05/t3"]
    assert [t["assigned_by"] for t in tasks] == ["ho-sy-trung", "nguyen-van-a"]


def test_the_new_plan_passes_check_and_its_placeholders_are_marked(tmp_path: Path) -> None:
    root = history(tmp_path)
    run_acct("new", "plan", "tran-van-b", "2023-07", *AS_OF, cwd=root)
    assert run_acct("check", *AS_OF, cwd=root).stdout == "checked 8 files: 0 errors, 0 warnings\n"
    due_lines = [line for line in (root / NEW_PLAN).read_text(encoding="utf-8").splitlines() if "due:" in line]
    assert due_lines and all(line.endswith("# carried over: set the real due date") for line in due_lines)


def test_the_schema_header_comes_first_and_resolves_once_acct_schema_has_run(tmp_path: Path) -> None:
    root = history(tmp_path)
    run_acct("new", "plan", "tran-van-b", "2023-07", *AS_OF, cwd=root)
    run_acct("new", "commitment", "phuong-1", "2024", *AS_OF, cwd=root)
    assert run_acct("schema", cwd=root).returncode == 0  # writes the tracker's _schema/ folder
    for path, kind in ((NEW_PLAN, "plan"), ("2024/commitments/phuong-1.yaml", "commitment")):
        first = (root / path).read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix)
        schema = ((root / path).parent / first.removeprefix(prefix)).resolve()
        assert schema == root / "_schema" / f"{kind}.schema.json" and schema.is_file()


def test_a_person_with_no_earlier_plan_gets_an_empty_plan_that_passes_check(tmp_path: Path) -> None:
    root = history(tmp_path)
    result = run_acct("new", "plan", "nguyen-van-a", "2023-05", *AS_OF, cwd=root)
    assert result.stdout == "created 2023/plans/2023-05/nguyen-van-a.yaml\n"
    assert (root / "2023/plans/2023-05/nguyen-van-a.yaml").read_text(encoding="utf-8").splitlines()[-1] == ("tasks: []")
    assert run_acct("check", *AS_OF, cwd=root).returncode == 0


def test_new_plan_refuses_to_overwrite_a_plan(tmp_path: Path) -> None:
    root = history(tmp_path)
    before = (root / "2023/plans/2023-05/tran-van-b.yaml").read_bytes()
    result = run_acct("new", "plan", "tran-van-b", "2023-05", *AS_OF, cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "acct: tran-van-b already has a plan for 2023-05 in 2023/plans/2023-05/tran-van-b.yaml\n"
    assert (root / "2023/plans/2023-05/tran-van-b.yaml").read_bytes() == before


def test_new_plan_refuses_to_overwrite_even_a_broken_file(tmp_path: Path) -> None:
    root = write_tracker(history(tmp_path), {NEW_PLAN: "kind: plan\ntasks: [\n"})
    result = run_acct("new", "plan", "tran-van-b", "2023-07", *AS_OF, cwd=root)
    assert result.returncode == 2
    assert result.stderr == f"acct: {root / NEW_PLAN} already exists; acct will not overwrite it\n"
    assert (root / NEW_PLAN).read_text(encoding="utf-8") == "kind: plan\ntasks: [\n"
    assert sorted(p.name for p in (root / NEW_PLAN).parent.iterdir()) == ["tran-van-b.yaml"]


def test_new_plan_bad_arguments_are_exit_2(tmp_path: Path) -> None:
    root = history(tmp_path)
    result = run_acct("new", "plan", "tran-van-c", "2023-07", cwd=root)
    assert (result.returncode, result.stderr) == (
        2,
        "acct: no person 'tran-van-c' in org; did you mean 'tran-van-b'?\n",
    )
    result = run_acct("new", "plan", "tran-van-b", "2023-7", cwd=root)
    assert (result.returncode, result.stderr) == (
        2,
        "acct: '2023-7' is not a month; write it as YYYY-MM, e.g. 2023-07\n",
    )
    assert not (root / "2023/plans/2023-07").exists()


# --- new commitment -----------------------------------------------------------------------------------------------

RICH_COMMITMENT = (
    COMMITMENT.replace("    title: Giải phóng mặt bằng\n", "    title: Giải phóng mặt bằng\n    weight: 40\n")
    .replace(
        "        # done: written when the site is handed over\n",
        "        done: 2023-07-08\n        weight: 2\n        evidence: [Biên bản bàn giao]\n",
    )
    .replace(
        "        target: {value: 120, unit: tỷ đồng}\n",
        "        target: {value: 120, unit: tỷ đồng}\n        milestones: [{by: 2023-06-30, value: 50}]\n",
    )
    + """\
amendments:
  - on: 2023-07-05
    item: le-loi
    set: {due: 2023-09-30}
    reason: Chờ phê duyệt phương án bồi thường
    approved_by: btv
"""
)

EXPECTED_COMMITMENT = """\
# yaml-language-server: $schema=../../_schema/commitment.schema.json
# Responsibility commitment for 2024: Phường 1. Written by acct new commitment.
# Every due date is a placeholder (2024-12-31): set the real ones, and `signed:` once it is signed.
kind: commitment
unit: phuong-1
year: 2024
head: nguyen-van-a
to: btv
groups:
  - id: gpmb
    title: Giải phóng mặt bằng
    weight: 40
    items:
      - id: le-loi
        title: Bàn giao mặt bằng tuyến Lê Lợi
        owner: tran-van-b
        due: 2024-12-31
        weight: 2
  - id: kinh-te
    title: Phát triển kinh tế
    items:
      - id: thu-ngan-sach
        title: Thu ngân sách
        owner: nguyen-van-a
        due: 2024-12-31
        target: {value: 120, unit: tỷ đồng, direction: up}  # last year's target
  - id: xay-dung-dang
    title: Xây dựng Đảng
    items:
      - id: ket-nap
        title: Kết nạp đảng viên mới
        owner: nguyen-van-a
        due: 2024-12-31
        target: {value: 10, unit: người, direction: up}  # last year's target
"""

TEMPLATE = """\
# yaml-language-server: $schema=../../_schema/commitment.schema.json
# Responsibility commitment for 2024: Ban Thường vụ Thành ủy. Written by acct new commitment.
# Every due date is a placeholder (2024-12-31): set the real ones, and `signed:` once it is signed.
kind: commitment
unit: btv
year: 2024
head: ho-sy-trung
to: btv  # the body it is made to, which assesses it: check it
groups:
""" + "".join(
    f"""\
  - id: nhom-{n}
    title: Key task group {n}  # name the group
    items:
      - id: nhiem-vu-{n}
        title: Specific task  # one task or indicator per item, one owner each
        owner: ho-sy-trung
        due: 2024-12-31
"""
    for n in (1, 2, 3)
)


def test_new_commitment_copies_last_years_structure_without_dates_or_results(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {"2023/commitments/phuong-1.yaml": RICH_COMMITMENT})
    assert run_acct("check", *AS_OF, cwd=root).returncode == 0
    result = run_acct("new", "commitment", "phuong-1", "2024", *AS_OF, cwd=root)
    assert (result.returncode, result.stdout) == (0, "created 2024/commitments/phuong-1.yaml\n")
    text = (root / "2024/commitments/phuong-1.yaml").read_text(encoding="utf-8")
    assert text == EXPECTED_COMMITMENT
    old, new = yaml.safe_load(RICH_COMMITMENT), yaml.safe_load(text)

    def shape(doc: dict) -> list:  # type: ignore[type-arg]
        return [
            (
                g["id"],
                g["title"],
                g.get("weight"),
                [
                    (i["id"], i["title"], i["owner"], i.get("weight"), (i.get("target") or {}).get("value"))
                    for i in g["items"]
                ],
            )
            for g in doc["groups"]
        ]

    assert shape(new) == shape(old)
    assert "signed" not in new and "amendments" not in new
    assert not {"done", "reports", "evidence", "milestones"} & {
        key for g in new["groups"] for i in g["items"] for key in i
    }
    assert run_acct("check", "--as-of", "2024-01-10", cwd=root).stdout == "checked 6 files: 0 errors, 0 warnings\n"


def test_a_unit_with_no_history_gets_a_commented_template_that_passes_check(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {})
    result = run_acct("new", "commitment", "btv", "2024", *AS_OF, cwd=root)
    assert (result.returncode, result.stdout) == (0, "created 2024/commitments/btv.yaml\n")
    assert (root / "2024/commitments/btv.yaml").read_text(encoding="utf-8") == TEMPLATE
    assert run_acct("check", "--as-of", "2024-01-10", cwd=root).stdout == "checked 6 files: 0 errors, 0 warnings\n"


def test_new_commitment_refuses_to_overwrite(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {})
    before = (root / "2023/commitments/phuong-1.yaml").read_bytes()
    result = run_acct("new", "commitment", "phuong-1", "2023", *AS_OF, cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "acct: phuong-1 already has a 2023 commitment in 2023/commitments/phuong-1.yaml\n"
    assert (root / "2023/commitments/phuong-1.yaml").read_bytes() == before
    result = run_acct("new", "commitment", "phuong-2", "2024", *AS_OF, cwd=root)
    assert (result.returncode, result.stderr) == (2, "acct: no unit 'phuong-2' in org; did you mean 'phuong-1'?\n")
