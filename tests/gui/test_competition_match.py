"""Hosting a match: buzzer keys on the panel and the big screen, judging, undo, time-outs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import (
    CompetitionConfig,
    EventKind,
    Match,
    Phase,
    Team,
)
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.gui.competition import CompetitionPage

Key = Qt.Key
TEAMS = [
    Team(name="一队", key="Q"),
    Team(name="二队", key="P"),
    Team(name="三队", key="Z"),
    Team(name="四队", key="M"),
]


def buzzer_contest() -> CompetitionConfig:
    """Two rounds: 抢答 first (10 s window, 20 s to answer, −5 a false start), then 风险题.

    Scores start at 0 so the screens' numbers read as the points won.
    """
    return CompetitionConfig.model_validate(
        {
            "format": 1,
            "id": "gui-test",
            "title": "测试赛",
            "seed": 7,
            "starting_score": 0,
            "rounds": [
                {"kind": "buzzer", "count": 3, "buzz_window_seconds": 10, "false_start_points": -5},
                {"kind": "risk", "per_team": 1, "order": "line_up"},
            ],
        }
    )


@pytest.fixture
def page(qtbot: QtBot, services: Services) -> CompetitionPage:
    services.study.import_bundled()
    page = CompetitionPage(services.competitions, confirm=lambda *_args: True)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def reading(page: CompetitionPage, qtbot: QtBot, clock: FixedClock) -> Match:
    """A four-team match with the first 抢答 question on screen, not yet released."""
    match = page.start_match(buzzer_contest(), TEAMS)
    assert match is not None
    assert page.scoreboard.isVisible()
    click(qtbot, page, "start_round")
    clock.advance(seconds=2)
    click(qtbot, page, "next_question")
    assert match.phase is Phase.READING
    return match


def click(qtbot: QtBot, page: CompetitionPage, name: str) -> None:
    button = page.panel.buttons[name]
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def scores_shown(page: CompetitionPage) -> list[str]:
    return [row.score.text() for row in page.panel.scores.rows]


def buzzes(match: Match) -> list[tuple[int | None, bool]]:
    return [(e.team, bool(e.payload["accepted"])) for e in match.events if e.kind is EventKind.BUZZ]


def test_the_first_key_after_the_release_wins_and_the_others_are_locked_out(
    page: CompetitionPage, reading: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    click(qtbot, page, "release")
    assert reading.phase is Phase.BUZZING
    clock.advance(milliseconds=640)
    qtbot.keyClick(page.scoreboard, Key.Key_P)  # team 2 on the big screen's window
    clock.advance(milliseconds=30)
    qtbot.keyClick(page.panel, Key.Key_Q)  # team 1, a moment later, on the host's window
    snapshot = reading.snapshot()
    assert snapshot.phase is Phase.ANSWERING and snapshot.team == 1
    assert buzzes(reading) == [(1, True), (0, False)]
    assert page.scoreboard.tiles[1].state == "active"
    assert "二队抢答成功" in page.scoreboard.banner.text()
    assert page.panel.log.item(0).text().endswith("一队 慢了一步（0.67 秒）")
    qtbot.keyClick(page.panel, Key.Key_Q)  # pressing again changes nothing
    assert buzzes(reading) == [(1, True), (0, False)]
    assert page.panel.buttons["right"].isEnabled()


def test_a_press_before_the_release_is_a_false_start_and_costs_points(
    page: CompetitionPage, reading: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    qtbot.keyClick(page.scoreboard, Key.Key_M)  # team 4 jumps the gun
    assert reading.scores == (0, 0, 0, -5)
    assert scores_shown(page) == ["0", "0", "0", "−5"]
    assert page.scoreboard.tiles[3].score.text() == "−5"
    assert "四队抢跑" in page.scoreboard.banner.text()
    assert page.scoreboard.tiles[3].state == "locked"
    qtbot.keyClick(page.scoreboard, Key.Key_M)  # penalised once per question
    assert reading.scores == (0, 0, 0, -5)
    click(qtbot, page, "release")
    qtbot.keyClick(page.panel, Key.Key_M)  # still out for this question
    assert reading.phase is Phase.BUZZING


def test_auto_repeat_and_keys_of_no_team_are_not_buzzes(
    page: CompetitionPage, reading: Match, qtbot: QtBot
) -> None:
    click(qtbot, page, "release")
    held = QKeyEvent(QEvent.Type.KeyPress, Key.Key_Z, Qt.KeyboardModifier.NoModifier, "z", True)
    QApplication.sendEvent(page.scoreboard, held)
    qtbot.keyClick(page.scoreboard, Key.Key_X)  # nobody's key
    qtbot.keyClick(page.scoreboard, Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert buzzes(reading) == []
    qtbot.keyClick(page.panel.scores.rows[0].plus, Key.Key_Z)  # Z on a focused button buzzes
    assert buzzes(reading) == [(2, True)]


def test_judging_and_undo_through_the_panel_restore_the_score(
    page: CompetitionPage, reading: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    click(qtbot, page, "release")
    clock.advance(seconds=1)
    qtbot.keyClick(page.scoreboard, Key.Key_Z)
    clock.advance(seconds=5)
    click(qtbot, page, "right")
    assert scores_shown(page) == ["0", "0", "10", "0"]
    assert page.scoreboard.tiles[2].score.text() == "10"
    assert page.scoreboard.answer.isVisible()  # the answer only once judged
    click(qtbot, page, "undo")
    assert scores_shown(page) == ["0", "0", "0", "0"]
    assert reading.phase is Phase.ANSWERING and reading.snapshot().team == 2
    assert not page.scoreboard.answer.isVisible()
    assert page.panel.log.item(0).text().endswith("撤销判分：三队 −10 分")
    click(qtbot, page, "wrong")  # the host re-judges: wrong, the others may buzz again
    assert scores_shown(page) == ["0", "0", "−10", "0"]
    assert reading.phase is Phase.BUZZING
    assert page.scoreboard.tiles[2].state == "locked"


def test_the_buzz_window_runs_out_on_the_clock(
    page: CompetitionPage, reading: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    click(qtbot, page, "release")
    clock.advance(seconds=4)
    page.timer.timeout.emit()
    assert page.scoreboard.clock.text() == "00:06"
    assert page.panel.clock.text() == "00:06"
    clock.advance(seconds=7)
    page.timer.timeout.emit()
    assert reading.phase is Phase.CLOSED
    assert page.scoreboard.banner.text() == "观众题：无人抢答，答案揭晓"
    assert page.scoreboard.answer.isVisible()  # 观众题: the audience sees the answer
    qtbot.keyClick(page.scoreboard, Key.Key_Q)  # too late: nothing happens
    assert buzzes(reading) == []


def test_risk_stakes_are_chosen_on_the_panel(
    page: CompetitionPage, reading: Match, qtbot: QtBot, clock: FixedClock
) -> None:
    click(qtbot, page, "next_round")  # confirm says yes: on to 风险题
    click(qtbot, page, "next_question")
    assert reading.phase is Phase.READY
    stakes = [b for b in page.panel.stake_buttons if b.isVisible()]
    assert [b.text() for b in stakes] == ["10 分", "20 分", "30 分"]
    assert "请一队选择分值" in page.scoreboard.banner.text()
    qtbot.mouseClick(stakes[1], Qt.MouseButton.LeftButton)
    click(qtbot, page, "release")
    click(qtbot, page, "right")
    assert reading.scores == (20, 0, 0, 0)


def test_a_match_set_up_in_the_dialog_starts_with_its_teams(
    page: CompetitionPage, qtbot: QtBot
) -> None:
    dialog = page.new_match()
    assert dialog.count.value() == 4
    assert [k.currentData() for k in dialog.keys[:4]] == ["Q", "Z", "P", "M"]
    dialog.count.setValue(6)
    assert [k.currentData() for k in dialog.keys[4:6]] == ["1", "9"]
    dialog.keys[5].setCurrentIndex(dialog.keys[5].findData("Q"))
    assert "抢答键有重复" in dialog.problems.text()
    assert not dialog.ok_button.isEnabled()
    dialog.keys[5].setCurrentIndex(dialog.keys[5].findData("F12"))
    dialog.names[4].setText("")
    assert "第 5 队缺少队名" in dialog.problems.text()
    dialog.names[4].setText("市委办")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.match is not None
    assert [t.key for t in page.match.teams] == ["Q", "Z", "P", "M", "1", "F12"]
    assert page.stack.currentWidget() is page.panel
    assert len(page.scoreboard.tiles) == 6


def test_a_stored_match_reopens_where_it_was(
    page: CompetitionPage, reading: Match, qtbot: QtBot, service: StudyService
) -> None:
    qtbot.keyClick(page.scoreboard, Key.Key_M)
    page.leave()
    assert page.stack.currentWidget() is page.lobby
    assert page.lobby.matches.count() == 1
    qtbot.keyClick(page.lobby, Key.Key_Q)  # no match on the panel: Q is no buzzer now
    page.lobby.open_button.click()
    assert page.match is not None and page.match.scores == (0, 0, 0, -5)
    assert page.match.phase is Phase.READING
    lines = [page.panel.log.item(i).text() for i in range(page.panel.log.count())]
    assert any("四队 第 1 次抢跑，−5 分" in line for line in lines)
