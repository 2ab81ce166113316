"""Helpers shared by the screenshot scripts (offscreen: no compositor, no real input)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget


def settle(app: QApplication, rounds: int = 8) -> None:
    """Let queued layout and paint events run."""
    for _ in range(rounds):
        app.processEvents()


def key(app: QApplication, target: QWidget, code: Qt.Key, text: str = "") -> None:
    """Press and release a key where the focus is (or on ``target``)."""
    widget = app.focusWidget() or target
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        app.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))
    settle(app)


def with_dialog(base: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed, with the dialog drawn over its centre."""
    pixmap = base.grab()
    shot = dialog.grab()
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 96))
    x, y = (pixmap.width() - shot.width()) // 2, (pixmap.height() - shot.height()) // 2
    painter.drawPixmap(x, y, shot)
    painter.setPen(QPen(QColor("#9AA0A8"), 1))
    painter.drawRect(x, y, shot.width() - 1, shot.height() - 1)
    painter.end()
    return pixmap
