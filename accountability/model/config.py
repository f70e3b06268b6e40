"""acct.yaml: the tracker's settings. Only `acct:` is required; every other key has a default."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from accountability import FORMAT_VERSION
from accountability.i18n import languages, unavailable
from accountability.model.base import Date, Id, Number, Record, Text, fail
from accountability.problems import said


class GroupCount(Record):
    """How many key task groups (nhóm nhiệm vụ trọng tâm) a commitment must have."""

    min: int = Field(3, ge=1, le=100)
    """The fewest groups (số nhóm tối thiểu)."""
    max: int = Field(5, ge=1, le=100)
    """The most groups (số nhóm tối đa)."""

    @model_validator(mode="after")
    def _ordered(self) -> GroupCount:
        if self.min > self.max:
            raise fail(
                "invalid-value",
                said("groups.min ({min}) is above groups.max ({max}); swap them", min=self.min, max=self.max),
            )
        return self


class Thresholds(Record):
    """The lowest score of each level (ngưỡng xếp loại)."""

    excellent: Number = Field(90, ge=0, le=100)
    """The lowest score rated excellent (hoàn thành xuất sắc)."""
    good: Number = Field(70, ge=0, le=100)
    """The lowest score rated good (hoàn thành tốt)."""
    done: Number = Field(50, ge=0, le=100)
    """The lowest score rated done (hoàn thành); below it is not-done."""

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not self.excellent >= self.good >= self.done:
            raise fail(
                "invalid-value",
                said(
                    "the thresholds must go down from excellent to good to done, not {excellent}, {good}, {done}; for "
                    "example {{excellent: 90, good: 70, done: 50}}",
                    excellent=float(self.excellent),
                    good=float(self.good),
                    done=float(self.done),
                ),
            )
        return self


class QuotaSettings(Record):
    """At most this share of the number rated good may be rated excellent (tỷ lệ xuất sắc)."""

    excellent_per_good: Number = Field(0.2, ge=0, le=1)
    """Excellent per good (tỷ lệ xuất sắc): excellent ≤ floor(this × the number rated good), per rating group and
    month."""
    min_group: int = Field(5, ge=1, le=100_000)
    """A unit with fewer people rated in a month is counted with its parent unit (nhóm tính tỷ lệ tối thiểu)."""


def _lines(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Lines = Annotated[
    list[Text],
    BeforeValidator(_lines),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string", "minLength": 1}}]}
    ),
]
"""One line of text, or a list of lines printed one under another."""


class Document(Record):
    """The report issued as a document (thể thức văn bản): the heading above it and the signature block below.

    Laid out as a Vietnamese administrative document: the issuing body top-left with its number, the motto and the
    place and date top-right, the signer's title and name at the end, the recipients bottom-left.
    """

    parent_issuer: Text | None = None
    """The body above the issuer (tên cơ quan cấp trên), the first line top-left, e.g. ĐẢNG BỘ TỈNH QUẢNG TRỊ."""
    issuer: Text
    """The issuing body (tên cơ quan ban hành), top-left in bold, e.g. THÀNH ỦY ĐÔNG HÀ."""
    number: Text | None = None
    """The document's number and symbol as it is written (số và ký hiệu), e.g. Số 125-BC/TU; none on a draft."""
    motto: Lines = []
    """The lines top-right (tiêu đề Đảng or quốc hiệu, tiêu ngữ), e.g. ĐẢNG CỘNG SẢN VIỆT NAM; none when left out."""
    place: Text
    """The place of issue (địa danh), written before the date: Đông Hà, ngày 10 tháng 7 năm 2023."""
    date: Date | None = None
    """The date of issue (ngày ban hành); the report's as-of date when left out."""
    signer_title: Lines
    """The signer's authority and title (quyền hạn, chức vụ người ký), e.g. [T/M BAN THƯỜNG VỤ, BÍ THƯ]."""
    signer: Text
    """The signer's full name (họ tên người ký)."""
    recipients: Lines = []
    """Where the document is sent (nơi nhận), listed bottom-left, e.g. [Tỉnh ủy Quảng Trị, Lưu Văn phòng Thành ủy]."""


class Config(Record):
    """The tracker's config, acct.yaml (tệp cấu hình)."""

    kind: Literal["config"] = "config"
    """The kind of file (loại tệp); optional, since acct.yaml is always the config."""
    acct: int
    """The format version; required (phiên bản định dạng)."""
    id: Id | None = None
    """The tracker's id (mã bộ theo dõi): names its rows in exports combined with other trackers'."""
    organization: str | None = None
    """The organisation's name, shown in report headings (tên tổ chức)."""
    language: str | None = None
    """The language of labels, one of acct's catalogues: vi or en (ngôn ngữ); English when left out."""
    groups: GroupCount = GroupCount()
    """How many key task groups a commitment must have (số nhóm nhiệm vụ trọng tâm)."""
    rules: Literal["nd335"] = "nd335"
    """The rating rules (bộ quy tắc): nd335, after Nghị định 335/2025/NĐ-CP."""
    thresholds: Thresholds = Thresholds()
    """The thresholds of the levels, for units and people (ngưỡng xếp loại)."""
    quota: QuotaSettings = QuotaSettings()
    """The quota of excellent ratings (tỷ lệ xuất sắc)."""
    late_credit: Number = Field(0.5, ge=0, le=1)
    """The credit of a commitment task done late (điểm nhiệm vụ hoàn thành chậm)."""
    due_soon_days: int = Field(14, ge=0, le=366)
    """Work due within this many days is listed as due-soon (sắp đến hạn)."""
    grace_days: int = Field(5, ge=0, le=366)
    """Days after a period's end before a report or evaluation step is overdue (thời gian gia hạn)."""
    reports: Literal["quarterly", "monthly", "none"] = "quarterly"
    """How often indicators must report progress (kỳ báo cáo)."""
    issues_target: Number = Field(0.8, ge=0, le=1)
    """The share of key issues to resolve on time each year (tỷ lệ giải quyết đúng hạn)."""
    document: Document | None = None
    """The heading and signature block of `acct report --format html` (thể thức văn bản); none when left out."""

    @field_validator("language")
    @classmethod
    def _available(cls, value: str | None) -> str | None:
        # One catalogue file per language (accountability/i18n/), so a new language needs no change here.
        if value is not None and value not in languages():
            raise fail("invalid-value", unavailable("language", value))
        return value

    @field_validator("acct", mode="before")
    @classmethod
    def _supported(cls, value: object) -> object:
        if value != FORMAT_VERSION or isinstance(value, bool):
            raise fail(
                "unsupported-version",
                said(
                    "format version {value} is not supported; this acct reads 'acct: {version}'",
                    value=repr(value),
                    version=FORMAT_VERSION,
                ),
            )
        return value


DEFAULT_CONFIG = Config(acct=1)
