"""Issue 15's "done when": the whole month in a real git repository, by commands only.

Plans for a unit, tasks added, done, the self-assessment, the reviews and the ratings, then a correction of the
concluded month through `--amend`, with `acct check` clean at every step, the scores worked out by hand from
SCORING.md, real `git diff` lines, and `acct diff` on the branches: unapproved without the amendment, approved with it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import COMMITMENT, run_acct, write_tracker

GIT_ENV = {  # the tests never depend on the machine's git configuration
    "GIT_AUTHOR_NAME": "Người thử",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Người thử",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
ORG = """\
kind: org
units:
  - id: btv
    name: Ban Thường vụ Thành ủy
    head: ho-sy-trung
    rated_by: le-van-tinh
  - id: phuong-1
    name: Phường 1
    parent: btv
    head: nguyen-van-a
  - id: tinh-uy
    name: Ban Thường vụ Tỉnh ủy
    external: true
    head: le-van-tinh
people:
  - id: ho-sy-trung
    name: Hồ Sỹ Trung
    unit: btv
    active: {to: 2023-05-31}
  - id: nguyen-van-a
    name: Nguyễn Văn A
    unit: phuong-1
    email: a.nguyen@phuong1.vn
  - id: tran-van-b
    name: Trần Văn B
    unit: phuong-1
    handle: tranvanb
  - id: le-van-tinh
    name: Lê Văn Tỉnh
    unit: tinh-uy
"""
COMMITMENT_PATH = "2023/commitments/phuong-1.yaml"
PLAN_PATH = "2023/plans/2023-06/tran-van-b.yaml"
HEAD_PLAN_PATH = "2023/plans/2023-06/nguyen-van-a.yaml"
AS_A = {"ACCT_USER": "a.nguyen@phuong1.vn"}  # Nguyễn Văn A, head of Phường 1, by the email org gives him
AS_B = {"ACCT_USER": "tranvanb"}  # Trần Văn B, by his handle


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def acct(repo: Path, as_of: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = run_acct(*args, "--as-of", as_of, cwd=repo, env={**GIT_ENV, **(env or {})})
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def refused(repo: Path, as_of: str, *args: str, env: dict[str, str] | None = None) -> str:
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    result = run_acct(*args, "--as-of", as_of, cwd=repo, env={**GIT_ENV, **(env or {})})
    assert result.returncode == 1 and result.stdout == "", result.stdout + result.stderr
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before
    return result.stderr


def clean(repo: Path, as_of: str) -> None:
    assert acct(repo, as_of, "check").endswith(": 0 errors, 0 warnings\n")


def person_score(repo: Path, as_of: str, person: str) -> dict[str, object]:
    body = json.loads(acct(repo, as_of, "score", "2023-06", "--by", "person", "--format", "json"))
    return next(p for p in body["people"] if p["person"] == person)


def added_lines(repo: Path, *args: str) -> list[str]:
    diff = git(repo, "-c", "core.quotepath=off", "diff", "--no-color", "--unified=0", *args)
    return [
        line for line in diff.splitlines() if line.startswith(("+", "-", "@@")) and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    commitment = COMMITMENT.replace("          - {on: 2023-06-30, value: 58.0}\n", "")  # nothing dated after 1 June
    files = {"acct.yaml": "acct: 1\n", "org.yaml": ORG, COMMITMENT_PATH: commitment, ".gitignore": ".acct-cache/\n"}
    write_tracker(tmp_path, files, base=False)
    git(tmp_path, "init", "--quiet", "--initial-branch", "main")
    git(tmp_path, "add", "--all")
    git(tmp_path, "commit", "--quiet", "--message", "Cam kết 2023")
    return tmp_path


def plan_the_month(repo: Path) -> None:
    """June's plans for Phường 1 and their tasks, as the clerk types them on 1 June."""
    assert acct(repo, "2023-06-01", "new", "plan", "--unit", "phuong-1", "2023-06") == (
        f"created {HEAD_PLAN_PATH}\ncreated {PLAN_PATH}\n"
    )
    assert acct(
        repo, "2023-06-01", "add", "task", "tran-van-b", "2023-06", "Đo đạc hiện trạng tuyến Lê Lợi",
        "--due", "2023-06-15", "--commitment", "phuong-1/le-loi", env=AS_A,
    ) == f"tran-van-b/2023-06/t1: added, due 2023-06-15, given by nguyen-van-a ({PLAN_PATH})\n"  # fmt: skip
    acct(repo, "2023-06-01", "add", "task", "tran-van-b", "2023-06", "Họp dân: phương án bồi thường",
         "--due", "2023-06-20", "--weight", "2", env=AS_A)  # fmt: skip
    acct(repo, "2023-06-01", "add", "task", "tran-van-b", "2023-06", "Báo cáo tiến độ", "--due", "2023-06-30", env=AS_A)
    acct(repo, "2023-06-01", "add", "task", "nguyen-van-a", "2023-06", "Sơ kết 6 tháng", "--due", "2023-06-30",
         "--assigned-by", "ho-sy-trung")  # fmt: skip
    clean(repo, "2023-06-01")


