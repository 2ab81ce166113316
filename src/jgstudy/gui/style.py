"""The look: a calm light or dark palette, one restrained accent, and a stylesheet built from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from jgstudy.gui.colors import DARK, LIGHT, Colors
from jgstudy.gui.fonts import apply_app_font
from jgstudy.gui.i18n import N_
from jgstudy.gui.icons import arrow_files
from jgstudy.gui.qss import stylesheet

THEMES = {"system": N_("跟随系统"), "light": N_("浅色"), "dark": N_("深色")}


def colors_for(widget: QWidget | None = None) -> Colors:
    """The colours in use, read from the palette (dark when the window colour is dark)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def is_dark(theme: str, scheme: Qt.ColorScheme) -> bool:
    """Dark when chosen, or when following a desktop (``scheme``) that is dark."""
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return scheme == Qt.ColorScheme.Dark


def apply_theme(
    app: QApplication, theme: str, base_px: int, scheme: Qt.ColorScheme | None = None
) -> Colors:
    """Style the whole application: Fusion, a palette, the stylesheet and the font.
    ``scheme`` is the desktop's light or dark (default: as Qt reads it now)."""
    desktop = scheme if scheme is not None else app.styleHints().colorScheme()
    colors = DARK if is_dark(theme, desktop) else LIGHT
    app.setStyle("Fusion")
    app.setPalette(palette(colors))
    apply_app_font(app, base_px)
    images = arrow_files(colors.muted)
    images["check"] = arrow_files(colors.on_accent)["check"]  # drawn on the accent colour
    app.setStyleSheet(stylesheet(colors, base_px, images))
    return colors


def palette(c: Colors) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface,
        QPalette.ColorRole.AlternateBase: c.hover,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.on_accent,
        QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Midlight: c.hover,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    disabled = QColor(c.muted)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def set_props(widget: QWidget, **props: object) -> None:
    """Set dynamic properties used by the stylesheet and re-polish the widget."""
    for name, value in props.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)
