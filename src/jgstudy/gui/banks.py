"""The imported banks, importing new ones, and the readable list of problems when one is invalid."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.banks import BankErrors, Problem
from jgstudy.core.convert import Conversion, ConvertError, read_source, source_formats
from jgstudy.core.environment import explain
from jgstudy.core.paths import data_dir
from jgstudy.core.records import BankInfo, ImportResult
from jgstudy.core.service import StudyService
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import N_, tr, tr_error, tr_msg
from jgstudy.gui.importpreview import ImportPreview
from jgstudy.gui.models import BankTableModel
from jgstudy.gui.tasks import failure_text
from jgstudy.gui.widgets import button, plain_label
from jgstudy.gui.workers import BankImporter

BANK_FILTER = N_("题库文件 (*.yaml *.yml);;所有文件 (*)")
ALL_FILES = N_("所有文件 (*)")
Confirm = Callable[[QWidget, str, str], bool]
Preview = Callable[[ImportPreview], bool]


def source_filter() -> str:
    """Every readable format (registered readers included) for the 导入 file dialog."""
    patterns = " ".join(f"*{ext}" for source in source_formats() for ext in source.extensions)
    return tr("题库、表格或题目文件") + f" ({patterns} *.txt);;" + tr(ALL_FILES)


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def run_preview(dialog: ImportPreview) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def problem_text(problem: Problem) -> str:
    """``file:line:col: message`` with the file's name only (the full path is in the tooltip)."""
    return f"{Path(problem.file).name}:{problem.line}:{problem.column}: {tr_msg(problem.message)}"


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

    def __init__(
        self,
        service: StudyService,
        importer: BankImporter,
        import_folder: Path | None = None,
        *,
        confirm: Confirm = ask_confirm,
        preview: Preview = run_preview,
        files: FileChooser | None = None,
    ) -> None:
        super().__init__()
        self._service = service
        self._importer = importer
        # Converted banks are written here as <id>.yaml before import (re-import reads them).
        self.import_folder = import_folder or data_dir() / "imported"
        self._confirm, self._preview = confirm, preview
        self._reading: Path | None = None
        self._files = files or FileChooser()
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
        self.file_button = button(tr("导入…"), primary=True)
        self.file_button.setToolTip(
            tr("导入题库、Excel/CSV 表格、GIFT、Aiken 或试卷文件：先预览，确认后导入")
        )
        self.folder_button = button(tr("导入文件夹…"))
        self.reimport_button = button(tr("重新导入全部"))
        self.reimport_button.setToolTip(tr("从原文件重新读取所有题库，同步修改过的题"))
        self.retire_button = button(tr("停用"))
        self.retire_button.setToolTip(tr("停用所选题库：学员不再练习其中的题目，作答记录保留"))
        self.restore_button = button(tr("恢复"))
        self.restore_button.setToolTip(tr("恢复所选的已停用题库"))
        self.file_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.reimport_button.clicked.connect(self.reimport)
        self.retire_button.clicked.connect(self.retire_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.summary = plain_label("", "muted", wrap=True)
        row.addWidget(self.summary, 1)
        # The buttons wrap to a second line when one has no room (English at the larger text
        # sizes made the page wider than the window).
        holder = QWidget()
        flow = FlowLayout(holder, spacing=12)
        for btn in (
            self.retire_button,
            self.restore_button,
            self.reimport_button,
            self.folder_button,
            self.file_button,
        ):
            flow.addWidget(btn)
        row.addWidget(holder)
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
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_bank_buttons())
        return table

    def refresh(self) -> None:
        banks = self._service.banks()
        self.model.set_banks(banks)
        active = [b for b in banks if b.retired_at is None]
        total = sum(b.question_count for b in active)
        text = tr("共 {count} 个题库，{total} 道题").format(count=len(active), total=total)
        if len(active) < len(banks):
            text += tr("；另有 {retired} 个已停用").format(retired=len(banks) - len(active))
        self.summary.setText(text)
        self._update_bank_buttons()

    def selected_bank(self) -> BankInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.bank_at(rows[0].row()) if rows else None

    def select_bank(self, bank_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.bank_at(row).id == bank_id:
                self.table.selectRow(row)

    def _update_bank_buttons(self) -> None:
        bank = self.selected_bank()
        self.retire_button.setEnabled(bank is not None and bank.retired_at is None)
        self.restore_button.setEnabled(bank is not None and bank.retired_at is not None)

    def retire_selected(self) -> bool:
        """停用 the selected bank after confirmation; its history stays."""
        bank = self.selected_bank()
        if bank is None or bank.retired_at is not None:
            return False
        question = tr(
            "停用题库“{title}”？\n学员将不再练习、考试或浏览其中的题目；作答记录和错题记录保留，"
            "随时可以恢复。"
        ).format(title=bank.title)
        if not self._confirm(self, tr("停用题库"), question):
            return False
        hidden = self._service.retire_bank(bank.id)
        self._bank_changed(
            bank.id, tr("已停用“{title}”：{count} 题不再出现在练习中。"), bank, hidden
        )
        return True

    def restore_selected(self) -> bool:
        bank = self.selected_bank()
        if bank is None or bank.retired_at is None:
            return False
        shown = self._service.restore_bank(bank.id)
        self._bank_changed(bank.id, tr("已恢复“{title}”：{count} 题重新可以练习。"), bank, shown)
        return True

    def _bank_changed(self, bank_id: str, template: str, bank: BankInfo, count: int) -> None:
        self._say(template.format(title=bank.title, count=count))
        self.refresh()
        self.select_bank(bank_id)
        self.banks_changed.emit()

    def choose_files(self) -> None:
        file = self._files.open_file(self, tr("选择要导入的文件"), source_filter())
        if file is not None:
            self.preview_file(file)

    def preview_file(self, path: Path) -> bool:
        """Read ``path`` in the background, then show the preview; False when busy."""
        self._reading = path
        return self._importer.read(
            lambda: read_source(path, bank_dir=self.import_folder),
            tr("正在读取 {name}").format(name=path.name),
            self._on_read,
        )

    def _show_preview(self, conversion: Conversion) -> None:
        dialog = ImportPreview(
            conversion, self._service.banks(), self._service.bank_questions, self
        )
        try:
            if self._preview(dialog):
                self.import_conversion(dialog.conversion)
            else:
                self._say(tr("已取消导入，没有任何改动。"))
        finally:
            dialog.deleteLater()

    def import_conversion(self, conversion: Conversion) -> bool:
        if not self._importer.import_conversion(conversion, self.import_folder):
            self._say(tr("正在导入，请稍候……"))
            return False
        return True

    def choose_folder(self) -> None:
        folder = self._files.folder(self, tr("选择包含题库的文件夹"))
        if folder is not None:
            self.import_paths([folder])

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

    def _on_read(self, conversion: Conversion) -> None:
        self._say("")
        self._reading = None
        # After the reader's task has finished: the dialog may start an import.
        QTimer.singleShot(0, lambda: self._show_preview(conversion))

    def _on_succeeded(self, result: ImportResult) -> None:
        self._say(result_text(result))
        self.refresh()
        self.banks_changed.emit()

    def _on_failed(self, error: Exception) -> None:
        """Say what went wrong; the task runner has logged it with its traceback already."""
        self._say("")
        if isinstance(error, BankErrors):
            self.errors.show_problems(error.problems)
        elif isinstance(error, ConvertError):
            self.errors.show_message(tr_error(error))
        elif isinstance(error, OSError) and explain(error) is None:
            self.errors.show_message(tr("无法读写文件：{error}").format(error=tr_error(error)))
        else:  # a full disk, a locked database …: its one sentence
            self.errors.show_message(failure_text(error))

    def _on_finished(self) -> None:
        for btn in (self.file_button, self.folder_button, self.reimport_button):
            btn.setEnabled(True)
