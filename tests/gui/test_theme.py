"""Dark mode: chosen in the settings, or following the desktop's light/dark scheme."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.colors import DARK, LIGHT
from jgstudy.gui.style import colors_for, is_dark

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
