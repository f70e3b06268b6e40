"""acct speaks the reader's language everywhere (issue 16): every problem's sentence, the summary, overdue, --explain,
usage and environment errors, and --help, in --lang, else acct.yaml's `language:`, else English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import AS_OF, COMMITMENT, ISSUE, PLAN, SAMPLE, run_acct, write_tracker
from test_codes import CASES, C, I, P, edit

from accountability.engine import check
from accountability.i18n import Messages
from accountability.problems import Problem, Text
from accountability.render.problems import as_text

VI, EN = Messages("vi"), Messages("en")


def templates(value: object) -> list[str]:
    """Every template in a sentence, its nested sentences' included."""
    if isinstance(value, list):
        return [t for v in value for t in templates(v)]
    if not isinstance(value, Text):
        return []
    return [value.template, *(t for _, v in value.values for t in templates(v))]


def untranslated(problem: Problem) -> list[str]:
    return [t for t in templates(problem.text) if t and VI.text(Text(t)) == EN.text(Text(t))]


def quota_case() -> dict[str, str | bytes | None]:
    # nguyen-van-a concluded excellent in May and tran-van-b good: floor(0.2 × 1) = 0 may be excellent
    a_may = edit(
        edit(PLAN, "person: tran-van-b", "person: nguyen-van-a"),
        "by: nguyen-van-a, general: 28, level: good",
        "by: ho-sy-trung, general: 28, level: excellent",
    )
    return {
        "2023/plans/2023-05/nguyen-van-a.yaml": edit(a_may, "assigned_by: nguyen-van-a", "assigned_by: ho-sy-trung")
    }


def every_code(tmp_path: Path) -> list[tuple[Path, list[Problem], int]]:
    """Each case of test_codes (every code there is), checked: its root, problems and number of files."""
    cases = [files for _, files, _ in CASES] + [quota_case()]
    checked = []
    for i, files in enumerate(cases):
        root = write_tracker(tmp_path / str(i), files)
        outcome = check(root, AS_OF)
        checked.append((root, outcome.problems, outcome.files))
    gone = write_tracker(tmp_path / "link", {})
    (gone / "2023/issues/gone.yaml").symlink_to(gone / "nowhere.yaml")  # unreadable
    outcome = check(gone, AS_OF)
    return [*checked, (gone, outcome.problems, outcome.files)]


def test_every_problem_of_every_code_is_a_sentence_in_vietnamese(tmp_path: Path) -> None:
    checked = every_code(tmp_path)
    problems = [p for _, found, _ in checked for p in found]
    assert {p.code for p in problems} >= {code for code, _, _ in CASES} | {"quota-exceeded", "unreadable"}
    assert [p for p in problems if not isinstance(p.text, Text)] == []
    assert sorted({t for p in problems for t in untranslated(p)}) == []
    for _, found, files in checked:  # as `acct --lang vi check` prints them: the prefix for tools, then Vietnamese
        lines = as_text(found, files, VI).splitlines()
        for problem, line in zip(found, lines, strict=False):
            prefix = f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}: [{problem.code}] "
            assert line == prefix + VI.text(problem.text)
            assert VI.text(problem.text) != problem.message  # the English stays in .message, for JSON and SARIF
        assert lines[-1].startswith("đã kiểm tra ")


def test_check_in_vietnamese_prints_these_lines(tmp_path: Path) -> None:
    write_tracker(
        tmp_path,
        {
            C: edit(COMMITMENT, "owner: tran-van-b", "owner: tran-van-bb"),
            I: edit(ISSUE, "due: 2023-10-31", "due: 31/10/2023"),
            P: edit(PLAN, "due: 2023-05-20", "due: 2023-06-02"),
        },
    )
    result = run_acct("--lang", "vi", "check", "--as-of", "2023-07-10", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{C}:13:16: error: [unknown-person] owner 'tran-van-bb' không phải là cán bộ có trong org; có phải là "
        "'tran-van-b'?",
        f"{I}:8:6: error: [invalid-date] '31/10/2023' không ghi theo dạng ISO; hãy ghi 2023-10-31",
        f"{P}:8:10: error: [due-outside-month] nhiệm vụ 't1' có hạn 02/06/2023, ngoài tháng 2023-05; hãy đưa vào kế "
        "hoạch của tháng đó, hoặc chuyển tiếp bằng carried_from",
        "đã kiểm tra 5 tệp: 3 lỗi, 0 cảnh báo",
    ]
    english = run_acct("check", "--as-of", "2023-07-10", "--format", "json", "--lang", "vi", cwd=tmp_path)
    assert "is not an ISO date; write 2023-10-31" in english.stdout  # JSON keeps the English


def test_acct_yaml_language_is_the_default_and_lang_overrides_it(tmp_path: Path) -> None:
    write_tracker(tmp_path, {"acct.yaml": "acct: 1\nlanguage: vi\n", I: edit(ISSUE, "due: 2023-10-31", "due: x")})
    vietnamese = run_acct("check", "--as-of", "2023-07-10", cwd=tmp_path).stdout
    assert vietnamese.splitlines()[-1] == "đã kiểm tra 5 tệp: 1 lỗi, 0 cảnh báo"
    english = run_acct("--lang", "en", "check", "--as-of", "2023-07-10", cwd=tmp_path).stdout
    assert english.splitlines() == [
        f"{I}:8:6: error: [invalid-date] 'x' is not a date; write it as YYYY-MM-DD, e.g. 2023-07-15",
        "checked 5 files: 1 error, 0 warnings",
    ]


