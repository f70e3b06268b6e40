"""Finding the tracker's root and its files (FORMAT.md, "Layout")."""

from __future__ import annotations

import os
from pathlib import Path

from accountability.problems import FatalError

CONFIG_NAME = "acct.yaml"


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
        f"no tracker found in {here} or any folder above it: none holds {CONFIG_NAME} or commitments/{CONFIG_NAME}. "
        "Run acct inside a tracker, pass --root PATH, set ACCT_ROOT, or create one with 'acct init'."
    )


def _checked(path: Path, source: str) -> Path:
    if not (path / CONFIG_NAME).is_file():
        raise FatalError(
            f"{source} is {path}, but {path / CONFIG_NAME} does not exist; point it at a folder holding {CONFIG_NAME}"
        )
    return path.resolve()


def tracker_files(root: Path) -> list[str]:
    """Every *.yaml / *.yml below the root, as sorted root-relative POSIX paths, skipping folders named .* or _*
    and hidden files (.pre-commit-config.yaml and the like belong to tools, not to the tracker).

    A folder that cannot be listed, or a link to a folder (not followed), is in the list too, as its path with a
    final '/': reading it reports it `unreadable`, so that its files never vanish from a check or a score unseen."""
    found: list[str] = []
    base = str(root)

    def unlisted(error: OSError) -> None:
        found.append(folder_entry(shown_name(os.path.relpath(error.filename, base))))

    for folder, dirs, files in os.walk(base, onerror=unlisted):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        rel = os.path.relpath(folder, base)
        prefix = "" if rel == "." else shown_name(rel.replace(os.sep, "/")) + "/"  # strings: 18,000 files add up
        found.extend(prefix + shown_name(name) for name in files if is_document(name))
        linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        found.extend(prefix + shown_name(name) + "/" for name in linked)
    return sorted(found)


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
