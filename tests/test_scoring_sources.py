"""The figures of the source articles (shared/seeds/README.md), rebuilt as trackers and scored by the installed `acct`.

- Tân Kỳ district, Nghệ An, 2020: 16 of 19 targets met or beaten, 7 of them beaten; 9 of 11 planned projects issued.
- Đông Hà city, Quảng Trị: departments completed 44/44 committed tasks; 2020 budget revenue at 103.17% of the
  province's plan and 92.05% of the city's plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_acct, write_tracker

TAN_KY_ORG = """\
kind: org
units:
  - id: btv-huyen-uy
    name: Ban Thường vụ Huyện ủy Tân Kỳ
    head: le-van-hung
  - id: ubnd-tan-ky
    name: UBND huyện Tân Kỳ
    parent: btv-huyen-uy
    head: tran-dinh-nam
people:
  - id: le-van-hung
    name: Lê Văn Hùng
    unit: btv-huyen-uy
    title: Bí thư Huyện ủy
  - id: tran-dinh-nam
    name: Trần Đình Nam
    unit: ubnd-tan-ky
    title: Chủ tịch UBND huyện
  - id: nguyen-thi-mai
    name: Nguyễn Thị Mai
    unit: ubnd-tan-ky
    title: Phó Chủ tịch UBND huyện
  - id: phan-van-son
    name: Phan Văn Sơn
    unit: ubnd-tan-ky
    title: Trưởng phòng Tài chính - Kế hoạch
  - id: ho-thi-lan
    name: Hồ Thị Lan
    unit: ubnd-tan-ky
    title: Trưởng phòng Văn hóa - Thông tin
