"""`acct score` on any terminal: the full layout when piped, each row on at most two lines at 80 columns (short
levels with a legend, columns dropped by priority, no name cut short), a list below 60 columns; and every
judgement about a person with its evidence.

The small tracker is conftest.BASE, 2023-Q2 judged on 2023-07-10, with a plan of Nguyễn Văn A for May whose one task,
due 25 May, is still not done: its month's review deadline is 31 May + 5 days = 5 June, past by D, so it is his
first time in 2023 → step 1, reminder. No task done and no rating: task_results 0, provisional score 0 / 0.7 = 0.0*,
proposed not done. Phường 1 scores 48.9, not done, flagged review-now for Thu ngân sách (tests/test_report.py);
Trần Văn B 98.0, proposed excellent. Levels shown: not done, excellent; only "Exc." differs from its level in English.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import termios
from pathlib import Path

import pytest
from conftest import ACCT, PROJECT, SAMPLE, run_acct, write_tracker
from rich.console import Console

from accountability.engine import check
from accountability.i18n import Messages
from accountability.periods import parse_period
from accountability.queries.evidence import with_lines
from accountability.render.scores import as_table
from accountability.scoring.scoreboard import score_tracker

MISSED = """\
kind: plan
person: nguyen-van-a
month: 2023-05
tasks:
  - id: t1
    title: Báo cáo tiến độ giải phóng mặt bằng
    assigned_by: ho-sy-trung
    due: 2023-05-25
"""

Q2 = ("score", "2023-Q2", "--as-of", "2023-07-10")

EVIDENCE_80 = """\
Escalation steps and flags, with their evidence
The steps, counted in each calendar year: time 1 → step 1: reminder; time 2 →
step 2: suspension; time 3 and later → step 3: discipline. A time is a month
with a task still not done 5 days after the month's end and not excused, or a
month concluded not done.
  Nguyễn Văn A (Phường 1): 1 time assigned work was not completed in 2023 → step
  1: reminder
      2023-05: «Báo cáo tiến độ giải phóng mặt bằng» due 2023-05-25, not done by
      2023-06-05 (2023/plans/2023-05/nguyen-van-a.yaml:5)
"""

AT_80 = f"""\
Units, Q2 2023 (as of 2023-07-10)
                                  Tasks             Targets met
#   Unit       Score   Level       done   Overdue      (beaten)   Flags
{"━" * 71}
1   Phường 1    48.9   Not done     0/1         0       0/2 (0)       1
Exc.: excellent

Flags
  Phường 1: review now, behind pace two quarters running: Thu ngân sách

People, Q2 2023 (as of 2023-07-10)
                                  Proposed      Tasks   Work not
Person         Unit       Score   level          done   completed → step   Flags
{"━" * 80}
Trần Văn B     Phường 1    98.0   Exc.            1/1   0
Nguyễn Văn A   Phường 1    0.0*   Not done        0/1   1 time → step 1
* provisional: no rating.general yet, so the score is task_results / 0.7

{EVIDENCE_80}met or beaten 0/2 targets, 0 of them beaten; done 0/1 tasks
Each score step by step: acct score 2023-Q2 --explain phuong-1
"""

AT_60_PEOPLE = f"""\
People, Q2 2023 (as of 2023-07-10)
                                 Proposed   Work not
Person         Unit      Score   level      completed → step
{"━" * 60}
Trần Văn B     Phường     98.0   Exc.       0
               1
Nguyễn Văn A   Phường     0.0*   Not done   1 time → step 1
               1
"""

AT_40 = """\
Units, Q2 2023 (as of 2023-07-10)

1. Phường 1
  Score: 48.9
  Level: not done
  Tasks done: 0/1
  Overdue: 0
  Targets met (beaten): 0/2 (0)
  Excellent/good (most that may be
  excellent): 0/1 (0)
  review now, behind pace two quarters
  running: Thu ngân sách

People, Q2 2023 (as of 2023-07-10)

Trần Văn B (Phường 1)
  Score: 98.0
  Level: excellent (proposed from
  scores)
  Tasks done: 1/1

Nguyễn Văn A (Phường 1)
  Score: 0.0*
  Level: not done (proposed from scores)
  Tasks done: 0/1
  Nguyễn Văn A: 1 time assigned work was
  not completed in 2023 → step 1:
  reminder
      2023-05: «Báo cáo tiến độ giải
      phóng mặt bằng» due 2023-05-25,
      not done by 2023-06-05
      (2023/plans/2023-05/nguyen-van-a.y
      aml:5)

