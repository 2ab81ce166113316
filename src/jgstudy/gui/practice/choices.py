"""Single and multiple choice as large clickable rows; true/false as two large buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from jgstudy.core.grading import Response
from jgstudy.core.model import JudgeQuestion, MultipleQuestion, SingleQuestion
from jgstudy.core.session import Feedback
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.base import AnswerInput, option_key
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label

JUDGE_KEYS = {
    "A": True,
    "1": True,
    "Y": True,
    "T": True,
    "B": False,
    "2": False,
    "N": False,
    "F": False,
}


class OptionRow(QFrame):
    """One option: a key badge, the option text, and a note shown after grading."""

    clicked = Signal(str)

    def __init__(self, key: str, text: str, badge: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.setObjectName("option")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(14)
        self._badge = QLabel(badge or key)
        self._badge.setObjectName("key")
        self._badge.setFixedSize(30, 30)
        self._badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = plain_label(text, wrap=True)
        self.note = QLabel("")
        self.note.setObjectName("note")
        # ✓/✗ of a judgement beside one short line: centred, not a few pixels high; an
        # option's letter stays with the first line of a long, wrapping text
        align = Qt.AlignmentFlag.AlignVCenter if badge else Qt.AlignmentFlag.AlignTop
        layout.addWidget(self._badge, 0, align)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note, 0)
        self.state = ""

    def set_state(self, state: str, note: str = "") -> None:
        self.state = state
        self.note.setText(note)
        set_props(self, state=state)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit(self.key)
        else:
            super().mousePressEvent(event)


class ChoiceInput(AnswerInput):
    """Options A-H; one pick for single choice, any number for multiple choice."""

    def __init__(self, question: SingleQuestion | MultipleQuestion) -> None:
        super().__init__()
        self._multiple = isinstance(question, MultipleQuestion)
        self._picked: set[str] = set()
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.rows: dict[str, OptionRow] = {}
        for key, text in question.options.items():
            row = OptionRow(key, text)
            row.clicked.connect(self.toggle)
            layout.addWidget(row)
            self.rows[key] = row

    @property
    def picked(self) -> frozenset[str]:
        return frozenset(self._picked)

    def toggle(self, key: str) -> None:
        if self._done or key not in self.rows:
            return
        if not self._multiple:
            self._picked = {key}
        elif key in self._picked:
            self._picked.discard(key)
        else:
            self._picked.add(key)
        for k, row in self.rows.items():
            row.set_state("selected" if k in self._picked else "")

    def response(self) -> Response | None:
        if not self._picked:
            return None
        return frozenset(self._picked) if self._multiple else next(iter(self._picked))

    def pick(self, event: QKeyEvent) -> bool:
        key = option_key(event)
        if key is None or key not in self.rows:
            return False
        self.toggle(key)
        return True

    def show_result(self, feedback: Feedback) -> None:
        self._done = True
        question = feedback.record.question
        assert isinstance(question, SingleQuestion | MultipleQuestion)
        right = set(question.answer) if self._multiple else {question.answer}
        for key, row in self.rows.items():
            if key in right and (key in self._picked or not self._multiple):
                row.set_state("correct", tr("正确答案"))
            elif key in right:  # a right option the cadre left out: told apart from right picks
                row.set_state("missed", tr("漏选"))
            elif key in self._picked:
                row.set_state("wrong", tr("你的选择"))
            else:
                row.set_state("dim")

    def key_hint(self) -> str:
        extra = tr("可多选，") if self._multiple else ""
        return tr("按 A–H 或 1–8 选择，{extra}回车提交").format(extra=extra)


class JudgeInput(AnswerInput):
    """Two large buttons: 正确 and 错误."""

    def __init__(self, question: JudgeQuestion) -> None:
        super().__init__()
        self._value: bool | None = None
        self._done = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.rows = {True: OptionRow("A", tr("正确"), "✓"), False: OptionRow("B", tr("错误"), "✗")}
        for value, row in self.rows.items():
            row.clicked.connect(lambda _key, v=value: self.choose(v))
            row.setMinimumHeight(64)
            layout.addWidget(row, 1)

    def choose(self, value: bool) -> None:
        if self._done:
            return
        self._value = value
        for v, row in self.rows.items():
            row.set_state("selected" if v is value else "")

    def response(self) -> Response | None:
        return self._value

    def pick(self, event: QKeyEvent) -> bool:
        value = JUDGE_KEYS.get(event.text().upper()) if event.text() else None
        if value is None:
            return False
        self.choose(value)
        return True

    def show_result(self, feedback: Feedback) -> None:
        self._done = True
        question = feedback.record.question
        assert isinstance(question, JudgeQuestion)
        for value, row in self.rows.items():
            if value is question.answer:
                row.set_state("correct", tr("正确答案"))
            elif value is self._value:
                row.set_state("wrong", tr("你的选择"))
            else:
                row.set_state("dim")

    def key_hint(self) -> str:
        return tr("按 A 或 1 选“正确”，B 或 2 选“错误”，回车提交")
