"""docs/workflow.md tells the month and the key issues with commands run on the sample: each `$ acct …` line of its
marked blocks is run, in order, on a copy of the sample, and every line the page shows is a line acct printed. The
`diff` block that follows the month is the byte diff of the correction's file."""

from __future__ import annotations

import difflib
import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, SAMPLE, run_acct

DOC = (PROJECT / "docs" / "workflow.md").read_text(encoding="utf-8")
CORRECTED = "2023/plans/2023-07/le-hoang-nam.yaml"


def section(name: str) -> str:
    return DOC.split(f"<!-- {name}:start -->", 1)[1].split(f"<!-- {name}:end -->", 1)[0]


def commands(text: str) -> list[tuple[dict[str, str], list[str], list[str]]]:
    """(environment, arguments, lines shown) of each `$ acct` line of the console blocks."""
    found: list[tuple[dict[str, str], list[str], list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                words = shlex.split(line[2:])
                env = dict(w.split("=", 1) for w in words if "=" in w and not w.startswith("-") and words.index(w) == 0)
                found.append((env, words[len(env) + 1 :], []))
            elif found and line != "…":
                found[-1][2].append(line)
    return found


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "commitments", ignore=shutil.ignore_patterns(".acct-cache")))


@pytest.mark.parametrize("name", ["month", "issues"])
def test_the_commands_of_workflow_md_print_what_it_shows(sample: Path, name: str) -> None:
    steps = commands(section(name))
    assert steps
    before = b""
    for env, args, shown in steps:
        if args[:1] == ["done"] and "--amend" in args:
            before = (sample / CORRECTED).read_bytes()
        result = run_acct(*args, cwd=sample, env={"ACCT_USER": "", **env})
        printed = (result.stdout + result.stderr).splitlines()
        assert "Traceback" not in result.stderr
        assert [line for line in shown if line not in printed] == [], (args, printed)
    if name == "month":
        diff = DOC.split("<!-- month:end -->", 1)[1].split("```diff\n", 1)[1].split("```", 1)[0].splitlines()
        after = (sample / CORRECTED).read_text(encoding="utf-8").splitlines(keepends=True)
        made = difflib.unified_diff(before.decode("utf-8").splitlines(keepends=True), after, n=0)
        lines = [line.rstrip("\n") for line in made if not line.startswith(("---", "+++"))]
        assert lines == [re.sub(r"^(@@ .* @@).*", r"\1", line) for line in diff]


WRITING = [
    "acct new plan PERSON MONTH",
    "acct new plan --unit UNIT MONTH",
    "acct new commitment",
    "acct new issue",
    "acct add task",
    "acct done",
    "acct record",
    "acct self",
    "acct review PERSON/MONTH/TASK",
    "acct review PERSON/MONTH --all-ok",
    "acct rate",
    "acct resolve",
    "acct amend UNIT/ITEM",
    "acct amend ISSUE",
    "acct schema",
]


def test_editors_md_lists_every_command_that_writes() -> None:
    table = (PROJECT / "docs" / "editors.md").read_text(encoding="utf-8").split("## Every command that writes", 1)[1]
    rows = [line for line in table.split("\n\n", 3)[2].splitlines() if line.startswith("| `acct")]
    assert [w for w in WRITING if not any(row.startswith(f"| `{w}") for row in rows)] == []
    from accountability.cli import app

    registered = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    for name in ("add", "self", "review", "rate", "resolve", "amend", "done", "record", "show"):
        assert name in registered or name in {g.name for g in app.registered_groups}
