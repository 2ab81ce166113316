"""The exam views' own stylesheet, built from the app's colours and kept in step with the theme.

The application stylesheet (gui/qss.py) belongs to the main window; these rules only add the
countdown, the review flag colour, notices and the result list, set on the exam page itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from jgstudy.gui.colors import DARK, Colors
from jgstudy.gui.style import colors_for

Build = Callable[[Colors, int], str]
_RESTYLE = (
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationFontChange,
    QEvent.Type.FontChange,
)


def flag_colors(c: Colors) -> tuple[str, str]:
    """The review-flag amber (text or line, soft background); readable on either theme."""
    return ("#E3A53A", "#3A2F1C") if c is DARK else ("#A95F06", "#FDF1DC")


def base_px() -> int:
    size = QApplication.font().pixelSize()
    return size if size > 0 else 15


class StyleKeeper(QObject):
    """Sets ``build(colors, px)`` as ``widget``'s stylesheet, again whenever the theme changes."""

    def __init__(self, widget: QWidget, build: Build) -> None:
        super().__init__(widget)
        self._widget = widget
        self._build = build
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        sheet = self._build(colors_for(None), base_px())
        if sheet != self._widget.styleSheet():
            self._widget.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While Qt tears the widget down the Python side may already be gone: look, don't assume.
        widget = getattr(self, "_widget", None)
        if widget is not None and watched is widget and event.type() in _RESTYLE:
            self.apply()
        return False


def exam_stylesheet(c: Colors, px: int) -> str:
    flag, flag_soft = flag_colors(c)
    return f"""
QFrame#timerbox {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#timerbox QLabel {{ background: transparent; }}
QLabel#countdown {{ font-size: {px + 13}px; font-weight: 700; }}
QLabel#countdown[warn="true"] {{ color: {c.bad}; }}
QLabel#flagmark {{ color: {flag}; font-weight: 600; }}
QPushButton#flagbutton[flagged="true"] {{ color: {flag}; border: 1px solid {flag};
    background: {flag_soft}; font-weight: 600; }}
QFrame#notice {{ background: {flag_soft}; border: 1px solid {flag}; border-radius: 10px; }}
QFrame#notice QLabel {{ color: {flag}; font-weight: 600; background: transparent; }}
QFrame#problem {{ background: {c.bad_soft}; border-radius: 8px; }}
QFrame#problem QLabel {{ color: {c.bad}; background: transparent; }}
QLabel#verdictbig {{ font-size: {px + 15}px; font-weight: 700; }}
QLabel#verdictbig[verdict="good"], QLabel#mark[verdict="good"] {{ color: {c.good}; }}
QLabel#verdictbig[verdict="bad"], QLabel#mark[verdict="bad"] {{ color: {c.bad}; }}
QLabel#mark {{ font-weight: 700; font-size: {px + 1}px; }}
QLabel#given[verdict="bad"] {{ color: {c.bad}; }}
QLabel#given[verdict="good"] {{ color: {c.good}; }}
QLabel#explain {{ color: {c.muted}; }}
QFrame#resultitem {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#resultitem QLabel {{ background: transparent; }}
QFrame#resultitem QLabel#chip {{ background: {c.accent_soft}; }}
"""
