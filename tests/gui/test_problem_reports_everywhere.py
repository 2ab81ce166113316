"""题目纠错 from an exam's review, and the queue of a bank's reports in the bank editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jgstudy.core.services import Services
from jgstudy.gui.editor.page import BankEditor
from jgstudy.gui.exam import ExamPage

FINAL = "skills-final"


def hand_in_an_exam(qtbot: QtBot, page: ExamPage) -> None:
    card = next(c for c in page.picker.cards if c.choice.path.stem == FINAL)
    qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.exam_screen, Qt.Key.Key_A)
    qtbot.mouseClick(page.exam_screen.submit_button, Qt.MouseButton.LeftButton)
    box = page.exam_screen.confirm
    assert box is not None
    with qtbot.waitSignal(page.finished):
        next(b for b in box.buttons() if b.text() == "交卷").click()


def test_a_question_of_an_exams_review_can_be_reported(qtbot: QtBot, services: Services) -> None:
    services.study.import_bundled()
    cadre = services.study.ensure_user("王明", "市委办公室")
    page = ExamPage(services.exams, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.set_workbook(services.workbook)
    page.set_user(cadre)
    hand_in_an_exam(qtbot, page)
    first = page.result.items[0]
    assert first.marks is not None and first.marks.report_button.isEnabled()
    assert first.marks.report("正确答案与材料不一致")
    [report] = services.workbook.open_reports()
    assert report.question_pk == first.item.record.pk
    assert report.reporter == "王明"


def test_the_editor_lists_its_banks_reports_and_opens_the_question(
    qtbot: QtBot, services: Services, sample_bank: Path
) -> None:
    services.study.import_banks([sample_bank])
    cadre = services.study.ensure_user("张三", "市审计局")
    pk = services.study.practice_queue(cadre, limit=3)[2]
    qid = services.study.question(pk).question.id
    services.workbook.report_problem(cadre, pk, "选项 C 与 D 相同")
    editor = BankEditor(inform=lambda *_a: None, ask_save=lambda *_a: "cancel")
    qtbot.addWidget(editor)
    editor.set_workbook(services.workbook)
    assert editor.report_queue is not None and not editor.report_queue.isVisibleTo(editor)
    assert editor.open_path(sample_bank)
    queue = editor.report_queue
    assert queue.isVisibleTo(editor)
    assert [r.reason for r in queue.reports] == ["选项 C 与 D 相同"]
    with qtbot.waitSignal(queue.chosen) as chosen:
        queue.table.cellDoubleClicked.emit(0, 0)
    assert chosen.args == [qid]
    current = editor.workspace.current()
    assert current is not None and editor.document.question(current)["id"] == qid
    queue.table.selectRow(0)
    assert queue.close_selected()
    assert services.workbook.open_reports() == []
    editor.activate()
    assert not queue.isVisibleTo(editor)
