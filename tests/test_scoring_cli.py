"""`acct score` and the scoring warnings of `acct check`, through the installed command, on a small tracker whose
every figure is worked out by hand below.

The period is 2023-Q2 (1 April … 30 June) judged as of D = 10 July 2023, so C = 30 June.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_acct, write_tracker

from accountability.render.scores import CSV_COLUMNS

AS_OF = "2023-07-10"

ORG = """\
kind: org
units:
  - {id: btv, name: Ban Thường vụ Thành ủy, head: ho-sy-trung, rated_by: le-van-tinh}
  - {id: phuong-1, name: Phường 1, parent: btv, head: nguyen-van-a}
  - {id: khu-pho-1, name: Khu phố 1, parent: phuong-1, head: dang-van-g}
  - {id: phuong-2, name: Phường 2, parent: btv, head: le-thi-c}
people:
  - {id: ho-sy-trung, name: Hồ Sỹ Trung, unit: btv}
  - {id: nguyen-van-a, name: Nguyễn Văn A, unit: phuong-1}
  - {id: tran-van-b, name: Trần Văn B, unit: phuong-1}
  - {id: pham-thi-d, name: Phạm Thị D, unit: phuong-1}
  - {id: dang-van-g, name: Đặng Văn G, unit: khu-pho-1}
  - {id: le-thi-c, name: Lê Thị C, unit: phuong-2}
  - {id: vo-van-e, name: Võ Văn E, unit: phuong-2}
"""

# The province's Standing Committee, outside the tracker: its member rates the head of btv
PROVINCE = "kind: org\nunits:\n  - {id: tinh-uy, name: Tỉnh ủy, external: true, head: le-van-tinh}\npeople:\n  - {id: le-van-tinh, name: Lê Văn Tỉnh, unit: tinh-uy}\n"

# phuong-1, Q2 as of 10 July (C = 30 June):
#   gpmb (W 50): le-loi on time (1), hung-vuong done 25 June after its due 15 June: late (0.5) → (1 + 0.5)/2 = 0.75
#   kinh-te (W 30): thu-ngan-sach due 31 Dec, on pace: expected at 30 June = 120 × 180/364 = 59.3407;
#       58 < 59.3407 → behind, credit 58/59.3407 = 0.977407
#   do-thi (W 20): ve-sinh due 20 June, not done → overdue (0); cho-moi due 30 Sep → open, not scored → 0/1 = 0
#   score = 100 × (50×0.75 + 30×0.977407 + 20×0)/100 = 37.5 + 29.322222 = 66.822222 → 66.8
#   level: 66.8 → done; final items le-loi ✓ hung-vuong ✓ ve-sinh ✗: 2 of 3, not less than half → done stands
#   flags: thu-ngan-sach behind at 31 March (26.4 < 120 × 89/364 = 29.34) and at 30 June → review-now
PHUONG_1 = """\
kind: commitment
unit: phuong-1
year: 2023
head: nguyen-van-a
to: btv
signed: 2023-01-16
groups:
  - id: gpmb
    title: Giải phóng mặt bằng
    weight: 50
    items:
      - {id: le-loi, title: Bàn giao mặt bằng tuyến Lê Lợi, owner: tran-van-b, due: 2023-05-31, done: 2023-05-20}
      - {id: hung-vuong, title: Bàn giao mặt bằng tuyến Hùng Vương, owner: tran-van-b, due: 2023-06-15, done: 2023-06-25}
  - id: kinh-te
    title: Phát triển kinh tế
    weight: 30
    items:
      - id: thu-ngan-sach
        title: Thu ngân sách
        owner: nguyen-van-a
        due: 2023-12-31
        target: {value: 120, unit: tỷ đồng}
        reports:
          - {on: 2023-03-31, value: 26.4, note: Quý I}
          - {on: 2023-06-30, value: 58.0, note: Quý II}
  - id: do-thi
    title: Chỉnh trang đô thị
    weight: 20
    items:
      - {id: ve-sinh, title: Ra quân vệ sinh môi trường, owner: pham-thi-d, due: 2023-06-20}
      - {id: cho-moi, title: Di dời chợ tạm, owner: pham-thi-d, due: 2023-09-30}
