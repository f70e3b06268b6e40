"""Plain data → a typed model, or problems placed at document paths (located later, only if reported).

Pydantic's errors become our own sentences, for the catalogue: our types' errors carry theirs (`model.base.fail`), and
each kind of pydantic error that the models can raise has its template here.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from accountability.i18n import N_
from accountability.model import KINDS, Config, Document, Org, Person, Unit
from accountability.model.base import shown as short
from accountability.problems import NOTHING, DocPath, Problem, Text, said
from accountability.suggest import suggestion

# What a value should have been, for each kind of pydantic error that says only what was expected.
EXPECTED = {
    "string_type": N_("text; quote it if it looks like a number or a date"),
    "int_type": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list ('- ' items or [a, b])"),
    "model_type": N_("a mapping of keys"),
    "model_attributes_type": N_("a mapping of keys"),
    "dict_type": N_("a mapping of keys"),
}
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def validate_document(data: Any, path: str, is_config: bool) -> tuple[Document | None, list[Problem]]:
    """Validate one file's data as the kind it names (acct.yaml is always the config)."""
    if not isinstance(data, dict):
        what = said("a list") if isinstance(data, list) else said("a single value")
        message = said("the file holds {what}; a tracker file is a mapping of keys, starting with 'kind:'", what=what)
        return None, [Problem("not-a-mapping", message, path)]
    model = _model_for(data, path, is_config)
    if isinstance(model, Problem):
        return None, [model]
    try:
        return typing.cast(Document, model.model_validate(data)), []
    except ValidationError as exc:
        problems = [_problem(error, model, path) for error in exc.errors(include_url=False)]
        return (salvage_org(data) if model is Org else None), problems


def salvage_org(data: dict[str, Any]) -> Org:
    """The valid units and people of an invalid org file, so that one typo does not make every reference to
    the others fail too. `kept` records each survivor's index in the file, to keep positions right."""
    kept: dict[str, list[int]] = {"units": [], "people": []}
    entries: dict[str, list[Any]] = {"units": [], "people": []}
    for key, model in (("units", Unit), ("people", Person)):
        values = data.get(key)
        for i, value in enumerate(values if isinstance(values, list) else []):
            entry = _lenient(model, value)
            if entry is not None:
                entries[key].append(entry)
                kept[key].append(i)
    org = Org.model_construct(kind="org", units=entries["units"], people=entries["people"])
    org._kept = kept
    return org


def _model_for(data: dict[str, Any], path: str, is_config: bool) -> type[BaseModel] | Problem:
    kind = data.get("kind")
    if is_config:
        if kind not in (None, "config"):
            message = said("acct.yaml is the config; remove 'kind: {kind}' or write 'kind: config'", kind=kind)
            return Problem("unknown-kind", message, path, at=("kind",))
        return Config
    if kind is None:
        message = said("the file has no 'kind:'; add one of: {kinds}", kinds=", ".join(KINDS))
        return Problem("missing-kind", message, path, at=(), at_key=False)
    if kind not in KINDS:
        message = said("unknown kind {kind}{hint}", kind=repr(kind), hint=_suggest(str(kind), list(KINDS)))
        return Problem("unknown-kind", message, path, at=("kind",))
    return KINDS[kind]


def _lenient(model: type[Unit] | type[Person], value: Any) -> Unit | Person | None:
    """The entry with its unknown keys dropped, if that makes it valid (the unknown keys are still reported)."""
    if not isinstance(value, dict):
        return None
    known = {f.alias or name for name, f in model.model_fields.items()}
    try:
        return model.model_validate({k: v for k, v in value.items() if k in known})
    except ValidationError:
        return None


def _problem(error: Any, model: type[BaseModel], path: str) -> Problem:
    loc: DocPath = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        names = _field_names(model, loc[:-1])
        message = said("unknown key '{key}'{hint}", key=key, hint=_suggest(key, names))
        return Problem("unknown-key", message, path, at=loc, at_key=True)
    if kind == "missing":
        message = said("the required key '{key}' is missing here; add it", key=loc[-1])
        return Problem("missing-key", message, path, at=loc[:-1])
    if "-" in kind:  # our own codes from model/base.py, with their sentence
        return Problem(kind, error["ctx"]["sentence"], path, at=loc)
    return Problem("invalid-value", _message(error), path, at=loc)


def _message(error: Any) -> Text:
    value = error.get("input")
    shown = (
        short(value)
        if not isinstance(value, (dict, list))
        else (said("a mapping") if isinstance(value, dict) else said("a list"))
    )
    kind, ctx = error["type"], error.get("ctx", {})
    if kind in EXPECTED:
        return said("{value} is not valid here; expected {expected}", value=shown, expected=Text(EXPECTED[kind]))
    if kind == "greater_than":
        return said(
            "{value} is not valid here: input should be greater than {bound}", value=shown, bound=_bound(ctx["gt"])
        )
    if kind == "greater_than_equal":
        return said(
            "{value} is not valid here: input should be greater than or equal to {bound}",
            value=shown,
            bound=_bound(ctx["ge"]),
        )
    if kind == "less_than":
        return said(
            "{value} is not valid here: input should be less than {bound}", value=shown, bound=_bound(ctx["lt"])
        )
    if kind == "less_than_equal":
        return said(
            "{value} is not valid here: input should be less than or equal to {bound}",
            value=shown,
            bound=_bound(ctx["le"]),
        )
    if kind == "literal_error":
        choices = ", ".join(f"'{c}'" for c in _QUOTED.findall(str(ctx.get("expected", ""))))
        return said("{value} is not valid here; expected one of: {choices}", value=shown, choices=choices)
    if kind in ("string_too_short", "too_short"):
        return said("{value} is not valid here: it may not be empty", value=shown)
    detail = error["msg"].removeprefix("Value error, ")  # no model raises another kind; said in pydantic's English
    return said("{value} is not valid here: {detail}", value=shown, detail=f"{detail[0].lower()}{detail[1:]}")


def _bound(value: object) -> object:
    """A range's bound as a person writes it: 1000000, not 1e6 or 1000000.0 (and never grouped, as in the file)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _suggest(word: str, names: list[str]) -> Text:
    return suggestion(word, names, said("; expected one of: {names}", names=", ".join(names)) if names else NOTHING)


def _field_names(model: type[BaseModel], loc: DocPath) -> list[str]:
    """The keys allowed at a place in a document of this model."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            current = _element(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = _field_by_key(current, step)
            current = _unwrap(field.annotation) if field else None
        else:
            current = None
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated: `list[Item] | None` → `list[Item]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _element(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        return _unwrap(typing.get_args(annotation)[0])
    return None
