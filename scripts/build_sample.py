#!/usr/bin/env python3
"""Build the sample tracker in commitments/: Thành ủy Đông Hà, 2023.

Run from the project's root:

    python scripts/build_sample.py

It rewrites everything under commitments/ and touches nothing outside it. The output is byte-identical on every
run: the org, the commitments and the key issues are written out by hand below, and the monthly plans
(2023-01 to 2023-06, one per person per month) are generated with random.Random(2023).

Only the standard library is used, except for the JSON Schemas in commitments/_schema/, which come from the
package's own models (`accountability.authoring.schema`) so that they match what `acct check` accepts. YAML is written by hand, quoting every string that a YAML parser could read as
something other than the same string.

Everything in the sample is fictional: the people, their tasks and the figures. The practices it follows are those
of the source documents (Đông Hà city's yearly responsibility commitments to the city Standing Committee, with 3–5
key task groups and quarterly progress reports; monthly work plans evaluated in 3 steps; key issues with a lead,
coordinators and a deadline).
"""

# ruff: noqa: E501  (the sample data is written out in long lines of Vietnamese text)

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT / "commitments"
YEAR = 2023
PLAN_MONTHS = [1, 2, 3, 4, 5, 6]
SCHEMA_DIR = "_schema"  # where `acct schema` writes by default

# The deliberate breach of the quota of excellent ratings (Quy định 124/366): in this unit and month, two people
# are rated excellent (their scores are ≥ 90) while four are rated good, and floor(0.2 × 4) = 0 are allowed.
# `acct check` warns `quota-exceeded` for it. Set to None to build a sample without the breach.
OVER_QUOTA: tuple[str, int] | None = ("phuong-dong-thanh", 4)

D = dt.date


# ---------------------------------------------------------------------------------------------------------------
# Writing YAML by hand
# ---------------------------------------------------------------------------------------------------------------


class Flow(dict):
    """A mapping written in flow style: {on: 2023-03-31, value: 26.4}."""


class FlowList(list):
    """A list of short scalars written in flow style: [cong-an-tp, phong-tai-chinh]."""


class Comment(str):
    """A comment line, written where it stands in a list or (as a key) in a mapping."""


_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}
_NUMBERISH = re.compile(
    r"^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|\.inf|\.nan|[\d:]+)$",
    re.IGNORECASE,
)
_DATEISH = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def scalar(value: object, flow: bool = False) -> str:
    """One scalar as YAML: dates and numbers bare, strings plain unless quoting is needed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(round(value, 6))
        return text
    if value is None:
        return "null"
    text = nfc(str(value))
    if _needs_quotes(text, flow):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _needs_quotes(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return True
    if text[0] in _SPECIAL_START or ":" in text or "#" in text:
        return True
    if text.lower() in _RESERVED or _NUMBERISH.match(text) or _DATEISH.match(text):
        return True
    if flow and any(c in text for c in ",[]{}"):
        return True
    return False


def flow(mapping: dict) -> str:
    parts = []
    for key, value in mapping.items():
        parts.append(f"{key}: {flow(value) if isinstance(value, dict) else scalar(value, flow=True)}")
    return "{" + ", ".join(parts) + "}"


def block(mapping: dict, indent: int = 0) -> list[str]:
    """A mapping in block style, one key a line; nested mappings and lists of mappings indented below."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(key, Comment):
            lines.append(f"{pad}# {nfc(key)}")
            continue
        if value is None:
            continue
        if isinstance(value, Flow):
            lines.append(f"{pad}{key}: {flow(value)}")
        elif isinstance(value, FlowList):
            lines.append(f"{pad}{key}: [" + ", ".join(scalar(v, flow=True) for v in value) + "]")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(block(value, indent + 2))
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            lines.append(f"{pad}{key}:")
            lines.extend(sequence(value, indent + 2))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def sequence(items: list, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, Comment):
            lines.append(f"{pad}# {nfc(item)}")
        elif isinstance(item, Flow):
            lines.append(f"{pad}- {flow(item)}")
        elif isinstance(item, dict):
            lines.extend(f"{pad}# {nfc(k)}" for k in item if isinstance(k, Comment))
            inner = block({k: v for k, v in item.items() if not isinstance(k, Comment)}, indent + 2)
            inner[0] = f"{pad}- " + inner[0][indent + 2 :]
            lines.extend(inner)
        else:
            lines.append(f"{pad}- {scalar(item)}")
    return lines


def document(header: list[str], body: dict) -> str:
    lines = [f"# {nfc(h)}" if h else "#" for h in header]
    lines.extend(block(body))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Names and ids
# ---------------------------------------------------------------------------------------------------------------


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


# ---------------------------------------------------------------------------------------------------------------
# The org: units and people (fictional)
# ---------------------------------------------------------------------------------------------------------------

UNITS = [
    # id, name, parent
    ("thanh-uy", "Thành ủy Đông Hà", None),
    ("btv", "Ban Thường vụ Thành ủy", "thanh-uy"),
    ("phuong-1", "Phường 1", "thanh-uy"),
    ("phuong-5", "Phường 5", "thanh-uy"),
    ("phuong-dong-luong", "Phường Đông Lương", "thanh-uy"),
    ("phuong-dong-le", "Phường Đông Lễ", "thanh-uy"),
    ("phuong-dong-thanh", "Phường Đông Thanh", "thanh-uy"),
    ("van-phong-thanh-uy", "Văn phòng Thành ủy", "thanh-uy"),
    ("ban-to-chuc", "Ban Tổ chức Thành ủy", "thanh-uy"),
    ("phong-tai-chinh", "Phòng Tài chính – Kế hoạch", "thanh-uy"),
    ("cong-an-tp", "Công an thành phố", "thanh-uy"),
]
UNIT_NAME = {u: n for u, n, _ in UNITS}
WARDS = ["phuong-1", "phuong-5", "phuong-dong-luong", "phuong-dong-le", "phuong-dong-thanh"]


@dataclass
class Person:
    name: str
    unit: str
    title: str
    category: str
    role: str  # the pool of monthly tasks the generator draws from
    handle: str | None = None
    active: dict | None = None
    discipline: list[dict] = field(default_factory=list)
    head: bool = False
    deputy: bool = False
    general: int = 26  # the usual rating.general the competent level gives this person

    @property
    def id(self) -> str:
        return slug(self.name)


def P(name, unit, title, category, role, handle="", general=26, head=False, deputy=False, active=None, discipline=None):
    if handle == "":
        handle = slug(name).replace("-", "")
    return Person(name, unit, title, category, role, handle or None, active, discipline or [], head, deputy, general)


PEOPLE = [
    # Ban Thường vụ Thành ủy
    P("Lê Quang Thịnh", "btv", "Bí thư Thành ủy", "can-bo", "bi-thu-tu", general=28, head=True),
    P("Trần Thị Thu Hà", "btv", "Phó Bí thư Thường trực Thành ủy", "can-bo", "pbt-tt", general=28, deputy=True),
    P("Nguyễn Đức Hải", "btv", "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố", "can-bo", "ct-tp", general=27),
    P(
        "Hoàng Văn Phúc",
        "btv",
        "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Thành ủy",
        "can-bo",
        "ubkt",
        general=27,
    ),
    # Phường 1
    P("Phan Văn Dũng", "phuong-1", "Bí thư Đảng ủy phường", "can-bo", "bi-thu-phuong", general=27, head=True),
    P(
        "Võ Thị Lan",
        "phuong-1",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
        "can-bo",
        "ct-phuong",
        general=27,
        deputy=True,
    ),
    P("Đặng Quốc Huy", "phuong-1", "Phó Chủ tịch UBND phường", "can-bo", "pct-phuong", general=26, deputy=True),
    P("Nguyễn Thị Mỹ Linh", "phuong-1", "Công chức Văn phòng – Thống kê", "cong-chuc", "vp-tk", general=27),
    P("Lê Văn Tài", "phuong-1", "Công chức Địa chính – Xây dựng", "cong-chuc", "dc-xd", general=25),
    P("Trương Thị Hoa", "phuong-1", "Công chức Tài chính – Kế toán", "cong-chuc", "tc-kt", general=26),
    # Phường 5
    P("Hồ Văn Thắng", "phuong-5", "Bí thư Đảng ủy phường", "can-bo", "bi-thu-phuong", general=27, head=True),
    P(
        "Nguyễn Thị Hằng",
        "phuong-5",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
        "can-bo",
        "ct-phuong",
        general=26,
        deputy=True,
    ),
    P("Lê Minh Tuấn", "phuong-5", "Phó Chủ tịch UBND phường", "can-bo", "pct-phuong", general=26, deputy=True),
    P("Đỗ Thị Ngọc Ánh", "phuong-5", "Công chức Văn hóa – Xã hội", "cong-chuc", "vh-xh", general=27),
    P(
        "Trần Quang Vinh",
        "phuong-5",
        "Công chức Địa chính – Xây dựng",
        "cong-chuc",
        "dc-xd",
        general=25,
        active={"from": D(2023, 3, 1)},
    ),
    P("Phạm Thị Thúy", "phuong-5", "Công chức Tư pháp – Hộ tịch", "cong-chuc", "tp-ht", general=26, handle=None),
    # Phường Đông Lương
    P(
        "Nguyễn Hữu Phước",
        "phuong-dong-luong",
        "Bí thư Đảng ủy phường",
        "can-bo",
        "bi-thu-phuong",
        general=27,
        head=True,
    ),
    P(
        "Trần Văn Sơn",
        "phuong-dong-luong",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
        "can-bo",
        "ct-phuong",
        general=26,
        deputy=True,
    ),
    P(
        "Lê Thị Thanh Tâm",
        "phuong-dong-luong",
        "Phó Chủ tịch UBND phường",
        "can-bo",
        "pct-phuong",
        general=27,
        deputy=True,
    ),
    P("Hoàng Minh Đức", "phuong-dong-luong", "Công chức Địa chính – Xây dựng", "cong-chuc", "dc-xd", general=26),
    P(
        "Phạm Văn Quang",
        "phuong-dong-luong",
        "Công chức Tài chính – Kế toán",
        "cong-chuc",
        "tc-kt",
        general=24,
        discipline=[{"on": D(2023, 6, 14), "form": "khiển trách", "ref": "QĐ 41-QĐ/UBKT"}],
    ),
    P(
        "Ngô Thị Bích Ngọc",
        "phuong-dong-luong",
        "Công chức Văn phòng – Thống kê",
        "cong-chuc",
        "vp-tk",
        general=27,
        active={"from": D(2021, 7, 1)},
    ),
    # Phường Đông Lễ
    P("Trần Đình Khoa", "phuong-dong-le", "Bí thư Đảng ủy phường", "can-bo", "bi-thu-phuong", general=27, head=True),
    P(
        "Lê Thị Kim Oanh",
        "phuong-dong-le",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
        "can-bo",
        "ct-phuong",
        general=27,
        deputy=True,
    ),
    P("Nguyễn Văn Toàn", "phuong-dong-le", "Phó Chủ tịch UBND phường", "can-bo", "pct-phuong", general=25, deputy=True),
    P(
        "Đoàn Văn Hậu",
        "phuong-dong-le",
        "Công chức Địa chính – Xây dựng",
        "cong-chuc",
        "dc-xd",
        general=24,
        discipline=[{"on": D(2023, 3, 10), "form": "khiển trách", "ref": "QĐ 12-QĐ/UBKT"}],
    ),
    P("Võ Thị Thu Trang", "phuong-dong-le", "Công chức Văn hóa – Xã hội", "cong-chuc", "vh-xh", general=27),
    P("Hồ Thị Mai", "phuong-dong-le", "Nhân viên văn thư (hợp đồng)", "hop-dong", "van-thu", general=26, handle=None),
    # Phường Đông Thanh
    P(
        "Nguyễn Thanh Bình",
        "phuong-dong-thanh",
        "Bí thư Đảng ủy phường",
        "can-bo",
        "bi-thu-phuong",
        general=28,
        head=True,
    ),
    P(
        "Phan Thị Diệu Hiền",
        "phuong-dong-thanh",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
        "can-bo",
        "ct-phuong",
        general=28,
        deputy=True,
    ),
    P("Trần Hữu Lộc", "phuong-dong-thanh", "Phó Chủ tịch UBND phường", "can-bo", "pct-phuong", general=26, deputy=True),
    P("Lê Văn Hưng", "phuong-dong-thanh", "Công chức Địa chính – Xây dựng", "cong-chuc", "dc-xd", general=26),
    P("Nguyễn Thị Phương Thảo", "phuong-dong-thanh", "Công chức Tư pháp – Hộ tịch", "cong-chuc", "tp-ht", general=27),
    P(
        "Dương Văn Nam",
        "phuong-dong-thanh",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự phường",
        "cong-chuc",
        "quan-su",
        general=26,
        active={"from": D(2019, 10, 1)},
    ),
    # Văn phòng Thành ủy
    P(
        "Nguyễn Thị Thanh Nga",
        "van-phong-thanh-uy",
        "Chánh Văn phòng Thành ủy",
        "cong-chuc",
        "lanh-dao-vp",
        general=27,
        head=True,
    ),
    P(
        "Trần Minh Hiếu",
        "van-phong-thanh-uy",
        "Phó Chánh Văn phòng Thành ủy",
        "cong-chuc",
        "lanh-dao-vp",
        general=26,
        deputy=True,
    ),
    P("Lê Thị Hồng Nhung", "van-phong-thanh-uy", "Chuyên viên Tổng hợp", "cong-chuc", "cv-vp", general=27),
    P("Phạm Quốc Bảo", "van-phong-thanh-uy", "Chuyên viên Quản trị – Tài vụ", "cong-chuc", "cv-tai-vu", general=26),
    P("Hà Thị Yến", "van-phong-thanh-uy", "Viên chức Công nghệ thông tin – Lưu trữ", "vien-chuc", "cntt", general=26),
    # Ban Tổ chức Thành ủy
    P(
        "Võ Văn Hùng",
        "ban-to-chuc",
        "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy",
        "can-bo",
        "lanh-dao-btc",
        general=27,
        head=True,
    ),
    P(
        "Nguyễn Thị Thu Hương",
        "ban-to-chuc",
        "Phó Trưởng Ban Tổ chức Thành ủy",
        "cong-chuc",
        "lanh-dao-btc",
        general=27,
        deputy=True,
    ),
    P("Trần Anh Tú", "ban-to-chuc", "Chuyên viên", "cong-chuc", "cv-btc", general=26),
    P(
        "Lê Thị Ngọc Hân",
        "ban-to-chuc",
        "Chuyên viên",
        "cong-chuc",
        "cv-btc",
        general=26,
        active={"from": D(2022, 9, 15)},
    ),
    # Phòng Tài chính – Kế hoạch
    P("Phạm Văn Long", "phong-tai-chinh", "Trưởng phòng", "cong-chuc", "lanh-dao-ptc", general=27, head=True),
    P(
        "Hoàng Thị Thu Thủy",
        "phong-tai-chinh",
        "Phó Trưởng phòng",
        "cong-chuc",
        "lanh-dao-ptc",
        general=27,
        deputy=True,
    ),
    P("Nguyễn Văn Thành", "phong-tai-chinh", "Chuyên viên Quản lý đầu tư", "cong-chuc", "cv-ptc", general=26),
    P("Đinh Thị Quỳnh", "phong-tai-chinh", "Chuyên viên Kế hoạch – Tổng hợp", "cong-chuc", "cv-ptc", general=26),
    P("Lê Hoàng Nam", "phong-tai-chinh", "Chuyên viên Quản lý ngân sách", "cong-chuc", "cv-ptc", general=25),
    # Công an thành phố
    P(
        "Trần Đức Mạnh",
        "cong-an-tp",
        "Ủy viên Ban Thường vụ Thành ủy, Trưởng Công an thành phố",
        "can-bo",
        "truong-ca",
        general=27,
        head=True,
    ),
    P("Nguyễn Văn Cường", "cong-an-tp", "Phó Trưởng Công an thành phố", "can-bo", "pho-ca", general=26, deputy=True),
    P("Lê Trọng Nghĩa", "cong-an-tp", "Đội trưởng Đội Cảnh sát trật tự", "can-bo", "doi-ca", general=26, handle=None),
]

