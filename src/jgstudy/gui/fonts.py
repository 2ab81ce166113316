"""Fonts: Simplified-Chinese families first, so Qt never picks Japanese glyph variants."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from jgstudy.gui.i18n import language

CJK_FAMILIES = [
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
]
# Latin families first for the English interface: in a CJK font, ’ “ ” are full-width glyphs
# ("today’ s"); Chinese text still falls back to the CJK families after them.
LATIN_FAMILIES = ["Segoe UI", "Helvetica Neue", "Noto Sans", "Arial", "DejaVu Sans"]
# Base text sizes in pixels for the "font size" setting: 100 %, 115 %, 130 % and 150 % of 15 px,
# steps a reader can tell apart.
FONT_SIZES = {"normal": 15, "large": 17, "larger": 20, "xlarge": 23}
DEFAULT_FONT_SIZE = "normal"


def base_pixel_size(name: str) -> int:
    return FONT_SIZES.get(name, FONT_SIZES[DEFAULT_FONT_SIZE])


def ui_font(pixel_size: int) -> QFont:
    """The application font: CJK families first, then the platform's sans-serif."""
    font = QFont()
    if language() == "en":
        font.setFamilies([*LATIN_FAMILIES, *CJK_FAMILIES, "sans-serif"])
    else:
        font.setFamilies([*CJK_FAMILIES, *LATIN_FAMILIES, "sans-serif"])
    font.setPixelSize(pixel_size)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def apply_app_font(app: QApplication, pixel_size: int) -> None:
    app.setFont(ui_font(pixel_size))
