"""One exam question on screen, answered with the practice page's own answer inputs.

The inputs never grade: this widget only pre-fills the saved answer, reports every change (the
screen saves it at once through ``session.answer``) and shows immediate feedback when the paper
asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from jgstudy.core.exams import ExamItem, ItemResult
from jgstudy.core.grading import Response
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    display_stem,
)
from jgstudy.gui.exam.texts import points_text, type_label
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import AnswerInput
from jgstudy.gui.practice.card import make_input
from jgstudy.gui.practice.choices import ChoiceInput, JudgeInput
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.practice.fill import FillInput
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label


def prefill(answer_input: AnswerInput, response: Response | None) -> None:
    """Show a saved answer in a fresh input (without reporting it as a change)."""
    if response is None:
        return
    if isinstance(answer_input, JudgeInput) and isinstance(response, bool):
        answer_input.choose(response)
    elif isinstance(answer_input, ChoiceInput) and isinstance(response, str | frozenset):
        for key in sorted(response) if isinstance(response, frozenset) else [response]:
            answer_input.toggle(key)
    elif isinstance(answer_input, FillInput) and isinstance(response, tuple):
        for edit, text in zip(answer_input.blanks, response, strict=False):
            edit.setText(text)


def hint_for(question: AnyQuestion) -> str:
    """How to answer by keyboard (the exam has no 提交: every change is kept)."""
    if isinstance(question, JudgeQuestion):
        return tr("按 A 或 1 选“正确”，B 或 2 选“错误”")
    if isinstance(question, MultipleQuestion):
        return tr("按 A–H 或 1–8 选择，可多选")
    if isinstance(question, FillQuestion):
        return tr("在空格处输入答案，回车到下一空")
    return tr("按 A–H 或 1–8 选择")


class ExamQuestion(QFrame):
    """Header (type, section, number, points, flag), stem, and the answer input."""

    changed = Signal()  # the answer changed: save it now
    done = Signal()  # Enter after the last blank: go on to the next question

    def __init__(self, item: ExamItem) -> None:
        super().__init__()
        self.item = item
        question = item.record.question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addLayout(self._header(item))
        self.stem = plain_label(display_stem(question.stem), wrap=True)
        self.stem.setObjectName("stem")
        layout.addWidget(self.stem)
        self.input = make_input(question)
        prefill(self.input, item.response)
        layout.addWidget(self.input)
        self.stem.setHidden(self.input.renders_stem())
        self.verdict = plain_label("", wrap=True)
        self.verdict.setObjectName("given")
        self.explanation = plain_label("", wrap=True)
        self.explanation.setObjectName("explain")
        for label in (self.verdict, self.explanation):
            label.hide()
            layout.addWidget(label)
        layout.addStretch(1)
        self._connect()
        if item.locked:
            self._lock(tr("已作答，按考试规则不能再修改。"))

    def _header(self, item: ExamItem) -> QHBoxLayout:
        chip = plain_label(type_label(item.record.question))
        chip.setObjectName("chip")
        meta = tr("{section}　·　第 {index} / {total} 题　·　{points_text} 分").format(
            section=item.section,
            index=item.index + 1,
            total=item.total,
            points_text=points_text(item.points),
        )
        self.flagmark = plain_label(tr("⚑ 已标记"))
        self.flagmark.setObjectName("flagmark")
        self.flagmark.setVisible(item.flagged)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(plain_label(meta, "muted", wrap=True), 1)
        row.addWidget(self.flagmark)
        return row

    def _connect(self) -> None:
        answer_input = self.input
        if isinstance(answer_input, ChoiceInput | JudgeInput):
            # Connected after the input's own handler, so the pick is made when we read it.
            for option in answer_input.rows.values():
                option.clicked.connect(lambda _key: self.changed.emit())
        if isinstance(answer_input, FillInput):
            for edit in answer_input.blanks:
                edit.textChanged.connect(lambda _text: self.changed.emit())
        answer_input.enter_pressed.connect(self._enter)

    def _enter(self) -> None:
        if not self.input.advance():
            self.done.emit()

    def response(self) -> Response | None:
        return self.input.response()

    def pick(self, event: QKeyEvent) -> bool:
        """A key that picks an option (A–H, 1–8); True when it did."""
        if not self.input.isEnabled() or not self.input.pick(event):
            return False
        self.changed.emit()
        return True

    def focus_answer(self) -> bool:
        return self.input.isEnabled() and self.input.focus_answer()

    def set_flagged(self, flagged: bool) -> None:
        self.flagmark.setVisible(flagged)

    def hint(self) -> str:
        return hint_for(self.item.record.question)

    def show_feedback(self, result: ItemResult) -> None:
        """``feedback: immediate``: the verdict, the correct answer and 解析; the answer is locked."""
        question = result.record.question
        good = result.correct
        score = tr("得 {points_text} 分").format(points_text=points_text(result.score))
        text = (
            tr("✓ 回答正确")
            if good
            else tr("✗ 回答错误　正确答案：{answer_text}").format(answer_text=answer_text(question))
        )
        self.verdict.setText(tr("{text}（{score}）").format(text=text, score=score))
        set_props(self.verdict, verdict="good" if good else "bad")
        self.explanation.setText(tr("解析：{explanation}").format(explanation=result.explanation))
        self.verdict.show()
        self.explanation.show()
        self.input.setEnabled(False)

    def _lock(self, note: str) -> None:
        self.input.setEnabled(False)
        self.verdict.setText(note)
        self.verdict.show()
