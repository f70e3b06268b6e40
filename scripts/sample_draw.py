"""Drawing the sample's plans: the tasks of each person's month and what became of them, every choice from one
random.Random in a fixed order, so that the same data gives the same plans."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from sample_tracker import Member, Sample, next_month, previous_month

from accountability.model import Item
from accountability.periods import month_period
from accountability.scoring.people import MonthScore

SEED = 2023  # the plans' draw; the evaluation (dates, general scores, ratings) draws from SEED * 100 + 1

# How often a task outside the scripted plans is done late, or not done at all (then carried into next month's
# plan 60% of the time), and how often a task done on time fails one quality check. A month with every task done on
# time scores its general score plus all the task points, so nearly every computed level is excellent; the quota
# makes the rater conclude good for most of them.
LATE_RATE = 0.012
UNDONE_RATE = 0.008
CARRIED_RATE = 0.6
QUALITY_FAIL_RATE = 0.12


@dataclass
class Task:
    title: str
    assigned_by: str
    due: dt.date
    commitment: str | None = None
    carried_from: str | None = None
    weight: int = 1
    id: str = ""
    done: dt.date | None = None
    quality_fails: int = 0
    delays: int | None = None
    excused: bool = False
    note: str = ""
    review_on: dt.date | None = None
    carried_to_next: bool = False


@dataclass
class Month:
    """One person's plan for one month, while it is drawn and evaluated."""

    member: Member
    month: str
    tasks: list[Task] = field(default_factory=list)
    self_on: dt.date | None = None
    self_score: int | None = None
    self_level: str | None = None
    rating_on: dt.date | None = None
    general: int | None = None
    level: str | None = None
    rated: bool = True  # False: no rating yet
    has_general: bool = True  # False: a rating without its general score
    judged: MonthScore | None = None

    @property
    def key(self) -> str:
        """MONTH/person, as the scenario names a plan."""
        return f"{self.month}/{self.member.id}"


class Draw:
    """The plans' draw: every random choice comes from one random.Random, in a fixed order."""

    def __init__(self, sample: Sample) -> None:
        self.sample = sample
        self.rng = random.Random(SEED)
        self.calendar = sample.calendar
        self.forced: dict[str, str] = sample.data["scenario"]["forced"]
        self.stars = sample.scripted("over_quota")
        self.calm = self.stars | sample.scripted("no_rating") | sample.scripted("no_general")

    def plans(self) -> list[Month]:
        plans: list[Month] = []
        carry: dict[str, list[Task]] = {}  # person → last month's tasks carried into this month
        for month in self.sample.data["months"]:
            period = month_period(month)
            carried: dict[str, list[Task]] = {}
            for member in self.sample.members:
                if member.person.active_between(period.start, period.end):
                    plan = self.plan(member, month, carry.get(member.id, []))
                    carried[member.id] = [t for t in plan.tasks if t.carried_to_next]
                    plans.append(plan)
            carry = carried
        return plans

    def plan(self, member: Member, month: str, carried: list[Task]) -> Month:
        plan = Month(member, month, [self.carried(t, month) for t in carried])
        wanted = self.steps(plan)
        self.routine(plan, wanted)
        self.outcomes(plan, self.forced.get(plan.key))
        plan.tasks.sort(key=lambda t: (t.carried_from is None, t.due, t.title))
        for n, task in enumerate(plan.tasks, 1):
            task.id = f"t{n}"
        return plan

    def carried(self, old: Task, month: str) -> Task:
        return Task(
            old.title,
            old.assigned_by,
            self.due(month, late_room=True),
            old.commitment,
            carried_from=f"{previous_month(month)}/{old.id}",
            weight=old.weight,
        )

    def steps(self, plan: Month) -> int:
        """One or two steps toward the commitment items the person owns; returns how many tasks the plan wants."""
        rng, member, month = self.rng, plan.member, plan.month
        acts = [a for a in self.sample.acts.get(member.id, []) if in_progress(a[2], month)]
        rng.shuffle(acts)
        wanted = rng.randint(2, 5)
        linked = min(len(acts), rng.choice([1, 1, 1, 2])) if acts else 0
        refs: list[str] = []
        for act, ref, _ in acts:
            if len(refs) >= linked or ref in refs:
                continue
            refs.append(ref)
            title = self.fill(act, member, month)
            plan.tasks.append(
                Task(title, rng.choice(member.assigners), self.due(month), ref, weight=2 if rng.random() < 0.25 else 1)
            )
        return wanted

    def routine(self, plan: Month, wanted: int) -> None:
        """The rest from the role's pool: the routine work of the month."""
        rng, member, month = self.rng, plan.member, plan.month
        pool = pool_for(self.sample.data["pools"][member.role], int(month[5:]))
        rng.shuffle(pool)
        titles = {t.title for t in plan.tasks}
        for template, serves in pool:
            if len(plan.tasks) >= max(wanted, 2):
                break
            title = self.fill(template, member, month)
            if title in titles:
                continue
            titles.add(title)
            plan.tasks.append(
                Task(
                    title, rng.choice(member.assigners), self.due(month), serves, weight=2 if rng.random() < 0.06 else 1
                )
            )

    def due(self, month: str, late_room: bool = False) -> dt.date:
        days = [d for d in self.calendar.workdays(month) if d.day >= 6]
        return self.rng.choice(days[:-6] if late_room else days)

    def fill(self, template: str, member: Member, month: str) -> str:
        """The title with its placeholders filled; every value is drawn, whether the title uses it or not."""
        rng, fill, number = self.rng, self.sample.data["fill"], int(month[5:])
        wards = [w for w in fill["wards"] if w != member.person.unit]
        values = {
            "m": str(number),
            "m0": str(number - 1 if number > 1 else 12),
            "m1": str(number + 1 if number < 12 else 1),
            "q": "I" if number <= 3 else "II",
            "kp": str(rng.randint(1, 9)),
            "street": rng.choice(fill["streets"]),
            "ward": self.sample.tracker.units[rng.choice(wards)].model.name,
            "n": str(rng.randint(1, 3)),
            "y": str(rng.choice(fill["years"])),
            "unit": rng.choice(fill["units"]),
        }
        text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)
        if number == 1 and "{m0}" in template:
            text = text.replace("tháng 12", f"tháng 12/{int(month[:4]) - 1}")
        return text

    def outcomes(self, plan: Month, forced: str | None) -> None:
        """Done dates and the reviews' findings: most on time, some with a quality remark, a few late or not done."""
        rng = self.rng
        perfect = plan.key in self.stars
        calm = forced is not None or plan.key in self.calm
        chosen: int | None = None
        if forced == "carried-late":
            chosen = next(i for i, t in enumerate(plan.tasks) if t.carried_from)
        elif forced:
            chosen = max(i for i, t in enumerate(plan.tasks) if not t.carried_from)
        last_month = plan.month == self.sample.data["months"][-1]
        for i, task in enumerate(plan.tasks):
            roll = rng.random()
            if i == chosen and forced is not None:
                kind = "late" if forced == "carried-late" else forced
            elif not calm and roll < LATE_RATE:
                kind = "late"
            elif not calm and roll < LATE_RATE + UNDONE_RATE:
                kind = "undone-carried" if not last_month and rng.random() < CARRIED_RATE else "undone"
            else:
                kind = "on_time"
            if kind == "on_time":
                self.on_time(task, plan.month, perfect)
            elif kind == "late":
                self.late(task, plan)
            else:
                self.undone(task, plan.month, carried=kind == "undone-carried")

    def on_time(self, task: Task, month: str, perfect: bool) -> None:
        rng, notes = self.rng, self.sample.data["notes"]
        back = rng.choice([0, 0, 0, 1, 1, 2, 3, 5])
        task.done = max(self.calendar.add(task.due, -back) if back else task.due, self.calendar.workdays(month)[0])
        if not perfect and rng.random() < QUALITY_FAIL_RATE:
            task.quality_fails = 1
            task.note = rng.choice(notes["quality"])
        else:
            task.note = rng.choice(notes["ok"])
            if rng.random() < 0.08:
                task.delays = 0

    def late(self, task: Task, plan: Month) -> None:
        rng, notes = self.rng, self.sample.data["notes"]
        days = self.calendar.workdays(plan.month)
        last = days[-1]
        if task.due > self.calendar.add(last, -5):
            task.due = rng.choice([d for d in days if d.day >= 6][:-6])
        task.done = min(self.calendar.add(task.due, rng.randint(1, 4)), last)
        late_by = (task.done - task.due).days
        task.note = rng.choice(notes["late"]).format(d=late_by)
        if plan.key == self.sample.data["scenario"]["excused"]:
            task.excused = True
            task.note = notes["excused"]
        elif rng.random() < 0.4:
            task.delays = 1 if late_by <= 3 else 2
        if not task.excused and rng.random() < 0.3:
            task.quality_fails = 1

    def undone(self, task: Task, month: str, carried: bool) -> None:
        task.done = None
        if carried:
            task.carried_to_next = True
            task.note = self.sample.data["notes"]["carried"].format(m1=int(next_month(month)[5:]))
        else:
            task.note = self.rng.choice(self.sample.data["notes"]["undone"])


