"""`acct score` on a terminal, laid out for its width.

- **Full** (piped output, which `cli.options.console` gives 200 columns, or a terminal as wide): every column, every
  level and flag in full words, as scripts have always read it.
- **Fitted** (narrower): each row on at most two lines. Levels are abbreviated with a legend (HTXSNV…), flags are
  counted in the row and said in words under the table, and columns are dropped, least needed first, until the rest
  fit. No name is ever cut short: a column is as wide as its longest word needs to keep every cell on two lines.
- **List** (narrower than LIST_BELOW, or when not even a unit's name, score and level fit): one short paragraph per
  unit and per person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from accountability.i18n import Messages
from accountability.i18n.words import SHORT_BASES
from accountability.render import score_words as words
from accountability.scoring.people import PersonScore
from accountability.scoring.scoreboard import Scores, UnitRow

FULL_WIDTH = 200
LIST_BELOW = 60
MAX_LINES = 2
GAP = 3  # between two columns: their padding and the rule
LEVEL_STYLES = {"excellent": "bold green", "good": "green", "done": "yellow", "not-done": "bold red"}


def render(scores: Scores, by: str, names: words.Names, t: Messages, console: Console) -> None:
    width = console.width
    summary = Text(words.summary_line(scores, t), style="bold")
    if width >= FULL_WIDTH:
        console.print(Group(*full(scores, by, names, t), summary))
        return
    fitted = None if width < LIST_BELOW else fitted_parts(scores, by, names, t, console)
    parts = fitted if fitted is not None else listed(scores, by, names, t)
    console.print(Group(*parts, summary, *_hint(scores, t)))


def _hint(scores: Scores, t: Messages) -> list[RenderableType]:
    """The command that explains a score, with an id to type: the one place where a reader needs an id."""
    example = next((row.unit for row in scores.units if row.result), None)
    if example is None:
        return []
    command = f"acct score {scores.period.id} --explain {example}"
    return [Text(t("Each score step by step: {command}", command=command), style="italic")]


# ---------------------------------------------------------------------------------------------------------------
# full


def full(scores: Scores, by: str, names: words.Names, t: Messages) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if by in ("unit", "all"):
        table = Table(title=words.units_title(scores, t), box=box.SIMPLE_HEAVY)
        for i, name in enumerate(words.unit_header(t)):
            table.add_column(name, justify="right" if i in (0, 2, 4, 5, 6) else "left", overflow="fold")
        for row in scores.units:
            cells: list[Any] = words.unit_cells(row, t)
            cells[3] = Text(cells[3], style=LEVEL_STYLES.get(_level(row), ""))
            cells[7] = Text(cells[7], style="bold red" if row.quota.over else "")
            table.add_row(*cells)
        parts.append(table)
    if by in ("person", "all"):
        table = Table(title=words.people_title(scores, t), box=box.SIMPLE_HEAVY)
        for i, name in enumerate(words.person_header(t)):
            table.add_column(name, justify="right" if i in (2, 4) else "left", overflow="fold")
        for p in scores.people:
            texts: list[Any] = words.person_cells(p, names, t)
            texts[3] = Text(texts[3], style=LEVEL_STYLES.get(p.level or "", ""))
            table.add_row(*texts)
        parts.append(table)
        parts += _people_notes(scores, names, t)
    return parts


def _level(row: UnitRow) -> str:
    return (row.result.level if row.result else None) or ""


def _people_notes(scores: Scores, names: words.Names, t: Messages) -> list[RenderableType]:
    """The provisional star explained, then every judgement about a person with its evidence and the rule."""
    parts: list[RenderableType] = []
    if any(p.provisional for p in scores.people):
        parts.append(_provisional(t))
    judgements = words.people_judgements(scores, names, t)
    if judgements:
        parts.append(Text(""))
        parts.append(Text(t("Escalation steps and flags, with their evidence"), style="bold"))
        parts.append(Text(words.escalation_rule(scores.rules, t), style="italic"))
        parts += [_hanging(line) for line in judgements]
    return parts


def _provisional(t: Messages) -> Text:
    return Text(t("* provisional: no rating.general yet, so the score is task_results / 0.7"), style="italic")


def _hanging(line: str) -> RenderableType:
    """A line of a list, its evidence (indented) further in; wrapped lines stay under their text."""
    indent = 6 if line.startswith("    ") else 2
    return Padding(Text(line.strip()), (0, 0, 0, indent))


# ---------------------------------------------------------------------------------------------------------------
# fitted


@dataclass(frozen=True)
class Column:
    header: str
    cells: list[Text]
    numeric: bool
    rank: int  # the order in which columns are dropped as width shrinks: the highest goes first
    required: bool = False


def fitted_parts(
    scores: Scores, by: str, names: words.Names, t: Messages, console: Console
) -> list[RenderableType] | None:
    """The fitted tables with their notes, or None when a table's required columns do not fit."""
    parts: list[RenderableType] = []
    shown = [_level(r) for r in scores.units] if by in ("unit", "all") else []
    shown += [p.level or "" for p in scores.people] if by in ("person", "all") else []
    legend = words.legend(set(shown), t)
    if by in ("unit", "all"):
        table = fit(unit_columns(scores, t), console)
        if table is None:
            return None
        parts += [Text(words.units_title(scores, t), style="bold"), table]
        parts += [Text(legend, style="italic")] if legend else []
        parts += _unit_notes(scores, t)
    if by in ("person", "all"):
        table = fit(person_columns(scores, names, t), console)
        if table is None:
            return None
        parts += [Text("")] if parts else []
        parts += [Text(words.people_title(scores, t), style="bold"), table]
        parts += [Text(legend, style="italic")] if legend and by == "person" else []
        parts += _people_notes(scores, names, t)
    return parts


