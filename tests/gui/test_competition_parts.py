"""Buzzer key names, generated sounds, the big screen's placement and the solo drills."""

from __future__ import annotations

import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import CompetitionService, DrillPhase, EventKind, MatchEvent
from jgstudy.core.services import Services
from jgstudy.gui.competition import DrillDialog, Scoreboard
from jgstudy.gui.competition.keys import KEY_CHOICES, key_label, key_name
from jgstudy.gui.competition.scoreboard import show_on_stage
from jgstudy.gui.competition.sounds import CUES, Sounds, cue_for, write_wav

Key = Qt.Key
Mod = Qt.KeyboardModifier


def press(key: Qt.Key, mods: Qt.KeyboardModifier = Mod.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, mods)


@pytest.mark.parametrize(
    ("key", "mods", "name"),
    [
        (Key.Key_Q, Mod.NoModifier, "Q"),
        (Key.Key_1, Mod.NoModifier, "1"),
        (Key.Key_1, Mod.KeypadModifier, "Num1"),
        (Key.Key_F1, Mod.NoModifier, "F1"),
        (Key.Key_F12, Mod.NoModifier, "F12"),
        (Key.Key_Space, Mod.NoModifier, "Space"),
        (Key.Key_Enter, Mod.KeypadModifier, "Enter"),
        (Key.Key_Return, Mod.NoModifier, "Enter"),
        (Key.Key_Tab, Mod.NoModifier, "Tab"),
        (Key.Key_Q, Mod.ControlModifier, None),
        (Key.Key_Escape, Mod.NoModifier, None),
        (Key.Key_F13, Mod.NoModifier, None),
    ],
)
def test_qt_keys_are_named_as_the_core_names_buzzer_keys(
    key: Qt.Key, mods: Qt.KeyboardModifier, name: str | None
) -> None:
    assert key_name(press(key, mods)) == name
    assert name is None or name in KEY_CHOICES


def test_key_labels_read_in_chinese() -> None:
    assert [key_label(k) for k in ("Q", "Space", "Num3", "F1")] == ["Q", "空格", "小键盘3", "F1"]


def test_cues_are_written_as_real_wav_files(tmp_path: Path) -> None:
    for name, tones in CUES.items():
        path = write_wav(tmp_path / f"{name}.wav", tones)
        with wave.open(str(path)) as wav:
            assert wav.getnchannels() == 1 and wav.getframerate() == 22050
            assert wav.getnframes() == sum(int(22050 * s) for _f, s in tones)


def test_events_pick_their_cue() -> None:
    at = datetime(2026, 3, 2, tzinfo=UTC)
    buzz = MatchEvent(1, at, EventKind.BUZZ, 0, {"accepted": True})
    late = MatchEvent(2, at, EventKind.BUZZ, 1, {"accepted": False})
    right = MatchEvent(3, at, EventKind.JUDGED, 0, {"correct": True, "delta": 10})
    out = MatchEvent(4, at, EventKind.TIMEOUT, None, {"timer": "buzz"})
    assert [cue_for(e) for e in (buzz, late, right, out)] == ["buzz", None, "correct", "timeout"]


def test_sound_is_off_by_default_and_never_fails(qtbot: QtBot) -> None:
    sounds = Sounds()
    assert not sounds.enabled
    sounds.play("buzz")  # off: nothing happens
    sounds.set_enabled(True)  # on this machine it may or may not be able to play
    at = datetime(2026, 3, 2, tzinfo=UTC)
    sounds.on_event(MatchEvent(1, at, EventKind.JUDGED, 0, {"correct": False}))
    sounds.play("no such cue")


def test_with_one_screen_the_big_screen_is_a_normal_window(qtbot: QtBot) -> None:
    board = Scoreboard()
    qtbot.addWidget(board)
    screen = board.screen()
    show_on_stage(board, screen, host=screen)  # the host's own screen: a window beside it
    assert board.isVisible() and not board.isFullScreen()
    area = screen.availableGeometry()  # fits the screen, whatever its size
    assert board.width() <= area.width() and board.height() <= area.height()
    assert area.contains(board.geometry().center())


@pytest.fixture
def competitions(services: Services) -> CompetitionService:
    services.study.import_bundled()
    return services.competitions


def open_drill(qtbot: QtBot, services: Services) -> DrillDialog:
    user = services.study.ensure_user("王明")
    dialog = DrillDialog(services.competitions, user, reading_ms=0)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_reaction_drill_false_start_buzz_and_answer_by_keyboard(
    qtbot: QtBot, services: Services, competitions: CompetitionService, clock: FixedClock
) -> None:
    dialog = open_drill(qtbot, services)
    assert dialog.start_reaction()
    drill = dialog.drill
    assert drill is not None and drill.phase is DrillPhase.READING
    assert dialog.input is not None and not dialog.input.isEnabled()
    qtbot.keyClick(dialog, Key.Key_Space)  # too early
    assert "抢跑" in dialog.banner.text()
    dialog.release()  # the reading time is over
    clock.advance(milliseconds=700)
    qtbot.keyClick(dialog, Key.Key_Space)
    assert drill.phase is DrillPhase.ASKING and dialog.input.isEnabled()
    question = drill.current
    assert question is not None
    dialog.input.focus_answer()
    answer = {"judge": Key.Key_A, "single": Key.Key_A, "multiple": Key.Key_A}
    if question.question.type in answer:
        qtbot.keyClick(dialog, answer[question.question.type])
    else:
        qtbot.keyClicks(dialog.focusWidget(), "1")
    clock.advance(seconds=3)
    qtbot.keyClick(dialog, Key.Key_Return)
    assert drill.phase is DrillPhase.CLOSED
    assert dialog.feedback.text().startswith(("✓", "✗"))
    dialog.finish()
    assert dialog.stack.currentIndex() == 2
    assert "抢跑 1 次" in dialog.summary.text()
    assert "平均抢答反应 0.70 秒" in dialog.summary.text()


def test_speed_drill_ends_when_the_time_is_up(
    qtbot: QtBot, services: Services, competitions: CompetitionService, clock: FixedClock
) -> None:
    dialog = open_drill(qtbot, services)
    assert dialog.start_speed()
    assert dialog.countdown.text() == "01:00"
    dialog.skip()
    clock.advance(seconds=61)
    dialog.timer.timeout.emit()
    assert dialog.stack.currentIndex() == 2
    assert dialog.summary.text().startswith("答对 0 / 0 题")
