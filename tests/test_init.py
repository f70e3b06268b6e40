"""`acct init`: a new tracker that passes `acct check`, CI and pre-commit set up, `.acct-cache/` ignored by git,
and a second run that refuses and changes nothing."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, run_acct

GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git_init(folder: Path) -> Path:
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "main"], cwd=folder, env=GIT_ENV, check=True)
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, with its bytes, but git's own and acct's cache."""
    files = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    return {
        name: p.read_bytes() for name, p in files.items() if not name.startswith(".git/") and ".acct-cache/" not in name
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return git_init(tmp_path)


def test_a_new_tracker_in_a_fresh_repository_passes_check(repo: Path) -> None:
    result = run_acct("init", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "created acct.yaml",
        "created org.yaml",
        "created .github/workflows/acct.yml",
        "created .pre-commit-config.yaml",
        "created .gitignore",
        "next: fill in org.yaml, then run: acct check",
    ]
    check = run_acct("check", cwd=repo)
    assert (check.returncode, check.stdout) == (0, "checked 2 files: 0 errors, 0 warnings\n")
    assert run_acct("overdue", cwd=repo).returncode == 0
    assert run_acct("score", "2023", "--as-of", "2023-12-31", cwd=repo).returncode == 0


def test_acct_yaml_shows_every_setting_commented(repo: Path) -> None:
    run_acct("init", cwd=repo)
    text = (repo / "acct.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {"acct": 1}
    for key in (
        "id",
        "organization",
        "language",
        "groups",
        "rules",
        "thresholds",
        "quota",
        "late_credit",
        "due_soon_days",
        "grace_days",
        "reports",
        "issues_target",
    ):
        assert f"# {key}: " in text, key
    uncommented = "\n".join(line[2:] if line.startswith("# ") and ": " in line else line for line in text.splitlines())
    settings = yaml.safe_load(uncommented)
    assert settings == {
        "acct": 1,
        "id": "thanh-uy-dong-ha",
        "organization": "Thành ủy Đông Hà",
        "language": "en",
        "groups": {"min": 3, "max": 5},
        "rules": "nd335",
        "thresholds": {"excellent": 90, "good": 70, "done": 50},
        "quota": {"excellent_per_good": 0.2},
        "late_credit": 0.5,
        "due_soon_days": 14,
        "grace_days": 5,
        "reports": "quarterly",
        "issues_target": 0.8,
    }


def test_the_workflow_runs_check_overdue_and_diff_on_each_pull_request(repo: Path) -> None:
    run_acct("init", cwd=repo)
    workflow = yaml.safe_load((repo / ".github/workflows/acct.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True
    assert workflow[True] == {"pull_request": None}
    steps = workflow["jobs"]["acct"]["steps"]
    assert steps[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}  # diff needs the base branch
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0] == "rm -rf ./.acct-cache"  # a cache committed in a pull request could vouch for its files
    assert runs[2:] == [
        "acct check --root . --format github",
        "acct overdue --root . --format github --warn-only",
        'acct diff --root . "origin/${{ github.base_ref }}" --format md >> "$GITHUB_STEP_SUMMARY"',
    ]
    assert [step.get("if") for step in steps[-2:]] == ["${{ !cancelled() }}"] * 2
    (cache,) = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == "./.acct-cache"  # a pull request re-reads only the files it changed


def test_the_workflow_installs_this_acct_pinned_and_nothing_unpinned(tmp_path: Path) -> None:
    # `pip install acct` would install an unrelated PyPI project with the repository's token; every install is pinned
    from accountability import __version__
    from accountability.authoring.init import planned_files

    workflow = next(text for path, text in planned_files(tmp_path).items() if path.name == "acct.yml")
    installs = [line.strip() for line in workflow.splitlines() if "pip install" in line or "pip3 install" in line]
    assert installs == [f"run: pip install accountability-tracker=={__version__}"]
    pinned = re.compile(r"^run: pip install (accountability-tracker==\d+\.\d+\.\d+|git\+https://\S+@[0-9a-f]{40})$")
    assert all(pinned.match(line) for line in installs)
    project = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "accountability-tracker"' in project  # the name the workflow installs is this project's
    assert f"pip install accountability-tracker=={__version__}\n" in (PROJECT / "README.md").read_text(encoding="utf-8")


def test_the_pre_commit_hook_runs_check(repo: Path) -> None:
    run_acct("init", cwd=repo)
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config == {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": "acct-check",
                        "name": "acct check",
                        "entry": "acct check --root .",
                        "language": "system",
                        "files": r"\.ya?ml$",
                        "pass_filenames": False,
                    }
                ],
            }
        ]
    }
    # acct's own repository is a hook repository too, for `repo: <acct's address>` with `id: acct-check`
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"]) for h in hooks] == [("acct-check", "acct check")]


