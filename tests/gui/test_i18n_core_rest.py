"""What the core says about exams, competitions, scheduling and reports reads in English in the
English interface, and exactly as before in the Chinese one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.gui.exam import ExamPage
from jgstudy.gui.i18n import set_language

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FINAL = "skills-final"

BROKEN_BLUEPRINT = """\
format: 1
id: broken-paper
title: 有错的试卷
time_limit_minutes: 10
pass_mark: {points: 5, percent: 60}
sections:
  - title: 单选
    count: 2
    questions: [bank/q-1]
"""


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("zh_CN")


def _exam_page(qtbot: QtBot, services: Services, user: UserInfo) -> ExamPage:
    page = ExamPage(services.exams, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.set_user(user)
    return page


def _final_problem(page: ExamPage) -> str:
    card = next(c for c in page.picker.cards if c.choice.path.stem == FINAL)
    assert card.choice.problem is not None
    return card.choice.problem


def _outside_quotes(text: str) -> str:
    """The text without the “section titles” it quotes (content of the blueprint)."""
    return re.sub(r"“[^”]*”", "", text)


@pytest.mark.usefixtures("english")
def test_an_exam_that_cannot_be_drawn_says_so_in_english(
    qtbot: QtBot, service: StudyService, services: Services
) -> None:
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    problem = _final_problem(page)
    assert problem.startswith("The imported banks are not enough for this exam: ")
    assert "only 0 matching questions, 10 needed" in problem
    assert "; " in problem  # every section's problem, joined the English way
    assert not CJK.search(_outside_quotes(problem)), problem
    blueprint = services.exams.load_blueprint(page.picker.cards[0].choice.path)
    assert not page.start(blueprint)
    shown = page.picker.message.text()
    assert shown.startswith("Cannot build the exam: ") and "needed" in shown
    assert not CJK.search(_outside_quotes(shown)), shown


def test_an_exam_that_cannot_be_drawn_reads_as_before_in_chinese(
    qtbot: QtBot, service: StudyService, services: Services
) -> None:
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    problem = _final_problem(page)
    assert problem.startswith("已导入的题库不足以组卷：“一、单项选择题（强基提能、清廉机关）”：")
    assert "只有 0 道符合条件的题，需要 10 道；“二、多项选择题”：" in problem


@pytest.mark.usefixtures("english")
def test_a_broken_blueprint_lists_its_problems_in_english(
    qtbot: QtBot, service: StudyService, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_BLUEPRINT, encoding="utf-8")
    page = _exam_page(qtbot, services, service.ensure_user("李四"))
    assert not page.start_file(path)
    shown = page.picker.message.text()
    assert shown.startswith("The exam plan file has errors:")
    assert f"{path}:5:" in shown and "either points or percent" in shown
    assert "questions is only for draw: fixed" in shown
    assert not CJK.search(shown), shown
