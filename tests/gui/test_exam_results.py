"""After handing in: 返回 and 再考一次 at the top of the result, and past results per paper."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from jgstudy.core.records import UserInfo
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.exam import ExamPage

FINAL = "skills-final"


def take_final(qtbot: QtBot, services: Services) -> tuple[ExamPage, UserInfo]:
    services.study.import_bundled()
    user = services.study.ensure_user("王明", "市委办公室")
    page = ExamPage(services.exams, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.set_user(user)
    card = next(c for c in page.picker.cards if c.choice.path.stem == FINAL)
    card.start_button.click()
    assert page.session is not None
    page.session.submit()
    assert page.stack.currentWidget() is page.result
    return page, user


def test_back_and_again_are_at_the_top_of_the_result(qtbot: QtBot, services: Services) -> None:
    page, _user = take_final(qtbot, services)
    result = page.result
    viewport = result.area.viewport().rect()
    for button in (result.back_button, result.again_top):
        assert button.isVisible()
        corner = button.mapTo(result.area.viewport(), button.rect().bottomRight())
        assert viewport.contains(corner)  # seen without scrolling past every question
    title = page.result.result.title if page.result.result else ""
    result.again_top.click()
    assert page.session is not None and page.stack.currentWidget() is page.exam_screen
    assert page.exam_screen.title.text() == title  # the same paper, drawn afresh


def test_the_paper_list_shows_past_results(qtbot: QtBot, services: Services) -> None:
    page, _user = take_final(qtbot, services)
    page.result.back_button.click()
    assert page.stack.currentWidget() is page.picker
    card = next(c for c in page.picker.cards if c.choice.path.stem == FINAL)
    assert card.results.isVisible()
    text = card.results.text()
    assert text.startswith("往次成绩（共 1 次）") and "最好成绩" in text
    others = [c for c in page.picker.cards if c.choice.path.stem != FINAL]
    assert all(not c.results.isVisible() for c in others)


def test_the_main_window_keeps_the_result_on_screen(
    make_window: Callable[[], MainWindow], services: Services
) -> None:
    services.study.import_bundled()
    window = make_window()
    window.set_user(services.study.ensure_user("王明", "市委办公室"))
    window.navigate("exam")
    page = window.exam
    next(c for c in page.picker.cards if c.choice.path.stem == FINAL).start_button.click()
    assert page.session is not None
    page.session.submit()
    assert page.stack.currentWidget() is page.result  # not replaced by the list of papers
