"""单人演练: a cadre rehearses alone — 速答 (as many as possible in 60 s) or 抢答 reaction.

A passive :class:`DrillView` over the core's SpeedDrill / ReactionDrill; answers use the practice
page's answer inputs. In the reaction drill the question is read first and released after a short
reading time; Space buzzes (too early is a false start), then the cadre answers.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from jgstudy.core.competition import (
    BuzzResult,
    CompetitionService,
    DrillPhase,
    DrillResult,
    ReactionDrill,
    SpeedDrill,
)
from jgstudy.core.exams import DrawError
from jgstudy.core.grading import Grade
from jgstudy.core.model import display_stem
from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.gui.competition.drill_face import DrillFace, result_text
from jgstudy.gui.exam.texts import clock_text, type_label
from jgstudy.gui.exam.util import discard
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.practice.base import ENTER_KEYS, AnswerInput
from jgstudy.gui.practice.card import make_input
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.widgets import button, plain_label

READING_MS = 3000
TICK_MS = 100


class DrillDialog(QDialog):
    """Start → questions against the clock → result."""

    def __init__(
        self,
        competitions: CompetitionService,
        user: UserInfo,
        parent: QWidget | None = None,
        *,
        reading_ms: int = READING_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("单人演练"))
        self.resize(900, 640)
        self._competitions = competitions
        self._now = competitions.now
        self._user = user
        self._reading_ms = reading_ms
        self.drill: SpeedDrill | ReactionDrill | None = None
        self.input: AnswerInput | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.release_timer = QTimer(self)
        self.release_timer.setSingleShot(True)
        self.release_timer.timeout.connect(self.release)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_face())
        self.stack.addWidget(self._question_face())
        self.stack.addWidget(self._result_face())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.stack)

    # -- faces ---------------------------------------------------------------------------

    def _start_face(self) -> QWidget:
        face = QWidget()
        layout = QVBoxLayout(face)
        layout.setSpacing(14)
        layout.addWidget(plain_label(tr("单人演练"), "title"))
        layout.addWidget(
            plain_label(tr("独自练习比赛节奏；每道题都记入练习记录和错题本。"), "muted")
        )
        self.speed_button = button(tr("速答演练：60 秒内答得越多越好"), primary=True, big=True)
        self.reaction_button = button(tr("抢答反应演练：读题，出题后按空格抢答"), big=True)
        self.speed_button.clicked.connect(self.start_speed)
        self.reaction_button.clicked.connect(self.start_reaction)
        for btn in (self.speed_button, self.reaction_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(btn)
        self.start_message = plain_label("", "muted", wrap=True)
        layout.addWidget(self.start_message)
        layout.addStretch(1)
        return face

    def _question_face(self) -> QWidget:
        face = DrillFace()
        self.heading, self.countdown, self.banner = face.heading, face.countdown, face.banner
        self.stem, self.holder, self.feedback, self.hint = (
            face.stem,
            face.holder,
            face.feedback,
            face.hint,
        )
        self.skip_button, self.submit_button = face.skip_button, face.submit_button
        self.skip_button.clicked.connect(self.skip)
        self.submit_button.clicked.connect(self.submit)
        face.stop_button.clicked.connect(self.finish)
        return face

    def _result_face(self) -> QWidget:
        face = QWidget()
        layout = QVBoxLayout(face)
        layout.setSpacing(14)
        layout.addWidget(plain_label(tr("演练结束"), "title"))
        self.summary = plain_label("", "fact", wrap=True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        again = button(tr("再练一次"), primary=True)
        again.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        close = button(tr("关闭"))
        close.clicked.connect(self.accept)
        row.addWidget(again)
        row.addWidget(close)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return face

    # -- starting ------------------------------------------------------------------------

    def start_speed(self) -> bool:
        try:
            drill = self._competitions.speed_drill(self._user, self)
        except DrawError as exc:
            self.start_message.setText(tr("无法开始：{exc}").format(exc=tr_error(exc)))
            return False
        self._begin(drill)
        drill.start(self._now())
        self.tick()  # the countdown shows at once
        return True

    def start_reaction(self) -> bool:
        try:
            drill = self._competitions.reaction_drill(self._user, self)
        except DrawError as exc:
            self.start_message.setText(tr("无法开始：{exc}").format(exc=tr_error(exc)))
            return False
        self._begin(drill)
        drill.next(self._now())
        return True

    def _begin(self, drill: SpeedDrill | ReactionDrill) -> None:
        self.drill = drill
        speed = isinstance(drill, SpeedDrill)
        self.skip_button.setVisible(speed)
        self.feedback.setText("")
        self.stack.setCurrentIndex(1)
        self.timer.start()
        self.setFocus()

    # -- DrillView -----------------------------------------------------------------------

    def show_question(self, record: QuestionRecord, position: int) -> None:
        discard(self.input)
        question = record.question
        self.heading.setText(
            tr("第 {position} 题 · {type_label}").format(
                position=position, type_label=type_label(question)
            )
        )
        self.stem.setText(display_stem(question.stem))
        self.input = make_input(question)
        self.input.enter_pressed.connect(self._enter)
        self.holder.addWidget(self.input)
        self.stem.setHidden(self.input.renders_stem())
        if isinstance(self.drill, ReactionDrill):
            self._reading()
        else:
            self.banner.setText(tr("速答进行中"))
            self.hint.setText(
                tr("{key_hint}　·　题目太难可跳过").format(key_hint=self.input.key_hint())
            )
            if not self.input.focus_answer():
                self.setFocus()

    def show_time(self, remaining: timedelta | None) -> None:
        self.countdown.setText(clock_text(remaining) if remaining is not None else "")

    def show_feedback(self, record: QuestionRecord, grade: Grade) -> None:
        verdict = (
            tr("✓ 正确")
            if grade.correct
            else tr("✗ 错误，答案：{answer_text}").format(answer_text=answer_text(record.question))
        )
        prefix = tr("上一题：") if isinstance(self.drill, SpeedDrill) else ""
        self.feedback.setText(prefix + verdict)

    def show_drill_result(self, result: DrillResult) -> None:
        self.timer.stop()
        self.release_timer.stop()
        self.summary.setText(result_text(result))
        self.stack.setCurrentIndex(2)

    # -- the reaction drill --------------------------------------------------------------

    def _reading(self) -> None:
        assert self.input is not None
        self.input.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.banner.setText(tr("读题中……出题后按空格抢答"))
        self.hint.setText(tr("空格抢答；出题前按下算抢跑"))
        self.feedback.setText("")
        self.setFocus()
        if self._reading_ms > 0:
            self.release_timer.start(self._reading_ms)

    def release(self) -> None:
        drill = self.drill
        if isinstance(drill, ReactionDrill) and drill.phase is DrillPhase.READING:
            drill.release(self._now())
            self.banner.setText(tr("抢答！按空格"))

    def buzz(self) -> None:
        drill = self.drill
        if not isinstance(drill, ReactionDrill):
            return
        outcome = drill.buzz(self._now())
        if outcome is BuzzResult.FALSE_START:
            self.banner.setText(tr("抢跑了！请等出题后再抢答"))
        elif drill.phase is DrillPhase.ASKING and self.input is not None:
            self.banner.setText(tr("抢答成功，请作答"))
            self.input.setEnabled(True)
            self.submit_button.setEnabled(True)
            self.hint.setText(self.input.key_hint())
            if not self.input.focus_answer():
                self.setFocus()

    # -- actions -------------------------------------------------------------------------

    def tick(self) -> None:
        drill = self.drill
        if drill is None or drill.phase is DrillPhase.FINISHED:
            return
        drill.tick(self._now())
        if isinstance(drill, ReactionDrill) and drill.phase is DrillPhase.CLOSED:
            self._closed()

    def _closed(self) -> None:
        if self.input is not None:
            self.input.setEnabled(False)
        self.submit_button.setEnabled(False)
        if not self.feedback.text():
            self.feedback.setText(tr("未抢答，本题跳过"))
        self.banner.setText(tr("本题结束"))
        self.hint.setText(tr("按空格进入下一题"))
        self.setFocus()

    def submit(self) -> None:
        drill, answer_input = self.drill, self.input
        if drill is None or answer_input is None or drill.phase is not DrillPhase.ASKING:
            return
        response = answer_input.response()
        if response is None:
            self.hint.setText(tr("请先作答，再按回车提交。"))
            return
        drill.answer(response, self._now())
        if isinstance(drill, ReactionDrill):
            self._closed()

    def skip(self) -> None:
        if isinstance(self.drill, SpeedDrill) and self.drill.phase is DrillPhase.ASKING:
            self.drill.skip(self._now())

    def next(self) -> None:
        drill = self.drill
        if isinstance(drill, ReactionDrill) and drill.phase is DrillPhase.CLOSED:
            drill.next(self._now())

    def finish(self) -> None:
        if self.drill is not None and self.drill.phase is not DrillPhase.FINISHED:
            self.drill.finish(self._now())

    def _enter(self) -> None:
        if self.input is not None and not self.input.advance():
            self.submit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and isinstance(self.drill, ReactionDrill):
            if self.drill.phase is DrillPhase.CLOSED:
                self.next()
            elif not event.isAutoRepeat():
                self.buzz()
        elif key in ENTER_KEYS:
            self.submit()
        elif key == Qt.Key.Key_Escape and self.stack.currentIndex() == 1:
            self.finish()
        elif self.input is None or not self.input.isEnabled() or not self.input.pick(event):
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.finish()  # closing mid-drill hands in what was answered
        self.timer.stop()
        self.release_timer.stop()
        super().done(result)
