"""Shared test helpers: small trackers written as literal YAML, and the installed `acct` run as a process."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from accountability.cli import app
from accountability.engine import check

ACCT = Path(sys.executable).parent / "acct"  # the console script installed with the package under test
PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_IN_REPOSITORY = PROJECT / "commitments"


def _sample_copy() -> Path:
    """The sample tracker copied out of the repository, so that no test writes there (acct's cache included).
    It sits in a folder of its own named like the project, so that `cwd=SAMPLE.parent` finds it as the project
    root does."""
    folder = Path(tempfile.mkdtemp(prefix="acct-sample-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = folder / "commitments"
    shutil.copytree(SAMPLE_IN_REPOSITORY, copy, ignore=shutil.ignore_patterns(".acct-cache"))
    return copy


SAMPLE = _sample_copy()

ORG = """\
kind: org
units:
  - id: btv
    name: Ban Thường vụ Thành ủy
    head: ho-sy-trung
  - id: phuong-1
    name: Phường 1
    parent: btv
    head: nguyen-van-a
people:
  - id: ho-sy-trung
    name: Hồ Sỹ Trung
    unit: btv
  - id: nguyen-van-a
    name: Nguyễn Văn A
    unit: phuong-1
  - id: tran-van-b
    name: Trần Văn B
    unit: phuong-1
"""

# The org with a rater for the head of btv, the top unit: a member of the province's Standing Committee, in an
# external unit (province.yaml), whose people keep no plans in this tracker. Needed as soon as ho-sy-trung has a plan.
ORG_RATED = ORG.replace("    head: ho-sy-trung\n", "    head: ho-sy-trung\n    rated_by: le-van-tinh\n")
PROVINCE = """\
kind: org
units:
  - id: tinh-uy
    name: Ban Thường vụ Tỉnh ủy
    external: true
    head: le-van-tinh
people:
  - id: le-van-tinh
    name: Lê Văn Tỉnh
    unit: tinh-uy
"""
RATED = {"org.yaml": ORG_RATED, "province.yaml": PROVINCE}

COMMITMENT = """\
kind: commitment
unit: phuong-1
year: 2023
head: nguyen-van-a
to: btv
signed: 2023-01-16
groups:
  - id: gpmb
    title: Giải phóng mặt bằng
    items:
      - id: le-loi
        title: Bàn giao mặt bằng tuyến Lê Lợi
        owner: tran-van-b
        due: 2023-09-30
        # done: written when the site is handed over
  - id: kinh-te
    title: Phát triển kinh tế
    items:
      - id: thu-ngan-sach
        title: Thu ngân sách
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 120, unit: tỷ đồng}
        reports:
          - {on: 2023-03-31, value: 26.4}
          - {on: 2023-06-30, value: 58.0}
  - id: xay-dung-dang
    title: Xây dựng Đảng
    items:
      - id: ket-nap
        title: Kết nạp đảng viên mới
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 10, unit: người}
"""

PLAN = """\
kind: plan
person: tran-van-b
month: 2023-05
tasks:
  - id: t1
    title: Hoàn thiện hồ sơ bồi thường
    assigned_by: nguyen-van-a
    due: 2023-05-20
    commitment: phuong-1/le-loi
    done: 2023-05-18
    review: {on: 2023-06-02, quality_fails: 0}
self: {on: 2023-06-01, score: 92, level: excellent}
rating: {on: 2023-06-05, by: nguyen-van-a, general: 28, level: good}
"""

ISSUE = """\
kind: issue
id: lan-chiem-via-he
title: Lấn chiếm vỉa hè tuyến Hùng Vương
raised: 2023-02-10
raised_by: phuong-1
handled_by: phuong-1
lead: nguyen-van-a
due: 2023-10-31
"""

BASE = {
    "acct.yaml": "acct: 1\n",
    "org.yaml": ORG,
    "2023/commitments/phuong-1.yaml": COMMITMENT,
    "2023/plans/2023-05/tran-van-b.yaml": PLAN,
    "2023/issues/lan-chiem-via-he.yaml": ISSUE,
}

AS_OF = dt.date(2023, 7, 10)


def months_of_plans(months: range) -> dict[str, str | bytes | None]:
    """Trần Văn B's plan of May (conftest.PLAN) made again for each month, due, reviewed and rated a month later."""
    return {
        f"2023/plans/2023-{m:02d}/tran-van-b.yaml": PLAN.replace("2023-06", f"2023-{m + 1:02d}").replace(
            "2023-05", f"2023-{m:02d}"
        )
        for m in months
    }


