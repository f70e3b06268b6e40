"""The cache: hits, misses, invalidation, versions, damage, concurrency, and identical results. No timings."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import ACCT, AS_OF, SAMPLE, run_acct, write_tracker

import accountability.speed.cache as cache_module
from accountability.engine import check
from accountability.files.read import load_tracker
from accountability.speed.cache import FOLDER, Cache, key

PLAN = "2023/plans/2023-05/tran-van-b.yaml"


def parsed_files(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Load with the cache and return the paths that had to be parsed."""
    import accountability.speed.parallel as parallel

    seen: list[str] = []
    original = parallel.load_file

    def spy(r: Path, path: str):  # type: ignore[no-untyped-def]
        seen.append(path)
        return original(r, path)

    monkeypatch.setattr(parallel, "load_file", spy)
    load_tracker(root, workers=1, cache=True)
    return sorted(seen)


def test_a_cold_load_parses_everything_and_a_warm_one_nothing(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(parsed_files(tracker, monkeypatch)) == 5
    assert parsed_files(tracker, monkeypatch) == []
    assert (tracker / FOLDER / "documents.sqlite3").is_file()


def test_editing_one_file_parses_only_that_file(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed_files(tracker, monkeypatch)
    plan = tracker / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("Hoàn thiện", "Hoàn tất"), encoding="utf-8")
    assert parsed_files(tracker, monkeypatch) == [PLAN]
    tracker_after, _ = load_tracker(tracker, workers=1, cache=True)
    assert tracker_after.plans[0].model.tasks[0].title.startswith("Hoàn tất")


def test_files_with_problems_are_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_tracker(tmp_path, {"2023/issues/lan-chiem-via-he.yaml": "kind: issue\ntitel: x\n"})
    parsed_files(root, monkeypatch)
    assert parsed_files(root, monkeypatch) == ["2023/issues/lan-chiem-via-he.yaml"]


def test_a_new_version_misses_every_entry(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed_files(tracker, monkeypatch)
    monkeypatch.setattr(cache_module, "VERSION", "acct 99.0, format 1")
    assert len(parsed_files(tracker, monkeypatch)) == 5


@pytest.mark.parametrize("damage", ["checksum", "truncated", "wrong-kind"])
def test_a_damaged_entry_is_ignored_and_rebuilt(tracker: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    parsed_files(tracker, monkeypatch)
    entry = key((tracker / PLAN).read_bytes(), PLAN)
    db = sqlite3.connect(tracker / FOLDER / "documents.sqlite3", isolation_level=None)
    statements = {
        "checksum": "UPDATE documents SET value = CAST(REPLACE(CAST(value AS TEXT), 'tran-van-b', 'nguyen-van-a') AS BLOB) WHERE key = ?",
        "truncated": "UPDATE documents SET value = SUBSTR(value, 1, 20) WHERE key = ?",
        "wrong-kind": "UPDATE documents SET kind = 'issue' WHERE key = ?",
    }
    db.execute(statements[damage], (entry,))
    db.close()
    assert parsed_files(tracker, monkeypatch) == [PLAN]
    assert parsed_files(tracker, monkeypatch) == []  # rebuilt
    loaded, _ = load_tracker(tracker, workers=1, cache=True)
    assert loaded.plans[0].model.person == "tran-van-b"


def test_a_corrupt_database_file_is_replaced(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tracker / FOLDER).mkdir()
    (tracker / FOLDER / "documents.sqlite3").write_bytes(b"this is not a database" * 100)
    assert len(parsed_files(tracker, monkeypatch)) == 5
    assert parsed_files(tracker, monkeypatch) == []


def test_an_unwritable_cache_folder_only_turns_the_cache_off(tracker: Path) -> None:
    (tracker / FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    assert Cache(tracker).db is None
    result = run_acct("check", "--as-of", AS_OF.isoformat(), cwd=tracker)
    assert result.returncode == 0, result.stderr


def test_two_processes_at_once_leave_a_sound_cache(tracker: Path) -> None:
    runs = [
        subprocess.Popen(
            [str(ACCT), "check", "--as-of", AS_OF.isoformat()], cwd=tracker, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0]
    assert len(set(outputs)) == 1
    db = sqlite3.connect(tracker / FOLDER / "documents.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone() == (5,)


def test_no_cache_neither_reads_nor_writes_it(tracker: Path) -> None:
    assert run_acct("check", "--no-cache", "--as-of", AS_OF.isoformat(), cwd=tracker).returncode == 0
    assert not (tracker / FOLDER).exists()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json"],
        ["score", "2023-Q2", "--format", "json"],
        ["overdue", "--format", "json", "--as-of", "2023-07-10"],
    ],
)
def test_outputs_are_identical_with_and_without_the_cache(tmp_path: Path, args: list[str]) -> None:
    import shutil

    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(FOLDER))
    as_of = [] if "--as-of" in args else ["--as-of", "2023-07-10"]
    cold = run_acct(*args, *as_of, "--no-cache", cwd=root)
    first = run_acct(*args, *as_of, cwd=root)  # fills the cache
    warm = run_acct(*args, *as_of, cwd=root)  # reads it
    assert (root / FOLDER).is_dir()
    assert cold.stdout == first.stdout == warm.stdout
    assert cold.returncode == warm.returncode


def test_models_from_the_cache_equal_parsed_models(tracker: Path) -> None:
    parsed, _ = load_tracker(tracker, workers=1, cache=False)
    load_tracker(tracker, workers=1, cache=True)
    cached, _ = load_tracker(tracker, workers=1, cache=True)
    assert [d.model for d in cached.plans] == [d.model for d in parsed.plans]
    assert [d.model for d in cached.commitments] == [d.model for d in parsed.commitments]
    assert cached.config == parsed.config
    assert check(tracker, dt.date(2023, 7, 10), cache=True).problems == check(tracker, dt.date(2023, 7, 10)).problems


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_changed_after_its_key_was_taken_is_stored_under_the_key_of_what_was_read(
    tracker: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan takes each file's key, the load reads the file again: if it changed in between, its entry must not be
    stored under the old key, or going back to the old bytes would revive the new content."""
    import accountability.speed.parallel as parallel
    from accountability.files.read import file_keys

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    keys = file_keys(tracker)
    plan = tracker / PLAN
    old = plan.read_bytes()
    plan.write_text(old.decode("utf-8").replace("Hoàn thiện", "Hoàn tất"), encoding="utf-8")
    loaded, _ = load_tracker(tracker, workers=workers, cache=True, keys=keys)
    assert loaded.plans[0].model.tasks[0].title.startswith("Hoàn tất")
    store = Cache(tracker)
    assert store.get_many([keys[PLAN]]) == {}
    assert (
        store.get_many([key(plan.read_bytes(), PLAN)])[key(plan.read_bytes(), PLAN)]
        .tasks[0]
        .title.startswith("Hoàn tất")
    )
    plan.write_bytes(old)
    reverted, _ = load_tracker(tracker, workers=workers, cache=True)
    assert reverted.plans[0].model.tasks[0].title.startswith("Hoàn thiện")