* provisional: no rating.general yet, so
the score is task_results / 0.7
met or beaten 0/2 targets, 0 of them
beaten; done 0/1 tasks
Each score step by step: acct score
2023-Q2 --explain phuong-1
"""

MARKDOWN_VI = """\
### Cán bộ, quý II năm 2023 (tính đến 10/07/2023)

| Cán bộ | Đơn vị | Điểm | Xếp loại | Nhiệm vụ hoàn thành | Không hoàn thành nhiệm vụ → bước xử lý | Cảnh báo |
| --- | --- | --- | --- | --- | --- | --- |
| Trần Văn B | Phường 1 | 98,0 | Hoàn thành xuất sắc nhiệm vụ (đề xuất theo điểm) | 1/1 | 0 |  |
| Nguyễn Văn A | Phường 1 | 0,0* | Không hoàn thành nhiệm vụ (đề xuất theo điểm) | 0/1 | 1 lần → bước xử lý 1: nhắc nhở, phê bình |  |

* tạm tính: chưa có điểm tiêu chí chung, điểm = kết quả nhiệm vụ / 0,7

#### Các bước xử lý và cảnh báo đối với cán bộ, kèm căn cứ

_Các bước xử lý, tính trong từng năm: lần thứ 1 → bước 1: nhắc nhở, phê bình; lần thứ 2 → bước 2: đình chỉ công tác để \
kiểm điểm; lần thứ 3 trở đi → bước 3: xem xét xử lý kỷ luật. Mỗi lần là một tháng có nhiệm vụ sau 5 ngày kể từ hết \
tháng vẫn chưa hoàn thành và không được miễn trừ, hoặc một tháng được kết luận xếp loại không hoàn thành nhiệm vụ._

- Nguyễn Văn A (Phường 1): 1 lần không hoàn thành nhiệm vụ được giao trong năm 2023 → bước xử lý 1: nhắc nhở, phê bình
  - tháng 05/2023: «Báo cáo tiến độ giải phóng mặt bằng» hạn 25/05/2023, đến 05/06/2023 chưa hoàn thành \
(2023/plans/2023-05/nguyen-van-a.yaml:5)

đạt và vượt 0/2 chỉ tiêu, trong đó 0 chỉ tiêu vượt; hoàn thành 0/1 nhiệm vụ
"""


@pytest.fixture(scope="module")
def missed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tracker(tmp_path_factory.mktemp("layout"), {"2023/plans/2023-05/nguyen-van-a.yaml": MISSED})


def shown(root: Path, *args: str) -> str:
    """acct score's text, piped: trailing blanks (a table's padding) left out."""
    result = run_acct(*Q2, *args, cwd=root)
    assert result.returncode == 0, result.stderr
    return _trimmed(result.stdout)


def at_width(root: Path, width: int, by: str = "all", lang: str = "en") -> str:
    """The tables that `acct score 2023-Q2 --as-of 2023-07-10` prints on a terminal `width` columns wide (a
    terminal's own width, or COLUMNS, which rich reads), drawn here on a console of that width."""
    as_of = dt.date(2023, 7, 10)
    tracker = check(root, as_of).tracker
    scores = with_lines(root, score_tracker(tracker, parse_period("2023-Q2"), as_of))
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False, emoji=False)
    as_table(scores, by, {pid: e.model.name for pid, e in tracker.people.items()}, Messages(lang), console)
    return _trimmed(out.getvalue())


