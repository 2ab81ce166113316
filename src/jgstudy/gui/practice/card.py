"""One question on screen: type and source line, stem, answer input, and later the feedback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from jgstudy.core.model import (
    QTYPE_LABELS,
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    QType,
    ShortQuestion,
    display_stem,
)
from jgstudy.core.records import QuestionRecord
from jgstudy.core.session import Feedback
from jgstudy.core.siblings import shown_tags
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import AnswerInput
from jgstudy.gui.practice.choices import ChoiceInput, JudgeInput
from jgstudy.gui.practice.feedback import FeedbackPanel
from jgstudy.gui.practice.fill import FillInput
from jgstudy.gui.practice.short import ShortInput
from jgstudy.gui.widgets import plain_label


def make_input(question: AnyQuestion) -> AnswerInput:
    """The input widget for a question's type."""
    if isinstance(question, JudgeQuestion):
        return JudgeInput(question)
    if isinstance(question, FillQuestion):
        return FillInput(question)
    if isinstance(question, ShortQuestion):
        return ShortInput(question)
    return ChoiceInput(question)


def stars(difficulty: int) -> str:
    return "★" * difficulty + "☆" * (5 - difficulty)


class QuestionCard(QFrame):
    """Everything about the current question; replaced for each new one."""

    def __init__(self, record: QuestionRecord, bank_title: str) -> None:
        super().__init__()
        self.record = record
        question = record.question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        layout.addLayout(self._header(record, bank_title))
        self.input = make_input(question)
        self.stem = plain_label(display_stem(question.stem), wrap=True)
        self.stem.setObjectName("stem")
        layout.addWidget(self.stem)
        self.stem.setHidden(self.input.renders_stem())  # only once parented: never a window
        layout.addWidget(self.input)
        self.feedback = FeedbackPanel()
        self.feedback.hide()
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def _header(self, record: QuestionRecord, bank_title: str) -> QHBoxLayout:
        question = record.question
        chip = plain_label(tr("{type}题").format(type=tr(QTYPE_LABELS[QType(question.type)])))
        chip.setObjectName("chip")
        tags = tr("、").join(shown_tags(question, record.tags)[:3])
        meta = tr("　·　").join(
            p
            for p in (bank_title, tr("难度 {stars}").format(stars=stars(question.difficulty)), tags)
            if p
        )
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        # Wraps: with three long tags at the largest text it made the page wider than the window.
        self.meta = plain_label(meta, "muted", wrap=True)
        row.addWidget(self.meta, 1)
        return row

    def show_feedback(self, feedback: Feedback) -> None:
        self.input.show_result(feedback)
        self.feedback.show_feedback(feedback)
        self.feedback.show()
