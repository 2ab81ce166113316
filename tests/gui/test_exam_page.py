"""模拟考试 in the GUI: keyboard answers saved at once, the countdown, submitting, resuming."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.exams import ExamPhase, ExamResult, ExamService
from jgstudy.core.model import FillQuestion, MultipleQuestion
from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.gui.exam import ExamPage
from jgstudy.gui.exam.picker import PaperCard

Key = Qt.Key
FINAL = "skills-final"  # 15 minutes, 25 questions, fixed seed: the first ten are single choice


@pytest.fixture
def candidate(service: StudyService) -> UserInfo:
    service.import_bundled()
    return service.ensure_user("王明", "市委办公室")


def open_page(qtbot: QtBot, services: Services, user: UserInfo | None) -> ExamPage:
    page = ExamPage(services.exams, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.set_user(user)
    return page


def card_for(page: ExamPage, stem: str) -> PaperCard:
    return next(c for c in page.picker.cards if c.choice.path.stem == stem)


def start_final(qtbot: QtBot, page: ExamPage) -> None:
    qtbot.mouseClick(card_for(page, FINAL).start_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.exam_screen
    assert page.exam_screen.running()


def current(page: ExamPage) -> int:
    assert page.exam_screen.question is not None
    return page.exam_screen.question.item.index


def test_the_picker_lists_the_bundled_papers_with_their_facts(
    qtbot: QtBot, service: StudyService, services: Services, candidate: UserInfo
) -> None:
    page = open_page(qtbot, services, candidate)
    final = card_for(page, FINAL)
    assert final.start_button.isEnabled()
    assert final.choice.blueprint is not None and final.choice.blueprint.size == 25
    assert {c.choice.path.stem for c in page.picker.cards} == {
        p.stem for p in ExamService.bundled_blueprints()
    }
    assert page.picker.resume_box.isHidden()


def test_without_banks_a_paper_cannot_be_started(
    qtbot: QtBot, service: StudyService, services: Services
) -> None:
    page = open_page(qtbot, services, service.ensure_user("李四"))
    final = card_for(page, FINAL)
    assert not final.start_button.isEnabled()
    assert final.choice.problem is not None and "题库不足" in final.choice.problem


def test_time_out_submits_the_paper_with_the_keyboard_answer_kept(
    qtbot: QtBot, service: StudyService, services: Services, candidate: UserInfo, clock: FixedClock
) -> None:
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    assert page.exam_screen.countdown.text() == "15:00"
    qtbot.keyClick(page.exam_screen, Key.Key_B)  # the first question is single choice: B
    assert page.exam_screen.grid.cells[0].entry.answered
    clock.advance(minutes=4)
    page.exam_screen.timer.timeout.emit()  # the 1-second timer fires: the countdown follows the clock
    assert page.exam_screen.countdown.text() == "11:00"
    clock.advance(minutes=11, seconds=1)
    with qtbot.waitSignal(page.finished) as finished:
        page.exam_screen.timer.timeout.emit()
    result = finished.args[0]
    assert isinstance(result, ExamResult)
    assert result.auto_submitted
    assert result.items[0].response == "B"
    assert not result.items[1].answered
    assert page.stack.currentWidget() is page.result
    assert page.result.notice.isVisible()  # 考试时间到，已自动交卷
    assert not page.exam_screen.timer.isActive()
    assert page.result.items[0].given.text().startswith("你的答案：B．")
    assert page.result.items[1].given.text() == "你的答案：未作答"


def test_navigation_flag_and_answers_by_keyboard_and_palette(
    qtbot: QtBot, service: StudyService, services: Services, candidate: UserInfo
) -> None:
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    screen = page.exam_screen
    qtbot.keyClick(screen, Key.Key_3)  # 1–8 pick options too: C
    qtbot.keyClick(screen, Key.Key_PageDown)
    assert current(page) == 1
    qtbot.keyClick(screen, Key.Key_A)
    qtbot.keyClick(screen, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.grid.cells[1].entry.flagged
    assert screen.flag_button.text().startswith("取消标记")
    qtbot.keyClick(screen, Key.Key_Right)
    assert current(page) == 2
    qtbot.mouseClick(screen.grid.cells[20], Qt.MouseButton.LeftButton)  # a fill-in question
    assert current(page) == 20
    assert QApplication.focusWidget() is not screen  # the first blank has the focus
    qtbot.keyClicks(QApplication.focusWidget(), "2025")
    qtbot.keyClick(screen, Key.Key_PageUp)
    assert current(page) == 19
    assert page.session is not None
    palette = page.session.palette()
    assert [e.index for e in palette if e.answered] == [0, 1, 20]
    assert page.session.item(0).response == "C"
    assert page.session.item(20).response == ("2025",)
    assert screen.answered.text() == "已答 3 / 25"


def test_submitting_asks_first_and_lists_the_unanswered_questions(
    qtbot: QtBot, service: StudyService, services: Services, candidate: UserInfo
) -> None:
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    qtbot.keyClick(page.exam_screen, Key.Key_A)
    page.exam_screen.toggle_flag()
    qtbot.mouseClick(page.exam_screen.submit_button, Qt.MouseButton.LeftButton)
    box = page.exam_screen.confirm
    assert box is not None and box.isVisible()
    assert "还有 24 题未作答：第 2、3、4" in box.informativeText()
    assert "标记待检查 1 题：第 1 题" in box.informativeText()
    back = next(b for b in box.buttons() if b.text() == "继续答题")
    back.click()
    assert page.exam_screen.running()  # nothing handed in
    qtbot.mouseClick(page.exam_screen.submit_button, Qt.MouseButton.LeftButton)
    box = page.exam_screen.confirm
    assert box is not None
    with qtbot.waitSignal(page.finished):
        next(b for b in box.buttons() if b.text() == "交卷").click()
    assert page.stack.currentWidget() is page.result
    assert page.result.notice.isHidden()
    result = page.result.result
    assert result is not None and not result.auto_submitted
    assert result.items[0].answered and not result.items[1].answered
    page.result.only_wrong.setChecked(True)
    shown = [w.item.index for w in page.result.items if not w.isHidden()]
    assert shown == [i.index for i in result.items if not i.correct]
    with qtbot.waitSignal(page.closed):
        page.result.home_button.click()


@pytest.fixture
def second_services(db_url: str, clock: FixedClock) -> Iterator[Services]:
    """The services opened again on the same database: the app started again."""
    opened = open_services(db_url, clock, scheduler=Scheduler(fuzz=False))
    yield opened
    opened.close()


def test_an_exam_resumes_after_a_restart_with_the_time_left_and_the_answers(
    qtbot: QtBot,
    service: StudyService,
    services: Services,
    candidate: UserInfo,
    clock: FixedClock,
    second_services: Services,
) -> None:
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    qtbot.keyClick(page.exam_screen, Key.Key_D)
    qtbot.keyClick(page.exam_screen, Key.Key_Right)
    qtbot.keyClick(page.exam_screen, Key.Key_B)
    page.exam_screen.toggle_flag()
    clock.advance(minutes=3, seconds=20)
    page.exam_screen.detach()  # the app is closed mid-exam: nothing more from this window
    page.close()

    again = open_page(qtbot, second_services, second_services.study.find_user("王明"))
    assert again.picker.resume_box.isVisible()
    assert "剩余时间 11:40" in again.picker.resume_text.text()
    qtbot.mouseClick(again.picker.resume_button, Qt.MouseButton.LeftButton)
    assert again.stack.currentWidget() is again.exam_screen
    assert again.exam_screen.countdown.text() == "11:40"
    assert current(again) == 1  # where the cadre was
    question = again.exam_screen.question
    assert question is not None and question.response() == "B"
    cells = again.exam_screen.grid.cells
    assert cells[0].entry.answered and cells[1].entry.answered and cells[1].entry.flagged
    qtbot.keyClick(again.exam_screen, Key.Key_Left)
    question = again.exam_screen.question
    assert question is not None and question.response() == "D"
    assert again.session is not None and again.session.remaining() == timedelta(
        minutes=11, seconds=40
    )


def test_a_paper_whose_time_ran_out_while_closed_is_handed_in_on_resume(
    qtbot: QtBot, service: StudyService, services: Services, candidate: UserInfo, clock: FixedClock
) -> None:
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    qtbot.keyClick(page.exam_screen, Key.Key_A)
    page.set_user(candidate)  # leave the exam (it stays saved)
    clock.advance(minutes=20)
    page.show_picker()
    assert "考试时间已到" in page.picker.resume_text.text()
    with qtbot.waitSignal(page.finished):
        page.picker.resume_button.click()
    assert page.stack.currentWidget() is page.result
    assert page.result.result is not None and page.result.result.items[0].response == "A"
    assert page.session is None or page.session.phase is ExamPhase.FINISHED


INSTANT = """\
format: 1
id: instant
title: 即时反馈小测
time_limit_minutes: 5
draw: fixed
feedback: immediate
sections:
  - title: 一、小测
    questions: [sample/s1, sample/j1]
    points: 1
