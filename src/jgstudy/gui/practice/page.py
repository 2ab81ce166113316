"""The practice view: a passive :class:`PracticeView` that the core's session drives.

The page turns keys and clicks into ``session.submit/next/undo/finish`` calls and shows what the
session tells it to show. Grading, scheduling and ordering all live in the core.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.grading import Response
from jgstudy.core.order import NewOrder
from jgstudy.core.records import PracticeMode, QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.session import Feedback, Phase, PracticeSession, Summary
from jgstudy.gui.fit import page_room
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.practice.base import ENTER_KEYS
from jgstudy.gui.practice.card import QuestionCard
from jgstudy.gui.practice.panels import StartPanel, SummaryPanel
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.widgets import button, elided_title, plain_label, view_layout
from jgstudy.gui.workbook.marks import MarkBar

FOOTER_GAP = 12
HINT_EMS = 12  # the least room the key hint gets beside the buttons, in ems (a CJK character)

MODE_TITLES = {
    PracticeMode.MIXED: N_("综合练习"),
    PracticeMode.REVIEW: N_("复习到期题"),
    PracticeMode.NEW: N_("学习新题"),
    PracticeMode.WRONG: N_("错题重练"),
}
EMPTY_MESSAGES = {
    PracticeMode.MIXED: N_("今天没有到期的题，新题也已学完当日上限。休息一下，明天再来！"),
    PracticeMode.REVIEW: N_("今天没有到期需要复习的题。"),
    PracticeMode.NEW: N_("今天的新题已学完（可在“设置”里调整每日新题上限），或题库里已没有新题。"),
    PracticeMode.WRONG: N_("错题本是空的，继续保持！"),
}


VERDICT_ROOM = 96  # the feedback's first lines: 回答错误 and the right answer


class PracticePage(QWidget):
    """Shows questions, feedback and the summary of a practice session."""

    session_finished = Signal()
    home_requested = Signal()

    def __init__(self, service: StudyService, prefs: Preferences) -> None:
        super().__init__()
        self._service = service
        self._prefs = prefs
        self._user: UserInfo | None = None
        self._mode = PracticeMode.MIXED
        self.session: PracticeSession | None = None
        self.card: QuestionCard | None = None
        self._bank_titles: dict[str, str] = {}
        # What was typed, kept across Ctrl+Z: the answers given (newest last) and the drafts of
        # questions left by an undo, put back when each question is shown again.
        self._given: list[tuple[int, Response]] = []
        self._drafts: dict[int, Response] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = view_layout(self)
        layout.setContentsMargins(36, 22, 36, 18)
        layout.addLayout(self._build_header())
        self.stack = QStackedWidget()
        self.start_panel = StartPanel()
        self.start_panel.start_requested.connect(self.start)
        self.question_area = QScrollArea()
        self.question_area.setWidgetResizable(True)
        self.question_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary_panel = SummaryPanel()
        self.summary_panel.home_requested.connect(self.home_requested)
        self.summary_panel.again_requested.connect(lambda: self.start(self._mode))
        for widget in (self.start_panel, self.question_area, self.summary_panel):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.marks = MarkBar()  # 收藏, 笔记, 纠错: shown once the question is answered
        self.marks.hide()
        layout.addWidget(self.marks)
        layout.addLayout(self._build_footer())
        self._show_start("")

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title = elided_title(tr("练习"))
        self.count = plain_label("", "muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.title)
        row.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.count)
        return row

    def _build_footer(self) -> QBoxLayout:
        self.hint = plain_label("", "small", wrap=True)  # long hints wrap, never cut off
        self.undo_button = button(tr("撤销上一题（Ctrl+Z）"), flat=True)
        self.leave_button = button(tr("结束练习（Esc）"))
        self.action_button = button(tr("提交（回车）"), primary=True)
        self.action_button.setMinimumWidth(160)
        self.undo_button.clicked.connect(self.undo)
        self.leave_button.clicked.connect(self.leave)
        self.action_button.clicked.connect(self.advance)
        buttons = QHBoxLayout()
        buttons.setSpacing(FOOTER_GAP)
        buttons.addStretch(1)  # right-aligned, also on a row of their own
        for btn in (self.undo_button, self.leave_button, self.action_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(btn)
        self.footer = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.footer.setSpacing(FOOTER_GAP)
        self.footer.addWidget(self.hint, 1)
        self.footer.addLayout(buttons)
        self.footer_widgets = (self.hint, self.undo_button, self.leave_button, self.action_button)
        return self.footer

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_footer()

    def _fit_footer(self) -> None:
        """The hint beside the buttons, or above them when the buttons and a hint of a dozen
        characters do not fit on one line (English at the largest text on 1280x720 squeezed
        "Submit (Enter)" and folded the hint into a column a word wide)."""
        shown = [
            b for b in (self.undo_button, self.leave_button, self.action_button) if not b.isHidden()
        ]
        buttons = sum(b.sizeHint().width() + FOOTER_GAP for b in shown)
        hint = HINT_EMS * self.hint.fontMetrics().horizontalAdvance("M")
        across = buttons + hint <= page_room(self)
        direction = QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        if self.footer.direction() != direction:
            self.footer.setDirection(direction)

    # -- starting ------------------------------------------------------------------------

    def activate(self) -> None:
        """Shown: the keyboard goes to the question."""
        self.setFocus()

    def set_user(self, user: UserInfo | None) -> None:
        """A different cadre: drop any session (every answer is already stored)."""
        self._user = user
        self.session = None
        self._show_start("")

    def start(
        self, mode: PracticeMode = PracticeMode.MIXED, order: NewOrder = NewOrder.MIXED
    ) -> bool:
        """Start a session in ``mode``, new questions in ``order``; False (with a message) when
        there is nothing to do."""
        if self._user is None:
            self._show_start(tr("请先选择或新建用户。"))
            return False
        self._mode = mode
        queue = self._service.practice_queue(
            self._user, mode=mode, new_per_day=self._prefs.new_per_day, order=order
        )
        if not queue:
            self.session = None
            self._show_start(tr(EMPTY_MESSAGES[mode]))
            return False
        return self.start_queue(queue, tr(MODE_TITLES[mode]))

    def start_queue(self, queue: list[int], title: str | None = None) -> bool:
        """Practise exactly these questions (e.g. picked in the browser)."""
        if self._user is None or not queue:
            return False
        self._bank_titles = {b.id: b.title for b in self._service.banks()}
        self.title.setText(title or tr("练习"))
        self.session = None  # the first question is shown before start_practice returns
        self._given.clear()
        self._drafts.clear()
        self.session = self._service.start_practice(
            self._user, self, queue, new_per_day=self._prefs.new_per_day
        )
        return True

    def _show_start(self, message: str) -> None:
        self.title.setText(tr("练习"))
        self.count.setText("")
        self.progress.hide()
        self.marks.hide()
        self.start_panel.message.setText(message)
        self.stack.setCurrentWidget(self.start_panel)
        for widget in self.footer_widgets:
            widget.hide()

    # -- PracticeView --------------------------------------------------------------------

    def show_question(self, record: QuestionRecord, position: int, total: int) -> None:
        old = self.question_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.card = QuestionCard(record, self._bank_titles.get(record.bank_id, record.bank_id))
        self.marks.hide()
        self.card.input.enter_pressed.connect(self.advance)
        self.card.input.submit_requested.connect(self.submit)
        self.card.input.take_back = self._take_back_from_editor
        draft = self._drafts.pop(record.pk, None)
        if draft is not None:
            self.card.input.restore(draft)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 4, 12, 4)
        holder_layout.addWidget(self.card)
        self.question_area.setWidget(holder)
        self.stack.setCurrentWidget(self.question_area)
        self.count.setText(tr("第 {position} / {total} 题").format(position=position, total=total))
        self.progress.setRange(0, total)
        self.progress.setValue(position - 1)
        self.progress.show()
        self._set_footer(asking=True)
        if not self.card.input.focus_answer():
            self.setFocus()

    def show_feedback(self, feedback: Feedback) -> None:
        assert self.card is not None
        self.card.show_feedback(feedback)
        self.marks.show_question(self._user, self.card.record.pk)
        self.marks.show()
        self.progress.setValue(self.progress.value() + 1)
        self._set_footer(asking=False)
        self.setFocus()
        QTimer.singleShot(0, self._scroll_to_feedback)

    def _scroll_to_feedback(self) -> None:
        """Once laid out, scroll so the explanation is in view, but not past the stem: on a low
        screen (1280x720 at 150 %) the stem stays on top as long as the verdict still shows."""
        card, holder = self.card, self.question_area.widget()
        if card is None or holder is None or not card.feedback.isVisible():
            return
        room = self.question_area.viewport().height()
        top = card.feedback.mapTo(holder, card.feedback.rect().topLeft()).y()
        whole = top + card.feedback.height() - room  # the whole feedback in view
        stem = card.stem if card.stem.isVisible() else card
        keep = stem.mapTo(holder, stem.rect().topLeft()).y()  # the stem on top
        verdict = top + VERDICT_ROOM - room  # at least the verdict and the right answer
        bar = self.question_area.verticalScrollBar()
        bar.setValue(max(0, min(whole, max(keep, verdict))))

    def show_summary(self, summary: Summary) -> None:
        self.title.setText(tr("本次练习完成"))
        self.summary_panel.show_summary(summary)
        self.stack.setCurrentWidget(self.summary_panel)
        self.marks.hide()
        self.progress.hide()
        self.count.setText("")
        for widget in self.footer_widgets:
            widget.hide()
        self.setFocus()
        self.session_finished.emit()

    def _set_footer(self, asking: bool) -> None:
        for widget in self.footer_widgets:
            widget.show()
        assert self.card is not None
        self.undo_button.setEnabled(self.session is not None and self.session.can_undo)
        if asking:
            self.hint.setText(
                tr("{key_hint}　·　Esc 结束").format(key_hint=self.card.input.key_hint())
            )
            label = self.card.input.enter_label()
            self.action_button.setText(label or "")
            self.action_button.setVisible(label is not None)
        else:
            self.hint.setText(tr("空格或回车继续　·　Ctrl+Z 撤销这一题的作答"))
            self.action_button.setText(tr("下一题（空格）"))
        self._fit_footer()  # the button's text, and so its width, changed

    # -- actions -------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.session.phase if self.session else Phase.FINISHED

    def advance(self) -> None:
        """Enter: submit the answer (or take a step inside the input), or go on after feedback."""
        if self.phase is Phase.FEEDBACK:
            self.next()
        elif self.phase is Phase.ASKING and self.card is not None:
            if self.card.input.advance():
                if not self.card.input.keeps_focus():
                    self.setFocus()
                self._set_footer(asking=True)
                return
            self.submit()

    def submit(self) -> bool:
        if self.phase is not Phase.ASKING or self.session is None or self.card is None:
            return False
        response = self.card.input.response()
        if response is None:
            self.hint.setText(tr("请先作答，再按回车提交。"))
            return False
        self._given.append((self.card.record.pk, self.card.input.draft() or response))
        self.session.submit(response)
        return True

    def next(self) -> None:
        if self.session is not None and self.phase is Phase.FEEDBACK:
            self.session.next()

    def undo(self) -> bool:
        if self.session is None or self.phase is Phase.FINISHED:
            return False
        if not self.session.can_undo:
            self.hint.setText(tr("没有可以撤销的作答。"))
            return False
        self._keep_typed_text()
        return self.session.undo()

    def _take_back_from_editor(self) -> bool:
        """Ctrl+Z inside an answer box: take back the last answer when there is one."""
        return self.session is not None and self.session.can_undo and self.undo()

    def _keep_typed_text(self) -> None:
        """Before an undo: keep this question's unsent draft and the answer being taken back."""
        if self.card is not None and self.phase is Phase.ASKING:
            draft = self.card.input.draft()
            if draft is not None:
                self._drafts[self.card.record.pk] = draft
        if self._given:
            pk, given = self._given.pop()
            self._drafts[pk] = given

    def leave(self) -> None:
        """Esc: end the session early (the summary shows), or go home from the summary."""
        if self.session is not None and self.phase is not Phase.FINISHED:
            self.session.finish()
        else:
            self.home_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_key(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.undo()
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.leave()
            return True
        if self.phase is Phase.FEEDBACK and (key in ENTER_KEYS or key == Qt.Key.Key_Space):
            self.next()
            return True
        if self.phase is Phase.ASKING and self.card is not None:
            if key in ENTER_KEYS:
                self.advance()
                return True
            return self.card.input.pick(event)
        return False
