"""The question exactly as a cadre sees it in practice: the practice view's own QuestionCard."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.grading import Response, ShortResponse, grade
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    MultipleScoring,
    ShortQuestion,
    SingleQuestion,
)
from jgstudy.core.records import CardInfo, QuestionRecord
from jgstudy.core.scheduling import CardState, Rating
from jgstudy.core.session import Feedback, Outcome
from jgstudy.gui.editor.fields import list_of
from jgstudy.gui.fit import ElidedLabel, keep_content_width
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.practice.card import QuestionCard
from jgstudy.gui.practice.short import ShortInput
from jgstudy.gui.widgets import plain_label

UNSHOWN = N_("这道题还不完整（见“检查结果”），补全后在这里显示干部看到的样子。")


def right_response(question: AnyQuestion) -> Response:
    """What a cadre answering correctly would give."""
    if isinstance(question, SingleQuestion | JudgeQuestion):
        return question.answer
    if isinstance(question, MultipleQuestion):
        return frozenset(question.answer)
    if isinstance(question, FillQuestion):
        return tuple(accepted[0] if accepted else "" for accepted in question.blanks)
    return ShortResponse(question.reference, knew=True)


def record_for(question: AnyQuestion, header: dict[str, Any]) -> QuestionRecord:
    """The question as practice receives it, with the bank's tags and scoring."""
    tags = tuple(dict.fromkeys(str(t) for t in (*list_of(header, "tags"), *question.tags)))
    scoring = str(header.get("multiple_scoring"))
    valid = scoring in {s.value for s in MultipleScoring}
    bank_id = str(header.get("id") or "preview")
    return QuestionRecord(
        0,
        bank_id,
        question,
        tags,
        MultipleScoring(scoring) if valid else MultipleScoring.ALL_OR_NOTHING,
    )


def answered(record: QuestionRecord) -> Feedback:
    """The feedback a correct answer gets (no review is scheduled: the preview stores nothing)."""
    question = record.question
    response = right_response(question)
    state = CardState(1, 0, None, None, datetime.now(UTC), None)
    outcome = Outcome(
        0,
        grade(question, response, record.scoring),
        Rating.GOOD,
        None,
        CardInfo(state, 0, 0, 0, False),
    )
    return Feedback(record, response, outcome)


class PreviewPane(QFrame):
    """A practice card for the selected question; optionally answered, to show the explanation."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("previewpane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 8, 12)
        layout.setSpacing(10)
        head = QHBoxLayout()
        title = ElidedLabel(tr("预览 · 干部练习时看到的样子"))
        title.setObjectName("paneltitle")
        self.reveal = QCheckBox(tr("显示答案与解析"))
        self.reveal.toggled.connect(lambda _on: self._render())
        head.addWidget(title, 1)
        head.addWidget(self.reveal)
        layout.addLayout(head)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.area, 1)
        keep_content_width(self.area)
        self.card: QuestionCard | None = None
        self.notice = plain_label("", "muted", wrap=True)
        self._question: AnyQuestion | None = None
        self._header: dict[str, Any] = {}

    def show_question(self, question: AnyQuestion | None, header: dict[str, Any]) -> None:
        """Show ``question`` (None: it is not a valid question yet) as practice would."""
        if question == self._question and header == self._header and self.area.widget():
            return
        self._question, self._header = question, dict(header)
        self._render()

    def _render(self) -> None:
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 4, 12, 4)  # as the practice page holds its card
        self.card = None
        if self._question is None:
            self.notice = plain_label(tr(UNSHOWN), "muted", wrap=True)
            holder_layout.addWidget(self.notice)
            holder_layout.addStretch(1)
        else:
            record = record_for(self._question, self._header)
            self.card = QuestionCard(record, str(self._header.get("title") or ""))
            for label in self.card.findChildren(QLabel):
                if label.property("role") == "muted":  # the line above the stem: wrap it in
                    label.setWordWrap(True)  # this narrower pane rather than clip it
            holder_layout.addWidget(self.card)
            if self.reveal.isChecked():
                if isinstance(self.card.input, ShortInput) and isinstance(
                    self._question, ShortQuestion
                ):
                    self.card.input.editor.setPlainText(self._question.reference)
                    self.card.input.reveal()  # the keywords a model answer hits
                self.card.show_feedback(answered(record))
        self.area.setWidget(holder)