BY_ID = {p.id: p for p in PEOPLE}
HEAD = {p.unit: p.id for p in PEOPLE if p.head}
BTV_HEAD = HEAD["btv"]
BTV_STANDING = slug("Trần Thị Thu Hà")  # assigns the tasks of the head of btv and rates him
DEPUTIES = {u: [p.id for p in PEOPLE if p.unit == u and p.deputy] for u, _, _ in UNITS}
UNIT_SIZE = {u: sum(1 for p in PEOPLE if p.unit == u) for u, _, _ in UNITS}
# A few handles are not the plain name: people choose their own user names on the git host.
HANDLE_OVERRIDES = {
    slug("Lê Quang Thịnh"): "thinhlq-dongha",
    slug("Nguyễn Đức Hải"): "haind",
    slug("Hà Thị Yến"): "yenht-it",
    slug("Trần Minh Hiếu"): "hieutm",
    slug("Phạm Văn Long"): "longpv-tckh",
}
for _pid, _handle in HANDLE_OVERRIDES.items():
    BY_ID[_pid].handle = _handle


def org_document() -> str:
    units = []
    for uid, name, parent in UNITS:
        unit = {"id": uid, "name": name}
        if parent:
            unit["parent"] = parent
        if uid in HEAD:
            unit["head"] = HEAD[uid]
        units.append(unit)
    people: list = []
    last_unit = None
    for p in PEOPLE:
        if p.unit != last_unit:
            people.append(Comment(UNIT_NAME[p.unit]))
            last_unit = p.unit
        entry: dict = {"id": p.id, "name": p.name, "unit": p.unit, "title": p.title, "category": p.category}
        if p.handle:
            entry["handle"] = p.handle
        if p.active:
            entry["active"] = Flow(p.active)
        if p.discipline:
            entry["discipline"] = [Flow(d) for d in p.discipline]
        people.append(entry)
    body = {
        "kind": "org",
        Comment("Đơn vị: Thành ủy, Ban Thường vụ và các đơn vị trực thuộc ký cam kết trách nhiệm"): None,
        "units": units,
        Comment("Cán bộ, công chức, viên chức và người lao động; mỗi người thuộc một đơn vị"): None,
        "people": people,
    }
    header = [
        "Tổ chức bộ máy và nhân sự của Thành ủy Đông Hà (dữ liệu mẫu, hư cấu)",
        "Mỗi đơn vị có một người đứng đầu (head); handle là tên người dùng trên git, dùng cho CODEOWNERS.",
    ]
    return document(header, body)


# ---------------------------------------------------------------------------------------------------------------
# Commitments (bản cam kết trách nhiệm năm 2023), written out by hand
# ---------------------------------------------------------------------------------------------------------------