"""

# phuong-2: 3 groups without weights (1 each): a on time, b on time, c (down, 40 ≤ 50, beaten) → 100.0, excellent
PHUONG_2 = """\
kind: commitment
unit: phuong-2
year: 2023
head: le-thi-c
to: btv
groups:
  - id: g1
    title: Cải cách hành chính
    items:
      - {id: mot-cua, title: Bộ phận một cửa điện tử, owner: le-thi-c, due: 2023-04-30, done: 2023-04-28}
  - id: g2
    title: An sinh xã hội
    items:
      - {id: nha-tinh-nghia, title: Bàn giao nhà tình nghĩa, owner: vo-van-e, due: 2023-05-31, done: 2023-05-30}
  - id: g3
    title: Trật tự đô thị
    items:
      - id: vi-pham-trat-tu
        title: Số vụ vi phạm trật tự đô thị
        owner: vo-van-e
        due: 2023-06-30
        target: {value: 50, unit: vụ, direction: down}
        reports:
          - {on: 2023-06-30, value: 40}
"""

# khu-pho-1: three tasks on time → 100.0, excellent: the same score as phuong-2, so both rank 1 and phuong-1 ranks 3
KHU_PHO_1 = """\
kind: commitment
unit: khu-pho-1
year: 2023
head: dang-van-g
to: phuong-1
groups:
  - id: g1
    title: Vệ sinh
    items:
      - {id: thu-gom-rac, title: Thu gom rác, owner: dang-van-g, due: 2023-04-15, done: 2023-04-14}
  - id: g2
    title: An ninh
    items:
      - {id: to-tu-quan, title: Tổ tự quản, owner: dang-van-g, due: 2023-05-15, done: 2023-05-15}
  - id: g3
    title: Văn hóa
    items:
      - {id: khu-pho-van-hoa, title: Đăng ký khu phố văn hóa, owner: dang-van-g, due: 2023-06-15, done: 2023-06-01}
"""

# tran-van-b, April: t1 on time (1); t2 done 27 April after 25 April: late, 1 delay, (1 + 1 + 0.75)/3 = 11/12
#   task_results = 70 × (1 + 11/12)/2 = 70 × 23/24 = 67.083333; score = 27 + 67.083333 = 94.083333 → 94.1, excellent;
#   concluded good (below the computed level: no warning)
B_APRIL = """\
kind: plan
person: tran-van-b
month: 2023-04
tasks:
  - {id: t1, title: Kiểm kê đất tuyến Lê Lợi, assigned_by: nguyen-van-a, due: 2023-04-20, done: 2023-04-18, review: {on: 2023-05-02}}
  - {id: t2, title: Họp dân tuyến Lê Lợi, assigned_by: nguyen-van-a, due: 2023-04-25, done: 2023-04-27, review: {on: 2023-05-02}}
self: {on: 2023-05-01, score: 95, level: excellent}
rating: {on: 2023-05-05, by: nguyen-van-a, general: 27, level: good}
"""

# May: t1 not done, due 20 May past → 0; t2 on time → 1; 70 × 0.5 = 35; 25 + 35 = 60.0 → done; concluded done
B_MAY = """\
kind: plan
person: tran-van-b
month: 2023-05
tasks:
  - {id: t1, title: Hồ sơ bồi thường, assigned_by: nguyen-van-a, due: 2023-05-20}
  - {id: t2, title: Biên bản bàn giao, assigned_by: nguyen-van-a, due: 2023-05-25, done: 2023-05-24}
rating: {on: 2023-06-05, by: nguyen-van-a, general: 25, level: done}
"""

# June: t1 on time with 2 quality fails: (1 + 0.5 + 1)/3 = 5/6; 70 × 5/6 = 58.333; no rating → provisional
#   58.333 / 0.7 = 83.333 → 83.3, good
B_JUNE = """\
kind: plan
person: tran-van-b
month: 2023-06
tasks:
  - {id: t1, title: Báo cáo tiến độ GPMB, assigned_by: nguyen-van-a, due: 2023-06-15, done: 2023-06-10, review: {on: 2023-07-03, quality_fails: 2}}
"""
# tran-van-b over Q2: (94.1 + 60.0 + 83.3)/3 = 237.4/3 = 79.133 → 79.1, proposed good, provisional (June);
#   concluded months: April good, May done
#   tasks 5: on_time 3 (Apr t1, May t2, Jun t1), late 1 (Apr t2), undone 1 (May t1)
#   misses in 2023 by 10 July: April's t2 was done 27 April, before April's review deadline (30 April + 5 = 5 May):
#   no miss; May's t1 is still not done after 5 June: a miss → 1 → reminder

# pham-thi-d, May: t1 on time → 70; 30 + 70 = 100.0, excellent, concluded excellent
D_MAY = """\
kind: plan
person: pham-thi-d
month: 2023-05
tasks:
  - {id: t1, title: Kế hoạch vệ sinh môi trường, assigned_by: nguyen-van-a, due: 2023-05-10, done: 2023-05-09}
