"""Competition day on a real stage: buzzers from any focused widget, held keys, the host's tools.

Keys are delivered the way the window system delivers them: to the window (QWindow), which
hands them to whatever widget has the focus there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import CompetitionConfig, EventKind, Match, Phase, Team
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.competition import CompetitionPage
from jgstudy.gui.competition.sounds import sound_problem
from jgstudy.gui.prefs import Preferences

Key = Qt.Key
TEAMS = [Team(name="一队", key="Q"), Team(name="二队", key="1"), Team(name="三队", key="Space")]
TEAM_KEYS = {0: Key.Key_Q, 1: Key.Key_1, 2: Key.Key_Space}
CHOICE = {"types": ["single", "judge"]}


def contest(**top: object) -> CompetitionConfig:
    rounds = [
        {"kind": "buzzer", "count": 150, "buzz_window_seconds": 10},
        {"kind": "risk", "filter": CHOICE},
    ]
    return CompetitionConfig.model_validate(
        {"format": 1, "id": "stage", "title": "舞台测试赛", "seed": 5, "rounds": rounds, **top}
    )


class Answers:
    """What the host types into the reason dialog; None cancels."""

    def __init__(self) -> None:
        self.reply: str | None = "裁判复核"
        self.asked: list[str] = []

    def __call__(self, _parent: QWidget, _title: str, question: str, _suggested: str) -> str | None:
        self.asked.append(question)
        return self.reply


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def page(qtbot: QtBot, services: Services, answers: Answers, tmp_path: Path) -> CompetitionPage:
    services.study.import_bundled()
    page = CompetitionPage(
        services.competitions,
        confirm=lambda *_args: True,
        ask_reason=answers,
        choose_path=lambda _parent, _name: tmp_path / "记录.xlsx",
        sound_probe=lambda: None,
    )
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def match(page: CompetitionPage, clock: FixedClock) -> Match:
    started = page.start_match(contest(), TEAMS)
    assert started is not None
    started.start_round(clock.now())
    return started


def press(widget: QWidget, key: Key) -> None:
    """A key pressed and let go, through the window the widget is in."""
    window = widget.window().windowHandle()
    assert window is not None
    QTest.keyClick(window, key)


def open_question(match: Match, clock: FixedClock) -> None:
    if match.phase is Phase.BUZZING:
        return  # still open: nobody has buzzed yet
    if match.phase is Phase.ANSWERING:
        match.judge(True, clock.advance(seconds=1))
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    assert match.phase is Phase.BUZZING


def buzzing_teams(match: Match, since: int) -> list[int | None]:
    return [e.team for e in match.events[since:] if e.kind is EventKind.BUZZ]


def shown_widgets(window: QWidget) -> Iterator[QWidget]:
    yield window
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.window() is window:
            yield widget


def test_every_team_key_buzzes_whichever_widget_has_the_focus(
    page: CompetitionPage, match: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    """Focus goes on every widget that can hold it (any enabled one, whatever its policy)."""
    checked: list[QWidget] = []
    for window in (page.window(), page.scoreboard):
        window.activateWindow()
        seen: set[int] = set()
        while True:
            open_question(match, clock)  # first: a new question rebuilds the option labels
            fresh = [w for w in shown_widgets(window) if id(w) not in seen]
            if not fresh:
                break
            widget = fresh[0]
            seen.add(id(widget))
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if window.focusWidget() not in (widget, widget.focusProxy()):
                assert not widget.isEnabled(), widget  # only a disabled widget refuses it
                continue
            since = len(match.events)
            for team, key in TEAM_KEYS.items():
                clock.advance(milliseconds=100 * (team + 1))
                press(widget, key)
            who = f"{type(widget).__name__} {widget.objectName()!r} in {type(window).__name__}"
            assert buzzing_teams(match, since) == [0, 1, 2], who
            checked.append(widget)
    focusable = [w for w in checked if w.focusPolicy() is not Qt.FocusPolicy.NoFocus]
    assert page.scoreboard in focusable and len(checked) > 40
    assert page.panel.step in checked and page.panel.log in checked
    assert page.panel.step.value() == 5  # the digit 1 never reached the step chooser


def test_the_adjust_step_is_chosen_from_a_list_and_never_takes_the_focus(
    page: CompetitionPage, match: Match
) -> None:
    step = page.panel.step
    assert step.focusPolicy() is Qt.FocusPolicy.NoFocus
    step.setValue(20)
    assert step.value() == 20 and step.currentText() == "20 分"


def test_a_key_held_down_buzzes_once(
    page: CompetitionPage, match: Match, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    presses: list[str] = []
    real = match.press
    monkeypatch.setattr(match, "press", lambda key, at: presses.append(key) or real(key, at))
    open_question(match, clock)
    window = page.scoreboard
    down = QKeyEvent(QEvent.Type.KeyPress, Key.Key_Q, Qt.KeyboardModifier.NoModifier, "q")
    repeat = QKeyEvent(QEvent.Type.KeyPress, Key.Key_Q, Qt.KeyboardModifier.NoModifier, "q", True)
    up = QKeyEvent(QEvent.Type.KeyRelease, Key.Key_Q, Qt.KeyboardModifier.NoModifier, "q")
    QApplication.sendEvent(window, down)
    for _ in range(5):  # auto-repeat, flagged as such
        QApplication.sendEvent(window, repeat)
    QApplication.sendEvent(window, down)  # a repeat some systems send unflagged: still held
    assert presses == ["Q"]
    QApplication.sendEvent(window, up)
    QApplication.sendEvent(window, down)  # let go and pressed again: a new press
    assert presses == ["Q", "Q"]
    assert buzzing_teams(match, 0) == [0]  # and the core records the team's buzz once


def test_text_typed_in_another_window_is_left_alone(
    page: CompetitionPage, match: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    open_question(match, clock)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    other.setFocus()
    qtbot.keyClicks(other, "q1")
    assert other.text() == "q1"
    assert buzzing_teams(match, 0) == []


def test_an_adjustment_asks_for_its_reason_and_a_cancel_changes_nothing(
    page: CompetitionPage, match: Match, answers: Answers
) -> None:
    page.panel.step.setValue(10)
    page.panel.scores.rows[1].plus.click()
    assert answers.asked == ["二队 加分 10 分，原因："]
    assert match.scores == (100, 110, 100)
    assert match.events[-1].payload["reason"] == "裁判复核"
    answers.reply = None
    page.panel.scores.rows[1].minus.click()
    assert match.scores == (100, 110, 100)


def test_undo_is_disabled_once_the_match_is_over(
    page: CompetitionPage, match: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    page.panel.scores.rows[0].plus.click()
    assert page.panel.buttons["undo"].isEnabled()
    qtbot.mouseClick(page.panel.buttons["finish"], Qt.MouseButton.LeftButton)
    assert match.phase is Phase.FINISHED
    assert not page.panel.buttons["undo"].isEnabled()
    assert not page.panel.undo()  # the core refuses too, and says why
    assert "比赛已结束" in page.panel.status.text()


def test_a_tie_is_shown_as_a_shared_rank_and_a_tiebreak_can_be_started(
    page: CompetitionPage, match: Match, clock: FixedClock
) -> None:
    page.panel.scores.rows[0].plus.click()
    page.panel.scores.rows[1].plus.click()
    page.panel.next_round()
    page.panel.next_question()  # into 风险题, then end it
    match.finish_round(clock.advance(seconds=1))
    assert page.panel.buttons["tiebreak"].isEnabled()
    assert [r.note.text() for r in page.panel.scores.rows] == ["并列第一名", "并列第一名", "第三名"]
    (action,) = page.panel.tiebreak_menu().actions()
    assert action.text() == "加赛：一队、二队（并列第一名）"
    action.trigger()
    assert match.snapshot().tiebreak
    assert page.scoreboard.tiles[2].state == "out"
    match.finish(clock.advance(seconds=1))
    assert "并列第一名　一队　105 分" in page.scoreboard.stem.text()
    assert "并列第一名　二队　105 分" in page.scoreboard.stem.text()


def test_stakes_are_chosen_in_order_and_a_team_may_decline(
    page: CompetitionPage, match: Match, clock: FixedClock
) -> None:
    page.panel.scores.rows[1].plus.click()  # 二队 105: it chooses last
    page.panel.next_round()
    assert "选分顺序：一队 → 三队 → 二队" in page.panel.stakes.order.text()
    assert page.panel.stakes.order_button.isVisible()
    page.panel.set_order([2, 0, 1])  # the host overrides
    page.panel.next_question()
    assert match.snapshot().team == 2
    assert page.panel.stakes.decline_button.isVisible()
    assert "请三队选择分值" in page.scoreboard.banner.text()
    assert "选分顺序：▶三队 → 一队 → 二队" in page.scoreboard.stem.text()
    page.panel.stakes.decline_button.click()
    assert "三队放弃本题" in page.scoreboard.banner.text()
    assert "三队 放弃" in page.panel.stakes.order.text()
    assert match.scores == (100, 105, 100)


def test_the_answer_and_explanation_appear_on_the_big_screen_only_after_judging(
    page: CompetitionPage, clock: FixedClock
) -> None:
    match = page.start_match(contest(reveal_explanation=True), TEAMS)
    assert match is not None
    match.start_round(clock.now())
    open_question(match, clock)
    board = page.scoreboard
    press(board, Key.Key_Q)
    assert not board.answer.isVisible() and not board.explanation.isVisible()
    page.panel.judge(True)
    assert board.answer.isVisible() and board.answer.text().startswith("答案：")
    assert board.explanation.isVisible() == bool(match.snapshot().question.question.explanation)  # type: ignore[union-attr]


def test_the_export_button_writes_the_arbitration_record(
    page: CompetitionPage, match: Match, qtbot: QtBot, clock: FixedClock, tmp_path: Path
) -> None:
    open_question(match, clock)
    press(page.scoreboard, Key.Key_1)
    qtbot.mouseClick(page.panel.buttons["export"], Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(tmp_path / "记录.xlsx")
    kinds = [row[5] for row in book["事件"].iter_rows(min_row=2, values_only=True)]
    assert len(kinds) == len(match.events) and "抢答" in kinds
    assert "比赛记录已导出" in page.panel.status.text()


def test_without_multimedia_the_sound_checkbox_is_disabled_and_says_why(
    qtbot: QtBot, services: Services
) -> None:
    page = CompetitionPage(
        services.competitions, sound_probe=lambda: "缺少 libpulse.so.0", show_scoreboard=False
    )
    qtbot.addWidget(page)
    assert not page.panel.sound.isEnabled()
    assert "缺少 libpulse.so.0" in page.panel.sound.toolTip()
    assert not page.sounds.set_enabled(True)


def test_the_real_probe_answers_without_raising() -> None:
    problem = sound_problem()  # on this machine QtMultimedia may or may not load
    assert problem is None or problem.strip()


def test_f11_toggles_full_screen_and_esc_leaves_it(page: CompetitionPage, match: Match) -> None:
    board = page.scoreboard
    QTest.keyClick(board, Key.Key_F11)
    assert board.isFullScreen()
    QTest.keyClick(board, Key.Key_F11)
    assert not board.isFullScreen()
    board.showFullScreen()
    QTest.keyClick(board, Key.Key_Escape)
    assert not board.isFullScreen()


def test_the_chosen_screen_is_remembered(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    prefs = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = CompetitionPage(
        services.competitions, prefs=prefs, show_scoreboard=False, sound_probe=lambda: None
    )
    qtbot.addWidget(page)
    dialog = page.new_match()
    screens = QApplication.screens()
    assert len(dialog.screen_buttons) == len(screens)
    assert "主持人所在屏幕" in dialog.screen_buttons[0].text()  # the page is on the first
    dialog.screen_buttons[-1].setChecked(True)
    page._set_up(dialog)
    again = CompetitionPage(
        services.competitions, prefs=prefs, show_scoreboard=False, sound_probe=lambda: None
    )
    qtbot.addWidget(again)
    assert again.screen_name == screens[-1].name()
    assert again.new_match().screen_name() == screens[-1].name()


def test_the_host_reorders_the_stake_choice_in_the_order_dialog(
    page: CompetitionPage, match: Match
) -> None:
    page.panel.next_round()  # 风险题, before the first choice
    dialog = page.change_order()
    assert dialog is not None
    teams = dialog.teams
    assert [teams.item(i).text() for i in range(teams.count())] == ["一队", "二队", "三队"]
    teams.insertItem(0, teams.takeItem(2))  # 三队 dragged to the top
    dialog.accept()
    assert [c.team for c in match.snapshot().order] == [2, 0, 1]
    assert match.events[-1].kind is EventKind.ORDER_SET
    page.panel.next_question()
    assert not page.panel.stakes.order_button.isVisible()  # too late once choosing began


@pytest.mark.slow  # some 80 questions opened, one per widget of the whole window
def test_in_the_main_window_team_keys_buzz_from_every_widget_on_screen(
    window: MainWindow, services: Services, clock: FixedClock
) -> None:
    """The host's window is the whole app: side bar, menus and status bar included."""
    services.study.import_bundled()
    window.navigate("competition")
    page = window.competition
    match = page.start_match(contest(), TEAMS)
    assert match is not None
    match.start_round(clock.now())
    window.activateWindow()
    seen: set[int] = set()
    checked = 0
    while True:
        open_question(match, clock)
        fresh = [w for w in shown_widgets(window) if id(w) not in seen]
        if not fresh:
            break
        widget = fresh[0]
        seen.add(id(widget))
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if window.focusWidget() not in (widget, widget.focusProxy()):
            continue  # disabled: it cannot hold the focus
        since = len(match.events)
        for team, key in TEAM_KEYS.items():
            clock.advance(milliseconds=100 * (team + 1))
            press(widget, key)
        assert buzzing_teams(match, since) == [0, 1, 2], type(widget).__name__
        checked += 1
    assert checked > 30
    page.close_match()


def test_a_confirmation_over_the_panel_never_takes_a_team_key_but_its_text_field_does(
    page: CompetitionPage, match: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    open_question(match, clock)
    dialog = QDialog(page.panel)
    layout = QVBoxLayout(dialog)
    ok = QPushButton("确定")
    ok.setDefault(True)
    reason = QLineEdit()
    layout.addWidget(ok)
    layout.addWidget(reason)
    accepted: list[bool] = []
    ok.clicked.connect(lambda: accepted.append(True))
    dialog.show()
    qtbot.waitExposed(dialog)
    ok.setFocus()
    press(ok, Key.Key_Space)  # 三队's key on the focused default button
    assert buzzing_teams(match, 0) == [2] and not accepted
    reason.setFocus()
    qtbot.keyClicks(reason, "q1")  # typing the reason: text, not buzzes
    assert reason.text() == "q1" and buzzing_teams(match, 0) == [2]
    dialog.close()
