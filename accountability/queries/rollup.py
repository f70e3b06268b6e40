"""The province's roll-up (báo cáo tổng hợp của tỉnh) over many trackers' exports, on any SQL engine.

A province compares its districts: each district is one tracker, exported with `acct export`. The roll-up reads the
exports only, never a tracker, through the queries below. They are written once, in the SQL that DuckDB and Spark
share, and they return only counts, texts and sums of whole numbers (a score as tenths), so that both engines give
the same rows whatever order they add in. Means, shares and ranks are worked out here from those rows, once.

An engine runs the roll-up by registering a view for each table of `TABLES_READ` (with an extra `source` column on
`trackers`: the file each row came from) and passing `roll_up` a function that runs one query and returns its rows.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from accountability.problems import FatalError, said
from accountability.queries.export_schema import COLUMNS
from accountability.scoring.issues import IssueShare
from accountability.scoring.numbers import round1

LEVELS = ("excellent", "good", "done", "not-done")
TASK_STATES = ("on_time", "late", "undone", "open")

# The tables and columns the queries read; an engine's views need no more.
TABLES_READ: dict[str, tuple[str, ...]] = {
    "trackers": ("tracker", "organization", "period", "year", "as_of", "issues_target"),
    "unit_scores": (
        "tracker",
        "period",
        "unit",
        "name",
        "score",
        "level",
        "indicators_total",
        "indicators_achieved",
        "indicators_exceeded",
        "quota_over",
        "flags",
    ),
    "person_scores": ("tracker", "period", "month", "level", "level_basis", "step"),
    "tasks": ("tracker", "period", "state"),
    "issues": ("tracker", "period", "counted", "on_time"),
    "items": ("tracker", "period", "unit", "item", "title"),
}

Rows = list[tuple[Any, ...]]
Run = Callable[[str], Rows]
FORMATS = ("parquet", "csv", "jsonl")
Files = dict[str, dict[str, list[str]]]  # format → table → files


def exports_in(files: Iterable[str], where: str) -> Files:
    """The files of each table the roll-up reads, by format, among the files below the folders `where` names (local
    paths or URIs; hidden folders already left out). An export is a folder holding a trackers table; one that lacks
    another table, or a folder of tables without trackers (an older acct's export), is refused."""
    tables: dict[tuple[str, str], set[str]] = {}
    for path in set(files):
        folder, name = posixpath.split(path)
        table, _, fmt = name.rpartition(".")
        if fmt in FORMATS and table in COLUMNS:
            tables.setdefault((folder, fmt), set()).add(table)
    found: Files = {}
    for (folder, fmt), present in sorted(tables.items()):
        if "trackers" not in present:
            if "unit_scores" in present:
                raise FatalError(
                    said(
                        "{folder} holds an export without a trackers table, written by an older acct whose rows do not "
                        "name their tracker; export that tracker again with this acct",
                        folder=folder,
                    )
                )
            continue
        missing = [f"{table}.{fmt}" for table in TABLES_READ if table not in present]
        if missing:
            raise FatalError(
                said(
                    "{folder} holds trackers.{format} but not {missing}; export that tracker again",
                    folder=folder,
                    format=fmt,
                    missing=", ".join(missing),
                )
            )
        for table in TABLES_READ:
            found.setdefault(fmt, {}).setdefault(table, []).append(f"{folder}/{table}.{fmt}")
    if not found:
        raise FatalError(
            said(
                "no export found in {where}: an export is a folder that acct export wrote, holding trackers.csv, "
                "trackers.jsonl or trackers.parquet",
                where=where,
            )
        )
    return found


@dataclass(frozen=True)
class Query:
    """One query of the roll-up: its name, the figures it feeds (as the JSON names them), the table and columns it
    reads, and its SQL (`{period}` is filled in)."""

    name: str
    feeds: tuple[str, ...]
    table: str
    columns: tuple[str, ...]
    sql: str

    def text(self, period: str) -> str:
        return self.sql.format(period=literal(period))


EXPORTS = Query(
    "exports",
    (),
    "trackers",
    ("tracker", "period", "source"),
    "SELECT tracker, period, source FROM trackers ORDER BY tracker, period, source",
)
QUERIES = (
    Query(
        "districts",
        ("organization", "as_of", "issues.target"),
        "trackers",
        ("tracker", "organization", "year", "as_of", "issues_target"),
        "SELECT tracker, organization, year, as_of, issues_target FROM trackers WHERE period = {period}",
    ),
    Query(
        "units",
        ("rank", "mean_score", "units", "targets", "over_quota"),
        "unit_scores",
        ("level", "score", "indicators_total", "indicators_achieved", "indicators_exceeded", "quota_over"),
        """SELECT tracker, coalesce(level, '') AS level, count(*) AS units, count(score) AS scored,
       sum(CAST(round(score * 10) AS BIGINT)) AS score_tenths,
       sum(indicators_total) AS targets, sum(indicators_achieved) AS met, sum(indicators_exceeded) AS beaten,
       sum(CASE WHEN quota_over THEN 1 ELSE 0 END) AS over_quota
FROM unit_scores WHERE period = {period}
GROUP BY tracker, coalesce(level, '')""",
    ),
    Query(
        "people",
        ("people", "escalated"),
        "person_scores",
        ("level", "level_basis", "step", "month"),
        """SELECT tracker, coalesce(level, '') AS level, count(*) AS people,
       sum(CASE WHEN level_basis = 'proposed' THEN 1 ELSE 0 END) AS proposed,
       sum(CASE WHEN coalesce(step, '') <> '' THEN 1 ELSE 0 END) AS escalated
FROM person_scores WHERE period = {period} AND coalesce(month, '') = ''
GROUP BY tracker, coalesce(level, '')""",
    ),
    Query(
        "tasks",
        ("plan_tasks",),
        "tasks",
        ("state",),
        "SELECT tracker, state, count(*) AS tasks FROM tasks WHERE period = {period} GROUP BY tracker, state",
    ),
    Query(
        "issues",
        ("issues",),
        "issues",
        ("counted", "on_time"),
        """SELECT tracker, count(*) AS due, sum(CASE WHEN on_time THEN 1 ELSE 0 END) AS resolved_on_time
FROM issues WHERE period = {period} AND counted
GROUP BY tracker""",
    ),
    Query(
        "flagged_units",
        ("flagged_units",),
        "unit_scores",
        ("unit", "name", "score", "level", "flags", "quota_over"),
        """SELECT tracker, unit, name, score, level, coalesce(flags, '') AS flags, quota_over
FROM unit_scores WHERE period = {period} AND (coalesce(flags, '') <> '' OR quota_over)
ORDER BY tracker, unit""",
    ),
    Query(  # the titles of the items that flags name (review-now:ITEM …), so that the report can say them
        "item_titles",
        ("flagged_units",),
        "items",
        ("unit", "item", "title"),
        """SELECT i.tracker, i.unit, i.item, i.title
FROM items i JOIN unit_scores u ON u.tracker = i.tracker AND u.period = i.period AND u.unit = i.unit
WHERE i.period = {period} AND instr(concat(u.flags, ' '), concat(':', i.item, ' ')) > 0
ORDER BY i.tracker, i.unit, i.item""",
    ),
)


def literal(period: str) -> str:
    """The period as an SQL string literal. Period ids are digits, letters, '-' and '.', so nothing needs escaping
    (Spark and DuckDB escape quotes differently); anything else is refused."""
    if not re.fullmatch(r"[0-9A-Za-z.\-]+", period):
        raise FatalError(
            said("{period} is not a period id; write it as acct export does, e.g. 2023 or 2023-Q2", period=repr(period))
        )
    return f"'{period}'"


def ratio(part: int, whole: int) -> float | None:
    """A share as `acct score` rounds it: 4 places, none of nothing."""
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True)
class Tally:
    """Units or people by level: `total` rows, of which `counts[level]` at each level; the rest have none yet."""

    total: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    def share(self, level: str) -> float | None:
        return ratio(self.counts[level], self.rated)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.total + other.total, {k: self.counts[k] + other.counts[k] for k in LEVELS})


