"""The bank editor in a window of its own (for trainers who open it beside the main window)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from jgstudy.gui.editor.page import BankEditor


class BankEditorWindow(QMainWindow):
    """A :class:`BankEditor` as the central widget; closing asks about unsaved changes."""

    def __init__(self, editor: BankEditor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor or BankEditor()
        self.setCentralWidget(self.editor)
        self.setMinimumSize(QSize(1024, 680))
        self.editor.windowTitleChanged.connect(self.setWindowTitle)
        self.editor.dirty_changed.connect(self.setWindowModified)
        self.setWindowTitle(self.editor.windowTitle())
        self.setWindowModified(self.editor.is_dirty())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.can_close():
            event.accept()
        else:
            event.ignore()
