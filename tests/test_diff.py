"""`acct diff BASE [HEAD]` in real temporary git repositories with real commits: every change kind of CLI.md, which
ones weaken a commitment, the amendments that approve them, the formats and the exit codes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import COMMITMENT, run_acct, write_tracker

COMMITMENT_PATH = "2023/commitments/phuong-1.yaml"
# Who commits, for every git command here: the tests never depend on the machine's git configuration.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Người thử",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Người thử",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
APPROVAL = """\
amendments:
  - on: 2023-07-05
    item: {item}
    set: {set}
    reason: Điều chỉnh theo Nghị quyết HĐND
    approved_by: btv
"""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return result.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose `main` holds the small tracker, checked out on main."""
    git(tmp_path, "init", "--quiet", "--initial-branch", "main")
    write_tracker(tmp_path, {})
    commit(tmp_path, "Cam kết 2023")
    return tmp_path


def edit(repo: Path, old: str, new: str, path: str = COMMITMENT_PATH) -> None:
    text = (repo / path).read_text(encoding="utf-8")
    assert old in text
    (repo / path).write_text(text.replace(old, new), encoding="utf-8")


def changes(repo: Path, *args: str) -> tuple[int, list[tuple[str, str, object, object, bool, str | None]]]:
    """The exit code, and (item, kind, before, after, weakening, approved_by) of each change."""
    result = run_acct("diff", *args, "--format", "json", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    body = json.loads(result.stdout)
    return result.returncode, [
        (c["item"], c["kind"], c["before"], c["after"], c["weakening"], c["approved_by"]) for c in body["changes"]
    ]


def test_a_target_lowered_without_an_amendment_is_an_unapproved_weakening(repo: Path) -> None:
    git(repo, "switch", "--quiet", "--create", "ha-chi-tieu")
    edit(repo, "value: 120", "value: 100")
    commit(repo, "Hạ chỉ tiêu thu ngân sách")
    result = run_acct("diff", "main", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "main → working tree: 1 change in 1 commitment; 1 weakening, 1 unapproved",
        "",
        f"phuong-1 2023 ({COMMITMENT_PATH})",
        " ! thu-ngan-sach: target lowered: 120 → 100  [UNAPPROVED weakening]",
    ]
    assert changes(repo, "main", "ha-chi-tieu") == (1, [("thu-ngan-sach", "target-lowered", 120, 100, True, None)])


def test_the_same_with_an_amendment_naming_the_item_and_the_field_is_accepted(repo: Path) -> None:
    edit(repo, "value: 120", "value: 100")
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(
        APPROVAL.format(item="thu-ngan-sach", set="{target: {value: 100, unit: tỷ đồng}}")
    )
    result = run_acct("diff", "main", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "main → working tree: 1 change in 1 commitment; 1 weakening, 0 unapproved"
    assert (
        result.stdout.splitlines()[-1]
        == "   thu-ngan-sach: target lowered: 120 → 100  [weakening, approved by btv on 2023-07-05]"
    )
    assert changes(repo, "main") == (0, [("thu-ngan-sach", "target-lowered", 120, 100, True, "btv on 2023-07-05")])


@pytest.mark.parametrize(
    ("item", "field"),
    [("thu-ngan-sach", "{due: 2023-12-31}"), ("ket-nap", "{target: {value: 10, unit: người}}")],
    ids=["another-field", "another-item"],
)
def test_an_amendment_for_another_field_or_item_approves_nothing(repo: Path, item: str, field: str) -> None:
    edit(repo, "value: 120", "value: 100")
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(APPROVAL.format(item=item, set=field))
    assert changes(repo, "main") == (1, [("thu-ngan-sach", "target-lowered", 120, 100, True, None)])


def test_an_amendment_already_in_base_approves_no_new_change(repo: Path) -> None:
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(
        APPROVAL.format(item="thu-ngan-sach", set="{target: {value: 120, unit: tỷ đồng}}")
    )
    commit(repo, "Điều chỉnh đã duyệt")
    edit(repo, "        target: {value: 120,", "        target: {value: 100,")
    assert changes(repo, "main") == (1, [("thu-ngan-sach", "target-lowered", 120, 100, True, None)])


def test_due_dates_moved_later_weaken_and_earlier_do_not(repo: Path) -> None:
    edit(repo, "due: 2023-09-30", "due: 2023-10-31")
    assert changes(repo, "main") == (1, [("le-loi", "due-later", "2023-09-30", "2023-10-31", True, None)])
    edit(repo, "due: 2023-10-31", "due: 2023-08-31")
    assert changes(repo, "main") == (0, [("le-loi", "due-earlier", "2023-09-30", "2023-08-31", False, None)])


def test_an_item_removed_weakens_unless_an_amendment_removes_it(repo: Path) -> None:
    edit(
        repo,
        "      - id: ket-nap\n        title: Kết nạp đảng viên mới\n",
        "      - id: tiep-dan\n        title: Tiếp dân định kỳ\n",
    )
    assert changes(repo, "main") == (
        1,
        [
            ("ket-nap", "removed", "Kết nạp đảng viên mới", None, True, None),
            ("tiep-dan", "added", None, "Tiếp dân định kỳ", False, None),
        ],
    )
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(APPROVAL.format(item="ket-nap", set="{removed: true}"))
    assert run_acct("check", "--as-of", "2023-07-10", cwd=repo).returncode == 0
    assert changes(repo, "main")[0] == 0


def test_owner_weight_title_done_and_group_changes_are_listed_but_do_not_weaken(repo: Path) -> None:
    edit(repo, "owner: tran-van-b", "owner: nguyen-van-a\n        weight: 2")
    edit(repo, "title: Thu ngân sách\n", "title: Thu ngân sách nhà nước\n")
    edit(repo, "# done: written when the site is handed over", "done: 2023-07-01")
    # ket-nap moves from xay-dung-dang to kinh-te
    edit(
        repo,
        "          - {on: 2023-06-30, value: 58.0}\n",
        "          - {on: 2023-06-30, value: 58.0}\n      - id: ket-nap\n        title: Kết nạp đảng viên mới\n        owner: nguyen-van-a\n        due: 2023-12-31\n        target: {value: 10, unit: người}\n",
    )
    edit(
        repo,
        "    items:\n      - id: ket-nap\n        title: Kết nạp đảng viên mới\n        owner: nguyen-van-a\n        due: 2023-12-31\n        target: {value: 10, unit: người}\n",
        "    items:\n      - id: chi-bo\n        title: Chi bộ\n        owner: nguyen-van-a\n        due: 2023-12-31\n",
    )
    code, found = changes(repo, "main")
    assert code == 0
    assert found == [
        ("chi-bo", "added", None, "Chi bộ", False, None),
        ("ket-nap", "moved", "xay-dung-dang", "kinh-te", False, None),
        ("le-loi", "owner", "tran-van-b", "nguyen-van-a", False, None),
        ("le-loi", "weight", 1, 2, False, None),
        ("le-loi", "done", None, "2023-07-01", False, None),
        ("thu-ngan-sach", "title", "Thu ngân sách", "Thu ngân sách nhà nước", False, None),
    ]


def test_a_group_weight_changed_is_listed_under_the_group(repo: Path) -> None:
    """CLI.md's "weights changed" covers groups too: a group's weight moves its items' share of the score."""
    edit(
        repo,
        "  - id: kinh-te\n    title: Phát triển kinh tế\n",
        "  - id: kinh-te\n    title: Phát triển kinh tế\n    weight: 3\n",
    )
    code, found = changes(repo, "main")
    assert (code, found) == (0, [("kinh-te", "group-weight", None, 3, False, None)])
    assert "group weight changed" in run_acct("diff", "main", cwd=repo).stdout


def test_a_report_edited_or_deleted_after_the_fact_weakens_and_a_new_one_does_not(repo: Path) -> None:
    edit(repo, "{on: 2023-03-31, value: 26.4}", "{on: 2023-03-31, value: 30}")
    edit(repo, "          - {on: 2023-06-30, value: 58.0}\n", "")
    edit(
        repo,
        "        target: {value: 10, unit: người}\n",
        "        target: {value: 10, unit: người}\n        reports:\n          - {on: 2023-06-30, value: 4}\n",
    )
    assert changes(repo, "main") == (
        1,
        [
            ("ket-nap", "report-added", None, {"on": "2023-06-30", "value": 4}, False, None),
            (
                "thu-ngan-sach",
                "report-changed",
                {"on": "2023-03-31", "value": 26.4},
                {"on": "2023-03-31", "value": 30},
                True,
                None,
            ),
            ("thu-ngan-sach", "report-removed", {"on": "2023-06-30", "value": 58}, None, True, None),
        ],
    )


def test_a_renamed_file_with_the_same_items_is_no_change(repo: Path) -> None:
    (repo / "cam-ket").mkdir()
    git(repo, "mv", COMMITMENT_PATH, "cam-ket/2023-phuong-1.yml")
    commit(repo, "Đổi tên tệp")
    for args in (["main~1"], ["main~1", "main"]):
        result = run_acct("diff", *args, cwd=repo)
        assert (result.returncode, result.stdout.strip()) == (
            0,
            f"{args[0]} → {args[1] if len(args) > 1 else 'working tree'}: no change",
        )
    # and an item changed in the renamed file is reported at its new path
    edit(repo, "value: 120", "value: 130", "cam-ket/2023-phuong-1.yml")
    assert "phuong-1 2023 (cam-ket/2023-phuong-1.yml)" in run_acct("diff", "main~1", cwd=repo).stdout


def test_a_down_indicator_whose_target_was_raised_weakens(repo: Path) -> None:
    edit(repo, "target: {value: 10, unit: người}", "target: {value: 5, unit: '%', direction: down}")
    commit(repo, "Tỷ lệ hộ nghèo")
    edit(repo, "target: {value: 5, unit: '%', direction: down}", "target: {value: 6, unit: '%', direction: down}")
    edit(repo, "value: 120", "value: 130")
    assert changes(repo, "main") == (
        1,
        [
            ("ket-nap", "target-raised", 5, 6, True, None),
            ("thu-ngan-sach", "target-raised", 120, 130, False, None),
        ],
    )
    edit(repo, "value: 6, unit: '%'", "value: 4, unit: '%'")
    assert changes(repo, "main") == (
        0,
        [
            ("ket-nap", "target-lowered", 5, 4, False, None),
            ("thu-ngan-sach", "target-raised", 120, 130, False, None),
        ],
    )


def test_a_target_whose_direction_or_unit_changed_weakens(repo: Path) -> None:
    edit(repo, "target: {value: 10, unit: người}", "target: {value: 10, unit: người, direction: down}")
    assert changes(repo, "main") == (
        1,
        [
            (
                "ket-nap",
                "target-changed",
                {"value": 10, "unit": "người", "direction": "up"},
                {"value": 10, "unit": "người", "direction": "down"},
                True,
                None,
            ),
        ],
    )


def test_uncommitted_and_untracked_files_count_and_head_defaults_to_the_working_tree(repo: Path) -> None:
    edit(repo, "value: 120", "value: 100")
    (repo / "2023/commitments/phuong-2.yaml").write_text(
        COMMITMENT.replace("unit: phuong-1", "unit: phuong-2"), encoding="utf-8"
    )
    code, found = changes(repo, "main")
    assert (code, found[1]) == (1, ("ket-nap", "added", None, "Kết nạp đảng viên mới", False, None))
    assert [(c[0], c[1]) for c in found] == [
        ("thu-ngan-sach", "target-lowered"),
        ("ket-nap", "added"),
        ("le-loi", "added"),
        ("thu-ngan-sach", "added"),
    ]
    body = json.loads(run_acct("diff", "main", "--format", "json", cwd=repo).stdout)
    assert (body["head"], [c["unit"] for c in body["changes"]]) == ("working tree", ["phuong-1"] + ["phuong-2"] * 3)
    # the commits alone hold no change
    assert changes(repo, "main", "HEAD") == (0, [])


def test_a_file_that_does_not_load_in_head_is_refused_not_read_as_items_removed(repo: Path) -> None:
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(
        "amendments:\n  - on: 2023-07-05\n    item: thu-ngan-sach\n    set: {due: 2023-12-31}\n"
    )
    result = run_acct("diff", "main", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{COMMITMENT_PATH}:36:5: error: [missing-key] the required key 'approved_by' is missing here; add it",
        "checked 5 files: 1 error, 0 warnings",
        "acct: files in working tree do not load, so their changes cannot be judged; fix them (acct check)",
    ]
    # a base that does not load is only a warning: fixing it must stay possible
    commit(repo, "Thiếu approved_by")
    edit(repo, "    set: {due: 2023-12-31}\n", "    set: {due: 2023-12-31}\n    approved_by: btv\n")
    result = run_acct("diff", "HEAD", cwd=repo)
    assert result.returncode == 0
    assert result.stderr == "acct: warning: some files do not load in HEAD; their commitments count as absent there\n"
    assert result.stdout.splitlines()[0] == "HEAD → working tree: 3 changes in 1 commitment; 0 weakening, 0 unapproved"


def test_a_bad_revision_or_no_git_repository_is_exit_2(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    for args in (["no-such-branch"], ["main", "no-such-branch"], ["main..HEAD"]):
        result = run_acct("diff", *args, cwd=repo)
        assert result.returncode == 2, args
        assert result.stdout == ""
        bad = args[-1]
        assert (
            result.stderr
            == f"acct: unknown revision {bad!r}: no such branch, tag or commit here; check the name (git branch -a)\n"
        )
    outside = write_tracker(tmp_path_factory.mktemp("not-git"), {})
    result = run_acct("diff", "main", cwd=outside, env={"GIT_CEILING_DIRECTORIES": str(outside.parent)})
    assert result.returncode == 2
    assert (
        result.stderr
        == f"acct: {outside} is not in a git repository; run this inside one (git init) or clone the tracker's repository\n"
    )


def test_markdown_is_a_pull_request_comment_with_unapproved_changes_first(repo: Path) -> None:
    (repo / "2023/commitments/phuong-2.yaml").write_text(
        COMMITMENT.replace("unit: phuong-1", "unit: phuong-2"), encoding="utf-8"
    )
    commit(repo, "Phường 2")
    edit(repo, "owner: tran-van-b", "owner: nguyen-van-a")
    edit(repo, "due: 2023-09-30", "due: 2023-10-31")
    edit(repo, "value: 120", "value: 100")
    (repo / COMMITMENT_PATH).open("a", encoding="utf-8").write(
        APPROVAL.format(item="thu-ngan-sach", set="{target: {value: 100, unit: tỷ đồng}}")
    )
    edit(repo, "value: 10, unit", "value: 12, unit", "2023/commitments/phuong-2.yaml")
    result = run_acct("diff", "main", "--format", "md", cwd=repo)
    assert result.returncode == 1
    assert (
        result.stdout
        == """\
## acct diff

**main → working tree: 4 changes in 2 commitments; 2 weakening, 1 unapproved**

### ⛔ Unapproved changes

A weakening change needs an amendment in this pull request that names the item and the field, with `approved_by`; a change to a concluded month needs the plan's amendment, approved by the person's rater.

| in | item | change | before | after | approval |
|---|---|---|---|---|---|
| phuong-1 2023 | `le-loi` | due date moved later | 2023-09-30 | 2023-10-31 | **⛔ UNAPPROVED weakening** |

### phuong-1 2023 (`2023/commitments/phuong-1.yaml`)

| item | change | before | after | approval |
|---|---|---|---|---|
| `le-loi` | due date moved later | 2023-09-30 | 2023-10-31 | **⛔ UNAPPROVED weakening** |
| `le-loi` | owner changed | tran-van-b | nguyen-van-a |  |
| `thu-ngan-sach` | target lowered | 120 | 100 | weakening, approved by btv on 2023-07-05 |

### phuong-2 2023 (`2023/commitments/phuong-2.yaml`)

| item | change | before | after | approval |
|---|---|---|---|---|
| `ket-nap` | target raised | 10 | 12 |  |

"""
    )


def test_markdown_without_changes_says_so(repo: Path) -> None:
    result = run_acct("diff", "main", "--format", "md", cwd=repo)
    assert (result.returncode, result.stdout) == (
        0,
        "## acct diff\n\n**main → working tree: no change**\n\nNo change to any commitment, plan, org or key issue.\n\n",
    )


def test_json_keys(repo: Path) -> None:
    edit(repo, "value: 120", "value: 100")
    body = json.loads(run_acct("diff", "main", "HEAD", "--format", "json", cwd=repo).stdout)
    assert body == {"base": "main", "head": "HEAD", "unapproved": 0, "changes": []}
    body = json.loads(run_acct("diff", "main", "--format", "json", cwd=repo).stdout)
    assert body == {
        "base": "main",
        "head": "working tree",
        "unapproved": 1,
        "changes": [
            {
                "scope": "commitment",
                "unit": "phuong-1",
                "year": 2023,
                "item": "thu-ngan-sach",
                "kind": "target-lowered",
                "field": "target",
                "before": 120,
                "after": 100,
                "weakening": True,
                "concluded": False,
                "approved_by": None,
                "unapproved": True,
                "path": COMMITMENT_PATH,
            }
        ],
    }


def test_a_tracker_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    git(tmp_path, "init", "--quiet", "--initial-branch", "main")
    write_tracker(tmp_path / "theo-doi", {})
    (tmp_path / "README.md").write_text("Sổ theo dõi\n", encoding="utf-8")
    commit(tmp_path, "Cam kết 2023")
    edit(tmp_path / "theo-doi", "due: 2023-09-30", "due: 2023-10-31")
    assert changes(tmp_path / "theo-doi" / "2023", "main") == (
        1,
        [("le-loi", "due-later", "2023-09-30", "2023-10-31", True, None)],
    )
    assert changes(tmp_path, "main", "--root", "theo-doi") == (
        1,
        [("le-loi", "due-later", "2023-09-30", "2023-10-31", True, None)],
    )
