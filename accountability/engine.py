"""The one way to check a tracker: its root → documents, problems and, when valid, the judged tracker.

Every command calls `check`. The work is split in the steps that make a check incremental and parallel, and the
plain `Runner` here defines what each step means; `accountability.speed` offers a faster runner (a cache, workers,
re-checking only what changed) that must give the same results, and this module never imports it.

1. Discover the files (`files.discover`).
2. Read the **core**: every file that is not in a `plans` folder of the suggested layout (acct.yaml, org, the
   commitments and key issues, and any plan kept elsewhere).
3. Group the plan files by unit: a file `…/plans/…/PERSON.yaml` is taken, before it is read, for a plan of PERSON.
4. Check each unit: read its plan files, run the rules that read one unit's plans (`checks.PLAN_CHECKS`, which
   never read D, so that a unit's check holds for every judging date). A file that turns out not to be a plan of
   that unit's people is a **stray**: it goes where it belongs and the steps that depended on it run again, so the
   layout is only ever a guess that speeds things up (FORMAT.md: acct reads the kind, not the path).
5. Run the rules of each plan as of D (`checks.PLAN_RULES_AT_D`: a date after D, a rating above the level
   computed), unless the command only needs what blocks judging: those rules never find an error that does.
6. Run the rules over every unit's ratings concluded by D (`checks.GROUP_CHECKS`: the quota's rating groups).
7. Place every problem on its line and column, and sort them.

A command that scores then **judges** the plans as of D (`judge_months`): each plan whose month has begun by D
gives its `MonthScore`, which is all that scoring reads of a plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from accountability.checks import CORE_CHECKS, GROUP_CHECKS, run_checks, run_plan_checks, run_plan_rules
from accountability.files.discover import (
    Discovered,
    discover,
    in_plans_folder,
    is_tracker_file,
    person_by_name,
)
from accountability.files.locate import located
from accountability.files.read import Loaded, assemble, load_bytes, load_file
from accountability.model import Plan
from accountability.model.tracker import Doc, Tracker
from accountability.periods import begun
from accountability.problems import Problem, on_date
from accountability.scoring.deadlines import Deadline, is_open, plans_deadlines
from accountability.scoring.people import MonthScore, score_month
from accountability.scoring.quota import Rated, rated_plan
from accountability.scoring.rules import RuleSet, rules_for

# Errors that only say the data is newer than the judging date. A command that judges as of D ignores whatever is
# dated after D (SCORING.md), so it does not refuse the tracker for them; `acct check` still reports them.
NEWER_THAN_D = frozenset({"future-date"})
_Pathed = TypeVar("_Pathed", "Doc[Plan]", "PlanRef")


@dataclass(frozen=True, slots=True)
class PlanRef:
    """A plan, known without its document: its file, its person and its month."""

    path: str
    person: str
    month: str


@dataclass(frozen=True)
class UnitCheck:
    """One unit's plans, checked: their problems (located), their concluded ratings, the plans themselves (unless
    the runner was told not to keep them), and the files that turned out not to be this unit's plans (of which only
    the paths matter)."""

    problems: list[Problem]
    ratings: list[Rated]  # every concluded rating, whatever its date: the engine keeps those dated by D
    refs: list[PlanRef] = field(default_factory=list)  # every plan of the unit, kept or not
    plans: list[Doc[Plan]] = field(default_factory=list)
    strays: list[Loaded] = field(default_factory=list)


class Runner(Protocol):
    """How the steps are carried out. `accountability.speed` has one that caches and uses every core.

    `overlay` holds files' bytes that are not on disk (yet): an edit being validated before it is written, or a
    whole tracker read out of git."""

    overlay: Mapping[str, bytes]

    def discover(self, root: Path) -> Discovered:
        """The tracker's documents, and the problems of finding them."""
        ...

    def read(self, root: Path, paths: Sequence[str]) -> list[Loaded]:
        """Each file's outcome, in the order of `paths`."""
        ...

    def check_units(
        self, root: Path, core: Tracker, groups: dict[str, list[str]], keep_plans: bool
    ) -> dict[str, UnitCheck]:
        """Each group of plan files checked against the core (see `check_unit`)."""
        ...

    def rules_at(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[Problem]:
        """The problems of each plan's rules as of D (see `plan_rules_at`), located."""
        ...

    def deadlines(
        self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date, until: dt.date
    ) -> list[Deadline]:
        """The deadlines of these plans (every plan of their people) not met by D and due by `until`."""
        ...

    def judge(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[MonthScore]:
        """Each plan's month as of D (see `judge_plan`), in the order of `plans`."""
        ...


class PlainRunner:
    """One process, no cache: the definition of each step. With `only_overlay`, the tracker is the overlay's files
    alone (a revision read out of git); else the overlay's files replace or join those on disk."""

    def __init__(self, overlay: Mapping[str, bytes] | None = None, only_overlay: bool = False) -> None:
        self.overlay: Mapping[str, bytes] = overlay or {}
        self.only_overlay = only_overlay

    def discover(self, root: Path) -> Discovered:
        if self.only_overlay:
            return Discovered(sorted(p for p in self.overlay if is_tracker_file(p)), [])
        return with_overlay(discover(root), self.overlay)

    def read(self, root: Path, paths: Sequence[str]) -> list[Loaded]:
        return [load_bytes(self.overlay[p], p) if p in self.overlay else load_file(root, p) for p in paths]

    def check_units(
        self, root: Path, core: Tracker, groups: dict[str, list[str]], keep_plans: bool
    ) -> dict[str, UnitCheck]:
        return {
            unit: check_unit(root, core, unit, self.read(root, paths), keep_plans, self.overlay)
            for unit, paths in groups.items()
        }

    def deadlines(
        self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date, until: dt.date
    ) -> list[Deadline]:
        docs = [
            Doc(d.path, d.model, d.marks) for d in self.read(root, [r.path for r in plans]) if isinstance(d.model, Plan)
        ]
        return [d for d in plans_deadlines(core, docs, rules_for(core.config)) if is_open(d, as_of, until)]

    def rules_at(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[Problem]:
        docs = self.read(root, [ref.path for ref in plans])
        found = [p for d in docs if isinstance(d.model, Plan) for p in plan_rules_at(Doc(d.path, d.model), core, as_of)]
        return located(root, found, unsaved=self.overlay)

    def judge(self, root: Path, core: Tracker, plans: list[PlanRef], as_of: dt.date) -> list[MonthScore]:
        rules = rules_for(core.config)
        docs = self.read(root, [ref.path for ref in plans])
        return [
            judge_plan(core, Doc(d.path, d.model, d.marks), as_of, rules) for d in docs if isinstance(d.model, Plan)
        ]


def plan_rules_at(doc: Doc[Plan], core: Tracker, as_of: dt.date) -> list[Problem]:
    """A plan's problems as of D; a sentence that names D keeps `JUDGING_DATE` for it (`problems.on_date`)."""
    return run_plan_rules(doc, core, as_of)


def judge_plan(core: Tracker, doc: Doc[Plan], as_of: dt.date, rules: RuleSet) -> MonthScore:
    """A plan's month as of D: its person (for discipline) is looked up in the core."""
    entry = core.people.get(doc.model.person)
    return score_month(doc, entry.model if entry else None, as_of, rules)


def judge_months(outcome: Outcome, runner: Runner, as_of: dt.date) -> list[MonthScore]:
    """Every plan whose month has begun by D, judged as of D: a month that starts after D has nothing to judge yet,
    so a plan written ahead is left out until its month begins (docs/scoring.md)."""
    return runner.judge(outcome.root, outcome.tracker, [ref for ref in outcome.plans if begun(ref.month, as_of)], as_of)


def open_deadlines(outcome: Outcome, runner: Runner, as_of: dt.date, until: dt.date) -> list[Deadline]:
    """The plans' deadlines not met by D and due by `until`: those that are overdue or due soon."""
    return runner.deadlines(outcome.root, outcome.tracker, outcome.plans, as_of, until)


def with_plans_of(outcome: Outcome, runner: Runner, people: set[str]) -> Tracker:
    """The checked tracker with the plans of these people (read through the runner, its cache's documents), for a
    command that works on one person's months without reading every plan."""
    paths = [ref.path for ref in outcome.plans if ref.person in people]
    docs = [Doc(d.path, d.model, d.marks) for d in runner.read(outcome.root, paths) if isinstance(d.model, Plan)]
    return outcome.tracker.with_plans(docs)


def with_overlay(found: Discovered, overlay: Mapping[str, bytes]) -> Discovered:
    """The documents on disk and the new ones of the overlay (a file being created)."""
    new = [p for p in overlay if is_tracker_file(p) and p not in found.documents]
    return Discovered(sorted([*found.documents, *new]), found.problems) if new else found


def check_unit(
    root: Path,
    core: Tracker,
    unit: str,
    loaded: list[Loaded],
    keep_plans: bool,
    overlay: Mapping[str, bytes] | None = None,
) -> UnitCheck:
    """The plans of one unit's people, read (`loaded`, in the tracker's order), checked against the core."""
    problems: list[Problem] = []
    plans: list[Doc[Plan]] = []
    strays: list[Loaded] = []
    for result in loaded:
        model = result.model
        if model is None:
            problems += result.problems  # a file that does not load: its problems do not depend on its unit
        elif isinstance(model, Plan) and not result.problems and unit_of(core, model.person) == unit:
            plans.append(Doc(result.path, model, result.marks))
        else:
            strays.append(result)
    problems += run_plan_checks(core.with_plans(plans))
    unit_id = None if unit.startswith("?") else unit
    ratings = [r for doc in plans if (r := rated_plan(doc, unit_id, dt.date.max)) is not None]
    refs = [PlanRef(doc.path, doc.model.person, doc.model.month) for doc in plans]
    checked = located(root, problems, unsaved=overlay)
    return UnitCheck(checked, ratings, refs, plans if keep_plans else [], strays)


def unit_of(core: Tracker, person: str) -> str:
    """The unit whose group a person's plans are checked in: a person org does not know is a group of their own."""
    entry = core.people.get(person)
    return entry.model.unit if entry else f"?{person}"


@dataclass(frozen=True)
class Outcome:
    """A checked tracker: its documents (plans only when asked for), every problem located and sorted, the number
    of files, every unit's concluded ratings, and every plan (in the tracker's order) whether kept or not."""

    root: Path
    tracker: Tracker
    problems: list[Problem]
    files: int
    ratings: list[Rated]
    plans: list[PlanRef] = field(default_factory=list)

    @property
    def plan_months(self) -> set[tuple[str, str]]:
        return {(ref.person, ref.month) for ref in self.plans}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def blocking(self) -> list[Problem]:
        return blocking(self.problems)


def blocking(problems: list[Problem]) -> list[Problem]:
    """The errors that stop a command from judging the tracker as of D."""
    return [p for p in problems if p.severity == "error" and p.code not in NEWER_THAN_D]


def check(
    root: Path, as_of: dt.date, runner: Runner | None = None, keep_plans: bool = True, every: bool = True
) -> Outcome:
    """Check the tracker at `root` as of D. `keep_plans=False` lets a runner leave the plans' models out of the
    outcome (a check that only reports problems has no use for them). `every=False` leaves out the plans' rules as
    of D, whose problems (a date after D, a rating above the level computed) never block judging: a command that
    judges needs only what does."""
    return _check(root, as_of, runner or PlainRunner(), keep_plans, every)


def _check(root: Path, as_of: dt.date, runner: Runner, keep_plans: bool, every: bool) -> Outcome:
    found = runner.discover(root)
    guessed = {p for p in found.documents if in_plans_folder(p)}
    while True:
        core_paths = [p for p in found.documents if p not in guessed]
        outcome, strays = _run(root, as_of, runner, found, core_paths, guessed, keep_plans)
        if not strays:
            break
        guessed -= strays  # read as what they are, next time
    if every:
        at_d = runner.rules_at(root, outcome.tracker, outcome.plans, as_of)
        problems = sorted(outcome.problems + [on_date(p, as_of) for p in at_d], key=lambda p: p.sort_key)
        outcome = dataclasses.replace(outcome, problems=problems)
    return outcome


def _run(
    root: Path,
    as_of: dt.date,
    runner: Runner,
    found: Discovered,
    core_paths: list[str],
    guessed: set[str],
    keep_plans: bool,
) -> tuple[Outcome, set[str]]:
    loaded = runner.read(root, core_paths)
    core, core_problems = assemble(
        root, [r for r in loaded if not isinstance(r.model, Plan)], files=len(found.documents)
    )
    elsewhere = {r.path: r.model.person for r in loaded if isinstance(r.model, Plan)}  # plans outside a plans folder
    groups: dict[str, list[str]] = {}
    for path in found.documents:  # in the tracker's order: the first of two plans of a month is the original
        person = person_by_name(path) if path in guessed else elsewhere.get(path)
        if person is not None:
            groups.setdefault(unit_of(core, person), []).append(path)
    units = runner.check_units(root, core, groups, keep_plans)
    strays = {s.path for u in units.values() for s in u.strays}
    if strays:
        return _nothing(root, core), strays
    overlay = runner.overlay
    core_checked = [on_date(p, as_of) for p in run_checks(core, as_of, CORE_CHECKS)]
    problems = located(root, core_problems + core_checked, unsaved=overlay) + found.problems
    ratings = [r for u in units.values() for r in u.ratings if r.on <= as_of]
    for group_check in GROUP_CHECKS:
        problems += located(root, list(group_check(core, ratings, as_of)), unsaved=overlay)
    for unit in units.values():
        problems += unit.problems
    tracker = (
        core.with_plans(_in_order([d for u in units.values() for d in u.plans], found.documents))
        if keep_plans
        else core
    )
    refs = _in_order([r for u in units.values() for r in u.refs], found.documents)
    problems.sort(key=lambda p: p.sort_key)
    return Outcome(root, tracker, problems, len(found.documents), ratings, refs), set()


def _in_order(items: list[_Pathed], paths: list[str]) -> list[_Pathed]:
    by_path = {item.path: item for item in items}
    return [by_path[path] for path in paths if path in by_path]


def _nothing(root: Path, core: Tracker) -> Outcome:
    return Outcome(root, core, [], 0, [])
