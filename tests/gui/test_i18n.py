"""The interface language: every text in the GUI goes through tr() and has an English entry."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from literals import CJK, chinese_literals
from PySide6.QtWidgets import QPushButton

from jgstudy.core.model import QTYPE_LABELS
from jgstudy.core.records import UserInfo
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.i18n import language, tr
from jgstudy.gui.i18n_en import EN

GUI = Path(__file__).resolve().parents[2] / "src" / "jgstudy" / "gui"
MARKERS = {"tr", "N_", "trc"}
# Deliberately Chinese: the language's own name, the weekday characters of the Chinese date,
# samples of bank content and a wide glyph that size widgets, and a log message.
ALLOWED = {
    ("prefs.py", "简体中文"),
    ("home.py", "一二三四五六日"),
    ("browser.py", "武汉机关党建2025・"),
    ("browser.py", "先锋直播间、赋能"),
    ("competition/sounds.py", "无法播放提示音 %s"),
    ("practice/fill.py", "中"),
    # The core's Chinese separators and their English (tr_msg joins translated parts).
    *(("i18n.py", separator) for separator in ("；", "，", "、", "。", "：")),
}
SKIPPED_FILES = {"i18n_en.py"}
# Fields given to a template for the English only (month and day names).
EXTRA_FIELDS = {"abbr", "weekday_name", "month_name"}


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(GUI.rglob("*.py")):
        name = path.relative_to(GUI).as_posix()
        if name not in SKIPPED_FILES and not name.startswith("i18n_en_"):
            yield name, ast.parse(path.read_text(encoding="utf-8"))


def _is_marker(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
    )


def _is_regex(node: ast.AST) -> bool:
    func = node.func if isinstance(node, ast.Call) else None
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "re"
    )


def _key(call: ast.Call) -> str | None:
    """The catalog key of tr("…"), N_("…") or trc("context", "…")."""
    texts = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if not texts:
        return None
    assert isinstance(call.func, ast.Name)
    if call.func.id == "trc":  # trc("column", name): the text is a table's, checked there
        return "\x04".join(texts[:2]) if len(texts) > 1 else None
    return texts[0]


def translated_keys() -> dict[str, str]:
    """Each string literal given to tr() or N_(), with where it is."""
    keys: dict[str, str] = {}
    for name, tree in _sources():
        for node in ast.walk(tree):
            if _is_marker(node):
                assert isinstance(node, ast.Call)
                key = _key(node)
                if key is not None:
                    keys.setdefault(key, f"{name}:{node.lineno}")
    return keys


def untranslated_literals() -> list[str]:
    """Chinese string literals in use (not docstrings) that are not inside tr() or N_()."""
    found = []
    for name, tree in _sources():
        for node, parents in chinese_literals(tree):
            if (name, node.value) in ALLOWED:
                continue
            parent = parents.get(node)
            if parent is not None and (_is_marker(parent) or _is_regex(parent)):
                continue
            found.append(f"{name}:{node.lineno}: {node.value!r}")
    return found


def test_every_translated_text_has_english() -> None:
    keys = translated_keys()
    missing = [f"{where}: {key!r}" for key, where in keys.items() if key not in EN]
    assert not missing, "no English for:\n" + "\n".join(missing)


def test_english_catalog_has_no_chinese() -> None:
    # （ ） is bank syntax for a blank, so it stays as it is typed.
    chinese = [
        f"{key!r}: {value!r}" for key, value in EN.items() if CJK.search(value.replace("（ ）", ""))
    ]
    assert not chinese, "\n".join(chinese)


def test_question_types_have_english() -> None:
    """The type labels come from the core and are translated where they are shown."""
    assert all(label in EN for label in QTYPE_LABELS.values())


def test_english_templates_keep_their_fields() -> None:
    """The English of a template uses only the fields the Chinese one is given."""
    fields = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)")
    wrong = [
        f"{key!r}: {value!r}"
        for key, value in EN.items()
        if not set(fields.findall(value)) <= set(fields.findall(key)) | EXTRA_FIELDS
    ]
    assert not wrong, "\n".join(wrong)


def test_no_untranslated_chinese_literals() -> None:
    found = untranslated_literals()
    assert not found, "wrap these in tr() (or N_() for module-level tables):\n" + "\n".join(found)


def _nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def _button_texts(widget: object) -> set[str]:
    assert hasattr(widget, "findChildren")
    return {b.text() for b in widget.findChildren(QPushButton)}


def test_english_window(
    english: None, make_window: Callable[[], MainWindow], cadre: UserInfo
) -> None:
    assert language() == "en"
    window = make_window()
    titles = _nav_titles(window)
    assert titles[:4] == ["Home", "Practice", "Focused practice", "Mock exam"]
    assert "Settings" in titles
    assert not any(CJK.search(t) for t in titles)
    home = _button_texts(window.views["home"])
    assert any(t.startswith("Review due") for t in home), home
    assert any(t.startswith("Learn new") for t in home), home
    window.navigate("practice")
    practice = window.views["practice"]
    assert practice.title.text() == "Practice"
    assert tr("综合练习") == "Mixed practice"


def test_chinese_window(make_window: Callable[[], MainWindow], cadre: UserInfo) -> None:
    assert language() == "zh_CN"
    window = make_window()
    assert _nav_titles(window)[:4] == ["首页", "练习", "专项练习", "模拟考试"]
    home = _button_texts(window.views["home"])
    assert any(t.startswith("开始复习") for t in home), home
    assert window.views["practice"].title.text() == "练习"
