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


def key_label(name: str) -> str:
    """A key name as printed on screen: 空格, 小键盘3, Q."""
    if name.startswith("Num"):
        return tr("小键盘{name}").format(name=name[3:])
    return tr(KEY_LABELS.get(name, name))


def key_name(event: QKeyEvent, any_modifiers: bool = False) -> str | None:
    """The core's name for the key of ``event``, or None for keys that cannot be buzzers.

    ``any_modifiers`` names the key even with Ctrl or Alt down (for a key's release).
    """
    mods = event.modifiers()
    keypad = bool(mods & Qt.KeyboardModifier.KeypadModifier)
    if mods & ~Qt.KeyboardModifier.KeypadModifier and not any_modifiers:
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


def _owned(window: QWidget, windows: Sequence[QWidget]) -> bool:
    """Whether ``window`` is one of ``windows`` or was opened from one (a dialog, a popup)."""
    if window in windows:
        return True
    owner = window.parentWidget()
    return owner is not None and _owned(owner.window(), windows)


def _catches(widget: QWidget, windows: Sequence[QWidget]) -> bool:
    """Team keys are the match's anywhere in its windows; in a dialog or popup opened from
    them (a confirmation, a list) too, except in a text field, where the host types."""
    window = widget.window()
    if window in windows:
        return True
    return _owned(window, windows) and not isinstance(widget, _TEXT_INPUTS)


class BuzzerFilter(QObject):
    """Installed on the application while a match runs: every team key goes to the match.

    Whatever widget of the host's window or the big screen has the focus — a button, a list,
    a combo box, even a text field — a team's key is taken away from it and handed to ``press``
    (Space does not click a button, F1 does not open help, Tab does not move the focus, a digit
    does not land in a number field). In a dialog opened from those windows (a confirmation)
    the keys are the match's too — Enter as a team key never confirms 结束比赛 — except in a
    text field there, where the host types a reason. A key pressed and held buzzes once: auto-repeats, and
    repeated presses without a release in between, are swallowed until the key goes up.
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
        self._held: set[str] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ApplicationDeactivate:
            self._held.clear()  # a key let go in another program sent us no release
            return False
        if kind not in _KEY_EVENTS or not isinstance(event, QKeyEvent):
            return False
        # Key events reach the QWindow first, then each widget: count them at widgets only.
        if not isinstance(watched, QWidget) or not _catches(watched, self._windows()):
            return False
        name = key_name(event, any_modifiers=kind == QEvent.Type.KeyRelease)
        if name is None or not self._is_buzzer(name):
            return False
        event.accept()
        if kind == QEvent.Type.KeyRelease and not event.isAutoRepeat():
            self._held.discard(name)
        elif kind == QEvent.Type.KeyPress and not event.isAutoRepeat() and name not in self._held:
            self._held.add(name)
            self._press(name)
        return True


_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease)