def _trimmed(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def test_at_80_columns_each_row_keeps_to_two_lines_with_short_levels_a_legend_and_the_flags_in_words(
    missed: Path,
) -> None:
    # Units: with all 9 columns the table needs 96 columns; the quota column goes first (72 + 3 × 7 gaps = 71 wide).
    # People: "Tasks done" stays; every level is a proposal, so the column says so once.
    assert at_width(missed, 80) == AT_80


def test_at_60_columns_more_columns_go_and_names_wrap_whole(missed: Path) -> None:
    text = at_width(missed, 60, "person")
    assert text.startswith(AT_60_PEOPLE)
    assert "Tasks" not in text.split("\n━", 1)[0]  # dropped before the unit and the step
    assert "…" not in text


def test_below_60_columns_a_list_and_the_evidence_under_each_person(missed: Path) -> None:
    assert at_width(missed, 40) == AT_40


def test_piped_output_keeps_the_full_layout_with_flags_and_steps_in_words(missed: Path) -> None:
    text = shown(missed)
    assert _trimmed(run_acct(*Q2, cwd=missed, env={"COLUMNS": "60"}).stdout) == text  # scripts read it: no refitting
    head = " ".join(text.split("━", 1)[0].split())
    for label in ("# Unit Score Level Tasks done Overdue Targets met (beaten)", "Excellent/good", "Flags"):
        assert label in head
    row = r"not done\s+0/1\s+0\s+0/2 \(0\)\s+0/1 \(0\)\s+review now, behind pace two quarters running: Thu ngân sách"
    assert re.search(row, text)
    person = r"Nguyễn Văn A\s+Phường 1\s+0\.0\*\s+not done \(proposed from scores\)\s+0/1\s+1 time → step 1: reminder"
    assert re.search(person, text)
    assert "Exc." not in text
    assert "Escalation steps and flags, with their evidence" in text
    assert "(2023/plans/2023-05/nguyen-van-a.yaml:5)" in text


def test_markdown_names_people_units_and_steps_and_shows_the_evidence(missed: Path) -> None:
    result = run_acct(*Q2, "--by", "person", "--format", "md", "--lang", "vi", cwd=missed)
    assert result.stdout == MARKDOWN_VI + "\n"


def test_json_keeps_its_ids_whatever_the_language(missed: Path) -> None:
    plain = run_acct(*Q2, "--format", "json", cwd=missed).stdout
    assert run_acct(*Q2, "--format", "json", "--lang", "vi", cwd=missed).stdout == plain
    assert '"unit": "phuong-1"' in plain and '"flags": [\n        "review-now:thu-ngan-sach"' in plain


# ---------------------------------------------------------------------------------------------------------------
# the sample at 80 columns, through a real terminal

ROW_START = re.compile(r"\s(HTXSNV|HTTNV|HTNV|KHTNV|—)(\s|$)")


def on_a_terminal(*args: str, columns: int) -> str:
    """The installed acct with its stdout on a pseudo-terminal `columns` wide (COLUMNS unset, so that the width is
    the terminal's): what the terminal received, colours taken out."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    proc = subprocess.Popen(  # stdin not a terminal: rich asks stdin for the size first
        [str(ACCT), *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE, env=env, cwd=SAMPLE.parent
    )
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is gone: the process has ended
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", received.decode()).replace("\r\n", "\n")
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def table_rows(text: str, title: str) -> list[list[str]]:
    """The rows of the table under `title`, each the lines it takes."""
    body = text.split(title, 1)[1].split("━\n", 1)[1]
    rows: list[list[str]] = []
    for line in body.splitlines():
        if not line.strip() or line.startswith(("HTXSNV:", "* ")):  # the table's end: its legend, its note
            break
        if ROW_START.search(line):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
        else:
            break
    return rows


def test_the_sample_at_80_columns_of_a_real_terminal_keeps_every_row_on_two_lines() -> None:
    text = on_a_terminal("score", "2023-Q2", "--as-of", "2023-07-10", "--lang", "vi", "--no-cache", columns=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" not in text
    units = table_rows(text, "Đơn vị, quý II năm 2023 (tính đến 10/07/2023)")
    people = table_rows(text, "Cán bộ, quý II năm 2023 (tính đến 10/07/2023)")
    assert (len(units), len(people)) == (10, 51)  # as acct score --format json counts them
    assert max(len(row) for row in units + people) <= 2
    assert all(len(row) == 1 for row in units)  # the targets column is left out so that every name reads whole
    header = text.split("Đơn vị, quý II", 1)[1].split("━", 1)[0].splitlines()[-1]
    start = header.index("Đơn vị")
    names = [" ".join(re.split(r"\s{2,}", line[start:].strip())[0] for line in row) for row in units]
    assert "Phòng Tài chính – Kế hoạch" in names and "Ban Thường vụ Thành ủy" in names
    assert len({name for name in names if name.startswith("Phường Đông")}) == 3  # each whole, none alike
    assert "HTXSNV: Hoàn thành xuất sắc nhiệm vụ" in text
    assert "Phường Đông Lương: kiểm điểm ngay, chậm tiến độ hai quý liên tiếp: Thu ngân" in text


def test_the_excerpt_in_docs_scoring_md_is_what_acct_prints() -> None:
    page = (PROJECT / "docs" / "scoring.md").read_text(encoding="utf-8")
    excerpt = re.search(r"<!-- score:80 -->\n```\n(.*?)```\n<!-- /score:80 -->", page, re.DOTALL)
    assert excerpt is not None
    assert at_width(SAMPLE, 80, "unit", "vi") == excerpt.group(1)
