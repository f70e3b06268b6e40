"""Writes go where the user points, to regular files only, and never over bytes acct did not read.

Outputs (`-o`) and edits (`acct done`, `acct record`) share one write path (`accountability.files.atomic`): links
are followed and the file they name is replaced with its mode and owner; anything but a regular file with one name
is refused and left as it is; an edit holds the file's lock from its read to its write and is made again on the new
bytes when the file changed meanwhile. The concurrency tests run real `acct` processes.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ACCT, SAMPLE, write_tracker
from typer.testing import CliRunner

from accountability.cli import app
from accountability.files.atomic import edit_file, write_atomic
from accountability.problems import FatalError

PLAN_PATH = "2023/plans/2023-05/tran-van-b.yaml"
FOUR_TASKS = "kind: plan\nperson: tran-van-b\nmonth: 2023-05\ntasks:\n" + "".join(
    f"  - id: t{n}\n    title: Việc {n}\n    assigned_by: nguyen-van-a\n    due: 2023-05-2{n}\n" for n in range(1, 5)
)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def report_to(tracker: Path, output: Path) -> tuple[int, str]:
    return invoke("report", "2023-Q2", "--root", str(tracker), "--as-of", "2023-07-10", "-o", str(output))


def test_an_output_onto_a_link_writes_the_file_it_names_and_keeps_the_link(tmp_path: Path) -> None:
    tracker = write_tracker(tmp_path / "tracker", {})
    real = tmp_path / "published" / "report.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert report_to(tracker, link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# ") and stat.S_IMODE(real.stat().st_mode) == 0o640


def special_files(folder: Path) -> dict[str, Path]:
    """A named pipe, a socket, a folder and (as root) a character device like /dev/full, made here, not in /dev."""
    made = {"fifo": folder / "pipe.md", "folder": folder / "folder.md", "socket": folder / "socket.md"}
    os.mkfifo(made["fifo"])
    made["folder"].mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(made["socket"]))
    server.close()
    if os.geteuid() == 0:
        made["device"] = folder / "full.md"
        os.mknod(made["device"], stat.S_IFCHR | 0o666, os.makedev(1, 7))  # the same device as /dev/full
    return made


def test_an_output_onto_anything_but_a_regular_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    tracker = write_tracker(tmp_path / "tracker", {})
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    kinds = {"fifo": "a named pipe (FIFO)", "folder": "a folder", "socket": "a socket", "device": "a character device"}
    for name, path in special_files(tmp_path).items():
        before = os.lstat(path)
        for target in (path, tmp_path / f"link-to-{name}.md"):
            if target != path:
                target.symlink_to(path)
            code, output = report_to(tracker, target)
            assert code == 2, output
            assert (
                output
                == f"acct: {target} is {kinds[name]}; acct writes only regular files and left it as it is: choose a file name\n"
            )
            after = os.lstat(path)
            assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_report_onto_dev_full_is_refused_and_the_device_stays(tracker: Path) -> None:
    # as root, this once replaced the device node with a regular file; acct looks before it opens anything
    before = os.stat("/dev/full")
    assert report_to(tracker, Path("/dev/full")) == (
        2,
        "acct: /dev/full is a character device; acct writes only regular files and left it as it is: choose a file"
        " name\n",
    )
    after = os.stat("/dev/full")
    assert (after.st_ino, after.st_rdev, stat.S_ISCHR(after.st_mode)) == (before.st_ino, before.st_rdev, True)


def test_done_on_a_linked_plan_edits_the_file_it_names_keeping_mode_and_owner(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {PLAN_PATH: FOUR_TASKS})
    real = root / "_store" / "tran-van-b.yaml"
    real.parent.mkdir()
    (root / PLAN_PATH).rename(real)
    (root / PLAN_PATH).symlink_to("../../../_store/tran-van-b.yaml")
    real.chmod(0o664)
    owner = (1234, 1234) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(real, *owner)
    code, output = invoke(
        "done", "tran-van-b/2023-05/t2", "--on", "2023-05-09", "--root", str(root), "--as-of", "2023-05-10"
    )
    assert code == 0, output
    assert (root / PLAN_PATH).is_symlink()
    assert real.read_text(encoding="utf-8") == FOUR_TASKS.replace(
        "due: 2023-05-22\n", "due: 2023-05-22\n    done: 2023-05-09\n"
    )
    st = real.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o664, *owner)


def test_done_on_a_hard_linked_plan_is_refused_and_changes_neither_name(tmp_path: Path) -> None:
    root = write_tracker(tmp_path, {PLAN_PATH: FOUR_TASKS})
    os.link(root / PLAN_PATH, tmp_path / "other-name.yaml")
    code, output = invoke("done", "tran-van-b/2023-05/t2", "--root", str(root), "--as-of", "2023-05-10")
    assert code == 2 and "has 2 names (hard links)" in output, output
    assert (
        (root / PLAN_PATH).read_text(encoding="utf-8")
        == FOUR_TASKS
        == (tmp_path / "other-name.yaml").read_text(encoding="utf-8")
    )
    assert (root / PLAN_PATH).stat().st_nlink == 2


def test_an_edit_is_made_again_on_bytes_that_changed_before_its_write(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"a\n")
    seen: list[bytes] = []

    def change(old: bytes) -> bytes:
        seen.append(old)
        if len(seen) == 1:  # a program that takes no lock appends while the edit is being made
            with open(target, "ab") as colleague:
                colleague.write(b"colleague\n")
        return old + b"acct\n"

    assert edit_file(target, change) == b"a\ncolleague\nacct\n"
    assert seen == [b"a\n", b"a\ncolleague\n"] and target.read_bytes() == b"a\ncolleague\nacct\n"


def test_an_edit_of_a_file_that_never_stops_changing_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"a\n")

    def change(old: bytes) -> bytes:
        target.write_bytes(old + b"x")  # in place, as `echo >>` would
        return b"acct\n"

    with pytest.raises(FatalError, match="kept changing while acct edited it, so nothing was written"):
        edit_file(target, change)
    assert target.read_bytes() == b"a\n" + b"x" * 5


def test_a_new_file_is_never_written_over_an_existing_one_or_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FatalError, match="already exists"):
        write_atomic(tmp_path / "dangling", b"x", overwrite=False)
    assert not (tmp_path / "nowhere").exists()


def test_concurrent_done_on_four_tasks_of_one_plan_keeps_all_four(tmp_path: Path) -> None:
    # before the lock, two of these at once lost one edit and both exited 0 (6 of 6 tries)
    root = write_tracker(tmp_path, {PLAN_PATH: FOUR_TASKS})
    runs = [
        subprocess.Popen(
            [str(ACCT), "done", f"tran-van-b/2023-05/t{n}", "--on", f"2023-05-0{n}", "--as-of", "2023-05-10"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(1, 5)
    ]
    outcomes = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]
    assert outcomes == [(0, "")] * 4
    text = (root / PLAN_PATH).read_text(encoding="utf-8")
    assert [line.strip() for line in text.splitlines() if "done:" in line] == [
        f"done: 2023-05-0{n}" for n in range(1, 5)
    ]


def test_a_line_appended_while_done_runs_is_kept(tmp_path: Path) -> None:
    # on a 322-file tracker acct done holds the plan's lock for its whole validation: the line lands inside it
    root = tmp_path / "tracker"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".acct-cache"))
    plan = root / "2023/plans/2023-06/dang-quoc-huy.yaml"
    run = subprocess.Popen(
        [
            str(ACCT),
            "done",
            "dang-quoc-huy/2023-06/t1",
            "--on",
            "2023-06-07",
            "--amend",
            "Biên bản",
            "--as-of",
            "2023-12-31",
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    locked = False
    with open(plan, "rb") as probe:
        while run.poll() is None and not locked:
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe, fcntl.LOCK_UN)
                time.sleep(0.002)
            except BlockingIOError:
                locked = True
    assert locked, "acct done never held the plan's lock"
    with open(plan, "ab") as colleague:  # a program that takes no lock, as a colleague's editor or `echo >>`
        colleague.write(b"# a colleague's line\n")
    assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
    text = plan.read_text(encoding="utf-8")
    assert text.endswith("# a colleague's line\n") and "    done: 2023-06-07\n" in text


@pytest.mark.parametrize(
    ("newline", "written"),
    [("\n", True), ("\r\n", True), ("mixed", True), ("\r", False), ("\u2028", False), ("\x85", False)],
    ids=["LF", "CRLF", "LF and CRLF", "CR", "LS", "NEL"],
)
def test_done_edits_the_named_task_in_every_line_ending_the_reader_accepts_or_refuses(
    tmp_path: Path, newline: str, written: bool
) -> None:
    # in a CR-only file, `acct done …/t1` once marked t2 done: the splicer finds lines by their LF
    lines = FOUR_TASKS.splitlines()
    text = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines)) if newline == "mixed" else ""
    text = text or newline.join(lines) + newline
    root = write_tracker(tmp_path, {PLAN_PATH: text.encode("utf-8")})
    code, output = invoke(
        "done", "tran-van-b/2023-05/t1", "--on", "2023-05-09", "--root", str(root), "--as-of", "2023-05-10"
    )
    after = (root / PLAN_PATH).read_bytes().decode("utf-8")
    if written:
        assert code == 0, output
        expected = "2023-05-21" + ("\r\n" if newline == "\r\n" else "\n") + "    done: 2023-05-09"
        if newline == "mixed":
            expected = "2023-05-21\r\n    done: 2023-05-09\r\n"
        assert expected in after and after.count("done:") == 1
    else:
        assert code == 1 and after == text, output
        assert output.startswith(f"acct: refused: {PLAN_PATH} ends line 1 with ")
