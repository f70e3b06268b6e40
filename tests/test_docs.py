"""The docs and the code agree: every code the package can emit is registered and documented."""

from __future__ import annotations

import re

from conftest import PROJECT

from accountability.codes import CODES

EMITTED = re.compile(r'(?:(?:Problem|problem|fail)\(\s*|code=)"([a-z][a-z0-9-]*)"')


def emitted_codes() -> set[str]:
    codes = set()
    for path in (PROJECT / "accountability").rglob("*.py"):
        codes.update(EMITTED.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_emitted_code_is_registered() -> None:
    assert emitted_codes() - set(CODES) == set()


def test_every_registered_code_is_emitted() -> None:
    assert set(CODES) - emitted_codes() == set()


def test_every_code_is_documented_in_format_md() -> None:
    text = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in text] == []


def test_every_check_documents_its_rule() -> None:
    from accountability.checks import CHECKS, GROUP_CHECKS

    for check in (*CHECKS, *GROUP_CHECKS):
        doc = check.__doc__ or ""
        assert re.search(r"`[a-z-]+`", doc), f"{check.__name__} names no code"
        assert "Failing:" in doc, f"{check.__name__} has no failing example"


def test_the_worked_example_in_scoring_md_is_what_acct_prints() -> None:
    from conftest import SAMPLE, run_acct

    text = (PROJECT / "docs" / "scoring.md").read_text(encoding="utf-8")
    assert "= 100 × 115.85 / 137.5 = 84.2545 → 84.3" in text
    result = run_acct("score", "2023-Q2", "--as-of", "2023-07-10", "--explain", "phuong-1", cwd=SAMPLE.parent)
    assert "score = 100 × (30×0.3333 + 25×1 + 27.5×1 + 27.5×0.94 + 27.5×1) / 137.5 = 84.2545 → 84.3" in result.stdout
    assert result.stdout.rstrip().endswith("result: score 84.3, level good")
