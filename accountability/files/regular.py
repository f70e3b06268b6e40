"""Reading a tracker file's bytes: only a regular file of the tracker, of a bounded size, and never waiting.

A file name in a pull request may be anything git can hold: a symbolic link to `/dev/zero`, to a secret outside the
repository, or (on a machine) a named pipe that nobody writes to. Each is refused with its reason before a byte is
read: the file is opened without following a link and without blocking, and what was opened must be a regular file
no larger than MAX_FILE. A link is followed only to a file inside the tracker's folder and outside its hidden folders
(`.git/` holds the credentials of a CI checkout).
"""

from __future__ import annotations

import errno
import os
import stat

from accountability.i18n import N_
from accountability.problems import Text, said

MAX_FILE = 2 * 1024 * 1024  # bytes; the district benchmark's largest file (org.yaml, 1,500 people) is about 200 KB
_NO_WAIT = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
KINDS = {
    stat.S_IFIFO: N_("a named pipe (FIFO)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFDIR: N_("a folder"),
}


def unlisted(reason: str | None) -> Text:
    return said(
        "cannot list the folder: {reason}, so none of its files are read; let acct list it (chmod u+rx)",
        reason=reason,
    )


LINKED = said(
    "this is a symbolic link to a folder, which acct does not follow (a link could make it read files twice or outside"
    " the tracker); move the folder here, or link each file"
)


class Unreadable(Exception):
    """Why a file cannot be read: the sentence of its `unreadable` problem."""

    def __init__(self, reason: Text) -> None:
        super().__init__(str(reason))
        self.reason = reason


def read_regular(root: str, path: str) -> bytes:
    """The bytes of the tracker file `path` (root-relative, POSIX), or Unreadable with the reason. A path with a
    final '/' is a folder that `tracker_files` could not list or would not follow: always Unreadable."""
    full = os.path.join(root, path)
    if path.endswith("/"):
        raise Unreadable(_folder(full))
    try:
        fd = os.open(full, _NO_WAIT)
    except OSError as exc:
        if exc.errno == errno.ENOENT and "\\x" in path and not os.path.lexists(full):
            raise Unreadable(
                said("the file's name is not valid UTF-8 (shown here with \\x escapes); rename it")
            ) from None
        if exc.errno != errno.ELOOP:
            raise Unreadable(
                said("cannot read the file: {reason}; check its permissions", reason=exc.strerror)
            ) from None
        fd = _open_link(root, path, full)
    with open(fd, "rb") as handle:
        st = os.fstat(fd)
        kind = stat.S_IFMT(st.st_mode)
        if kind != stat.S_IFREG:
            what = Text(KINDS.get(kind, N_("not a regular file")))
            raise Unreadable(said("cannot read the file: it is {what}; acct reads only regular files", what=what))
        data = handle.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise Unreadable(
            said(
                "cannot read the file: it is larger than {limit} bytes, the limit for one file; split it into smaller "
                "files",
                limit=float(MAX_FILE),
            )
        )
    return data


def _open_link(root: str, path: str, full: str) -> int:
    """A symbolic link, opened at its target if that is another document of the tracker."""
    target = os.path.realpath(full)
    inside = os.path.relpath(target, os.path.realpath(root)).replace(os.sep, "/")
    if inside == "." or inside.startswith("../") or any(part.startswith(".") for part in inside.split("/")):
        raise Unreadable(
            said(
                "cannot read the file: it is a symbolic link to {target}, which is outside the tracker; a link may "
                "only point at a file in the tracker's folder, outside hidden folders such as .git",
                target=target,
            )
        )
    try:
        return os.open(target, _NO_WAIT)
    except OSError as exc:
        raise Unreadable(
            said(
                "cannot read the file: it is a symbolic link to {target}: {reason}", target=inside, reason=exc.strerror
            )
        ) from None


def _folder(full: str) -> Text:
    if os.path.islink(full.rstrip("/")):
        return LINKED
    try:
        os.scandir(full).close()
    except OSError as exc:
        return unlisted(exc.strerror)
    return said("the folder could not be listed when acct looked; run acct again")