Q_END = [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
Q_NOTE = ["Quý I", "Quý II", "Quý III", "Quý IV"]


def task(id, title, owner, due, done=None, weight=None, evidence=None, acts=None, note=None):
    """A task item. `acts` are monthly steps that plan tasks take from it; they are not written to the file."""
    item = {"id": id, "title": title, "owner": slug(owner), "due": due, "done": done, "weight": weight}
    if note:
        item = {Comment(note): None, **item}
    if evidence:
        item["evidence"] = evidence
    return item, acts or []


def ind(
    id,
    title,
    owner,
    due,
    value,
    unit,
    direction,
    reports,
    milestones=None,
    dates=None,
    weight=None,
    evidence=None,
    acts=None,
    note=None,
):
    """An indicator item; `reports` are the cumulative values at the ends of Q1..Q4, dated at the quarter ends
    unless `dates` says otherwise."""
    item: dict = {"id": id, "title": title, "owner": slug(owner), "due": due, "weight": weight}
    if note:
        item = {Comment(note): None, **item}
    if evidence:
        item["evidence"] = evidence
    item["target"] = Flow({"value": value, "unit": unit, "direction": direction})
    if milestones:
        item["milestones"] = [Flow({"by": by, "value": v}) for by, v in milestones]
    dates = dates or Q_END
    item["reports"] = [
        Flow({"on": on, "value": v, "note": Q_NOTE[i]}) for i, (on, v) in enumerate(zip(dates, reports, strict=False))
    ]
    return item, acts or []


def group(id, title, *items, weight=None):
    return {"id": id, "title": title, "weight": weight, "items": list(items)}


# Report dates a few days after the quarter's end (within the 5 grace days), for some indicators whose figure is a
# rate, so that the quarter's score still reads the previous figure, which is on pace.
LATE_DATES = [D(2023, 3, 31), D(2023, 7, 5), D(2023, 10, 4), D(2023, 12, 29)]
DEC = D(2023, 12, 31)

COMMITMENTS = {
    "phuong-1": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "gpmb",
                "Giải phóng mặt bằng, bàn giao mặt bằng các công trình trọng điểm",
                task(
                    "gpmb-hung-vuong",
                    "Bàn giao mặt bằng dự án mở rộng đường Hùng Vương (đoạn qua Phường 1)",
                    "Đặng Quốc Huy",
                    D(2023, 6, 30),
                    done=D(2023, 8, 14),
                    weight=2,
                    evidence=["Biên bản bàn giao mặt bằng ngày 14/8/2023"],
                    acts=[
                        "Vận động, đối thoại với các hộ chưa nhận tiền bồi thường dự án mở rộng đường Hùng Vương",
                        "Tổ chức chi trả tiền bồi thường đợt {n} dự án mở rộng đường Hùng Vương",
                        "Kiểm tra hiện trạng, cắm mốc giới mặt bằng tuyến Hùng Vương",
                    ],
                    note="Chậm so với cam kết: một số hộ chưa thống nhất giá bồi thường",
                ),
                task(
                    "kiem-dem-tay-le-loi",
                    "Hoàn thành kiểm đếm, lập phương án bồi thường khu dân cư phía Tây đường Lê Lợi",
                    "Lê Văn Tài",
                    D(2023, 4, 30),
                    done=D(2023, 4, 25),
                    acts=[
                        "Kiểm đếm đất đai, tài sản trên đất khu dân cư phía Tây đường Lê Lợi",
                        "Hoàn thiện hồ sơ nguồn gốc đất các hộ phía Tây đường Lê Lợi",
                    ],
                ),
                weight=30,
            ),
            group(
                "do-thi",
                "Trật tự đô thị, xây dựng văn minh đô thị",
                ind(
                    "vi-pham-trat-tu-do-thi",
                    "Số vụ vi phạm trật tự đô thị, lấn chiếm lòng lề đường phát sinh trong năm",
                    "Đặng Quốc Huy",
                    DEC,
                    40,
                    "vụ",
                    "down",
                    [11, 19, 27, 34],
                    acts=[
                        "Chỉ đạo ra quân lập lại trật tự lòng lề đường tuyến {street}",
                        "Tổng hợp, xử lý các vụ vi phạm trật tự đô thị tháng {m}",
                    ],
                ),
                task(
                    "tuyen-pho-van-minh",
                    "Xây dựng tuyến phố văn minh đô thị Trần Hưng Đạo",
                    "Võ Thị Lan",
                    D(2023, 9, 30),
                    done=D(2023, 9, 15),
                    evidence=["Quyết định công nhận tuyến phố văn minh đô thị số 215/QĐ-UBND"],
                    acts=["Vận động hộ kinh doanh tuyến Trần Hưng Đạo ký cam kết giữ gìn văn minh đô thị"],
                ),
                weight=25,
            ),
            group(
                "kinh-te",
                "Phát triển kinh tế, thu ngân sách",
                ind(
                    "thu-ngan-sach",
                    "Thu ngân sách nhà nước trên địa bàn phường",
                    "Trương Thị Hoa",
                    DEC,
                    12.5,
                    "tỷ đồng",
                    "up",
                    [3.1, 6.0, 9.8, 14.2],
                    milestones=[(D(2023, 6, 30), 5.5)],
                    acts=[
                        "Đôn đốc thu thuế sử dụng đất phi nông nghiệp, lệ phí trước bạ tháng {m}",
                        "Lập báo cáo tiến độ thu ngân sách phường tháng {m}",
                    ],
                ),
                ind(
                    "ho-kinh-doanh-moi",
                    "Số hộ kinh doanh cá thể đăng ký mới",
                    "Võ Thị Lan",
                    DEC,
                    60,
                    "hộ",
                    "up",
                    [16, 31, 47, 63],
                ),
            ),
            group(
                "cai-cach-hanh-chinh",
                "Cải cách hành chính, chuyển đổi số",
                ind(
                    "tthc-dung-han",
                    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    "Nguyễn Thị Mỹ Linh",
                    DEC,
                    98,
                    "%",
                    "up",
                    [98.4, 98.9, 99.1, 99.3],
                    dates=LATE_DATES,
                    acts=["Theo dõi, nhắc hạn hồ sơ thủ tục hành chính tại Bộ phận Một cửa tháng {m}"],
                ),
                ind(
                    "dich-vu-cong-truc-tuyen",
                    "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến",
                    "Nguyễn Thị Mỹ Linh",
                    DEC,
                    50,
                    "%",
                    "up",
                    [38, 44, 51, 55],
                    acts=["Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công"],
                ),
                task(
                    "so-hoa-ket-qua-tthc",
                    "Số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực",
                    "Nguyễn Thị Mỹ Linh",
                    D(2023, 11, 30),
                    done=D(2023, 11, 20),
                    acts=["Số hóa kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực"],
                ),
            ),
            group(
                "xay-dung-dang",
                "Xây dựng Đảng, hệ thống chính trị",
                ind(
                    "ket-nap-dang-vien",
                    "Kết nạp đảng viên mới",
                    "Phan Văn Dũng",
                    DEC,
                    6,
                    "đảng viên",
                    "up",
                    [2, 3, 5, 7],
                    acts=["Chỉ đạo chi bộ khu phố {kp} bồi dưỡng quần chúng ưu tú, hoàn thiện hồ sơ kết nạp đảng"],
                ),
                ind(
                    "tiep-cong-dan",
                    "Số buổi tiếp công dân định kỳ của Bí thư Đảng ủy phường",
                    "Phan Văn Dũng",
                    DEC,
                    12,
                    "buổi",
                    "up",
                    [3, 6, 9, 12],
                ),
            ),
        ],
    ),
    "phuong-5": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "gpmb",
                "Giải phóng mặt bằng, tái định cư",
                task(
                    "gpmb-bac-song-hieu",
                    "Bàn giao mặt bằng dự án Khu đô thị phía Bắc sông Hiếu, giai đoạn 2",
                    "Trần Quang Vinh",
                    D(2023, 8, 31),
                    done=D(2023, 8, 25),
                    weight=2,
                    evidence=["Biên bản bàn giao mặt bằng ngày 25/8/2023", "Báo cáo số 96/BC-UBND ngày 28/8/2023"],
                    acts=[
                        "Kiểm đếm bổ sung tài sản, vật kiến trúc dự án Khu đô thị phía Bắc sông Hiếu",
                        "Hoàn thiện hồ sơ bồi thường các hộ còn lại dự án Khu đô thị phía Bắc sông Hiếu",
                    ],
                    note="Đầu mối chuyển cho công chức Địa chính – Xây dựng mới từ tháng 4 (xem amendments)",
                ),
                task(
                    "tai-dinh-cu",
                    "Bố trí tái định cư cho 14 hộ dân bị ảnh hưởng",
                    "Lê Minh Tuấn",
                    D(2023, 10, 31),
                    done=D(2023, 10, 26),
                    acts=[
                        "Tổ chức bốc thăm lô đất tái định cư cho các hộ bị ảnh hưởng",
                        "Đối thoại với các hộ dân về phương án tái định cư",
                    ],
                ),
                weight=35,
            ),
            group(
                "van-hoa-xa-hoi",
                "Văn hóa – xã hội, giảm nghèo bền vững",
                ind(
                    "ho-thoat-ngheo",
                    "Số hộ thoát nghèo trong năm",
                    "Đỗ Thị Ngọc Ánh",
                    DEC,
                    10,
                    "hộ",
                    "up",
                    [3, 6, 8, 11],
                    acts=["Rà soát, hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo khu phố {kp}"],
                ),
                task(
                    "nha-van-hoa-kp3",
                    "Hoàn thành xây dựng nhà văn hóa khu phố 3",
                    "Nguyễn Thị Hằng",
                    D(2023, 11, 30),
                    acts=["Vận động Nhân dân đóng góp xây dựng nhà văn hóa khu phố 3"],
                    note="Chưa hoàn thành: chưa bố trí đủ kinh phí đối ứng",
                ),
                ind(
                    "bao-hiem-y-te",
                    "Tỷ lệ người dân tham gia bảo hiểm y tế",
                    "Đỗ Thị Ngọc Ánh",
                    DEC,
                    95,
                    "%",
                    "up",
                    [93.1, 93.8, 94.6, 95.4],
                    dates=LATE_DATES,
                ),
            ),
            group(
                "don-thu",
                "Tiếp công dân, giải quyết đơn thư, hòa giải ở cơ sở",
                ind(
                    "giai-quyet-don-thu",
                    "Tỷ lệ đơn thư khiếu nại, tố cáo thuộc thẩm quyền được giải quyết",
                    "Nguyễn Thị Hằng",
                    DEC,
                    95,
                    "%",
                    "up",
                    [88.9, 90.0, 91.7, 92.3],
                    milestones=[(D(2023, 6, 30), 93)],
                    acts=["Giải quyết đơn kiến nghị của công dân khu phố {kp} về tranh chấp ranh giới đất"],
                ),
                ind(
                    "hoa-giai-thanh",
                    "Tỷ lệ vụ việc hòa giải thành ở cơ sở",
                    "Phạm Thị Thúy",
                    DEC,
                    85,
                    "%",
                    "up",
                    [80.0, 83.3, 86.4, 87.5],
                    acts=["Kiện toàn tổ hòa giải khu phố {kp}"],
                ),
            ),
            group(
                "xay-dung-dang",
                "Xây dựng Đảng, chính quyền trong sạch, vững mạnh",
                ind(
                    "ket-nap-dang-vien",
                    "Kết nạp đảng viên mới",
                    "Hồ Văn Thắng",
                    DEC,
                    5,
                    "đảng viên",
                    "up",
                    [2, 3, 4, 5],
                    acts=["Chỉ đạo chi bộ khu phố {kp} tạo nguồn phát triển đảng viên"],
                ),
                task(
                    "kien-toan-chi-bo",
                    "Kiện toàn chi bộ khu phố 4 và khu phố 7 sau sáp nhập",
                    "Hồ Văn Thắng",
                    D(2023, 5, 31),
                    done=D(2023, 5, 29),
                    acts=["Chỉ đạo kiện toàn chi ủy chi bộ khu phố 4 và khu phố 7"],
                ),
                weight=20,
            ),
        ],
        amendments=[
            {
                "on": D(2023, 4, 12),
                "item": "gpmb-bac-song-hieu",
                "set": Flow({"owner": slug("Trần Quang Vinh")}),
                "reason": "Điều động công chức Địa chính – Xây dựng về phường, giao làm đầu mối theo dõi giải phóng mặt bằng",
                "approved_by": "btv",
            },
        ],
    ),
    "phuong-dong-luong": dict(
        signed=D(2022, 12, 28),
        groups=[
            group(
                "kinh-te",
                "Phát triển kinh tế, thu ngân sách",
                ind(
                    "thu-ngan-sach",
                    "Thu ngân sách nhà nước trên địa bàn phường",
                    "Phạm Văn Quang",
                    DEC,
                    18,
                    "tỷ đồng",
                    "up",
                    [2.9, 6.8, 12.4, 16.9],
                    milestones=[(D(2023, 6, 30), 8.1)],
                    dates=[D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 29)],
                    weight=2,
                    acts=[
                        "Đôn đốc các hộ nợ đọng thuế sử dụng đất phi nông nghiệp",
                        "Rà soát, bổ sung nguồn thu tiền sử dụng đất tháng {m}",
                        "Lập báo cáo tiến độ thu ngân sách phường tháng {m}",
                    ],
                    note="Chậm tiến độ cả năm: hụt thu tiền sử dụng đất do thị trường bất động sản trầm lắng",
                ),
                task(
                    "nong-nghiep-do-thi",
                    "Xây dựng mô hình nông nghiệp đô thị trồng rau an toàn tại khu phố 4 (3 ha)",
                    "Lê Thị Thanh Tâm",
                    D(2023, 7, 31),
                    done=D(2023, 7, 20),
                    acts=["Hướng dẫn các hộ khu phố 4 tham gia mô hình trồng rau an toàn"],
                ),
                weight=30,
            ),
            group(
                "gpmb",
                "Giải phóng mặt bằng dự án đường tránh phía Đông thành phố",
                task(
                    "gpmb-duong-tranh",
                    "Chi trả bồi thường và bàn giao mặt bằng dự án đường tránh phía Đông (đoạn qua phường)",
                    "Trần Văn Sơn",
                    D(2023, 11, 30),
                    done=D(2023, 11, 24),
                    weight=2,
                    evidence=["Biên bản bàn giao mặt bằng ngày 24/11/2023"],
                    acts=[
                        "Đối thoại với các hộ dân chưa đồng thuận phương án bồi thường dự án đường tránh phía Đông",
                        "Chỉ đạo lập hồ sơ bồi thường đợt {n} dự án đường tránh phía Đông",
                    ],
                ),
                task(
                    "kiem-dem-duong-tranh",
                    "Kiểm đếm, áp giá bồi thường 37 hộ bị ảnh hưởng dự án đường tránh phía Đông",
                    "Hoàng Minh Đức",
                    D(2023, 5, 31),
                    done=D(2023, 5, 26),
                    acts=[
                        "Kiểm đếm đất đai, tài sản các hộ bị ảnh hưởng dự án đường tránh phía Đông",
                        "Xác minh nguồn gốc đất các thửa thuộc dự án đường tránh phía Đông",
                    ],
                ),
                weight=30,
            ),
            group(
                "moi-truong",
                "Môi trường, phòng chống thiên tai",
                ind(
                    "thu-gom-rac",
                    "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
                    "Lê Thị Thanh Tâm",
                    DEC,
                    97,
                    "%",
                    "up",
                    [96.5, 97.2, 97.4, 97.8],
                    dates=LATE_DATES,
                ),
                task(
                    "nao-vet-thoat-nuoc",
                    "Nạo vét hệ thống thoát nước khu dân cư trước mùa mưa bão",
                    "Lê Thị Thanh Tâm",
                    D(2023, 8, 31),
                    done=D(2023, 8, 22),
                    acts=["Khảo sát các điểm ngập úng, lập danh mục tuyến mương cần nạo vét"],
                ),
            ),
            group(
                "xay-dung-dang",
                "Xây dựng Đảng và hệ thống chính trị",
                ind(
                    "ket-nap-dang-vien",
                    "Kết nạp đảng viên mới",
                    "Nguyễn Hữu Phước",
                    DEC,
                    6,
                    "đảng viên",
                    "up",
                    [2, 3, 5, 6],
                    acts=["Chỉ đạo chi bộ khu phố {kp} bồi dưỡng quần chúng ưu tú, hoàn thiện hồ sơ kết nạp đảng"],
                ),
                task(
                    "danh-gia-3-buoc",
                    "Triển khai đánh giá, xếp loại cán bộ, công chức hằng tháng theo 3 bước",
                    "Nguyễn Hữu Phước",
                    D(2023, 2, 28),
                    done=D(2023, 2, 20),
                    acts=["Ban hành quy chế đánh giá, xếp loại cán bộ, công chức hằng tháng theo 3 bước"],
                ),
            ),
        ],
        amendments=[
            {
                "on": D(2023, 8, 15),
                "item": "gpmb-duong-tranh",
                "set": Flow({"due": D(2023, 11, 30)}),
                "reason": "Chờ UBND tỉnh phê duyệt phương án bồi thường, hỗ trợ và tái định cư bổ sung (hạn cũ 30/9/2023)",
                "approved_by": "btv",
            },
        ],
    ),
    "phuong-dong-le": dict(
        signed=D(2023, 1, 17),
        groups=[
            group(
                "dat-dai-xay-dung",
                "Quản lý đất đai, trật tự xây dựng và giải phóng mặt bằng",
                task(
                    "di-doi-ke-song-hieu",
                    "Di dời 12 hộ dân ra khỏi hành lang an toàn kè bờ sông Hiếu",
                    "Nguyễn Văn Toàn",
                    D(2023, 10, 31),
                    weight=2,
                    acts=[
                        "Vận động các hộ trong hành lang kè bờ sông Hiếu di dời",
                        "Lập phương án hỗ trợ di dời các hộ trong hành lang kè bờ sông Hiếu",
                    ],
                    note="Chưa hoàn thành: còn 5 hộ chưa đồng thuận di dời",
                ),
                ind(
                    "xu-ly-vi-pham-xay-dung",
                    "Tỷ lệ công trình vi phạm trật tự xây dựng được xử lý dứt điểm",
                    "Đoàn Văn Hậu",
                    DEC,
                    100,
                    "%",
                    "up",
                    [60, 75, 88.9, 100],
                    milestones=[(D(2023, 6, 30), 80)],
                    acts=["Kiểm tra, lập biên bản các công trình xây dựng không phép tại khu phố {kp}"],
                ),
                ind(
                    "cap-giay-chung-nhan",
                    "Số giấy chứng nhận quyền sử dụng đất cấp lần đầu",
                    "Đoàn Văn Hậu",
                    DEC,
                    120,
                    "giấy",
                    "up",
                    [31, 61, 95, 131],
                    acts=["Thẩm tra hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu"],
                ),
                weight=40,
            ),
            group(
                "xa-hoi",
                "Văn hóa – xã hội, an sinh xã hội",
                task(
                    "nha-dai-doan-ket",
                    "Hỗ trợ xây mới 3 nhà Đại đoàn kết cho hộ nghèo",
                    "Võ Thị Thu Trang",
                    D(2023, 9, 30),
                    done=D(2023, 9, 8),
                    acts=["Rà soát, lập danh sách hộ nghèo được hỗ trợ nhà Đại đoàn kết"],
                ),
                ind(
                    "tiem-chung",
                    "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ",
                    "Võ Thị Thu Trang",
                    DEC,
                    98,
                    "%",
                    "up",
                    [98.2, 98.5, 98.7, 98.9],
                    dates=LATE_DATES,
                ),
            ),
            group(
                "xay-dung-dang",
                "Xây dựng Đảng, chính quyền",
                ind(
                    "ket-nap-dang-vien",
                    "Kết nạp đảng viên mới",
                    "Trần Đình Khoa",
                    DEC,
                    10,
                    "đảng viên",
                    "up",
                    [3, 5, 8, 9],
                    acts=["Chỉ đạo chi bộ khu phố {kp} tạo nguồn phát triển đảng viên trong đoàn viên thanh niên"],
                ),
                task(
                    "kiem-tra-chi-bo",
                    "Kiểm tra việc thực hiện chức trách, nhiệm vụ của 4 chi bộ khu phố",
                    "Trần Đình Khoa",
                    D(2023, 6, 30),
                    done=D(2023, 6, 27),
                    acts=["Kiểm tra chi bộ khu phố {kp} về thực hiện chức trách, nhiệm vụ"],
                ),
                ind(
                    "cai-cach-hanh-chinh",
                    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    "Lê Thị Kim Oanh",
                    DEC,
                    98,
                    "%",
                    "up",
                    [97.6, 98.3, 98.5, 98.8],
                    dates=LATE_DATES,
                ),
            ),
        ],
    ),
    "phuong-dong-thanh": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "do-thi",
                "Chỉnh trang đô thị, xây dựng tuyến phố văn minh",
                task(
                    "chinh-trang-le-duan",
                    "Chỉnh trang vỉa hè, điện chiếu sáng tuyến Lê Duẩn (đoạn qua phường)",
                    "Trần Hữu Lộc",
                    D(2023, 9, 30),
                    done=D(2023, 9, 26),
                    acts=["Vận động các hộ tuyến Lê Duẩn tháo dỡ mái che, biển quảng cáo lấn chiếm vỉa hè"],
                ),
                task(
                    "kiet-sang-xanh",
                    "Xây dựng 2 tuyến kiệt sáng – xanh – sạch – đẹp tại khu phố 2 và khu phố 5",
                    "Lê Văn Hưng",
                    D(2023, 6, 30),
                    done=D(2023, 6, 20),
                    acts=["Vận động Nhân dân hiến đất, mở rộng kiệt khu phố 2"],
                ),
                weight=30,
            ),
            group(
                "giam-ngheo",
                "Giảm nghèo bền vững, an sinh xã hội",
                ind(
                    "ty-le-ho-ngheo",
                    "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
                    "Phan Thị Diệu Hiền",
                    DEC,
                    0.9,
                    "%",
                    "down",
                    [0.95, 0.88, 0.85, 0.78],
                    acts=["Rà soát biến động hộ nghèo, hộ cận nghèo quý {q}"],
                ),
                ind(
                    "viec-lam-moi",
                    "Số lao động được giải quyết việc làm mới",
                    "Phan Thị Diệu Hiền",
                    DEC,
                    150,
                    "người",
                    "up",
                    [41, 80, 118, 162],
                ),
            ),
            group(
                "quoc-phong-an-ninh",
                "Quốc phòng – an ninh, trật tự an toàn xã hội",
                task(
                    "giao-quan",
                    "Hoàn thành chỉ tiêu giao quân năm 2023",
                    "Dương Văn Nam",
                    D(2023, 2, 28),
                    done=D(2023, 2, 14),
                    evidence=["Biên bản giao nhận quân ngày 14/02/2023"],
                    acts=["Tổ chức khám sức khỏe, phúc tra công dân nhập ngũ năm 2023"],
                ),
                ind(
                    "khu-pho-an-toan",
                    "Tỷ lệ khu phố đạt tiêu chuẩn an toàn về an ninh, trật tự",
                    "Dương Văn Nam",
                    DEC,
                    100,
                    "%",
                    "up",
                    [100, 100, 100, 100],
                ),
            ),
            group(
                "cai-cach-hanh-chinh",
                "Cải cách hành chính, chuyển đổi số",
                ind(
                    "tthc-dung-han",
                    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    "Nguyễn Thị Phương Thảo",
                    DEC,
                    99,
                    "%",
                    "up",
                    [99.2, 99.4, 99.5, 99.6],
                    dates=LATE_DATES,
                ),
                ind(
                    "dinh-danh-dien-tu",
                    "Số tài khoản định danh điện tử mức 2 được kích hoạt",
                    "Nguyễn Thị Phương Thảo",
                    DEC,
                    4500,
                    "tài khoản",
                    "up",
                    [1600, 2900, 3800, 4720],
                    acts=["Hỗ trợ người dân kích hoạt tài khoản định danh điện tử tại khu phố {kp}"],
                ),
                task(
                    "so-hoa-ho-tich",
                    "Số hóa dữ liệu hộ tịch giai đoạn 2015–2022",
                    "Nguyễn Thị Phương Thảo",
                    D(2023, 8, 31),
                    done=D(2023, 8, 30),
                    acts=["Số hóa sổ đăng ký khai sinh năm {y}"],
                ),
                weight=20,
            ),
        ],
    ),
    "van-phong-thanh-uy": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "tham-muu",
                "Tham mưu, tổng hợp phục vụ sự lãnh đạo của Thành ủy",
                task(
                    "chuong-trinh-cong-tac",
                    "Tham mưu Chương trình công tác năm 2023 của Ban Chấp hành, Ban Thường vụ Thành ủy",
                    "Trần Minh Hiếu",
                    D(2023, 1, 31),
                    done=D(2023, 1, 18),
                    acts=["Dự thảo Chương trình công tác năm 2023 của Ban Thường vụ Thành ủy"],
                ),
                ind(
                    "bao-cao-cam-ket",
                    "Số báo cáo tiến độ thực hiện cam kết trách nhiệm hằng quý trình Ban Thường vụ đúng hạn",
                    "Lê Thị Hồng Nhung",
                    DEC,
                    4,
                    "báo cáo",
                    "up",
                    [1, 2, 3, 4],
                    acts=["Tổng hợp báo cáo tiến độ thực hiện cam kết trách nhiệm quý {q} của các đơn vị"],
                ),
                task(
                    "so-ket-nghi-quyet",
                    "Tham mưu sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ thành phố lần thứ XIII",
                    "Lê Thị Hồng Nhung",
                    D(2023, 7, 31),
                    done=D(2023, 7, 25),
                    weight=2,
                    acts=["Xây dựng đề cương báo cáo sơ kết giữa nhiệm kỳ Nghị quyết Đại hội XIII"],
                ),
                weight=40,
            ),
            group(
                "chuyen-doi-so",
                "Chuyển đổi số, văn bản điện tử",
                ind(
                    "van-ban-dien-tu",
                    "Tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng (trừ văn bản mật)",
                    "Hà Thị Yến",
                    DEC,
                    95,
                    "%",
                    "up",
                    [95.8, 96.4, 97.0, 97.5],
                    dates=LATE_DATES,
                ),
                task(
                    "so-hoa-luu-tru",
                    "Số hóa hồ sơ lưu trữ của Thành ủy giai đoạn 2015–2020",
                    "Hà Thị Yến",
                    D(2023, 10, 31),
                    done=D(2023, 11, 15),
                    acts=["Chỉnh lý, số hóa hồ sơ lưu trữ năm {y}"],
                    note="Hoàn thành chậm 15 ngày",
                ),
            ),
            group(
                "tai-chinh-dang",
                "Quản lý tài chính, tài sản của Đảng",
                task(
                    "quyet-toan-ngan-sach-dang",
                    "Hoàn thành quyết toán ngân sách Đảng năm 2022",
                    "Phạm Quốc Bảo",
                    D(2023, 3, 31),
                    done=D(2023, 3, 28),
                    acts=["Tổng hợp số liệu quyết toán ngân sách Đảng năm 2022"],
                ),
                ind(
                    "tiet-kiem-chi",
                    "Tiết kiệm chi thường xuyên so với dự toán",
                    "Phạm Quốc Bảo",
                    DEC,
                    10,
                    "%",
                    "up",
                    [2.6, 5.1, 7.8, 10.6],
                ),
            ),
        ],
    ),
    "ban-to-chuc": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "to-chuc-bo-may",
                "Sắp xếp tổ chức bộ máy, tinh giản biên chế",
                task(
                    "vi-tri-viec-lam",
                    "Thẩm định đề án vị trí việc làm của các cơ quan khối Đảng, Mặt trận, đoàn thể",
                    "Nguyễn Thị Thu Hương",
                    D(2023, 6, 30),
                    done=D(2023, 6, 22),
                    acts=["Thẩm định đề án vị trí việc làm của {unit}"],
                ),
                ind(
                    "tinh-gian-bien-che",
                    "Tỷ lệ tinh giản biên chế so với năm 2021",
                    "Nguyễn Thị Thu Hương",
                    DEC,
                    5,
                    "%",
                    "up",
                    [2.1, 3.0, 4.2, 5.0],
                ),
                weight=35,
            ),
            group(
                "can-bo",
                "Công tác cán bộ, đánh giá cán bộ",
                task(
                    "quy-hoach-can-bo",
                    "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025–2030",
                    "Võ Văn Hùng",
                    D(2023, 10, 31),
                    done=D(2023, 10, 27),
                    evidence=["Tờ trình số 118-TTr/BTCTU ngày 27/10/2023"],
                    acts=["Chỉ đạo rà soát quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025–2030"],
                ),
                task(
                    "danh-gia-hang-thang",
                    "Hướng dẫn đánh giá, xếp loại cán bộ hằng tháng theo 3 bước",
                    "Trần Anh Tú",
                    D(2023, 2, 15),
                    done=D(2023, 2, 10),
                    acts=["Dự thảo hướng dẫn đánh giá, xếp loại cán bộ hằng tháng theo 3 bước"],
                ),
                ind(
                    "boi-duong",
                    "Số lượt cán bộ, công chức được đào tạo, bồi dưỡng",
                    "Trần Anh Tú",
                    DEC,
                    220,
                    "lượt",
                    "up",
                    [60, 125, 170, 236],
                ),
                weight=35,
            ),
            group(
                "dang-vien",
                "Phát triển đảng viên, nâng cao chất lượng tổ chức cơ sở đảng",
                ind(
                    "ket-nap-toan-dang-bo",
                    "Kết nạp đảng viên mới toàn Đảng bộ thành phố",
                    "Lê Thị Ngọc Hân",
                    DEC,
                    150,
                    "đảng viên",
                    "up",
                    [38, 76, 115, 158],
                    acts=["Thẩm định hồ sơ đề nghị kết nạp đảng viên của các đảng bộ, chi bộ cơ sở"],
                ),
                task(
                    "danh-gia-to-chuc-dang",
                    "Hướng dẫn kiểm điểm, đánh giá, xếp loại tổ chức đảng và đảng viên năm 2023",
                    "Lê Thị Ngọc Hân",
                    D(2023, 11, 30),
                    done=D(2023, 11, 24),
                ),
            ),
        ],
    ),
    "phong-tai-chinh": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "ngan-sach",
                "Thu, chi ngân sách nhà nước",
                ind(
                    "thu-ngan-sach-tp",
                    "Thu ngân sách nhà nước trên địa bàn thành phố",
                    "Hoàng Thị Thu Thủy",
                    DEC,
                    820,
                    "tỷ đồng",
                    "up",
                    [190, 372, 610, 846.3],
                    milestones=[(D(2023, 6, 30), 360)],
                    weight=2,
                    acts=[
                        "Tổng hợp, phân tích tiến độ thu ngân sách thành phố tháng {m}",
                        "Tham mưu giải pháp tăng thu, chống thất thu ngân sách",
                    ],
                    note="Chỉ tiêu điều chỉnh từ 780 lên 820 tỷ đồng (xem amendments)",
                ),
                ind(
                    "giai-ngan-dau-tu-cong",
                    "Tỷ lệ giải ngân kế hoạch vốn đầu tư công",
                    "Phạm Văn Long",
                    DEC,
                    95,
                    "%",
                    "up",
                    [21.5, 42.3, 66.0, 95.6],
                    milestones=[(D(2023, 6, 30), 40), (D(2023, 9, 30), 65)],
                    acts=["Chủ trì giao ban tiến độ giải ngân vốn đầu tư công tháng {m}"],
                ),
                weight=50,
            ),
            group(
                "dau-tu-cong",
                "Quản lý đầu tư công, quyết toán dự án hoàn thành",
                task(
                    "quyet-toan-du-an",
                    "Thẩm tra quyết toán 100% dự án hoàn thành năm 2022",
                    "Nguyễn Văn Thành",
                    D(2023, 9, 30),
                    done=D(2023, 10, 20),
                    acts=["Thẩm tra hồ sơ quyết toán dự án hoàn thành năm 2022 (đợt {n})"],
                    note="Hoàn thành chậm: chủ đầu tư nộp hồ sơ muộn",
                ),
                task(
                    "ke-hoach-dau-tu-2024",
                    "Tham mưu kế hoạch đầu tư công năm 2024",
                    "Đinh Thị Quỳnh",
                    D(2023, 11, 30),
                    done=D(2023, 11, 28),
                    acts=["Tổng hợp danh mục dự án đề xuất kế hoạch đầu tư công năm 2024"],
                ),
            ),
            group(
                "doanh-nghiep",
                "Phát triển doanh nghiệp, kinh tế tập thể",
                ind(
                    "doanh-nghiep-moi",
                    "Số doanh nghiệp thành lập mới",
                    "Đinh Thị Quỳnh",
                    DEC,
                    180,
                    "doanh nghiệp",
                    "up",
                    [46, 92, 139, 187],
                ),
                task(
                    "hop-tac-xa",
                    "Hỗ trợ thành lập mới 3 hợp tác xã",
                    "Lê Hoàng Nam",
                    D(2023, 12, 15),
                    done=D(2023, 12, 12),
                    acts=["Hướng dẫn tổ hợp tác rau an toàn hoàn thiện hồ sơ thành lập hợp tác xã"],
                ),
            ),
        ],
        amendments=[
            {
                "on": D(2023, 7, 10),
                "item": "thu-ngan-sach-tp",
                "set": Flow({"target": {"value": 820, "unit": "tỷ đồng", "direction": "up"}}),
                "reason": "HĐND thành phố điều chỉnh tăng dự toán thu ngân sách năm 2023 tại kỳ họp giữa năm",
                "approved_by": "btv",
            },
        ],
    ),
    "cong-an-tp": dict(
        signed=D(2023, 1, 16),
        groups=[
            group(
                "an-ninh-trat-tu",
                "Bảo đảm an ninh chính trị, trật tự an toàn xã hội",
                ind(
                    "dieu-tra-kham-pha",
                    "Tỷ lệ điều tra, khám phá các vụ phạm pháp hình sự",
                    "Trần Đức Mạnh",
                    DEC,
                    80,
                    "%",
                    "up",
                    [82.4, 84.0, 85.1, 86.3],
                    dates=LATE_DATES,
                ),
                ind(
                    "chay-no-lon",
                    "Số vụ cháy, nổ lớn gây thiệt hại nghiêm trọng về người và tài sản",
                    "Nguyễn Văn Cường",
                    DEC,
                    0,
                    "vụ",
                    "down",
                    [0, 0, 0, 0],
                    acts=["Kiểm tra an toàn phòng cháy, chữa cháy tại các cơ sở kinh doanh karaoke, nhà trọ"],
                ),
                weight=40,
            ),
            group(
                "trat-tu-giao-thong",
                "Trật tự an toàn giao thông, trật tự đô thị",
                ind(
                    "tai-nan-giao-thong",
                    "Số vụ tai nạn giao thông nghiêm trọng",
                    "Lê Trọng Nghĩa",
                    DEC,
                    12,
                    "vụ",
                    "down",
                    [3, 5, 8, 10],
                    acts=["Tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông tuyến {street}"],
                ),
                task(
                    "giai-toa-via-he",
                    "Phối hợp các phường giải tỏa lấn chiếm vỉa hè trên 5 tuyến đường trung tâm",
                    "Lê Trọng Nghĩa",
                    D(2023, 5, 31),
                    done=D(2023, 5, 30),
                    acts=["Phối hợp UBND {ward} ra quân giải tỏa lấn chiếm vỉa hè tuyến {street}"],
                ),
            ),
            group(
                "xay-dung-luc-luong",
                "Xây dựng lực lượng, thực hiện Đề án 06 về dữ liệu dân cư",
                ind(
                    "tai-khoan-dinh-danh",
                    "Số tài khoản định danh điện tử được cấp trên địa bàn thành phố",
                    "Nguyễn Văn Cường",
                    DEC,
                    42000,
                    "tài khoản",
                    "up",
                    [13000, 19800, 33000, 43800],
                ),
                task(
                    "lam-sach-du-lieu",
                    "Hoàn thành làm sạch dữ liệu dân cư theo Đề án 06",
                    "Nguyễn Văn Cường",
                    D(2023, 6, 30),
                    done=D(2023, 6, 28),
                    acts=["Đối chiếu, làm sạch dữ liệu dân cư tại {ward}"],
                ),
            ),
        ],
    ),
}