rating: {on: 2023-06-05, by: nguyen-van-a, general: 30, level: excellent}
"""

# nguyen-van-a, May: 20 + 70 = 90.0, computed excellent, concluded good
A_MAY = """\
kind: plan
person: nguyen-van-a
month: 2023-05
tasks:
  - {id: t1, title: Chỉ đạo GPMB, assigned_by: ho-sy-trung, due: 2023-05-15, done: 2023-05-15}
rating: {on: 2023-06-05, by: ho-sy-trung, general: 20, level: good}
"""

# ho-sy-trung, May: 25 + 70 = 95.0, computed excellent, concluded good by his rater (btv's rated_by); btv has no
#   commitment → score null
TRUNG_MAY = """\
kind: plan
person: ho-sy-trung
month: 2023-05
tasks:
  - {id: t1, title: Sơ kết quý I, assigned_by: le-van-tinh, due: 2023-05-12, done: 2023-05-12}
rating: {on: 2023-06-05, by: le-van-tinh, general: 25, level: good}
"""

# le-thi-c, May: t1 on time (1), t2 undone (0) → 70 × 0.5 = 35; 20 + 35 = 55.0, computed done;
#   concluded good with no reason → rating-above-computed; 1 miss → reminder
C_MAY = """\
kind: plan
person: le-thi-c
month: 2023-05
tasks:
  - {id: t1, title: Rà soát thủ tục, assigned_by: ho-sy-trung, due: 2023-05-10, done: 2023-05-10}
  - {id: t2, title: Đối thoại doanh nghiệp, assigned_by: ho-sy-trung, due: 2023-05-20}
rating: {on: 2023-06-05, by: ho-sy-trung, general: 20, level: good}
"""

# vo-van-e, May: t1 on time weight 1, t2 undone weight 3 → 70 × 1/4 = 17.5; 30 + 17.5 = 47.5, computed not-done;
#   concluded good, with a reason → no warning; 1 miss → reminder
E_MAY = """\
kind: plan
person: vo-van-e
month: 2023-05
tasks:
  - {id: t1, title: Danh sách hộ nghèo, assigned_by: le-thi-c, due: 2023-05-10, done: 2023-05-10}
  - {id: t2, title: Xác minh hộ cận nghèo, assigned_by: le-thi-c, due: 2023-05-20, weight: 3}
