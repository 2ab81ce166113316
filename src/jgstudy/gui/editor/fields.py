"""Building blocks of the question form: an edit, a captioned field with its problems, undo keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from jgstudy.gui.i18n import tr_msg
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label


@dataclass(frozen=True)
class Edit:
    """What the trainer changed in the form.

    Attributes:
        changes: new values of the question's fields (None removes a field).
        key: what was edited (``stem``, ``options.B``…); keystrokes in one key merge into one undo.
        typing: True for a keystroke in a text field, False for a click or a pick.
    """

    changes: dict[str, Any]
    key: str
    typing: bool = False


class FieldBox(QWidget):
    """A caption, the field's widgets, and the core's messages about it in red below."""

    def __init__(self, caption: str, *widgets: QWidget, hint: str = "") -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.caption = plain_label(caption)
        self.caption.setObjectName("caption")
        layout.addWidget(self.caption)
        for widget in widgets:
            layout.addWidget(widget)
        self.hint = plain_label(hint, wrap=True)
        self.hint.setObjectName("hint")
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.error = plain_label(wrap=True)
        self.error.setObjectName("fielderror")
        self.error.hide()
        layout.addWidget(self.error)
        self.marked: list[QWidget] = list(widgets)
        self.messages: list[str] = []

    def add(self, widget: QWidget) -> None:
        """Another widget of the field, above its messages."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.hint), widget)
        self.marked.append(widget)

    def set_messages(self, messages: Iterable[str]) -> None:
        """Show the core's messages (none hides them); the field gets a red border meanwhile."""
        shown = list(dict.fromkeys(tr_msg(message) for message in messages))
        if shown == self.messages:
            return
        self.messages = shown
        self.error.setText("\n".join(shown))
        self.error.setVisible(bool(shown))
        for widget in self.marked:
            set_props(widget, problem=bool(shown))


@dataclass
class Syncing:
    """A flag that is set while the form copies the document into its widgets."""

    depth: int = 0

    def __enter__(self) -> None:
        self.depth += 1

    def __exit__(self, *_exc: object) -> None:
        self.depth -= 1

    def __bool__(self) -> bool:
        return self.depth > 0


class UndoKeys(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in text fields to the editor's undo stack, not the field's own."""

    undo_requested = Signal()
    redo_requested = Signal()

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        undo, redo = event.matches(QKeySequence.StandardKey.Undo), _is_redo(event)
        if not (undo or redo):
            return False
        if event.type() == QEvent.Type.KeyPress:
            (self.undo_requested if undo else self.redo_requested).emit()
        event.accept()
        return True


_REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def _is_redo(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Redo) or pressed in _REDO_KEYS


def set_line(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the field already does (the cursor stays where the trainer is)."""
    if edit.text() != text:
        edit.setText(text)


def set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)


def text_of(value: object) -> str:
    """A field's value as the text shown for it; a missing or non-text value shows as empty."""
    return value if isinstance(value, str) else "" if value is None else str(value)


def mapping_of(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` when it is a mapping, else an empty one (the form shows what it can)."""
    value = data.get(key)
    return dict(value) if isinstance(value, dict) else {}


def list_of(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return list(value) if isinstance(value, list) else []


def caption_label(text: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName("caption")
    return label


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout`` at once (not only at the next event loop)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