def commitment_items() -> dict[str, dict[str, tuple[dict, list[str]]]]:
    """unit → item id → (item, acts)."""
    out: dict[str, dict[str, tuple[dict, list[str]]]] = {}
    for unit, c in COMMITMENTS.items():
        out[unit] = {}
        for g in c["groups"]:
            for item, acts in g["items"]:
                out[unit][item["id"]] = (item, acts)
    return out


ITEMS = commitment_items()


def commitment_document(unit: str) -> str:
    c = COMMITMENTS[unit]
    groups = []
    for g in c["groups"]:
        groups.append({"id": g["id"], "title": g["title"], "weight": g["weight"], "items": [i for i, _ in g["items"]]})
    body: dict = {
        "kind": "commitment",
        "unit": unit,
        "year": YEAR,
        "head": HEAD[unit],
        "to": "btv",
        "signed": c["signed"],
        Comment("Các nhóm nhiệm vụ trọng tâm; chỉ tiêu có target, báo cáo tiến độ lũy kế hằng quý"): None,
        "groups": groups,
    }
    if c.get("amendments"):
        body[Comment("Điều chỉnh nội dung cam kết đã được Ban Thường vụ Thành ủy đồng ý")] = None
        body["amendments"] = c["amendments"]
    head = BY_ID[HEAD[unit]]
    header = [
        f"Bản cam kết trách nhiệm năm {YEAR} của tập thể lãnh đạo và người đứng đầu {UNIT_NAME[unit]}",
        f"với Ban Thường vụ Thành ủy Đông Hà. Người ký: {head.name}, {head.title}.",
    ]
    return document(header, body)


