"""Write a synthetic tracker that passes `acct check`, for benchmarks: python benchmarks/generate.py OUT --size NAME.

The same seed gives the same bytes. Its shape follows a real district: units with a head and deputies, yearly
commitments of 4 groups with quarterly reports, monthly plans with reviews and ratings, some late and overdue
work, and comments in the files. Each month's rating concludes the level acct computes for it (acct's default
rules, which the generated acct.yaml leaves alone), good where that is excellent, so no unit is over its quota.
`--id` names the tracker in acct.yaml and `--issues N` adds N key issues (some resolved on time, some late, some
open), for the roll-up of many trackers; without them the bytes are unchanged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from accountability.model import DEFAULT_CONFIG, Plan, Rating, Review, Task
from accountability.model.tracker import Doc
from accountability.scoring.people import score_month
from accountability.scoring.rules import rules_for

SIZES = {
    "small": dict(units=5, people_per_unit=10, months=6, tasks_per_plan=4),
    "medium": dict(units=20, people_per_unit=25, months=12, tasks_per_plan=15),
    "district": dict(units=60, people_per_unit=25, months=12, tasks_per_plan=15),
}
YEAR = 2023
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Đức", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Khoa",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Vân",
    "Yến",
]
TASKS = [
    "Rà soát hồ sơ đất đai tổ dân phố",
    "Tiếp công dân định kỳ",
    "Tổng hợp báo cáo kinh tế - xã hội",
    "Kiểm tra trật tự đô thị tuyến phố chính",
    "Hoàn thiện hồ sơ bồi thường giải phóng mặt bằng",
    "Hướng dẫn thủ tục hành chính trực tuyến",
    "Giải quyết đơn thư kiến nghị của công dân",
    "Cập nhật cơ sở dữ liệu dân cư",
    "Kiểm tra vệ sinh môi trường khu dân cư",
    "Chuẩn bị hội nghị giao ban",
    "Theo dõi tiến độ thu ngân sách",
    "Tuyên truyền phòng chống cháy nổ",
    "Phát triển đảng viên mới",
]
GROUPS = [
    ("kinh-te", "Phát triển kinh tế, thu ngân sách"),
    ("gpmb", "Giải phóng mặt bằng các công trình trọng điểm"),
    ("do-thi", "Quản lý đô thị, trật tự, vệ sinh môi trường"),
    ("xay-dung-dang", "Xây dựng Đảng và hệ thống chính trị"),
]
RULES = rules_for(DEFAULT_CONFIG)  # the generated acct.yaml sets no scoring key: acct's defaults judge the plans


@dataclass
class Person:
    id: str
    name: str
    unit: str


def slug(text: str) -> str:
    table = str.maketrans("đĐ", "dD")
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.translate(table))
    return "-".join("".join(c for c in plain if c.isascii()).lower().split())


def month_end(month: int) -> int:
    return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


class Generator:
    def __init__(
        self,
        out: Path,
        units: int,
        people_per_unit: int,
        months: int,
        tasks_per_plan: int,
        seed: int,
        tracker_id: str | None = None,
        issues: int = 0,
    ) -> None:
        self.out, self.units, self.per_unit, self.months, self.tasks = (
            out,
            units,
            people_per_unit,
            months,
            tasks_per_plan,
        )
        self.rng = random.Random(seed)
        self.people: dict[str, list[Person]] = {}
        self.tracker_id, self.issues = tracker_id, issues

    def write(self, path: str, text: str) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))

    def run(self) -> None:
        named = f"id: {self.tracker_id}\n" if self.tracker_id else ""
        self.write("acct.yaml", f"# Benchmark tracker (synthetic)\nacct: 1\n{named}organization: Huyện ủy Mẫu Sơn\n")
        self.org()
        for u in range(self.units):
            self.commitment(f"don-vi-{u + 1:03d}")
        for u in range(self.units):
            for person in self.people[f"don-vi-{u + 1:03d}"]:
                for month in range(1, self.months + 1):
                    self.plan(person, month)
        for n in range(self.issues):  # last, so that every other file keeps its bytes
            self.issue(n + 1)

    def org(self) -> None:
        lines = [
            "# Đơn vị và cán bộ (synthetic)",
            "kind: org",
            "units:",
            "  - id: btv",
            "    name: Ban Thường vụ Huyện ủy",
            "    head: bi-thu-huyen-uy",
        ]
        people = [
            "people:",
            "  - id: bi-thu-huyen-uy",
            '    name: "Bí thư Huyện ủy"',
            "    unit: btv",
            "    handle: bithu",
        ]
        used: set[str] = {"bi-thu-huyen-uy"}
        for u in range(self.units):
            unit = f"don-vi-{u + 1:03d}"
            members = [self.person(unit, used) for _ in range(self.per_unit)]
            self.people[unit] = members
            lines += [f"  - id: {unit}", f"    name: Xã {u + 1}", "    parent: btv", f"    head: {members[0].id}"]
            for n, p in enumerate(members):
                title = "Bí thư Đảng ủy" if n == 0 else ("Phó Chủ tịch UBND" if n < 3 else "Công chức")
                people += [
                    f"  - id: {p.id}",
                    f"    name: {p.name}",
                    f"    unit: {unit}",
                    f"    title: {title}",
                    f"    category: {'can-bo' if n < 3 else 'cong-chuc'}",
                ]
        self.write("org.yaml", "\n".join(lines + people) + "\n")

    def person(self, unit: str, used: set[str]) -> Person:
        while True:
            name = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            pid = slug(name)
            n = 2
            while pid in used:
                pid, n = f"{slug(name)}-{n}", n + 1
            used.add(pid)
            return Person(pid, name, unit)

    def commitment(self, unit: str) -> None:
        owners = self.people[unit]
        lines = [
            f"# Cam kết trách nhiệm năm {YEAR} (synthetic)",
            "kind: commitment",
            f"unit: {unit}",
            f"year: {YEAR}",
            f"head: {owners[0].id}",
            "to: btv",
            f"signed: {YEAR}-01-16",
            "groups:",
        ]
        for gid, title in GROUPS:
            lines += [f"  - id: {gid}", f"    title: {title}", "    items:"]
            for i in range(3):
                owner = self.rng.choice(owners).id
                if i == 0:
                    lines += self.indicator(f"{gid}-chi-tieu", owner)
                else:
                    due = f"{YEAR}-{self.rng.randint(3, 12):02d}-{self.rng.randint(1, 28):02d}"
                    lines += [
                        f"      - id: {gid}-nhiem-vu-{i}",
                        f"        title: {self.rng.choice(TASKS)}",
                        f"        owner: {owner}",
                        f"        due: {due}",
                    ]
                    if self.rng.random() < 0.8:  # the rest stay overdue
                        shift = self.rng.choice([-10, -3, 0, 0, 5, 20])
                        done_month, done_day = int(due[5:7]), min(28, max(1, int(due[8:10]) + shift))
                        lines.append(f"        done: {YEAR}-{done_month:02d}-{done_day:02d}")
        self.write(f"{YEAR}/commitments/{unit}.yaml", "\n".join(lines) + "\n")

    def indicator(self, item: str, owner: str) -> list[str]:
        target = self.rng.choice([50, 100, 120, 250])
        lines = [
            f"      - id: {item}",
            "        title: Chỉ tiêu tổng hợp",
            f"        owner: {owner}",
            f"        due: {YEAR}-12-31",
            f"        target: {{value: {target}, unit: tỷ đồng}}",
            "        reports:",
        ]
        value = 0.0
        for quarter, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            value += target * self.rng.uniform(0.18, 0.3)
            lines.append(
                f"          - {{on: {YEAR}-{quarter:02d}-{day}, value: {value:.1f}, note: Quý {quarter // 3}}}"
            )
        return lines

    def plan(self, person: Person, month: int) -> None:
        head = self.people[person.unit][0].id
        assigner = "bi-thu-huyen-uy" if person.id == head else head
        rated_by = assigner
        next_month = f"{YEAR + month // 12}-{month % 12 + 1:02d}"
        lines = [
            f"# Kế hoạch công tác tháng {YEAR}-{month:02d}: {person.name}",
            "kind: plan",
            f"person: {person.id}",
            f"month: {YEAR}-{month:02d}",
            "tasks:",
        ]
        tasks = []
        for t in range(1, self.tasks + 1):
            due_day = self.rng.randint(5, month_end(month))
            roll = self.rng.random()
            lines += [
                f"  - id: t{t}",
                f"    title: {self.rng.choice(TASKS)}",
                f"    assigned_by: {assigner}",
                f"    due: {YEAR}-{month:02d}-{due_day:02d}",
            ]
            due = dt.date(YEAR, month, due_day)
            if roll < 0.93:
                late = roll > 0.85
                done_day = min(month_end(month), due_day + 2) if late else max(1, due_day - self.rng.randint(0, 3))
                lines.append(f"    done: {YEAR}-{month:02d}-{done_day:02d}")
                fails = 1 if self.rng.random() < 0.05 else 0
                tasks.append(scored_task(t, due, dt.date(YEAR, month, done_day), fails))
                lines += ["    review:", f"      on: {next_month}-03", f"      quality_fails: {fails}"]
            else:
                tasks.append(scored_task(t, due, None, 0))
                lines += ["    review: {on: " + next_month + "-03, note: Chưa hoàn thành}"]
        general = self.rng.randint(24, int(RULES.general_max))
        task_results, level = judged(person, f"{YEAR}-{month:02d}", tasks, general, next_month)
        lines += [
            "self:",
            f"  on: {next_month}-02",
            f"  score: {round(general + task_results)}",
            "rating:",
            f"  on: {next_month}-06",
            f"  by: {rated_by}",
            f"  general: {general}",
            f"  level: {level if level != 'excellent' else 'good'}",  # good, to keep the quota of excellent ratings
        ]
        self.write(f"{YEAR}/plans/{YEAR}-{month:02d}/{person.id}.yaml", "\n".join(lines) + "\n")

    def issue(self, n: int) -> None:
        units = sorted(self.people)
        raised_by, handled_by = self.rng.choice(units), self.rng.choice(units)
        due_month = self.rng.randint(2, 12)
        lines = [
            "# Vấn đề trọng tâm (synthetic)",
            "kind: issue",
            f"id: van-de-{n:03d}",
            f"title: {self.rng.choice(TASKS)}",
            f"raised: {YEAR}-01-{self.rng.randint(2, 28):02d}",
            f"raised_by: {raised_by}",
            f"handled_by: {handled_by}",
            f"lead: {self.people[handled_by][0].id}",
            f"due: {YEAR}-{due_month:02d}-{self.rng.randint(1, 28):02d}",
        ]
        roll = self.rng.random()
        if roll < 0.8:  # resolved: mostly on time, some up to a month late; the rest stay open
            late = roll > 0.6
            month = min(12, due_month + 1) if late else due_month
            lines.append(f"resolved: {YEAR}-{month:02d}-{28 if late else 1:02d}")
        self.write(f"{YEAR}/issues/van-de-{n:03d}.yaml", "\n".join(lines) + "\n")


def scored_task(n: int, due: dt.date, done: dt.date | None, fails: int) -> Task:
    """The task as acct's scoring reads it: only what changes its credit (built without validation, for speed)."""
    review = Review.model_construct(on=due, quality_fails=fails) if done else None
    return Task.model_construct(id=f"t{n}", title="", assigned_by="", due=due, done=done, review=review)


