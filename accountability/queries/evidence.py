"""The lines of the evidence that judgements about people show: each task not completed, each not-done rating.

Scoring names the evidence by file and place in the document; this fills in the line, by reading again only the
files that hold evidence (`files.locate`), just before the output that shows it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from accountability.files.locate import located
from accountability.scoring.escalation import Evidence, Miss
from accountability.scoring.people import PersonScore
from accountability.scoring.scoreboard import Scores


def with_lines(root: Path, scores: Scores) -> Scores:
    """The same scores, with the line of every piece of escalation evidence."""
    pending = [e for p in scores.people for m in p.escalation.misses for e in _evidence(m) if e.line == 0]
    if not pending:
        return scores
    lines = {(e.path, e.at): (e.line, e.col) for e in located(root, pending)}
    people = [_person(p, lines) for p in scores.people]
    return dataclasses.replace(scores, people=people)


def _evidence(miss: Miss) -> list[Evidence]:
    return [*miss.tasks, *([miss.concluded_not_done] if miss.concluded_not_done else [])]


def _placed(
    evidence: Evidence | None, lines: dict[tuple[str, tuple[str | int, ...]], tuple[int, int]]
) -> Evidence | None:
    if evidence is None or (evidence.path, evidence.at) not in lines:
        return evidence
    line, col = lines[(evidence.path, evidence.at)]
    return dataclasses.replace(evidence, line=line, col=col)


def _person(person: PersonScore, lines: dict[tuple[str, tuple[str | int, ...]], tuple[int, int]]) -> PersonScore:
    if not person.escalation.misses:
        return person
    misses = tuple(
        dataclasses.replace(
            m,
            tasks=tuple(_placed(e, lines) or e for e in m.tasks),
            concluded_not_done=_placed(m.concluded_not_done, lines),
        )
        for m in person.escalation.misses
    )
    return dataclasses.replace(person, escalation=dataclasses.replace(person.escalation, misses=misses))
