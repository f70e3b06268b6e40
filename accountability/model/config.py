"""acct.yaml: the tracker's settings. Only `acct:` is required; every other key has a default."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from accountability import FORMAT_VERSION
from accountability.model.base import Number, Record, fail


class GroupCount(Record):
    """How many key task groups (nhóm nhiệm vụ trọng tâm) a commitment must have."""

    min: int = Field(3, ge=1)
    max: int = Field(5, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> GroupCount:
        if self.min > self.max:
            raise fail("invalid-value", f"groups.min ({self.min}) is above groups.max ({self.max}); swap them")
        return self


class Thresholds(Record):
    """The lowest score of each level (ngưỡng xếp loại)."""

    excellent: Number = 90
    good: Number = 70
    done: Number = 50


class Quota(Record):
    """At most this share of the number rated good may be rated excellent (tỷ lệ xuất sắc)."""

    excellent_per_good: Number = Field(0.2, ge=0)


class Config(Record):
    """The tracker's config, acct.yaml (tệp cấu hình)."""

    kind: Literal["config"] = "config"
    acct: int = Field(description="format version")
    organization: str | None = None
    language: Literal["vi", "en"] | None = None
    groups: GroupCount = GroupCount()
    rules: Literal["nd335"] = "nd335"
    thresholds: Thresholds = Thresholds()
    quota: Quota = Quota()
    late_credit: Number = Field(0.5, ge=0, le=1)
    due_soon_days: int = Field(14, ge=0)
    grace_days: int = Field(5, ge=0)
    reports: Literal["quarterly", "monthly", "none"] = "quarterly"
    issues_target: Number = Field(0.8, ge=0, le=1)

    @field_validator("acct", mode="before")
    @classmethod
    def _supported(cls, value: object) -> object:
        if value != FORMAT_VERSION or isinstance(value, bool):
            raise fail("unsupported-version", f"format version {value!r} is not supported; this acct reads 'acct: {FORMAT_VERSION}'")
        return value


DEFAULT_CONFIG = Config(acct=1)
