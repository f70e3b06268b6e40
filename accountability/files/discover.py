"""Finding the tracker's root and its files (FORMAT.md, "Layout")."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from accountability.files.regular import LINKED, unlisted
from accountability.problems import FatalError, Problem, Text, said

CONFIG_NAME = "acct.yaml"


CACHE_FOLDER = ".acct-cache"  # where the speed package keeps its store; skipped here as every `.*` folder is


def find_root(explicit: Path | None, start: Path | None = None) -> Path:
    """`--root`, then `ACCT_ROOT`, then the nearest folder upwards holding acct.yaml or commitments/acct.yaml."""
    if explicit is not None:
        return _checked(explicit, "--root")
    from_env = os.environ.get("ACCT_ROOT")
    if from_env:
        return _checked(Path(from_env), "ACCT_ROOT")
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
        if (folder / "commitments" / CONFIG_NAME).is_file():
            return folder / "commitments"
    raise FatalError(
        said(
            "no tracker found in {here} or any folder above it: none holds {config} or commitments/{config}. Run acct "
            "inside a tracker, pass --root PATH, set ACCT_ROOT, or create one with 'acct init'.",
            here=str(here),
            config=CONFIG_NAME,
        )
    )


def _checked(path: Path, source: str) -> Path:
    if not (path / CONFIG_NAME).is_file():
        raise FatalError(
            said(
                "{source} is {path}, but {config_path} does not exist; point it at a folder holding {config}",
                source=source,
                path=str(path),
                config_path=str(path / CONFIG_NAME),
                config=CONFIG_NAME,
            )
        )
    return path.resolve()


def plan_path(person: str, month: str) -> str:
    """Where a plan goes in the suggested layout (FORMAT.md, "Layout")."""
    return f"{month[:4]}/plans/{month}/{person}.yaml"


def commitment_path(unit: str, year: int) -> str:
    return f"{year}/commitments/{unit}.yaml"


def issue_path(issue: str, year: int) -> str:
    return f"{year}/issues/{issue}.yaml"


@dataclass(frozen=True)
class Discovered:
    """The tracker's documents (sorted root-relative POSIX paths) and the problems found while finding them."""

    documents: list[str]
    problems: list[Problem]


Seen = Callable[[str, os.DirEntry[str]], None]


def discover(root: Path, seen: Seen | None = None) -> Discovered:
    """Every document below the root: `*.yaml` / `*.yml` files, skipping folders named `.*` or `_*` and hidden
    files (`.pre-commit-config.yaml` and the like belong to tools). A link to a folder is not followed. A look-alike
    file (`x.yaml.txt`) is a `not-read` warning and a folder that cannot be read an `unreadable` error, so that
    nothing is left out silently. `seen` is told of each document's directory entry, whose stat is cached."""
    documents: list[str] = []
    problems: list[Problem] = []
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            problems.append(_unreadable_folder(folder_entry(prefix.rstrip("/") or "."), unlisted(exc.strerror)))
            continue
        for entry in entries:
            name = shown_name(entry.name)
            if _is_dir(entry):
                if name.startswith((".", "_")):
                    continue
                if entry.is_symlink():
                    problems.append(_unreadable_folder(f"{prefix}{name}/", LINKED))
                else:
                    folders.append((f"{prefix}{name}/", entry.path))
            elif is_document(name):
                documents.append(prefix + name)
                if seen is not None:
                    seen(prefix + name, entry)
            elif is_lookalike(name):
                problems.append(not_read(prefix + name))
    return Discovered(sorted(documents), sorted(problems, key=lambda p: p.sort_key))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _unreadable_folder(path: str, message: Text) -> Problem:
    """A folder whose files are not read: an error, so that they never vanish from a check or a score unseen."""
    return Problem("unreadable", message, path, 1, 1)


def in_plans_folder(path: str) -> bool:
    """Whether a document sits in a `plans` folder, where the suggested layout keeps one plan per person per file."""
    return "plans" in path.split("/")[:-1]


def person_by_name(path: str) -> str:
    """The person the suggested layout names a plan file after: `2023/plans/2023-05/tran-van-b.yaml`."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def tracker_files(root: Path) -> list[str]:
    """The documents below the root (see `discover`)."""
    return discover(root).documents


def shown_name(name: str) -> str:
    """A file or folder name as acct lists it: a name that is not UTF-8 (read with surrogate escapes) is shown with
    \\x escapes instead. No file has that name, so reading it reports it `unreadable`, to be renamed."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def folder_entry(relative: str) -> str:
    """The list entry of a folder that is not read: its root-relative POSIX path with a final '/'."""
    return "./" if relative == "." else relative.replace(os.sep, "/") + "/"


def is_tracker_file(path: str) -> bool:
    """Whether a root-relative POSIX path is a document of the tracker (the same rule as `tracker_files`)."""
    *folders, name = path.split("/")
    return is_document(name) and not any(f.startswith((".", "_")) for f in folders)


def is_document(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


_LOOKALIKE = re.compile(r"\.ya?ml(?:[.~_-].*)?$", re.IGNORECASE)


def is_lookalike(name: str) -> bool:
    """A file name that looks like a mistyped document (`x.yaml.txt`, `x.yml~`, `x.YAML`): acct does not read it,
    so it says so (`not-read`) instead of leaving it out silently."""
    return not name.startswith(".") and not is_document(name) and _LOOKALIKE.search(name) is not None


def not_read(path: str) -> Problem:
    name = path.rsplit("/", 1)[-1]
    stem = _LOOKALIKE.sub("", name)
    return Problem(
        "not-read",
        said(
            "acct does not read this file: only names ending in .yaml or .yml are documents; if it is one, rename it "
            "to {stem}.yaml, else move it out of the tracker",
            stem=stem,
        ),
        path,
        1,
        1,
        severity="warning",
    )
