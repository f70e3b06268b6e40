"""What acct says about people, judged by the revised contract (SCORING.md, FORMAT.md of 2026-11-26), worked out by
hand: who rates whom, what --explain accepts, where a misplaced file belongs, the monthly figures of Như Xuân, and a
property: no output words a count of times work was not completed as a rating level."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, ORG, PROJECT, RATED, write_tracker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from accountability.cli import app
from accountability.engine import check

# ---------------------------------------------------------------------------------------------------------------
# who rates whom (FORMAT.md): a member's head; a head's rated_by, else the nearest head above, else the `to` body's

HIERARCHY = """\
kind: org
units:
  - {id: huyen-uy, name: Huyện ủy}
  - {id: btv, name: Ban Thường vụ, parent: huyen-uy, head: bi-thu}
  - {id: xa, name: Xã Hóa Quỳ, parent: huyen-uy, head: chu-tich}
  - {id: thon, name: Thôn Đồng Xuân, parent: xa, head: truong-thon}
  - {id: ban, name: Ban Tuyên giáo, parent: huyen-uy, head: truong-ban, rated_by: pho-bi-thu}
people:
  - {id: bi-thu, name: Bí thư, unit: btv}
  - {id: pho-bi-thu, name: Phó Bí thư, unit: btv}
  - {id: chu-tich, name: Chủ tịch xã, unit: xa}
  - {id: can-bo, name: Cán bộ xã, unit: xa}
  - {id: truong-thon, name: Trưởng thôn, unit: thon}
  - {id: truong-ban, name: Trưởng ban, unit: ban}
"""
XA_COMMITMENT = """\
kind: commitment
unit: xa
year: 2023
head: chu-tich
to: btv
groups:
  - {id: g1, title: Nông thôn mới, items: [{id: i1, title: Tiêu chí thu nhập, owner: chu-tich, due: 2023-12-31}]}
  - {id: g2, title: An ninh, items: [{id: i2, title: Tuần tra, owner: can-bo, due: 2023-12-31}]}
  - {id: g3, title: Xây dựng Đảng, items: [{id: i3, title: Kết nạp, owner: chu-tich, due: 2023-12-31}]}
"""


def plan(person: str, rated_by: str | None = None, month: str = "2023-05") -> str:
    text = f"kind: plan\nperson: {person}\nmonth: {month}\ntasks: []\n"
    return text + (f"rating: {{on: {month}-28, by: {rated_by}, general: 25, level: good}}\n" if rated_by else "")


def hierarchy(tmp_path: Path, **plans: str) -> Any:
    files = {"acct.yaml": "acct: 1\n", "org.yaml": HIERARCHY, "2023/commitments/xa.yaml": XA_COMMITMENT}
    files |= {f"2023/plans/2023-05/{person}.yaml": text for person, text in plans.items()}
    return check(write_tracker(tmp_path, files, base=False), dt.date(2023, 7, 10))


def test_a_member_is_rated_by_the_head_of_the_unit(tmp_path: Path) -> None:
    tracker = hierarchy(tmp_path).tracker
    assert tracker.rater("can-bo", 2023) == "chu-tich"
    assert tracker.rater("pho-bi-thu", 2023) == "bi-thu"


def test_a_head_is_rated_through_rated_by_then_the_nearest_head_above_then_the_to_body(tmp_path: Path) -> None:
    tracker = hierarchy(tmp_path).tracker
    assert tracker.rater("truong-ban", 2023) == "pho-bi-thu"  # ban's rated_by
    assert tracker.rater("truong-thon", 2023) == "chu-tich"  # thon's parent xa has a head
    # xa's parent huyen-uy has no head: the head of btv, to which xa's 2023 commitment is made
    assert tracker.rater("chu-tich", 2023) == "bi-thu"
    assert tracker.rater("chu-tich", 2024) is None  # no commitment for 2024: no one
    assert tracker.rater("bi-thu", 2023) is None  # the top of the tree: never himself


def test_no_rater_and_rating_by_are_reported_where_they_are(tmp_path: Path) -> None:
    outcome = hierarchy(
        tmp_path,
        **{
            "bi-thu": plan("bi-thu"),  # nobody above him
            "can-bo": plan("can-bo", "truong-thon"),  # his rater is chu-tich; truong-thon is below, not above
            "truong-thon": plan("truong-thon", "bi-thu"),  # the rater (chu-tich)'s own rater: above him, allowed
            "chu-tich": plan("chu-tich", "chu-tich"),  # himself
        },
    )
    found = sorted((p.code, p.path, p.line, p.col) for p in outcome.problems if p.severity == "error")
    assert found == [
        ("no-rater", "org.yaml", 4, 10),  # at btv's id
        ("rating-by", "2023/plans/2023-05/can-bo.yaml", 5, 30),
        ("rating-by", "2023/plans/2023-05/chu-tich.yaml", 5, 30),
    ]
    message = next(p.message for p in outcome.problems if p.code == "no-rater")
    assert "set 'rated_by:' on unit 'btv'" in message


def test_rated_by_the_units_own_head_is_no_rater(tmp_path: Path) -> None:
    org = HIERARCHY.replace("head: truong-ban, rated_by: pho-bi-thu", "head: truong-ban, rated_by: truong-ban")
    outcome = check(write_tracker(tmp_path, {"acct.yaml": "acct: 1\n", "org.yaml": org}, base=False), AS_OF)
    assert [(p.code, p.line) for p in outcome.problems] == [("no-rater", 7)]


# ---------------------------------------------------------------------------------------------------------------
# --explain accepts what it suggests and never suggests what it was given


def explain(tracker: Path, ref: str) -> tuple[int, str]:
    args = ["score", "2023-Q2", "--root", str(tracker), "--as-of", "2023-07-10", "--explain", ref]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.output


def test_explain_takes_a_person_and_never_suggests_the_id_it_was_given(tracker: Path) -> None:
    code, output = explain(tracker, "tran-van-b")
    assert code == 0
    assert "Trần Văn B (tran-van-b), 2023-Q2" in output
    assert "period score = mean of 1 monthly scores = (98.0) / 1 = 98.0" in output
    assert "result: score 98.0; proposed level (a proposal, not a rating) excellent; 0 times" in output
    code, output = explain(tracker, "tran-van-c")
    assert code == 2 and "did you mean 'tran-van-b'?" in output
    assert explain(tracker, "tran-van-b")[0] == 0  # the suggestion is accepted
    code, output = explain(tracker, "ho-sy-trung")  # a person with no plan in the period
    assert code == 2 and "did you mean" not in output and "ho-sy-trung has no plan in 2023-Q2" in output


# ---------------------------------------------------------------------------------------------------------------
# a file out of place names where it belongs


def test_misplaced_names_the_path_where_the_document_belongs(tmp_path: Path) -> None:
    from conftest import PLAN

    moved = {
        "2023/plans/2023-05/tran-van-b.yaml": None,
        "2023/commitments/tran-van-b-thang-5.yaml": PLAN,  # a plan under commitments/
    }
    outcome = check(write_tracker(tmp_path, moved), AS_OF)
    [problem] = [p for p in outcome.problems if p.code == "misplaced"]
    assert (problem.path, problem.severity) == ("2023/commitments/tran-van-b-thang-5.yaml", "warning")
    assert "belongs at 2023/plans/2023-05/tran-van-b.yaml" in problem.message


# ---------------------------------------------------------------------------------------------------------------
# the monthly figures of Như Xuân (Decision 1240: a commune scores each cadre every month, in 3 steps)

NHU_XUAN_ORG = """\
kind: org
units:
  - {id: huyen-uy, name: Huyện ủy Như Xuân, head: duong-van-manh}
  - {id: hoa-quy, name: Đảng ủy xã Hóa Quỳ, parent: huyen-uy, head: bui-van-vinh}