def unit_columns(scores: Scores, t: Messages) -> list[Column]:
    rows = scores.units
    header = words.unit_header(t)

    def column(i: int, cell: Callable[[UnitRow], str], numeric: bool, rank: int, required: bool = False) -> Column:
        return Column(header[i], [Text(cell(r)) for r in rows], numeric, rank, required)

    level = Column(
        header[3],
        [
            Text(words.abbreviated(r.result.level if r.result else None, t), LEVEL_STYLES.get(_level(r), ""))
            for r in rows
        ],
        False,
        2,
        True,
    )
    quota = Column(
        header[7],
        [Text(words.quota_figures(r), "bold red" if r.quota.over else "") for r in rows],
        True,
        8,
    )
    return [
        column(0, lambda r: str(r.rank or ""), True, 3),
        column(1, lambda r: r.name, False, 0, True),
        column(2, lambda r: t.number(r.score), True, 1, True),
        level,
        column(4, words.tasks_done, True, 6),
        column(5, words.overdue, True, 5),
        column(6, words.targets_met, True, 7),
        quota,
        column(8, lambda r: _count(len(_unit_notes_of(r, t))), True, 4),
    ]


def _count(n: int) -> str:
    return str(n) if n else ""


def _unit_notes_of(row: UnitRow, t: Messages) -> list[str]:
    return words.unit_flags(row, t) + ([words.quota_note(row, t)] if row.quota.over else [])


def _unit_notes(scores: Scores, t: Messages) -> list[RenderableType]:
    lines = [f"{row.name}: {note}" for row in scores.units for note in _unit_notes_of(row, t)]
    if not lines:
        return []
    return [Text(""), Text(t("Flags"), style="bold"), *(_hanging(line) for line in lines)]


def person_columns(scores: Scores, names: words.Names, t: Messages) -> list[Column]:
    people = scores.people
    header = words.person_header(t)
    bases = {p.period.basis for p in people if p.level}
    proposed = bases == {"proposed"}

    def column(i: int, cell: Callable[[PersonScore], str], numeric: bool, rank: int, required: bool = False) -> Column:
        return Column(header[i], [Text(cell(p)) for p in people], numeric, rank, required)

    def level(p: PersonScore) -> Text:
        text = words.abbreviated(p.level, t)
        if not proposed and p.level and p.period.basis in ("proposed", "computed"):
            text += f" ({t(SHORT_BASES[p.period.basis])})"
        return Text(text, LEVEL_STYLES.get(p.level or "", ""))

    return [
        column(0, lambda p: names.person(p.person), False, 0, True),
        column(1, lambda p: names.unit(p.unit), False, 4),
        column(2, lambda p: words.person_score(p, t), True, 1, True),
        Column(t("Proposed level") if proposed else header[3], [level(p) for p in people], False, 2, True),
        column(4, words.person_tasks, True, 6),
        column(5, lambda p: words.escalation_short(p.escalation, t), False, 3),
        column(6, lambda p: _count(len(words.person_flags(p, t))), True, 5),
    ]


def fit(columns: list[Column], console: Console) -> Table | None:
    """The table of the columns that fit the console's width with every row on at most MAX_LINES lines, dropping
    columns by rank; None when the required ones do not fit."""
    kept: list[Column] | None = list(columns)
    while kept:
        widths = _widths(kept, console, one_line=False)
        if widths is not None:
            return _names_whole(kept, widths, console) or _table(kept, widths)
        kept = _without_last(kept)
    return None


def _names_whole(columns: list[Column], widths: list[int], console: Console) -> Table | None:
    """The table without its least needed figure, when that is what keeps every name on one line: a name read whole
    is worth more than that figure. None when the names are whole already, or would not be."""
    if all(c.numeric or _natural(c) <= w for c, w in zip(columns, widths, strict=True)):
        return None
    fewer = _without_last(columns)
    if fewer is None or not max(columns, key=lambda c: c.rank).numeric:
        return None
    whole = _widths(fewer, console, one_line=True)
    return _table(fewer, whole) if whole is not None else None