def pool_for(entries: list[Any], number: int) -> list[tuple[str, str | None]]:
    """The role's titles that fit the month, each with the commitment item it serves."""
    found = []
    for entry in entries:
        title, months, serves = (entry, None, None) if isinstance(entry, str) else _entry(entry)
        if months is None or number in months:
            found.append((title, serves))
    return found


def _entry(entry: dict[str, Any]) -> tuple[str, list[int] | None, str | None]:
    return entry["title"], entry.get("months"), entry.get("serves")


def in_progress(item: Item, month: str) -> bool:
    start = month_period(month).start
    return item.due >= start and (item.done is None or item.done >= start)


def plan_data(plan: Month) -> CommentedMap:
    """The plan file's content; without the self-assessment and the level until they are decided."""
    body = CommentedMap(kind="plan", person=plan.member.id, month=plan.month)
    body["tasks"] = CommentedSeq(task_data(t) for t in plan.tasks)
    if plan.self_on and plan.self_score is not None:
        body["self"] = CommentedMap(on=plan.self_on, score=plan.self_score, level=plan.self_level)
    if plan.rated:
        rating = CommentedMap(on=plan.rating_on, by=plan.member.rater)
        if plan.has_general:
            rating["general"] = plan.general
        if plan.level:
            rating["level"] = plan.level
        body["rating"] = rating
    return body


def task_data(task: Task) -> CommentedMap:
    entry = CommentedMap(id=task.id, title=task.title, assigned_by=task.assigned_by, due=task.due)
    if task.commitment:
        entry["commitment"] = task.commitment
    if task.done:
        entry["done"] = task.done
    if task.carried_from:
        entry["carried_from"] = task.carried_from
    if task.weight != 1:
        entry["weight"] = task.weight
    review = CommentedMap(on=task.review_on)
    if task.done:
        review["quality_fails"] = task.quality_fails
        if task.delays is not None:
            review["delays"] = task.delays
        if task.excused:
            review["excused"] = True
    review["note"] = task.note
    entry["review"] = review
    return entry
