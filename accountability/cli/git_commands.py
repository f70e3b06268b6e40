"""The commands for working in git: init, codeowners and diff."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accountability.authoring.init import init as init_tracker
from accountability.cli.app import app
from accountability.cli.options import (
    LangOption,
    RootOption,
    guarded,
    parse_lang,
    session,
    warn,
)
from accountability.codes import FILE_CODES
from accountability.files.atomic import write_atomic
from accountability.files.discover import find_root
from accountability.files.git import toplevel
from accountability.i18n import Messages, messages
from accountability.problems import Problem
from accountability.queries.codeowners import codeowners as make_codeowners
from accountability.queries.diff import diff_trackers
from accountability.queries.revision import side
from accountability.render import diff as render_diff
from accountability.render import problems as render_problems


@app.command()
@guarded
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the tracker (default: here).")] = Path("."),
    lang: LangOption = None,
) -> None:
    """Create a new tracker: acct.yaml, an org.yaml to fill in, a CI workflow and a pre-commit hook."""
    t = messages(parse_lang(lang), None)
    for path, action in init_tracker(folder):
        shown = os.path.relpath(path)
        typer.echo(
            t("created {path}", path=shown) if action == "created" else t("added .acct-cache/ to {path}", path=shown)
        )
    typer.echo(t("next: fill in org.yaml, then run: acct check"))


@app.command()
@guarded
def codeowners(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write CODEOWNERS here (default: print it).")
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Write CODEOWNERS from org: commitments need their body's head, plans the person's rater."""
    parse_lang(lang)
    when = dt.date.today()
    tracker_root = find_root(root)
    with session(tracker_root, lang=lang) as run:
        tracker = run.valid(when).tracker
        t = run.messages(tracker)
    owners = make_codeowners(tracker, toplevel(tracker_root))
    text = "\n".join(owners.lines) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        rules = t.plural("{n} rule", "{n} rules", len(owners.lines) - 2)
        warn(t("wrote {path}: {rules}", path=str(output), rules=rules))
    if owners.without_handle:
        unowned = t.plural(
            "{n} file has no owner until a handle: is added",
            "{n} files have no owner until a handle: is added",
            len(owners.unowned),
        )
        people = ", ".join(owners.without_handle)
        warn(t("people with no handle in org: {people}; {unowned}", people=people, unowned=unowned))


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
@guarded
def diff(
    base: Annotated[str, typer.Argument(help="The git revision to compare from, e.g. origin/main.")],
    head: Annotated[
        str | None,
        typer.Argument(help="The revision to compare to (default: the working tree, uncommitted files included)."),
    ] = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", help="Output format; md is a pull-request comment.")
    ] = DiffFormat.text,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Compare commitments, plans, org and key issues between two git revisions; fail on a weakening change, or a
    change to a concluded month, that no amendment approves."""
    parse_lang(lang)
    when = dt.date.today()  # only files that do not load stop a diff, whatever the judging date
    tracker_root = find_root(root)
    top = toplevel(tracker_root)
    with session(tracker_root, lang=lang) as run:
        before = side(base, tracker_root, top, when, run.runner)
        after = side(head, tracker_root, top, when, run.runner)
        t = run.messages(after.tracker)
    head_name = head or "working tree"
    _refuse_unloadable(after.problems, after.files, head, t)
    if any(p.severity == "error" and p.code in FILE_CODES for p in before.problems):
        warning = t("some files do not load in {base}; their commitments count as absent there", base=base)
        warn(f"acct: {t('warning')}: {warning}")
    changes = diff_trackers(before.tracker, after.tracker)
    t = messages(lang, after.tracker.config.language)
    if format is DiffFormat.json:
        typer.echo(render_diff.as_json(changes, base, head_name))
    elif format is DiffFormat.md:
        typer.echo(render_diff.as_markdown(t, changes, base, head_name))
    else:
        typer.echo(render_diff.as_text(t, changes, base, head_name))
    raise typer.Exit(1 if any(c.unapproved for c in changes) else 0)


def _refuse_unloadable(problems: list[Problem], files: int, head: str | None, t: Messages) -> None:
    """A file of HEAD that does not load would read as every one of its items removed: list its errors, exit 1."""
    errors = [p for p in problems if p.severity == "error" and p.code in FILE_CODES]
    if errors:
        warn(render_problems.as_text(errors, files, t))
        where = head if head is not None else t("working tree")
        refusal = t("files in {head} do not load, so their changes cannot be judged; fix them (acct check)", head=where)
        warn(f"acct: {refusal}")
        raise typer.Exit(1)
