"""What every answer input offers the practice page, and the key helpers they share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from jgstudy.core.grading import Response
from jgstudy.core.model import OPTION_KEYS
from jgstudy.core.session import Feedback
from jgstudy.gui.i18n import tr

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def option_key(event: QKeyEvent) -> str | None:
    """The option letter a key press picks: A-H, or 1-8 for the first to eighth option."""
    key = event.key()
    if event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    ):
        return None
    if Qt.Key.Key_A <= key <= Qt.Key.Key_H:
        return OPTION_KEYS[key - Qt.Key.Key_A]
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_8:
        return OPTION_KEYS[key - Qt.Key.Key_1]
    return None


def is_plain_enter(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in ENTER_KEYS and mods == Qt.KeyboardModifier.NoModifier


class AnswerInput(QWidget):
    """Collects one answer. The page asks for the response; the input never grades."""

    enter_pressed = Signal()  # Enter inside one of the input's editors
    submit_requested = Signal()  # the answer is complete and should be graded now

    def __init__(self) -> None:
        super().__init__()
        # Set by the page: takes back the last submitted answer, True when it did.
        self.take_back: Callable[[], bool] | None = None

    def draft(self) -> Response | None:
        """What has been typed or picked so far, to put back later with :meth:`restore`."""
        return self.response()

    def restore(self, answer: Response) -> None:
        """Put an earlier answer (or draft) back into the editors, to be corrected."""

    def response(self) -> Response | None:
        """The answer given so far, or None while it is incomplete."""
        raise NotImplementedError

    def pick(self, event: QKeyEvent) -> bool:
        """Handle a key that picks an answer; True when it did."""
        return False

    def advance(self) -> bool:
        """Enter was pressed: take a step inside the input (next blank, reveal); True if it did."""
        return False

    def keeps_focus(self) -> bool:
        """After :meth:`advance`, True when focus stays in an editor (else the page takes it)."""
        return True

    def show_result(self, feedback: Feedback) -> None:
        """Mark what was right and wrong, and stop taking input."""

    def focus_answer(self) -> bool:
        """Put the keyboard focus in an editor; False when the input has none."""
        return False

    def renders_stem(self) -> bool:
        """True when the input shows the stem itself (fill-in blanks inline)."""
        return False

    def key_hint(self) -> str:
        return tr("回车提交")

    def enter_label(self) -> str | None:
        """What the main button (and Enter) does now; None hides the button."""
        return tr("提交（回车）")


class EnterFilter(QObject):
    """Turns a plain Enter in an editor into the input's ``enter_pressed`` signal, and Ctrl+Z
    into taking back the last submitted answer (an editor would otherwise swallow it as
    "undo typing" and lose the text just typed)."""

    def __init__(self, owner: AnswerInput) -> None:
        super().__init__(owner)
        self._owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and is_plain_enter(event):  # type: ignore[arg-type]
            self._owner.enter_pressed.emit()
            return True
        if is_key and event.matches(QKeySequence.StandardKey.Undo):  # type: ignore[attr-defined]
            take_back = self._owner.take_back
            return take_back is not None and take_back()  # else the editor undoes typing
        return False
