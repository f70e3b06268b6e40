"""kind: org — the units (đơn vị) and the people (cán bộ, công chức) of the organisation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, PrivateAttr

from accountability.model.base import Date, Id, Record, Text


class Unit(Record):
    """A unit (đơn vị): a ward, a commune, a department, a Standing Committee."""

    id: Id
    """The unit's id (mã đơn vị), a slug such as phuong-1."""
    name: Text
    """The unit's name (tên đơn vị), e.g. Phường 1."""
    parent: Id | None = None
    """The unit above it (đơn vị cấp trên); units form a tree."""
    head: Id | None = None
    """The head (người đứng đầu): a person's id."""
    external: bool = False
    """A body outside this tracker, such as the province's Standing Committee (đơn vị bên ngoài): its people may
    assign work, rate and approve, but keep no monthly plans here, so none is expected of them."""
    rated_by: Id | None = None
    """Who rates the unit's head each month (người đánh giá, xếp loại người đứng đầu): a person's id. Left out, it is
    the head of the nearest unit above that has one, else the head of the body the unit's commitment is made to."""


class Active(Record):
    """The dates between which a person works here (thời gian công tác)."""

    from_: Date | None = Field(None, alias="from")
    """The first day of work here (từ ngày)."""
    to: Date | None = None
    """The last day of work here (đến ngày)."""


class Discipline(Record):
    """A disciplinary decision (kỷ luật); it forces 'not-done' for its period."""

    on: Date
    """The date of the decision (ngày quyết định kỷ luật)."""
    form: Text
    """The form of discipline (hình thức kỷ luật), e.g. khiển trách."""
    ref: str | None = None
    """The decision's reference (số quyết định), e.g. QĐ 12-QĐ/UBKT."""


class Person(Record):
    """A person (cán bộ, công chức, viên chức, người lao động)."""

    id: Id
    """The person's id (mã cán bộ), a slug such as nguyen-van-a."""
    name: Text
    """The full name with diacritics (họ và tên)."""
    unit: Id
    """The person's unit (đơn vị công tác)."""
    title: str | None = None
    """The position (chức vụ), free text."""
    category: Literal["can-bo", "cong-chuc", "vien-chuc", "hop-dong"] | None = None
    """The category (đối tượng): can-bo, cong-chuc, vien-chuc or hop-dong (người lao động hợp đồng)."""
    handle: str | None = None
    """The person's user name on the git host (tài khoản git), for CODEOWNERS."""
    email: str | None = None
    """The person's email (thư điện tử), as git's user.email: it tells acct who is typing when --by is left out."""
    active: Active | None = None
    """When the person works here (thời gian công tác); plans only for those months."""
    discipline: list[Discipline] = []
    """Disciplinary decisions (kỷ luật): each forces not-done for its period."""

    def active_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person is active on some day from `first` to `last`."""
        if self.active is None:
            return True
        return (self.active.from_ is None or self.active.from_ <= last) and (
            self.active.to is None or self.active.to >= first
        )


class Org(Record):
    """An org file; several are merged."""

    kind: Literal["org"]
    """The kind of file (loại tệp): always org."""
    units: list[Unit] = []
    """The units (đơn vị)."""
    people: list[Person] = []
    """The people (cán bộ, công chức)."""
    _kept: dict[str, list[int]] | None = PrivateAttr(None)

    def position(self, key: str, index: int) -> int:
        """The index in the file of `units[index]` or `people[index]` (they differ in a salvaged, invalid file)."""
        return self._kept[key][index] if self._kept else index
