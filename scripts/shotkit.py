"""Helpers shared by the screenshot scripts (offscreen: no compositor, no real input)."""

from __future__ import annotations

from pathlib import Path

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


class Shooter:
    """Saves grabs of widgets as PNG files in ``out`` and prints their paths."""

    def __init__(self, app: QApplication, out: Path, default: QWidget | None = None) -> None:
        self.app, self.out, self.default = app, out, default

    def save(self, name: str, pixmap: QPixmap) -> Path:
        path = self.out / f"{name}.png"
        pixmap.save(str(path))
        print(path)
        return path

    def shot(self, name: str, widget: QWidget | None = None) -> Path:
        settle(self.app)
        target = widget or self.default
        assert target is not None, "no widget to grab"
        return self.save(name, target.grab())
