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
    from accountability.checks import EVERY_CHECK

    for check in EVERY_CHECK:
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


def _models(model: type, path: str) -> list[tuple[str, type]]:
    """(path, model) of a model and of every model reached through its fields: `commitment: groups[].items[]`."""
    import types
    import typing

    from pydantic import BaseModel

    found = [(path, model)]
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        key, annotation, many = field.alias or name, field.annotation, False
        while True:  # strip Optional, Annotated and list
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            origin = typing.get_origin(annotation)
            if origin in (typing.Union, types.UnionType, typing.Annotated) and args:
                annotation = args[0]
            elif origin is list:
                annotation, many = args[0], True
            else:
                break
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            inner = f"{key}[]" if many else key
            found += _models(annotation, f"{path}: {inner}" if ":" not in path else f"{path}.{inner}")
    return found


def _keys_of_table(text: str, heading: str) -> list[str]:
    """The first column of the table under the heading that names `heading` in backticks."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and line.endswith(f"`{heading}`"))
    table = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("| `"):
            table.append(line.split("|")[1].strip().strip("`"))
        elif table and not line.startswith("|"):
            break
    return table


def test_every_key_of_every_kind_has_its_row_in_format_md() -> None:
    from accountability.model import KINDS, Config

    text = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    roots = [("acct.yaml", Config), *((kind, model) for kind, model in KINDS.items())]
    models = [found for root, model in roots for found in _models(model, root)]
    assert len(models) == 25  # 5 in acct.yaml, 5 in org, 7 in a commitment, 6 in a plan, 2 in an issue
    for path, model in models:
        keys = [field.alias or name for name, field in model.model_fields.items()]  # type: ignore[attr-defined]
        assert sorted(_keys_of_table(text, path)) == sorted(keys), path  # each key once, no key the model lacks


def test_format_md_stands_on_its_own() -> None:
    text = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)", text):  # every link points at a file of the repository
        assert not target.startswith("http") and (PROJECT / "docs" / target).resolve().is_file(), target
