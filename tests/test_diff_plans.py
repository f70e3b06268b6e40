"""`acct diff` on plans, org and key issues, in real git repositories: a change to a concluded month is unapproved
without the rater's amendment, org changes are listed, an issue's due date moved later weakens it, and the Markdown
shows before and after in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RATED, run_acct, write_tracker
from test_diff import commit, edit, git

PLAN_PATH = "2023/plans/2023-05/tran-van-b.yaml"
ISSUE_PATH = "2023/issues/lan-chiem-via-he.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "--quiet", "--initial-branch", "main")
    write_tracker(tmp_path, RATED)  # May's plan of tran-van-b is rated: a concluded month
    commit(tmp_path, "Tháng 5")
    return tmp_path


def listed(repo: Path) -> tuple[int, list[tuple[str, str, str, object, object, bool, str | None]]]:
    result = run_acct("diff", "main", "--format", "json", cwd=repo)
    body = json.loads(result.stdout)
    return result.returncode, [
        (c["scope"], c["item"], c["kind"], c["before"], c["after"], c["unapproved"], c["approved_by"])
        for c in body["changes"]
    ]


def test_a_rating_raised_and_a_task_back_dated_by_hand_are_unapproved(repo: Path) -> None:
    edit(repo, "level: good}", "level: excellent, reason: Vượt trội}", PLAN_PATH)
    edit(repo, "done: 2023-05-18", "done: 2023-05-10", PLAN_PATH)
    assert listed(repo) == (
        1,
        [
            ("plan", "t1", "done-moved", "2023-05-18", "2023-05-10", True, None),
            ("plan", "", "rating-changed", "good", "excellent", True, None),
            ("plan", "", "rating-changed", "", "Vượt trội", True, None),
        ],
    )


def test_the_same_changes_made_by_commands_carry_their_amendment_and_are_approved(repo: Path) -> None:
    as_of = ["--as-of", "2023-07-20"]
    result = run_acct("done", "tran-van-b/2023-05/t1", "--on", "2023-05-10", "--amend", "Biên bản", *as_of, cwd=repo)
    assert result.returncode == 0, result.stderr
    result = run_acct(
        "rate", "tran-van-b/2023-05", "--general", "28", "--level", "excellent", "--reason", "Vượt trội",
        "--by", "nguyen-van-a", "--amend", "Họp lại", *as_of, cwd=repo,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    code, changes = listed(repo)
    assert code == 0
    assert changes == [
        ("plan", "t1", "done-moved", "2023-05-18", "2023-05-10", False, "nguyen-van-a on 2023-07-20"),
        ("plan", "", "rating-changed", "good", "excellent", False, "nguyen-van-a on 2023-07-20"),
        ("plan", "", "rating-changed", "", "Vượt trội", False, "nguyen-van-a on 2023-07-20"),
    ]


def test_an_amendment_by_someone_who_may_not_approve_approves_nothing(repo: Path) -> None:
    edit(repo, "done: 2023-05-18", "done: 2023-05-10", PLAN_PATH)
    amendment = (
        "amendments:\n  - {on: 2023-07-20, task: t1, set: {done: 2023-05-10}, reason: x, approved_by: tran-van-b}\n"
    )
    (repo / PLAN_PATH).open("a", encoding="utf-8").write(amendment)
    assert listed(repo)[1][0][-2:] == (True, None)


def test_org_changes_are_listed_and_never_weaken(repo: Path) -> None:
    edit(repo, "    head: nguyen-van-a\n", "    head: tran-van-b\n", "org.yaml")
    edit(repo, "  - id: tran-van-b\n    name: Trần Văn B\n    unit: phuong-1\n", "", "org.yaml")
    edit(
        repo,
        "    unit: phuong-1\n",
        "    unit: phuong-1\n    discipline: [{on: 2023-06-10, form: khiển trách}]\n",
        "org.yaml",
    )
    code, changes = listed(repo)
    assert (code, changes) == (
        0,
        [
            ("org", "phuong-1", "unit-head", "nguyen-van-a", "tran-van-b", False, None),
            ("org", "nguyen-van-a", "discipline-added", None, {"on": "2023-06-10", "form": "khiển trách"}, False, None),
            ("org", "tran-van-b", "person-removed", "Trần Văn B", None, False, None),
        ],
    )


def test_an_issues_due_moved_later_or_resolved_date_moved_weakens_unless_amended(repo: Path) -> None:
    git(repo, "switch", "--quiet", "--create", "van-de")
    edit(repo, "due: 2023-10-31", "due: 2023-12-31", ISSUE_PATH)
    assert listed(repo) == (1, [("issue", "", "due-later", "2023-10-31", "2023-12-31", True, None)])
    git(repo, "checkout", "--", ISSUE_PATH)
    result = run_acct(
        "amend", "lan-chiem-via-he", "--set", "due=2023-12-31", "--reason", "Chờ cưỡng chế", "--approved-by", "btv",
        "--as-of", "2023-07-10", cwd=repo,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert listed(repo) == (0, [("issue", "", "due-later", "2023-10-31", "2023-12-31", False, "btv on 2023-07-10")])
    commit(repo, "Lùi hạn")
    git(repo, "branch", "--force", "main")
    run_acct("resolve", "lan-chiem-via-he", "--on", "2023-07-05", "--as-of", "2023-07-10", cwd=repo)
    assert listed(repo) == (0, [("issue", "", "resolved", None, "2023-07-05", False, None)])
    commit(repo, "Xong")
    git(repo, "branch", "--force", "main")
    edit(repo, "resolved: 2023-07-05", "resolved: 2023-07-01", ISSUE_PATH)
    assert listed(repo) == (1, [("issue", "", "resolved-moved", "2023-07-05", "2023-07-01", True, None)])


def test_markdown_shows_a_review_in_words_in_the_readers_language(repo: Path) -> None:
    edit(
        repo,
        "review: {on: 2023-06-02, quality_fails: 0}",
        "review: {on: 2023-06-02, quality_fails: 1, note: Sai}",
        PLAN_PATH,
    )
    result = run_acct("diff", "main", "--format", "md", "--lang", "vi", cwd=repo)
    assert result.returncode == 1
    assert (
        "| `t1` | sửa đánh giá | ngày 02/06/2023; số lần không đạt chất lượng 0 | ngày 02/06/2023; số lần không đạt "
        "chất lượng 1; nhận xét Sai | **⛔ CHƯA PHÊ DUYỆT: thay đổi tháng đã kết luận** |"
    ) in result.stdout.splitlines()
    assert "{" not in result.stdout