@dataclass(frozen=True)
class Totals:
    """The figures of one district, or of the province (the sum of its districts)."""

    units: Tally = Tally()
    scored: int = 0  # units with a score
    score_tenths: int = 0  # the sum of their scores, in tenths: exact on any engine
    people: Tally = Tally()
    proposed: int = 0  # people whose level is proposed from a period's monthly scores, not a rating
    escalated: int = 0  # people at an escalation step (reminder, suspension, discipline)
    targets: int = 0
    targets_met: int = 0  # met or beaten
    targets_beaten: int = 0
    over_quota: int = 0  # units with more people rated excellent than the quota allows
    tasks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TASK_STATES, 0))
    issues_due: int = 0
    issues_on_time: int = 0

    @property
    def mean_score(self) -> float | None:
        """The mean of the scored units' scores, to one place, halves up (as acct rounds scores)."""
        return round1(self.score_tenths / self.scored / 10) if self.scored else None

    @property
    def targets_share(self) -> float | None:
        return ratio(self.targets_met, self.targets)

    @property
    def issues_share(self) -> float | None:
        return ratio(self.issues_on_time, self.issues_due)

    @property
    def tasks_on_time(self) -> float | None:
        """Plan tasks done on time, of those judged (open tasks are not yet)."""
        return ratio(self.tasks["on_time"], sum(self.tasks.values()) - self.tasks["open"])

    def __add__(self, other: Totals) -> Totals:
        sums = {
            name: getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__ if name != "tasks"
        }
        return Totals(**sums, tasks={s: self.tasks[s] + other.tasks[s] for s in TASK_STATES})


