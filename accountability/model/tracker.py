"""The loaded tracker: every valid document, with where it came from, and indexes over them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from accountability.model import DEFAULT_CONFIG, Commitment, Config, Issue, Org, Person, Plan, Unit
from accountability.problems import DocPath

T = TypeVar("T")
Marks = tuple[int, ...]
"""The places a plan's evidence and deadlines name, as (line, column) pairs laid flat in the order of `MARKED`: its
month, its rating's level, then for each task the task, its id and its due date. (0, 0) is a place not there."""


def mark_index(at: DocPath) -> int | None:
    """Which pair of a plan's marks is the place `at`, if it is a marked place."""
    if at == ("month",):
        return 0
    if at == ("rating", "level"):
        return 1
    if len(at) in (2, 3) and at[0] == "tasks" and isinstance(at[1], int) and at[1] >= 0:
        return 2 + 3 * at[1] + (0 if len(at) == 2 else {"id": 1, "due": 2}.get(str(at[2]), -99))
    return None


def marked_places(tasks: int) -> list[DocPath]:
    """The places of a plan with this many tasks, in the order of its marks."""
    return [
        ("month",),
        ("rating", "level"),
        *(at for i in range(tasks) for at in (("tasks", i), ("tasks", i, "id"), ("tasks", i, "due"))),
    ]


@dataclass(frozen=True, slots=True)
class Doc(Generic[T]):
    """A document and the file it came from (root-relative), with the line and column of the places that evidence
    about a person names (`marks`: each task of a plan and its rating's level), kept when the file was read."""

    path: str
    model: T
    marks: Marks = ()

    def mark(self, at: DocPath) -> tuple[int, int]:
        """The 1-based (line, column) of a marked place; (0, 0) when it was not kept."""
        index = mark_index(at)
        if index is None or index < 0 or 2 * index + 1 >= len(self.marks):
            return 0, 0
        return self.marks[2 * index], self.marks[2 * index + 1]


@dataclass(frozen=True, slots=True)
class Entry(Generic[T]):
    """A record inside a document: a unit or a person of an org file, with its place."""

    model: T
    path: str
    at: DocPath


@dataclass
class Tracker:
    root: Path
    config: Config = DEFAULT_CONFIG
    orgs: list[Doc[Org]] = field(default_factory=list)
    commitments: list[Doc[Commitment]] = field(default_factory=list)
    plans: list[Doc[Plan]] = field(default_factory=list)
    issues: list[Doc[Issue]] = field(default_factory=list)
    files: int = 0
    unit_entries: list[Entry[Unit]] = field(default_factory=list)  # every unit of every org file
    person_entries: list[Entry[Person]] = field(default_factory=list)
    units: dict[str, Entry[Unit]] = field(default_factory=dict)  # by id; the first of duplicates wins
    people: dict[str, Entry[Person]] = field(default_factory=dict)
    _plan_index: dict[tuple[str, str], Doc[Plan]] = field(default_factory=dict, repr=False)
    _plans_indexed: int = field(default=-1, repr=False)

    def index(self) -> None:
        for doc in self.orgs:
            org = doc.model
            self.unit_entries += [
                Entry(u, doc.path, ("units", org.position("units", i))) for i, u in enumerate(org.units)
            ]
            self.person_entries += [
                Entry(p, doc.path, ("people", org.position("people", i))) for i, p in enumerate(org.people)
            ]
        for unit in self.unit_entries:
            self.units.setdefault(unit.model.id, unit)
        for person in self.person_entries:
            self.people.setdefault(person.model.id, person)

    def commitment(self, unit: str, year: int) -> Doc[Commitment] | None:
        return next((d for d in self.commitments if d.model.unit == unit and d.model.year == year), None)

    def plan(self, person: str, month: str) -> Doc[Plan] | None:
        """The first plan of the person for the month (a second one is a `duplicate-plan`)."""
        if self._plans_indexed != len(self.plans):  # built on first use, and again if plans were added since
            self._plan_index = {}
            for doc in reversed(self.plans):
                self._plan_index[(doc.model.person, doc.model.month)] = doc
            self._plans_indexed = len(self.plans)
        return self._plan_index.get((person, month))

    def ancestors(self, unit: str) -> list[str]:
        """The units above `unit`, nearest first (a cycle, reported by `unit-cycle`, ends the walk)."""
        found: list[str] = []
        entry = self.units.get(unit)
        while (
            entry is not None and entry.model.parent and entry.model.parent not in found and entry.model.parent != unit
        ):
            found.append(entry.model.parent)
            entry = self.units.get(entry.model.parent)
        return found

    def rater(self, person: str, year: int) -> str | None:
        """Who concludes the person's monthly rating (FORMAT.md, "Who rates whom"): a member's unit head; for a head,
        the unit's `rated_by`, else the head of the nearest unit above that has one, else the head of the body that
        the unit's commitment for `year` is made to. Never the person themself; None when no one qualifies."""
        return next(iter(self.rater_candidates(person, year)), None)

    def rater_candidates(self, person: str, year: int) -> list[str]:
        """Everyone who could rate the person, in the order FORMAT.md tries them; the first is the rater."""
        entry = self.people.get(person)
        unit = self.units.get(entry.model.unit) if entry else None
        if unit is None:
            return []
        tried: list[str | None] = []
        if unit.model.head and unit.model.head != person:
            tried.append(unit.model.head)  # a member: the unit's head
        else:
            tried.append(unit.model.rated_by)  # the head, or a member of a headless unit
        tried += [self.units[u].model.head for u in self.ancestors(unit.model.id) if u in self.units]
        commitment = self.commitment(unit.model.id, year)
        body = self.units.get(commitment.model.to) if commitment else None
        tried.append(body.model.head if body else None)
        return list(dict.fromkeys(p for p in tried if p and p != person and p in self.people))

    def rating_approvers(self, person: str, year: int) -> set[str]:
        """Who may sign the person's rating or approve a change to a concluded month: the rater, or whoever is above
        the rater: the head of a unit above the rater's, or the rater's own rater, and so on up."""
        found: set[str] = set()
        rater = self.rater(person, year)
        while rater is not None and rater not in found and rater != person:
            found.add(rater)
            own = self.people[rater].model.unit
            found |= {h for u in [own, *self.ancestors(own)] if u in self.units and (h := self.units[u].model.head)}
            rater = self.rater(rater, year)
        found.discard(person)
        return found

    def plans_by_unit(self) -> dict[str, list[Doc[Plan]]]:
        """The plans of each unit's people, in the tracker's order; a plan of someone org does not know forms a
        group of its own (`?person`). A plan's problems depend only on the other documents and on its group."""
        groups: dict[str, list[Doc[Plan]]] = {}
        for doc in self.plans:
            entry = self.people.get(doc.model.person)
            groups.setdefault(entry.model.unit if entry else f"?{doc.model.person}", []).append(doc)
        return groups

    def with_plans(self, plans: list[Doc[Plan]]) -> Tracker:
        """The same tracker with only these plans."""
        other = Tracker(
            root=self.root,
            config=self.config,
            orgs=self.orgs,
            commitments=self.commitments,
            issues=self.issues,
            plans=plans,
            files=self.files,
        )
        other.unit_entries, other.person_entries, other.units, other.people = (
            self.unit_entries,
            self.person_entries,
            self.units,
            self.people,
        )
        return other
