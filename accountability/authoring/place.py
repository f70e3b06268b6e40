"""Placing values emitted by ruamel.yaml (`authoring.emit`) in a file's text through the splicer (`files.splice`), in
the style of what is around them: a flow value inside `{…}` or `[…]`, block lines in a block collection.

Setting a mapping where one is written merges key by key, so a review written again changes only the values that
differ, and leaves the assigner's note, a comment or the key order as they were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accountability.authoring import emit
from accountability.files.splice import Source
from accountability.problems import DocPath


def put(source: Source, mapping_at: DocPath, key: str, value: Any) -> None:
    """`key: value` in the mapping at `mapping_at`: in place where the key is written, else as its last entry."""
    if not _is_collection(value):
        source.set_key(mapping_at, key, emit.scalar(value))
        return
    if source.has_key(mapping_at, key):
        node = source.node((*mapping_at, key))
        if isinstance(value, Mapping) and isinstance(node, MappingNode):
            for name, item in value.items():
                put(source, (*mapping_at, key), name, item)
            return
        if isinstance(node, ScalarNode):  # written empty: `review:` or `review: ~`
            source.set_scalar((*mapping_at, key), emit.flow(value))
            return
        raise ValueError(f"{'/'.join(map(str, (*mapping_at, key)))} holds another kind of value")
    if source.node(mapping_at).flow_style:
        source.add_key(mapping_at, key, emit.flow(value))
    else:
        source.add_key(mapping_at, key, "", block=emit.block(value))


def append(source: Source, mapping_at: DocPath, key: str, item: Mapping[str, Any], compact: bool = False) -> None:
    """Add `item` as the last entry of the list under `key`, writing the list when there is none; `compact` writes
    the item of a new list on one line (`- {on: 2023-06-30, value: 3}`) and keeps an empty flow list in flow style,
    where an empty `tasks: []` otherwise becomes a block list."""
    if not source.has_key(mapping_at, key):
        put(source, mapping_at, key, [emit.tree(item, flow=compact)])
        return
    at = (*mapping_at, key)
    node = source.node(at)
    if isinstance(node, ScalarNode):  # `amendments:` written empty
        source.set_scalar(at, emit.flow([item]))
    elif _empty_flow(node) and not compact and not source.node(mapping_at).flow_style:
        source.fill_empty_flow(at, emit.block(item))
    else:
        source.append_item(at, emit.flow(item), emit.block(item))


def _empty_flow(node: Node) -> bool:
    return isinstance(node, SequenceNode) and node.flow_style and not node.value


def _is_collection(value: Any) -> bool:
    return isinstance(value, Mapping) or (isinstance(value, Sequence) and not isinstance(value, str))
