"""Find the line and column of the YAML node a problem's path points at."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from jgstudy.core.banks.errors import Path_, PendingProblem, Problem
from jgstudy.core.banks.yamlsafe import compose


def locate(file: Path, text: str, pending: Iterable[PendingProblem]) -> list[Problem]:
    """Give each pending problem the position of the deepest node its path reaches."""
    root = compose(text)
    placed = (place(file, root, p.path, p.message) for p in pending)
    return sorted(placed, key=lambda p: (p.line, p.column))


def place(file: Path, root: yaml.Node | None, path: Path_, message: str) -> Problem:
    """``message`` at the deepest node of ``root`` (a composed document) that ``path`` reaches."""
    node = _walk(root, path) if root is not None else None
    line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
    return Problem(file, line, column, message)


def _walk(node: yaml.Node, path: Path_) -> yaml.Node:
    """Descend as far as the path leads; parts that are not in the document are skipped."""
    for part in path:
        child = _child(node, part)
        if child is not None:
            node = child
    return node


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                found: yaml.Node = value
                return found
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        items: list[yaml.Node] = node.value
        return items[part] if 0 <= part < len(items) else None
    return None
