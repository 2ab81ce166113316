"""Fonts: Simplified-Chinese families first, so Qt never picks Japanese glyph variants."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = [
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
]
# Base text sizes in pixels for the "font size" setting.
FONT_SIZES = {"normal": 15, "large": 17, "xlarge": 19}
DEFAULT_FONT_SIZE = "normal"


def base_pixel_size(name: str) -> int:
    return FONT_SIZES.get(name, FONT_SIZES[DEFAULT_FONT_SIZE])


def ui_font(pixel_size: int) -> QFont:
    """The application font: CJK families first, then the platform's sans-serif."""
    font = QFont()
    font.setFamilies([*CJK_FAMILIES, "Segoe UI", "Helvetica Neue", "sans-serif"])
    font.setPixelSize(pixel_size)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def apply_app_font(app: QApplication, pixel_size: int) -> None:
    app.setFont(ui_font(pixel_size))