def do_the_work(repo: Path) -> None:
    acct(repo, "2023-06-14", "done", "tran-van-b/2023-06/t1")
    acct(repo, "2023-06-22", "done", "tran-van-b/2023-06/t2")  # two days late
    acct(repo, "2023-06-29", "done", "nguyen-van-a/2023-06/t1")  # t3 of Trần Văn B is never done
    clean(repo, "2023-06-30")


def evaluate(repo: Path) -> None:
    # Step 1 as of 1 July: t1 on time (credit 1), t2 late with its one delay (1 + 1 + 0.75)/3 = 0.916667, weight 2,
    # t3 not done and past (0): task results = 70 × (1 + 2 × 0.916667 + 0) / 4 = 49.5833; score 27 + 49.58 = 76.6
    assert acct(repo, "2023-07-01", "self", "tran-van-b/2023-06", "--general", "27") == (
        "tran-van-b/2023-06: self-assessment on 2023-07-01: score 76.6 = 27 (general criteria) + 49.58 (task "
        f"results), level good ({PLAN_PATH})\n"
    )
    acct(repo, "2023-07-01", "self", "nguyen-van-a/2023-06", "--general", "28,5", "--level", "Hoàn thành tốt nhiệm vụ")
    clean(repo, "2023-07-01")
    # Step 2: each assigner reviews the tasks they gave
    assert acct(repo, "2023-07-03", "review", "tran-van-b/2023-06/t1", "--fails", "1", "--note", "Thiếu bản đồ") == (
        f"tran-van-b/2023-06/t1: reviewed on 2023-07-03 ({PLAN_PATH})\n  t1: credit 0.92, done on time\n"
    )
    assert acct(repo, "2023-07-03", "review", "tran-van-b/2023-06", "--all-ok", env=AS_A) == (
        f"tran-van-b/2023-06: reviewed on 2023-07-03 ({PLAN_PATH})\n"
        "  t2: credit 0.92, done after its due date\n"
        "  t3: credit 0.00, not done\n"
    )
    acct(repo, "2023-07-03", "review", "nguyen-van-a/2023-06", "--all-ok", "--by", "ho-sy-trung")
    clean(repo, "2023-07-03")
    # Step 3: Trần Văn B may not rate himself, and excellent is above what his month computes
    assert refused(repo, "2023-07-06", "rate", "tran-van-b/2023-06", "--general", "26", env=AS_B) == (
        "acct: refused: tran-van-b may not rate tran-van-b: the rater is nguyen-van-a (FORMAT.md, who rates whom), "
        "or someone above the rater\n"
    )
    # 70 × (0.916667 + 2 × 0.916667 + 0) / 4 = 48.125; 26 + 48.125 = 74.1: good
    assert refused(
        repo, "2023-07-06", "rate", "tran-van-b/2023-06", "--general", "26", "--level", "htxsnv", env=AS_A
    ) == (
        "acct: refused: excellent is above the computed level, good (score 74.1); a level above it needs --reason "
        "TEXT\n"
    )
    assert acct(repo, "2023-07-06", "rate", "tran-van-b/2023-06", "--general", "26", env=AS_A) == (
        "tran-van-b/2023-06: rated good on 2023-07-06 by nguyen-van-a; score 74.1 = 26 (general criteria) + 48.12 "
        f"(task results), computed level good ({PLAN_PATH})\n"
    )
    # Nguyễn Văn A heads Phường 1: the head of the unit above rates him. Hồ Sỹ Trung left on 31 May, so the
    # rating is by his own rater, Lê Văn Tỉnh, who is above the rater
    acct(
        repo, "2023-07-06", "rate", "nguyen-van-a/2023-06", "--general", "28", "--level", "HTTNV", "--by", "le-van-tinh"
    )
    clean(repo, "2023-07-06")