"""

# 19 indicators (7 beaten, 9 met exactly, 3 missed) and 11 projects (8 issued on time, 1 late, 2 not issued),
# every indicator due 31 December 2020 with its final report on that day.
TAN_KY_COMMITMENT = """\
kind: commitment
unit: ubnd-tan-ky
year: 2020
head: tran-dinh-nam
to: btv-huyen-uy
signed: 2020-01-15
groups:
  - id: kinh-te
    title: Phát triển kinh tế
    weight: 30
    items:
      - id: tang-truong
        title: Tốc độ tăng trưởng kinh tế
        owner: tran-dinh-nam
        due: 2020-12-31
        target: {value: 8.5, unit: "%"}
        reports:
          - {on: 2020-06-30, value: 4.5, note: 6 tháng}
          - {on: 2020-12-31, value: 8.94, note: cả năm}
      - id: thu-ngan-sach
        title: Thu ngân sách trên địa bàn
        owner: phan-van-son
        due: 2020-12-31
        target: {value: 250, unit: tỷ đồng}
        reports:
          - {on: 2020-12-31, value: 262}
      - id: thu-nhap
        title: Thu nhập bình quân đầu người
        owner: phan-van-son
        due: 2020-12-31
        target: {value: 45, unit: triệu đồng}
        reports:
          - {on: 2020-12-31, value: 45}
      - id: von-dau-tu
        title: Tổng vốn đầu tư toàn xã hội
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 3500, unit: tỷ đồng}
        reports:
          - {on: 2020-12-31, value: 3100}
      - id: ho-ngheo
        title: Tỷ lệ hộ nghèo
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 3.5, unit: "%", direction: down}
        reports:
          - {on: 2020-12-31, value: 3.1}
      - id: san-luong-luong-thuc
        title: Sản lượng lương thực
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 90000, unit: tấn}
        reports:
          - {on: 2020-12-31, value: 90000}
  - id: van-hoa-xa-hoi
    title: Văn hóa - xã hội
    weight: 25
    items:
      - id: truong-chuan
        title: Trường đạt chuẩn quốc gia mới
        owner: ho-thi-lan
        due: 2020-12-31
        target: {value: 3, unit: trường}
        reports:
          - {on: 2020-12-31, value: 4}
      - id: viec-lam
        title: Lao động được tạo việc làm mới
        owner: ho-thi-lan
        due: 2020-12-31
        target: {value: 3000, unit: người}
        reports:
          - {on: 2020-12-31, value: 3000}
      - id: bao-hiem-y-te
        title: Tỷ lệ dân số tham gia bảo hiểm y tế
        owner: ho-thi-lan
        due: 2020-12-31
        target: {value: 90, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 90}
      - id: lang-van-hoa
        title: Làng, khối đạt chuẩn văn hóa
        owner: ho-thi-lan
        due: 2020-12-31
        target: {value: 15, unit: làng}
        reports:
          - {on: 2020-12-31, value: 15}
      - id: xa-nong-thon-moi
        title: Xã đạt chuẩn nông thôn mới
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 2, unit: xã}
        reports:
          - {on: 2020-12-31, value: 1}
      - id: nuoc-sach
        title: Tỷ lệ hộ dùng nước hợp vệ sinh
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 95, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 95}
      - id: suy-dinh-duong
        title: Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng
        owner: ho-thi-lan
        due: 2020-12-31
        target: {value: 14, unit: "%", direction: down}
        reports:
          - {on: 2020-12-31, value: 14}
  - id: quoc-phong-moi-truong
    title: Quốc phòng, an ninh và môi trường
    weight: 15
    items:
      - id: tuyen-quan
        title: Hoàn thành chỉ tiêu giao quân
        owner: tran-dinh-nam
        due: 2020-12-31
        target: {value: 100, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 100}
      - id: che-phu-rung
        title: Tỷ lệ che phủ rừng
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 57, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 57.5}
      - id: thu-gom-rac
        title: Tỷ lệ rác thải được thu gom
        owner: nguyen-thi-mai
        due: 2020-12-31
        target: {value: 80, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 85}
      - id: tai-nan-giao-thong
        title: Số vụ tai nạn giao thông
        owner: tran-dinh-nam
        due: 2020-12-31
        target: {value: 20, unit: vụ, direction: down}
        reports:
          - {on: 2020-12-31, value: 17}
  - id: xay-dung-dang
    title: Xây dựng Đảng và hệ thống chính trị
    weight: 10
    items:
      - id: to-chuc-dang-vung-manh
        title: Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ
        owner: tran-dinh-nam
        due: 2020-12-31
        target: {value: 80, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 80}
      - id: ket-nap-dang-vien
        title: Kết nạp đảng viên mới
        owner: tran-dinh-nam
        due: 2020-12-31
        weight: 2
        target: {value: 200, unit: đảng viên}
        reports:
          - {on: 2020-12-31, value: 180}
  - id: de-an
    title: Ban hành các đề án, dự án theo kế hoạch
    weight: 20
    items:
      - {id: da-01, title: Đề án phát triển cây ăn quả, owner: nguyen-thi-mai, due: 2020-03-31, done: 2020-03-25}
      - {id: da-02, title: Đề án chăn nuôi bò thịt, owner: nguyen-thi-mai, due: 2020-03-31, done: 2020-03-31}
      - {id: da-03, title: Đề án phát triển du lịch, owner: ho-thi-lan, due: 2020-06-30, done: 2020-06-15}
      - {id: da-04, title: Đề án chuyển đổi số, owner: phan-van-son, due: 2020-06-30, done: 2020-08-14}
      - {id: da-05, title: Dự án chợ trung tâm huyện, owner: phan-van-son, due: 2020-06-30, done: 2020-06-29}
      - {id: da-06, title: Đề án xây dựng đô thị Lạt, owner: tran-dinh-nam, due: 2020-09-30, done: 2020-09-10}
      - {id: da-07, title: Đề án nước sạch nông thôn, owner: nguyen-thi-mai, due: 2020-09-30, done: 2020-09-30}
      - {id: da-08, title: Đề án đào tạo nghề, owner: ho-thi-lan, due: 2020-09-30, done: 2020-09-22}
      - {id: da-09, title: Đề án cải cách hành chính, owner: tran-dinh-nam, due: 2020-12-31, done: 2020-12-20}
      - {id: da-10, title: Dự án cụm công nghiệp Nghĩa Đồng, owner: phan-van-son, due: 2020-12-31}
      - {id: da-11, title: Đề án sắp xếp xóm khối, owner: tran-dinh-nam, due: 2020-12-31}
