"""Short answers: write, reveal the reference and the keywords found, then rate yourself."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from jgstudy.core.grading import Response, ShortResponse, keywords_found
from jgstudy.core.model import ShortQuestion
from jgstudy.core.session import Feedback
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import AnswerInput, EnterFilter
from jgstudy.gui.widgets import button, card, plain_label

KNEW_KEYS = {"Y": True, "1": True, "N": False, "2": False}


class ShortInput(AnswerInput):
    """A text box; Enter reveals the reference, then 掌握了 / 没掌握 submits."""

    def __init__(self, question: ShortQuestion) -> None:
        super().__init__()
        self._question = question
        self._knew: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("shortanswer")
        self.editor.setPlaceholderText(tr("写下你的答案要点……（回车查看参考答案，Shift+回车换行）"))
        self.editor.setMinimumHeight(120)
        self.editor.installEventFilter(EnterFilter(self))
        layout.addWidget(self.editor)
        self.reveal_box = self._reveal_box()
        self.reveal_box.hide()
        layout.addWidget(self.reveal_box)

    def _reveal_box(self) -> QWidget:
        box = card(margins=18)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("参考答案"), "section"))
        inner.addWidget(plain_label(self._question.reference, wrap=True))
        self.keywords_label = plain_label("", "muted", wrap=True)
        inner.addWidget(self.keywords_label)
        holder = QWidget()  # the two buttons one above the other when side by side do not fit
        buttons = FlowLayout(holder, spacing=12)  # (the bank editor's narrow preview, large text)
        self.knew_button = button(tr("掌握了（Y）"), primary=True)
        self.missed_button = button(tr("没掌握（N）"))
        self.knew_button.clicked.connect(lambda: self.rate(True))
        self.missed_button.clicked.connect(lambda: self.rate(False))
        buttons.addWidget(self.knew_button)
        buttons.addWidget(self.missed_button)
        inner.addWidget(holder)
        return box

    @property
    def revealed(self) -> bool:
        return not self.reveal_box.isHidden()

    def reveal(self) -> None:
        found = set(keywords_found(self._question, self.editor.toPlainText()))
        if self._question.keywords:
            marks = tr("　").join(
                f"{'✓' if k.word in found else '✗'} {k.word}" for k in self._question.keywords
            )
            self.keywords_label.setText(
                tr("要点命中（{found}/{total}）：{marks}").format(
                    found=len(found), total=len(self._question.keywords), marks=marks
                )
            )
        self.editor.setReadOnly(True)
        self.editor.clearFocus()
        self.reveal_box.show()

    def rate(self, knew: bool) -> None:
        if not self.revealed or self._knew is not None:
            return
        self._knew = knew
        self.submit_requested.emit()

    def response(self) -> Response | None:
        if self._knew is None:
            return None
        return ShortResponse(self.editor.toPlainText().strip(), self._knew)

    def draft(self) -> Response | None:
        text = self.editor.toPlainText()
        return ShortResponse(text, bool(self._knew)) if text.strip() else None

    def restore(self, answer: Response) -> None:
        if isinstance(answer, ShortResponse):
            self.editor.setPlainText(answer.text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def advance(self) -> bool:
        if self.revealed:
            return False
        self.reveal()
        return True

    def pick(self, event: QKeyEvent) -> bool:
        knew = KNEW_KEYS.get(event.text().upper()) if event.text() else None
        if knew is None or not self.revealed:
            return False
        self.rate(knew)
        return True

    def show_result(self, feedback: Feedback) -> None:
        self.knew_button.setEnabled(False)
        self.missed_button.setEnabled(False)

    def keeps_focus(self) -> bool:
        return False  # once revealed, Y/N go to the page

    def focus_answer(self) -> bool:
        if self.revealed:
            return False
        self.editor.setFocus()
        return True

    def enter_label(self) -> str | None:
        return None if self.revealed else tr("查看参考答案（回车）")

    def key_hint(self) -> str:
        if self.revealed:
            return tr("对照参考答案自评：Y 掌握了，N 没掌握")
        return tr("写完后回车查看参考答案")
