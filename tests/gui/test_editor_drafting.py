"""从材料生成: draft from a material, review with the keyboard, add the accepted to the bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from contrast import contrast
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from jgstudy.gui.editor.drafting import DraftDialog, Verdict, preview_text
from jgstudy.gui.editor.page import BankEditor
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import set_language
from jgstudy.gui.prefs import Preferences

MATERIAL = Path(__file__).parents[1] / "data" / "materials" / "two_places_report.txt"


@pytest.fixture
def dialog(qtbot: QtBot) -> DraftDialog:
    dialog = DraftDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.load_material(MATERIAL)
    dialog.start_drafting()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    QThreadPool.globalInstance().waitForDone()
    return dialog


def test_candidates_are_shown_beside_their_highlighted_source(dialog: DraftDialog) -> None:
    assert dialog.list.count() == len(dialog.candidates) > 5
    candidate = dialog.candidates[dialog.current() or 0]
    assert candidate.quote in dialog.source.toPlainText()
    [mark] = dialog.source.extraSelections()  # the quote is marked
    assert mark.cursor.selectedText() == candidate.quote
    assert dialog.stem_edit.toPlainText() == candidate.question["stem"]


def test_the_marked_quote_stays_readable_in_the_dark_scheme(dialog: DraftDialog) -> None:
    """The light amber mark kept the dark scheme's light text: white on yellow, unreadable."""
    dialog.source.setStyleSheet("QPlainTextEdit { color: #e5e7eb; background: #1f2125; }")
    [mark] = dialog.source.extraSelections()
    ink = (
        mark.format.foreground().color()
        if mark.format.hasProperty(QTextFormat.Property.ForegroundBrush)
        else dialog.source.palette().text().color()
    )
    assert contrast(ink, mark.format.background().color()) >= 4.5  # WCAG AA for normal text


def test_keys_accept_reject_and_move_on(qtbot: QtBot, dialog: DraftDialog) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_A)
    assert dialog.verdicts[0] is Verdict.ACCEPTED
    assert dialog.current() == 1
    qtbot.keyClick(dialog.list, Qt.Key.Key_R)
    assert dialog.verdicts[1] is Verdict.REJECTED
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.verdicts[2] is Verdict.ACCEPTED
    assert dialog.list.item(0).text().startswith("✓")
    assert dialog.list.item(1).text().startswith("✗")
    assert "2" in dialog.add_button.text()


def test_t_switches_to_another_form_of_the_same_fact(qtbot: QtBot, dialog: DraftDialog) -> None:
    row = next(i for i, c in enumerate(dialog.candidates) if len(c.forms) > 1)
    dialog.list.setCurrentRow(row)
    dialog.list.setFocus()
    before = dialog.question(row)["type"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_T)
    assert dialog.question(row)["type"] != before
    assert dialog.candidates[row].fact == dialog.candidates[row].with_choice(0).fact


def test_an_edited_stem_is_kept_and_typing_never_triggers_a_verdict(
    qtbot: QtBot, dialog: DraftDialog
) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_E)
    assert dialog.stem_edit.hasFocus()
    dialog.stem_edit.selectAll()
    dialog.stem_edit.insertPlainText("改写后的题干")  # QTest types ASCII only
    qtbot.keyClicks(dialog.stem_edit, "ARTE")
    assert dialog.verdicts[0] is Verdict.PENDING  # A, R, T, E were typed, not obeyed
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_A)
    [question] = dialog.accepted_questions()
    assert question["stem"] == "改写后的题干ARTE"


def test_accepted_questions_lose_their_draft_status(qtbot: QtBot, dialog: DraftDialog) -> None:
    dialog.list.setFocus()
    for _ in range(3):
        qtbot.keyClick(dialog.list, Qt.Key.Key_A)
    questions = dialog.accepted_questions()
    assert len(questions) == 3
    assert all("status" not in q and "草稿" not in q["tags"] for q in questions)


def test_the_editor_adds_the_accepted_questions_as_one_undoable_step(
    qtbot: QtBot, dialog: DraftDialog
) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_A)
    qtbot.keyClick(dialog.list, Qt.Key.Key_A)

    class Reviewed(DraftDialog):
        def __new__(cls, _parent: QWidget, _files: FileChooser) -> DraftDialog:  # type: ignore[misc]
            return dialog

    dialog.exec = lambda: DraftDialog.DialogCode.Accepted  # type: ignore[method-assign]
    editor = BankEditor(
        inform=lambda *_a: None, ask_save=lambda *_a: "cancel", make_draft_dialog=Reviewed
    )
    qtbot.addWidget(editor)
    before = len(editor.document)
    assert editor.draft_from_material() == 2
    assert len(editor.document) == before + 2
    stems = [editor.document.question(i)["stem"] for i in range(len(editor.document))]
    assert dialog.question(0)["stem"] in stems
    assert not editor.document.drafts()
    editor.workspace.undo()
    assert len(editor.document) == before


def test_an_unreadable_material_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = DraftDialog()
    qtbot.addWidget(dialog)
    assert not dialog.load_material(tmp_path / "missing.txt")
    assert "找不到" in dialog.status.text()


def test_the_material_chooser_starts_in_the_folder_used_last(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor's last folder is where the material dialog opens, and a material's folder is
    remembered for the next dialog (the bank's save dialog included)."""
    banks, materials = tmp_path / "banks", tmp_path / "materials"
    banks.mkdir(), materials.mkdir()
    material = materials / "report.txt"
    material.write_text(MATERIAL.read_text(encoding="utf-8"), encoding="utf-8")
    files = FileChooser(prefs)
    files.remember(banks / "bank.yaml")
    started_in: list[str] = []

    def pick(_parent: QWidget, _title: str, folder: str, _filters: str) -> tuple[str, str]:
        started_in.append(folder)
        return str(material), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    dialog = DraftDialog(None, files)
    qtbot.addWidget(dialog)
    dialog.choose_material()
    assert started_in == [str(banks)]
    assert dialog.material.toPlainText() == MATERIAL.read_text(encoding="utf-8")
    assert files.start_folder() == materials


def test_in_english_the_other_forms_note_is_spaced_from_the_type() -> None:
    set_language("en")
    try:
        text = preview_text(
            {"type": "judge", "stem": "青禾区组建志愿服务队伍236支。", "answer": True}, 3
        )
    finally:
        set_language("zh_CN")
    assert text.startswith("True/false (2 other types available)"), text