def write_tracker(root: Path, files: dict[str, str | bytes | None], base: bool = True) -> Path:
    """A tracker at `root`: the BASE files (unless base=False), overridden by `files` (None deletes a file)."""
    merged: dict[str, str | bytes | None] = {**(BASE if base else {}), **files}
    for name, content in merged.items():
        if content is None:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def problems_of(
    root: Path, files: dict[str, str | bytes | None], as_of: dt.date = AS_OF, base: bool = True
) -> list[tuple[str, int, int, str]]:
    """(path, line, col, code) of every problem that `acct check` finds."""
    write_tracker(root, files, base)
    return [(p.path, p.line, p.col, p.code) for p in check(root, as_of).problems]


@dataclass(frozen=True)
class Ran:
    """What a run of acct left: its exit code and its two streams, named as subprocess names them."""

    returncode: int
    stdout: str
    stderr: str


def run_acct(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Ran:
    """acct's command line run in this process through Typer's CliRunner, as a user would type it in `cwd`.

    A crash is raised here, so that the test fails on it; `run_installed` runs the real console script where the
    process itself is what is tested (the entry point, closed streams, signals, terminals)."""
    environment = {"NO_COLOR": "1", "ACCT_ROOT": None, **(env or {})}
    before = os.getcwd()
    os.chdir(cwd or before)
    try:
        result = _runner().invoke(app, list(args), env=environment)  # type: ignore[arg-type]
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


# The click command that typer builds from the app's functions, built once for the whole run: building it (reading
# every command's signature) took three quarters of each in-process run, and typer's CliRunner builds it on every
# invoke through `typer.testing._get_command` (in every typer release this project allows).
_COMMAND = typer.main.get_command(app)
_BUILD = typer.testing._get_command
typer.testing._get_command = lambda given: _COMMAND if given is app else _BUILD(given)  # type: ignore[assignment]


def _runner() -> CliRunner:
    """Stdout and stderr kept apart: click 8.2 always does, older releases when asked."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def run_installed(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed `acct` command in its own process."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("ACCT_ROOT", None) if "ACCT_ROOT" not in (env or {}) else None
    return subprocess.run([str(ACCT), *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file's bytes below `root`, but acct's own cache (.acct-cache/), which is not the tracker's."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".acct-cache" not in p.relative_to(root).parts
    }


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    """A clean small tracker."""
    return write_tracker(tmp_path, {})


NOBODY = 65534


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder that every user may enter and write in (pytest's tmp_path is root's alone), for `as_nobody`."""
    folder = Path(tempfile.mkdtemp(prefix="acct-test-"))
    folder.chmod(0o777)
    yield folder
    for below, dirs, _ in os.walk(folder):  # so that anyone may remove what a test made unlistable
        for name in dirs:
            if not os.path.islink(os.path.join(below, name)):
                os.chmod(os.path.join(below, name), 0o755)
    shutil.rmtree(folder)


def as_nobody(func: Callable[[], Any]) -> Any:
    """`func()` as a user who is not root, whose permissions are checked: the tests run as root, who may read a
    folder whatever its mode. Run in a forked child that drops to `nobody`; run here when not root already."""
    if os.geteuid() != 0:
        return func()
    import importlib.readers  # noqa: F401  (imported on first use, from a folder `nobody` may not read)

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result: tuple[str, Any] = ("ok", func())
        except BaseException as exc:  # noqa: B036 - whatever happened must reach the parent
            result = ("raised", repr(exc))
        with os.fdopen(write, "wb") as out:
            pickle.dump(result, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as received:
        outcome, value = pickle.load(received)
    os.waitpid(pid, 0)
    assert outcome == "ok", value
    return value