def test_a_second_run_refuses_and_changes_nothing(repo: Path) -> None:
    run_acct("init", cwd=repo)
    (repo / "org.yaml").write_text("kind: org\n# đã sửa\n", encoding="utf-8")
    before = files_of(repo)
    result = run_acct("init", cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"acct: refusing to overwrite existing files: {repo / 'acct.yaml'}, {repo / 'org.yaml'}, "
    )
    assert "Traceback" not in result.stderr
    assert files_of(repo) == before


def test_one_existing_file_is_enough_to_refuse_and_nothing_is_written(repo: Path) -> None:
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    result = run_acct("init", cwd=repo)
    assert result.returncode == 2
    assert (
        result.stderr
        == f"acct: refusing to overwrite existing files: {repo / '.pre-commit-config.yaml'}; move them away or choose another folder\n"
    )
    assert files_of(repo) == {".pre-commit-config.yaml": b"repos: []\n"}


def test_a_tracker_in_a_subfolder_puts_ci_and_gitignore_at_the_repository_root(repo: Path) -> None:
    result = run_acct("init", "cam-ket/thanh-uy", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert sorted(files_of(repo)) == [
        ".github/workflows/acct.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "cam-ket/thanh-uy/acct.yaml",
        "cam-ket/thanh-uy/org.yaml",
    ]
    assert "acct check --root cam-ket/thanh-uy --format github" in (repo / ".github/workflows/acct.yml").read_text(
        encoding="utf-8"
    )
    assert "entry: acct check --root cam-ket/thanh-uy" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert run_acct("check", cwd=repo / "cam-ket/thanh-uy").returncode == 0
    # the cache the check wrote is ignored by git
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=repo,
        env=GIT_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ".acct-cache" not in status.stdout
    assert "cam-ket/thanh-uy/acct.yaml" in status.stdout


def test_outside_git_everything_goes_in_the_tracker_folder(tmp_path: Path) -> None:
    folder = tmp_path / "moi"
    result = run_acct("init", str(folder), cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert sorted(files_of(folder)) == [
        ".github/workflows/acct.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "acct.yaml",
        "org.yaml",
    ]
    assert (folder / ".gitignore").read_bytes() == b".acct-cache/\n"


def test_an_existing_gitignore_gets_the_line_appended_keeping_its_bytes(repo: Path) -> None:
    (repo / ".gitignore").write_bytes(b"# b\xe1\xba\xa3n nh\xc3\xa1p\r\n*.bak")  # CRLF, no final newline
    result = run_acct("init", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "added .acct-cache/ to .gitignore" in result.stdout.splitlines()
    assert (repo / ".gitignore").read_bytes() == b"# b\xe1\xba\xa3n nh\xc3\xa1p\r\n*.bak\n.acct-cache/\n"


@pytest.mark.parametrize("line", [b".acct-cache/", b".acct-cache", b"  .acct-cache/  "])
def test_a_gitignore_that_has_the_line_is_left_alone(repo: Path, line: bytes) -> None:
    original = b"__pycache__/\n" + line + b"\n*.pyc\n"
    (repo / ".gitignore").write_bytes(original)
    os.utime(repo / ".gitignore", (1_000_000_000, 1_000_000_000))
    result = run_acct("init", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert ".gitignore" not in result.stdout
    assert (repo / ".gitignore").read_bytes() == original
    assert (repo / ".gitignore").stat().st_mtime == 1_000_000_000


def test_a_line_that_only_mentions_the_cache_does_not_count(repo: Path) -> None:
    (repo / ".gitignore").write_bytes(b"# .acct-cache/ is acct's cache\n!.acct-cache/keep\n")
    run_acct("init", cwd=repo)
    assert (repo / ".gitignore").read_bytes() == b"# .acct-cache/ is acct's cache\n!.acct-cache/keep\n.acct-cache/\n"
