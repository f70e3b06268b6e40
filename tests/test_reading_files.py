"""Only regular files of the tracker are read, up to a size limit, at once; a folder that cannot be listed is an error.

A file name in a pull request can be a link to a device or to a secret, a machine can hold a named pipe, and a folder
can lose its permissions: each is an `unreadable` error with its reason, never a hang, a huge read or a silent gap.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import AS_OF, BASE, ISSUE, as_nobody, run_installed, write_tracker
from typer.testing import CliRunner

from accountability.cli import app
from accountability.engine import check
from accountability.files.discover import discover, tracker_files
from accountability.files.regular import MAX_FILE, Unreadable, read_regular

I = "2023/issues/lan-chiem-via-he.yaml"  # noqa: E741
MAY = "2023/plans/2023-05/"


def unreadable(root: Path) -> dict[str, str]:
    return {p.path: p.message for p in check(root, AS_OF).problems if p.code == "unreadable"}


def test_a_named_pipe_is_unreadable_at_once_and_check_does_not_wait(tracker: Path) -> None:
    os.mkfifo(tracker / "2023/issues/pipe.yaml")
    result = run_installed("check", "--as-of", "2023-07-10", cwd=tracker, timeout=30)  # nobody ever writes to the pipe
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "2023/issues/pipe.yaml:1:1: error: [unreadable] cannot read the file: it is a named pipe (FIFO); acct reads"
        " only regular files" in result.stdout
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/full"])
def test_a_link_to_a_device_is_unreadable_without_reading_it(tracker: Path, device: str) -> None:
    (tracker / "2023/issues/device.yaml").symlink_to(device)
    assert unreadable(tracker) == {
        "2023/issues/device.yaml": f"cannot read the file: it is a symbolic link to {device}, which is outside the"
        " tracker; a link may only point at a file in the tracker's folder, outside hidden folders such as .git"
    }


def test_a_link_out_of_the_tracker_is_not_followed_even_to_valid_yaml(tmp_path: Path) -> None:
    root = write_tracker(tmp_path / "tracker", {I: None})
    (tmp_path / "secret.yaml").write_text(ISSUE, encoding="utf-8")  # what a link in a pull request could point at
    (root / I).parent.mkdir(parents=True, exist_ok=True)
    (root / I).symlink_to(tmp_path / "secret.yaml")
    assert list(unreadable(root)) == [I]


def test_a_link_to_a_file_inside_the_tracker_is_followed_but_not_into_a_hidden_folder(tracker: Path) -> None:
    (tracker / "_kept").mkdir()
    (tracker / I).rename(tracker / "_kept/real.yaml")
    (tracker / I).symlink_to("../../_kept/real.yaml")
    assert read_regular(str(tracker), I) == ISSUE.encode()
    (tracker / ".git").mkdir()
    (tracker / ".git/config").write_text("[core]\n", encoding="utf-8")  # a CI checkout keeps its token here
    (tracker / "2023/issues/config.yaml").symlink_to("../../.git/config")
    with pytest.raises(Unreadable, match="outside the tracker"):
        read_regular(str(tracker), "2023/issues/config.yaml")


def test_a_file_over_the_limit_is_unreadable_and_says_the_limit(tracker: Path) -> None:
    (tracker / I).write_bytes(ISSUE.encode() + b"#" * MAX_FILE)
    assert unreadable(tracker) == {
        I: "cannot read the file: it is larger than 2,097,152 bytes, the limit for one file; split it into smaller files"
    }


def test_a_file_at_the_limit_is_read(tracker: Path) -> None:
    body = ISSUE.encode()
    (tracker / I).write_bytes(body + b"#" * (MAX_FILE - len(body)))
    assert unreadable(tracker) == {}


def test_a_link_to_a_folder_is_listed_and_reported_not_skipped(tracker: Path) -> None:
    (tracker / "elsewhere/2023-06").mkdir(parents=True)
    (tracker / "2023/plans/2023-06").symlink_to(tracker / "elsewhere/2023-06", target_is_directory=True)
    assert "2023/plans/2023-06/" in [p.path for p in discover(tracker).problems]
    assert unreadable(tracker)["2023/plans/2023-06/"].startswith(
        "this is a symbolic link to a folder, which acct does not follow"
    )


def test_a_folder_the_user_cannot_list_is_an_error_in_every_command(shared_dir: Path) -> None:
    # 51 plans once vanished from the scores this way: the folder was skipped in silence
    root = write_tracker(shared_dir / "tracker", {})
    (root / MAY).chmod(0)

    def run() -> list[tuple[int, str, str]]:
        runner = CliRunner()
        found = [any(p.path == MAY for p in discover(root).problems)]
        outcomes = []
        for args in (["check"], ["check", "--no-cache"], ["score", "2023-Q2"], ["score", "2023-Q2", "--no-cache"]):
            result = runner.invoke(app, [*args, "--root", str(root), "--as-of", "2023-07-10"])
            outcomes.append((result.exit_code, result.output, ""))  # output: stdout and stderr, on every click
        return [(int(found[0]), "", ""), *outcomes]

    same_lists, *outcomes = as_nobody(run)
    assert same_lists[0] == 1
    line = (
        f"{MAY}:1:1: error: [unreadable] cannot list the folder: Permission denied, so none of its files are read;"
        " let acct list it (chmod u+rx)"
    )
    for code, stdout, stderr in outcomes:
        assert code == 1 and line in stdout + stderr


def test_the_base_tracker_has_no_unreadable_file(tracker: Path) -> None:
    assert unreadable(tracker) == {} and sorted(tracker_files(tracker)) == sorted(BASE)
