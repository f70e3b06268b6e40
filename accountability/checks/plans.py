"""Monthly plans: references, the person's active months, due dates, the order of the 3 steps, carry-over."""

from __future__ import annotations

from collections.abc import Iterator

from accountability.checks import refs
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.problems import Problem, said
from accountability.suggest import suggestion


def plan_references(tracker: Tracker) -> Iterator[Problem]:
    """`unknown-person`, `wrong-kind`, `unknown-item`: `person`, each task's `assigned_by` and `rating.by` are
    people; a task's `commitment:` names `unit/item` in that unit's commitment of the plan's year.

    Failing: `commitment: phuong-1/gpmb` when phuong-1's commitment has no item `gpmb`.
    """
    for doc in tracker.plans:
        plan, path = doc.model, doc.path
        yield from refs.person(tracker, plan.person, path, ("person",), "person")
        if plan.rating:
            yield from refs.person(tracker, plan.rating.by, path, ("rating", "by"), "rating.by")
        for ti, task in enumerate(plan.tasks):
            yield from refs.person(tracker, task.assigned_by, path, ("tasks", ti, "assigned_by"), "assigned_by")
            if task.commitment:
                yield from _commitment_item(tracker, task.commitment, int(plan.month[:4]), doc, ti)


def _commitment_item(tracker: Tracker, ref: str, year: int, doc: Doc[Plan], ti: int) -> Iterator[Problem]:
    at = ("tasks", ti, "commitment")
    unit, _, item = ref.partition("/")
    if not item:
        yield Problem(
            "unknown-item",
            said("commitment '{ref}' should be written unit/item, e.g. phuong-1/gpmb-le-loi", ref=ref),
            doc.path,
            at=at,
        )
        return
    commitment = tracker.commitment(unit, year)
    if commitment is None:
        yield Problem(
            "unknown-item",
            said(
                "'{unit}' has no commitment for {year}, so '{ref}' names nothing; check the unit id",
                unit=unit,
                year=year,
                ref=ref,
            ),
            doc.path,
            at=at,
        )
        return
    items = [i.id for _, _, i in commitment.model.items()]
    if item not in items:
        hint = suggestion(item, items, said("; its items are: {items}", items=", ".join(items)))
        message = said(
            "{unit}'s {year} commitment has no item '{item}'{hint}", unit=unit, year=year, item=item, hint=hint
        )
        yield Problem("unknown-item", message, doc.path, at=at)


def active_months(tracker: Tracker) -> Iterator[Problem]:
    """`person-inactive`: a person has plans only for months in which they are active (`active: {from, to}`).

    Failing: a plan for 2023-02 of a person with `active: {from: 2023-03-01}`.
    """
    for doc in tracker.plans:
        entry = tracker.people.get(doc.model.person)
        month = month_period(doc.model.month)
        if entry is None or entry.model.active is None or entry.model.active_between(month.start, month.end):
            continue
        active = entry.model.active
        yield Problem(
            "person-inactive",
            said(
                "{person} is active from {start} to {end}, not in {month}; remove the plan or fix 'active:' in org",
                person=doc.model.person,
                start=active.from_ or "…",
                end=active.to or "…",
                month=doc.model.month,
            ),
            doc.path,
            at=("month",),
        )


def due_in_month(tracker: Tracker) -> Iterator[Problem]:
    """`due-outside-month`: every task is due within the plan's month; longer work is carried into the next
    month's plan with `carried_from`.

    Failing: `month: 2023-05` with a task `due: 2023-06-15`.
    """
    for doc in tracker.plans:
        month = month_period(doc.model.month)
        first, last = month.start, month.end
        for ti, task in enumerate(doc.model.tasks):
            if not first <= task.due <= last:
                yield Problem(
                    "due-outside-month",
                    said(
                        "task '{id}' is due {due}, outside {month}; plan it in that month, or carry it over with "
                        "carried_from",
                        id=task.id,
                        due=task.due,
                        month=doc.model.month,
                    ),
                    doc.path,
                    at=("tasks", ti, "due"),
                )


def step_order(tracker: Tracker) -> Iterator[Problem]:
    """`step-order`: the 3 steps happen in order, `self.on` ≤ every `review.on` ≤ `rating.on`.

    Failing: `self: {on: 2023-06-03}` with a review on 2023-06-02.
    """
    for doc in tracker.plans:
        plan = doc.model
        self_on = plan.self_.on if plan.self_ else None
        rating_on = plan.rating.on if plan.rating else None
        if self_on and rating_on and rating_on < self_on:
            yield Problem(
                "step-order",
                said(
                    "the rating ({rating_on}) is dated before the self-assessment ({self_on}); step 3 comes after step 1",
                    rating_on=rating_on,
                    self_on=self_on,
                ),
                doc.path,
                at=("rating", "on"),
            )
        for ti, task in enumerate(plan.tasks):
            if not task.review:
                continue
            on = task.review.on
            if self_on and on < self_on:
                yield Problem(
                    "step-order",
                    said(
                        "the review of '{id}' ({on}) is before the self-assessment ({self_on}); the assigner reviews "
                        "after step 1",
                        id=task.id,
                        on=on,
                        self_on=self_on,
                    ),
                    doc.path,
                    at=("tasks", ti, "review", "on"),
                )
            if rating_on and on > rating_on:
                yield Problem(
                    "step-order",
                    said(
                        "the review of '{id}' ({on}) is after the rating ({rating_on}); the rating comes last",
                        id=task.id,
                        on=on,
                        rating_on=rating_on,
                    ),
                    doc.path,
                    at=("tasks", ti, "review", "on"),
                )


