"""GUI fixtures: preferences in a temporary file, a shown main window, a cadre with the sample bank."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.i18n import set_language
from jgstudy.gui.prefs import Preferences

Press = Callable[..., None]


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    """Preferences in a temporary INI file: tests never touch the user's settings."""
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def cadre(service: StudyService, sample_bank: Path) -> UserInfo:
    service.import_banks([sample_bank])
    return service.ensure_user("张三", "市发展和改革委员会")


def show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def make_window(
    qtbot: QtBot, services: Services, prefs: Preferences, tmp_path: Path
) -> Iterator[Callable[[], MainWindow]]:
    def make() -> MainWindow:
        return show(qtbot, MainWindow(services, prefs, str(tmp_path), "sqlite:///test.sqlite3"))

    yield make
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def press(qtbot: QtBot) -> Press:
    """Type a key where the keyboard focus is, as a cadre would."""

    def press_key(
        key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, key, modifier)

    return press_key


@pytest.fixture
def english() -> Iterator[None]:
    """The English interface for one test (texts are built after it is chosen)."""
    set_language("en")
    try:
        yield
    finally:
        set_language("zh_CN")
