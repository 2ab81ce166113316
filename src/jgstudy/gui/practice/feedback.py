"""After an answer: right or wrong, the correct answer, the explanation and the source quote."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    MultipleQuestion,
    SingleQuestion,
    correct_answer_text,
)
from jgstudy.core.session import Feedback
from jgstudy.gui.i18n import tr, tr_msg
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label


def answer_text(question: AnyQuestion) -> str:
    """The correct answer, with the option texts for choice questions."""
    if isinstance(question, SingleQuestion):
        return tr("{answer}．{options}").format(
            answer=question.answer, options=question.options[question.answer]
        )
    if isinstance(question, MultipleQuestion):
        return tr("；").join(
            tr("{k}．{options}").format(k=k, options=question.options[k])
            for k in sorted(question.answer)
        )
    if isinstance(question, FillQuestion):  # the key's words, joined as the interface joins
        return tr("；").join(accepted[0] for accepted in question.blanks)
    return tr_msg(correct_answer_text(question))  # 正确/错误 of a judge question, or content


def interval_text(delta: timedelta) -> str:
    """A review interval as a cadre reads it: 10 分钟后, 3 天后."""
    minutes = max(int(delta.total_seconds() // 60), 1)
    if minutes < 60:
        return tr("{minutes} 分钟后").format(minutes=minutes)
    if minutes < 24 * 60:
        return tr("{minutes} 小时后").format(minutes=minutes // 60)
    return tr("{minutes} 天后").format(minutes=round(minutes / (24 * 60)))


class FeedbackPanel(QFrame):
    """The verdict card below the answer."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("feedback")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(14, 14, 24, 16)
        outer.setSpacing(16)
        self.stripe = QFrame()
        self.stripe.setObjectName("stripe")
        self.stripe.setFixedWidth(4)
        outer.addWidget(self.stripe)
        layout = QVBoxLayout()
        layout.setSpacing(8)
        outer.addLayout(layout, 1)
        top = QHBoxLayout()
        self.verdict = plain_label()
        self.verdict.setObjectName("verdict")
        self.next_review = plain_label("", "muted")
        top.addWidget(self.verdict)
        top.addStretch(1)
        top.addWidget(self.next_review)
        layout.addLayout(top)
        self.answer = plain_label(wrap=True)
        self.answer.setObjectName("answer")
        self.explanation = plain_label(wrap=True)
        self.source = plain_label("", "muted", wrap=True)
        self.quote = plain_label(wrap=True)
        self.quote.setObjectName("quote")
        for widget in (self.answer, self.explanation, self.source, self.quote):
            layout.addWidget(widget)

    def show_feedback(self, feedback: Feedback) -> None:
        question = feedback.record.question
        grade = feedback.outcome.grade
        good = grade.correct
        if question.type == "short":
            self.verdict.setText(tr("✓ 已掌握") if good else tr("✗ 未掌握，稍后再练"))
        else:
            self.verdict.setText(tr("✓ 回答正确") if good else tr("✗ 回答错误"))
        set_props(self.stripe, verdict="good" if good else "bad")
        set_props(self.verdict, verdict="good" if good else "bad")
        state = feedback.outcome.card_after.state
        if state.last_review is not None:
            self.next_review.setText(
                tr("下次复习：{interval_text}").format(
                    interval_text=interval_text(state.due - state.last_review)
                )
            )
        self.answer.setVisible(question.type != "short")
        self.answer.setText(tr("正确答案：{answer_text}").format(answer_text=answer_text(question)))
        self.explanation.setText(tr("解析：{explanation}").format(explanation=question.explanation))
        self._show_source(question)

    def _show_source(self, question: AnyQuestion) -> None:
        source = question.source
        self.source.setVisible(source is not None)
        self.quote.setVisible(source is not None)
        if source is not None:
            self.source.setText(tr("出处：{locator}").format(locator=source.locator))
            self.quote.setText(f"“{source.quote}”")
