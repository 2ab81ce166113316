"""The exam in progress: a passive :class:`ExamView` the core's ExamSession drives.

Keys, clicks and the 1-second timer become ``session.goto/next/previous/toggle_flag/answer/tick/
submit`` calls; the session decides everything (time, saving, auto-submission) and tells this
screen what to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.exams import (
    ExamItem,
    ExamPhase,
    ExamResult,
    ExamSession,
    ItemResult,
    PaletteEntry,
)
from jgstudy.gui.exam.palette import PaletteGrid, legend
from jgstudy.gui.exam.question import ExamQuestion
from jgstudy.gui.exam.submit import confirm_box
from jgstudy.gui.exam.texts import clock_text
from jgstudy.gui.exam.util import discard
from jgstudy.gui.fit import keep_content_width
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import ENTER_KEYS
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import button, card, plain_label

WARN_AT = timedelta(minutes=5)
TICK_MS = 1000


class ExamScreen(QWidget):
    """Countdown, question, palette, flag, navigation and 交卷."""

    submitted = Signal(object)  # the ExamResult, however the paper went in

    def __init__(self) -> None:
        super().__init__()
        self.session: ExamSession | None = None
        self.question: ExamQuestion | None = None
        self.confirm: QMessageBox | None = None
        self._palette: list[PaletteEntry] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 22, 36, 18)
        layout.setSpacing(18)
        layout.addLayout(self._build_header())
        body = QHBoxLayout()
        body.setSpacing(24)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.area, 1)
        body.addWidget(self._build_side())
        layout.addLayout(body, 1)
        layout.addLayout(self._build_footer())
        self._shortcuts()

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title = plain_label(tr("模拟考试"), "title", wrap=True)
        box = card(QHBoxLayout(), margins=0)
        box.setObjectName("timerbox")
        box.setProperty("card", False)
        inner = box.layout()
        assert isinstance(inner, QHBoxLayout)
        inner.setContentsMargins(16, 6, 18, 6)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("剩余时间"), "muted"))
        self.countdown = plain_label("--:--")
        self.countdown.setObjectName("countdown")
        inner.addWidget(self.countdown)
        self.submit_button = button(tr("交卷"), primary=True)
        self.submit_button.setMinimumWidth(112)
        self.submit_button.clicked.connect(self.request_submit)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.title, 1)
        row.addWidget(box)
        row.addWidget(self.submit_button)
        return row

    def _build_side(self) -> QWidget:
        side = card(margins=18)
        side.setMinimumWidth(300)  # wider when large text or English needs it
        side.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        inner = side.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(plain_label(tr("答题卡"), "section"))
        top.addStretch(1)
        self.answered = plain_label("", "muted")
        top.addWidget(self.answered)
        inner.addLayout(top)
        self.grid = PaletteGrid()
        self.grid.picked.connect(self.goto)
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder.setWidget(self.grid)
        keep_content_width(holder)
        inner.addWidget(holder, 1)
        inner.addWidget(legend())
        self.flag_button = button(tr("⚑ 标记本题（Ctrl+F）"))
        self.flag_button.setObjectName("flagbutton")
        self.flag_button.clicked.connect(self.toggle_flag)
        inner.addWidget(self.flag_button)
        return side

    def _build_footer(self) -> QHBoxLayout:
        self.hint = plain_label("", "small", wrap=True)
        self.previous_button = button(tr("← 上一题"))
        self.next_button = button(tr("下一题 →"), primary=True)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.hint, 1)
        for btn in (self.previous_button, self.next_button):
            btn.setMinimumWidth(120)
            row.addWidget(btn)
        for btn in (self.previous_button, self.next_button, self.submit_button, self.flag_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return row

    def _shortcuts(self) -> None:
        # Shortcuts, so PgUp/PgDn and Ctrl+F work while typing in a blank too.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_PageUp), self.previous),
            (QKeySequence(Qt.Key.Key_PageDown), self.next),
            (QKeySequence("Ctrl+F"), self.toggle_flag),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- the session ---------------------------------------------------------------------

    def attach(self, session: ExamSession) -> None:
        """Drive ``session`` (it has already shown its question); the countdown starts."""
        self.session = session
        self.title.setText(session.title)
        if session.phase is ExamPhase.RUNNING:
            self.timer.start()

    def detach(self) -> None:
        """Stop showing the exam (its state is saved; it can be resumed later)."""
        self.timer.stop()
        self._close_confirm()
        self.session = None

    def running(self) -> bool:
        return self.session is not None and self.session.phase is ExamPhase.RUNNING

    # -- ExamView ------------------------------------------------------------------------

    def show_question(self, item: ExamItem) -> None:
        old = self.area.takeWidget()
        discard(old)
        self.question = ExamQuestion(item)
        self.question.changed.connect(self.save_answer)
        self.question.done.connect(self.next)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 4, 12, 4)
        holder_layout.addWidget(self.question)
        self.area.setWidget(holder)
        self.previous_button.setEnabled(item.index > 0)
        self.next_button.setEnabled(item.index < item.total - 1)
        keys = (
            tr("←/→ 或 PgUp/PgDn 切换题目")
            if item.record.question.type != "fill"
            else tr("PgUp/PgDn 切换题目")
        )
        self.hint.setText(
            tr("{hint}　·　{keys}　·　Ctrl+F 标记　·　答案随时自动保存").format(
                hint=self.question.hint(), keys=keys
            )
        )
        if not self.question.focus_answer():
            self.setFocus()

    def show_palette(self, palette: Sequence[PaletteEntry]) -> None:
        self._palette = list(palette)
        self.grid.show_palette(palette)
        done = sum(e.answered for e in palette)
        self.answered.setText(tr("已答 {done} / {count}").format(done=done, count=len(palette)))
        current = next((e for e in palette if e.current), None)
        flagged = current is not None and current.flagged
        self.flag_button.setText(
            (tr("取消标记") if flagged else tr("⚑ 标记本题")) + tr("（Ctrl+F）")
        )
        set_props(self.flag_button, flagged=flagged)
        if self.question is not None:
            self.question.set_flagged(flagged)

    def show_time(self, remaining: timedelta) -> None:
        self.countdown.setText(clock_text(remaining))
        set_props(self.countdown, warn=remaining <= WARN_AT)

    def show_feedback(self, item: ItemResult) -> None:
        if self.question is not None and self.question.item.index == item.index:
            self.question.show_feedback(item)

    def show_result(self, result: ExamResult) -> None:
        self.timer.stop()
        self._close_confirm()
        self.submitted.emit(result)

    # -- actions -------------------------------------------------------------------------

    def tick(self) -> None:
        """The timer's slot: the session updates the countdown and submits at zero."""
        if self.session is not None:
            self.session.tick()

    def goto(self, index: int) -> None:
        if self.running():
            assert self.session is not None
            self.session.goto(index)

    def next(self) -> None:
        if self.running():
            assert self.session is not None
            self.session.next()

    def previous(self) -> None:
        if self.running():
            assert self.session is not None
            self.session.previous()

    def toggle_flag(self) -> None:
        if self.running():
            assert self.session is not None
            self.session.toggle_flag()

    def save_answer(self) -> None:
        """Every change of the answer is handed to the session at once (it saves it)."""
        if self.running() and self.question is not None:
            assert self.session is not None
            self.session.answer(self.question.item.index, self.question.response())

    def request_submit(self) -> QMessageBox | None:
        """Ask before handing in, listing the unanswered and flagged questions."""
        if not self.running():
            return None
        assert self.session is not None
        self._close_confirm()
        box, submit = confirm_box(self, self.session.unanswered(), self.session.flagged())
        box.finished.connect(lambda _r: self._confirmed(box.clickedButton() is submit))
        self.confirm = box
        box.open()
        return box

    def _confirmed(self, submit: bool) -> None:
        self.confirm = None
        if submit and self.running():
            assert self.session is not None
            self.session.submit()

    def _close_confirm(self) -> None:
        box, self.confirm = self.confirm, None
        if box is not None:
            box.done(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_key(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if not self.running() or self.question is None:
            return False
        key = event.key()
        if key == Qt.Key.Key_Right or key in ENTER_KEYS:
            self.next()
            return True
        if key == Qt.Key.Key_Left:
            self.previous()
            return True
        return self.question.pick(event)