"""

TAN_KY: dict[str, str | bytes | None] = {
    "acct.yaml": "acct: 1\n",
    "org.yaml": TAN_KY_ORG,
    "2020/commitments/ubnd-tan-ky.yaml": TAN_KY_COMMITMENT,
}

AS_OF = "2021-03-29"

# The unit score by hand, C = 31 December 2020 (every item is final):
#   kinh-te (W 30):  1 + 1 + 1 + 3100/3500 + 1 + 1 = 5.885714 over 6 items → 0.980952 (= 103/105)
#       (8.94 ≥ 8.5 beaten; 262 ≥ 250 beaten; 45 = 45 met; 3100 < 3500 missed; 3.1 < 3.5 beaten (down); 90000 met)
#   van-hoa-xa-hoi (W 25): 4 beaten → 1; 3000, 90, 15 met; 1 of 2 communes → 0.5; 95 met; 14 = 14 met (down)
#       (1 + 1 + 1 + 1 + 0.5 + 1 + 1) / 7 = 6.5/7 = 0.928571 (= 13/14)
#   quoc-phong-moi-truong (W 15): 100 met; 57.5 beaten; 85 beaten; 17 < 20 beaten (down) → 4/4 = 1
#   xay-dung-dang (W 10): 80 met (w 1, credit 1); 180/200 = 0.9 missed (w 2) → (1 + 2×0.9)/3 = 2.8/3 = 0.933333
#   de-an (W 20): 8 on time ×1 + da-04 late 0.5 + 2 overdue ×0 = 8.5/11 = 0.772727
#   score = 100 × (30×0.980952 + 25×0.928571 + 15×1 + 10×0.933333 + 20×0.772727) / 100
#         = 29.428571 + 23.214286 + 15 + 9.333333 + 15.454545 = 92.430736 → 92.4
#   level: 92.4 ≥ 90 → excellent; final items 30, achieved 16 + 9 = 25, not less than half → stands
TAN_KY_SCORE = 92.4


@pytest.fixture(scope="module")
def tan_ky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tracker(tmp_path_factory.mktemp("tan-ky"), TAN_KY, base=False)


def test_tan_ky_tracker_is_valid(tan_ky: Path) -> None:
    result = run_acct("check", "--as-of", AS_OF, cwd=tan_ky)
    assert result.returncode == 0, result.stdout + result.stderr


def test_tan_ky_2020_counts_and_score(tan_ky: Path) -> None:
    result = run_acct("score", "2020", "--format", "json", "--as-of", AS_OF, cwd=tan_ky)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["period"] == {"id": "2020", "start": "2020-01-01", "end": "2020-12-31"}
    assert body["as_of"] == AS_OF
    [unit] = body["units"]  # the Standing Committee has neither a commitment nor scored people
    assert unit["unit"] == "ubnd-tan-ky"
    assert unit["indicators"] == {
        "total": 19,
        "achieved": 16,
        "exceeded": 7,
        "missed": 3,
        "on_track": 0,
        "behind": 0,
        "no_report": 0,
    }
    assert unit["tasks"]["total"] == 11
    assert unit["tasks"]["on_time"] + unit["tasks"]["late"] == 9
    assert unit["tasks"] == {"total": 11, "on_time": 8, "late": 1, "overdue": 2, "open": 0}
    assert (unit["score"], unit["level"], unit["rank"]) == (TAN_KY_SCORE, "excellent", 1)
    # at the year's end every missed or overdue item is proposed for review
    assert unit["flags"] == [
        "year-end-review:von-dau-tu",
        "year-end-review:xa-nong-thon-moi",
        "year-end-review:ket-nap-dang-vien",
        "year-end-review:da-10",
        "year-end-review:da-11",
    ]
    assert unit["quota"] == {
        "excellent": 0,
        "good": 0,
        "allowed_excellent": 0,
        "over": False,
        "group": ["ubnd-tan-ky"],
        "months_over": [],
    }
    assert body["people"] == []


def test_tan_ky_explain_ends_with_the_json_score(tan_ky: Path) -> None:
    result = run_acct("score", "2020", "--as-of", AS_OF, "--explain", "ubnd-tan-ky", cwd=tan_ky)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith(f"result: score {TAN_KY_SCORE}, level excellent")
    assert "25 of 30 final-judged items achieved" in result.stdout


def test_tan_ky_summary_in_english(tan_ky: Path) -> None:
    result = run_acct("score", "2020", "--as-of", AS_OF, cwd=tan_ky)
    assert result.returncode == 0, result.stderr
    assert "met or beaten 16/19 targets, 7 of them beaten; done 9/11 tasks" in result.stdout


def test_tan_ky_summary_in_vietnamese(tan_ky: Path) -> None:
    result = run_acct("score", "2020", "--as-of", AS_OF, "--lang", "vi", cwd=tan_ky)
    assert result.returncode == 0, result.stderr
    assert "đạt và vượt 16/19 chỉ tiêu, trong đó 7 chỉ tiêu vượt; hoàn thành 9/11 nhiệm vụ" in result.stdout
    assert "92,4" in result.stdout  # Vietnamese decimal comma


# ---------------------------------------------------------------------------------------------------------------
# Đông Hà: 44/44 committed tasks done, and the 2020 budget revenue against the province's and the city's plans

DONG_HA_ORG = """\
kind: org
units:
  - id: btv-thanh-uy
    name: Ban Thường vụ Thành ủy Đông Hà
    head: ho-sy-trung
  - id: phong-kinh-te
    name: Phòng Kinh tế thành phố
    parent: btv-thanh-uy
    head: nguyen-van-a
