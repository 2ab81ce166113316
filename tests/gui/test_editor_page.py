"""The bank editor page: live checks by field, undo by keyboard, saving, and the live preview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from jgstudy.core.banks import load_bank
from jgstudy.core.model import display_stem
from jgstudy.gui.editor import BankEditor
from jgstudy.gui.editor.listmodel import PROBLEM_ROLE

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "banks" / "sample.yaml"
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
FILL = 3  # f1: 市直单位评定“四强”党支部{{1}}个，“四好党员”{{2}}名。
BLANK_MESSAGE = "题干中有 1 个空（{{1}} 或（ ）），但答案给出了 2 组"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def editor(qtbot: QtBot, bank: Path) -> BankEditor:
    page = BankEditor(inform=lambda *_a: None, ask_save=lambda *_a: "cancel")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.open_path(bank)
    return page


def focus(qtbot: QtBot, widget: QPlainTextEdit) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def delete_text(qtbot: QtBot, edit: QPlainTextEdit, text: str) -> None:
    """Select ``text`` in the field and press Backspace, as the trainer would."""
    start = edit.toPlainText().index(text)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def type_at_end(qtbot: QtBot, edit: QPlainTextEdit, text: str) -> None:
    """Type at the end of the field: ASCII by keys, Chinese as an input method commits it."""
    edit.moveCursor(QTextCursor.MoveOperation.End)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


def test_a_wrong_blank_count_is_shown_next_to_the_blanks_until_fixed(
    qtbot: QtBot, editor: BankEditor
) -> None:
    workspace, form = editor.workspace, editor.workspace.form
    workspace.select(FILL)
    assert workspace.problems.lines() == []
    delete_text(qtbot, form.stem, "{{2}}")
    qtbot.waitUntil(lambda: form.boxes["blanks"].messages == [BLANK_MESSAGE])
    assert form.boxes["blanks"].error.isVisible()
    assert form.fill.rows.property("problem") is True  # the red border
    assert form.boxes["stem"].messages == []  # the message is at the field it is about
    assert workspace.problems.lines() == [f"第 4 题（f1）：{BLANK_MESSAGE}"]
    assert workspace.model.index(FILL).data(PROBLEM_ROLE) is True  # the red dot
    type_at_end(qtbot, form.stem, "{{2}}")
    qtbot.waitUntil(lambda: form.boxes["blanks"].messages == [])
    assert not form.boxes["blanks"].error.isVisible()
    assert form.fill.rows.property("problem") is False
    assert workspace.problems.lines() == []
    assert workspace.model.index(FILL).data(PROBLEM_ROLE) is False


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_a_burst_of_typing(
    qtbot: QtBot, editor: BankEditor
) -> None:
    form, stack = editor.workspace.form, editor.workspace.stack
    original = form.stem.toPlainText()
    focus(qtbot, form.stem)
    type_at_end(qtbot, form.stem, "（补充）")
    assert editor.document.question(0)["stem"] == original + "（补充）"
    assert stack.count() == 1  # five keystrokes, one undo step
    assert editor.is_dirty() and "*" in editor.file_label.text()
    qtbot.keyClick(form.stem, Qt.Key.Key_Z, Ctrl)
    assert form.stem.toPlainText() == original
    assert editor.document.question(0)["stem"] == original
    assert not editor.is_dirty()
    qtbot.keyClick(form.stem, Qt.Key.Key_Z, Ctrl | Shift)
    assert form.stem.toPlainText() == original + "（补充）"
    assert editor.document.question(0)["stem"] == original + "（补充）"


def test_a_new_tick_is_saved_with_ctrl_s_and_loads_as_the_answer(
    qtbot: QtBot, editor: BankEditor, bank: Path
) -> None:
    form = editor.workspace.form
    editor.workspace.select(0)  # s1, answer C
    qtbot.mouseClick(form.choice.ticks["A"], Qt.MouseButton.LeftButton)
    assert editor.document.question(0)["answer"] == "A"
    assert not form.choice.ticks["C"].isChecked()
    editor.workspace.view.setFocus()
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(editor.workspace.view, Qt.Key.Key_S, Ctrl)
    assert saved.args == [bank]
    assert yaml.safe_load(bank.read_text(encoding="utf-8"))["questions"][0]["answer"] == "A"
    assert load_bank(bank).bank.questions[0].answer == "A"  # type: ignore[union-attr]
    assert not editor.is_dirty()


def test_the_preview_shows_the_edited_stem_as_practice_does(
    qtbot: QtBot, editor: BankEditor
) -> None:
    workspace = editor.workspace
    workspace.select(0)
    type_at_end(qtbot, workspace.form.stem, "（新）")
    expected = display_stem(editor.document.question(0)["stem"])

    def shown() -> bool:
        card = workspace.preview.card
        return card is not None and card.stem.text() == expected

    qtbot.waitUntil(shown)
    workspace.preview.reveal.setChecked(True)
    card = workspace.preview.card
    assert card is not None and card.feedback.isVisible()
    assert card.feedback.explanation.text().startswith("解析：大讲堂全年举办6期")


def test_clicking_a_problem_goes_to_its_question_and_field(
    qtbot: QtBot, editor: BankEditor
) -> None:
    workspace, form = editor.workspace, editor.workspace.form
    workspace.select(4)
    focus(qtbot, form.explanation)
    qtbot.keyClick(form.explanation, Qt.Key.Key_A, Ctrl)
    qtbot.keyClick(form.explanation, Qt.Key.Key_Backspace)
    workspace.select(0)
    qtbot.waitUntil(lambda: len(workspace.problems.lines()) == 1)
    assert workspace.problems.lines() == ["第 5 题（f2）：解析 explanation：不能为空"]
    item = workspace.problems.list.item(0)
    rect = workspace.problems.list.visualItemRect(item)
    qtbot.mouseClick(
        workspace.problems.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert workspace.current() == 4
    qtbot.waitUntil(form.explanation.hasFocus)
    assert form.boxes["explanation"].messages == ["解析 explanation：不能为空"]


def test_save_does_not_publish_and_publish_is_its_own_action(
    qtbot: QtBot, editor: BankEditor, bank: Path
) -> None:
    editor.workspace.select(0)
    qtbot.mouseClick(editor.workspace.form.choice.ticks["A"], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(editor.bank_ready), qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.bank_ready) as ready:
        qtbot.mouseClick(editor.buttons["publish"], Qt.MouseButton.LeftButton)
    assert ready.args == [bank]
