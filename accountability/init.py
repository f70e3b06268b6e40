"""`acct init`: a new tracker that passes `acct check`, with CI and pre-commit set up. Never overwrites."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from accountability.git import toplevel_or_none
from accountability.problems import FatalError
from accountability.writefile import write_atomic


def _template(name: str) -> str:
    return resources.files("accountability").joinpath("templates", name).read_text(encoding="utf-8")


def planned_files(folder: Path) -> dict[Path, str]:
    """What `acct init` writes. CI and pre-commit files go to the git repository's root when there is one."""
    folder = folder.resolve()
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    base = toplevel_or_none(existing) or folder
    root = Path(os.path.relpath(folder, base)).as_posix()
    return {
        folder / "acct.yaml": _template("acct.yaml"),
        folder / "org.yaml": _template("org.yaml"),
        folder / ".gitignore": ".acct-cache/\n",
        base / ".github" / "workflows" / "acct.yml": _template("workflow.yml").format(root=root),
        base / ".pre-commit-config.yaml": _template("pre-commit-config.yaml").format(root=root),
    }


def init(folder: Path) -> list[Path]:
    """Write the new tracker's files, or refuse (FatalError) when any of them exists already. An existing
    .gitignore is left alone (the caller tells the user to add .acct-cache/ to it)."""
    files = planned_files(folder)
    files = {path: text for path, text in files.items() if not (path.name == ".gitignore" and path.exists())}
    existing = [path for path in files if path.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise FatalError(f"refusing to overwrite existing files: {names}; move them away or choose another folder")
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"), overwrite=False)
    return list(files)