"""


def test_immediate_feedback_shows_the_verdict_and_locks_the_answer(
    qtbot: QtBot, service: StudyService, services: Services, sample_bank: Path, tmp_path: Path
) -> None:
    service.import_banks([sample_bank])
    paper = tmp_path / "exams" / "instant.yaml"
    paper.parent.mkdir()
    paper.write_text(INSTANT, encoding="utf-8")
    page = ExamPage(services.exams, [paper])
    qtbot.addWidget(page)
    page.show()
    page.set_user(service.ensure_user("李四"))
    assert [c.choice.title for c in page.picker.cards] == ["即时反馈小测"]
    qtbot.mouseClick(page.picker.cards[0].start_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.exam_screen, Key.Key_B)  # wrong: the answer is C
    question = page.exam_screen.question
    assert question is not None
    assert question.verdict.isVisible() and "正确答案：C．6期" in question.verdict.text()
    assert not question.input.isEnabled()
    qtbot.keyClick(page.exam_screen, Key.Key_C)  # too late to change it
    assert page.session is not None and page.session.item(0).response == "B"


def test_in_english_a_passed_paper_reads_passed_not_approve(
    english: None, qtbot: QtBot, services: Services, candidate: UserInfo
) -> None:
    """通过 is the editor's "Approve"; on a result it is "Passed", and 部分 is a "Section"."""
    page = open_page(qtbot, services, candidate)
    start_final(qtbot, page)
    session = page.session
    assert session is not None
    for index in range(session.total):
        question = session.item(index).record.question
        answer = getattr(question, "answer", None)
        if isinstance(question, FillQuestion):
            answer = tuple(b[0] for b in question.blanks)
        elif isinstance(question, MultipleQuestion):
            answer = frozenset(question.answer)
        session.answer(index, answer)
    session.submit()
    assert page.result.result is not None and page.result.result.passed
    assert page.result.values["verdict"].text() == "Passed"
    texts = [w.text() for w in page.result.findChildren(QLabel)]
    assert "Section" in texts and "Partial" not in texts
