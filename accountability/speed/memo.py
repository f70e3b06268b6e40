"""Replaying a read command's output when neither the tracker nor the command line changed.

A check or a score is a pure function of the tracker's bytes, the arguments (--root as given), the judging date, the
working directory (github and sarif paths are relative to it), the environment variables that shape output
(ENVIRONMENT) and acct's version. So its output (stdout, stderr and exit code) is kept in the cache under a key
covering all of them, and the same command on the same tracker prints it again without loading a single document. Any edit, any other argument, or
another day (when --as-of is not given) is a new key, computed afresh.

Only for output to files and pipes: on a terminal the output depends on the terminal (width, colour), and the
progress bar is live. Never with --no-cache, nor when a GitHub step summary is to be written (a side effect).

Reading every file to compute the key would be most of a replay's time, so, like git's index, the key is also kept
under the tracker files' stamps (times, sizes, inodes), and reused while no stamp changes. Stamps are kept only when
every file is older than 2 s, so a file changed twice within one tick of the clock is never mistaken for unchanged.
On a miss, only the files changed since the last check are read (`accountability.speed.sharded.scan`), and the check that
follows reuses that scan. On a first run (no index, no cached document) nothing is read beforehand: there is nothing
to replay, and the check's workers compute every file's key as they read it.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext, redirect_stderr, redirect_stdout
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import typer

from accountability.files.discover import find_root
from accountability.speed.cache import Cache, content_key
from accountability.speed.sharded import Scan, digest, look, read_index, scan, scanned, settled, stamps_of

F = TypeVar("F", bound=Callable[..., Any])
ENVIRONMENT = ("ACCT_ROOT", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM")  # what output may depend on


_NOW: ContextVar[Scan | None] = ContextVar("scan_of_the_run", default=None)


def current_keys() -> dict[str, str] | None:
    """The file keys that the running memoized command already knows (from its scan, or filled in by a check since),
    so the load need not read them again."""
    now = _NOW.get()
    return now.keys if now is not None and now.complete else None


def memoized(func: F) -> F:
    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        if (
            kwargs.get("no_cache")
            or sys.stdout.isatty()
            or sys.stderr.isatty()
            or os.environ.get("GITHUB_STEP_SUMMARY")
        ):
            return func(**kwargs)
        root = find_root(kwargs.get("root"))
        as_of = kwargs.get("as_of") or dt.date.today().isoformat()
        try:
            here = os.getcwd()  # github and sarif paths are relative to it
        except OSError:
            return func(**kwargs)
        arguments = [func.__name__, str(root), f"as_of={as_of}", f"cwd={here}"]
        arguments += [f"{name}={_plain(value)}" for name, value in sorted(kwargs.items()) if name != "as_of"]
        arguments += [f"${name}={os.environ.get(name)}" for name in ENVIRONMENT]
        store = Cache(root, verify=False)  # a damaged store only fails a lookup, which is then a miss
        try:
            return _replay_or_run(func, kwargs, root, arguments, store)
        finally:
            store.close()

    return wrapper  # type: ignore[return-value]


def _replay_or_run(
    func: Callable[..., Any], kwargs: dict[str, Any], root: Path, arguments: list[str], store: Cache
) -> None:
    stamps = stamps_of(root)
    stamps_key = "stamps:" + digest(repr(sorted(stamps.items())))
    known = store.get_result(stamps_key)
    now = None if known else look(root, store, stamps)  # reads only the files changed since the last check
    if now is None or not now.unread:  # (an unread scan is a first run: nothing to replay)
        content = known.decode() if known else content_key(now.keys)  # type: ignore[union-attr]
        if content is None:  # an unreadable file: nothing is kept
            return _replay(_run(func, kwargs, now))
        stored = store.get_result(digest(content, *arguments))
        if stored is not None:
            return _replay(json.loads(stored))
        now = now if now is not None else scan(root, read_index(store), stamps)
    result = _run(func, kwargs, now)
    if not now.complete:  # an unread scan that the command did not fill in
        now = scan(root, read_index(store), stamps)
    content = content_key(now.keys)
    # A check right after an edit (files changed since the last check) is not kept: re-stamping every file to make
    # sure none changed during the run is not free, an edit is usually followed by more, and the check has already
    # kept its parts (accountability.speed.sharded). Any other result is kept, if no file changed during the run.
    after_edit = func.__name__ == "check" and now.index is not None and bool(now.changed)
    if content is not None and not after_edit and stamps_of(root) == stamps:
        store.put_result(digest(content, *arguments), json.dumps(result).encode("utf-8"))
        if known is None and all(settled(stamp) for stamp in stamps.values()):
            store.put_result(stamps_key, content.encode())
    return _replay(result)


def _run(func: Callable[..., Any], kwargs: dict[str, Any], now: Scan | None) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    token = _NOW.set(now)
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err), scanned(now) if now is not None else nullcontext():
            func(**kwargs)
    except typer.Exit as exc:
        code = exc.exit_code
    except BaseException:
        sys.stdout.write(out.getvalue())  # what was printed before the failure is still shown
        sys.stderr.write(err.getvalue())
        raise
    finally:
        _NOW.reset(token)
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _replay(result: dict[str, Any]) -> None:
    sys.stdout.write(result["out"])
    sys.stderr.write(result["err"])
    if result["code"]:
        raise typer.Exit(result["code"])


def _plain(value: Any) -> str:
    return str(value.value if hasattr(value, "value") else value)
