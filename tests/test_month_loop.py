"""Issue 6's "done when": the month's whole loop without opening an editor, in a real git repository.

`acct new plan`, `acct done` on each task, `acct record` of the indicators, `acct check` clean, and `git diff`
showing exactly the lines intended and nothing else.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import run_acct, write_tracker

GIT_ENV = {  # the tests never depend on the machine's git configuration
    "GIT_AUTHOR_NAME": "Người thử",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Người thử",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
JUNE = """\
# Kế hoạch công tác tháng 6 — Trần Văn B
kind: plan
person: tran-van-b
month: 2023-06
tasks:
  - id: t1
    title: Đo đạc hiện trạng tuyến Lê Lợi   # chưa xong
    assigned_by: nguyen-van-a
    due: 2023-06-20
    commitment: phuong-1/le-loi
  - {id: t2, title: 'Họp dân: "phương án bồi thường"', assigned_by: ho-sy-trung, due: 2023-06-30}
  - {id: t3, title: Nộp báo cáo, assigned_by: nguyen-van-a, due: 2023-06-30, done: 2023-06-29}
"""
AS_OF = ["--as-of", "2023-08-03"]


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def acct(repo: Path, *args: str) -> str:
    result = run_acct(*args, *AS_OF, cwd=repo)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def test_the_months_whole_loop_changes_only_the_intended_lines(tmp_path: Path) -> None:
    # the .gitignore that acct init writes, so that check's cache stays out of git
    repo = write_tracker(tmp_path, {"2023/plans/2023-06/tran-van-b.yaml": JUNE, ".gitignore": ".acct-cache/\n"})
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "Tháng 6")

    assert acct(repo, "new", "plan", "tran-van-b", "2023-07") == "created 2023/plans/2023-07/tran-van-b.yaml\n"
    assert acct(repo, "done", "tran-van-b/2023-07/t1", "--on", "2023-07-14") == (
        "tran-van-b/2023-07/t1: done on 2023-07-14 (2023/plans/2023-07/tran-van-b.yaml)\n"
    )
    acct(repo, "done", "tran-van-b/2023-07/t2", "--on", "2023-07-28")
    assert acct(repo, "record", "phuong-1/thu-ngan-sach", "71.3", "--on", "2023-07-31", "--note", "Tháng 7") == (
        "phuong-1/thu-ngan-sach: recorded 71.3 on 2023-07-31 (2023/commitments/phuong-1.yaml)\n"
    )
    acct(repo, "record", "phuong-1/ket-nap", "4", "--on", "2023-07-31")
    # No errors and no warnings: July computes excellent, but the quota counts concluded ratings only, and no one
    # has rated July yet
    assert acct(repo, "check") == "checked 7 files: 0 errors, 0 warnings\n"

    assert git(repo, "status", "--porcelain", "--untracked-files=all") == (
        " M 2023/commitments/phuong-1.yaml\n?? 2023/plans/2023-07/tran-van-b.yaml\n"
    )
    git(repo, "add", "--intent-to-add", "2023/plans/2023-07/tran-van-b.yaml")
    diff = git(repo, "-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--unified=0")
    shown = [line for line in diff.splitlines() if not line.startswith(("diff --git", "index ", "new file mode"))]
    assert shown == [
        "--- a/2023/commitments/phuong-1.yaml",
        "+++ b/2023/commitments/phuong-1.yaml",
        "@@ -26,0 +27 @@ groups:",
        "+          - {on: 2023-07-31, value: 71.3, note: Tháng 7}",
        "@@ -34,0 +36,2 @@ groups:",
        "+        reports:",
        "+          - {on: 2023-07-31, value: 4}",
        "--- /dev/null",
        "+++ b/2023/plans/2023-07/tran-van-b.yaml",
        "@@ -0,0 +1,20 @@",
        "+# yaml-language-server: $schema=../../../_schema/plan.schema.json",
        "+# Work plan for 2023-07: Trần Văn B. Written by acct new plan.",
        "+# Add this month's tasks with acct add task; a carried-over task keeps its link to last month's (carried_from).",
        "+kind: plan",
        "+person: tran-van-b",
        "+month: 2023-07",
        "+tasks:",
        "+  - id: t1",
        "+    title: Đo đạc hiện trạng tuyến Lê Lợi",
        "+    assigned_by: nguyen-van-a",
        "+    due: 2023-07-31  # carried over: set the real due date",
        "+    carried_from: 2023-06/t1",
        "+    commitment: phuong-1/le-loi",
        "+    done: 2023-07-14",
        "+  - id: t2",
        "+    title: 'Họp dân: \"phương án bồi thường\"'",
        "+    assigned_by: ho-sy-trung",
        "+    due: 2023-07-31  # carried over: set the real due date",
        "+    carried_from: 2023-06/t2",
        "+    done: 2023-07-28",
    ]
