"""kind: issue — a key or pressing issue (vấn đề trọng tâm, nổi cộm, bức xúc) and its plan."""

from __future__ import annotations

from typing import Literal

from accountability.model.base import Date, Id, Record, Text


class Issue(Record):
    """An issue raised by a unit, handled by the unit whose authority it falls under, led by one person."""

    kind: Literal["issue"]
    id: Id
    title: Text
    raised: Date
    raised_by: Id
    handled_by: Id
    lead: Id
    coordinators: list[Id] = []
    due: Date
    resolved: Date | None = None
