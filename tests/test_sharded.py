"""The sharded check (`accountability.speed.sharded`, what `acct check` runs with its cache) gives exactly the problems
of a full check, whatever was edited since the last run: a plan, two plans of one unit, a plan moved to another
person, a new or removed plan, a broken plan, the org, a commitment. Each case also checks that only the parts that
had to be checked again were."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, run_acct

from accountability.engine import check
from accountability.files.discover import tracker_files
from accountability.speed import sharded

PLAN = "2023/plans/2023-05/le-van-hung.yaml"  # Phường Đông Thanh
SAME_UNIT = "2023/plans/2023-05/duong-van-nam.yaml"
OTHER_UNIT = "2023/plans/2023-05/phan-van-dung.yaml"  # Phường 1


def rows(problems: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(p.path, p.line, p.col, p.severity, p.code, p.message) for p in problems]


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    root = tmp_path / "commitments"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".acct-cache"))
    return root


@pytest.fixture
def rechecked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many plans each sharded run checked again (0 when every part came from the cache)."""
    counts: list[int] = []
    original = sharded.run_checks

    def spy(tracker, as_of, checks):  # type: ignore[no-untyped-def]
        if checks is sharded.PLAN_CHECKS:
            counts[-1] += len(tracker.plans)
        return original(tracker, as_of, checks)

    monkeypatch.setattr(sharded, "run_checks", spy)
    original_check = sharded._check

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts.append(0)
        return original_check(*args, **kwargs)

    monkeypatch.setattr(sharded, "_check", counted)
    return counts


def settle(root: Path) -> None:
    """Age every file by a minute, as if written long ago: stamps newer than 2 s are never trusted."""
    past = time.time() - 60
    for path in tracker_files(root):
        os.utime(root / path, (past, past))


def same_as_full(root: Path) -> None:
    problems, files = sharded.sharded_check(root, AS_OF)
    full = check(root, AS_OF, cache=False)
    assert rows(problems) == rows(full.problems)
    assert files == full.tracker.files


def edit(root: Path, path: str, old: str, new: str) -> None:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, old
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_run_checks_nothing_again_and_an_edited_plan_only_its_unit(
    tracker: Path, rechecked: list[int]
) -> None:
    same_as_full(tracker)
    settle(tracker)
    same_as_full(tracker)
    assert rechecked[-1] == 0
    edit(tracker, PLAN, "kind: plan", "kind: plan\n# sửa")
    same_as_full(tracker)
    unit_plans = rechecked[-1]
    assert 0 < unit_plans <= 6 * 6  # Phường Đông Thanh's 6 people × 6 months, not the sample's 300 plans
    settle(tracker)
    same_as_full(tracker)
    assert rechecked[-1] == 0  # that unit's new part was kept


@pytest.mark.parametrize(
    "change",
    [
        "duplicate task id",
        "carry over a done task",
        "two plans of one unit",
        "plan of another unit",
        "plan moved to another person",
        "new duplicate plan",
        "plan removed",
        "broken plan",
        "org edited",
        "commitment edited",
        "quota broken by a rating",
    ],
)
def test_every_edit_gives_the_full_checks_problems(tracker: Path, change: str) -> None:
    same_as_full(tracker)
    settle(tracker)
    same_as_full(tracker)
    if change == "duplicate task id":
        edit(tracker, PLAN, "- id: t2", "- id: t1")
    elif change == "carry over a done task":
        edit(
            tracker,
            "2023/plans/2023-06/le-van-hung.yaml",
            "tasks:\n",
            "tasks:\n  - id: t99\n    title: Việc chuyển sang\n    assigned_by: nguyen-thanh-binh\n    due: 2023-06-20\n    carried_from: 2023-05/t1\n",
        )
    elif change == "two plans of one unit":
        edit(tracker, PLAN, "- id: t2", "- id: t1")
        edit(tracker, SAME_UNIT, "person: duong-van-nam", "person: nobody")
    elif change == "plan of another unit":
        edit(tracker, OTHER_UNIT, "- id: t2", "- id: t1")
    elif change == "plan moved to another person":
        edit(tracker, PLAN, "person: le-van-hung", "person: phan-van-dung")
    elif change == "new duplicate plan":
        shutil.copy(tracker / PLAN, tracker / "2023/plans/2023-05/le-van-hung-2.yaml")
    elif change == "plan removed":
        (tracker / "2023/plans/2023-04/le-van-hung.yaml").unlink()
    elif change == "broken plan":
        (tracker / PLAN).write_text("kind: plan\nperson: [\n", encoding="utf-8")
    elif change == "org edited":
        edit(tracker, "org.yaml", "kind: org", "kind: org\n# sửa")
    elif change == "commitment edited":
        edit(tracker, "2023/commitments/phuong-1.yaml", "kind: commitment", "kind: commitment\n# sửa")
    elif change == "quota broken by a rating":
        edit(tracker, "2023/plans/2023-05/tran-huu-loc.yaml", "level: good", "level: excellent")
    same_as_full(tracker)
    settle(tracker)
    same_as_full(tracker)  # and again from the parts kept