rating: {on: 2023-06-05, by: le-thi-c, general: 30, level: good, reason: Ốm đau có xác nhận của bệnh viện}
"""


def _issue(id: str, due: str, resolved: str | None) -> str:
    text = f"kind: issue\nid: {id}\ntitle: Vấn đề {id}\nraised: 2023-02-10\nraised_by: phuong-1\nhandled_by: phuong-1\nlead: nguyen-van-a\ndue: {due}\n"
    return text + (f"resolved: {resolved}\n" if resolved else "")


# issues of 2023 as of 10 July: i1 resolved on time; i2 resolved 5 days late; i3 due in October, open: not counted
#   share = 1/2 = 0.5 < 0.8 → not met
FILES: dict[str, str | bytes | None] = {
    "acct.yaml": "acct: 1\n",
    "org.yaml": ORG,
    "province.yaml": PROVINCE,
    "2023/commitments/phuong-1.yaml": PHUONG_1,
    "2023/commitments/phuong-2.yaml": PHUONG_2,
    "2023/commitments/khu-pho-1.yaml": KHU_PHO_1,
    "2023/plans/2023-04/tran-van-b.yaml": B_APRIL,
    "2023/plans/2023-05/tran-van-b.yaml": B_MAY,
    "2023/plans/2023-06/tran-van-b.yaml": B_JUNE,
    "2023/plans/2023-05/pham-thi-d.yaml": D_MAY,
    "2023/plans/2023-05/nguyen-van-a.yaml": A_MAY,
    "2023/plans/2023-05/ho-sy-trung.yaml": TRUNG_MAY,
    "2023/plans/2023-05/le-thi-c.yaml": C_MAY,
    "2023/plans/2023-05/vo-van-e.yaml": E_MAY,
    "2023/issues/i1.yaml": _issue("i1", "2023-05-31", "2023-05-20"),
    "2023/issues/i2.yaml": _issue("i2", "2023-06-15", "2023-06-20"),
    "2023/issues/i3.yaml": _issue("i3", "2023-10-31", None),
}

UNIT_KEYS = {"unit", "name", "score", "level", "rank", "tasks", "indicators", "quota", "flags"}
PERSON_KEYS = {
    "person",
    "unit",
    "score",
    "level",
    "provisional",
    "months",
    "tasks",
    "escalation",
    "proposed",
    "concluded_months",
}

# The quota counts concluded ratings only, month by month, in rating groups (min_group 5):
#   April: only tran-van-b (good, phuong-1) is rated. khu-pho-1 (0) pools into phuong-1; phuong-1 (1 < 5) and
#     phuong-2 (0) pool into btv: one group btv with 0 excellent, 1 good, floor(0.2 × 1) = 0 allowed: not over.
#   May: phuong-1 has 3 rated (pham-thi-d excellent, nguyen-van-a good, tran-van-b done), phuong-2 2 (le-thi-c and
#     vo-van-e good), btv 1 (ho-sy-trung good): phuong-1 and phuong-2 are each under 5 and pool into btv, 6 in all:
#     1 excellent, 4 good, floor(0.2 × 4) = 0 allowed → over by one: pham-thi-d's rating.
#   Each unit sums the groups of the months in which it had people rated.
GROUP = {
    "btv": ["btv", "phuong-1", "phuong-2"],
    "phuong-1": ["phuong-1", "btv", "phuong-2"],
    "phuong-2": ["phuong-2", "btv", "phuong-1"],
}
ZERO_INDICATORS = {"total": 0, "achieved": 0, "exceeded": 0, "missed": 0, "on_track": 0, "behind": 0, "no_report": 0}

EXPECTED_UNITS: list[dict[str, Any]] = [
    {
        "unit": "khu-pho-1",
        "name": "Khu phố 1",
        "score": 100.0,
        "level": "excellent",
        "rank": 1,
        "tasks": {"total": 3, "on_time": 3, "late": 0, "overdue": 0, "open": 0},
        "indicators": ZERO_INDICATORS,
        "quota": {
            "excellent": 0,
            "good": 0,
            "allowed_excellent": 0,
            "over": False,
            "group": ["khu-pho-1"],
            "months_over": [],
        },
        "flags": [],
    },
    {
        "unit": "phuong-2",
        "name": "Phường 2",
        "score": 100.0,
        "level": "excellent",
        "rank": 1,
        "tasks": {"total": 2, "on_time": 2, "late": 0, "overdue": 0, "open": 0},
        "indicators": {**ZERO_INDICATORS, "total": 1, "achieved": 1, "exceeded": 1},
        # May only: the group of btv
        "quota": {
            "excellent": 1,
            "good": 4,
            "allowed_excellent": 0,
            "over": True,
            "group": GROUP["phuong-2"],
            "months_over": ["2023-05"],
        },
        "flags": [],
    },
    {
        "unit": "phuong-1",
        "name": "Phường 1",
        "score": 66.8,
        "level": "done",
        "rank": 3,
        "tasks": {"total": 4, "on_time": 1, "late": 1, "overdue": 1, "open": 1},
        "indicators": {**ZERO_INDICATORS, "total": 1, "behind": 1},
        # April (0 excellent, 1 good, 0 allowed) + May (1, 4, 0)
        "quota": {
            "excellent": 1,
            "good": 5,
            "allowed_excellent": 0,
            "over": True,
            "group": GROUP["phuong-1"],
            "months_over": ["2023-05"],
        },
        "flags": ["review-now:thu-ngan-sach"],
    },
    {
        "unit": "btv",
        "name": "Ban Thường vụ Thành ủy",
        "score": None,
        "level": None,
        "rank": None,
        "tasks": {"total": 0, "on_time": 0, "late": 0, "overdue": 0, "open": 0},
        "indicators": ZERO_INDICATORS,
        # May only
        "quota": {
            "excellent": 1,
            "good": 4,
            "allowed_excellent": 0,
            "over": True,
            "group": GROUP["btv"],
            "months_over": ["2023-05"],
        },
        "flags": [],
    },
]


def _person(
    person: str,
    unit: str,
    score: float,
    level: str,
    provisional: bool,
    months: list[dict[str, Any]],
    tasks: tuple[int, int, int, int, int],
    misses: int,
    step: str | None,
) -> dict[str, Any]:
    concluded: dict[str, int] = {}
    for m in months:
        if m["concluded"]:
            concluded[m["concluded"]] = concluded.get(m["concluded"], 0) + 1
    order = ["excellent", "good", "done", "not-done"]
    return {
        "person": person,
        "unit": unit,
        "score": score,
        "level": level,
        "provisional": provisional,
        "months": months,
        "tasks": dict(zip(("total", "on_time", "late", "undone", "open"), tasks, strict=False)),
        "escalation": {"misses": misses, "step": step},
        "proposed": level,  # a quarter is longer than a month: its level is a proposal
        "concluded_months": dict(sorted(concluded.items(), key=lambda kv: order.index(kv[0]))),
    }


def _month(month: str, score: float, computed: str, concluded: str | None, provisional: bool = False) -> dict[str, Any]:
    return {"month": month, "score": score, "computed": computed, "concluded": concluded, "provisional": provisional}


EXPECTED_PEOPLE = [  # highest score first
    _person(
        "pham-thi-d",
        "phuong-1",
        100.0,
        "excellent",
        False,
        [_month("2023-05", 100.0, "excellent", "excellent")],
        (1, 1, 0, 0, 0),
        0,
        None,
    ),
    _person(
        "ho-sy-trung",
        "btv",
        95.0,
        "excellent",
        False,
        [_month("2023-05", 95.0, "excellent", "good")],
        (1, 1, 0, 0, 0),
        0,
        None,
    ),
    _person(
        "nguyen-van-a",
        "phuong-1",
        90.0,
        "excellent",
        False,
        [_month("2023-05", 90.0, "excellent", "good")],
        (1, 1, 0, 0, 0),
        0,
        None,
    ),
    _person(
        "tran-van-b",
        "phuong-1",
        79.1,
        "good",
        True,
        [
            _month("2023-04", 94.1, "excellent", "good"),
            _month("2023-05", 60.0, "done", "done"),
            _month("2023-06", 83.3, "good", None, provisional=True),
        ],
        (5, 3, 1, 1, 0),
        1,
        "reminder",
    ),
    _person(
        "le-thi-c",
        "phuong-2",
        55.0,
        "done",
        False,
        [_month("2023-05", 55.0, "done", "good")],
        (2, 1, 0, 1, 0),
        1,
        "reminder",
    ),
    _person(
        "vo-van-e",
        "phuong-2",
        47.5,
        "not-done",
        False,
        [_month("2023-05", 47.5, "not-done", "good")],
        (2, 1, 0, 1, 0),
        1,
        "reminder",
    ),
]

EXPECTED_ISSUES = {"due": 2, "resolved_on_time": 1, "share": 0.5, "target": 0.8, "met": False}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tracker(tmp_path_factory.mktemp("score"), FILES, base=False)


def score(root: Path, *args: str) -> Any:
    result = run_acct("score", "2023-Q2", "--as-of", AS_OF, *args, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def score_json(root: Path, *args: str) -> dict[str, Any]:
    return json.loads(score(root, "--format", "json", *args).stdout)


def _documented(person: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in person.items() if k in PERSON_KEYS}
    found["escalation"] = {k: v for k, v in person["escalation"].items() if k in ("misses", "step")}
    return found


# ---------------------------------------------------------------------------------------------------------------
# JSON


def test_json_has_the_documented_keys_and_the_hand_computed_values(root: Path) -> None:
    body = score_json(root)
    assert set(body) == {"period", "as_of", "units", "people", "issues"}
    assert body["period"] == {"id": "2023-Q2", "start": "2023-04-01", "end": "2023-06-30"}
    assert body["as_of"] == AS_OF
    for unit in body["units"]:
        assert set(unit) == UNIT_KEYS
        assert set(unit["tasks"]) == {"total", "on_time", "late", "overdue", "open"}
        assert set(unit["indicators"]) == set(ZERO_INDICATORS)
        assert set(unit["quota"]) == {"excellent", "good", "allowed_excellent", "over", "group", "months_over"}
    for person in body["people"]:
        assert PERSON_KEYS <= set(person)
        assert set(person) - PERSON_KEYS <= {"flags", "level_basis", "discipline"}  # "other keys may be added"
        assert set(person["tasks"]) == {"total", "on_time", "late", "undone", "open"}
        assert set(person["escalation"]) == {"misses", "step", "year", "evidence"}
        assert person["level_basis"] == "proposed"
        for month in person["months"]:
            assert set(month) == {"month", "score", "computed", "concluded", "provisional"}
    assert body["units"] == EXPECTED_UNITS
    assert [_documented(p) for p in body["people"]] == EXPECTED_PEOPLE
    assert all(p["flags"] == [] for p in body["people"])
    assert body["issues"] == EXPECTED_ISSUES


def test_by_unit_omits_people_and_by_person_omits_units(root: Path) -> None:
    units = score_json(root, "--by", "unit")
    assert set(units) == {"period", "as_of", "units", "issues"}
    assert units["units"] == EXPECTED_UNITS
    people = score_json(root, "--by", "person")
    assert set(people) == {"period", "as_of", "people", "issues"}
    assert [_documented(p) for p in people["people"]] == EXPECTED_PEOPLE


def test_unit_limits_to_a_subtree(root: Path) -> None:
    body = score_json(root, "--unit", "phuong-1")
    # phuong-1 and khu-pho-1 below it; ranks among them: khu-pho-1 100.0 → 1, phuong-1 66.8 → 2
    assert [(u["unit"], u["score"], u["rank"]) for u in body["units"]] == [
        ("khu-pho-1", 100.0, 1),
        ("phuong-1", 66.8, 2),
    ]
    assert [p["person"] for p in body["people"]] == ["pham-thi-d", "nguyen-van-a", "tran-van-b"]
    leaf = score_json(root, "--unit", "khu-pho-1")
    assert [u["unit"] for u in leaf["units"]] == ["khu-pho-1"]
    assert leaf["people"] == []


def test_an_unknown_unit_is_exit_2(root: Path) -> None:
    result = run_acct("score", "2023-Q2", "--as-of", AS_OF, "--unit", "phuong-9", cwd=root)
    assert result.returncode == 2
    assert "phuong-9" in result.stderr and "Traceback" not in result.stderr


def test_a_unit_without_a_commitment_lists_only_when_it_has_people(root: Path) -> None:
    # in 2023-04 only tran-van-b has a plan: btv has neither people scored nor a commitment, so it is not listed
    result = run_acct("score", "2023-04", "--as-of", AS_OF, "--format", "json", cwd=root)
    body = json.loads(result.stdout)
    # April alone (C = 30 April): khu-pho-1: thu-gom-rac on time, the rest open → 100.0
    # phuong-1: every task open; thu-ngan-sach on pace: expected 120 × 119/364 = 39.2308, latest report 26.4 →
    #   behind, 26.4 / 39.2308 = 0.672941; only kinh-te is scored → 100 × 30×0.672941 / 30 = 67.29 → 67.3
    # phuong-2: mot-cua on time (1); nha-tinh-nghia open; vi-pham-trat-tu on pace with no report by C (its report
    #   is dated 30 June) → no_report, 0; (1×1 + 1×0)/2 → 50.0
    assert [(u["unit"], u["score"], u["rank"]) for u in body["units"]] == [
        ("khu-pho-1", 100.0, 1),
        ("phuong-1", 67.3, 2),
        ("phuong-2", 50.0, 3),
    ]
    # btv is not listed: ho-sy-trung has no plan in April and btv has no commitment
    assert [p["person"] for p in body["people"]] == ["tran-van-b"]


# ---------------------------------------------------------------------------------------------------------------
# CSV, Markdown, table


def test_csv_parses_with_the_documented_columns(root: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(score(root, "--format", "csv").stdout)))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["kind"], r["id"]) for r in rows] == [("unit", u["unit"]) for u in EXPECTED_UNITS] + [
        ("person", p["person"]) for p in EXPECTED_PEOPLE
    ]
    p1 = next(r for r in rows if r["id"] == "phuong-1")
    assert {
        k: p1[k]
        for k in (
            "rank",
            "score",
            "level",
            "tasks_total",
            "tasks_done",
            "tasks_overdue",
            "indicators_total",
            "indicators_achieved",
            "excellent",
            "good",
            "allowed_excellent",
            "quota_over",
            "flags",
        )
    } == {
        "rank": "3",
        "score": "66.8",
        "level": "done",
        "tasks_total": "4",
        "tasks_done": "2",
        "tasks_overdue": "1",
        "indicators_total": "1",
        "indicators_achieved": "0",
        "excellent": "1",
        "good": "5",
        "allowed_excellent": "0",
        "quota_over": "True",
        "flags": "review-now:thu-ngan-sach",
    }
    b = next(r for r in rows if r["id"] == "tran-van-b")
    assert {
        k: b[k]
        for k in (
            "unit",
            "score",
            "level",
            "provisional",
            "tasks_total",
            "tasks_done",
            "tasks_overdue",
            "misses",
            "step",
        )
    } == {
        "unit": "phuong-1",
        "score": "79.1",
        "level": "good",
        "provisional": "True",
        "tasks_total": "5",
        "tasks_done": "4",
        "tasks_overdue": "1",
        "misses": "1",
        "step": "reminder",
    }


def test_markdown_has_tables_with_a_header_separator(root: Path) -> None:
    lines = score(root, "--format", "md").stdout.splitlines()
    headers = [
        i
        for i, line in enumerate(lines)
        if line.startswith("| ") and i + 1 < len(lines) and re.fullmatch(r"\|( --- \|)+", lines[i + 1])
    ]
    assert len(headers) == 2  # units, then people
    assert lines[headers[0]].startswith("| # | Unit | Score | Level |")
    assert any(
        line.startswith("| 3 | Phường 1 | 66.8 | done | 2/4 | 1 | 0/1 (0) | 1/5 (0) over the quota |") for line in lines
    )
    assert any(line.startswith("| Trần Văn B | Phường 1 | 79.1* | good (proposed from scores) |") for line in lines)
    assert "key issues resolved on time: 1/2 (50.00%), target 80.00%: not met" in "\n".join(lines)


def test_table_shows_ranks_the_provisional_star_and_note(root: Path) -> None:
    out = score(root).stdout
    assert re.search(r"^\s*1\s+Khu phố 1\s+100\.0\s+excellent", out, re.MULTILINE)
    assert re.search(r"^\s*1\s+Phường 2\s+100\.0\s+excellent", out, re.MULTILINE)  # equal scores share rank 1
    assert re.search(r"^\s*3\s+Phường 1\s+66\.8\s+done", out, re.MULTILINE)  # then rank 3, not 2
    assert re.search(r"^\s+Ban Thường vụ Thành ủy\s", out, re.MULTILINE)  # no score, no rank
    assert re.search(r"Trần Văn B\s+Phường 1\s+79\.1\*", out)
    assert re.search(r"Phạm Thị D\s+Phường 1\s+100\.0\s", out)  # not provisional: no star
    assert "* provisional" in out
    assert (
        "met or beaten 1/2 targets, 1 of them beaten; done 7/9 tasks" in out
    )  # targets 0+1+0 of 0+1+1; tasks 3+2+2 of 3+2+4
    assert "key issues resolved on time: 1/2 (50.00%), target 80.00%: not met" in out


# ---------------------------------------------------------------------------------------------------------------
# --explain


def test_explain_a_unit(root: Path) -> None:
    out = score(root, "--explain", "phuong-1").stdout
    assert "inputs:" in out and "steps:" in out
    assert "D (judging date)" in out and "2023-07-10" in out and "2023-06-30" in out
    assert "score = 100 × (50×0.75 + 30×0.9774 + 20×0) / 100 = 66.8222 → 66.8" in out
    unit = next(u for u in score_json(root)["units"] if u["unit"] == "phuong-1")
    assert (unit["score"], unit["level"]) == (66.8, "done")
    assert out.rstrip().splitlines()[-1] == f"result: score {unit['score']}, level {unit['level']}"


def test_explain_an_item(root: Path) -> None:
    out = score(root, "--explain", "phuong-1/thu-ngan-sach").stdout
    assert re.search(r"report 2023-06-30\s+58", out)
    assert re.search(r"report 2023-03-31\s+26\.4 \(Quý I\)", out)
    assert "expected at C = 59.3407" in out  # 120 × 180/364
    assert out.rstrip().splitlines()[-1] == "result: behind, credit 0.9774"  # 58 / 59.3407


def test_explain_a_person_month_matches_the_json(root: Path) -> None:
    body = score_json(root)
    months = {m["month"]: m for p in body["people"] if p["person"] == "tran-van-b" for m in p["months"]}
    out = score(root, "--explain", "tran-van-b/2023-04").stdout
    assert "task t2" in out and "rating" in out
    assert "score = rating.general + task_results = 27 + 67.0833 = 94.0833 → 94.1" in out
    assert (
        out.rstrip().splitlines()[-1]
        == f"result: score {months['2023-04']['score']}; computed excellent; concluded good"
    )
    out = score(root, "--explain", "tran-van-b/2023-06").stdout
    assert "provisional score = task_results / 0.7 = 83.3333 → 83.3" in out
    assert (
        out.rstrip().splitlines()[-1]
        == f"result: score {months['2023-06']['score']} (provisional); computed good; concluded — (not rated yet)"
    )


@pytest.mark.parametrize(
    ("ref", "hint"),
    [
        ("phuong-3", "did you mean 'phuong-"),
        ("phuong-1/thu-ngan", "did you mean 'thu-ngan-sach'"),
        ("tran-van-c/2023-05", "did you mean 'tran-van-b'"),
    ],
)
def test_an_unknown_explain_ref_is_exit_2_with_a_suggestion(root: Path, ref: str, hint: str) -> None:
    result = run_acct("score", "2023-Q2", "--as-of", AS_OF, "--explain", ref, cwd=root)
    assert result.returncode == 2
    assert hint in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------------------------
# errors


@pytest.mark.parametrize("period", ["2023-Q5", "2023/05", "Q2"])
def test_a_bad_period_is_exit_2_listing_the_forms(root: Path, period: str) -> None:
    result = run_acct("score", period, "--as-of", AS_OF, cwd=root)
    assert result.returncode == 2
    for form in ("2023-H1", "2023-Q1", "2023-05", "2023-04-10..2023-06-30"):
        assert form in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_a_period_starting_after_as_of_is_exit_2(root: Path) -> None:
    result = run_acct("score", "2023-Q3", "--as-of", "2023-06-30", cwd=root)
    assert result.returncode == 2
    assert "starts on 2023-07-01, after the judging date 2023-06-30" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_invalid_tracker_prints_its_errors_and_exits_1(tmp_path: Path) -> None:
    broken = write_tracker(
        tmp_path,
        {**FILES, "2023/plans/2023-05/pham-thi-d.yaml": D_MAY.replace("due: 2023-05-10", "due: 10/05/2023")},
        base=False,
    )
    result = run_acct("score", "2023-Q2", "--as-of", AS_OF, "--format", "json", cwd=broken)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "2023/plans/2023-05/pham-thi-d.yaml:" in result.stderr and "error: [invalid-date]" in result.stderr
    assert "2023-05-10" in result.stderr  # the advice: write the ISO date
    assert "Traceback" not in result.stderr


def test_a_negative_value_behind_a_zero_milestone_does_not_crash(tmp_path: Path) -> None:
    # GRDP growth reported at −1.2% on 31 March, with nothing expected before a 0 milestone on 30 June:
    # expected at C = 31 March is 0, and −1.2 < 0 → behind; SCORING.md's zero-divisor rule gives credit 0. In Q1
    # every task of phuong-1 is open, so kinh-te is the only scored group: 100 × 30×0 / 30 = 0.0
    growth = PHUONG_1.replace(
        """\
          - {on: 2023-03-31, value: 26.4, note: Quý I}
          - {on: 2023-06-30, value: 58.0, note: Quý II}""",
        """\
          - {on: 2023-03-31, value: -1.2, note: Quý I}""",
    ).replace(
        """\
        target: {value: 120, unit: tỷ đồng}
