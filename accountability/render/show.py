"""`acct show` as text: a person's month with each task, its credit and its review, the three steps, the computed and
concluded levels and what is still to be written by whom; a person, a unit, an item, a key issue."""

from __future__ import annotations

from accountability.i18n import Messages
from accountability.i18n.words import ISSUE_STATES, ITEM_STATES, STEPS
from accountability.model import Plan, Task
from accountability.model.tracker import Tracker
from accountability.queries.show import IssueView, ItemView, MonthView, PersonView, UnitView, View
from accountability.render.fields import TASK_STATES, pairs, words
from accountability.render.problems import one_line
from accountability.scoring.people import MonthScore, TaskResult


def as_text(view: View, tracker: Tracker, t: Messages) -> str:
    if isinstance(view, MonthView):
        lines = _month(view, tracker, t)
    elif isinstance(view, PersonView):
        lines = _person(view, tracker, t)
    elif isinstance(view, UnitView):
        lines = _unit(view, tracker, t)
    elif isinstance(view, ItemView):
        lines = _item(view, tracker, t)
    else:
        lines = _issue(view, tracker, t)
    return "\n".join(lines)


def _who(tracker: Tracker, person: str | None, t: Messages) -> str:
    entry = tracker.people.get(person) if person else None
    if entry is None:
        return person or t("no one: set rated_by in org")
    return f"{entry.model.name} ({person})"


def _month(view: MonthView, tracker: Tracker, t: Messages) -> list[str]:
    plan, score = view.plan.model, view.score
    unit = tracker.units.get(view.person.unit)
    lines = [
        t(
            "{name} ({person}), {unit}: work plan for {month} ({path})",
            name=view.person.name,
            person=plan.person,
            unit=unit.model.name if unit else view.person.unit,
            month=t.month(plan.month),
            path=view.plan.path,
        ),
        t("rated by {rater}", rater=_who(tracker, view.rater, t)),
        "",
    ]
    results = {r.id: r for r in score.tasks}
    for task in plan.tasks:
        lines += _task(task, results[task.id], t)
    if not plan.tasks:
        lines.append(t("  no task in this plan"))
    return lines + [""] + _steps(plan, score, t) + _amendments(plan, t) + [_missing(view, tracker, t)]


def _task(task: Task, result: TaskResult, t: Messages) -> list[str]:
    credit = t.number(result.credit, 2) if result.credit is not None else t("—")
    head = f"  {task.id}  {one_line(task.title)}"
    facts = t(
        "given by {by}; due {due}; done {done}: {state}; credit {credit}",
        by=task.assigned_by,
        due=task.due,
        done=t.date(task.done),
        state=t(TASK_STATES[result.state]),
        credit=credit,
    )
    if task.weight != 1:
        facts += t("; weight {weight}", weight=t.figure(task.weight))
    if task.carried_from:
        facts += t("; carried from {ref}", ref=task.carried_from)
    review = task.review
    reviewed = t("no review yet")
    if review is not None:
        shown = {k: v for k, v in review.model_dump(exclude_none=True).items() if k != "excused" or v}
        reviewed = t("review: {review}", review=words(t, shown))
    return [head, f"      {facts}", f"      {reviewed}"]


def _steps(plan: Plan, score: MonthScore, t: Messages) -> list[str]:
    own = plan.self_
    rating = plan.rating
    reviewed = sum(task.review is not None for task in plan.tasks)
    lines = [
        t(
            "step 1, self-assessment: {step}",
            step=words(t, own.model_dump(exclude_none=True)) if own else t("not written"),
        ),
        t("step 2, reviews: {n} of {total} tasks", n=reviewed, total=len(plan.tasks)),
        t(
            "step 3, rating: {rating}",
            rating=words(t, rating.model_dump(exclude_defaults=True)) if rating else t("not written"),
        ),
    ]
    results = t.number(score.task_results, 2) if score.task_results is not None else t("—")
    shown = t.number(score.score, 1) + (t(" (provisional: no rating.general yet)") if score.provisional else "")
    lines.append(
        t(
            "task results {results} of 70; score {score}; computed level {computed}; concluded level {concluded}",
            results=results,
            score=shown,
            computed=t.level(score.computed),
            concluded=t.level(score.concluded),
        )
    )
    return lines