JUNE_PLAN = """\
# yaml-language-server: $schema=../../../_schema/plan.schema.json
# Work plan for 2023-06: Trần Văn B. Written by acct new plan.
# Add this month's tasks with acct add task; a carried-over task keeps its link to last month's (carried_from).
kind: plan
person: tran-van-b
month: 2023-06
tasks:
  - id: t1
    title: Đo đạc hiện trạng tuyến Lê Lợi
    assigned_by: nguyen-van-a
    due: 2023-06-15
    commitment: phuong-1/le-loi
    done: 2023-06-14
    review:
      on: 2023-07-03
      quality_fails: 1
      note: Thiếu bản đồ
  - id: t2
    title: 'Họp dân: phương án bồi thường'
    assigned_by: nguyen-van-a
    due: 2023-06-20
    weight: 2
    done: 2023-06-22
    review:
      on: 2023-07-03
      quality_fails: 0
  - id: t3
    title: Báo cáo tiến độ
    assigned_by: nguyen-van-a
    due: 2023-06-30
    review:
      on: 2023-07-03
      quality_fails: 0
self:
  on: 2023-07-01
  score: 76.6
  level: good
rating:
  on: 2023-07-06
  by: nguyen-van-a
  general: 26
  level: good
"""


def test_the_whole_month_by_commands_then_a_correction_through_an_amendment(repo: Path) -> None:
    git(repo, "switch", "--quiet", "--create", "thang-6")
    plan_the_month(repo)
    do_the_work(repo)
    evaluate(repo)
    assert (repo / PLAN_PATH).read_text(encoding="utf-8") == JUNE_PLAN
    june = person_score(repo, "2023-07-10", "tran-van-b")
    assert (june["score"], june["level"], june["provisional"]) == (74.1, "good", False)
    head = person_score(repo, "2023-07-10", "nguyen-van-a")  # 28 + 70 × 1 = 98, concluded good
    assert (head["score"], head["level"]) == (98.0, "good")

    diff = run_acct("diff", "main", cwd=repo)
    assert diff.returncode == 0
    assert diff.stdout.splitlines()[0] == "main → working tree: 2 changes in 2 plans; 0 weakening, 0 unapproved"
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "Tháng 6: kế hoạch, tự đánh giá, đánh giá, xếp loại")
    git(repo, "switch", "--quiet", "main")
    git(repo, "merge", "--quiet", "--ff-only", "thang-6")

    # On 20 July a record shows t2 was done on 19 June, on time. The month is concluded: a hand edit of the date is
    # an unapproved change in the pull request, and acct done refuses without --amend
    git(repo, "switch", "--quiet", "--create", "dieu-chinh")
    text = (repo / PLAN_PATH).read_text(encoding="utf-8")
    (repo / PLAN_PATH).write_text(text.replace("done: 2023-06-22", "done: 2023-06-19"), encoding="utf-8")
    diff = run_acct("diff", "main", cwd=repo)
    assert (diff.returncode, diff.stdout) == (
        1,
        "main → working tree: 1 change in 1 plan; 0 weakening, 1 unapproved\n\n"
        f"plan of tran-van-b for 2023-06 ({PLAN_PATH})\n"
        " ! t2: done date moved: 2023-06-22 → 2023-06-19  [UNAPPROVED change to a concluded month]\n",
    )
    git(repo, "checkout", "--", PLAN_PATH)
    assert refused(repo, "2023-07-20", "done", "tran-van-b/2023-06/t2", "--on", "2023-06-19") == (
        "acct: refused: tran-van-b's 2023-06 is concluded (rated on 2023-07-06 by nguyen-van-a), so it changes only "
        "through an amendment: pass --amend REASON, and --approved-by the person's rater if it is not the rater who "
        "approved it\n"
    )
    acct(repo, "2023-07-20", "done", "tran-van-b/2023-06/t2", "--on", "2023-06-19", "--amend", "Biên bản ngày 19/6")
    clean(repo, "2023-07-20")
    assert added_lines(repo) == [
        "@@ -23 +23 @@ tasks:",
        "-    done: 2023-06-22",
        "+    done: 2023-06-19",
        "@@ -42,0 +43,6 @@ rating:",
        "+amendments:",
        "+  - on: 2023-07-20",
        "+    task: t2",
        "+    set: {done: 2023-06-19}",
        "+    reason: Biên bản ngày 19/6",
        "+    approved_by: nguyen-van-a",
    ]
    diff = run_acct("diff", "main", cwd=repo)
    assert (diff.returncode, diff.stdout.splitlines()[-1]) == (
        0,
        "   t2: done date moved: 2023-06-22 → 2023-06-19  [change to a concluded month, approved by nguyen-van-a on "
        "2023-07-20]",
    )
    # t2 on time: credit 1; 70 × (0.916667 + 2 × 1 + 0) / 4 = 51.0417; 26 + 51.04 = 77.0, still good
    june = person_score(repo, "2023-07-20", "tran-van-b")
    assert (june["score"], june["level"]) == (77.0, "good")


