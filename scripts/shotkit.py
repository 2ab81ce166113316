"""Helpers shared by the screenshot scripts (offscreen: no compositor, no real input)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from jgstudy.gui.fonts import FONT_SIZES, base_pixel_size
from jgstudy.gui.i18n import set_language
from jgstudy.gui.layout_audit import audit
from jgstudy.gui.main import install_qt_translations, make_application
from jgstudy.gui.style import apply_theme

ROOT = Path(__file__).resolve().parents[1]


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options every screenshot script takes (scripts/screenshots.py passes them on)."""
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("--font-size", choices=list(FONT_SIZES), default="normal")
    parser.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    parser.add_argument("--size", default="1280x800", help="window size in logical pixels")


def run_script(
    build: Callable[[argparse.Namespace], int], description: str | None, argv: list[str] | None
) -> int:
    """A screenshot script's ``main``: the shared options, then ``build``; 1 when a view was
    clipped (``build`` returns how many were)."""
    parser = argparse.ArgumentParser(description=description)
    add_options(parser)
    return 1 if build(parser.parse_args(argv)) else 0


def window_size(options: argparse.Namespace) -> QSize:
    width, height = (int(v) for v in str(options.size).split("x"))
    return QSize(width, height)


def prepare(options: argparse.Namespace) -> QApplication:
    """The application in the chosen language, theme and text size; ``out`` created."""
    set_language(options.language)
    app = make_application()
    install_qt_translations(app)
    apply_theme(app, options.theme, base_pixel_size(options.font_size))
    Path(options.out).mkdir(parents=True, exist_ok=True)
    return app


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
        self.clipped = 0  # widgets found cut off, over all shots

    def save(self, name: str, pixmap: QPixmap) -> Path:
        path = self.out / f"{name}.png"
        pixmap.save(str(path))
        print(path)
        return path

    def shot(self, name: str, widget: QWidget | None = None) -> Path:
        settle(self.app)
        target = widget or self.default
        assert target is not None, "no widget to grab"
        if target.isWindow():
            for clip in audit(target):
                self.clipped += 1
                print(f"CLIPPED {self.out.name}/{name}: {clip}")
        return self.save(name, target.grab())
