"""Property: whatever bytes and file-system shapes a tracker holds, the reading commands end with 0, 1 or 2, print no
traceback, never hang, and change no byte of the tracker.

Hypothesis builds trackers from the small one of the tests with random byte mutations and random shapes: links
inside and outside the tracker (to /dev/zero too), named pipes, folders nobody may list, and names holding newlines,
commas, colons and percent signs. The commands run in a forked child as `nobody`, so that a folder's mode counts,
under an alarm, so that a hang fails the example instead of the suite.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
from pathlib import Path
from typing import Any

from conftest import BASE, as_nobody, write_tracker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_diff import GIT_ENV
from typer.testing import CliRunner

from accountability.cli import app

FILES = sorted(BASE)
ODD_NAMES = ["a\nb.yaml", "x,line=1::y.yaml", "p%0Aq.yaml", "c:d.yaml", "e f.yaml"]
COMMANDS = [["check"], ["check", "--no-cache"], ["score", "2023-Q2"], ["overdue"], ["diff", "main"]]
HANG = 30  # seconds for all the commands of one example

mutation = st.tuples(st.sampled_from(FILES), st.integers(0, 10_000), st.binary(max_size=3), st.integers(0, 3))
shape = st.one_of(
    st.tuples(st.just("link-inside"), st.sampled_from(ODD_NAMES), st.sampled_from(FILES)),
    st.tuples(st.just("link-outside"), st.sampled_from(ODD_NAMES), st.sampled_from(["/dev/zero", "/etc/hostname"])),
    st.tuples(st.just("fifo"), st.sampled_from(ODD_NAMES), st.just("")),
    st.tuples(st.just("locked-folder"), st.sampled_from(["2023/plans/2023-05", "2023/issues", "2023"]), st.just("")),
    st.tuples(st.just("odd-copy"), st.sampled_from(ODD_NAMES), st.sampled_from(FILES)),
)


def mutate(root: Path, file: str, at: int, inserted: bytes, removed: int) -> None:
    raw = (root / file).read_bytes()
    at = at % (len(raw) + 1)
    (root / file).write_bytes(raw[:at] + inserted + raw[at + removed :])


def shape_it(root: Path, kind: str, name: str, other: str) -> None:
    place = root / "2023" / "issues" / name if kind != "locked-folder" else root / name
    if kind != "locked-folder" and (place.exists() or place.is_symlink()):
        return
    if kind == "link-inside":
        place.symlink_to(root / other)
    elif kind == "link-outside":
        place.symlink_to(other)
    elif kind == "fifo":
        os.mkfifo(place)
    elif kind == "odd-copy":
        place.write_bytes((root / other).read_bytes())
    elif place.is_dir():
        place.chmod(0)


def snapshot(root: Path) -> dict[str, Any]:
    """Every entry's kind, mode and bytes (a regular file's), read as root without opening anything else."""
    found: dict[str, Any] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", ".acct-cache")]
        for name in dirs + files:
            path = os.path.join(folder, name)
            st_ = os.lstat(path)
            content = (
                Path(path).read_bytes()
                if stat.S_ISREG(st_.st_mode)
                else os.readlink(path)
                if stat.S_ISLNK(st_.st_mode)
                else None
            )
            found[os.path.relpath(path, root)] = (stat.S_IFMT(st_.st_mode), stat.S_IMODE(st_.st_mode), content)
    return found


def run_commands(root: Path) -> list[tuple[list[str], int, bool, str]]:
    """Each command's exit code, whether it raised, and its output, under an alarm that turns a hang into a failure."""
    os.environ.update({"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "safe.directory", "GIT_CONFIG_VALUE_0": "*"})

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"a command ran over {HANG} s")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG)
    outcomes = []
    try:
        for args in COMMANDS:
            result = CliRunner().invoke(app, [*args, "--root", str(root), "--as-of", "2023-07-10"])
            raised = result.exception is not None and not isinstance(result.exception, SystemExit)
            outcomes.append(
                (args, result.exit_code, raised, result.output + (repr(result.exception) if raised else ""))
            )
    finally:
        signal.alarm(0)
    return outcomes


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(mutation, max_size=3), shapes=st.lists(shape, max_size=3))
def test_reading_commands_end_well_on_any_tracker(
    shared_dir: Path, mutations: list[tuple[str, int, bytes, int]], shapes: list[tuple[str, str, str]]
) -> None:
    root = shared_dir / f"t{len(list(shared_dir.iterdir()))}"
    write_tracker(root, {})
    env = {**os.environ, **GIT_ENV}
    for args in (
        ["init", "--quiet", "--initial-branch", "main"],
        ["add", "--all"],
        ["commit", "--quiet", "-m", "base"],
    ):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    for folder, dirs, _ in os.walk(root):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o777)  # nobody may write the cache and list every folder
    root.chmod(0o777)
    for mutated in mutations:
        mutate(root, *mutated)
    for shaped in shapes:
        shape_it(root, *shaped)
    before = snapshot(root)
    outcomes = as_nobody(lambda: run_commands(root))
    for args, code, raised, output in outcomes:
        assert code in (0, 1, 2) and not raised and "Traceback" not in output, (args, code, output)
    assert snapshot(root) == before
