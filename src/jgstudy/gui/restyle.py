"""Page stylesheets that follow the app's theme and text size, shared by the feature pages.

The application stylesheet (gui/qss.py) belongs to the main window; a page adds its own rules
with a :class:`StyleKeeper`, which rebuilds them whenever the palette or the font changes.
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


def amber_colors(c: Colors) -> tuple[str, str]:
    """Amber for flags and drafts (text or line, soft background), readable on either theme."""
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
