"""Reading one YAML file safely and fast: bytes → plain Python data, or positioned problems.

The fast path is libyaml's C composer (through PyYAML), followed by one tight walk over its nodes that builds
dicts and lists and enforces the format's rules: no duplicate keys, no anchors or aliases, only core tags,
bounded depth and length. Nothing in a file is ever constructed as a Python object of its choosing.

Scalars follow YAML 1.2's core schema where YAML 1.1 would surprise a person: only ``true``/``false`` are
booleans, so ``on:`` is a key and ``no`` is text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accountability.i18n import N_
from accountability.problems import DocPath, Problem, Text, said

MAX_DEPTH = 64
MAX_SCALAR = 20_000  # characters; a note longer than this is not a note

CORE = "tag:yaml.org,2002:"
PLAIN = "!plain"  # the tag our resolver gives every plain scalar; the walk resolves it
STR = CORE + "str"
_MAP, _SEQ = CORE + "map", CORE + "seq"
_CORE_TAGS = {PLAIN} | {CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_DATETIME = re.compile(r"^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d", re.ASCII)
_SPECIAL = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
SAFE_LENGTH = 32_768  # libyaml's composer recurses in C; below this length no file can nest deep enough to hurt
_DEEP_LINE = re.compile(rf"^[ \-?:]{{{2 * MAX_DEPTH}}}", re.MULTILINE)
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[\{,:-])[&*][^\s,\[\]{}]")
# What libyaml says of a syntax error, marked for the catalogue: the phrases a tracker file's mistakes give.
_LIBYAML_WORDS = frozenset(
    (
        N_("while scanning a simple key"),
        N_("while scanning a quoted scalar"),
        N_("while scanning a plain scalar"),
        N_("while scanning a block scalar"),
        N_("while scanning an anchor"),
        N_("while scanning an alias"),
        N_("while scanning a tag"),
        N_("while scanning a directive"),
        N_("while scanning for the next token"),
        N_("while parsing a block mapping"),
        N_("while parsing a block collection"),
        N_("while parsing a flow sequence"),
        N_("while parsing a flow mapping"),
        N_("while parsing a block node"),
        N_("while parsing a flow node"),
        N_("while parsing a node"),
        N_("could not find expected ':'"),
        N_("found character that cannot start any token"),
        N_("found unexpected end of stream"),
        N_("found unexpected ':'"),
        N_("found unknown escape character"),
        N_("found unexpected document indicator"),
        N_("mapping values are not allowed in this context"),
        N_("block sequence entries are not allowed in this context"),
        N_("did not find expected key"),
        N_("did not find expected node content"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected <document start>"),
        N_("did not find expected comment or line break"),
        N_("did not find expected alphabetic or numeric character"),
    )
)
_LIBYAML: dict[str, Text] = {phrase: Text(phrase) for phrase in _LIBYAML_WORDS} | {
    f"did not find expected ',' or '{closing}'": said("did not find expected ',' or '{closing}'", closing=closing)
    for closing in "]}"
}


class _Loader(yaml.CSafeLoader):
    """libyaml's composer; the node walk below replaces PyYAML's constructor.

    PyYAML's resolver runs a Python regex per scalar; this one only tells plain scalars from quoted ones, and the
    walk resolves plain ones (YAML 1.2 core schema) in one pass.
    """

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool] | bool) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR  # type: ignore[index]
        return _MAP if kind is MappingNode else _SEQ

    # PyYAML's path resolvers are never used, yet libyaml's composer calls these two hooks for every node; a C
    # builtin that accepts and ignores the same arguments costs a fraction of a Python method that does nothing.
    descend_resolver = staticmethod(slice)
    ascend_resolver = staticmethod(tuple)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (with or without BOM) → NFC text, or a positioned `not-utf8` problem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1  # in characters, as editors count
        byte = raw[exc.start : exc.start + 1].hex()
        message = said("byte 0x{byte} is not valid UTF-8; save the file as UTF-8", byte=byte)
        return None, [Problem("not-utf8", message, path, line, col)]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, []


def parse(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Text → plain data (dicts, lists, str, int, float, bool, None, date) and the problems found."""
    _, data, problems = parse_node(text, path)
    return data, problems


