"""JSON Schemas of every kind of file, made from the same models that `acct check` uses.

Two touches on what pydantic gives: every property gets a title (pydantic leaves it out where a property is another
model), and the bounds of a number that may be left out come as JSON Schema's keywords, not pydantic's `ge`/`le`,
which editors would silently ignore.
"""

from __future__ import annotations

import json
from typing import Any

from accountability.model import KINDS, Config

ALL_KINDS = {"config": Config, **KINDS}
BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def schemas() -> dict[str, dict[str, Any]]:
    """`<kind>.schema.json` → its schema (by alias, as the files are written)."""
    out = {}
    for kind, model in ALL_KINDS.items():
        schema = _standard(model.model_json_schema(by_alias=True, mode="validation"))
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{kind}.schema.json"] = schema
    return out


def _standard(schema: Any) -> Any:
    """The schema with a title on every property and JSON Schema's names for bounds, all the way down."""
    if isinstance(schema, list):
        return [_standard(entry) for entry in schema]
    if not isinstance(schema, dict):
        return schema
    numeric = schema.get("type") in ("number", "integer")
    out = {BOUNDS.get(key, key) if numeric else key: _standard(value) for key, value in schema.items()}
    if isinstance(schema.get("properties"), dict):
        for name, prop in out["properties"].items():
            prop.setdefault("title", name.replace("_", " ").title())
    return out


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
