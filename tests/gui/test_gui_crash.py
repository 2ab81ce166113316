"""The desktop's unexpected errors: logged with their traceback, shown with 复制详情 and the log's
path; names typed in the profile dialog are checked as the core will store them."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qCritical
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from jgstudy.core.logs import setup_logging
from jgstudy.gui.crash import ErrorDialog, install_crash_handlers
from jgstudy.gui.profile import ProfileDialog


def test_an_uncaught_exception_is_logged_and_shown(tmp_path: Path, qapp: QApplication) -> None:
    log_file = setup_logging(tmp_path)
    assert log_file is not None
    shown: list[tuple[str, str, Path | None]] = []
    restore = install_crash_handlers(log_file, lambda *args: shown.append(args))
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what Qt does with an exception in a slot
        qCritical("a critical Qt message")
    finally:
        restore()
        setup_logging(None)
    [(message, details, where)] = shown
    assert "意外错误" in message and "RuntimeError: boom in a slot" in details
    assert where == log_file
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom in a slot" in logged
    assert "a critical Qt message" in logged


def test_the_error_dialog_copies_its_details_and_names_the_log(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ErrorDialog("出现了一个意外错误。", "Traceback ...\nKeyError: 'x'", tmp_path / "j.log")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Traceback ...\nKeyError: 'x'"
    assert dialog.copy_button.text() == "已复制"
    assert dialog.result() == 0  # copying does not close it
    labels = "".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(tmp_path / "j.log") in labels


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("王\x1b]52;c;aGk=\x07五", "控制字符"), ("王\u202e五", "U+202E"), ("   ", "请选择")],
)
def test_the_profile_dialog_refuses_hidden_characters(
    qtbot: QtBot, typed: str, problem: str
) -> None:
    dialog = ProfileDialog([])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(typed)
    dialog._accept_if_valid()
    assert problem in dialog.error.text()
    assert dialog.result() == 0


def test_the_profile_dialog_accepts_a_name_with_spaces_around(qtbot: QtBot) -> None:
    dialog = ProfileDialog([])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(" 张三 ")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog._accept_if_valid()
    assert dialog.choice()[0] == "张三"


def test_an_environment_failure_in_a_slot_gets_its_sentence(
    tmp_path: Path, qapp: QApplication
) -> None:
    shown: list[tuple[str, str, Path | None]] = []
    restore = install_crash_handlers(None, lambda *args: shown.append(args))
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    [(message, details, _where)] = shown
    assert message.startswith("磁盘空间已满") and "OperationalError" in details


def test_a_database_that_cannot_be_opened_at_start_is_one_sentence(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only database at start: the dialog has the sentence, never a traceback."""
    from jgstudy.gui import main as gui_main

    db = tmp_path / "jgstudy.sqlite3"
    sqlite3.connect(db).close()
    db.chmod(0o444)
    said: list[str] = []
    monkeypatch.setattr(
        gui_main.QMessageBox, "critical", lambda _parent, _title, text: said.append(text)
    )
    from jgstudy.gui.dbopen import open_database

    try:
        open_database(f"sqlite:///{db}", tmp_path)
    except Exception as exc:
        gui_main._cannot_open(f"sqlite:///{db}", exc, None)
    [text] = said
    assert "只读" in text and "Traceback" not in text
