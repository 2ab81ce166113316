"""Errors the GUI shows go through ``tr_error`` (or ``tr_msg``), never ``str(exc)``.

The core raises its errors with a :class:`jgstudy.core.text.Msg`; ``str(exc)`` or formatting the
exception into a text makes a plain Chinese copy that the English interface cannot translate.
This scan covers the exceptions a GUI module catches (``except … as exc``) and the failure
callbacks it is handed (a parameter typed ``Exception``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "src" / "jgstudy" / "gui"
EXCEPTION_TYPES = {"Exception", "BaseException"}
# Errors that do not come from the core, shown as their library words them (with why).
ALLOWED = {
    "competition/sounds.py": "QtMultimedia's own failures, shown as a technical detail",
}


def _error_scopes(tree: ast.Module) -> Iterator[tuple[str, list[ast.stmt]]]:
    """(name, statements where it holds an exception) for handlers and failure callbacks."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.name:
            yield node.name, node.body
        elif isinstance(node, ast.FunctionDef | ast.Lambda):
            args = node.args.args if isinstance(node, ast.FunctionDef) else []
            for arg in args:
                if arg.annotation is not None and ast.unparse(arg.annotation) in EXCEPTION_TYPES:
                    assert isinstance(node, ast.FunctionDef)
                    yield arg.arg, node.body


def _shown_raw(name: str, body: list[ast.stmt]) -> Iterator[int]:
    """Lines where the exception ``name`` itself becomes text."""
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if not isinstance(node, ast.Call):
            if isinstance(node, ast.FormattedValue) and ast.unparse(node.value) == name:
                yield node.lineno
            continue
        if ast.unparse(node.func) == "str" and [ast.unparse(a) for a in node.args] == [name]:
            yield node.lineno
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            lines = [k.value.lineno for k in node.keywords if ast.unparse(k.value) == name]
            yield from lines


def test_errors_are_shown_through_tr_error() -> None:
    found = []
    for path in sorted(GUI.rglob("*.py")):
        module = path.relative_to(GUI).as_posix()
        if module in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, body in _error_scopes(tree):
            found += [f"{module}:{line}: {name}" for line in _shown_raw(name, body)]
    assert not found, "show these with tr_error(exc):\n" + "\n".join(sorted(set(found)))