def test_a_damaged_index_or_part_is_a_miss_not_a_wrong_answer(tracker: Path) -> None:
    same_as_full(tracker)
    settle(tracker)
    store = sharded.Cache(tracker)
    store.put_shard(sharded.INDEX, b"{not json")
    store.close()
    same_as_full(tracker)
    settle(tracker)
    store = sharded.Cache(tracker)
    store.db.execute("UPDATE shards SET value = X'00' WHERE key != ?", (sharded.INDEX,))  # type: ignore[union-attr]
    store.close()
    edit(tracker, PLAN, "kind: plan", "kind: plan\n# sửa")
    same_as_full(tracker)


def test_the_installed_command_prints_the_same_with_and_without_the_cache(tracker: Path) -> None:
    args = ("check", "--as-of", "2023-07-10", "--format", "json")
    first = run_acct(*args, cwd=tracker)
    settle(tracker)
    edit(tracker, PLAN, "- id: t2", "- id: t1")
    cached = run_acct(*args, cwd=tracker)
    fresh = run_acct(*args, "--no-cache", cwd=tracker)
    assert (cached.returncode, cached.stdout) == (fresh.returncode, fresh.stdout)
    assert cached.stdout != first.stdout and "duplicate-id" in cached.stdout


def test_stamps_find_the_same_files_as_the_tracker(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yml", ".hidden.yaml", "x.txt", "_schema/s.yaml", ".git/c.yaml", "d/e.yaml", "d/.f.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("kind: issue\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert (
        list(sharded.stamps_of(tmp_path))
        == tracker_files(tmp_path)
        == ["a.yaml", "b.yml", "d/e.yaml", "dangling.yaml", "link/"]  # a link to a folder is reported, not followed
    )
    assert sharded.stamps_of(tmp_path)["dangling.yaml"] == (0, 0, -1, 0)


def test_score_after_an_edit_judges_from_the_parts_and_refuses_a_new_error(tracker: Path) -> None:
    """`acct score` checks the tracker as `acct check` does, so after an edit only the edited unit is checked again;
    the scores and the refusal are those of a run without the cache."""
    args = ("score", "2023-Q2", "--as-of", "2023-07-10", "--format", "json")
    run_acct("check", "--as-of", "2023-07-10", cwd=tracker)
    settle(tracker)
    original = (tracker / PLAN).read_bytes()
    edit(tracker, PLAN, "- id: t2", "- id: t1")  # a duplicate task id: an error
    refused, fresh = run_acct(*args, cwd=tracker), run_acct(*args, "--no-cache", cwd=tracker)
    assert refused.returncode == 1 and "duplicate-id" in refused.stderr and refused.stdout == ""
    assert (refused.returncode, refused.stderr) == (fresh.returncode, fresh.stderr)
    (tracker / PLAN).write_bytes(original + "# sửa\n".encode())  # the error fixed, and a harmless edit on top
    cached, fresh = run_acct(*args, cwd=tracker), run_acct(*args, "--no-cache", cwd=tracker)
    assert cached.returncode == 0 and (cached.stdout, cached.stderr) == (fresh.stdout, fresh.stderr)


def test_a_file_edited_during_a_check_leaves_no_part_under_the_keys_the_scan_took(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan keys a plan with one content, the check then reads another: the part it computes belongs to neither
    key, so it is not kept, and going back to the scanned content is checked again."""
    same_as_full(tracker)
    settle(tracker)
    clean = (tracker / PLAN).read_bytes()
    edit(tracker, PLAN, "- id: t2", "- id: t1")  # what the scan will see: a duplicate id
    duplicated = (tracker / PLAN).read_bytes()
    original_load = sharded.load_tracker

    def edited_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        (tracker / PLAN).write_bytes(clean)  # what the check will read
        return original_load(*args, **kwargs)

    monkeypatch.setattr(sharded, "load_tracker", edited_meanwhile)
    sharded.sharded_check(tracker, AS_OF)
    monkeypatch.setattr(sharded, "load_tracker", original_load)
    (tracker / PLAN).write_bytes(duplicated)
    same_as_full(tracker)
    assert "duplicate-id" in {p.code for p in sharded.sharded_check(tracker, AS_OF)[0]}