def _without_last(columns: list[Column]) -> list[Column] | None:
    """The columns but the least needed one; None when that one is required."""
    dropped = max(columns, key=lambda c: c.rank)
    return None if dropped.required else [c for c in columns if c is not dropped]


def _widths(columns: list[Column], console: Console, one_line: bool) -> list[int] | None:
    """Each column's width within the console's, spare width spread; None when they do not fit. With `one_line`,
    every text cell (not its header) keeps to one line."""
    least = [least_width(c, console) for c in columns]
    if one_line:
        least = [max(w, _natural(c)) if not c.numeric else w for c, w in zip(columns, least, strict=True)]
    spare = console.width - sum(least) - GAP * (len(columns) - 1)
    return _spread(columns, least, spare) if spare >= 0 else None


def _natural(column: Column) -> int:
    return max((cell_len(c.plain) for c in column.cells), default=0)


def least_width(column: Column, console: Console) -> int:
    """The narrowest the column can be with its header and each cell on at most MAX_LINES lines; a figure is never
    broken."""
    header = _least(column.header, console)
    cells = [cell_len(c.plain) if column.numeric else _least(c.plain, console) for c in column.cells]
    return max([header, 1, *cells])


def _least(text: str, console: Console) -> int:
    """The narrowest width that wraps `text` on at most MAX_LINES lines without breaking a word."""
    length = cell_len(text)
    longest = max((cell_len(word) for word in text.split()), default=0)
    for width in range(max(1, longest, -(-length // MAX_LINES)), length):
        if len(Text(text).wrap(console, width)) <= MAX_LINES:
            return width
    return max(length, 1)


def _spread(columns: list[Column], widths: list[int], spare: int) -> list[int]:
    """Spare width goes to the text columns, the most needed first: first so that their cells fit on one line, then
    so that their headers do."""
    widths = list(widths)
    order = sorted((i for i, c in enumerate(columns) if not c.numeric), key=lambda i: columns[i].rank)
    for with_header in (False, True):
        for i in order:
            texts = [c.plain for c in columns[i].cells] + ([columns[i].header] if with_header else [])
            extra = min(spare, max(0, max(map(cell_len, texts), default=0) - widths[i]))
            widths[i] += extra
            spare -= extra
    return widths


def _table(columns: list[Column], widths: list[int]) -> Table:
    table = Table(box=box.SIMPLE_HEAVY, show_edge=False, pad_edge=False)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, width=width, justify="right" if column.numeric else "left", overflow="fold")
    for row in zip(*(c.cells for c in columns), strict=True):
        table.add_row(*row)
    return table


# ---------------------------------------------------------------------------------------------------------------
# list


def listed(scores: Scores, by: str, names: words.Names, t: Messages) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if by in ("unit", "all"):
        parts.append(Text(words.units_title(scores, t), style="bold"))
        for row in scores.units:
            heading = f"{row.rank}. {row.name}" if row.rank else row.name
            parts += [Text(""), Text(heading, style="bold"), _pairs(_unit_pairs(row, t))]
            parts += [_hanging(note) for note in _unit_notes_of(row, t)]
    if by in ("person", "all"):
        parts += [Text("")] if parts else []
        parts.append(Text(words.people_title(scores, t), style="bold"))
        for p in scores.people:
            name = names.person(p.person)
            parts += [Text(""), Text(f"{name} ({names.unit(p.unit)})", style="bold"), _pairs(_person_pairs(p, t))]
            lines = words.judgement_lines(name, p.escalation, p.period.discipline, p.flags, t)
            parts += [_hanging(line) for line in lines]
        if any(p.provisional for p in scores.people):
            parts += [Text(""), _provisional(t)]
    return parts


def _unit_pairs(row: UnitRow, t: Messages) -> list[tuple[str, str]]:
    header = words.unit_header(t)
    if row.result is None:
        return [(header[2], t.number(None)), (header[7], words.quota_figures(row))]
    values = [
        t.number(row.score),
        t.level(row.result.level),
        words.tasks_done(row),
        words.overdue(row),
        words.targets_met(row),
        words.quota_figures(row),
    ]
    return list(zip(header[2:8], values, strict=True))


def _person_pairs(p: PersonScore, t: Messages) -> list[tuple[str, str]]:
    header = words.person_header(t)
    values = [words.person_score(p, t), words.level_label(p.level, p.period.basis, t), words.person_tasks(p)]
    return list(zip(header[2:5], values, strict=True))


def _pairs(pairs: list[tuple[str, str]]) -> RenderableType:
    """One figure a line, under its label, so that a narrow screen never splits a label from its figure."""
    return Group(*(Padding(Text(f"{label}: {value}"), (0, 0, 0, 2)) for label, value in pairs))
