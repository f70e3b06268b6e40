"""The month's work as commands (CLI.md, "The month's work"): add task, self, review, rate; and resolve and amend for
key issues and commitments. Each is an edit as `done` is: byte for byte, atomic, validated first."""

from __future__ import annotations

from typing import Annotated

import typer

from accountability.authoring import amend as amending
from accountability.authoring import edits, newfiles
from accountability.authoring import month as steps
from accountability.authoring.concluded import Approval, Refused
from accountability.authoring.refs import known_person, person_month
from accountability.authoring.values import parse_level, parse_number
from accountability.cli.app import app
from accountability.cli.editing import AmendOption, ApprovedByOption, Editing, OnOption, editing, person_of, spoken
from accountability.cli.options import AsOfOption, LangOption, RootOption, parse_date
from accountability.cli.writing import YearOption, parse_month
from accountability.i18n import Messages
from accountability.problems import FatalError, said
from accountability.render.fields import TASK_STATES
from accountability.scoring.people import TaskResult
from accountability.scoring.rules import rules_for

GeneralOption = Annotated[
    str, typer.Option("--general", help="The general criteria, 0–30 (tiêu chí chung), e.g. 27 or 27,5.")
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        help="excellent|good|done|not-done, the official name or HTXSNV|HTTNV|HTNV|KHTNV (default: computed).",
    ),
]

add_app = typer.Typer(help="Add to the month's plan.", no_args_is_help=True)
app.add_typer(add_app, name="add")


