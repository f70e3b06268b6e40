"""JSON Schemas of every kind of file, made from the same models that `acct check` uses."""

from __future__ import annotations

import json
from typing import Any

from accountability.model import KINDS, Config

ALL_KINDS = {"config": Config, **KINDS}


def schemas() -> dict[str, dict[str, Any]]:
    """`<kind>.schema.json` → its schema (by alias, as the files are written)."""
    out = {}
    for kind, model in ALL_KINDS.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{kind}.schema.json"] = schema
    return out


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
