"""Safe YAML parsing with limits: size, node count, nesting and alias expansion.

The C loader (libyaml) is used when PyYAML was built with it; the pure-Python safe loader is the
fallback. Only the safe loaders are ever used, so tags such as ``!!python/object`` are errors.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from jgstudy.core.gcpause import collector_paused
from jgstudy.core.text import N_, Msg, msg

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 32 * 1024 * 1024
# PyYAML holds every node (~300 bytes each) at once: the limit bounds memory for files of many
# tiny values, which the byte limit alone does not. A 50,000-question bank has ~1.5 million.
MAX_NODES = 2_000_000
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000
VALUE_ERROR = N_("无法识别的值")
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]+", re.MULTILINE)


class YamlLimitError(Exception):
    """The document breaks one of the limits; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: Msg, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class DuplicateKeys(Exception):
    """Keys given twice in one mapping: ``(line, column, message)`` of each later one (1-based)."""

    def __init__(self, found: list[tuple[int, int, str]]) -> None:
        super().__init__(found[0][2])
        self.found = found


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _CheckedSafeLoader(SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, with values that match a type but cannot be built reported as errors,
    and keys given twice in one mapping collected (PyYAML silently keeps the last)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, int, str]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[tuple[str, str], int] = {}
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE_TAG:
                continue  # "<<" merges may override; complex keys are refused elsewhere
            line = key.start_mark.line + 1
            first = seen.setdefault((key.tag, key.value), line)
            if first != line:
                message = msg(
                    "键“{key:.40}”重复（第 {first} 行已有），两个值只会保留一个",
                    key=key.value,
                    first=first,
                )
                self.duplicates.append((line, key.start_mark.column + 1, message))
        return super().construct_mapping(node, deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, TypeError, LookupError, AttributeError) as exc:
            # PyYAML's own failures on values that look typed but are not: 2026-13-45 (a date),
            # !!int x, !!bool maybe, an empty !!float, !!timestamp abc, 5000-digit integers.
            raise yaml.constructor.ConstructorError(
                None,
                None,
                msg(
                    "无法识别的值 {value!r:.40}（{error}）；如果是文本，请加引号",
                    value=node.value,
                    error=exc,
                ),
                node.start_mark,
            ) from exc


def parse(text: str) -> Any:
    """Parse one YAML document safely, enforcing the node, alias and nesting limits."""
    check_node_count(text)
    if _ANCHOR_RE.search(text):
        check_aliases(compose(text), text)
    loader = _CheckedSafeLoader(text)
    try:
        with collector_paused():
            data = loader.get_single_data()
    finally:
        loader.dispose()
    if loader.duplicates:
        raise DuplicateKeys(loader.duplicates)
    check_depth(data)
    return data


def check_node_count(text: str) -> None:
    """Reject documents of more than ``MAX_NODES`` nodes, before any node is built."""
    if len(text) <= MAX_NODES // 2:
        return  # n characters hold at most 2n nodes (test_fuzz_banks checks it), so no scan
    count = 0
    for event in yaml.parse(text, Loader=SafeLoader):  # a stream: constant memory
        if isinstance(event, yaml.NodeEvent):
            count += 1
            if count > MAX_NODES:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                message = msg("文件中的值过多（超过 {limit} 个），文件已拒绝", limit=MAX_NODES)
                raise YamlLimitError(message, line, column)


def compose(text: str) -> yaml.Node | None:
    """The node graph of a document, with positions (used to locate problems)."""
    node: yaml.Node | None = yaml.compose(text, Loader=SafeLoader)
    return node


def check_aliases(root: yaml.Node | None, text: str = "") -> None:
    """Reject documents whose aliases repeat more than ``MAX_ALIAS_NODES`` nodes in all."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in _children(node))
        elif id(node) not in visiting:
            visiting.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node) if id(c) not in visiting)
    if sizes[id(root)] - len(sizes) > MAX_ALIAS_NODES:
        match = _ANCHOR_RE.search(text)
        offset = match.start() if match else 0
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise YamlLimitError(
            msg(
                "别名（*引用）展开后重复的节点过多（超过 {limit} 个），文件已拒绝",
                limit=MAX_ALIAS_NODES,
            ),
            line,
            column,
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def check_depth(data: Any) -> None:
    """Reject data nested deeper than ``MAX_DEPTH``."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YamlLimitError(msg("嵌套层数超过 {limit} 层", limit=MAX_DEPTH))
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
