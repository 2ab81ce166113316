"""A window painted before the heavy imports (SQLAlchemy, pydantic), so the app shows at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from jgstudy.gui.fonts import CJK_FAMILIES
from jgstudy.gui.i18n import tr

SIZE = (420, 220)
ACCENT = QColor("#C0392B")


def _pixmap() -> QPixmap:
    pixmap = QPixmap(*SIZE)
    pixmap.fill(QColor("#FAFAFA"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, SIZE[0], 6, ACCENT)
    title = QFont()
    title.setFamilies(list(CJK_FAMILIES))
    title.setPixelSize(34)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(ACCENT)
    painter.drawText(0, 40, SIZE[0], 80, Qt.AlignmentFlag.AlignCenter, tr("机关学习"))
    painter.end()
    return pixmap


def show_splash(app: QApplication) -> QLabel:
    """Show and paint the start-up window; the caller closes it once the main window shows.

    A frameless label rather than QSplashScreen: QSplashScreen blocks up to a second waiting for
    the window system to report the window exposed, which is the delay this window is meant to hide.
    """
    pixmap = _pixmap()
    painter = QPainter(pixmap)
    font = QFont()
    font.setFamilies(list(CJK_FAMILIES))
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawText(0, 130, SIZE[0], 40, Qt.AlignmentFlag.AlignCenter, tr("正在打开学习记录…"))
    painter.end()
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(pixmap)
    splash.setFixedSize(*SIZE)
    screen = app.primaryScreen()
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    splash.show()
    app.processEvents()
    return splash