def parse_node(text: str, path: str) -> tuple[Node | None, Any, list[Problem]]:
    """As `parse`, with the node tree too (None when there is no data), for places to be marked while it lives."""
    too_deep = _too_deep(text, path)
    if too_deep:
        return None, None, [too_deep]
    if ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text):
        anchors = _anchors(text, path)
        if anchors:
            return None, None, anchors
    try:
        node = _compose(text)
    except yaml.YAMLError as exc:
        # libyaml 0.2.5 (PyYAML 6.0.2 on) refuses nesting past 1,000 levels with a syntax error, older ones nest on.
        return None, None, [_nested_too_deep(text, path) or _yaml_error(exc, text, path)]
    if node is None:
        message = said("the file holds no document; write one with a 'kind:' key")
        return None, None, [Problem("empty-file", message, path, 1, 1)]
    walk = _Walk(path)
    data = walk.value(node, 0)
    if any(p.code == "too-deep" for p in walk.problems):
        # Said from the text, as for a file libyaml refused: the same problem at the same place, whatever PyYAML.
        deep = _nested_too_deep(text, path)
        if deep:
            return None, None, [deep]
    return node, data, walk.problems


def compose(text: str) -> Node | None:
    """The node tree with positions, for locating problems. Call only on text that `parse` accepted."""
    return _compose(text)


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Walk:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, code: str, message: Text, node: Node) -> None:
        mark = node.start_mark
        self.problems.append(Problem(code, message, self.path, mark.line + 1, mark.column + 1))

    def value(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problem("too-deep", _TOO_DEEP, node)
            return None
        if node.tag not in _CORE_TAGS:
            self.problem("tag", said("the tag {tag} is not allowed; remove it", tag=_short_tag(node.tag)), node)
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, MappingNode):
            return self.mapping(node, depth)
        return [self.value(item, depth + 1) for item in node.value]

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.problem("yaml-syntax", said("a key must be plain text, not a list or a mapping"), key_node)
                continue
            key = key_node.value
            if key in result:
                message = said("the key '{key}' appears twice in this mapping; keep one", key=key)
                self.problem("duplicate-key", message, key_node)
                continue
            if key == "<<":
                self.problem("anchor", said("merge keys ('<<') are not allowed; write the keys out"), key_node)
                continue
            # Most values are short plain or quoted text: resolved here, without the calls `value` would make.
            if value_node.__class__ is ScalarNode and depth < MAX_DEPTH and len(value_node.value) <= MAX_SCALAR:
                text, tag = value_node.value, value_node.tag
                if tag is PLAIN:
                    first = text[:1]
                    result[key] = _plain(text) if first.isdigit() or first in "+-." else _SPECIAL.get(text, text)
                    continue
                if tag == STR:
                    result[key] = text
                    continue
            result[key] = self.value(value_node, depth + 1)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        value: str = node.value
        if len(value) > MAX_SCALAR:
            message = said(
                "a value of {length} characters; the limit is {limit}",
                length=float(len(value)),
                limit=float(MAX_SCALAR),
            )
            self.problem("too-long", message, node)
            return None
        tag = node.tag
        if tag == PLAIN:
            return _plain(value)
        if tag == CORE + "str":
            return value
        if tag == CORE + "int":
            return _int(value)
        if tag == CORE + "timestamp":
            return _timestamp(value)
        if tag == CORE + "float":
            return _float(value)
        if tag == CORE + "null":
            return None
        if tag == CORE + "bool":
            return {"true": True, "false": False}.get(value.lower(), value)
        return value


def _plain(value: str) -> Any:
    """A plain scalar, resolved as YAML 1.2's core schema does (but no octal or hex: ids are never numbers)."""
    if value in _SPECIAL:
        return _SPECIAL[value]
    first = value[0]
    if first.isdigit() or first in "+-.":
        if len(value) == 10 and _DATE.match(value):  # the most common (dates), so tried first
            return _timestamp(value)
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if _DATETIME.match(value):
            return _timestamp(value)
    return value


def _int(value: str) -> int | str:
    try:
        return int(value.replace("_", ""), 10)
    except ValueError:
        return value  # YAML 1.1 oddities (0x1F, 0b101, sexagesimal 1:30) stay text and fail validation


def _float(value: str) -> float | str:
    lowered = value.lower().replace("_", "")
    if lowered in (".nan", ".inf", "+.inf", "-.inf"):
        return value  # no tracker figure is infinite or not a number
    try:
        return float(lowered)
    except ValueError:
        return value