def test_a_usage_error_is_in_lang_else_acct_yaml_language_else_english(tmp_path: Path) -> None:
    write_tracker(tmp_path, {})
    said = "acct: --as-of 'notadate' không phải là ngày; hãy ghi dạng YYYY-MM-DD, ví dụ 2023-06-30\n"
    assert run_acct("--lang", "vi", "check", "--as-of", "notadate", cwd=tmp_path).stderr == said
    english = "acct: --as-of 'notadate' is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30\n"
    assert run_acct("check", "--as-of", "notadate", cwd=tmp_path).stderr == english
    (tmp_path / "acct.yaml").write_text("acct: 1\nlanguage: vi\n", encoding="utf-8")
    assert run_acct("check", "--as-of", "notadate", cwd=tmp_path).stderr == said
    assert run_acct("--lang", "klingon", "check", cwd=tmp_path).stderr == (
        "acct: --lang 'klingon' is not available; choose one of: en, vi\n"  # no such language: English
    )
    nowhere = run_acct("--lang", "vi", "score", "2023", "--root", str(tmp_path / "none"))  # no tracker there
    assert nowhere.returncode == 2
    assert nowhere.stderr.startswith(f"acct: --root là {tmp_path / 'none'}, nhưng không có ")


def test_a_global_option_a_command_cannot_use_is_refused_in_the_language(tmp_path: Path) -> None:
    result = run_acct("--lang", "vi", "--as-of", "2023-07-01", "init", str(tmp_path / "new"))
    assert (result.returncode, result.stderr) == (2, "acct: acct init không dùng --as-of; hãy bỏ tùy chọn này\n")
    assert not (tmp_path / "new").exists()


def test_overdue_in_vietnamese() -> None:
    out = run_acct("--lang", "vi", "overdue", "--root", str(SAMPLE), "--as-of", "2023-07-10").stdout.splitlines()
    assert out[:3] == [
        "Đặng Quốc Huy (dang-quoc-huy): 2 việc quá hạn, 0 việc sắp đến hạn",
        "  2023/commitments/phuong-1.yaml:20: error: [task] Bàn giao mặt bằng dự án mở rộng đường Hùng Vương (đoạn qua "
        "Phường 1) (Phường 1) — hạn 30/06/2023, chậm 10 ngày",
        "  org.yaml:95: error: [plan] kế hoạch công tác tháng 07/2023 (Phường 1) — hạn 05/07/2023, chậm 5 ngày",
    ]
    assert out[-1].endswith(" cán bộ") and " việc quá hạn, " in out[-1]


def test_explain_in_vietnamese() -> None:
    out = run_acct(
        "--lang", "vi", "score", "2023-Q2", "--root", str(SAMPLE), "--as-of", "2023-07-10", "--explain", "phuong-1"
    ).stdout.splitlines()
    assert out[0] == "phuong-1 «Phường 1», kỳ 2023-Q2"
    assert out[2] == "dữ liệu đầu vào:"
    assert out[3].split() == ["kỳ", "2023-Q2:", "01/04/2023", "…", "30/06/2023"]
    assert "các bước tính:" in out
    assert out[-1].startswith("kết quả: điểm ")


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "vi", "check", "--help"),
        ("check", "--lang", "vi", "--help"),
        ("check", "--help", "--lang=vi"),
    ],
)
def test_help_in_vietnamese_wherever_lang_stands(args: tuple[str, ...]) -> None:
    result = run_acct(*args)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Cách dùng: ") and lines[0].endswith(" check [OPTIONS]")
    assert lines[2].startswith("  Kiểm tra mọi tệp của bộ theo dõi: cấu trúc, tham chiếu giữa các tệp")
    assert "Tùy chọn:" in lines
    assert any("Định dạng kết quả." in line and "[mặc định: text]" in line for line in lines)
    assert any(line.strip().startswith("--help") and "Hiện hướng dẫn này rồi thoát." in line for line in lines)


def test_help_follows_acct_yaml_and_stays_english_without_it(tmp_path: Path) -> None:
    write_tracker(tmp_path, {"acct.yaml": "acct: 1\nlanguage: vi\n"})
    assert run_acct("check", "--help", cwd=tmp_path).stdout.startswith("Cách dùng: ")
    assert run_acct("check", "--help", env={"ACCT_ROOT": str(tmp_path)}).stdout.startswith("Cách dùng:")
    assert run_acct("--lang", "en", "check", "--help", cwd=tmp_path).stdout.startswith("Usage: ")
    assert run_acct("check", "--help", cwd=tmp_path.parent).stdout.startswith("Usage: ")
    top = run_acct("--help", cwd=tmp_path).stdout
    assert "Lệnh:" in top and "Tùy chọn:" in top
    assert "  check       Kiểm tra mọi tệp của bộ theo dõi: cấu trúc, tham chiếu giữa..." in top.splitlines()
    group = run_acct("new", cwd=tmp_path)  # a group shows its help when given nothing (on stderr, from click 8.2)
    assert "  Tạo kế hoạch, bản cam kết hoặc vấn đề trọng tâm mới tại đường dẫn" in group.stdout + group.stderr


def test_every_command_has_help_in_vietnamese(tmp_path: Path) -> None:
    from typer.main import get_command

    from accountability.cli import app

    write_tracker(tmp_path, {"acct.yaml": "acct: 1\nlanguage: vi\n"})
    group = get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        result = run_acct(name, "--help", cwd=tmp_path)
        assert result.returncode == 0, name
        assert result.stdout.startswith("Cách dùng: ") and f" {name} " in result.stdout.splitlines()[0], name


def test_numbers_and_dates_in_a_sentence_follow_the_language() -> None:
    from accountability.problems import said

    sentence = said("a value of {length} characters on {day}", length=20001.0, day=dt.date(2023, 7, 10))
    assert str(sentence) == "a value of 20,001 characters on 2023-07-10"
    assert VI.shown(20001.0) == "20.001" and VI.shown(dt.date(2023, 7, 10)) == "10/07/2023"