# ---------------------------------------------------------------------------------------------------------------
# Key issues (vấn đề trọng tâm, nổi cộm, bức xúc)
# ---------------------------------------------------------------------------------------------------------------

ISSUES = [
    dict(
        id="lan-chiem-via-he",
        title="Lấn chiếm lòng lề đường, vỉa hè để kinh doanh trên tuyến Hùng Vương và Trần Hưng Đạo",
        raised=D(2023, 2, 10),
        raised_by="phuong-1",
        handled_by="phuong-1",
        lead="Đặng Quốc Huy",
        coordinators=["cong-an-tp"],
        due=D(2023, 6, 30),
        resolved=D(2023, 6, 26),
    ),
    dict(
        id="o-nhiem-lo-mo",
        title="Ô nhiễm môi trường do cơ sở giết mổ gia súc trong khu dân cư khu phố 3, phường Đông Lương",
        raised=D(2023, 3, 2),
        raised_by="phuong-dong-luong",
        handled_by="phuong-dong-luong",
        lead="Trần Văn Sơn",
        coordinators=["cong-an-tp"],
        due=D(2023, 9, 30),
        resolved=D(2023, 9, 12),
    ),
    dict(
        id="don-thu-dat-dai-dong-le",
        title="Đơn thư khiếu nại kéo dài về tranh chấp đất đai tại khu phố 2, phường Đông Lễ",
        raised=D(2023, 1, 12),
        raised_by="phuong-dong-le",
        handled_by="thanh-uy",
        lead="Nguyễn Đức Hải",
        coordinators=["phuong-dong-le", "cong-an-tp"],
        due=D(2023, 8, 31),
        resolved=D(2023, 10, 16),
        note="Giải quyết chậm: phải thành lập đoàn xác minh lại nguồn gốc đất",
    ),
    dict(
        id="vuong-mac-gpmb-duong-tranh",
        title="Vướng mắc bồi thường, giải phóng mặt bằng dự án đường tránh phía Đông (37 hộ)",
        raised=D(2023, 4, 20),
        raised_by="phuong-dong-luong",
        handled_by="thanh-uy",
        lead="Nguyễn Đức Hải",
        coordinators=["phong-tai-chinh", "phuong-dong-luong"],
        due=D(2023, 11, 30),
        resolved=D(2023, 11, 24),
    ),
    dict(
        id="ngap-ung-khu-pho-5",
        title="Ngập úng cục bộ khu dân cư khu phố 5 mỗi khi mưa lớn",
        raised=D(2023, 5, 15),
        raised_by="phuong-5",
        handled_by="phuong-5",
        lead="Lê Minh Tuấn",
        coordinators=["phong-tai-chinh"],
        due=D(2023, 10, 15),
        resolved=D(2023, 9, 29),
    ),
    dict(
        id="ho-dan-hanh-lang-ke",
        title="Di dời các hộ dân trong hành lang an toàn kè bờ sông Hiếu",
        raised=D(2023, 6, 5),
        raised_by="phuong-dong-le",
        handled_by="phuong-dong-le",
        lead="Nguyễn Văn Toàn",
        coordinators=["cong-an-tp", "phong-tai-chinh"],
        due=D(2023, 12, 15),
        resolved=None,
        note="Chưa giải quyết xong: còn 5 hộ chưa đồng thuận di dời",
    ),
    dict(
        id="xay-dung-trai-phep-dong-thanh",
        title="Xây dựng trái phép trên đất nông nghiệp tại khu phố 6, phường Đông Thanh",
        raised=D(2023, 3, 20),
        raised_by="phuong-dong-thanh",
        handled_by="phuong-dong-thanh",
        lead="Lê Văn Hưng",
        coordinators=["cong-an-tp"],
        due=D(2023, 7, 31),
        resolved=D(2023, 7, 21),
    ),
]


def issue_document(issue: dict) -> str:
    body: dict = {
        "kind": "issue",
        "id": issue["id"],
        "title": issue["title"],
        "raised": issue["raised"],
        "raised_by": issue["raised_by"],
        "handled_by": issue["handled_by"],
        "lead": slug(issue["lead"]),
        "coordinators": FlowList(issue["coordinators"]),
        "due": issue["due"],
    }
    if issue.get("note"):
        body[Comment(issue["note"])] = None
    if issue["resolved"]:
        body["resolved"] = issue["resolved"]
    header = [f"Vấn đề trọng tâm, nổi cộm năm {YEAR} do {UNIT_NAME[issue['raised_by']]} đề xuất"]
    return document(header, body)


# ---------------------------------------------------------------------------------------------------------------
# Monthly plans: the pools of tasks each role draws from
# ---------------------------------------------------------------------------------------------------------------

STREETS = [
    "Hùng Vương",
    "Lê Duẩn",
    "Trần Hưng Đạo",
    "Lê Lợi",
    "Quốc lộ 9",
    "Nguyễn Trãi",
    "Lý Thường Kiệt",
    "Hàm Nghi",
    "Trần Phú",
    "Thành Cổ",
    "Đặng Dung",
    "Phan Bội Châu",
    "Nguyễn Huệ",
    "Điện Biên Phủ",
]