def _timestamp(value: str) -> dt.date | dt.datetime | str:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return value


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


def _too_deep(text: str, path: str) -> Problem | None:
    """Bound the nesting from the text alone, before libyaml's recursive composer can overflow the C stack."""
    if len(text) < SAFE_LENGTH:
        return None  # the walk reports anything deeper than MAX_DEPTH
    if text.count("[") + text.count("{") <= MAX_DEPTH and not _DEEP_LINE.search(text):
        return None
    return _nested_too_deep(text, path)


def _nested_too_deep(text: str, path: str) -> Problem | None:
    """The first place where block indentation and open flow brackets, outside quotes and comments, nest deeper
    than MAX_DEPTH."""
    flow = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" -?:")
        block = (len(line) - len(stripped)) // 2
        if block > MAX_DEPTH:
            return _deep(path, line_no, 2 * MAX_DEPTH + 1)
        quote = ""
        for col, char in enumerate(line, 1):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (col == 1 or line[col - 2] in " \t"):
                break
            elif char in "[{":
                flow += 1
                if flow + block > MAX_DEPTH:
                    return _deep(path, line_no, col)
            elif char in "]}":
                flow = max(0, flow - 1)
    return None


_TOO_DEEP = said("nested deeper than {depth} levels; no tracker file needs this", depth=MAX_DEPTH)


def _deep(path: str, line: int, col: int) -> Problem:
    return Problem("too-deep", _TOO_DEEP, path, line, col)


def _anchors(text: str, path: str) -> list[Problem]:
    """Anchors and aliases, found from libyaml's token stream (only run when the text might hold one)."""
    problems = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                template = (
                    said(
                        "anchor '{name}': anchors and aliases are not allowed; write the value out in full",
                        name=token.value,
                    )
                    if isinstance(token, yaml.AnchorToken)
                    else said(
                        "alias '{name}': anchors and aliases are not allowed; write the value out in full",
                        name=token.value,
                    )
                )
                mark = token.start_mark
                problems.append(Problem("anchor", template, path, mark.line + 1, mark.column + 1))
    except yaml.YAMLError:
        return problems  # the syntax error itself is reported by the composer
    return problems


def _yaml_error(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        # PyYAML's own position is off once it has read ahead; find the character again.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        index = bad.start() if bad else exc.position
        line, col = _line_col(text, index)
        char = f"U+{ord(text[index]):04X}" if index < len(text) else "?"
        message = said("the control character {char} is not allowed in YAML; remove it", char=char)
        return Problem("yaml-syntax", message, path, line, col)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark and mark.index >= len(text):  # PyYAML may point past the end of a file with no final newline
        line, col = _line_col(text, len(text))
    problem = (getattr(exc, "problem", None) or str(exc)).strip()
    if isinstance(exc, yaml.composer.ComposerError) and "another document" in problem:
        message = said("a second document ('---') starts here; put one document in each file")
        return Problem("multiple-documents", message, path, line, col)
    if "\t" in problem or (mark and _char_at(text, mark.index) == "\t"):
        return Problem("yaml-syntax", said("a tab is used for indentation; indent with spaces"), path, line, col)
    context = (getattr(exc, "context", None) or "").strip()
    if context:
        message = said(
            "{context}: {problem}; check the indentation and quoting here",
            context=_phrase(context),
            problem=_phrase(problem),
        )
    else:
        message = said("{problem}; check the indentation and quoting here", problem=_phrase(problem))
    return Problem("yaml-syntax", message, path, line, col)


def _phrase(libyaml: str) -> Text | str:
    """libyaml's words, translated when they are among those a tracker file's mistakes give."""
    return _LIBYAML.get(libyaml, libyaml)


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def locate(root: Node | None, at: DocPath, at_key: bool) -> tuple[int, int]:
    """The 1-based line and column of the node at `at`, or of its deepest ancestor that exists."""
    if root is None:
        return 1, 1
    node: Node = root
    target: Node = root
    for depth, step in enumerate(at, 1):
        child = _child(node, step)
        if child is None:
            break
        key_node, node = child
        target = key_node if (at_key and depth == len(at) and key_node is not None) else node
    return target.start_mark.line + 1, target.start_mark.column + 1


def _child(node: Node, step: str | int) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode) and isinstance(step, str):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return key_node, value_node
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None
