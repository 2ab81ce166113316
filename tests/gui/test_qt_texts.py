"""Qt's own dialogs speak the interface language, and file dialogs start where files live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jgstudy.core.records import UserInfo
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.filechooser import FileChooser, documents_folder
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.qt_texts import install_qt_translations, remove_qt_translations

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    translators = install_qt_translations(qapp, "zh_CN")
    yield
    remove_qt_translations(qapp, translators)


def visible_texts(dialog: QWidget) -> list[str]:
    """What a user reads in a dialog: labels, buttons, combo entries, column headers, types."""
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    for box in dialog.findChildren(QComboBox):
        if box.isVisible():
            texts += [box.itemText(i) for i in range(box.count())]
    model = dialog.findChild(QFileSystemModel)
    horizontal = Qt.Orientation.Horizontal
    texts += [str(model.headerData(c, horizontal)) for c in range(model.columnCount())]
    root = model.index(dialog.directory().absolutePath())
    texts += [str(model.index(r, 2, root).data()) for r in range(model.rowCount(root))]
    return texts


def file_dialog(qtbot: QtBot, folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "title", str(folder), "YAML (*.yaml)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own: the one Qt translates
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) == 2)
    return dialog


@pytest.mark.parametrize("mode", list(QFileDialog.AcceptMode), ids=["open", "save"])
def test_qt_file_dialog_has_no_english_in_the_chinese_interface(
    chinese_qt: None, qtbot: QtBot, tmp_path: Path, mode: QFileDialog.AcceptMode
) -> None:
    (tmp_path / "子文件夹").mkdir()
    (tmp_path / "a.yaml").write_text("", "utf-8")
    dialog = file_dialog(qtbot, tmp_path, mode)
    english = [
        t
        for t in visible_texts(dialog)
        if ENGLISH_WORD.search(t) and "YAML" not in t and "yaml" not in t and str(tmp_path) != t
    ]
    assert not english, english
    texts = visible_texts(dialog)
    assert any("查找范围" in t for t in texts) and "文件夹" in texts, texts


def test_message_box_buttons_are_chinese(chinese_qt: None, qtbot: QtBot) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "t", "x", buttons.Yes | buttons.No | buttons.Cancel
    )
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["是(&Y)", "否(&N)", "取消"])


def test_english_interface_loads_no_qt_catalog(qapp: QApplication) -> None:
    assert install_qt_translations(qapp, "en") == []


class FakeDialogs:
    """Stands in for QFileDialog's static functions: records the start folder, picks ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[str] = []
        self.answer = ""
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, self._file)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)

    def _file(self, _parent: QWidget, _title: str, start: str, _filters: str) -> tuple[str, str]:
        self.started.append(start)
        return self.answer, ""

    def _folder(self, _parent: QWidget, _title: str, start: str) -> str:
        self.started.append(start)
        return self.answer


def test_file_dialogs_start_in_documents_then_in_the_last_folder_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> None:
    settings = tmp_path / "settings.ini"
    prefs = Preferences(QSettings(str(settings), QSettings.Format.IniFormat))
    dialogs = FakeDialogs(monkeypatch)
    files = FileChooser(prefs)
    parent = QWidget()
    assert files.save_file(parent, "导出", "成绩报告.xlsx", "*.xlsx") is None  # cancelled
    assert dialogs.started == [str(documents_folder() / "成绩报告.xlsx")]
    chosen = tmp_path / "reports"
    chosen.mkdir()
    dialogs.answer = str(chosen / "成绩报告.xlsx")
    assert files.save_file(parent, "导出", "成绩报告.xlsx", "*.xlsx") == chosen / "成绩报告.xlsx"
    prefs.sync()
    # the next start of the app: a new chooser over the same settings file
    again = FileChooser(Preferences(QSettings(str(settings), QSettings.Format.IniFormat)))
    dialogs.answer = ""
    again.open_file(parent, "打开", "*.yaml")
    assert dialogs.started[-1] == str(chosen)
    # a saved bank is saved again where it is
    again.save_file(parent, "保存", tmp_path / "bank.yaml", "*.yaml")
    assert dialogs.started[-1] == str(tmp_path / "bank.yaml")


def test_a_vanished_last_folder_falls_back_to_documents(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> None:
    prefs = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    prefs.last_folder = str(tmp_path / "removed-usb-stick")
    dialogs = FakeDialogs(monkeypatch)
    FileChooser(prefs).folder(QWidget(), "选择")
    assert dialogs.started == [str(documents_folder())]


def test_export_dialogs_of_the_window_start_in_the_folder_used_last(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow, cadre: UserInfo
) -> None:
    """错题本 and the match record were saved relative to the working directory (the program's
    folder); they now start where the other dialogs do."""
    dialogs = FakeDialogs(monkeypatch)
    window.files.remember(tmp_path / "last.xlsx")
    window.set_user(cadre)
    window.wrongbook.export_to(window.wrongbook._ask_path("pdf"))
    suggested = "比赛记录-7.xlsx"
    window.competition._choose_path(window.competition, suggested)
    assert [Path(start).parent for start in dialogs.started] == [tmp_path, tmp_path]
    assert Path(dialogs.started[1]).name == suggested


def test_file_dialogs_go_through_the_file_chooser() -> None:
    """Only filechooser.py calls QFileDialog's static functions (settings' data folder aside),
    so no dialog opens in the working directory."""
    gui = Path(__file__).resolve().parents[2] / "src" / "jgstudy" / "gui"
    calls = re.compile(r"QFileDialog\.get\w+\(")
    found = {
        path.relative_to(gui).as_posix()
        for path in gui.rglob("*.py")
        if calls.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"filechooser.py", "settings.py"}
