"""Machine formats escape what they carry: a file name may hold a newline, a comma, a colon or a percent sign.

GitHub's workflow commands, SARIF's URIs, the text output's one line per problem, and `acct diff`'s reading of git
objects are each tested with such a name, on real files and a real git repository.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ISSUE, write_tracker
from test_diff import GIT_ENV, commit, edit, git
from typer.testing import CliRunner

from accountability.cli import app

ODD = "2023/issues/a%0A,line=1::x\n::error file=forged.yaml,line=1::forged: b,c.yaml"
BROKEN = ISSUE.replace("due: 2023-10-31", "due: 31/10/2023").replace("lan-chiem-via-he", "odd-name")
COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    """What GitHub's runner does to a workflow command's property or message."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.fixture
def odd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_tracker(tmp_path, {ODD: BROKEN})


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--as-of", "2023-07-10", "--no-cache"])
    return result.exit_code, result.stdout


def test_a_file_name_cannot_forge_a_github_annotation(odd: Path) -> None:
    code, out = invoke("check", "--format", "github")
    commands = [m for line in out.splitlines() if (m := COMMAND.match(line))]
    assert code == 1 and len(commands) == 1 == sum(line.startswith("::") for line in out.splitlines())
    props = dict(part.split("=", 1) for part in commands[0]["props"].split(","))
    assert {name: unescape(value) for name, value in props.items()} == {
        "file": ODD,
        "line": "8",
        "col": "6",
        "title": "acct [invalid-date]",
    }


def test_overdue_annotations_escape_the_file_name_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_tracker(tmp_path, {ODD: ISSUE.replace("lan-chiem-via-he", "odd-name").replace("2023-10-31", "2023-06-30")})
    code, out = invoke("overdue", "--format", "github")
    commands = [m for line in out.splitlines() if (m := COMMAND.match(line))]
    assert code == 1 and len(commands) == sum(line.startswith("::") for line in out.splitlines())
    props = [dict(p.split("=", 1) for p in m["props"].split(",")) for m in commands]
    files = [unescape(found["file"]) for found in props if "file" in found]
    assert ODD in files


def test_sarif_uris_are_percent_encoded(odd: Path) -> None:
    code, out = invoke("check", "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert code == 1 and unquote(uri) == ODD
    assert re.fullmatch(r"[A-Za-z0-9\-._~/%]+", uri)  # RFC 3986's unreserved characters, '/' and escapes only


def test_text_output_keeps_each_problem_on_one_line(odd: Path) -> None:
    code, out = invoke("check")
    assert code == 1
    assert out.splitlines() == [
        "2023/issues/a%0A,line=1::x\\n::error file=forged.yaml,line=1::forged: b,c.yaml:8:6: error: [invalid-date]"
        " '31/10/2023' is not an ISO date; write 2023-10-31",
        "checked 6 files: 1 error, 0 warnings",
    ]


def test_diff_reads_every_file_right_after_one_whose_name_holds_a_newline(tmp_path: Path) -> None:
    # paths fed one per line to git cat-file gave every later file the wrong contents, and a cut target passed
    git(tmp_path, "init", "--quiet", "--initial-branch", "main")
    write_tracker(tmp_path, {"2023/commitments/a\nb.yaml": ISSUE.replace("lan-chiem-via-he", "ten-la")})
    commit(tmp_path, "Cam kết 2023")
    git(tmp_path, "switch", "--quiet", "--create", "ha-chi-tieu")
    edit(tmp_path, "value: 120", "value: 100")
    commit(tmp_path, "Hạ chỉ tiêu thu ngân sách")
    result = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "HEAD"], cwd=tmp_path, env=GIT_ENV, capture_output=True, text=True
    )
    assert '"2023/commitments/a\\nb.yaml"' in result.stdout  # git itself quotes the name: it is really there
    diff = CliRunner().invoke(app, ["diff", "main", "HEAD", "--root", str(tmp_path), "--format", "json"])
    changes = [(c["item"], c["kind"], c["unapproved"]) for c in json.loads(diff.stdout)["changes"]]
    assert diff.exit_code == 1 and changes == [("thu-ngan-sach", "target-lowered", True)], diff.output
