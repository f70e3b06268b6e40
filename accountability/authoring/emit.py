"""The YAML text acct writes, emitted by ruamel.yaml: a whole new file, a block of lines, a flow collection, a value.

ruamel.yaml decides how each value must be written to read back as itself (quotes for a title that looks like a
date, a number or `null`, escapes for a line break); `files.splice` places the text in the file, so that every other
byte stays as it was. Reading stays with PyYAML's libyaml composer (`files.yamlread`), whose plain scalars follow
YAML 1.2's core schema, the schema ruamel.yaml writes for.

Numbers are written as people write them: `90`, not `90.0`, and with at most six decimal places.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq

from accountability.files.yamlread import parse

WIDTH = 1 << 30  # never fold a long title or note over several lines
PLACES = 6


@cache
def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(str, _text)
    yaml.representer.ignore_aliases = lambda data: True  # the same date in two places is written twice, not aliased
    return yaml


def _text(representer: Any, text: str) -> Any:
    """Text with a character that is not printable (a tab, a line break, NEL, LS, PS, a BOM) is written in double
    quotes, where each is escaped: written raw, libyaml would read a line break where there is none. Text that
    libyaml would not read back as itself unquoted (`:0` in a flow collection, which YAML 1.2 allows and libyaml
    does not) is single-quoted; the rest is left to ruamel.yaml, which quotes what YAML 1.2 needs."""
    if not text.isprintable():
        style: str | None = '"'
    else:
        style = None if _plain_reads_back(text) else "'"
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _plain_reads_back(text: str) -> bool:
    """Whether libyaml reads `text` written plain back as itself, in a block and, unless ruamel.yaml quotes it there
    anyway (it holds `,[]{}`), in a flow collection."""
    forms = [f"k: {text}\n"] + ([] if any(c in text for c in ",[]{}") else [f"k: [{text}]\n", f"k: {{a: {text}}}\n"])
    for written in forms:
        data, problems = parse(written, "emit.yaml")
        value = data.get("k") if isinstance(data, dict) else None
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else None
        elif isinstance(value, dict):
            value = value.get("a") if len(value) == 1 else None
        if problems or value != text:
            return False
    return True


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def tree(value: Any, flow: bool = False) -> Any:
    """Plain data (dicts, lists, dates, numbers, text) as new ruamel.yaml nodes, keeping the comments and the style
    of nodes that are commented already; `flow` writes every collection in flow style."""
    node: CommentedMap | CommentedSeq
    if isinstance(value, Mapping):
        node = CommentedMap((key, tree(item, flow)) for key, item in value.items())
    elif isinstance(value, Sequence) and not isinstance(value, str):
        node = CommentedSeq(tree(item, flow) for item in value)
    else:
        return _number(value)
    if isinstance(value, CommentedBase):
        value.copy_attributes(node)
    if flow:
        node.fa.set_flow_style()
    return node


def _number(value: Any) -> Any:
    if isinstance(value, float) and not isinstance(value, bool):
        value = round(value, PLACES)
        return int(value) if value.is_integer() else value
    return value


def document(data: Mapping[str, Any]) -> str:
    """A whole file: the mapping in block style, with the comments set on it."""
    return _dump(tree(data))


def block(value: Mapping[str, Any] | Sequence[Any]) -> list[str]:
    """A mapping or a list in block style, as lines without a line break, starting at column 0."""
    lines = _dump(tree(value)).splitlines()
    margin = min(len(line) - len(line.lstrip(" ")) for line in lines if line.strip())
    return [line[margin:] for line in lines]


def flow(value: Mapping[str, Any] | Sequence[Any]) -> str:
    """A mapping or a list in flow style, on one line: `{on: 2023-07-31, value: 71.3}`."""
    return _dump(tree(value, flow=True)).rstrip("\n")


def scalar(value: str | float | dt.date | bool) -> str:
    """One value as YAML text, written so that it may stand anywhere, a flow collection included."""
    text = flow([value])
    return text[1:-1]
