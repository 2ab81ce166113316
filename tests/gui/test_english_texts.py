"""English reads as English: plurals, the words of one Chinese text in two places, and a
language change that offers to restart; the text sizes are steps a reader can tell apart."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.editor.choices import ChoiceEditor
from jgstudy.gui.editor.fields import UndoKeys
from jgstudy.gui.fonts import FONT_SIZES
from jgstudy.gui.i18n import tr
from jgstudy.gui.i18n_en import EN


def test_one_day_and_two_days(english: None) -> None:
    assert tr("{count} 天").format(count=1) == "1 day"
    assert tr("{count} 天").format(count=2) == "2 days"
    assert tr("共 {count} 个题库，{total} 道题").format(count=1, total=1) == "1 bank, 1 question"
    assert tr("{size} 题").format(size=0) == "0 questions"


def test_no_english_template_says_s_in_brackets() -> None:
    assert not [v for v in EN.values() if "(s)" in v]


def test_chinese_has_no_plural_marks() -> None:
    assert tr("{count} 天").format(count=1) == "1 天"


def test_the_option_tick_reads_correct_and_the_judgement_true(english: None, qtbot: QtBot) -> None:
    editor = ChoiceEditor(UndoKeys())
    qtbot.addWidget(editor)
    editor.sync({"type": "single", "options": {"A": "一", "B": "二"}, "answer": "A"})
    ticks = [b.text() for b in editor.findChildren(QRadioButton)]
    assert ticks and set(ticks) == {"Correct"}
    assert tr("正确") == "True"


def test_text_sizes_are_distinct_steps() -> None:
    sizes = sorted(FONT_SIZES.values())
    base = FONT_SIZES["normal"]
    assert [round(100 * s / base) for s in sizes] == [100, 113, 133, 153]
    assert all(b / a >= 1.1 for a, b in itertools.pairwise(sizes))


def test_changing_the_language_offers_a_restart(
    make_window: Callable[[], MainWindow],
) -> None:
    window = make_window()
    asked: list[bool] = []
    started: list[bool] = []
    window.asks.restart = lambda _parent: asked.append(True) or True  # type: ignore[assignment]
    window.asks.start_again = lambda: started.append(True) or True  # type: ignore[assignment]
    combo = window.settings.language
    combo.setCurrentIndex(combo.findData("en"))
    assert asked == [True] and started == [True]
    assert window.prefs.language == "en"
    assert not window.isVisible()  # closed, so the new process owns the settings
    window.settings.font_size.setCurrentIndex(1)  # other display changes ask nothing
    assert asked == [True]


def test_closing_the_window_during_an_exam_asks_first(
    make_window: Callable[[], MainWindow], services: Services
) -> None:
    services.study.import_bundled()
    window = make_window()
    window.set_user(services.study.ensure_user("王明", "市委办公室"))
    window.navigate("exam")
    next(c for c in window.exam.picker.cards if c.start_button.isEnabled()).start_button.click()
    answers = [False, True]
    asked: list[bool] = []

    def ask(_parent: object) -> bool:
        asked.append(True)
        return answers.pop(0)

    window.asks.close_during_exam = ask  # type: ignore[assignment]
    assert not window.close() and window.isVisible()  # "no": the exam stays on screen
    assert window.close() and asked == [True, True]  # "yes": closed, the exam resumes later
    assert services.exams.unfinished(window.user) is not None  # type: ignore[arg-type]
