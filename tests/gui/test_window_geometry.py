"""A window restored from another screen (larger, or at a smaller scale factor) fits this one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from screen_env import on_screen, run_on_screen

from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.fit import MINIMUM_WINDOW, clamp_rect
from jgstudy.gui.prefs import Preferences


def test_clamp_rect_shrinks_and_moves_inside() -> None:
    screen = QRect(0, 0, 1067, 667)
    assert clamp_rect(QRect(0, 0, 1920, 1200), screen) == screen
    assert clamp_rect(QRect(900, 500, 400, 300), screen) == QRect(667, 367, 400, 300)
    assert clamp_rect(QRect(-50, -20, 400, 300), screen) == QRect(0, 0, 400, 300)
    assert clamp_rect(QRect(10, 10, 400, 300), screen) == QRect(10, 10, 400, 300)


def test_the_window_fits_the_smallest_screen_we_support() -> None:
    """1280x720 at 150 % (853x480 logical) minus a task bar and a title bar still holds it."""
    assert MINIMUM_WINDOW.width() <= 1280 and MINIMUM_WINDOW.height() <= 720 - 40 - 32
    assert MINIMUM_WINDOW.width() <= 1067 and MINIMUM_WINDOW.height() <= 667 - 40 - 32 + 20


@pytest.mark.skipif(not on_screen(), reason="runs in a process with a 1600x1000 screen at 150 %")
def test_restored_geometry_is_clamped_to_this_screen(
    prefs: Preferences, make_window: Callable[[], MainWindow]
) -> None:
    big = make_window()
    big.setGeometry(0, 0, 1900, 1150)  # as saved on a 1920x1200 desktop at 100 %
    prefs.geometry = big.saveGeometry()
    big.close()
    window = make_window()
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.size().width() == 1067  # 1600x1000 at 150 %
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)


@pytest.mark.slow
def test_restored_geometry_on_a_high_dpi_laptop(tmp_path: Path) -> None:
    # One database is enough (the test also runs on PostgreSQL when JGSTUDY_TEST_PG_URL is set).
    done = run_on_screen(tmp_path, 1600, 1000, 1.5, __file__, "clamped and not postgresql")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
