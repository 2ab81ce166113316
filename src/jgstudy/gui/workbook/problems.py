"""学员纠错 for trainers: the open problem reports, each closed once checked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.records import UserInfo
from jgstudy.core.workbook import ProblemReport, WorkbookService
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.widgets import button, plain_label

COLUMNS = (N_("试题"), N_("学员"), N_("问题"), N_("时间"))


class ProblemQueue(QWidget):
    """The 纠错 reports no trainer has closed, oldest first; 标记已核查 closes the selected one.

    With ``bank_of`` (the bank editor), only the reports on that bank's questions are listed, and
    double-clicking one emits ``chosen(qid)`` so the editor can open the question.
    """

    chosen = Signal(str)  # the qid of the question a report is about

    def __init__(self, workbook: WorkbookService, bank_of: Callable[[], str] | None = None) -> None:
        super().__init__()
        self._workbook = workbook
        self._bank_of = bank_of
        self._user: UserInfo | None = None
        self.reports: list[ProblemReport] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.heading = plain_label("", "section")
        self.close_button = button(tr("标记已核查"))
        self.close_button.clicked.connect(self.close_selected)
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.table.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.table)

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user

    def refresh(self) -> None:
        self.reports = self._workbook.open_reports()
        if self._bank_of is not None:
            prefix = f"{self._bank_of()}/"
            self.reports = [r for r in self.reports if r.ref.startswith(prefix)]
        self.heading.setText(tr("学员纠错：{count} 条待核查").format(count=len(self.reports)))
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            when = f"{report.created_at.astimezone():%Y-%m-%d %H:%M}"
            for column, text in enumerate((report.ref, report.reporter, report.reason, when)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.close_button.setEnabled(bool(self.reports))

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.reports):
            self.chosen.emit(self.reports[row].ref.split("/", 1)[1])

    def close_selected(self) -> bool:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return False
        report = self.reports[min(rows)]
        by = self._user.name if self._user else ""
        closed = self._workbook.close_report(report.id, by)
        self.refresh()
        return closed
