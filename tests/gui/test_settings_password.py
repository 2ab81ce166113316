"""Settings written by earlier versions lose their plain password; new ones never get one."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from jgstudy.gui.main import data_location
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.settings import SettingsView

URL = "postgresql+psycopg://zhang:plainpw@db.organ.local/jgstudy"


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def settings_files(tmp_path: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*.ini"))


def test_an_old_settings_file_is_migrated_and_the_password_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JGSTUDY_DB", raising=False)
    monkeypatch.delenv("JGSTUDY_DATA_DIR", raising=False)
    ini = tmp_path / "conf" / "settings.ini"
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    old.setValue("data/database", URL)
    old.setValue("data/folder", str(tmp_path / "data"))
    old.sync()
    assert "plainpw" in settings_files(tmp_path)
    prefs = Preferences(QSettings(str(ini), QSettings.Format.IniFormat))
    options = argparse.Namespace(data_dir=None, db=None)
    folder, url = data_location(options, prefs)
    assert "plainpw" not in settings_files(tmp_path / "conf")
    assert prefs.database_url == "postgresql+psycopg://zhang@db.organ.local/jgstudy"
    assert "plainpw@" in url  # still connects
    assert (folder / "pgpass").is_file()


def test_saving_a_url_in_settings_keeps_no_password(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "conf" / "settings.ini"
    prefs = Preferences(QSettings(str(ini), QSettings.Format.IniFormat))
    view = SettingsView(prefs, str(tmp_path / "data"), "sqlite:///x")
    qtbot.addWidget(view)
    view.folder_edit.setText(str(tmp_path / "data"))
    view.url_edit.setText(URL)
    assert view.save_location()
    assert "plainpw" not in view.url_edit.text()
    assert "plainpw" not in settings_files(tmp_path / "conf")
    assert "密码" in view.location_note.text()
