"""Fill in the blanks: the stem flows like text with one line edit in place of each blank."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from jgstudy.core.grading import Response
from jgstudy.core.model import FillQuestion, split_stem
from jgstudy.core.session import Feedback
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import AnswerInput, EnterFilter
from jgstudy.gui.practice.flow import FlowLayout
from jgstudy.gui.style import set_props

# A run the line breaker keeps together: opening marks, one character or a Latin word/number,
# then closing punctuation (Chinese lines do not start with "，" or "）").
_CHUNK = re.compile(
    r"[“‘（《「『(\[]*(?:[A-Za-z0-9０-９.．%％+\-/]+|\s+|.)[，。、；：？！”’）》」』,.;:?!)\]…]*",
    re.DOTALL,
)
BLANK_CHARS = 7


def chunks(text: str) -> list[str]:
    """``text`` cut into pieces at which a line may wrap."""
    return [m.group() for m in _CHUNK.finditer(text.replace("\n", " ")) if m.group()]


class FillInput(AnswerInput):
    """One line edit per blank, inline with the pieces of the stem."""

    def __init__(self, question: FillQuestion) -> None:
        super().__init__()
        self._flow = FlowLayout(self, h_spacing=0, v_spacing=10)
        self.blanks: list[QLineEdit] = []
        pieces = split_stem(question.stem)
        enter = EnterFilter(self)
        for index, piece in enumerate(pieces):
            for chunk in chunks(piece):
                label = QLabel(chunk)
                label.setObjectName("stempiece")
                label.setTextFormat(Qt.TextFormat.PlainText)
                self._flow.addWidget(label)
            if index < len(pieces) - 1:
                self._flow.addWidget(self._blank(index, enter))

    def _blank(self, index: int, enter: EnterFilter) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName("blank")
        edit.setPlaceholderText(tr("第{index}空").format(index=index + 1))
        edit.installEventFilter(enter)
        edit.textChanged.connect(lambda _text, e=edit: self._fit(e))
        self.blanks.append(edit)
        self._fit(edit)
        return edit

    def _fit(self, edit: QLineEdit) -> None:
        metrics = edit.fontMetrics()
        wanted = metrics.horizontalAdvance(edit.text() or edit.placeholderText()) + 28
        edit.setFixedWidth(max(wanted, metrics.horizontalAdvance("中") * BLANK_CHARS))
        self._flow.invalidate()

    def response(self) -> Response | None:
        texts = tuple(edit.text().strip() for edit in self.blanks)
        return texts if any(texts) else None

    def restore(self, answer: Response) -> None:
        if isinstance(answer, tuple):
            for edit, text in zip(self.blanks, answer, strict=False):
                edit.setText(text)

    def advance(self) -> bool:
        current = next((i for i, e in enumerate(self.blanks) if e.hasFocus()), None)
        if current is None or current == len(self.blanks) - 1:
            return False
        self.blanks[current + 1].setFocus()
        return True

    def show_result(self, feedback: Feedback) -> None:
        results = feedback.outcome.grade.blank_results
        for edit, ok in zip(self.blanks, results, strict=False):
            edit.setReadOnly(True)
            set_props(edit, state="correct" if ok else "wrong")

    def focus_answer(self) -> bool:
        if not self.blanks:
            return False
        self.blanks[0].setFocus()
        return True

    def renders_stem(self) -> bool:
        return True

    def key_hint(self) -> str:
        return tr("在空格处输入答案，回车跳到下一空；最后一空回车提交")