@dataclass(frozen=True)
class FlaggedUnit:
    unit: str
    name: str
    score: float | None
    level: str | None
    flags: tuple[str, ...]
    quota_over: bool
    titles: dict[str, str] = field(default_factory=dict)  # the title of each item of the unit, to name its flags


@dataclass(frozen=True)
class District:
    """One tracker's figures (a district or city: huyện, thị xã, thành phố)."""

    tracker: str
    organization: str | None
    as_of: dt.date
    issues: IssueShare
    totals: Totals
    flagged_units: list[FlaggedUnit]
    rank: int | None = None

    @property
    def name(self) -> str:
        return self.organization or self.tracker

    @property
    def flags(self) -> list[str]:
        """Why the province should look at this district: a missed key-issue target, a unit rated not-done, a unit
        over the quota of excellent ratings."""
        flags = ["issues-target-missed"] if self.issues.met is False else []
        flags += ["unit-not-done"] if self.totals.units.counts["not-done"] else []
        return flags + (["quota-over"] if self.totals.over_quota else [])


@dataclass(frozen=True)
class Ran:
    """A query as it ran: its SQL with the period filled in, and how many rows it returned."""

    query: Query
    sql: str
    rows: int


@dataclass(frozen=True)
class Rollup:
    period: str
    year: int
    districts: list[District]  # ranked
    province: Totals
    ran: list[Ran]

    @property
    def issues_met(self) -> int:
        return sum(d.issues.met is True for d in self.districts)


def roll_up(run: Run, period: str | None = None) -> Rollup:
    """The roll-up of one period: `period`, else the only one the exports hold."""
    exports = run(EXPORTS.sql)
    chosen = choose_period(sorted({p for _, p, _ in exports}), period)
    refuse_duplicates([(t, s) for t, p, s in exports if p == chosen])
    ran, results = [], {}
    for query in QUERIES:
        sql = query.text(chosen)
        results[query.name] = run(sql)
        ran.append(Ran(query, sql, len(results[query.name])))
    districts = ranked(_districts(results))
    province = sum((d.totals for d in districts), Totals())
    year = results["districts"][0][2]
    return Rollup(chosen, year, districts, province, ran)