""",
        """\
        target: {value: 7, unit: "%"}
        milestones:
          - {by: 2023-06-30, value: 0}
""",
    )
    root = write_tracker(tmp_path, {**FILES, "2023/commitments/phuong-1.yaml": growth}, base=False)
    assert run_acct("check", "--as-of", AS_OF, cwd=root).returncode == 0  # the tracker is valid
    result = run_acct("score", "2023-Q1", "--as-of", AS_OF, "--format", "json", "--by", "unit", cwd=root)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0
    unit = next(u for u in json.loads(result.stdout)["units"] if u["unit"] == "phuong-1")
    assert (unit["score"], unit["indicators"]["behind"]) == (0.0, 1)


# ---------------------------------------------------------------------------------------------------------------
# acct check: the scoring warnings


def test_check_warns_rating_above_computed_and_quota_exceeded(root: Path) -> None:
    result = run_acct("check", "--as-of", AS_OF, cwd=root)
    assert result.returncode == 0, result.stdout
    warnings = [line for line in result.stdout.splitlines() if ": warning: [" in line]
    # le-thi-c, May: computed done (55.0), concluded good, no reason; vo-van-e has a reason, so no warning
    assert any(
        line.startswith("2023/plans/2023-05/le-thi-c.yaml:") and "[rating-above-computed]" in line for line in warnings
    )
    assert not any("vo-van-e" in line for line in warnings)
    # phuong-1 in May: pham-thi-d excellent, nguyen-van-a good (concluded), tran-van-b done: floor(0.2 × 1) = 0 < 1
    assert any(
        line.startswith("2023/plans/2023-05/pham-thi-d.yaml:") and "[quota-exceeded]" in line for line in warnings
    )
    assert sorted(re.findall(r"\[([a-z-]+)\]", " ".join(warnings))) == ["quota-exceeded", "rating-above-computed"]
    strict = run_acct("check", "--strict", "--as-of", AS_OF, cwd=root)
    assert strict.returncode == 1


def test_check_json_positions_the_warnings(root: Path) -> None:
    body = json.loads(run_acct("check", "--format", "json", "--as-of", AS_OF, cwd=root).stdout)
    found = {(p["code"], p["path"], p["severity"]) for p in body["problems"]}
    assert found == {
        ("rating-above-computed", "2023/plans/2023-05/le-thi-c.yaml", "warning"),
        ("quota-exceeded", "2023/plans/2023-05/pham-thi-d.yaml", "warning"),
    }
    above = next(p for p in body["problems"] if p["code"] == "rating-above-computed")
    assert "rated good, above the computed done (score 55)" in above["message"]
    # the rating's level is on the last line of le-thi-c's plan
    assert (
        above["line"]
        == C_MAY.splitlines().index("rating: {on: 2023-06-05, by: ho-sy-trung, general: 20, level: good}") + 1
    )
