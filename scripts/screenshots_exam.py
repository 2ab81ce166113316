"""Screenshots of 模拟考试 and 竞赛 in the main window, rendered offscreen on a temporary database.

    uv run python scripts/screenshots_exam.py [--out DIR] [--theme dark] [--language en] [--size WxH]

Imports the bundled banks, takes part of the 巅峰问鼎 paper by keyboard with a fixed clock, hands
it in, then hosts the bundled skills contest through its first round into 抢答 with a false start
and a buzz. Saves PNGs named exam-*.png and comp-*.png (the scoreboard at the screen's size).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from shotkit import Shooter, key, prepare, run_script, settle, window_size, with_dialog

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import CompetitionService
from jgstudy.core.exams import ExamService, ExamSession
from jgstudy.core.grading import Response
from jgstudy.core.model import FillQuestion, MultipleQuestion, SingleQuestion
from jgstudy.core.records import UserInfo
from jgstudy.core.services import open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.competition import CompetitionPage
from jgstudy.gui.prefs import Preferences

BEIJING = timezone(timedelta(hours=8), "CST")
START = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 09:30 in Wuhan


def answer_most(session: ExamSession) -> None:
    """Right answers to most of the paper, a wrong one here and there, two left open."""
    for index in range(session.total):
        question = session.item(index).record.question
        if index in (11, 23) or session.item(index).response is not None:
            continue
        if isinstance(question, FillQuestion):
            response: Response = tuple(b[0] for b in question.blanks)
        elif isinstance(question, MultipleQuestion):
            response = frozenset(question.answer)
        else:
            response = question.answer  # type: ignore[union-attr]
        if index % 6 == 5 and isinstance(question, SingleQuestion):
            response = next(k for k in question.options if k != question.answer)
        session.answer(index, response)


def has_options(page: CompetitionPage) -> bool:
    assert page.match is not None
    record = page.match.snapshot().question
    return record is None or isinstance(record.question, SingleQuestion)


def shoot_exam(s: Shooter, window: MainWindow, user: UserInfo, clock: FixedClock) -> None:
    app = s.app
    window.navigate("exam")
    page = window.exam
    final = next(p for p in ExamService.bundled_blueprints() if p.stem == "skills-final")
    page.start_file(final)
    session = page.session
    assert session is not None
    for index, (code, text) in enumerate(
        [(Qt.Key.Key_A, "a"), (Qt.Key.Key_C, "c"), (Qt.Key.Key_B, "b"), (Qt.Key.Key_D, "d")]
    ):
        clock.advance(seconds=25)
        key(app, page.exam_screen, code, text)
        if index == 2:
            session.toggle_flag()
        session.next()
    session.goto(7)
    session.toggle_flag()
    session.goto(4)
    clock.advance(minutes=1, seconds=37)
    page.exam_screen.tick()
    s.shot("exam-02-question")
    page.set_user(user)  # leave the paper (it is saved): the picker offers 继续考试
    s.shot("exam-01-picker")
    page.resume()
    session = page.session
    assert session is not None
    session.goto(20)
    page.exam_screen.question.input.blanks[0].setText("社会")  # type: ignore[union-attr]
    clock.advance(minutes=2)
    page.exam_screen.tick()
    s.shot("exam-03-fill")
    answer_most(session)
    session.goto(20)
    box = page.exam_screen.request_submit()
    assert box is not None
    settle(app)
    s.save("exam-04-confirm", with_dialog(window, box))
    box.done(0)
    session.submit()
    s.shot("exam-05-result")
    page.result.area.verticalScrollBar().setValue(560)
    s.shot("exam-06-result-items")
    page.show_picker()
    s.shot("exam-07-picker-history")


def shoot_competition(s: Shooter, window: MainWindow, clock: FixedClock) -> None:
    app = s.app
    window.navigate("competition")
    page = window.competition
    page.panel._confirm = lambda *_a: True  # no modal question in an offscreen run
    s.shot("comp-01-lobby")
    dialog = page.new_match()
    dialog.count.setValue(6)
    settle(app)
    s.save("comp-02-setup", with_dialog(window, dialog))
    dialog.reject()
    config = CompetitionService.load_config(CompetitionService.bundled_configs()[0])
    page.start_match(config)
    panel = page.panel
    panel.start_round()
    for n in range(8):  # 必答: two questions per team
        clock.advance(seconds=4)
        panel.next_question()
        clock.advance(seconds=6)
        panel.release()
        clock.advance(seconds=14)
        panel.judge(n % 3 != 1)
    clock.advance(seconds=20)
    panel.next_round()  # 抢答
    clock.advance(seconds=5)
    panel.next_question()
    while not has_options(page):  # a single-choice question shows best on the big screen
        panel.next_question()
    clock.advance(seconds=2)
    key(app, page.scoreboard, Qt.Key.Key_M, "m")  # a false start
    clock.advance(seconds=4)
    panel.release()
    clock.advance(seconds=1, milliseconds=380)
    key(app, page.scoreboard, Qt.Key.Key_P, "p")
    clock.advance(milliseconds=120)
    key(app, page.scoreboard, Qt.Key.Key_Q, "q")
    clock.advance(seconds=6)
    page.tick()
    s.shot("comp-03-host-panel")
    screen = app.primaryScreen().geometry().size()
    page.scoreboard.resize(screen if screen.width() >= 1024 else window.size())
    s.shot("comp-04-scoreboard-buzz", page.scoreboard)
    clock.advance(seconds=3)
    panel.judge(True)
    page.tick()
    s.shot("comp-05-scoreboard-answer", page.scoreboard)
    drill = page.open_drill("speed")
    assert drill is not None
    clock.advance(seconds=9)
    drill.tick()
    settle(app)
    s.save("comp-06-drill", with_dialog(window, drill))
    drill.reject()


def build(options: argparse.Namespace) -> int:
    """Shoot the exam and the contest; the number of widgets found cut off."""
    app = prepare(options)
    tmp = Path(tempfile.mkdtemp(prefix="jgstudy-exam-shots-"))
    prefs = Preferences(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    clock = FixedClock(START)
    url = f"sqlite:///{tmp / 'jgstudy.sqlite3'}"
    services = open_services(url, clock, BEIJING)
    services.study.import_bundled()
    user = services.study.ensure_user("王明", "市委办公室")
    window = MainWindow(services, prefs, str(tmp), url)
    window.resize(window_size(options))
    window.show()
    window.set_user(user)
    shooter = Shooter(app, options.out, window)
    shoot_exam(shooter, window, user, clock)
    shoot_competition(shooter, window, clock)
    services.close()
    return shooter.clipped


def main(argv: list[str] | None = None) -> int:
    return run_script(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
