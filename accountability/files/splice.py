"""Surgical edits of a YAML file's text: set a scalar, add a key, append to a list.

Each edit splices new text at the positions libyaml reports for the nodes involved, so every other byte of the
file — comments, key order, quoting, flow style, blank lines, CRLF, the BOM — stays exactly as it was. The text is
edited as written (not NFC-normalised), so positions match the bytes on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accountability.files.yamlread import compose
from accountability.problems import DocPath

BOM = "\ufeff"


@dataclass
class Source:
    """A file's text as written, ready to edit: the BOM and the line ending are remembered and restored."""

    text: str
    bom: bool
    newline: str

    @classmethod
    def from_bytes(cls, raw: bytes) -> Source:
        text = raw.decode("utf-8")
        bom = text.startswith(BOM)
        text = text.removeprefix(BOM)
        return cls(text, bom, "\r\n" if "\r\n" in text else "\n")

    def to_bytes(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")

    def node(self, at: DocPath) -> Node:
        node = compose(self.text)
        if node is None:
            raise ValueError("the file holds no document")
        for step in at:
            node = _child(node, step)
        return node

    def set_scalar(self, at: DocPath, value: str) -> None:
        """Replace the scalar value at `at` (it must exist) with the YAML text `value`."""
        node = self.node(at)
        if not isinstance(node, ScalarNode):
            raise ValueError(f"{'/'.join(map(str, at))} is not a single value")
        start, end = node.start_mark.index, node.end_mark.index
        if start == end:  # an empty value (`done:`) sits right after the colon
            value = " " + value
        self.text = self.text[:start] + value + self.text[end:]

    def has_key(self, mapping_at: DocPath, key: str) -> bool:
        node = self.node(mapping_at)
        return isinstance(node, MappingNode) and any(k.value == key for k, _ in node.value)

    def set_key(self, mapping_at: DocPath, key: str, value: str) -> None:
        """Set `key: value` in the mapping: in place where the key is written, even empty (`done:`, `done: ~`),
        else as a new last entry."""
        if self.has_key(mapping_at, key):
            self.set_scalar((*mapping_at, key), value)
        else:
            self.add_key(mapping_at, key, value)

    def add_key(self, mapping_at: DocPath, key: str, value: str, block: list[str] | None = None) -> None:
        """Add `key: value` as the last entry of the mapping at `mapping_at`, in the mapping's own style. In a
        block mapping, `block` lines may follow instead of a value, indented one step under the key."""
        node = self.node(mapping_at)
        if not isinstance(node, MappingNode) or not node.value:
            raise ValueError(f"{'/'.join(map(str, mapping_at))} is not a mapping with keys")
        if node.flow_style:
            self._insert_in_flow(node, f"{key}: {value}")
            return
        indent = " " * node.value[0][0].start_mark.column
        lines = [f"{indent}{key}:" + (f" {value}" if value else "")] + [f"{indent}  {line}" for line in block or []]
        self._insert_line_after(node.value[-1][1], self.newline.join(lines))

    def append_item(self, sequence_at: DocPath, item_flow: str, item_block: list[str]) -> None:
        """Append to the sequence at `sequence_at`, as `item_flow` ({on: …, value: …}) where the last item is in
        flow style, else as the block lines `item_block` (key: value lines, without the leading '- ')."""
        node = self.node(sequence_at)
        if not isinstance(node, SequenceNode) or not (node.value or node.flow_style):
            raise ValueError(f"{'/'.join(map(str, sequence_at))} is not a list")
        if node.flow_style:
            self._insert_in_flow(node, item_flow)
            return
        last = node.value[-1]
        dash_col = self._dash_column(last)
        pad = " " * dash_col
        if isinstance(last, MappingNode) and not last.flow_style:
            inner = " " * last.value[0][0].start_mark.column
            lines = [pad + "- " + item_block[0]] + [inner + line for line in item_block[1:]]
        else:
            lines = [pad + "- " + item_flow]
        self._insert_line_after(last, self.newline.join(lines))

    def fill_empty_flow(self, sequence_at: DocPath, item_lines: list[str]) -> None:
        """Write the first item of an empty flow list that is the value of a block mapping's key (`tasks: []`) in
        block style under that key: `[]` goes, a comment after it stays on the key's line."""
        node = self.node(sequence_at)
        parent = self.node(sequence_at[:-1])
        if not (isinstance(node, SequenceNode) and node.flow_style and not node.value) or parent.flow_style:
            raise ValueError(f"{'/'.join(map(str, sequence_at))} is not an empty flow list in a block mapping")
        key = next(k for k, _ in parent.value if k.value == sequence_at[-1])
        start = len(self.text[: node.start_mark.index].rstrip(" "))
        self.text = self.text[:start] + self.text[node.end_mark.index :]
        indent = " " * (key.start_mark.column + 2)
        lines = [indent + "- " + item_lines[0]] + [indent + "  " + line for line in item_lines[1:]]
        eol = self.text.find("\n", start)
        if eol == -1:
            self.text = self.text + self.newline + self.newline.join(lines)
            return
        self.text = self.text[: eol + 1] + self.newline.join(lines) + self.newline + self.text[eol + 1 :]

    def _dash_column(self, item: Node) -> int:
        """The column of the '- ' that introduces a block sequence item."""
        line_start = self.text.rfind("\n", 0, item.start_mark.index) + 1
        dash = self.text.rfind("-", line_start, item.start_mark.index)
        return (dash - line_start) if dash >= 0 else max(item.start_mark.column - 2, 0)

    def _insert_in_flow(self, node: Node, entry: str) -> None:
        """Add `entry` after the last entry of a flow collection: `[]` → `[entry]`, `[a]` → `[a, entry]`. Where the
        collection is written one entry per line with trailing commas, the entry gets its own line in that style."""
        close = node.end_mark.index - 1  # the index of ']' or '}'
        if not node.value:
            self.text = self.text[:close] + entry + self.text[close:]
            return
        last = node.value[-1]
        end = (last[1] if isinstance(last, tuple) else last).end_mark.index
        after = self.text[end:close]
        eol = after.find("\n")
        if eol == -1 or "," not in after[:eol]:
            self.text = self.text[:end] + ", " + entry + self.text[end:]
            return
        line = self.text[self.text.rfind("\n", 0, end) + 1 : end]
        indent = line[: len(line) - len(line.lstrip(" "))]
        at = end + eol + 1
        self.text = self.text[:at] + indent + entry + "," + self.newline + self.text[at:]

    def _insert_line_after(self, node: Node, line: str) -> None:
        """Insert `line` as a new line after the line on which `node` ends (after any comment on that line)."""
        leaf = _last_leaf(node)
        end = leaf.end_mark.index
        if isinstance(leaf, ScalarNode) and leaf.style in ("|", ">") and self.text[:end].endswith("\n"):
            at = (
                end  # a block scalar ends at the start of the line after it (and its blank lines, which may be its own)
            )
        else:
            eol = self.text.find("\n", end)
            if eol == -1:  # the last line, without a newline: keep it that way
                self.text = self.text + self.newline + line
                return
            at = eol + 1
        self.text = self.text[:at] + line + self.newline + self.text[at:]


def _last_leaf(node: Node) -> Node:
    """The last scalar or flow collection inside `node`: where its text really ends (a block collection's own end
    mark lies at the next token, after any comments between)."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _child(node: Node, step: str | int) -> Node:
    if isinstance(node, MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if key.value == step:
                return value
        raise KeyError(step)
    if isinstance(node, SequenceNode) and isinstance(step, int):
        return node.value[step]
    raise KeyError(step)