@add_app.command("task")
@spoken
def add_task(
    person: Annotated[str, typer.Argument(help="The person's id.")],
    month: Annotated[str, typer.Argument(help="YYYY-MM.")],
    title: Annotated[str, typer.Argument(help="The task, in words.")],
    due: Annotated[str, typer.Option("--due", help="The deadline, YYYY-MM-DD, within the month.")],
    assigned_by: Annotated[
        str | None,
        typer.Option("--assigned-by", help="Who gives the task (default: you, by ACCT_USER or git's user.email)."),
    ] = None,
    commitment: Annotated[
        str | None, typer.Option("--commitment", help="The commitment item it serves, as unit/item.")
    ] = None,
    weight: Annotated[str | None, typer.Option("--weight", help="The task's weight (default 1).")] = None,
    on: OnOption = None,
    amend: AmendOption = None,
    approved_by: ApprovedByOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Add a task to the person's plan, with the next free id tN; the plan is written first when there is none."""
    month = parse_month(month)
    with editing(root, lang, as_of, on, person_of(person)) as ed:
        known_person(ed.tracker, person)
        task = steps.NewTask(
            title,
            ed.by(assigned_by, "--assigned-by"),
            parse_date(due, "--due"),
            commitment,
            parse_number(weight, "--weight") if weight is not None else None,
        )
        written = steps.Written()
        if ed.tracker.plan(person, month) is None:
            new = edits.edited(newfiles.new_plan(ed.tracker, person, month, ed.t), steps.add_task(task, None, written))
            ed.create([new])
            typer.echo(ed.t("created {path}", path=new.path))
            path = new.path
        else:
            target = edits.whole_plan(ed.tracker, person, month)
            ed.save(target, steps.add_task(task, ed.approval(amend, approved_by, person, int(month[:4])), written))
            path = target.doc.path
    typer.echo(
        ed.t(
            "{person}/{month}/{task}: added, due {due}, given by {by} ({path})",
            person=person,
            month=month,
            task=written.task,
            due=task.due,
            by=task.assigned_by,
            path=path,
        )
    )


@app.command("self")
@spoken
def self_assessment(
    ref: Annotated[str, typer.Argument(metavar="PERSON/MONTH", help="The person's month, e.g. tran-van-b/2023-05.")],
    general: GeneralOption,
    level: LevelOption = None,
    on: OnOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Step 1, the self-assessment: the score is --general plus the task results that acct computes."""
    person, month = person_month(ref)
    chosen = parse_level(level, "--level") if level is not None else None
    with editing(root, lang, as_of, on, person_of(person)) as ed:
        points = _general(ed, general)
        target = edits.whole_plan(ed.tracker, person, month)
        written = steps.Written()
        rules = rules_for(ed.tracker.config)
        ed.save(
            target,
            steps.self_assessment(points, chosen, ed.step_date(), ed.tracker.people[person].model, rules, written),
        )
    typer.echo(
        ed.t(
            "{ref}: self-assessment on {day}: score {score} = {general} (general criteria) + {results} (task results), "
            "level {level} ({path})",
            ref=ref,
            day=written.on,
            score=ed.t.number(written.score, 1),
            general=ed.t.figure(points),
            results=ed.t.number(written.task_results, 2),
            level=ed.t.level(written.level),
            path=target.doc.path,
        )
    )


@app.command()
@spoken
def review(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="PERSON/MONTH[/TASK]", help="One task (tran-van-b/2023-05/t1), or a month with --all-ok."
        ),
    ],
    fails: Annotated[
        int | None, typer.Option("--fails", min=0, max=1000, help="Quality checks the task failed (default 0).")
    ] = None,
    delays: Annotated[
        int | None, typer.Option("--delays", min=0, max=1000, help="Delays (default: 1 when done after its due date).")
    ] = None,
    excused: Annotated[bool, typer.Option("--excused", help="An objective cause, confirmed: no deductions.")] = False,
    note: Annotated[str | None, typer.Option("--note", help="The assigner's comment.")] = None,
    all_ok: Annotated[
        bool, typer.Option("--all-ok", help="Review every unreviewed task that --by gave, with no deductions.")
    ] = False,
    by: Annotated[str | None, typer.Option("--by", help="With --all-ok: the assigner (default: you).")] = None,
    on: OnOption = None,
    amend: AmendOption = None,
    approved_by: ApprovedByOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Step 2, the assigner's review of a task (ai giao việc thì người đó đánh giá)."""
    parts = ref.split("/")
    single = len(parts) == 3
    if single == all_ok or (not single and (fails is not None or delays is not None or excused or note)):
        raise FatalError(
            said(
                "write PERSON/MONTH/TASK with --fails, --delays, --excused, --note; or PERSON/MONTH --all-ok --by ASSIGNER"
            )
        )
    if single and by is not None:
        raise FatalError(said("--by goes with --all-ok: a task's review is its assigner's"))
    person, month = person_month("/".join(parts[:2]))
    with editing(root, lang, as_of, on, person_of(person)) as ed:
        rules = rules_for(ed.tracker.config)
        approval = ed.approval(amend, approved_by, person, int(month[:4]))
        written = steps.Written()
        if single:
            target = edits.plan_task(ed.tracker, person, month, parts[2])
            fields = _review_fields(fails, delays, excused, note)
            ed.save(target, steps.review(parts[2], fields, ed.step_date(), approval, rules, written))
        else:
            target = edits.whole_plan(ed.tracker, person, month)
            assigner = ed.by(by)
            if not steps.unreviewed(target.doc.model, assigner):  # type: ignore[arg-type]
                typer.echo(ed.t("{ref}: no task given by {by} is waiting for its review", ref=ref, by=assigner))
                return
            ed.save(target, steps.review_all(assigner, ed.step_date(), approval, rules, written))
    typer.echo(ed.t("{ref}: reviewed on {day} ({path})", ref=ref, day=written.on, path=target.doc.path))
    for result in written.reviewed:
        typer.echo(_judged(ed.t, result))


def _review_fields(fails: int | None, delays: int | None, excused: bool, note: str | None) -> dict[str, object]:
    fields: dict[str, object] = {} if fails is None else {"quality_fails": fails}
    if delays is not None:
        fields["delays"] = delays
    if excused:
        fields["excused"] = True
    if note:
        fields["note"] = note
    return fields


def _judged(t: Messages, result: TaskResult) -> str:
    credit = t.number(result.credit, 2) if result.credit is not None else t("—")
    return t("  {task}: credit {credit}, {state}", task=result.id, credit=credit, state=t(TASK_STATES[result.state]))


@app.command()
@spoken
def rate(
    ref: Annotated[str, typer.Argument(metavar="PERSON/MONTH", help="The person's month, e.g. tran-van-b/2023-05.")],
    general: GeneralOption,
    level: LevelOption = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why, when the level is above the computed one.")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="The rater (default: you, by ACCT_USER or git's user.email).")
    ] = None,
    on: OnOption = None,
    amend: AmendOption = None,
    approved_by: ApprovedByOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Step 3, the rating by the competent level; the level defaults to the computed one."""
    person, month = person_month(ref)
    chosen = parse_level(level, "--level") if level is not None else None
    with editing(root, lang, as_of, on, person_of(person)) as ed:
        points = _general(ed, general)
        target = edits.whole_plan(ed.tracker, person, month)
        rater = _rater(ed, ed.by(by), person, int(month[:4]))
        decision = steps.Decision(rater, points, chosen, reason, ed.step_date())
        approval = ed.approval(amend, approved_by, person, int(month[:4]))
        written = steps.Written()
        rules = rules_for(ed.tracker.config)
        ed.save(target, steps.rate(decision, ed.tracker.people[person].model, rules, approval, written))
    typer.echo(
        ed.t(
            "{ref}: rated {level} on {day} by {by}; score {score} = {general} (general criteria) + {results} (task "
            "results), computed level {computed} ({path})",
            ref=ref,
            level=ed.t.level(written.level),
            day=written.on,
            by=rater,
            score=ed.t.number(written.score, 1),
            general=ed.t.figure(points),
            results=ed.t.number(written.task_results, 2),
            computed=ed.t.level(written.computed),
            path=target.doc.path,
        )
    )


def _rater(ed: Editing, by: str, person: str, year: int) -> str:
    """`--by`, when it may conclude the person's rating: the rater, or someone above the rater (FORMAT.md)."""
    if by in ed.tracker.rating_approvers(person, year):
        return by
    rater = ed.tracker.rater(person, year)
    raise Refused(
        said(
            "{by} may not rate {person}: the rater is {rater} (FORMAT.md, who rates whom), or someone above the rater",
            by=by,
            person=person,
            rater=rater or "—",
        )
    )


def _general(ed: Editing, text: str) -> float:
    points = parse_number(text, "--general")
    most = rules_for(ed.tracker.config).general_max
    if not 0 <= points <= most:
        raise FatalError(
            said("--general {value} is out of range: the general criteria score 0 to {most}", value=text, most=most)
        )
    return points


@app.command()
@spoken
def resolve(
    issue: Annotated[str, typer.Argument(help="The key issue's id.")],
    on: OnOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Mark a key issue resolved, editing only the line it adds."""
    with editing(root, lang, as_of, on) as ed:
        target = edits.whole_issue(ed.tracker, issue)
        ed.save(target, edits.resolved(ed.day, issue))
        due = target.doc.model.due  # type: ignore[union-attr]
    when = ed.t("on time") if ed.day <= due else ed.t("late")
    typer.echo(
        ed.t(
            "{issue}: resolved on {day}, due {due}: {when} ({path})",
            issue=issue,
            day=ed.day,
            due=due,
            when=when,
            path=target.doc.path,
        )
    )


@app.command("amend")
@spoken
def amend_command(
    ref: Annotated[
        str, typer.Argument(metavar="UNIT/ITEM|ISSUE", help="A commitment item (with --year) or a key issue.")
    ],
    set_: Annotated[list[str], typer.Option("--set", help="FIELD=VALUE, e.g. due=2023-08-31; repeat for several.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (lý do điều chỉnh).")],
    approved_by: Annotated[str, typer.Option("--approved-by", help="The unit or person who approved it.")],
    on: OnOption = None,
    year: YearOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Change a commitment item's or a key issue's fields, and write the amendment that approves it, in one edit."""
    with editing(root, lang, as_of, on) as ed:
        if approved_by not in ed.tracker.people and approved_by not in ed.tracker.units:
            raise FatalError(ed.t("--approved-by '{who}' is neither a person nor a unit in org", who=approved_by))
        if not reason.strip():
            raise FatalError(ed.t("--reason needs the reason for the change"))
        approval = Approval(ed.day, reason.strip(), approved_by)
        if "/" in ref:
            target = edits.resolve(ed.tracker, ref, year or ed.day.year)
            values = amending.parse_sets(set_, amending.ITEM_FIELDS)
            ed.save(target, amending.amend_item(values, approval, target.label))
        else:
            target = edits.whole_issue(ed.tracker, ref)
            values = amending.parse_sets(set_, amending.ISSUE_FIELDS)
            ed.save(target, amending.amend_issue(values, approval))
    typer.echo(
        ed.t(
            "{label}: amended ({fields}), approved by {who} on {day} ({path})",
            label=target.label,
            fields=", ".join(values),
            who=approved_by,
            day=ed.day,
            path=target.doc.path,
        )
    )