# Each entry: a title, optionally with the months it fits (a tuple) and a commitment item it serves (unit/item).
POOLS: dict[str, list] = {
    "bi-thu-tu": [
        "Chủ trì hội nghị Ban Thường vụ Thành ủy định kỳ tháng {m}",
        "Tiếp công dân định kỳ của Bí thư Thành ủy tháng {m}",
        ("Làm việc với Đảng ủy {ward} về tiến độ thực hiện cam kết trách nhiệm năm 2023", None, None),
        ("Chủ trì hội nghị ký kết cam kết trách nhiệm năm 2023 với các đơn vị", (1,), None),
        ("Chỉ đạo tổ chức Tết Nguyên đán Quý Mão an toàn, tiết kiệm", (1,), None),
        ("Chủ trì hội nghị sơ kết quý I thực hiện cam kết trách nhiệm", (4,), None),
        ("Chỉ đạo sơ kết 6 tháng đầu năm thực hiện Nghị quyết Thành ủy", (6,), None),
        ("Kiểm tra công tác giải phóng mặt bằng dự án mở rộng đường Hùng Vương", None, "phuong-1/gpmb-hung-vuong"),
        "Dự sinh hoạt chi bộ khu phố {kp}, {ward}",
        "Chỉ đạo xây dựng Chương trình công tác tháng {m1} của Ban Thường vụ",
    ],
    "pbt-tt": [
        "Chủ trì giao ban Thường trực Thành ủy tháng {m}",
        "Giám sát việc thực hiện cam kết trách nhiệm của {ward}",
        "Chỉ đạo tổng hợp kết quả đánh giá, xếp loại cán bộ tháng {m0}",
        (
            "Chỉ đạo triển khai Chương trình công tác năm 2023 của Ban Thường vụ",
            (1, 2),
            "van-phong-thanh-uy/chuong-trinh-cong-tac",
        ),
        ("Chỉ đạo tổ chức các hoạt động mừng Đảng, mừng Xuân Quý Mão", (1,), None),
        ("Chủ trì hội nghị báo cáo viên tháng {m}", None, None),
        ("Làm việc với Ban Tổ chức Thành ủy về rà soát quy hoạch cán bộ", (5, 6), "ban-to-chuc/quy-hoach-can-bo"),
        "Dự sinh hoạt chi bộ khu phố {kp}, {ward}",
        "Kiểm tra công tác tiếp công dân của Đảng ủy {ward}",
    ],
    "ct-tp": [
        "Chủ trì phiên họp thường kỳ UBND thành phố tháng {m}",
        "Tiếp công dân định kỳ của Chủ tịch UBND thành phố tháng {m}",
        (
            "Chỉ đạo tháo gỡ vướng mắc bồi thường dự án đường tránh phía Đông",
            (4, 5, 6),
            "phuong-dong-luong/gpmb-duong-tranh",
        ),
        ("Chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công", None, "phong-tai-chinh/giai-ngan-dau-tu-cong"),
        ("Chỉ đạo giải quyết đơn thư tranh chấp đất đai khu phố 2, phường Đông Lễ", (2, 3, 4, 5, 6), None),
        ("Kiểm tra tiến độ dự án Khu đô thị phía Bắc sông Hiếu", None, "phuong-5/gpmb-bac-song-hieu"),
        ("Chỉ đạo các biện pháp tăng thu ngân sách, chống thất thu", None, "phong-tai-chinh/thu-ngan-sach-tp"),
        ("Chỉ đạo công tác phòng chống thiên tai, tìm kiếm cứu nạn năm 2023", (5, 6), None),
        "Làm việc với UBND {ward} về công tác trật tự đô thị",
    ],
    "ubkt": [
        "Chủ trì họp Ủy ban Kiểm tra Thành ủy tháng {m}",
        "Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát tại {ward}",
        "Giám sát chuyên đề việc thực hiện cam kết trách nhiệm của {ward}",
        ("Xem xét, giải quyết đơn thư tố cáo đảng viên thuộc thẩm quyền", None, None),
        ("Chỉ đạo xem xét, đề nghị thi hành kỷ luật đảng viên vi phạm tại phường Đông Lễ", (2, 3), None),
        ("Hướng dẫn kiểm tra việc kê khai tài sản, thu nhập năm 2022", (1, 2), None),
        "Thẩm tra, xác minh đơn thư phản ánh đảng viên tại {ward}",
    ],
    "bi-thu-phuong": [
        "Chủ trì hội nghị Ban Thường vụ Đảng ủy phường tháng {m}",
        "Tiếp công dân định kỳ của Bí thư Đảng ủy phường tháng {m}",
        "Dự sinh hoạt chi bộ khu phố {kp}",
        ("Xây dựng kế hoạch thực hiện cam kết trách nhiệm năm 2023 của phường", (1,), None),
        ("Chỉ đạo tổ chức Tết Nguyên đán Quý Mão, thăm hỏi gia đình chính sách", (1,), None),
        ("Chỉ đạo công tác tuyển quân và tổ chức lễ giao quân năm 2023", (2,), None),
        ("Báo cáo tiến độ thực hiện cam kết trách nhiệm quý I", (3, 4), None),
        ("Chỉ đạo sơ kết 6 tháng đầu năm của Đảng bộ phường", (6,), None),
        "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở tại khu phố {kp}",
        "Chỉ đạo đánh giá, xếp loại cán bộ, công chức tháng {m0}",
    ],
    "ct-phuong": [
        "Chủ trì giao ban UBND phường tháng {m}",
        "Tiếp công dân định kỳ của Chủ tịch UBND phường tháng {m}",
        "Chỉ đạo ra quân lập lại trật tự đô thị tuyến {street}",
        "Ký duyệt, chỉ đạo trả kết quả hồ sơ thủ tục hành chính đúng hạn",
        ("Chỉ đạo tổ chức thăm, tặng quà gia đình chính sách, hộ nghèo dịp Tết", (1,), None),
        ("Xây dựng kế hoạch phòng chống thiên tai, tìm kiếm cứu nạn năm 2023", (5, 6), None),
        ("Báo cáo kinh tế – xã hội quý I của phường", (3,), None),
        ("Báo cáo kinh tế – xã hội 6 tháng đầu năm của phường", (6,), None),
        "Đối thoại với Nhân dân khu phố {kp} về các kiến nghị của cử tri",
    ],
    "pct-phuong": [
        "Chỉ đạo kiểm tra vệ sinh an toàn thực phẩm tại các cơ sở kinh doanh ăn uống",
        "Chỉ đạo kiểm tra trật tự xây dựng tại khu phố {kp}",
        "Tổ chức đối thoại với hộ dân vùng dự án về chính sách bồi thường",
        "Chỉ đạo ra quân vệ sinh môi trường, khơi thông cống rãnh khu phố {kp}",
        ("Chỉ đạo tổ chức Tết trồng cây đời đời nhớ ơn Bác Hồ", (2,), None),
        ("Chỉ đạo kỷ niệm 48 năm Ngày Giải phóng miền Nam, thống nhất đất nước", (4,), None),
        ("Chỉ đạo triển khai Tháng hành động vì trẻ em năm 2023", (6,), None),
        "Kiểm tra các điểm tập kết rác thải tự phát trên địa bàn",
    ],
    "vp-tk": [
        "Tổng hợp báo cáo tình hình kinh tế – xã hội tháng {m}",
        "Theo dõi, cập nhật hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính",
        "Chuẩn bị nội dung giao ban UBND phường tháng {m}",
        "Quản lý văn bản đi, đến trên phần mềm quản lý văn bản tháng {m}",
        ("Tổng hợp báo cáo tổng kết năm 2022 của UBND phường", (1,), None),
        ("Tổng hợp báo cáo tiến độ thực hiện cam kết trách nhiệm quý I", (3,), None),
        ("Tổng hợp báo cáo 6 tháng đầu năm của UBND phường", (6,), None),
        "Lập lịch tiếp công dân, theo dõi kiến nghị sau tiếp công dân tháng {m}",
    ],
    "dc-xd": [
        "Kiểm tra, lập biên bản vi phạm trật tự xây dựng tại khu phố {kp}",
        "Thẩm tra hồ sơ đăng ký biến động đất đai tháng {m}",
        "Xác minh nguồn gốc đất phục vụ giải quyết đơn thư khu phố {kp}",
        "Cập nhật bản đồ địa chính, biến động sử dụng đất tháng {m}",
        "Kiểm tra hiện trạng sử dụng đất công trên địa bàn khu phố {kp}",
        ("Thống kê đất đai năm 2022", (1, 2), None),
        ("Kiểm tra các công trình xây dựng trước mùa mưa bão", (6,), None),
    ],
    "tc-kt": [
        "Lập báo cáo thu, chi ngân sách phường tháng {m}",
        "Thực hiện chi lương, phụ cấp cán bộ, công chức tháng {m}",
        "Đôn đốc thu các khoản phí, lệ phí tại Bộ phận Một cửa",
        ("Lập báo cáo quyết toán ngân sách phường năm 2022", (2, 3), None),
        ("Lập dự toán chi tiết các khoản chi năm 2023", (1,), None),
        ("Chi trả kinh phí tổ chức Tết cho các khu phố", (1,), None),
        "Kiểm tra, đối chiếu số dư tài khoản tại Kho bạc tháng {m}",
    ],
    "vh-xh": [
        "Chi trả trợ cấp ưu đãi người có công, bảo trợ xã hội tháng {m}",
        "Rà soát hộ nghèo, hộ cận nghèo khu phố {kp}",
        "Tuyên truyền phòng chống dịch sốt xuất huyết tại khu phố {kp}",
        ("Tổ chức thăm, tặng quà gia đình chính sách dịp Tết Nguyên đán Quý Mão", (1,), None),
        ("Tổ chức Tết trồng cây đời đời nhớ ơn Bác Hồ", (2,), None),
        ("Tổ chức các hoạt động Tháng Thanh niên năm 2023", (3,), None),
        ("Tổ chức các hoạt động kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh", (5,), None),
        ("Triển khai Tháng hành động vì trẻ em năm 2023", (6,), None),
        "Kiểm tra hoạt động kinh doanh dịch vụ văn hóa trên địa bàn",
    ],
    "tp-ht": [
        "Giải quyết hồ sơ đăng ký hộ tịch, chứng thực tháng {m}",
        "Tổ chức tuyên truyền, phổ biến pháp luật tại khu phố {kp}",
        "Theo dõi, hướng dẫn hòa giải ở cơ sở tại khu phố {kp}",
        "Rà soát văn bản quy phạm pháp luật của HĐND, UBND phường",
        ("Báo cáo công tác tư pháp quý I", (3,), None),
        ("Tổ chức Ngày Pháp luật tại khu phố {kp}", (5, 6), None),
        "Cập nhật dữ liệu hộ tịch lên phần mềm dùng chung tháng {m}",
    ],
    "quan-su": [
        "Huấn luyện dân quân tự vệ năm 2023 đợt {n}",
        "Trực sẵn sàng chiến đấu, tuần tra bảo vệ địa bàn tháng {m}",
        ("Tổ chức thăm, động viên gia đình thanh niên lên đường nhập ngũ", (1, 2), None),
        ("Tổ chức lễ giao nhận quân năm 2023", (2,), "phuong-dong-thanh/giao-quan"),
        ("Đăng ký nghĩa vụ quân sự cho công dân nam đủ 17 tuổi", (4,), None),
        ("Kiện toàn lực lượng dân quân phòng chống thiên tai", (5, 6), None),
        "Phối hợp Công an phường tuần tra đảm bảo an ninh trật tự khu phố {kp}",
    ],
    "van-thu": [
        "Tiếp nhận, vào sổ, chuyển văn bản đến tháng {m}",
        "Phát hành văn bản đi, lưu hồ sơ tháng {m}",
        "Sắp xếp, chỉnh lý hồ sơ lưu trữ năm 2022",
        "Chuẩn bị hội trường, tài liệu phục vụ hội nghị phường tháng {m}",
        "Quản lý con dấu, cập nhật sổ theo dõi văn bản tháng {m}",
    ],
    "lanh-dao-vp": [
        "Tham mưu Chương trình công tác tháng {m1} của Ban Thường vụ Thành ủy",
        "Chuẩn bị nội dung, tài liệu hội nghị Ban Thường vụ tháng {m}",
        "Theo dõi, đôn đốc thực hiện các kết luận của Thường trực Thành ủy tháng {m0}",
        "Kiểm tra công tác văn thư, lưu trữ của các chi bộ trực thuộc",
        ("Tham mưu tổ chức hội nghị ký cam kết trách nhiệm năm 2023", (1,), None),
        ("Tổng hợp báo cáo tiến độ thực hiện cam kết trách nhiệm quý I", (4,), "van-phong-thanh-uy/bao-cao-cam-ket"),
        ("Tham mưu báo cáo sơ kết 6 tháng đầu năm của Thành ủy", (6,), None),
        "Tổng hợp báo cáo tình hình tư tưởng cán bộ, đảng viên tháng {m}",
    ],
    "cv-vp": [
        "Dự thảo báo cáo công tác xây dựng Đảng tháng {m}",
        "Tổng hợp kiến nghị của các đảng bộ cơ sở tháng {m}",
        "Theo dõi tiến độ thực hiện các kết luận của Ban Thường vụ",
        "Biên tập thông báo kết luận hội nghị Ban Thường vụ tháng {m}",
        ("Dự thảo báo cáo tổng kết công tác năm 2022 của Văn phòng", (1,), None),
        ("Tổng hợp báo cáo quý I của Thành ủy", (3, 4), None),
        "Cập nhật số liệu thực hiện cam kết trách nhiệm của các đơn vị",
    ],
    "cv-tai-vu": [
        "Lập báo cáo thu, chi ngân sách Đảng tháng {m}",
        "Thanh toán các khoản chi hoạt động của Thành ủy tháng {m}",
        "Kiểm kê tài sản, trang thiết bị của cơ quan",
        "Theo dõi thu, nộp đảng phí của các tổ chức cơ sở đảng tháng {m}",
        ("Lập dự toán kinh phí hoạt động năm 2023 chi tiết", (1,), None),
        ("Chuẩn bị phương tiện, hậu cần phục vụ hội nghị sơ kết 6 tháng", (6,), None),
    ],
    "cntt": [
        "Quản trị hệ thống mạng thông tin diện rộng của Đảng tháng {m}",
        "Hỗ trợ kỹ thuật phần mềm quản lý văn bản và hồ sơ công việc",
        "Sao lưu dữ liệu, kiểm tra an toàn thông tin tháng {m}",
        "Chỉnh lý hồ sơ lưu trữ năm {y}",
        "Cập nhật tin, bài lên Trang thông tin điện tử của Thành ủy",
        ("Hướng dẫn sử dụng chữ ký số cho các chi bộ trực thuộc", (2, 3), None),
    ],
    "lanh-dao-btc": [
        "Tham mưu quy trình bổ nhiệm cán bộ lãnh đạo, quản lý tháng {m}",
        "Tổng hợp kết quả đánh giá, xếp loại cán bộ tháng {m0}",
        "Thẩm định hồ sơ nhân sự đề nghị điều động, luân chuyển",
        "Kiểm tra công tác tổ chức, cán bộ tại Đảng ủy {ward}",
        ("Tham mưu kế hoạch kiểm điểm, đánh giá cán bộ năm 2022", (1,), None),
        ("Chỉ đạo rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030", (5, 6), "ban-to-chuc/quy-hoach-can-bo"),
        ("Thẩm định đề án vị trí việc làm khối Đảng, đoàn thể", (3, 4, 5, 6), "ban-to-chuc/vi-tri-viec-lam"),
    ],
    "cv-btc": [
        "Cập nhật hồ sơ đảng viên trên phần mềm quản lý đảng viên tháng {m}",
        "Thẩm định hồ sơ đề nghị kết nạp đảng viên tháng {m}",
        "Tổng hợp kết quả đánh giá, xếp loại cán bộ tháng {m0}",
        "Theo dõi biến động đảng viên, chuyển sinh hoạt đảng tháng {m}",
        ("Tổng hợp báo cáo công tác tổ chức xây dựng Đảng quý I", (3,), None),
        ("Chuẩn bị hồ sơ xét tặng Huy hiệu Đảng đợt 19/5", (4, 5), None),
        "Rà soát hồ sơ cán bộ diện Ban Thường vụ quản lý",
    ],
    "lanh-dao-ptc": [
        "Tham mưu UBND thành phố điều hành ngân sách tháng {m}",
        "Thẩm định dự toán, phương án sử dụng kinh phí của các đơn vị",
        "Làm việc với UBND {ward} về tiến độ thu ngân sách",
        ("Tham mưu giao dự toán ngân sách năm 2023 cho các đơn vị", (1,), None),
        ("Tham mưu báo cáo tình hình kinh tế – xã hội quý I", (3,), None),
        ("Tham mưu báo cáo kinh tế – xã hội 6 tháng đầu năm", (6,), None),
        "Chủ trì thẩm tra quyết toán dự án hoàn thành",
    ],
    "cv-ptc": [
        "Thẩm tra hồ sơ quyết toán dự án hoàn thành (đợt {n})",
        "Tổng hợp báo cáo giải ngân vốn đầu tư công tháng {m}",
        "Theo dõi, báo cáo thu ngân sách trên địa bàn tháng {m}",
        "Thẩm định dự toán mua sắm tài sản công của các đơn vị",
        "Rà soát, tổng hợp nhu cầu vốn đầu tư công",
        ("Tổng hợp quyết toán ngân sách thành phố năm 2022", (3, 4), None),
        (
            "Tổng hợp danh mục dự án đề xuất kế hoạch đầu tư công năm 2024",
            (5, 6),
            "phong-tai-chinh/ke-hoach-dau-tu-2024",
        ),
    ],
    "truong-ca": [
        "Chủ trì giao ban Công an thành phố tháng {m}",
        "Chỉ đạo tấn công, trấn áp tội phạm, bảo đảm an ninh trật tự tháng {m}",
        ("Chỉ đạo bảo đảm an ninh trật tự dịp Tết Nguyên đán Quý Mão", (1,), None),
        ("Chỉ đạo bảo đảm an ninh trật tự dịp lễ 30/4 và 1/5", (4,), None),
        ("Chỉ đạo điều tra, làm rõ các vụ phạm pháp hình sự", None, "cong-an-tp/dieu-tra-kham-pha"),
        "Làm việc với Công an {ward} về công tác bảo đảm an ninh trật tự",
        "Kiểm tra công tác phòng cháy, chữa cháy tại các chợ trên địa bàn",
    ],
    "pho-ca": [
        "Chỉ đạo cấp căn cước công dân, định danh điện tử tháng {m}",
        "Chỉ đạo kiểm tra công tác quản lý cư trú tại {ward}",
        "Chỉ đạo kiểm tra các cơ sở kinh doanh ngành nghề có điều kiện về an ninh trật tự",
        ("Chỉ đạo cấp tài khoản định danh điện tử lưu động tại các khu phố", None, "cong-an-tp/tai-khoan-dinh-danh"),
        ("Chỉ đạo tổng kiểm tra phòng cháy, chữa cháy mùa khô", (4, 5), None),
        "Chỉ đạo làm sạch dữ liệu dân cư tại {ward}",
    ],
    "doi-ca": [
        "Tuần tra, xử lý vi phạm trật tự lòng lề đường tuyến {street}",
        "Phối hợp UBND {ward} ra quân lập lại trật tự vỉa hè tuyến {street}",
        "Lập biên bản, xử lý phương tiện đỗ sai quy định tháng {m}",
        ("Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán Quý Mão", (1,), None),
        ("Bảo đảm trật tự an toàn giao thông mùa thi tốt nghiệp trung học phổ thông", (6,), None),
        "Tổng hợp báo cáo tình hình trật tự đô thị tháng {m}",
    ],
}

