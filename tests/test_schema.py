"""`acct schema`: one JSON Schema per kind, every property titled and described, and the sample tracker's schemas
and headers kept true to what `acct check` accepts. The `jsonschema` package is used here only, never by acct."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE, run_acct
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.exceptions import best_match

from accountability.files.discover import tracker_files
from accountability.files.yamlread import decode, parse

KINDS = ["config", "org", "commitment", "plan", "issue"]
HEADER = "# yaml-language-server: $schema="
SAMPLE_FILES = sorted(tracker_files(SAMPLE))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `acct schema -o DIR` writes today."""
    folder = tmp_path_factory.mktemp("schemas")
    result = run_acct("schema", "-o", str(folder), cwd=SAMPLE)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "".join(
        f"wrote {os.path.relpath(folder / f'{kind}.schema.json', SAMPLE)}\n" for kind in KINDS
    )
    return folder


def schema(folder: Path, kind: str) -> dict[str, Any]:
    return json.loads((folder / f"{kind}.schema.json").read_text(encoding="utf-8"))


def validator(folder: Path, kind: str, draft: type[Any] = Draft202012Validator) -> Any:
    return draft(schema(folder, kind), format_checker=draft.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """A document as JSON holds it: dates as ISO text, as yaml-language-server sees them."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def document(path: Path) -> Any:
    text, problems = decode(path.read_bytes(), path.name)
    assert text is not None and not problems
    data, problems = parse(text, path.name)
    assert not problems, problems
    return as_json(data)


def properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every property of every object in a schema, with where it is."""
    found = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            found.append((f"{where}.{name}", prop))
        for key, value in node.items():
            found += properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += properties(value, f"{where}[{index}]")
    return found


def has_vietnamese_term(description: str) -> bool:
    """A parenthesised term with a Vietnamese letter, such as (trọng số) or (người đứng đầu)."""
    return any(any(c.isalpha() and not c.isascii() for c in term) for term in re.findall(r"\(([^)]*)\)", description))


def test_schema_writes_one_file_per_kind(written: Path) -> None:
    assert sorted(p.name for p in written.iterdir()) == sorted(f"{kind}.schema.json" for kind in KINDS)
    for kind in KINDS:
        body = schema(written, kind)
        Draft202012Validator.check_schema(body)
        assert (body["$schema"], body["$id"], body["type"]) == (
            "https://json-schema.org/draft/2020-12/schema",
            f"{kind}.schema.json",
            "object",
        )
        assert body["additionalProperties"] is False


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_a_title_and_a_description_with_the_vietnamese_term(written: Path, kind: str) -> None:
    found = properties(schema(written, kind))
    assert len(found) > 5
    assert [where for where, prop in found if not prop.get("title")] == []
    assert [where for where, prop in found if not has_vietnamese_term(prop.get("description", ""))] == []


def test_numbers_carry_their_bounds_in_json_schema_terms(written: Path) -> None:
    # pydantic's own ge/le once leaked into the schema where a number may be left out; editors ignore those
    texts = "".join((written / f"{kind}.schema.json").read_text(encoding="utf-8") for kind in KINDS)
    assert not re.search(r'"(ge|le|gt|lt)":', texts)
    general = schema(written, "plan")["$defs"]["Rating"]["properties"]["general"]["anyOf"][0]
    assert (general["minimum"], general["maximum"]) == (0, 30)
    assert schema(written, "plan")["$defs"]["Task"]["properties"]["weight"]["exclusiveMinimum"] == 0
    late = schema(written, "config")["properties"]["late_credit"]
    assert (late["minimum"], late["maximum"]) == (0, 1)


def test_the_committed_sample_schemas_are_what_acct_schema_writes_today(written: Path) -> None:
    committed = SAMPLE / "_schema"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in written.iterdir())
    stale = [p.name for p in sorted(written.iterdir()) if (committed / p.name).read_bytes() != p.read_bytes()]
    assert stale == [], "commitments/_schema/ is stale: regenerate it with  acct schema --root commitments"


def test_every_sample_file_starts_with_the_header_of_its_kind() -> None:
    assert len(SAMPLE_FILES) > 50
    for name in SAMPLE_FILES:
        path = SAMPLE / name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(HEADER), name
        kind = document(path).get("kind", "config")
        target = (path.parent / first.removeprefix(HEADER)).resolve()
        assert target == (SAMPLE / "_schema" / f"{kind}.schema.json").resolve() and target.is_file(), name


# yaml-language-server implements draft-07: the schemas say 2020-12 but use only keywords that draft-07 knows too
@pytest.mark.parametrize("draft", [Draft202012Validator, Draft7Validator])
def test_every_sample_document_validates_against_its_schema(written: Path, draft: type[Any]) -> None:
    validators = {kind: validator(written, kind, draft) for kind in KINDS}
    seen = set()
    for name in SAMPLE_FILES:
        data = document(SAMPLE / name)
        kind = data.get("kind", "config")
        seen.add(kind)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validators[kind].iter_errors(data)]
        assert errors == [], name
    assert seen == set(KINDS)


COMMITMENT = {
    "kind": "commitment",
    "unit": "phuong-1",
    "year": 2023,
    "head": "nguyen-van-a",
    "to": "btv",
    "groups": [
        {
            "id": "gpmb",
            "title": "Giải phóng mặt bằng",
            "items": [{"id": "le-loi", "title": "Bàn giao mặt bằng", "owner": "tran-van-b", "due": "2023-09-30"}],
        }
    ],
}


def with_item(**changes: Any) -> dict[str, Any]:
    item = {**COMMITMENT["groups"][0]["items"][0], **changes}
    return {**COMMITMENT, "groups": [{**COMMITMENT["groups"][0], "items": [item]}]}


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (with_item(titel="x"), "groups/0/items/0", "Additional properties are not allowed ('titel' was unexpected)"),
        ({**COMMITMENT, "kind": "comitment"}, "kind", "'commitment' was expected"),
        (
            with_item(owner="Trần Văn B"),
            "groups/0/items/0/owner",
            "'Trần Văn B' does not match '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$'",
        ),
        (with_item(due="2023-02-30"), "groups/0/items/0/due", "'2023-02-30' is not a 'date'"),
        (with_item(weight=0), "groups/0/items/0/weight", "0 is less than or equal to the minimum of 0"),
        ({k: v for k, v in COMMITMENT.items() if k != "head"}, "", "'head' is a required property"),
    ],
)
@pytest.mark.parametrize("draft", [Draft202012Validator, Draft7Validator])
def test_a_file_with_a_typo_is_rejected(
    written: Path, data: dict[str, Any], where: str, message: str, draft: type[Any]
) -> None:
    check = validator(written, "commitment", draft)
    assert list(check.iter_errors(COMMITMENT)) == []
    assert [("/".join(map(str, e.absolute_path)), e.message) for e in check.iter_errors(data)] == [(where, message)]


def test_a_rating_out_of_range_is_rejected(written: Path) -> None:
    plan = {
        "kind": "plan",
        "person": "tran-van-b",
        "month": "2023-05",
        "tasks": [],
        "rating": {"on": "2023-06-05", "by": "nguyen-van-a", "general": 45},
    }
    error = best_match(validator(written, "plan").iter_errors(plan))
    assert (list(error.absolute_path), error.message) == (["rating", "general"], "45 is greater than the maximum of 30")
