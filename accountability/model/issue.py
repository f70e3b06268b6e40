"""kind: issue — a key or pressing issue (vấn đề trọng tâm, nổi cộm, bức xúc) and its plan."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from accountability.model.base import Date, Id, Record, Text


class IssueAmendment(Record):
    """An approved change to a key issue's plan (điều chỉnh kế hoạch giải quyết): a later `due`, a corrected
    `resolved`, another lead."""

    on: Date
    """The date of approval (ngày điều chỉnh)."""
    set: dict[str, Any] = Field(min_length=1)
    """The fields changed, with their new values (nội dung điều chỉnh)."""
    reason: Text
    """Why (lý do điều chỉnh)."""
    approved_by: Id
    """The unit or person who approved it (cấp phê duyệt)."""


class Issue(Record):
    """An issue raised by a unit, handled by the unit whose authority it falls under, led by one person."""

    kind: Literal["issue"]
    """The kind of file (loại tệp): always issue."""
    id: Id
    """The issue's id (mã vấn đề)."""
    title: Text
    """The issue (nội dung vấn đề)."""
    raised: Date
    """The day it was raised (ngày phát sinh)."""
    raised_by: Id
    """The unit that raised it (đơn vị đề xuất)."""
    handled_by: Id
    """The unit whose authority it falls under (thẩm quyền giải quyết)."""
    lead: Id
    """The one person who leads (người chủ trì)."""
    coordinators: list[Id] = []
    """Units that coordinate (đơn vị phối hợp)."""
    due: Date
    """The deadline (thời hạn giải quyết)."""
    resolved: Date | None = None
    """The day it was resolved (ngày giải quyết xong); left out while open."""
    amendments: list[IssueAmendment] = []
    """Approved changes to its due date, its resolution or its lead (điều chỉnh)."""