people:
  - {id: ho-sy-trung, name: Hồ Sỹ Trung, unit: btv-thanh-uy}
  - {id: nguyen-van-a, name: Nguyễn Văn A, unit: phong-kinh-te}
  - {id: tran-thi-b, name: Trần Thị B, unit: phong-kinh-te}
"""


def _tasks(prefix: str, first: int, done_day: str) -> str:
    return "".join(
        f"      - {{id: {prefix}-{n:02d}, title: Nhiệm vụ {n}, owner: tran-thi-b, due: 2020-12-31, done: 2020-12-{done_day}}}\n"
        for n in range(first, first + 11)
    )


DONG_HA_COMMITMENT = (
    "kind: commitment\nunit: phong-kinh-te\nyear: 2020\nhead: nguyen-van-a\nto: btv-thanh-uy\ngroups:\n"
    + "".join(
        f"  - id: nhom-{g}\n    title: Nhóm nhiệm vụ {g}\n    items:\n"
        + _tasks(f"nv{g}", 11 * (g - 1) + 1, f"{10 + g:02d}")
        for g in (1, 2, 3, 4)
    )
    + """\
  - id: ngan-sach
    title: Thu ngân sách
    items:
      - id: thu-theo-ke-hoach-tinh
        title: Thu ngân sách so với kế hoạch tỉnh giao
        owner: nguyen-van-a
        due: 2020-12-31
        target: {value: 100, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 103.17}
      - id: thu-theo-ke-hoach-thanh-pho
        title: Thu ngân sách so với kế hoạch thành phố
        owner: nguyen-van-a
        due: 2020-12-31
        target: {value: 100, unit: "%"}
        reports:
          - {on: 2020-12-31, value: 92.05}
"""
)


def test_dong_ha_44_of_44_tasks(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "acct.yaml": "acct: 1\n",
        "org.yaml": DONG_HA_ORG,
        "2020/commitments/phong-kinh-te.yaml": DONG_HA_COMMITMENT,
    }
    root = write_tracker(tmp_path, files, base=False)
    result = run_acct("score", "2020", "--format", "json", "--as-of", "2021-02-01", cwd=root)
    assert result.returncode == 0, result.stderr
    [unit] = json.loads(result.stdout)["units"]
    assert unit["tasks"] == {"total": 44, "on_time": 44, "late": 0, "overdue": 0, "open": 0}
    assert unit["indicators"] == {
        "total": 2,
        "achieved": 1,
        "exceeded": 1,
        "missed": 1,
        "on_track": 0,
        "behind": 0,
        "no_report": 0,
    }
    # 5 groups without weights weigh 1 each: 4 task groups at 1; ngan-sach (min(103.17/100, 1) + 92.05/100)/2
    # = (1 + 0.9205)/2 = 0.96025; 100 × (4 + 0.96025)/5 = 99.205 → 99.2; 45 of 46 final items achieved → excellent
    assert (unit["score"], unit["level"]) == (99.2, "excellent")
    table = run_acct("score", "2020", "--as-of", "2021-02-01", cwd=root)
    assert "met or beaten 1/2 targets, 1 of them beaten; done 44/44 tasks" in table.stdout