def _amendments(plan: Plan, t: Messages) -> list[str]:
    return [
        t(
            "amendment of {on}{task}: {set}; {reason}; approved by {by}",
            on=a.on,
            task=f" ({a.task})" if a.task else "",
            set=pairs(t, a.set),
            reason=one_line(a.reason),
            by=a.approved_by,
        )
        for a in plan.amendments
    ]


def _missing(view: MonthView, tracker: Tracker, t: Messages) -> str:
    if not view.missing:
        return t("nothing is missing: the three steps are written")
    parts = []
    for gap in view.missing:
        who = _who(tracker, gap.who, t)
        if gap.step == "self":
            parts.append(t("the self-assessment, by {who}", who=who))
        elif gap.step == "review":
            parts.append(t("the review of {task}, by {who}", task=gap.task, who=who))
        else:
            parts.append(t("the rating, by {who}", who=who))
    return t("still to write: {parts}", parts="; ".join(parts))


def _person(view: PersonView, tracker: Tracker, t: Messages) -> list[str]:
    person = view.person
    lines = [
        t(
            "{name} ({person}), {title}{unit}",
            name=person.name,
            person=person.id,
            title=f"{person.title}, " if person.title else "",
            unit=view.unit.name if view.unit else person.unit,
        ),
        t("rated by {rater}", rater=_who(tracker, view.rater, t)),
        "",
    ]
    for month in view.months:
        lines.append(
            t(
                "  {month}: score {score}{provisional}; computed {computed}; concluded {concluded}",
                month=t.month(month.month),
                score=t.number(month.score, 1),
                provisional=t(" (provisional)") if month.provisional else "",
                computed=t.level(month.computed),
                concluded=t.level(month.concluded),
            )
        )
    if not view.months:
        lines.append(t("  no plan this year"))
    for entry in person.discipline:
        lines.append(t("discipline on {on}: {form}", on=entry.on, form=one_line(entry.form)))
    step = view.escalation.step
    lines.append(
        t(
            "times assigned work was not completed in {year}: {n}{step}",
            year=str(view.escalation.year),
            n=view.escalation.count,
            step=t(" (step: {step})", step=t(STEPS[step])) if step else "",
        )
    )
    return lines


def _unit(view: UnitView, tracker: Tracker, t: Messages) -> list[str]:
    unit = view.unit
    lines = [
        t("{name} ({unit})", name=unit.name, unit=unit.id),
        t("head: {head}", head=_who(tracker, unit.head, t) if unit.head else t("—")),
        t("people: {people}", people=", ".join(f"{p.name} ({p.id})" for p in view.people) or t("—")),
    ]
    if view.commitment is None:
        lines.append(t("no commitment for this year"))
    else:
        lines.append(t("commitment: {path}", path=view.commitment.path))
        for result in view.items:
            lines.append(
                t("  {item}: {state}", item=f"{result.group}/{result.item.id}", state=t(ITEM_STATES[result.state]))
            )
    for issue in view.issues:
        lines.append(t("key issue {issue}: due {due}", issue=issue.model.id, due=issue.model.due))
    return lines


def _item(view: ItemView, tracker: Tracker, t: Messages) -> list[str]:
    item, result = view.result.item, view.result
    lines = [
        f"{view.commitment.model.unit}/{item.id}: {one_line(item.title)} ({view.commitment.path})",
        t(
            "owner {owner}; due {due}; {state}",
            owner=_who(tracker, item.owner, t),
            due=item.due,
            state=t(ITEM_STATES[result.state]),
        ),
    ]
    if item.target is not None:
        lines.append(t("target {target}", target=words(t, item.target.model_dump(exclude_none=True))))
    lines += [t("  report {on}: {value}", on=r.on, value=t.figure(r.value)) for r in item.reports]
    lines += [
        t("amendment of {on}: {set}; approved by {by}", on=a.on, set=pairs(t, a.set), by=a.approved_by)
        for a in view.amendments
    ]
    return lines


def _issue(view: IssueView, tracker: Tracker, t: Messages) -> list[str]:
    issue = view.issue.model
    return [
        f"{issue.id}: {one_line(issue.title)} ({view.issue.path})",
        t(
            "lead {lead}; handled by {unit}; raised {raised}",
            lead=_who(tracker, issue.lead, t),
            unit=issue.handled_by,
            raised=issue.raised,
        ),
        t(
            "due {due}; resolved {resolved}: {state}",
            due=issue.due,
            resolved=t.date(issue.resolved),
            state=t(ISSUE_STATES[view.state]),
        ),
    ]
