"""The words and cells of `acct score`, shared by its table, its Markdown and the report's overview, so that they
always say the same: people and units by name, flags in words with each item's title, levels with what they rest on,
and every judgement about a person with its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from accountability.i18n import Messages
from accountability.i18n.words import ABBREVIATED_LEVELS, BASES, FLAGS, STEPS
from accountability.model.org import Discipline
from accountability.scoring.escalation import Escalation, Evidence
from accountability.scoring.people import PersonScore
from accountability.scoring.rules import RuleSet
from accountability.scoring.scoreboard import Scores, UnitRow

LEVEL_ORDER = ("excellent", "good", "done", "not-done")


@dataclass(frozen=True)
class Names:
    """Whom the ids of a score name: people (from the tracker) and units (from the rows scored)."""

    people: dict[str, str]
    units: dict[str, str]

    @classmethod
    def of(cls, scores: Scores, people: dict[str, str]) -> Names:
        return cls(people, {row.unit: row.name for row in scores.units})

    def person(self, ref: str) -> str:
        return self.people.get(ref, ref)

    def unit(self, ref: str) -> str:
        return self.units.get(ref, ref)


def summary_counts(rows: list[UnitRow]) -> dict[str, int]:
    totals = {"achieved": 0, "indicators": 0, "exceeded": 0, "done": 0, "tasks": 0}
    for row in rows:
        if row.result:
            tasks, indicators = row.result.task_counts(), row.result.indicator_counts()
            totals["achieved"] += indicators["achieved"]
            totals["indicators"] += indicators["total"]
            totals["exceeded"] += indicators["exceeded"]
            totals["done"] += tasks["on_time"] + tasks["late"]
            totals["tasks"] += tasks["total"]
    return totals


def summary_line(scores: Scores, t: Messages) -> str:
    line = t(
        "met or beaten {achieved}/{indicators} targets, {exceeded} of them beaten; done {done}/{tasks} tasks",
        **summary_counts(scores.units),
    )
    issues = scores.issues
    if issues.due:
        verdict = t("met") if issues.met else t("not met")
        line += "\n" + t(
            "key issues resolved on time: {resolved}/{due} ({share}), target {target}: {verdict}",
            resolved=issues.resolved_on_time,
            due=issues.due,
            share=t.percent(issues.share),
            target=t.percent(issues.target),
            verdict=verdict,
        )
    return line


def units_title(scores: Scores, t: Messages) -> str:
    return t("Units, {period} (as of {as_of})", period=t.period(scores.period), as_of=t.date(scores.as_of))


def people_title(scores: Scores, t: Messages) -> str:
    return t("People, {period} (as of {as_of})", period=t.period(scores.period), as_of=t.date(scores.as_of))


# ---------------------------------------------------------------------------------------------------------------
# units


def unit_header(t: Messages) -> list[str]:
    return [
        t("#"),
        t("Unit"),
        t("Score"),
        t("Level"),
        t("Tasks done"),
        t("Overdue"),
        t("Targets met (beaten)"),
        t("Excellent/good (most that may be excellent)"),
        t("Flags"),
    ]


def unit_cells(row: UnitRow, t: Messages) -> list[str]:
    """A unit's row: rank, name, score, level, its tasks, targets and quota in figures, and its flags in words."""
    return [
        str(row.rank or ""),
        row.name,
        t.number(row.score),
        t.level(row.result.level if row.result else None),
        tasks_done(row),
        overdue(row),
        targets_met(row),
        quota_cell(row, t),
        "; ".join(unit_flags(row, t)),
    ]


def tasks_done(row: UnitRow) -> str:
    tasks = row.result.task_counts() if row.result else None
    return f"{tasks['on_time'] + tasks['late']}/{tasks['total']}" if tasks else ""


def overdue(row: UnitRow) -> str:
    return str(row.result.task_counts()["overdue"]) if row.result else ""


def targets_met(row: UnitRow) -> str:
    indicators = row.result.indicator_counts() if row.result else None
    return f"{indicators['achieved']}/{indicators['total']} ({indicators['exceeded']})" if indicators else ""


