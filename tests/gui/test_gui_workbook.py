"""专项练习, 背题模式, 收藏, 笔记, 题目纠错 and the 错题本's history and export, in the window."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.model import QType
from jgstudy.core.records import UserInfo
from jgstudy.core.services import Services
from jgstudy.core.session import Phase
from jgstudy.core.workbook import Selection
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.layout_audit import audit

Key = Qt.Key


@pytest.fixture
def ready(window: MainWindow, cadre: UserInfo) -> MainWindow:
    window.set_user(cadre)
    window.navigate("workbook")
    return window


def choose(box: object, value: str) -> None:
    index = box.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_focused_practice_takes_the_chosen_type_in_bank_order(ready: MainWindow) -> None:
    chooser = ready.workbook.chooser
    choose(chooser.type_box, QType.FILL.value)
    assert chooser.count_label.text() == "共 2 题"
    chooser.start_button.click()
    assert ready.current_view() == "practice"
    page = ready.practice
    assert page.card is not None and page.card.record.question.id == "f1"
    assert "专项练习" in page.title.text() and "填空题" in page.title.text()


def test_browse_mode_shows_answers_and_explanations_and_turns_by_keyboard(
    ready: MainWindow, qtbot: QtBot, services: Services, cadre: UserInfo
) -> None:
    chooser = ready.workbook.chooser
    chooser.recite_button.click()
    recite = ready.workbook.recite
    assert ready.workbook.stack.currentWidget() is recite
    text = recite.shown_text()
    assert "正确答案：C" in text and "解析：" in text and "第 1 / 6 题" in text
    qtbot.keyClick(recite, Key.Key_Right)
    assert "第 2 / 6 题" in recite.shown_text()
    qtbot.keyClick(recite, Key.Key_Left)
    qtbot.keyClick(recite, Key.Key_Left)  # stays on the first
    assert "第 1 / 6 题" in recite.shown_text()
    assert services.study.stats(cadre).total_reviews == 0  # browsing grades nothing
    qtbot.keyClick(recite, Key.Key_Escape)
    assert ready.workbook.stack.currentWidget() is chooser


def test_a_star_and_a_note_from_browse_mode_are_kept_and_starred_can_be_practised(
    ready: MainWindow, services: Services, cadre: UserInfo
) -> None:
    ready.workbook.chooser.recite_button.click()
    marks = ready.workbook.recite.marks
    marks.star.click()
    marks.note.setText("大讲堂：6期")
    marks.note.editingFinished.emit()
    pk = ready.workbook.recite.records[0].pk
    assert services.workbook.starred(cadre) == [pk]
    assert services.workbook.notes(cadre, [pk]) == {pk: "大讲堂：6期"}
    ready.workbook.recite.closed.emit()
    chooser = ready.workbook.chooser
    assert chooser.starred_button.text() == "练习收藏（1）"
    chooser.starred_button.click()
    assert ready.practice.card is not None and ready.practice.card.record.pk == pk


def test_after_answering_the_note_shows_and_a_problem_can_be_reported(
    ready: MainWindow, services: Services, cadre: UserInfo, press: object
) -> None:
    ready.workbook.chooser.start_button.click()
    page = ready.practice
    assert page.card is not None and not page.marks.isVisible()
    pk = page.card.record.pk
    services.workbook.set_note(cadre, pk, "记住：6期")
    press(Key.Key_C)  # type: ignore[operator]
    press(Key.Key_Return)  # type: ignore[operator]
    assert page.phase is Phase.FEEDBACK
    assert page.marks.isVisible() and page.marks.note.text() == "记住：6期"
    assert not page.marks.report("错")  # too short: said so, nothing stored
    assert "至少" in page.marks.status.text()
    assert page.marks.report("选项C与题干矛盾")
    (report,) = services.workbook.open_reports()
    assert (report.question_pk, report.reason, report.reporter) == (pk, "选项C与题干矛盾", "张三")


def wrong_twice(services: Services, cadre: UserInfo, clock: object) -> int:
    record = next(
        r
        for r in services.study.questions(services.study.practice_queue(cadre, mode="new"))
        if r.question.id == "s1"
    )
    services.study.record(cadre.id, record, "A", 3000)
    clock.advance(days=1)  # type: ignore[attr-defined]
    services.study.record(cadre.id, record, "B", 3000)
    return record.pk


def test_the_wrong_book_shows_how_often_when_and_what_was_answered(
    window: MainWindow, services: Services, cadre: UserInfo, clock: object
) -> None:
    pk = wrong_twice(services, cadre, clock)
    services.workbook.set_note(cadre, pk, "是6期不是4期")
    window.set_user(cadre)
    window.navigate("wrongbook")
    book = window.wrongbook
    row = [book.table.item(0, c).text() for c in range(book.table.columnCount())]
    assert row[2] == "2 次" and row[4] == "B" and row[3].startswith("20")
    detail = book.open_detail(0)
    assert detail.marks is not None
    texts = detail.text() + " ".join(w.text() for w in detail.findChildren(type(book.subtitle)))
    assert "答错 2 次" in texts and "最近一次答的是：B" in texts
    assert detail.marks.note.text() == "是6期不是4期"  # type: ignore[attr-defined]
    detail.close()


def test_the_wrong_book_exports_for_printing(
    window: MainWindow,
    services: Services,
    cadre: UserInfo,
    clock: object,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    wrong_twice(services, cadre, clock)
    window.set_user(cadre)
    window.navigate("wrongbook")
    book = window.wrongbook
    xlsx, pdf = tmp_path / "错题本.xlsx", tmp_path / "错题本.pdf"
    for path in (xlsx, pdf):  # in the background, the buttons off meanwhile
        with qtbot.waitSignal(book.exported, timeout=20_000) as done:
            assert book.export_to(path)
            assert not book.pdf_button.isEnabled()
        assert done.args == [path] and book.pdf_button.isEnabled()
        assert book.subtitle.text() == f"已导出：{path}"
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    row = [c.value for c in sheet[3]]
    assert row[1] == "单选" and row[3] == "C" and row[5] == 2 and row[7] == "B"
    assert "A．" in row[2] and row[4]  # options and 解析 printed
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "张三的错题本" in text and "正确答案：C" in text and "答错 2 次" in text
    with qtbot.waitSignal(book.export_failed, timeout=20_000):
        assert book.export_to(tmp_path / "nope" / "x.xlsx")  # a folder that is not there
    assert book.error_box is not None and "无法写入" in book.error_box.text()
    assert str(tmp_path / "nope" / "x.xlsx") in book.error_box.text()
    book.error_box.close()


def test_trainers_see_open_reports_under_the_report_and_close_them(
    window: MainWindow, services: Services, cadre: UserInfo
) -> None:
    pk = services.workbook.selection_queue(cadre, Selection())[0]
    services.workbook.report_problem(cadre, pk, "选项C与材料不符")
    trainer = services.study.ensure_user("王培训", "市直机关工委")
    window.set_user(trainer)
    window.navigate("reports")
    queue = window.reports.problems
    assert queue is not None
    assert queue.heading.text() == "学员纠错：1 条待核查"
    assert queue.table.item(0, 2).text() == "选项C与材料不符"
    queue.table.selectRow(0)
    assert queue.close_selected()
    assert queue.heading.text() == "学员纠错：0 条待核查"
    assert services.workbook.open_reports() == []


def test_in_english_types_read_as_words_and_a_long_browse_title_fits(
    english: None, ready: MainWindow, qtbot: QtBot
) -> None:
    """The English browse title read "Single choiceQuestion" and widened the page past the
    window at 1280x720, cutting off 下一题."""
    chooser = ready.workbook.chooser
    kinds = [chooser.type_box.itemText(i) for i in range(chooser.type_box.count())]
    assert "Single choice" in kinds and not [k for k in kinds if k.endswith("Question")]
    choose(chooser.type_box, QType.SINGLE.value)
    ready.resize(1280, 720)
    qtbot.waitUntil(lambda: ready.width() == 1280)
    chooser.recite_button.click()
    recite = ready.workbook.recite
    assert recite.title.text().endswith("Single choice")
    recite.title.setText(recite.title.text() + " · a tag with a rather long name" * 4)
    for _ in range(4):
        QApplication.processEvents()
    assert recite.title.minimumSizeHint().width() < 400  # it ends in … instead
    assert recite.title.toolTip() == recite.title.text()
    assert ready.practice.title.minimumSizeHint().width() < 400  # 专项练习：bank · tag · type
    assert audit(ready) == []


def test_in_english_the_wrong_book_headers_and_types_are_not_cut(
    english: None, window: MainWindow, services: Services, cadre: UserInfo, clock: object
) -> None:
    """At 1280x720 the fixed Chinese widths cut "Times wrong" and "Single choice"."""
    wrong_twice(services, cadre, clock)
    window.resize(1280, 720)
    window.set_user(cadre)
    window.navigate("wrongbook")
    table = window.wrongbook.table
    metrics = table.horizontalHeader().fontMetrics()
    for column in (0, 2, 3):
        header = table.horizontalHeaderItem(column).text()
        cell = table.item(0, column).text()
        needed = max(metrics.horizontalAdvance(header), table.fontMetrics().horizontalAdvance(cell))
        assert table.columnWidth(column) >= needed, (header, cell, table.columnWidth(column))
