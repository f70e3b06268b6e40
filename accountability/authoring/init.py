"""`acct init`: a new tracker that passes `acct check`, with CI and pre-commit set up. Never overwrites.

Where the files go: acct.yaml and org.yaml in the tracker's folder; the CI workflow, the pre-commit configuration
and the `.gitignore` line for `.acct-cache/` at the root of the git repository that holds the folder, or in the
folder itself when it is not in a git repository (yet).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from accountability import __version__
from accountability.files.atomic import edit_file, write_atomic
from accountability.files.discover import CACHE_FOLDER
from accountability.files.git import toplevel_or_none
from accountability.problems import FatalError

IGNORE_LINE = f"{CACHE_FOLDER}/"


def _template(name: str) -> str:
    return resources.files("accountability").joinpath("templates", name).read_text(encoding="utf-8")


def repository_root(folder: Path) -> Path:
    """The root of the git work tree that holds (or will hold) `folder`; the folder itself outside git."""
    folder = folder.resolve()
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    return toplevel_or_none(existing) or folder


def planned_files(folder: Path) -> dict[Path, str]:
    """The new files `acct init` writes. CI and pre-commit files go to the git repository's root when there is one."""
    folder = folder.resolve()
    base = repository_root(folder)
    root = Path(os.path.relpath(folder, base)).as_posix()
    return {
        folder / "acct.yaml": _template("acct.yaml"),
        folder / "org.yaml": _template("org.yaml"),
        base / ".github" / "workflows" / "acct.yml": _template("workflow.yml").format(root=root, version=__version__),
        base / ".pre-commit-config.yaml": _template("pre-commit-config.yaml").format(root=root),
    }


def ignored(text: str) -> bool:
    """Whether a .gitignore already ignores the cache folder at any depth (a line `.acct-cache/` or `.acct-cache`)."""
    return any(line.strip() in (IGNORE_LINE, CACHE_FOLDER) for line in text.splitlines())


def ignore_cache(gitignore: Path) -> str | None:
    """Make `gitignore` ignore the cache: create it, or append the line to it, atomically and keeping every byte it
    had. Returns "created" or "updated", or None when the line was there already."""
    if not gitignore.exists():
        write_atomic(gitignore, f"{IGNORE_LINE}\n".encode(), overwrite=False)
        return "created"

    appended: list[bool] = []

    def append(old: bytes) -> bytes:
        appended[:] = [not ignored(old.decode("utf-8", "replace"))]
        separator = b"" if not old or old.endswith(b"\n") else b"\n"
        return old + separator + f"{IGNORE_LINE}\n".encode() if appended[0] else old

    edit_file(gitignore, append)
    return "updated" if appended[0] else None


def init(folder: Path) -> list[tuple[Path, str]]:
    """Write the new tracker's files, or refuse (FatalError) and change nothing when any of them exists already.
    Then make the repository's .gitignore ignore `.acct-cache/`. Returns (path, "created" | "updated")."""
    files = planned_files(folder)
    existing = [path for path in files if path.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise FatalError(f"refusing to overwrite existing files: {names}; move them away or choose another folder")
    written = []
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"), overwrite=False)
        written.append((path, "created"))
    gitignore = repository_root(folder) / ".gitignore"
    action = ignore_cache(gitignore)
    return written + ([(gitignore, action)] if action else [])
