"""The imported banks, importing new ones, and the readable list of problems when one is invalid."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks import BankErrors, Problem
from jgstudy.core.records import ImportResult
from jgstudy.core.service import StudyService
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.models import BankTableModel
from jgstudy.gui.widgets import button, plain_label
from jgstudy.gui.workers import BankImporter

BANK_FILTER = N_("题库文件 (*.yaml *.yml);;所有文件 (*)")


def problem_text(problem: Problem) -> str:
    """``file:line:col: message`` with the file's name only (the full path is in the tooltip)."""
    return f"{Path(problem.file).name}:{problem.line}:{problem.column}: {problem.message}"


def result_text(result: ImportResult) -> str:
    if not result.imported_banks:
        return tr("题库没有变化，无需更新。")
    parts = [
        tr("导入 {count} 个题库").format(count=len(result.imported_banks)),
        tr("新增 {added} 题").format(added=result.added),
    ]
    if result.changed:
        parts.append(tr("更新 {changed} 题").format(changed=result.changed))
    if result.retired:
        parts.append(tr("停用 {retired} 题").format(retired=result.retired))
    return tr("导入完成：") + tr("，").join(parts) + tr("。")


class ErrorPanel(QFrame):
    """Every problem of a failed import, one per line, with file:line:col."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("errors")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = plain_label("", wrap=True)
        close = button(tr("关闭"), flat=True)
        close.clicked.connect(self.hide)
        top.addWidget(self.title, 1)
        top.addWidget(close)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(220)
        layout.addWidget(self.list)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.title.setText(
            tr("题库有 {count} 处问题，本次没有导入任何内容。请修改后重新导入：").format(
                count=len(problems)
            )
        )
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(problem_text(problem))
            item.setToolTip(str(problem))
            self.list.addItem(item)
        self.show()

    def show_message(self, message: str) -> None:
        self.title.setText(tr("导入失败，本次没有导入任何内容："))
        self.list.clear()
        self.list.addItem(message)
        self.show()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


class BanksPanel(QWidget):
    """Banks with counts; import a file or a folder; re-import everything."""

    banks_changed = Signal()

    def __init__(self, service: StudyService, importer: BankImporter) -> None:
        super().__init__()
        self._service = service
        self._importer = importer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(self._build_buttons())
        self.errors = ErrorPanel()
        self.errors.hide()
        layout.addWidget(self.errors)
        self.message = plain_label("", "muted", wrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        self.model = BankTableModel()
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        importer.started.connect(self._on_started)
        importer.succeeded.connect(self._on_succeeded)
        importer.failed.connect(self._on_failed)
        importer.finished.connect(self._on_finished)

    def _build_buttons(self) -> QHBoxLayout:
        self.file_button = button(tr("导入题库文件…"), primary=True)
        self.folder_button = button(tr("导入文件夹…"))
        self.reimport_button = button(tr("重新导入全部"))
        self.reimport_button.setToolTip(tr("从原文件重新读取所有题库，同步修改过的题"))
        self.file_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.reimport_button.clicked.connect(self.reimport)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.summary = plain_label("", "muted")
        row.addWidget(self.summary, 1)
        for btn in (self.reimport_button, self.folder_button, self.file_button):
            row.addWidget(btn)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setShowGrid(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return table

    def refresh(self) -> None:
        banks = self._service.banks()
        self.model.set_banks(banks)
        total = sum(b.question_count for b in banks)
        self.summary.setText(
            tr("共 {count} 个题库，{total} 道题").format(count=len(banks), total=total)
        )

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, tr("选择题库文件"), "", tr(BANK_FILTER))
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("选择包含题库的文件夹"))
        if folder:
            self.import_paths([Path(folder)])

    def reimport(self) -> None:
        paths = [Path(b.path) for b in self._service.banks() if Path(b.path).exists()]
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import banks from ``paths`` in the background; False when an import is running."""
        if not self._importer.import_paths(paths):
            self._say(tr("正在导入，请稍候……"))
            return False
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_started(self, label: str) -> None:
        self.errors.hide()
        self._say(f"{label}……")
        for btn in (self.file_button, self.folder_button, self.reimport_button):
            btn.setEnabled(False)

    def _on_succeeded(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self._say(result_text(result))
        self.refresh()
        self.banks_changed.emit()

    def _on_failed(self, error: object) -> None:
        self._say("")
        if isinstance(error, BankErrors):
            self.errors.show_problems(error.problems)
        else:
            self.errors.show_message(str(error))

    def _on_finished(self) -> None:
        for btn in (self.file_button, self.folder_button, self.reimport_button):
            btn.setEnabled(True)