def judged(person: Person, month: str, tasks: list[Task], general: int, next_month: str) -> tuple[float, str]:
    """The month's task results and computed level, as acct scores them once the rating is written."""
    rating = Rating.model_construct(on=dt.date.fromisoformat(f"{next_month}-06"), by="", general=general)
    plan = Plan.model_construct(kind="plan", person=person.id, month=month, tasks=tasks, rating=rating)
    score = score_month(Doc("", plan), None, rating.on, RULES)
    if score.task_results is None or score.computed is None:
        raise AssertionError(f"{person.id} {month}: acct scored no task")
    return score.task_results, score.computed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--units", type=int)
    parser.add_argument("--people-per-unit", type=int)
    parser.add_argument("--months", type=int)
    parser.add_argument("--tasks-per-plan", type=int)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--id", help="the tracker's id in acct.yaml")
    parser.add_argument("--issues", type=int, default=0, help="how many key issues to add")
    args = parser.parse_args()
    shape = dict(SIZES[args.size])
    for key in shape:
        if getattr(args, key) is not None:
            shape[key] = getattr(args, key)
    if not 1 <= shape["months"] <= 12:
        sys.exit("--months must be 1 to 12")
    if args.out.exists():
        shutil.rmtree(args.out)
    Generator(args.out, seed=args.seed, tracker_id=args.id, issues=args.issues, **shape).run()
    print(f"wrote {sum(1 for _ in args.out.rglob('*.yaml'))} files to {args.out}")


if __name__ == "__main__":
    main()