def choose_period(periods: Sequence[str], period: str | None) -> str:
    if not periods:
        raise FatalError(said("the exports hold no rows in their trackers table; export the trackers again"))
    if period is not None:
        if period not in periods:
            raise FatalError(
                said(
                    "no export is of the period {period}; the exports hold: {periods}",
                    period=period,
                    periods=", ".join(periods),
                )
            )
        return period
    if len(periods) > 1:
        raise FatalError(
            said("the exports hold several periods ({periods}); choose one with --period", periods=", ".join(periods))
        )
    return periods[0]


def refuse_duplicates(exports: list[tuple[str, str]]) -> None:
    """A tracker exported twice for the period (two folders, or two formats in one) would count twice."""
    sources: dict[str, list[str]] = {}
    for tracker, source in exports:
        sources.setdefault(tracker, []).append(source)
    twice = {t: s for t, s in sources.items() if len(s) > 1}
    if twice:
        tracker, found = next(iter(sorted(twice.items())))
        raise FatalError(
            said(
                "the tracker {tracker} is exported more than once for this period ({found}); its rows would count "
                "twice: keep one of these exports (or, if they are two trackers, give each its own id: in acct.yaml)",
                tracker=repr(tracker),
                found=", ".join(found),
            )
        )


def _districts(results: dict[str, Rows]) -> list[District]:
    totals: dict[str, Totals] = {}
    for tracker, level, units, scored, tenths, targets, met, beaten, over in results["units"]:
        t = totals.get(tracker, Totals())
        tally = _tally(t.units, level, units)
        totals[tracker] = replace(
            t,
            units=tally,
            scored=t.scored + scored,
            score_tenths=t.score_tenths + (tenths or 0),
            targets=t.targets + (targets or 0),
            targets_met=t.targets_met + (met or 0),
            targets_beaten=t.targets_beaten + (beaten or 0),
            over_quota=t.over_quota + over,
        )
    for tracker, level, people, proposed, escalated in results["people"]:
        t = totals.get(tracker, Totals())
        tally = _tally(t.people, level, people)
        totals[tracker] = replace(t, people=tally, proposed=t.proposed + proposed, escalated=t.escalated + escalated)
    for tracker, state, count in results["tasks"]:
        t = totals.get(tracker, Totals())
        totals[tracker] = replace(t, tasks={**t.tasks, state: t.tasks.get(state, 0) + count})
    for tracker, due, on_time in results["issues"]:
        totals[tracker] = replace(totals.get(tracker, Totals()), issues_due=due, issues_on_time=on_time)
    titles: dict[tuple[str, str], dict[str, str]] = {}
    for tracker, unit, item, title in results["item_titles"]:
        titles.setdefault((tracker, unit), {})[item] = title
    flagged: dict[str, list[FlaggedUnit]] = {}
    for tracker, unit, name, score, level, flags, over in results["flagged_units"]:
        found = FlaggedUnit(unit, name, score, level, tuple(flags.split()), over, titles.get((tracker, unit), {}))
        flagged.setdefault(tracker, []).append(found)
    districts = []
    for tracker, organization, year, as_of, target in results["districts"]:
        t = totals.get(tracker, Totals())
        issues = IssueShare(year, t.issues_due, t.issues_on_time, target)
        districts.append(District(tracker, organization, as_of, issues, t, flagged.get(tracker, [])))
    return districts


def _tally(tally: Tally, level: str, count: int) -> Tally:
    counts = {**tally.counts, level: tally.counts[level] + count} if level in LEVELS else tally.counts
    return Tally(tally.total + count, counts)


def ranked(districts: list[District]) -> list[District]:
    """Highest mean unit score first; equal means share a rank (1, 2, 2, 4); districts without a scored unit come
    last, unranked (the rule `acct score` ranks units by)."""
    scored = sorted(
        (d for d in districts if d.totals.mean_score is not None),
        key=lambda d: (-(d.totals.mean_score or 0), d.tracker),
    )
    out: list[District] = []
    for position, district in enumerate(scored, 1):
        tie = bool(out) and out[-1].totals.mean_score == district.totals.mean_score
        out.append(replace(district, rank=out[-1].rank if tie else position))
    return out + sorted((d for d in districts if d.totals.mean_score is None), key=lambda d: d.tracker)
