"""kind: org — the units (đơn vị) and the people (cán bộ, công chức) of the organisation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, PrivateAttr

from accountability.model.base import Date, Id, Record, Text


class Unit(Record):
    """A unit (đơn vị): a ward, a commune, a department, a Standing Committee."""

    id: Id
    name: Text
    parent: Id | None = None
    head: Id | None = Field(None, description="the head (người đứng đầu); a person")


class Active(Record):
    """The dates between which a person works here (thời gian công tác)."""

    from_: Date | None = Field(None, alias="from")
    to: Date | None = None


class Discipline(Record):
    """A disciplinary decision (kỷ luật); it forces 'not-done' for its period."""

    on: Date
    form: Text
    ref: str | None = None


class Person(Record):
    """A person (cán bộ, công chức, viên chức, người lao động)."""

    id: Id
    name: Text
    unit: Id
    title: str | None = None
    category: Literal["can-bo", "cong-chuc", "vien-chuc", "hop-dong"] | None = None
    handle: str | None = None
    active: Active | None = None
    discipline: list[Discipline] = []

    def active_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person is active on some day from `first` to `last`."""
        if self.active is None:
            return True
        return (self.active.from_ is None or self.active.from_ <= last) and (self.active.to is None or self.active.to >= first)


class Org(Record):
    """An org file; several are merged."""

    kind: Literal["org"]
    units: list[Unit] = []
    people: list[Person] = []
    _kept: dict[str, list[int]] | None = PrivateAttr(None)

    def position(self, key: str, index: int) -> int:
        """The index in the file of `units[index]` or `people[index]` (they differ in a salvaged, invalid file)."""
        return self._kept[key][index] if self._kept else index
