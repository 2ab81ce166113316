"""Buzzer keys: Qt key events as the key names the core uses, and the application-wide catcher.

The core knows keys by name ("Q", "1", "F1", "Space", "Num3"); it decides which team a name
belongs to and who was first. This module only names keys and hands every press over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from jgstudy.gui.i18n import N_, tr

DEFAULT_KEYS = ("Q", "P", "Z", "M", "1", "9", "F1", "F12")
KEY_CHOICES = (
    *(chr(c) for c in range(ord("A"), ord("Z") + 1)),
    *(str(d) for d in range(10)),
    *(f"F{n}" for n in range(1, 13)),
    "Space",
    "Enter",
    "Tab",
    *(f"Num{d}" for d in range(10)),
)
KEY_LABELS = {"Space": N_("空格"), "Enter": N_("回车"), "Tab": "Tab"}
_NAMED = {
    Qt.Key.Key_Space: "Space",
    Qt.Key.Key_Return: "Enter",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Tab: "Tab",
}
_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def key_label(name: str) -> str:
    """A key name as printed on screen: 空格, 小键盘3, Q."""
    if name.startswith("Num"):
        return tr("小键盘{name}").format(name=name[3:])
    return tr(KEY_LABELS.get(name, name))


def key_name(event: QKeyEvent) -> str | None:
    """The core's name for the key of ``event``, or None for keys that cannot be buzzers."""
    mods = event.modifiers()
    keypad = bool(mods & Qt.KeyboardModifier.KeypadModifier)
    if mods & ~Qt.KeyboardModifier.KeypadModifier:
        return None  # Ctrl+Z and the like are the host's, never a buzzer
    key = event.key()
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key)
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        digit = str(key - Qt.Key.Key_0)
        return f"Num{digit}" if keypad else digit
    if Qt.Key.Key_F1 <= key <= Qt.Key.Key_F12:
        return f"F{key - Qt.Key.Key_F1 + 1}"
    return _NAMED.get(Qt.Key(key))


class BuzzerFilter(QObject):
    """Installed on the application while a match runs: catches buzzer keys in its windows.

    A key that belongs to a team never reaches the focused widget (Space does not click a
    button, F1 does not open help, Tab does not move the focus); each real press is handed to
    ``press`` once, auto-repeats are swallowed. Typing in a text field is left alone.
    """

    def __init__(
        self,
        is_buzzer: Callable[[str], bool],
        press: Callable[[str], None],
        windows: Callable[[], Sequence[QWidget]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._is_buzzer = is_buzzer
        self._press = press
        self._windows = windows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        # Key events reach the QWindow first, then each widget: count them at widgets only.
        if not isinstance(watched, QWidget) or isinstance(watched, _TEXT_INPUTS):
            return False
        if not isinstance(event, QKeyEvent) or watched.window() not in self._windows():
            return False
        name = key_name(event)
        if name is None or not self._is_buzzer(name):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self._press(name)
        return True
