"""``jgstudy`` with no subcommand: the whole start-up, through ``run(args)``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.services import open_services
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.main import run


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """The default QSettings go to a temporary folder, never the user's."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, font, sheet = app.palette(), app.font(), app.styleSheet()
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)


def test_run_opens_the_window_imports_and_asks_for_a_profile(
    qtbot: QtBot,
    tmp_path: Path,
    sample_bank: Path,
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("jgstudy.core.service.bundled_banks", lambda: sample_bank.parent)
    seen: list[str] = []
    earlier = set(QApplication.topLevelWidgets())  # windows other tests left for deletion

    def event_loop() -> int:  # stands in for app.exec(): plays the cadre, then quits
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in earlier
        )
        assert window.isVisible()
        assert not window.windowIcon().isNull()  # set by run() once the splash was painted
        qtbot.waitUntil(lambda: window.profile_dialog is not None, timeout=20_000)
        dialog = window.profile_dialog
        assert dialog is not None
        dialog.name_edit.setText("赵六")
        dialog.accept()
        seen.append(window.home.greeting.text())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    assert run(["--db", url, "--data-dir", str(tmp_path / "data")]) == 0
    assert seen == ["你好，赵六"]
    services = open_services(url)
    service = services.study
    try:
        assert [b.id for b in service.banks()] == ["sample"]
        assert service.find_user("赵六") is not None
    finally:
        services.close()
    assert QSettings().value("profile/last") == "赵六"