def carried_over(tracker: Tracker) -> Iterator[Problem]:
    """`unknown-task`, `carried-done`: `carried_from: YYYY-MM/task` names a task of an earlier month's plan of the
    same person, and that task was not done.

    Failing: `carried_from: 2023-04/t3` when t3 of April has `done: 2023-04-20`.
    """
    for doc in tracker.plans:
        for ti, task in enumerate(doc.model.tasks):
            if task.carried_from:
                yield from _carried(tracker, doc, ti, task.carried_from)


def _carried(tracker: Tracker, doc: Doc[Plan], ti: int, ref: str) -> Iterator[Problem]:
    at = ("tasks", ti, "carried_from")
    month, _, task_id = ref.partition("/")
    if not task_id or len(month) != 7 or month >= doc.model.month:
        yield Problem(
            "unknown-task",
            said("carried_from '{ref}' must name an earlier month's task as YYYY-MM/task, e.g. 2023-04/t3", ref=ref),
            doc.path,
            at=at,
        )
        return
    source = tracker.plan(doc.model.person, month)
    if source is None:
        yield Problem(
            "unknown-task",
            said(
                "{person} has no plan for {month}, so '{ref}' names nothing; name a task of an earlier plan as "
                "YYYY-MM/task",
                person=doc.model.person,
                month=month,
                ref=ref,
            ),
            doc.path,
            at=at,
        )
        return
    tasks = {t.id: t for t in source.model.tasks}
    earlier = tasks.get(task_id)
    if earlier is None:
        yield Problem(
            "unknown-task",
            said(
                "the {month} plan of {person} has no task '{id}'{hint}",
                month=month,
                person=doc.model.person,
                id=task_id,
                hint=suggestion(task_id, tasks, said("; its tasks: {tasks}", tasks=", ".join(tasks))),
            ),
            doc.path,
            at=at,
        )
    elif earlier.done:
        yield Problem(
            "carried-done",
            said(
                "'{ref}' was done on {done}, so there is nothing to carry over; remove carried_from",
                ref=ref,
                done=earlier.done,
            ),
            doc.path,
            at=at,
        )


TASK_FIELDS = ("title", "assigned_by", "due", "commitment", "done", "carried_from", "weight", "review")
RATING_FIELDS = ("on", "by", "general", "level", "reason")


def plan_amendments(tracker: Tracker) -> Iterator[Problem]:
    """`amendment-unknown-item`, `amendment-unknown-field`, `unknown-approver`, `amendment-approver`: an amendment
    of a concluded month names a task of the plan (or none, for a change to the rating), sets only that task's (or
    the rating's) fields, and is approved by the person's rater, the head of a unit above the rater, or a unit above
    the person's.

    Failing: `task: t9` in a plan whose tasks are t1 and t2.
    """
    for doc in tracker.plans:
        tasks = [t.id for t in doc.model.tasks]
        for ai, amendment in enumerate(doc.model.amendments):
            at = ("amendments", ai)
            if amendment.task is not None and amendment.task not in tasks:
                hint = suggestion(amendment.task, tasks, said("; its tasks: {tasks}", tasks=", ".join(tasks)))
                yield Problem(
                    "amendment-unknown-item",
                    said(
                        "the amendment names task '{id}', which this plan does not have{hint}",
                        id=amendment.task,
                        hint=hint,
                    ),
                    doc.path,
                    at=(*at, "task"),
                )
            allowed = TASK_FIELDS if amendment.task is not None else RATING_FIELDS
            what = (
                said("task '{id}'", id=amendment.task)
                if amendment.task is not None
                else said("the rating (no task: named)")
            )
            for key in amendment.set:
                if key not in allowed:
                    yield Problem(
                        "amendment-unknown-field",
                        said(
                            "'{key}' is not a field of {what}; it may set: {fields}",
                            key=key,
                            what=what,
                            fields=", ".join(allowed),
                        ),
                        doc.path,
                        at=(*at, "set", key),
                        at_key=True,
                    )
            yield from _approver(tracker, doc, amendment.approved_by, (*at, "approved_by"))


def _approver(tracker: Tracker, doc: Doc[Plan], who: str, at: tuple[str | int, ...]) -> Iterator[Problem]:
    if who not in tracker.units and who not in tracker.people:
        yield Problem(
            "unknown-approver",
            said("approved_by '{who}' is neither a unit nor a person in org; name the rater who approved it", who=who),
            doc.path,
            at=at,
        )
        return
    person = tracker.people.get(doc.model.person)
    if person is None:
        return
    year = int(doc.model.month[:4])
    rater = tracker.rater(doc.model.person, year)
    units_above = set(tracker.ancestors(person.model.unit))
    if rater is not None:
        own = tracker.people[rater].model.unit
        units_above |= {own, *tracker.ancestors(own)}
    if who in tracker.rating_approvers(doc.model.person, year) or who in units_above:
        return
    yield Problem(
        "amendment-approver",
        said(
            "'{who}' may not approve a change to {person}'s concluded {month}: the person's rater ('{rater}'), the "
            "head of a unit above the rater, or a unit above approves it",
            who=who,
            person=doc.model.person,
            month=doc.model.month,
            rater=rater or said("none"),
        ),
        doc.path,
        at=at,
    )


CHECKS = (plan_references, active_months, due_in_month, step_order, carried_over, plan_amendments)