def quota_figures(row: UnitRow) -> str:
    """'4/14 (2)': rated excellent / rated good (the most that may be excellent)."""
    quota = row.quota
    return f"{quota.excellent}/{quota.good} ({quota.allowed_excellent})"


def quota_cell(row: UnitRow, t: Messages) -> str:
    return quota_figures(row) + (f" {t('over the quota')}" if row.quota.over else "")


def unit_flags(row: UnitRow, t: Messages) -> list[str]:
    """The unit's flags in words, each kind once, naming its items by their titles."""
    titles = {r.item.id: r.item.title for g in (row.result.groups if row.result else []) for r in g.items}
    return flag_words(row.flags, titles, t)


def flag_words(flags: list[str] | tuple[str, ...], titles: dict[str, str], t: Messages) -> list[str]:
    """review-now:a review-now:b → 'review now, behind pace two quarters running: A, B': each kind said once, each
    item by its title, and by its title and id where two of the items flagged share a title."""
    named = {item: titles.get(item, item) for item in dict.fromkeys(f.partition(":")[2] for f in flags)}
    shared = {title for title in named.values() if list(named.values()).count(title) > 1}
    kinds: dict[str, list[str]] = {}
    for flag in flags:
        kind, _, item = flag.partition(":")
        title = named[item]
        kinds.setdefault(kind, []).append(f"{title} ({item})" if title in shared else title)
    return [t(FLAGS[kind], item=", ".join(items)) for kind, items in kinds.items()]


def quota_note(row: UnitRow, t: Messages) -> str:
    """A unit over the quota, in a sentence, where no column shows it."""
    q = row.quota
    return t(
        "over the quota of excellent ratings: {excellent} excellent with {good} good, when at most {allowed} may be excellent",
        excellent=q.excellent,
        good=q.good,
        allowed=q.allowed_excellent,
    )


# ---------------------------------------------------------------------------------------------------------------
# people


def person_header(t: Messages) -> list[str]:
    return [
        t("Person"),
        t("Unit"),
        t("Score"),
        t("Level"),
        t("Tasks done"),
        t("Work not completed → step"),
        t("Flags"),
    ]


def person_cells(p: PersonScore, names: Names, t: Messages) -> list[str]:
    return [
        names.person(p.person),
        names.unit(p.unit),
        person_score(p, t),
        level_label(p.level, p.period.basis, t),
        person_tasks(p),
        escalation_cell(p.escalation, t),
        "; ".join(person_flags(p, t)),
    ]


def person_score(p: PersonScore, t: Messages) -> str:
    return t.number(p.score) + ("*" if p.provisional and p.score is not None else "")


def person_tasks(p: PersonScore) -> str:
    tasks = p.task_counts()
    return f"{tasks['on_time'] + tasks['late']}/{tasks['total']}"


def person_flags(p: PersonScore, t: Messages) -> list[str]:
    flags = [t(FLAGS[flag]) for flag in p.flags]
    return flags + [t("disciplined on {on}: {form}", on=t.date(d.on), form=d.form) for d in p.period.discipline]


def level_label(level: str | None, basis: str | None, t: Messages) -> str:
    """A level with what it is: a proposal from scores, a level computed before any rating, or the rating itself."""
    if level is None:
        return t.level(None)
    return t.level(level) if basis in (None, "concluded") else f"{t.level(level)} ({t(BASES[basis])})"


def abbreviated(level: str | None, t: Messages) -> str:
    return t(ABBREVIATED_LEVELS[level]) if level else t.level(None)


def legend(levels: set[str], t: Messages) -> str:
    """'HTXSNV: Hoàn thành xuất sắc nhiệm vụ · HTTNV: …' for the levels shown abbreviated; empty where every
    abbreviation is the level itself."""
    pairs = [(abbreviated(level, t), t.level(level)) for level in LEVEL_ORDER if level in levels]
    return " · ".join(f"{short}: {full}" for short, full in pairs if short.casefold() != full.casefold())


STEP_ORDER = ("reminder", "suspension", "discipline")


def step_number(step: str | None) -> int:
    return STEP_ORDER.index(step) + 1 if step in STEP_ORDER else 0