def test_show_says_what_the_meeting_needs_and_who_must_write_what(repo: Path) -> None:
    plan_the_month(repo)
    do_the_work(repo)
    acct(repo, "2023-07-01", "self", "tran-van-b/2023-06", "--general", "27")
    acct(repo, "2023-07-03", "review", "tran-van-b/2023-06/t1", "--fails", "1")
    assert acct(repo, "2023-07-03", "show", "tran-van-b/2023-06").splitlines() == [
        f"Trần Văn B (tran-van-b), Phường 1: work plan for 2023-06 ({PLAN_PATH})",
        "rated by Nguyễn Văn A (nguyen-van-a)",
        "",
        "  t1  Đo đạc hiện trạng tuyến Lê Lợi",
        "      given by nguyen-van-a; due 2023-06-15; done 2023-06-14: done on time; credit 0.92",
        "      review: on 2023-07-03; quality checks failed 1",
        "  t2  Họp dân: phương án bồi thường",
        "      given by nguyen-van-a; due 2023-06-20; done 2023-06-22: done after its due date; credit 0.92; weight 2",
        "      no review yet",
        "  t3  Báo cáo tiến độ",
        "      given by nguyen-van-a; due 2023-06-30; done —: not done; credit 0.00",
        "      no review yet",
        "",
        "step 1, self-assessment: on 2023-07-01; score 76.6; level good",
        "step 2, reviews: 1 of 3 tasks",
        "step 3, rating: not written",
        # 70 × (0.916667 + 2 × 0.916667 + 0) / 4 = 48.125, provisional: 48.125 / 0.7 = 68.75 → 68.8
        "task results 48.12 of 70; score 68.8 (provisional: no rating.general yet); computed level done; concluded "
        "level —",
        "still to write: the review of t2, by Nguyễn Văn A (nguyen-van-a); the review of t3, by Nguyễn Văn A "
        "(nguyen-van-a); the rating, by Nguyễn Văn A (nguyen-van-a)",
    ]
