"""A question's full detail: stem, options with the answer marked, explanation and source."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.model import (
    QTYPE_LABELS,
    MultipleQuestion,
    QType,
    ShortQuestion,
    SingleQuestion,
    display_stem,
)
from jgstudy.core.records import QuestionRecord
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.card import stars
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.widgets import plain_label


def detail_lines(record: QuestionRecord, bank_title: str) -> list[tuple[str, str | None]]:
    """(text, role) lines describing the question, in reading order."""
    q = record.question
    meta = tr("{bank_title} · {id} · {type}题 · 难度 {stars}").format(
        bank_title=bank_title,
        id=q.id,
        type=tr(QTYPE_LABELS[QType(q.type)]),
        stars=stars(q.difficulty),
    )
    lines: list[tuple[str, str | None]] = [(meta, "muted"), (display_stem(q.stem), "section")]
    if isinstance(q, SingleQuestion | MultipleQuestion):
        right = set(q.answer)
        lines += [
            (tr("{value} {k}．{t}").format(value="✓" if k in right else tr("　"), k=k, t=t), None)
            for k, t in q.options.items()
        ]
    lines.append((tr("正确答案：{answer_text}").format(answer_text=answer_text(q)), None))
    if isinstance(q, ShortQuestion) and q.keywords:
        lines.append((tr("得分要点：") + tr("、").join(k.word for k in q.keywords), None))
    lines.append((tr("解析：{explanation}").format(explanation=q.explanation), None))
    if q.source is not None:
        lines.append(
            (
                tr("出处：{locator}　“{quote}”").format(
                    locator=q.source.locator, quote=q.source.quote
                ),
                "muted",
            )
        )
    if record.tags:
        lines.append((tr("标签：") + tr("、").join(record.tags), "muted"))
    return lines


class QuestionDetailDialog(QDialog):
    """Read-only view of one question (plain text only)."""

    def __init__(self, record: QuestionRecord, bank_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("题目详情"))
        self.resize(720, 560)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.setSpacing(12)
        self.labels = []
        self.marks: QWidget | None = None  # 收藏 / 笔记 / 纠错, when the opener adds them
        for text, role in detail_lines(record, bank_title):
            label = plain_label(text, role, wrap=True)
            self.labels.append(label)
            inner.addWidget(label)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)
