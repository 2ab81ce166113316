"""The Chinese string literals of a module, for the tests that keep texts translatable."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def chinese_literals(
    tree: ast.Module,
) -> Iterator[tuple[ast.Constant, dict[ast.AST, ast.AST]]]:
    """Each string constant with Chinese in it (docstrings aside), with the module's map from a
    node to its parent (to see what call a literal is given to)."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if node not in docstrings and CJK.search(node.value):
            yield node, parents
