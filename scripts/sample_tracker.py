"""What the sample's plans are drawn from: the tracker as acct reads it (its org, commitments and acct.yaml), the
generator's data (scripts/sample_plans.yaml), and the calendar of working days."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from accountability.files.discover import discover, in_plans_folder
from accountability.files.locate import located
from accountability.files.read import assemble, load_file
from accountability.model import Commitment, Item, Person
from accountability.model.tracker import Doc, Tracker
from accountability.periods import month_period
from accountability.scoring.rules import RuleSet, rules_for


@dataclass(frozen=True)
class Member:
    """A person who keeps monthly plans, with what the generator needs to know about them."""

    person: Person
    unit_name: str
    role: str
    general: int  # the general score the rater usually gives
    head: bool
    deputy: bool
    unit_size: int
    rater: str
    assigners: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class Sample:
    tracker: Tracker
    rules: RuleSet
    data: dict[str, Any]
    members: list[Member]
    acts: dict[str, list[tuple[str, str, Item]]]  # person → (title template, unit/item, item) of the items they own
    calendar: Calendar

    @classmethod
    def read(cls, root: Path, data_file: Path) -> Sample:
        tracker = read_core(root)
        data = YAML(typ="safe", pure=True).load(data_file.read_text(encoding="utf-8"))
        year = int(data["months"][0][:4])
        missing = unknown(tracker, data, year)
        if missing:
            sys.exit(f"{data_file.name}: " + "; ".join(missing))
        return cls(
            tracker,
            rules_for(tracker.config),
            data,
            members(tracker, data, year),
            owned_acts(tracker.commitments, data["acts"], year),
            Calendar(frozenset(holidays(data["holidays"]))),
        )

    def scripted(self, case: str) -> set[str]:
        return set(self.data["scenario"][case])


def read_core(root: Path) -> Tracker:
    """The tracker's org, commitments, key issues and acct.yaml, read by acct; stops on any error in them."""
    found = discover(root)
    loaded = [load_file(root, path) for path in found.documents if not in_plans_folder(path)]
    tracker, problems = assemble(root, loaded)
    errors = located(root, [p for p in found.problems + problems if p.severity == "error"])
    if errors:
        sys.exit("\n".join(f"{p.path}:{p.line}:{p.col}: {p.code}: {p.message}" for p in errors))
    return tracker


def unknown(tracker: Tracker, data: dict[str, Any], year: int) -> list[str]:
    """What the data file lacks for the tracker, or names that the tracker does not have."""
    found = [
        f"no people: entry for {e.model.id}"
        for e in tracker.person_entries
        if not tracker.units[e.model.unit].model.external and e.model.id not in data["people"]
    ]
    found += [
        f"no pools: entry for the role {r}" for r in {p["role"] for p in data["people"].values()} - set(data["pools"])
    ]
    items = {
        f"{d.model.unit}/{i.id}"
        for d in tracker.commitments
        if d.model.year == year
        for g in d.model.groups
        for i in g.items
    }
    found += [f"acts: no commitment item {ref} in {year}" for ref in data["acts"] if ref not in items]
    return found


def members(tracker: Tracker, data: dict[str, Any], year: int) -> list[Member]:
    """Everyone who keeps plans (not the people of an external unit), in org's order."""
    deputies: dict[str, list[str]] = data["deputies"]
    people = [e.model for e in tracker.person_entries if not tracker.units[e.model.unit].model.external]
    found = []
    for person in people:
        unit = tracker.units[person.unit].model
        head = unit.head == person.id
        deputy = person.id in deputies.get(unit.id, [])
        rater = tracker.rater(person.id, year)
        if rater is None:
            sys.exit(f"acct names no rater for {person.id}: give the unit a head or a rated_by in org.yaml")
        helpers = [] if head or deputy else deputies.get(unit.id, [])
        info = data["people"][person.id]
        found.append(
            Member(
                person,
                unit.name,
                info["role"],
                info["general"],
                head,
                deputy,
                sum(p.unit == unit.id for p in people),
                rater,
                (rater, *helpers),
            )
        )
    return found


def owned_acts(
    commitments: list[Doc[Commitment]], acts: dict[str, list[str]], year: int
) -> dict[str, list[tuple[str, str, Item]]]:
    """Each owner's monthly steps toward their commitment items (một việc một đầu mối), in the files' order."""
    found: dict[str, list[tuple[str, str, Item]]] = {}
    for doc in commitments:
        if doc.model.year != year:
            continue
        for group in doc.model.groups:
            for item in group.items:
                ref = f"{doc.model.unit}/{item.id}"
                found.setdefault(item.owner, []).extend((act, ref, item) for act in acts.get(ref, []))
    return found


def holidays(spans: list[list[dt.date]]) -> list[dt.date]:
    days = []
    for first, last in spans:
        days += [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return days


@dataclass(frozen=True)
class Calendar:
    """Working days: Monday to Friday, except the holidays."""

    holidays: frozenset[dt.date]

    def workday(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def workdays(self, month: str) -> list[dt.date]:
        period = month_period(month)
        days = (period.start + dt.timedelta(days=n) for n in range((period.end - period.start).days + 1))
        return [day for day in days if self.workday(day)]

    def add(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after `day` (before it when n < 0)."""
        step = 1 if n >= 0 else -1
        while n:
            day += dt.timedelta(days=step)
            if self.workday(day):
                n -= step
        return day


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year + 1}-01" if number == 12 else f"{year}-{number + 1:02d}"


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"