# The notes the assigner writes in a review.
NOTE_OK = [
    "Đạt yêu cầu",
    "Hoàn thành tốt",
    "Hoàn thành đúng thời hạn, chất lượng tốt",
    "Đạt yêu cầu đề ra",
    "Hoàn thành, đúng tiến độ",
]
NOTE_QUALITY = [
    "Báo cáo phải chỉnh sửa, bổ sung số liệu một lần",
    "Chất lượng chưa cao, phải hoàn thiện lại",
    "Hồ sơ thiếu thành phần, phải bổ sung",
]
NOTE_LATE = ["Hoàn thành chậm {d} ngày so với thời hạn", "Chậm tiến độ {d} ngày"]
NOTE_UNDONE = ["Chưa hoàn thành", "Chưa hoàn thành, chưa báo cáo lý do", "Chưa hoàn thành, còn vướng mắc"]
NOTE_CARRIED = "Chưa hoàn thành, chuyển sang kế hoạch tháng {m1}"


# ---------------------------------------------------------------------------------------------------------------
# Working days in 2023 (Tết Quý Mão 20–26/1, Giỗ Tổ and 30/4–1/5: 29/4–3/5)
# ---------------------------------------------------------------------------------------------------------------

HOLIDAYS = {
    D(2023, 1, 2),
    *(D(2023, 1, d) for d in range(20, 27)),
    D(2023, 4, 29),
    D(2023, 4, 30),
    D(2023, 5, 1),
    D(2023, 5, 2),
    D(2023, 5, 3),
    D(2023, 9, 1),
    D(2023, 9, 2),
    D(2023, 9, 4),
}


def workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def workdays(year: int, month: int) -> list[dt.date]:
    day, out = D(year, month, 1), []
    while day.month == month:
        if workday(day):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def add_workdays(day: dt.date, n: int) -> dt.date:
    step = 1 if n >= 0 else -1
    while n:
        day += dt.timedelta(days=step)
        if workday(day):
            n -= step
    return day


def next_month(month: int) -> tuple[int, int]:
    return (YEAR + 1, 1) if month == 12 else (YEAR, month + 1)


# ---------------------------------------------------------------------------------------------------------------
# Scoring, as SCORING.md defines it, to rate each month consistently
# ---------------------------------------------------------------------------------------------------------------


