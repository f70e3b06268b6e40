"""A plan rule reads only its own unit's plans and the core's `plan_context`, so that a unit's check may be kept and
run again alone. These tests fail any rule that reads more, whatever else it does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountability.checks import PLAN_CHECKS, PlanCheck, plan_context, run_plan_checks
from accountability.engine import check, unit_of
from accountability.model import Commitment, Plan
from accountability.model.tracker import Doc, Tracker
from accountability.problems import Problem, said

AS_OF = dt.date(2023, 12, 31)


@pytest.fixture(scope="module")
def sample() -> Tracker:
    return check(SAMPLE, AS_OF).tracker


def found(problems: Iterable[Problem]) -> list[tuple[str, str, str, tuple[Any, ...]]]:
    return sorted((p.path, p.code, p.message, p.at) for p in problems)


def unit_by_unit(tracker: Tracker, checks: tuple[PlanCheck, ...]) -> list[Problem]:
    """What the engine does: each unit's plans checked with the core and nothing else of the other units."""
    core = tracker.with_plans([])
    groups: dict[str, list[Doc[Plan]]] = {}
    for doc in tracker.plans:
        groups.setdefault(unit_of(core, doc.model.person), []).append(doc)
    return [p for plans in groups.values() for p in run_plan_checks(core.with_plans(plans), checks)]


def _task_edits(doc: Doc[Plan], tracker: Tracker, pick: int) -> Doc[Plan]:
    """One of the edits that plan rules judge across files: a person moved to another unit, a task carried from
    someone else's month, a commitment item of another unit, a rating by someone else, a month duplicated."""
    plan = doc.model
    people = sorted(tracker.people)
    other = people[pick % len(people)]
    task = plan.tasks[pick % len(plan.tasks)] if plan.tasks else None
    choice = pick % 5
    if choice == 0:
        return Doc(doc.path, plan.model_copy(update={"person": other}))
    if choice == 1 and task is not None:
        carried = task.model_copy(update={"carried_from": f"{plan.month}/{task.id}"})
        return Doc(doc.path, plan.model_copy(update={"tasks": [carried, *plan.tasks[1:]]}))
    if choice == 2 and task is not None:
        item = sorted(c.model.unit for c in tracker.commitments)[pick % len(tracker.commitments)]
        linked = task.model_copy(update={"commitment": f"{item}/not-an-item-{pick}"})
        return Doc(doc.path, plan.model_copy(update={"tasks": [linked, *plan.tasks[1:]]}))
    if choice == 3 and plan.rating is not None:
        return Doc(doc.path, plan.model_copy(update={"rating": plan.rating.model_copy(update={"by": other})}))
    return Doc(f"{doc.path}.copy.yaml", plan)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1, max_size=8))
def test_every_plan_rule_finds_the_same_unit_by_unit_as_over_the_whole_tracker(
    sample: Tracker, edits: list[tuple[int, int]]
) -> None:
    plans = list(sample.plans)
    for which, pick in edits:
        index = which % len(plans)
        edited = _task_edits(plans[index], sample, pick)
        plans[index : index + 1] = [edited] if edited.path == plans[index].path else [plans[index], edited]
    tracker = sample.with_plans(plans)
    whole = found(run_plan_checks(tracker))
    assert whole == found(unit_by_unit(tracker, PLAN_CHECKS))


def test_a_rule_that_reads_another_units_plans_is_caught(sample: Tracker) -> None:
    def same_title_anywhere(tracker: Tracker) -> Iterator[Problem]:  # reads every unit's plans
        seen: dict[str, str] = {}
        for doc in tracker.plans:
            for task in doc.model.tasks:
                if task.title in seen and seen[task.title] != doc.model.person:
                    yield Problem("same-title", said(task.title), doc.path)
                seen.setdefault(task.title, doc.model.person)

    rule = (same_title_anywhere,)
    assert found(run_plan_checks(sample, rule)) != found(unit_by_unit(sample, rule))


def _without_reports(doc: Doc[Commitment], seed: int) -> Doc[Commitment]:
    """The commitment with what plan rules must not read changed: reports, done dates, titles, targets."""
    groups = []
    for group in doc.model.groups:
        items = []
        for item in group.items:
            change: dict[str, Any] = {"title": f"{item.title} ({seed})", "reports": [], "done": None}
            if item.target is not None:
                change["target"] = item.target.model_copy(update={"value": item.target.value + seed})
            items.append(item.model_copy(update=change))
        groups.append(group.model_copy(update={"items": items, "title": f"{group.title} ({seed})"}))
    return Doc(doc.path, doc.model.model_copy(update={"groups": groups}))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(1, 1000))
def test_plan_rules_read_of_the_commitments_only_what_plan_context_names(sample: Tracker, seed: int) -> None:
    changed = Tracker(
        root=sample.root,
        config=sample.config,
        orgs=sample.orgs,
        commitments=[_without_reports(c, seed) for c in sample.commitments],
        issues=[],
        plans=sample.plans,
        files=sample.files,
    )
    changed.index()
    assert plan_context(changed) == plan_context(sample)
    assert found(run_plan_checks(changed)) == found(run_plan_checks(sample))


def test_an_item_renamed_changes_the_context(sample: Tracker) -> None:
    doc = sample.commitments[0]
    group = doc.model.groups[0]
    renamed = group.items[0].model_copy(update={"id": "renamed-item"})
    edited = doc.model.model_copy(
        update={"groups": [group.model_copy(update={"items": [renamed, *group.items[1:]]}), *doc.model.groups[1:]]}
    )
    other = Tracker(
        root=sample.root,
        config=sample.config,
        orgs=sample.orgs,
        commitments=[Doc(doc.path, edited), *sample.commitments[1:]],
    )
    other.index()
    assert plan_context(other) != plan_context(sample)
