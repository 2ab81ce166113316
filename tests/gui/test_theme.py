"""Dark mode: chosen in the settings, or following the desktop's light/dark scheme."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from contrast import contrast
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.colors import DARK, LIGHT
from jgstudy.gui.style import apply_theme, colors_for, is_dark

Scheme = Qt.ColorScheme


@pytest.fixture
def restyled(qapp: QApplication) -> Iterator[None]:
    palette, font, sheet, style = qapp.palette(), qapp.font(), qapp.styleSheet(), qapp.style()
    name = style.name()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(QPalette(palette))
    qapp.setFont(font)
    qapp.setStyle(name)


def test_the_theme_setting_wins_over_the_desktop() -> None:
    assert is_dark("dark", Scheme.Light) and not is_dark("light", Scheme.Dark)
    assert is_dark("system", Scheme.Dark) and not is_dark("system", Scheme.Light)
    assert not is_dark("system", Scheme.Unknown)  # no word from the desktop: light


def test_following_the_desktop_and_forcing_a_theme(
    restyled: None, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.prefs.theme = "system"
    window.follow_system_scheme(Scheme.Dark)
    assert colors_for(window) is DARK
    window.follow_system_scheme(Scheme.Light)
    assert colors_for(window) is LIGHT
    combo = window.settings.theme
    combo.setCurrentIndex(combo.findData("dark"))  # forced dark in the settings
    assert window.prefs.theme == "dark" and colors_for(window) is DARK
    window.follow_system_scheme(Scheme.Light)  # the desktop no longer decides
    assert colors_for(window) is DARK


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_an_unticked_box_is_visible_on_either_scheme(
    restyled: None, qapp: QApplication, qtbot: QtBot, theme: str, kind: type[QCheckBox]
) -> None:
    """The frame of an empty check box or radio button stands out from the card it sits on
    (at least 3:1, WCAG's contrast for the parts of a control); on dark it used to vanish."""
    colors = apply_theme(qapp, theme, 14)
    card = QWidget()
    card.setObjectName("card")
    card.setStyleSheet(f"background: {colors.surface};")
    box = kind("目标日期", card)
    qtbot.addWidget(card)
    card.resize(200, 40)
    card.show()
    image = card.grab().toImage()
    background = QColor(colors.surface)
    rows = range(box.y(), box.y() + box.height())
    best = max(
        contrast(image.pixelColor(x, y), background)
        for x in range(box.x(), box.x() + 16)  # the box, not its text
        for y in rows
    )
    assert best >= 3.0, f"{kind.__name__} on {theme}: contrast {best:.2f}"