people:
  - {id: duong-van-manh, name: Dương Văn Mạnh, unit: huyen-uy}
  - {id: bui-van-vinh, name: Bùi Văn Vĩnh, unit: hoa-quy}
  - {id: can-bo-thon, name: Lê Văn Thôn, unit: hoa-quy, title: Cán bộ phụ trách thôn Đồng Xuân}
"""


def cadre_month(month: str, tasks: str, general: int, level: str) -> str:
    return (
        f"kind: plan\nperson: can-bo-thon\nmonth: {month}\ntasks:\n{tasks}"
        f"self: {{on: {month}-28}}\nrating: {{on: {month}-30, by: bui-van-vinh, general: {general}, level: {level}}}\n"
    )


def test_the_monthly_figures_of_nhu_xuan(tmp_path: Path) -> None:
    """A village officer of Hóa Quỳ, scored each month (30 general + 70 task results):
    - April: 3 tasks on time → 70; general 27 → 97.0, excellent, concluded excellent.
    - May: 2 on time, 1 done 3 days late with 1 failed quality check: (1 + 0.75 + 0.75)/3 = 0.8333;
      70 × (1 + 1 + 0.8333)/3 = 66.1111; general 25 → 91.1, excellent; concluded good.
    - June: 1 on time, 1 never done → 70 × 0.5 = 35; general 24 → 59.0, done; concluded done. The undone task is a
      time assigned work was not completed (by 5 July): step 1, reminder.
    Q2: (97.0 + 91.1 + 59.0)/3 = 82.37 → 82.4, proposed good; concluded 1 excellent, 1 good, 1 done."""

    def t(n: int, due: str, done: str | None = None, review: str = "") -> str:
        return (
            f"  - {{id: t{n}, title: Việc {n}, assigned_by: bui-van-vinh, due: {due}"
            + (f", done: {done}" if done else "")
            + (f", review: {{{review}}}" if review else "")
            + "}\n"
        )

    files = {
        "acct.yaml": "acct: 1\n",
        "org.yaml": NHU_XUAN_ORG,
        "2023/plans/2023-04/can-bo-thon.yaml": cadre_month(
            "2023-04", t(1, "2023-04-10", "2023-04-10") + t(2, "2023-04-20", "2023-04-19") + t(3, "2023-04-25", "2023-04-24"), 27, "excellent"
        ),
        "2023/plans/2023-05/can-bo-thon.yaml": cadre_month(
            "2023-05",
            t(1, "2023-05-10", "2023-05-10") + t(2, "2023-05-15", "2023-05-15")
            + t(3, "2023-05-20", "2023-05-23", "on: 2023-05-29, quality_fails: 1"),
            25,
            "good",
        ),
        "2023/plans/2023-06/can-bo-thon.yaml": cadre_month("2023-06", t(1, "2023-06-10", "2023-06-09") + t(2, "2023-06-20"), 24, "done"),
    }  # fmt: skip
    root = write_tracker(tmp_path, files, base=False)
    args = ["score", "2023-Q2", "--root", str(root), "--as-of", "2023-07-10", "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [person] = json.loads(result.output)["people"]
    assert [(m["month"], m["score"], m["computed"], m["concluded"]) for m in person["months"]] == [
        ("2023-04", 97.0, "excellent", "excellent"),
        ("2023-05", 91.1, "excellent", "good"),
        ("2023-06", 59.0, "done", "done"),
    ]
    assert (person["score"], person["proposed"], person["level_basis"]) == (82.4, "good", "proposed")
    assert person["concluded_months"] == {"excellent": 1, "good": 1, "done": 1}
    assert (person["escalation"]["misses"], person["escalation"]["step"]) == (1, "reminder")
    [miss] = person["escalation"]["evidence"]
    assert (miss["month"], [t["ref"] for t in miss["tasks"]], miss["tasks"][0]["line"]) == (
        "2023-06",
        ["can-bo-thon/2023-06/t2"],
        6,
    )


# ---------------------------------------------------------------------------------------------------------------
# a property: a count of times work was not completed is never worded as a rating

LEVEL_NAMES_AS_COUNTS = (
    "tháng không hoàn thành nhiệm vụ",  # "months not completing duty": the name of a level, counted
    "số tháng không hoàn thành",
    "months missed",
    "months not completing",
    "không hoàn thành nhiệm vụ trong năm",
)


@st.composite
def months_of_work(draw: st.DrawFn) -> dict[str, str]:
    files: dict[str, str] = {}
    for month in draw(
        st.lists(st.sampled_from(["2023-04", "2023-05", "2023-06"]), min_size=1, max_size=3, unique=True)
    ):
        tasks = ""
        for n in range(1, draw(st.integers(1, 3)) + 1):
            done = draw(st.sampled_from([None, f"{month}-05", f"{month}-28", None]))
            tasks += f"  - {{id: t{n}, title: Việc {n}, assigned_by: nguyen-van-a, due: {month}-10"
            tasks += (f", done: {done}" if done else "") + "}\n"
        level = draw(st.sampled_from(["excellent", "good", "done", "not-done", None]))
        rating = (
            f"rating: {{on: {month}-28, by: nguyen-van-a, general: 25, level: {level}, reason: x}}\n" if level else ""
        )
        files[f"2023/plans/{month}/tran-van-b.yaml"] = (
            f"kind: plan\nperson: tran-van-b\nmonth: {month}\ntasks:\n{tasks}{rating}"
        )
    return files


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=months_of_work())
def test_no_output_words_times_not_completed_as_a_level(
    tmp_path_factory: pytest.TempPathFactory, plans: dict[str, str]
) -> None:
    root = write_tracker(tmp_path_factory.mktemp("words"), {"2023/plans/2023-05/tran-van-b.yaml": None, **plans})
    runner = CliRunner()
    base = ["--root", str(root), "--as-of", "2023-08-10"]
    outputs = []
    for lang in ("vi", "en"):
        for args in (
            ["score", "2023-Q2", "--format", "md"],
            ["score", "2023-Q2"],
            ["report", "2023-Q2"],
            ["report", "2023-Q2", "--format", "html"],
            ["score", "2023-Q2", "--explain", "tran-van-b"],
        ):
            result = runner.invoke(app, [*args, *base, "--lang", lang])
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
    body = json.loads(runner.invoke(app, ["score", "2023-Q2", *base, "--format", "json"]).output)
    [person] = body["people"]
    misses = person["escalation"]["misses"]
    for text in outputs:
        lowered = text.lower()
        assert not [phrase for phrase in LEVEL_NAMES_AS_COUNTS if phrase in lowered]
    report_vi = outputs[2]
    if misses:
        assert f"{misses} lần không hoàn thành nhiệm vụ được giao trong năm 2023" in report_vi
    else:
        assert "lần không hoàn thành nhiệm vụ được giao" not in report_vi


def test_the_property_covers_the_base_tracker_wording(tracker: Path) -> None:
    # the words the property looks for are those of the catalogues, so a change of wording fails here first
    catalogue = (PROJECT / "accountability/i18n/locale/vi/LC_MESSAGES/acct.po").read_text(encoding="utf-8")
    assert "lần không hoàn thành nhiệm vụ được giao" in catalogue
    assert not [phrase for phrase in LEVEL_NAMES_AS_COUNTS if phrase in catalogue.lower()]
    assert ORG and RATED  # the shared fixtures this module builds on