def escalation_cell(escalation: Escalation, t: Messages) -> str:
    """'2 times → step 2: suspension': how many times work was not completed in the year, and the step reached."""
    if not escalation.count or escalation.step is None:
        return str(escalation.count)
    return t.plural(
        "{n} time → step {number}: {step}",
        "{n} times → step {number}: {step}",
        escalation.count,
        number=step_number(escalation.step),
        step=t(STEPS[escalation.step]),
    )


def escalation_short(escalation: Escalation, t: Messages) -> str:
    """'2 times → step 2', where the step's name is said in the list of judgements under the table."""
    if not escalation.count or escalation.step is None:
        return str(escalation.count)
    return t.plural(
        "{n} time → step {number}",
        "{n} times → step {number}",
        escalation.count,
        number=step_number(escalation.step),
    )


# ---------------------------------------------------------------------------------------------------------------
# judgements about people, with their evidence


def judged(p: PersonScore) -> bool:
    return bool(p.step or p.flags or p.period.discipline)


def judgement_lines(
    name: str, escalation: Escalation, discipline: tuple[Discipline, ...], flags: list[str], t: Messages
) -> list[str]:
    """What is said of a person, each judgement with its evidence: the escalation step with every time work was not
    completed (the tasks, their files and lines), a discipline decision, a flag. Evidence lines are indented."""
    lines = []
    if escalation.step:
        lines.append(escalation_line(name, escalation, t))
        lines += [f"    {line}" for line in evidence_lines(escalation, t)]
    lines += [
        t("{person}: disciplined on {on} ({form}) → not done for the period", person=name, on=t.date(d.on), form=d.form)
        for d in discipline
    ]
    return lines + [f"{name}: {t(FLAGS[flag])}" for flag in flags]


def escalation_line(name: str, escalation: Escalation, t: Messages) -> str:
    step = escalation.step or ""
    return t.plural(
        "{person}: {n} time assigned work was not completed in {year} → step {number}: {step}",
        "{person}: {n} times assigned work was not completed in {year} → step {number}: {step}",
        escalation.count,
        person=name,
        year=escalation.year,
        number=step_number(step),
        step=t(STEPS[step]) if step in STEPS else step,
    )


def evidence_lines(escalation: Escalation, t: Messages) -> list[str]:
    lines = []
    for miss in escalation.misses:
        what = [
            t(
                "«{title}» due {due}, not done by {deadline} ({where})",
                title=e.title,
                due=t.date(e.due),
                deadline=t.date(miss.deadline),
                where=where(e),
            )
            for e in miss.tasks
        ]
        if miss.concluded_not_done is not None:
            what.append(t("the month was concluded not done ({where})", where=where(miss.concluded_not_done)))
        lines.append(t("{month}: {what}", month=t.month(miss.month), what="; ".join(what)))
    return lines


def where(evidence: Evidence) -> str:
    return f"{evidence.path}:{evidence.line}" if evidence.line else evidence.path


def escalation_rule(rules: RuleSet, t: Messages) -> str:
    """The rule that every step follows, from the rule set: the steps in order, and what counts as a time."""
    steps = rules.escalation_steps
    named = [t(STEPS[step]) if step in STEPS else step for step in steps]
    parts = [t("time {n} → step {n}: {step}", n=n, step=step) for n, step in enumerate(named[:-1], 1)]
    parts.append(t("time {n} and later → step {n}: {step}", n=len(named), step=named[-1]))
    return t(
        "The steps, counted in each calendar year: {steps}. A time is a month with a task still not done {days} days after the month's end and not excused, or a month concluded not done.",
        steps="; ".join(parts),
        days=rules.grace_days,
    )


def people_judgements(scores: Scores, names: Names, t: Messages) -> list[str]:
    """Every judgement about the people shown, each person named with their unit, each with its evidence."""
    lines = []
    for p in scores.people:
        if judged(p):
            name = t("{person} ({unit})", person=names.person(p.person), unit=names.unit(p.unit))
            lines += judgement_lines(name, p.escalation, p.period.discipline, p.flags, t)
    return lines
