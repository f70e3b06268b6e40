"""What the commands that write share: their options, errors in the reader's language, and the edit's path through
the engine (validated, warned about, refused or written)."""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from accountability.authoring import edits
from accountability.authoring.concluded import Approval, Refused
from accountability.authoring.month import When
from accountability.authoring.newfiles import NewFile
from accountability.authoring.values import who
from accountability.cli.options import Session, parse_as_of, parse_date, parse_lang, session
from accountability.engine import with_plans_of
from accountability.files.discover import find_root
from accountability.files.read import load_file
from accountability.i18n import DEFAULT, Messages, messages
from accountability.model import Config
from accountability.model.tracker import Tracker
from accountability.problems import FatalError, Problem, Text
from accountability.render import problems as render_problems

OnOption = Annotated[str | None, typer.Option("--on", help="The date, YYYY-MM-DD (default: --as-of, else today).")]
AmendOption = Annotated[
    str | None,
    typer.Option(
        "--amend", help="Why a concluded month changes; writes the amendment in the same edit.", metavar="REASON"
    ),
]
ApprovedByOption = Annotated[
    str | None,
    typer.Option("--approved-by", help="Who approved the amendment (default: the person's rater).", metavar="PERSON"),
]

F = TypeVar("F", bound=Callable[..., Any])


def spoken(func: F) -> F:
    """A FatalError (exit 2) and a refusal (exit 1, nothing written) said on stderr in the reader's language."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FatalError as exc:
            t = language(kwargs.get("lang"), kwargs.get("root"))
            typer.echo(f"acct: {in_words(t, exc.args[0] if exc.args else '')}", err=True)
            raise typer.Exit(2) from None
        except Refused as refused:
            t = language(kwargs.get("lang"), kwargs.get("root"))
            typer.echo("acct: " + t("refused: {why}", why=in_words(t, refused.text)), err=True)
            if refused.problems:
                typer.echo(render_problems.as_text(refused.problems, 1).rsplit("\n", 1)[0], err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def in_words(t: Messages, message: object) -> str:
    return t.text(message) if isinstance(message, Text) else str(message)


def language(lang: str | None, root: Path | None) -> Messages:
    """--lang, else the tracker's acct.yaml, else English; never an error, since it says one."""
    try:
        configured = _configured(find_root(root))
    except FatalError:
        configured = None
    try:
        return messages(lang, configured)
    except FatalError:
        return Messages(DEFAULT)


def _configured(root: Path) -> str | None:
    config = load_file(root, "acct.yaml").model
    return config.language if isinstance(config, Config) else None


@dataclass
class Editing:
    """One writing command's tracker, language, dates and session."""

    run: Session
    tracker: Tracker
    t: Messages
    when: dt.date  # --as-of
    day: dt.date  # --on, else --as-of
    on: dt.date | None = None  # --on, when given
    baseline: edits.Baseline | None = None  # the tracker's problems as read

    def save(self, target: edits.Editable, edit: edits.Edit) -> None:
        edits.save(self.run.root, target, edit, self.when, self.run.runner_for, self.warn, self.baseline)

    def create(self, files: Sequence[NewFile]) -> None:
        edits.create(self.run.root, files, self.when, self.run.runner_for, self.warn, self.baseline)

    def warn(self, problems: list[Problem]) -> None:
        """Warnings the edit adds, said before it is written."""
        for p in problems:
            typer.echo(self.t("warning: {path}: {text}", path=p.path, text=p.text), err=True)

    def approval(self, reason: str | None, approved_by: str | None, person: str, year: int) -> Approval | None:
        """--amend and --approved-by; the approver defaults to the person's rater, and the amendment is dated --as-of
        (today), when it is written: --on dates what it changes."""
        if reason is None:
            if approved_by is not None:
                raise FatalError(self.t("--approved-by goes with --amend REASON"))
            return None
        if not reason.strip():
            raise FatalError(self.t("--amend needs the reason for the change"))
        approver = approved_by or self.tracker.rater(person, year)
        if approver is None:
            raise FatalError(self.t("{person} has no rater to approve the change; pass --approved-by", person=person))
        if approver not in self.tracker.people and approver not in self.tracker.units:
            raise FatalError(self.t("--approved-by '{who}' is neither a person nor a unit in org", who=approver))
        return Approval(self.when, reason.strip(), approver)

    def step_date(self) -> When:
        """A step's date: --on, else the date it has when written again, else --as-of."""
        return When(self.on, self.when)

    def by(self, given: str | None, option: str = "--by") -> str:
        return who(self.tracker, given, option)


People = Callable[[Tracker], Iterable[str]]


def nobody(core: Tracker) -> Iterable[str]:
    return ()


def person_of(ref: str) -> People:
    """The person a reference names (person/YYYY-MM/task, person/YYYY-MM, person), when it names one."""
    head = ref.partition("/")[0]
    return lambda core: [head] if head in core.people else []


def people_of(unit: str) -> People:
    """The people of a unit."""
    return lambda core: [pid for pid, entry in core.people.items() if entry.model.unit == unit]


@contextmanager
def editing(
    root: Path | None, lang: str | None, as_of: str | None, on: str | None = None, plans_of: People = nobody
) -> Iterator[Editing]:
    """The tracker as it is now, for a command that writes, with the plans of the people `plans_of` names (from
    the core: acct.yaml, org, commitments, key issues); reading every plan would cost seconds on a district."""
    when = parse_as_of(as_of)
    day = parse_date(on, "--on") if on else when
    parse_lang(lang)
    tracker_root = find_root(root)
    with session(tracker_root) as run:
        read_from = time.time_ns()
        outcome = run.outcome(when, keep_plans=False)
        tracker = with_plans_of(outcome, run.runner, set(plans_of(outcome.tracker)))
        t = messages(lang, outcome.tracker.config.language)
        baseline = edits.Baseline(outcome.problems, read_from)
        yield Editing(run, tracker, t, when, day, parse_date(on, "--on") if on else None, baseline)