def round1(value: float) -> float:
    return float(Decimal(repr(round(value, 9))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def level_of(score: float) -> str:
    return "excellent" if score >= 90 else "good" if score >= 70 else "done" if score >= 50 else "not-done"


LEVELS = ["excellent", "good", "done", "not-done"]


def lower(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


@dataclass
class Task:
    id: str
    title: str
    assigned_by: str
    due: dt.date
    commitment: str | None = None
    done: dt.date | None = None
    carried_from: str | None = None
    weight: int = 1
    quality_fails: int = 0
    delays: int | None = None
    excused: bool = False
    note: str = ""
    review_on: dt.date | None = None
    carried_to_next: bool = False

    def credit(self) -> float:
        if self.done is None:
            return 0.0  # every plan month is past: a task not done by its due date scores 0
        if self.excused:
            return 1.0
        delays = self.delays if self.delays is not None else (1 if self.done > self.due else 0)
        quality = max(0.0, 1 - 0.25 * self.quality_fails)
        progress = max(0.0, 1 - 0.25 * delays)
        return (1 + quality + progress) / 3


def task_results(tasks: list[Task]) -> float:
    weights = sum(t.weight for t in tasks)
    return 70 * sum(t.weight * t.credit() for t in tasks) / weights


@dataclass
class Plan:
    person: Person
    month: int
    tasks: list[Task]
    self_on: dt.date | None = None
    self_score: int | None = None
    self_level: str | None = None
    rating_on: dt.date | None = None
    rating_by: str | None = None
    general: int | None = None
    level: str | None = None
    rated: bool = True  # False: no rating yet (a provisional score)
    has_general: bool = True

    @property
    def key(self) -> str:
        return f"{YEAR}-{self.month:02d}"

    def disciplined(self) -> bool:
        return any(d["on"].year == YEAR and d["on"].month == self.month for d in self.person.discipline)

    def score(self) -> float:
        if self.rated and self.has_general and self.general is not None:
            return round1(self.general + task_results(self.tasks))
        return round1(task_results(self.tasks) * 100 / 70)

    def computed(self) -> str:
        return "not-done" if self.disciplined() else level_of(self.score())


# ---------------------------------------------------------------------------------------------------------------
# Generating the plans
# ---------------------------------------------------------------------------------------------------------------

# Plans whose evaluation is not finished: no rating yet, or a rating without its general score.
PROVISIONAL_NO_RATING = {(slug("Lê Hoàng Nam"), 6), (slug("Trần Anh Tú"), 6)}
PROVISIONAL_NO_GENERAL = {(slug("Hà Thị Yến"), 6)}
NO_SELF = {(slug("Hồ Thị Mai"), 5)}
# The two people rated excellent in OVER_QUOTA: every task done on time and passing its checks.
STARS = {(slug("Dương Văn Nam"), OVER_QUOTA[1]), (slug("Lê Văn Hưng"), OVER_QUOTA[1])} if OVER_QUOTA else set()
# The one late task whose delay a competent authority excused (nguyên nhân khách quan).
EXCUSED = (slug("Nguyễn Văn Thành"), 4)
# How often a plan task (outside the scripted months below) is done late, or not done at all, and how often a task
# done on time fails one quality check. A month with every task done on time scores general + 70 ≥ 94, so nearly
# every computed level is excellent; the competent level rates most people good, as the quota requires.
LATE_RATE = 0.012
UNDONE_RATE = 0.008
QUALITY_FAIL_RATE = 0.12
GENERAL_OFFSET = 6
# Scripted months: (person, month) → the outcome forced on one task.
SCRIPTED = {
    (slug("Đoàn Văn Hậu"), 1): "undone-carried",
    (slug("Đoàn Văn Hậu"), 2): "carried-late",
    (slug("Phạm Văn Quang"), 4): "late",
    (slug("Phạm Văn Quang"), 5): "undone",
    (slug("Lê Hoàng Nam"), 6): "undone",
    (slug("Trần Anh Tú"), 6): "undone",
    (slug("Lê Văn Tài"), 2): "undone-carried",
    (slug("Hoàng Minh Đức"), 3): "undone-carried",
    (slug("Trần Quang Vinh"), 4): "undone-carried",
    (slug("Nguyễn Văn Thành"), 4): "late",
}


def general_offset(p: Person) -> int:
    """How far below the person's usual `general` the competent level scores it in a month.

    Only the head of a unit large enough for the quota to allow one excellent rating (floor(0.2 × 5 good) = 1)
    can average 90 or more over a quarter; everyone else's perfect month scores below 90. Without this, the mean
    of nearly every person's months is ≥ 90 and every unit is over its quota for the quarter.
    """
    return 3 if p.head and UNIT_SIZE[p.unit] >= 6 else 8


def person_active(p: Person, month: int) -> bool:
    if not p.active:
        return True
    first, last = D(YEAR, month, 1), workdays(YEAR, month)[-1]
    start, end = p.active.get("from"), p.active.get("to")
    return (start is None or start <= last) and (end is None or end >= first)


def assigners(p: Person) -> list[str]:
    """Who may give this person a task: the unit's head or a deputy; for heads, the head of btv."""
    if p.id == BTV_HEAD:
        return [BTV_STANDING]
    if p.head or p.unit == "btv":
        return [BTV_HEAD]
    if p.deputy:
        return [HEAD[p.unit]]
    return [HEAD[p.unit]] + DEPUTIES[p.unit]


def rater(p: Person) -> str:
    if p.id == BTV_HEAD:
        return BTV_STANDING
    if p.head or p.unit == "btv":
        return BTV_HEAD
    return HEAD[p.unit]


def owned_acts(p: Person) -> list[tuple[str, str, dict]]:
    """(title template, unit/item, item) for the commitment items this person owns (một việc một đầu mối)."""
    out = []
    for unit, items in ITEMS.items():
        for item_id, (item, acts) in items.items():
            if item["owner"] == p.id:
                out.extend((act, f"{unit}/{item_id}", item) for act in acts)
    return out


def fill(template: str, rng: random.Random, p: Person, month: int) -> str:
    wards = [w for w in WARDS if w != p.unit]
    values = {
        "m": str(month),
        "m0": str(month - 1 if month > 1 else 12),
        "m1": str(month + 1 if month < 12 else 1),
        "q": "I" if month <= 3 else "II",
        "kp": str(rng.randint(1, 9)),
        "street": rng.choice(STREETS),
        "ward": UNIT_NAME[rng.choice(wards)],
        "n": str(rng.randint(1, 3)),
        "y": str(rng.choice([2015, 2016, 2017, 2018, 2019, 2020])),
        "unit": rng.choice(
            [
                "Ủy ban Mặt trận Tổ quốc thành phố",
                "Thành đoàn",
                "Hội Liên hiệp Phụ nữ thành phố",
                "Hội Nông dân thành phố",
                "Hội Cựu chiến binh thành phố",
            ]
        ),
    }
    text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)
    if month == 1 and "{m0}" in template:
        text = text.replace("tháng 12", "tháng 12/2022")
    return text


def pool_for(p: Person, month: int) -> list[tuple[str, str | None]]:
    out = []
    for entry in POOLS[p.role]:
        title, months, link = (entry, None, None) if isinstance(entry, str) else entry
        if months is None or month in months:
            out.append((title, link))
    return out


def item_in_progress(item: dict, month: int) -> bool:
    start = D(YEAR, month, 1)
    if item["due"] < start:
        return False
    return item.get("done") is None or item["done"] >= start


def pick_due(rng: random.Random, month: int, late_room: bool = False) -> dt.date:
    days = [d for d in workdays(YEAR, month) if d.day >= 6]
    if late_room:
        days = days[:-6]
    return rng.choice(days)


def generate_plans() -> dict[tuple[str, int], Plan]:
    rng = random.Random(2023)
    plans: dict[tuple[str, int], Plan] = {}
    carry: dict[str, list[Task]] = {}  # person → last month's tasks that are carried into this month
    for month in PLAN_MONTHS:
        new_carry: dict[str, list[Task]] = {}
        for p in PEOPLE:
            if not person_active(p, month):
                continue
            plan = Plan(p, month, [])
            # 1. Work carried over from last month.
            for old in carry.get(p.id, []):
                plan.tasks.append(
                    Task(
                        "",
                        old.title,
                        old.assigned_by,
                        pick_due(rng, month, late_room=True),
                        old.commitment,
                        carried_from=f"{YEAR}-{month - 1:02d}/{old.id}",
                        weight=old.weight,
                    )
                )
            # 2. One or two steps towards the commitment items the person owns.
            acts = [(a, ref, item) for a, ref, item in owned_acts(p) if item_in_progress(item, month)]
            rng.shuffle(acts)
            wanted = rng.randint(2, 5)
            linked = min(len(acts), rng.choice([1, 1, 1, 2])) if acts else 0
            refs: list[str] = []
            for act, ref, _ in acts:
                if len(refs) >= linked or ref in refs:
                    continue
                refs.append(ref)
                plan.tasks.append(
                    Task(
                        "",
                        fill(act, rng, p, month),
                        rng.choice(assigners(p)),
                        pick_due(rng, month),
                        ref,
                        weight=2 if rng.random() < 0.25 else 1,
                    )
                )
            # 3. The rest from the role's pool: the routine work of the month.
            pool = pool_for(p, month)
            rng.shuffle(pool)
            titles = {t.title for t in plan.tasks}
            for title, link in pool:
                if len(plan.tasks) >= max(wanted, 2):
                    break
                text = fill(title, rng, p, month)
                if text in titles:
                    continue
                titles.add(text)
                plan.tasks.append(
                    Task(
                        "",
                        text,
                        rng.choice(assigners(p)),
                        pick_due(rng, month),
                        link,
                        weight=2 if rng.random() < 0.06 else 1,
                    )
                )
            outcomes(plan, rng, SCRIPTED.get((p.id, month)))
            plan.tasks.sort(key=lambda t: (t.carried_from is None, t.due, t.title))
            for i, t in enumerate(plan.tasks, 1):
                t.id = f"t{i}"
            new_carry[p.id] = [t for t in plan.tasks if t.carried_to_next]
            plans[(p.id, month)] = plan
        carry = new_carry
    return plans


def outcomes(plan: Plan, rng: random.Random, scripted: str | None) -> None:
    """Done dates and the reviews' findings: most on time, some with a quality remark, a few late or not done."""
    p, month = plan.person, plan.month
    days = workdays(YEAR, month)
    first, last = days[0], days[-1]
    perfect = (p.id, month) in STARS
    quiet = scripted is not None or perfect or (p.id, month) in PROVISIONAL_NO_RATING | PROVISIONAL_NO_GENERAL
    forced: int | None = None
    if scripted == "carried-late":
        forced = next(i for i, t in enumerate(plan.tasks) if t.carried_from)
    elif scripted:
        forced = max(i for i, t in enumerate(plan.tasks) if not t.carried_from)
    for i, t in enumerate(plan.tasks):
        roll = rng.random()
        if i == forced:
            kind = {"undone-carried": "undone-carried", "undone": "undone", "late": "late", "carried-late": "late"}[
                scripted
            ]
        elif not quiet and roll < LATE_RATE:
            kind = "late"
        elif not quiet and roll < LATE_RATE + UNDONE_RATE:
            kind = "undone-carried" if month < PLAN_MONTHS[-1] and rng.random() < 0.6 else "undone"
        else:
            kind = "on_time"
        if kind == "on_time":
            back = rng.choice([0, 0, 0, 1, 1, 2, 3, 5])
            t.done = max(add_workdays(t.due, -back) if back else t.due, first)
            if not perfect and rng.random() < QUALITY_FAIL_RATE:
                t.quality_fails = 1
                t.note = rng.choice(NOTE_QUALITY)
            else:
                t.note = rng.choice(NOTE_OK)
                if rng.random() < 0.08:
                    t.delays = 0
        elif kind == "late":
            if t.due > add_workdays(last, -5):
                t.due = rng.choice([d for d in days if d.day >= 6][:-6])
            t.done = min(add_workdays(t.due, rng.randint(1, 4)), last)
            late_by = (t.done - t.due).days
            t.note = rng.choice(NOTE_LATE).format(d=late_by)
            if (p.id, month) == EXCUSED:
                t.excused = True
                t.note = "Chậm do chủ đầu tư bổ sung hồ sơ; Trưởng phòng xác nhận nguyên nhân khách quan"
            elif rng.random() < 0.4:
                t.delays = 1 if late_by <= 3 else 2
            if not t.excused and rng.random() < 0.3:
                t.quality_fails = 1
        else:
            t.done = None
            if kind == "undone-carried":
                t.carried_to_next = True
                t.note = NOTE_CARRIED.format(m1=month + 1)
            else:
                t.note = rng.choice(NOTE_UNDONE)


def evaluate(plans: dict[tuple[str, int], Plan]) -> None:
    """Steps 1 and 3 of each month. A concluded level is never above the computed one, and stays within the quota
    of excellent ratings, except in OVER_QUOTA."""
    rng = random.Random(2023 * 100 + 1)
    for (pid, month), plan in sorted(plans.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        p = plan.person
        year, nm = next_month(month)
        days = workdays(year, nm)
        plan.self_on = days[rng.choice([0, 0, 1])]
        for t in plan.tasks:
            t.review_on = add_workdays(plan.self_on, rng.choice([0, 1, 1, 2]))
        latest = max(t.review_on for t in plan.tasks)
        options = [d for d in days if 5 <= d.day <= 8 and d > latest] or [add_workdays(latest, 1)]
        plan.rating_on = rng.choice(options)
        plan.rating_by = rater(p)
        plan.general = max(18, min(30, p.general - general_offset(p) + rng.choice([-1, 0, 0, 0, 1])))
        if (pid, month) in STARS:
            plan.general = max(plan.general, 28)
        if (pid, month) in NO_SELF:
            plan.self_on = None
        if (pid, month) in PROVISIONAL_NO_RATING:
            plan.rated = False
        if (pid, month) in PROVISIONAL_NO_GENERAL:
            plan.has_general = False
    groups: dict[tuple[str, int], list[Plan]] = {}
    for plan in plans.values():
        groups.setdefault((plan.person.unit, plan.month), []).append(plan)
    for (unit, month), members in sorted(groups.items()):
        members.sort(key=lambda pl: pl.person.id)
        for pl in members:
            computed = pl.computed()
            pl.level = None if not pl.rated else computed if pl.has_general else lower("good", computed)
        excellent = sorted(
            (pl for pl in members if pl.level == "excellent"), key=lambda pl: (-pl.score(), pl.person.id)
        )
        if OVER_QUOTA == (unit, month):
            for pl in excellent:
                if (pl.person.id, month) not in STARS:
                    pl.level = "good"
            continue
        unrated_excellent = sum(1 for pl in members if pl.level is None and pl.computed() == "excellent")
        good = sum(1 for pl in members if (pl.level or pl.computed()) == "good")
        keep = None
        for k in range(len(excellent), -1, -1):
            if k + unrated_excellent <= int(0.2 * (good + len(excellent) - k) + 1e-9):
                keep = k
                break
        assert keep is not None, f"{unit} {month}: the unrated months alone break the quota"
        if keep and rng.random() < 0.35:
            keep = 0  # the competent level is sparing with excellent ratings
        for pl in excellent[keep:]:
            pl.level = "good"
    # Step 1: the person's own score and level, often a little generous.
    for plan in plans.values():
        if plan.self_on is None:
            continue
        own = min(30, (plan.general or plan.person.general) + rng.choice([0, 1, 1, 2]))
        plan.self_score = min(100, round(own + task_results(plan.tasks)))
        plan.self_level = "not-done" if plan.disciplined() else level_of(plan.self_score)


def plan_document(plan: Plan) -> str:
    p = plan.person
    tasks = []
    for t in plan.tasks:
        entry: dict = {}
        if t.carried_from:
            entry[Comment(f"Chuyển tiếp từ kế hoạch tháng {int(t.carried_from[5:7])}")] = None
        entry.update({"id": t.id, "title": t.title, "assigned_by": t.assigned_by, "due": t.due})
        if t.commitment:
            entry["commitment"] = t.commitment
        if t.done:
            entry["done"] = t.done
        if t.carried_from:
            entry["carried_from"] = t.carried_from
        if t.weight != 1:
            entry["weight"] = t.weight
        review: dict = {"on": t.review_on}
        if t.done:
            review["quality_fails"] = t.quality_fails
            if t.delays is not None:
                review["delays"] = t.delays
            if t.excused:
                review["excused"] = True
        review["note"] = t.note
        entry["review"] = review
        tasks.append(entry)
    body: dict = {"kind": "plan", "person": p.id, "month": plan.key, "tasks": tasks}
    if plan.self_on:
        body[Comment("Bước 1: tự đánh giá")] = None
        body["self"] = {"on": plan.self_on, "score": plan.self_score, "level": plan.self_level}
    if plan.rated:
        body[Comment("Bước 3: cấp có thẩm quyền kết luận, xếp loại")] = None
        rating: dict = {"on": plan.rating_on, "by": plan.rating_by}
        if plan.has_general:
            rating["general"] = plan.general
        rating["level"] = plan.level
        body["rating"] = rating
    header = [f"Kế hoạch công tác tháng {plan.month}/{YEAR}: {p.name}, {p.title} ({UNIT_NAME[p.unit]})"]
    if plan.disciplined():
        d = next(d for d in p.discipline if d["on"].month == plan.month)
        header.append(
            f"Bị kỷ luật {d['form']} ngày {d['on'].day}/{d['on'].month}/{d['on'].year} ({d['ref']}): xếp loại không hoàn thành nhiệm vụ"
        )
    if not plan.rated or not plan.has_general:
        header.append("Chưa có kết luận của cấp có thẩm quyền: điểm tạm tính")
    return document(header, body)


# ---------------------------------------------------------------------------------------------------------------
# Writing the tracker
# ---------------------------------------------------------------------------------------------------------------

ACCT_YAML = """\
# Cấu hình bộ theo dõi trách nhiệm của Thành ủy Đông Hà (dữ liệu mẫu)
acct: 1
id: thanh-uy-dong-ha          # tên của bộ theo dõi khi tỉnh tổng hợp dữ liệu xuất của các huyện, thành phố
organization: Thành ủy Đông Hà
groups: {min: 3, max: 5}      # mỗi bản cam kết có từ 3 đến 5 nhóm nhiệm vụ trọng tâm
rules: nd335                  # quy tắc xếp loại theo Nghị định 335/2025/NĐ-CP
thresholds: {excellent: 90, good: 70, done: 50}
quota: {excellent_per_good: 0.2}
reports: quarterly            # các đơn vị báo cáo tiến độ thực hiện cam kết hằng quý
issues_target: 0.8            # giải quyết ít nhất 80% vấn đề trọng tâm đúng hạn mỗi năm
document:                     # tiêu đề và chữ ký của báo cáo khi ban hành (acct report --format html)
  parent_issuer: ĐẢNG BỘ TỈNH QUẢNG TRỊ
  issuer: THÀNH ỦY ĐÔNG HÀ
  number: Số 125-BC/TU
  motto: ĐẢNG CỘNG SẢN VIỆT NAM
  place: Đông Hà              # ngày ban hành: ngày tính đến của báo cáo (--as-of), trừ khi ghi date:
  signer_title: [T/M BAN THƯỜNG VỤ, BÍ THƯ]
  signer: Lê Quang Thịnh
  recipients:
    - Ban Thường vụ Tỉnh ủy (để báo cáo),
    - Các đồng chí Thành ủy viên,
    - Các chi bộ, đảng bộ trực thuộc,
    - Lưu Văn phòng Thành ủy.
"""


def build() -> dict[str, str]:
    files: dict[str, str] = {"acct.yaml": ACCT_YAML, "org.yaml": org_document()}
    for unit in COMMITMENTS:
        files[f"{YEAR}/commitments/{unit}.yaml"] = commitment_document(unit)
    for issue in ISSUES:
        files[f"{YEAR}/issues/{issue['id']}.yaml"] = issue_document(issue)
    plans = generate_plans()
    evaluate(plans)
    for (pid, _month), plan in sorted(plans.items()):
        files[f"{YEAR}/plans/{plan.key}/{pid}.yaml"] = plan_document(plan)
    return {name: schema_header(name) + text for name, text in files.items()}


def schema_header(name: str) -> str:
    """The line that points editors (VS Code's YAML extension) at the file's JSON Schema, as `acct new` writes it."""
    kind = "config" if name == "acct.yaml" else "org" if name == "org.yaml" else name.split("/")[1].removesuffix("s")
    up = "../" * name.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json\n"


def schema_files() -> dict[str, str]:
    """The JSON Schemas the headers point at, from the models `acct check` uses (as `acct schema` writes them)."""
    sys.path.insert(0, str(PROJECT))
    from accountability.authoring.schema import as_text, schemas

    return {f"{SCHEMA_DIR}/{name}": as_text(body) for name, body in schemas().items()}


def main() -> int:
    ids = [p.id for p in PEOPLE]
    assert len(ids) == len(set(ids)), "two people share an id"
    files = build() | schema_files()
    if ROOT.parent != PROJECT or ROOT.name != "commitments":
        raise SystemExit(f"refusing to write outside {PROJECT / 'commitments'}")
    if ROOT.exists():
        for child in sorted(ROOT.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    for name, text in sorted(files.items()):
        path = ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(nfc(text).encode("utf-8"))
    print(f"wrote {len(files)} files to {ROOT.relative_to(PROJECT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
