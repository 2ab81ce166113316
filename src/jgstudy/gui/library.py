"""题库: the banks (import, re-import, problems) and the question browser, as two tabs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QWidget

from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.banks import BanksPanel
from jgstudy.gui.browser import QuestionBrowser
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import page_header, view_layout
from jgstudy.gui.workers import BankImporter


class LibraryView(QWidget):
    """Banks and questions."""

    def __init__(
        self,
        service: StudyService,
        importer: BankImporter,
        import_folder: Path | None = None,
        files: FileChooser | None = None,
    ) -> None:
        super().__init__()
        layout = view_layout(self)
        header, _title, _sub = page_header(
            tr("题库"), tr("导入（表格、题目文件先预览）、停用或恢复题库，按关键词和条件查找题目。")
        )
        layout.addWidget(header)
        self.tabs = QTabWidget()
        self.banks = BanksPanel(service, importer, import_folder, files=files)
        self.browser = QuestionBrowser(service)
        self.tabs.addTab(self.banks, tr("题库管理"))
        self.tabs.addTab(self.browser, tr("题目浏览"))
        layout.addWidget(self.tabs, 1)
        self.banks.banks_changed.connect(self.browser.reload_choices)

    def activate(self) -> None:
        self.refresh()

    def set_user(self, user: UserInfo | None) -> None:
        self.browser.set_user(user)

    def refresh(self) -> None:
        self.banks.refresh()
        self.browser.reload_choices()

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import bank files or folders (what the file dialogs call; tests call it directly)."""
        return self.banks.import_paths(paths)
