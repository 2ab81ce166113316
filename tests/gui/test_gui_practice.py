"""Practising in the window: keyboard only, feedback, undo, every question type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from jgstudy.core.order import NewOrder
from jgstudy.core.records import BrowseFilter, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.session import Phase
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.fonts import base_pixel_size
from jgstudy.gui.practice.choices import ChoiceInput
from jgstudy.gui.practice.fill import FillInput
from jgstudy.gui.practice.short import ShortInput
from jgstudy.gui.style import apply_theme
from peek import engine_of

Key = Qt.Key
Press = Callable[..., None]


def stored_answers(service: StudyService) -> list[tuple[str, bool]]:
    """(question id, correct) of every review log, oldest first."""
    with engine_of(service).connect() as conn:
        rows = conn.execute(
            text(
                "SELECT q.qid, l.correct FROM review_logs l "
                "JOIN questions q ON q.pk = l.question_pk ORDER BY l.id"
            )
        )
        return [(qid, bool(correct)) for qid, correct in rows]


def current_id(window: MainWindow) -> str:
    assert window.practice.card is not None
    return window.practice.card.record.question.id


def start_new(window: MainWindow, cadre: UserInfo) -> None:
    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    assert window.current_view() == "practice"


def test_a_cadre_practises_three_questions_by_keyboard_only(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press
) -> None:
    start_new(window, cadre)
    page = window.practice
    assert QApplication.focusWidget() is page
    assert current_id(window) == "s1"
    press(Key.Key_C)  # single choice: the letter picks the option...
    press(Key.Key_Return)  # ...and Enter submits
    assert page.phase is Phase.FEEDBACK
    press(Key.Key_Space)  # Space goes on
    assert current_id(window) == "m1"
    for key in (Key.Key_1, Key.Key_B, Key.Key_4):  # digits and letters both pick options
        press(key)
    press(Key.Key_Return)
    press(Key.Key_Return)  # Enter also goes on after feedback
    assert current_id(window) == "j1"
    press(Key.Key_1)  # true/false: 1 is 正确
    press(Key.Key_Return)
    press(Key.Key_Escape)  # leave: the summary shows
    assert page.stack.currentWidget() is page.summary_panel
    assert page.summary_panel.values["answered"].text() == "3"
    assert stored_answers(service) == [("s1", True), ("m1", True), ("j1", True)]
    assert service.stats(cadre).total_reviews == 3


def test_feedback_marks_the_correct_answer_and_the_wrong_pick(
    window: MainWindow, cadre: UserInfo, press: Press
) -> None:
    start_new(window, cadre)
    press(Key.Key_A)
    press(Key.Key_Return)
    card = window.practice.card
    assert card is not None and isinstance(card.input, ChoiceInput)
    states = {key: row.state for key, row in card.input.rows.items()}
    assert states == {"A": "wrong", "B": "dim", "C": "correct", "D": "dim"}
    assert card.feedback.isVisible()
    assert card.feedback.verdict.text() == "✗ 回答错误"
    assert card.feedback.answer.text() == "正确答案：C．6期"
    assert "大讲堂全年举办6期" in card.feedback.explanation.text()
    assert card.feedback.quote.isVisible() and "全年已举办6期" in card.feedback.quote.text()


def test_ctrl_z_takes_back_the_last_answer(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press
) -> None:
    start_new(window, cadre)
    press(Key.Key_C)
    press(Key.Key_Return)
    press(Key.Key_Space)
    assert current_id(window) == "m1"
    assert stored_answers(service) == [("s1", True)]
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert current_id(window) == "s1"
    assert window.practice.phase is Phase.ASKING
    assert stored_answers(service) == []
    assert service.stats(cadre).new_today == 0  # the card is gone too: s1 is new again


def test_undo_right_after_the_feedback(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press
) -> None:
    start_new(window, cadre)
    press(Key.Key_B)
    press(Key.Key_Return)
    assert stored_answers(service) == [("s1", False)]
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_answers(service) == []
    assert window.practice.phase is Phase.ASKING and current_id(window) == "s1"
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left to take back
    assert window.practice.hint.text() == "没有可以撤销的作答。"


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit ``text`` as an input method does (QTest can only type ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def pk_of(service: StudyService, qid: str) -> int:
    return next(r.pk for r in service.browse(None, BrowseFilter(text=qid)) if r.qid == qid)


def test_fill_in_blanks_inline_typed_and_graded(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press, qtbot: QtBot
) -> None:
    window.set_user(cadre)
    window.navigate("practice")
    window.practice.start_queue([pk_of(service, "f1")])
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    assert not card.stem.isVisible()  # the stem is shown inline, around the blanks
    first, second = card.input.blanks
    assert QApplication.focusWidget() is first
    qtbot.keyClicks(first, "294")
    press(Key.Key_Return)  # Enter moves on to the next blank
    assert QApplication.focusWidget() is second
    type_chinese(second, "五百四十七")  # the accepted alternative, typed through the IME
    press(Key.Key_Return)  # on the last blank, Enter submits
    assert window.practice.phase is Phase.FEEDBACK
    assert [b.property("state") for b in card.input.blanks] == ["correct", "correct"]
    assert stored_answers(service) == [("f1", True)]


def test_short_answer_reveals_reference_then_self_rating(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press
) -> None:
    window.set_user(cadre)
    window.navigate("practice")
    window.practice.start_queue([pk_of(service, "sh1")])
    card = window.practice.card
    assert card is not None and isinstance(card.input, ShortInput)
    type_chinese(card.input.editor, "组织警示教育")
    press(Key.Key_Return)
    assert card.input.revealed
    assert "✓ 警示教育" in card.input.keywords_label.text()
    assert "✗ 旁听庭审" in card.input.keywords_label.text()
    assert not window.practice.action_button.isVisible()  # only the self-rating buttons count
    press(Key.Key_N)
    assert window.practice.phase is Phase.FEEDBACK
    assert card.feedback.verdict.text().startswith("✗ 未掌握")
    assert stored_answers(service) == [("sh1", False)]


def test_question_text_is_never_interpreted_as_html(
    window: MainWindow, service: StudyService, tmp_path: Path, press: Press
) -> None:
    bank = tmp_path / "html.yaml"
    bank.write_text(
        "format: 1\nid: html\ntitle: HTML\nquestions:\n"
        "  - {id: h1, type: judge, stem: '<b>粗</b><img src=x>', answer: true,"
        " explanation: '<i>斜</i>'}\n",
        encoding="utf-8",
    )
    service.import_banks([bank])
    window.set_user(service.ensure_user("王五"))
    window.start_practice("new", NewOrder.BANK)
    card = window.practice.card
    assert card is not None
    assert card.stem.textFormat() == Qt.TextFormat.PlainText
    assert card.stem.text() == "<b>粗</b><img src=x>"
    press(Key.Key_1)
    press(Key.Key_Return)
    assert card.feedback.explanation.textFormat() == Qt.TextFormat.PlainText
    assert card.feedback.explanation.text() == "解析：<i>斜</i>"


def test_esc_on_the_summary_goes_home(window: MainWindow, cadre: UserInfo, press: Press) -> None:
    start_new(window, cadre)
    press(Key.Key_Escape)
    assert window.practice.stack.currentWidget() is window.practice.summary_panel
    press(Key.Key_Escape)
    assert window.current_view() == "home"


def test_ctrl_z_in_a_blank_takes_back_the_last_answer_and_keeps_the_typing(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press, qtbot: QtBot
) -> None:
    window.set_user(cadre)
    window.navigate("practice")
    window.practice.start_queue([pk_of(service, "f2"), pk_of(service, "f1")])
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    type_chinese(card.input.blanks[0], "速决毫厘")
    press(Key.Key_Return)  # submitted
    press(Key.Key_Space)
    assert current_id(window) == "f1"
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    qtbot.keyClicks(card.input.blanks[0], "294")  # typing the next answer, not sent yet
    assert QApplication.focusWidget() is card.input.blanks[0]
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # focus in the text box
    assert stored_answers(service) == []  # the answer to f2 is taken back...
    assert current_id(window) == "f2" and window.practice.phase is Phase.ASKING
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    assert card.input.blanks[0].text() == "速决毫厘"  # ...and comes back as it was typed
    press(Key.Key_Return)
    press(Key.Key_Space)
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    assert [b.text() for b in card.input.blanks] == ["294", ""]  # the draft of f1 is kept


def test_ctrl_z_in_a_short_answer_box(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press
) -> None:
    window.set_user(cadre)
    window.navigate("practice")
    window.practice.start_queue([pk_of(service, "s1"), pk_of(service, "sh1")])
    press(Key.Key_C)
    press(Key.Key_Return)
    press(Key.Key_Space)
    card = window.practice.card
    assert card is not None and isinstance(card.input, ShortInput)
    type_chinese(card.input.editor, "组织警示教育")
    assert QApplication.focusWidget() is card.input.editor
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_answers(service) == [] and current_id(window) == "s1"
    press(Key.Key_C)
    press(Key.Key_Return)
    press(Key.Key_Space)
    card = window.practice.card
    assert card is not None and isinstance(card.input, ShortInput)
    assert card.input.editor.toPlainText() == "组织警示教育"


def test_ctrl_z_with_nothing_to_take_back_undoes_typing(
    window: MainWindow, service: StudyService, cadre: UserInfo, press: Press, qtbot: QtBot
) -> None:
    window.set_user(cadre)
    window.navigate("practice")
    window.practice.start_queue([pk_of(service, "f1")])
    card = window.practice.card
    assert card is not None and isinstance(card.input, FillInput)
    qtbot.keyClicks(card.input.blanks[0], "294")
    press(Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card.input.blanks[0].text() == ""  # the box's own undo, as in any editor
    assert current_id(window) == "f1"


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application styled as at start (the stylesheet's sizes); undone afterwards."""
    palette, font, sheet, style = qapp.palette(), qapp.font(), qapp.styleSheet(), qapp.style()
    name = style.name()
    apply_theme(qapp, "light", base_pixel_size("normal"))
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(QPalette(palette))
    qapp.setFont(font)
    qapp.setStyle(name)


def test_on_a_low_window_the_feedback_keeps_the_stem_in_view(
    styled: None, window: MainWindow, cadre: UserInfo, press: Press, qtbot: QtBot
) -> None:
    """1920x1080 at 150 % (1280x720): scrolling to the whole explanation hid the stem."""
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() == 720)
    start_new(window, cadre)
    press(Key.Key_A)
    press(Key.Key_Return)
    card = window.practice.card
    assert card is not None
    area = window.practice.question_area
    qtbot.wait(20)  # the scroll waits for the layout (a zero timer)
    room = area.viewport().rect()
    stem = card.stem.mapTo(area.viewport(), card.stem.rect().topLeft()).y()
    verdict = card.feedback.verdict
    shown = verdict.mapTo(area.viewport(), verdict.rect().bottomLeft()).y()
    assert stem >= 0 and shown <= room.bottom(), (stem, shown, room)
