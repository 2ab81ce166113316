"""The application's icon (resources/icons/jgstudy.svg) for every window, the scoreboard too."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from jgstudy.core.paths import resources

SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_svg() -> bytes:
    return (resources() / "icons" / "jgstudy.svg").read_bytes()


def render(size: int) -> QPixmap:
    """The icon drawn at ``size`` pixels square."""
    renderer = QSvgRenderer(QByteArray(icon_svg()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """The icon at every size a desktop asks for (taskbar, title bar, Alt+Tab)."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(render(size))
    return icon
