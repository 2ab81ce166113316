"""The editor's parts: the question list, options, blanks, keywords, type changes, bank info."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from jgstudy.gui.editor import BankEditor
from jgstudy.gui.editor.choices import with_option_removed

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "banks" / "sample.yaml"
Ctrl = Qt.KeyboardModifier.ControlModifier
Alt = Qt.KeyboardModifier.AltModifier
Left = Qt.MouseButton.LeftButton


@pytest.fixture
def editor(qtbot: QtBot, tmp_path: Path) -> BankEditor:
    bank = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, bank)
    page = BankEditor(inform=lambda *_a: None, ask_save=lambda *_a: "discard")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.open_path(bank)
    return page


def ids(editor: BankEditor) -> list[str]:
    return editor.document.ids()


def test_keys_add_delete_and_move_questions(qtbot: QtBot, editor: BankEditor) -> None:
    workspace = editor.workspace
    view = workspace.view
    workspace.select(1)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_N, Ctrl)  # a new question of the same type, after m1
    assert ids(editor)[2] == "m2" and editor.document.question(2)["type"] == "multiple"
    assert workspace.current() == 2
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert ids(editor) == ["s1", "m1", "j1", "f1", "f2", "sh1"]
    qtbot.keyClick(view, Qt.Key.Key_Down, Alt)  # the current question is j1 (index 2)
    assert ids(editor) == ["s1", "m1", "f1", "j1", "f2", "sh1"] and workspace.current() == 3
    for _ in range(3):
        workspace.undo()
    assert ids(editor) == ["s1", "m1", "j1", "f1", "f2", "sh1"]
    workspace.undo()
    assert "m2" not in ids(editor)
    workspace.redo()
    assert ids(editor)[2] == "m2"


def test_buttons_duplicate_and_move_and_rows_can_be_dragged(
    qtbot: QtBot, editor: BankEditor
) -> None:
    workspace = editor.workspace
    workspace.select(0)
    panel = workspace.list_panel
    buttons = {b.text(): b for b in panel.findChildren(type(panel.add_button))}
    qtbot.mouseClick(buttons["复制"], Left)
    assert ids(editor)[:2] == ["s1", "s2"]
    assert editor.document.question(1)["options"] == editor.document.question(0)["options"]
    qtbot.mouseClick(buttons["↓"], Left)
    assert ids(editor)[:3] == ["s1", "m1", "s2"]
    qtbot.mouseClick(buttons["↑"], Left)
    assert ids(editor)[:2] == ["s1", "s2"]
    model = workspace.model
    data = model.mimeData([model.index(6)])  # drag sh1 onto the top of the list
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is True
    assert ids(editor)[0] == "sh1" and workspace.current() == 0
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole).startswith("sh1")
    workspace.undo()
    assert ids(editor)[-1] == "sh1"


def test_options_can_be_added_removed_and_ticked(qtbot: QtBot, editor: BankEditor) -> None:
    workspace, choice = editor.workspace, editor.workspace.form.choice
    workspace.select(0)  # s1: A 4期, B 5期, C 6期 (right), D 8期
    qtbot.waitUntil(choice.removers["B"].isVisible)
    qtbot.mouseClick(choice.removers["B"], Left)
    question = editor.document.question(0)
    assert question["options"] == {"A": "4期", "B": "6期", "C": "8期"}
    assert question["answer"] == "B"  # C moved up a letter with its option
    assert choice.ticks["B"].isChecked() and list(choice.texts) == ["A", "B", "C"]
    qtbot.mouseClick(choice.add_button, Left)
    assert list(editor.document.question(0)["options"]) == ["A", "B", "C", "D"]
    qtbot.waitUntil(choice.texts["D"].isVisible)
    qtbot.keyClicks(choice.texts["D"], "12")
    assert editor.document.question(0)["options"]["D"] == "12"
    workspace.select(1)  # m1: A, B, D right — check boxes now
    qtbot.waitUntil(choice.ticks["C"].isVisible)
    qtbot.mouseClick(choice.ticks["C"], Left)
    qtbot.mouseClick(choice.ticks["A"], Left)
    assert editor.document.question(1)["answer"] == ["B", "C", "D"]


def test_removing_the_right_option_asks_for_a_new_tick() -> None:
    question = {"type": "single", "options": {"A": "甲", "B": "乙"}, "answer": "A"}
    assert "answer" not in with_option_removed(question, "A")
    multiple = {
        "type": "multiple",
        "options": {"A": "甲", "B": "乙", "C": "丙"},
        "answer": ["A", "C"],
    }
    assert with_option_removed(multiple, "A")["answer"] == ["B"]


def test_blank_rows_follow_the_stem_and_take_answers(qtbot: QtBot, editor: BankEditor) -> None:
    workspace, fill = editor.workspace, editor.workspace.form.fill
    workspace.select(3)  # f1: two blanks
    assert [e.text() for e in fill.edits] == ["294", "547 | 五百四十七"]
    fill.edits[0].selectAll()
    qtbot.keyClicks(fill.edits[0], "294 | 294.0")
    assert editor.document.question(3)["blanks"][0] == ["294", "294.0"]
    workspace.form.stem.setPlainText("三个空{{1}}{{2}}{{3}}")
    assert len(fill.edits) == 3 and fill.edits[2].text() == ""
    qtbot.keyClicks(fill.edits[2], "x")
    assert editor.document.question(3)["blanks"][2] == ["x"]
    assert "三个空" in editor.document.question(3)["stem"]


def test_keywords_are_edited_in_the_table(qtbot: QtBot, editor: BankEditor) -> None:
    workspace, short = editor.workspace, editor.workspace.form.short
    workspace.select(5)  # sh1
    assert short.table.item(1, 2).text() == "庭审"
    short.table.item(0, 2).setText("警示 | 警示教育基地")
    short.table.item(1, 1).setText("2")
    keywords = editor.document.question(5)["keywords"]
    assert keywords[0] == {"word": "警示教育", "points": 1, "aliases": ["警示", "警示教育基地"]}
    assert keywords[1]["points"] == 2
    qtbot.mouseClick(short.add_button, Left)
    assert editor.document.question(5)["keywords"][-1] == {"word": ""}
    short.table.setCurrentItem(short.table.item(2, 0) or QTableWidgetItem())
    qtbot.mouseClick(short.remove_button, Left)
    assert len(editor.document.question(5)["keywords"]) == 2


def test_changing_the_type_keeps_the_common_fields(qtbot: QtBot, editor: BankEditor) -> None:
    workspace, form = editor.workspace, editor.workspace.form
    workspace.select(0)
    before = dict(editor.document.question(0))
    form.type_combo.setFocus()
    qtbot.keyClick(form.type_combo, Qt.Key.Key_Down)  # 单选题 → 多选题
    after = editor.document.question(0)
    assert after["type"] == "multiple" and after["answer"] == ["C"]
    assert {k: after[k] for k in ("id", "stem", "explanation", "tags", "source")} == {
        k: before[k] for k in ("id", "stem", "explanation", "tags", "source")
    }
    assert isinstance(form.choice.ticks["C"], type(form.choice.ticks["C"]))
    assert form.choice.ticks["C"].isChecked()
    workspace.undo()
    assert editor.document.question(0) == before


def test_bank_information_is_edited_in_a_dialog(qtbot: QtBot, editor: BankEditor) -> None:
    dialog = editor.edit_properties()
    assert dialog.title_edit.text() == "测试题库"
    dialog.title_edit.setText("修改后的题库")
    dialog.tags.setText("测试，新标签")
    dialog.accept()
    header = editor.document.header
    assert header["title"] == "修改后的题库" and header["tags"] == ["测试", "新标签"]
    assert editor.title_label.text() == "修改后的题库" and editor.is_dirty()
    editor.workspace.undo()
    assert editor.document.header["title"] == "测试题库"
    bad = editor.edit_properties()
    bad.id_edit.setText("不合法 编号")
    bad.accept()
    editor.workspace.revalidate()
    assert editor.workspace.problems.lines()[0].startswith("题库信息：")
    shown = editor.edit_properties()
    assert shown.boxes["id"].messages and shown.boxes["title"].messages == []
    shown.reject()
