"""The editor's questions to the trainer: unsaved changes, notices, files to open and save.

The page takes the first two as arguments, so tests and scripts answer them without a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import N_, tr

AskSave = Callable[
    [QWidget, str, str], str
]  # (parent, title, text) → "save" | "discard" | "cancel"
Inform = Callable[[QWidget, str, str], None]  # (parent, title, text)
OPEN_FILTER = N_("题库文件 (*.yaml *.yml)")
IMPORT_FILTER = N_("表格、试卷或题目文件 (*.xlsx *.xlsm *.csv *.tsv *.docx *.gift *.aiken *.txt)")


def ask_save_changes(parent: QWidget, title: str, text: str) -> str:
    """保存 / 不保存 / 取消."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def show_message(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def choose_save_path(parent: QWidget, files: FileChooser, suggested: str | Path) -> Path | None:
    """Where to save (a bank saved before: where it is); a name without .yaml/.yml gets .yaml."""
    path = files.save_file(parent, tr("保存题库"), suggested, tr(OPEN_FILTER))
    if path is None:
        return None
    return path if path.suffix.lower() in (".yaml", ".yml") else path.with_suffix(".yaml")
