"""Start-up and the window's memory: first run, returning cadres, profiles, settings, geometry."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.main import data_location, hide_password, parse_args
from jgstudy.gui.prefs import Preferences

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch, sample_bank: Path) -> Path:
    """The test banks stand in for the banks shipped with jgstudy."""
    folder = sample_bank.parent
    monkeypatch.setattr("jgstudy.core.service.bundled_banks", lambda: folder)
    return folder


def test_first_run_imports_the_bundled_banks_then_asks_for_a_profile(
    make_window: MakeWindow, service: StudyService, prefs: Preferences, bundled: Path, qtbot: QtBot
) -> None:
    window = make_window()
    assert service.banks() == []
    window.start()
    assert window.work_progress.isVisible()  # the import runs in the background...
    qtbot.waitUntil(lambda: window.profile_dialog is not None, timeout=20_000)
    assert [b.id for b in service.banks()] == ["sample"]  # ...and has finished
    assert not window.work_progress.isVisible()
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText("李四")
    dialog.unit_edit.setText("市财政局")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.ready, timeout=5_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.user is not None and (window.user.name, window.user.unit) == ("李四", "市财政局")
    assert window.current_view() == "home"
    assert window.home.greeting.text() == "你好，李四"
    assert window.home.values["new"].text() == "6"
    assert window.home.new_button.isEnabled()
    assert prefs.last_profile == "李四"


def test_a_returning_cadre_goes_straight_in(
    make_window: MakeWindow, service: StudyService, prefs: Preferences, bundled: Path, qtbot: QtBot
) -> None:
    service.ensure_user("张三", "市发展和改革委员会")
    prefs.last_profile = "张三"
    window = make_window()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.start()
    assert window.profile_dialog is None
    assert window.user is not None and window.user.name == "张三"
    assert window.switcher.currentText() == "张三"


def test_switching_profile_is_one_click_in_the_switcher(
    window: MainWindow, service: StudyService, cadre: UserInfo
) -> None:
    other = service.ensure_user("王五", "市民政局")
    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    assert window.practice.session is not None
    index = window.switcher.findData(other.name)
    window.switcher.activated.emit(index)  # what a click on the entry does
    assert window.user == other
    window.navigate("home")
    assert window.home.greeting.text() == "你好，王五"
    assert window.practice.session is None  # a new cadre starts fresh


def test_the_daily_new_limit_applies_to_practice(
    window: MainWindow, cadre: UserInfo, prefs: Preferences
) -> None:
    window.set_user(cadre)
    window.navigate("settings")
    window.settings.new_per_day.setValue(2)
    assert prefs.new_per_day == 2
    window.navigate("home")
    assert window.home.values["new"].text() == "2"
    window.start_practice("new", NewOrder.BANK)
    assert window.practice.session is not None and window.practice.session.total == 2


def test_desired_retention_reaches_the_scheduler(
    window: MainWindow, service: StudyService, prefs: Preferences
) -> None:
    assert service.desired_retention == 0.9
    window.settings.retention.setValue(0.95)
    assert prefs.retention == 0.95
    assert service.desired_retention == 0.95


@pytest.fixture
def restore_style() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, font, sheet = app.palette(), app.font(), app.styleSheet()
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)


def test_theme_and_font_size_are_kept_and_applied(
    window: MainWindow, prefs: Preferences, restore_style: None
) -> None:
    settings = window.settings
    settings.theme.setCurrentIndex(settings.theme.findData("dark"))
    settings.font_size.setCurrentIndex(settings.font_size.findData("large"))
    assert (prefs.theme, prefs.font_size) == ("dark", "large")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.font().pixelSize() == 17
    assert app.palette().window().color().lightness() < 128


def test_geometry_and_last_view_are_restored(make_window: MakeWindow, prefs: Preferences) -> None:
    first = make_window()
    first.resize(960, 700)  # the offscreen screen is 800x800: the narrowest window, 700 high
    first.navigate("library")
    first.close()
    second = make_window()
    assert second.current_view() == "library"
    assert (second.width(), second.height()) == (960, 700)  # not the 1280x800 default


def test_an_open_practice_is_not_restored(make_window: MakeWindow) -> None:
    first = make_window()
    first.navigate("practice")
    first.close()
    assert make_window().current_view() == "home"


def test_command_line_and_display_helpers() -> None:
    options = parse_args(
        ["--db", "sqlite:///x.db", "--data-dir", "/tmp/d", "-platform", "offscreen"]
    )
    assert (options.db, options.data_dir) == ("sqlite:///x.db", Path("/tmp/d"))
    assert hide_password("postgresql://jg:secret@db/jg") == "postgresql://jg:***@db/jg"
    assert hide_password("sqlite:////tmp/a.sqlite3") == "sqlite:////tmp/a.sqlite3"


def test_data_location_chosen_in_settings_is_used_at_the_next_start(
    window: MainWindow, prefs: Preferences, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JGSTUDY_DB", raising=False)
    monkeypatch.delenv("JGSTUDY_DATA_DIR", raising=False)
    window.navigate("settings")
    settings = window.settings
    settings.url_edit.setText("mysql://nope")
    assert not settings.save_location()
    assert prefs.database_url == ""
    chosen = tmp_path / "共享数据"
    settings.folder_edit.setText(str(chosen))
    settings.url_edit.setText("")
    assert settings.save_location()
    folder, url = data_location(parse_args([]), prefs)
    assert folder == chosen and url == f"sqlite:///{chosen / 'jgstudy.sqlite3'}"
    prefs.database_url = "postgresql+psycopg://u@db/jgstudy"
    assert data_location(parse_args([]), prefs)[1] == "postgresql+psycopg://u@db/jgstudy"
    # the command line wins over the settings
    flagged = parse_args(["--db", "sqlite:////tmp/x.db", "--data-dir", str(tmp_path)])
    assert data_location(flagged, prefs) == (tmp_path, "sqlite:////tmp/x.db")


# Built after the splash is painted, never before it: each costs tens of milliseconds.
AFTER_SPLASH = (
    "sqlalchemy",
    "pydantic",
    "yaml",
    "jgstudy.core.model",
    "jgstudy.core.banks.loader",
    "jgstudy.core.services",
)


def test_the_splash_is_painted_before_the_core_is_imported() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from jgstudy.gui.main import make_application, set_icon\n"
        "from jgstudy.gui.splash import show_splash\n"
        "app = make_application()\n"
        "splash = show_splash(app)\n"
        "assert splash.isVisible()\n"
        f"print([m for m in {AFTER_SPLASH!r} if m in sys.modules])\n"
        "print(app.windowIcon().isNull())\n"  # the icon's seven renders come after the splash
        "set_icon(app)\n"
        "print(app.windowIcon().isNull())\n"
        "from jgstudy.core.banks import load_bank\n"  # the package's names still resolve
        "print(load_bank.__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = ["[]", "True", "False", "jgstudy.core.banks.loader"]
    assert out.stdout.splitlines() == expected, out.stdout
