"""错题本: the questions answered wrong (until right twice in a row), and a button to practise them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from jgstudy.core.model import QTYPE_LABELS, QType
from jgstudy.core.records import PracticeMode, QuestionRecord, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.detail import QuestionDetailDialog
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.models import one_line
from jgstudy.gui.widgets import button, page_header, plain_label, view_layout

COLUMNS = (N_("题型"), N_("题干"), N_("题库"), N_("标签"))


class WrongBookView(QWidget):
    """The wrong-answer book of the current cadre."""

    practice_requested = Signal(str)

    def __init__(self, service: StudyService) -> None:
        super().__init__()
        self._service = service
        self._user: UserInfo | None = None
        self.records: list[QuestionRecord] = []
        self._titles: dict[str, str] = {}
        self.detail: QuestionDetailDialog | None = None
        layout = view_layout(self)
        top = QHBoxLayout()
        header, _t, self.subtitle = page_header(
            tr("错题本"), tr("答错的题会自动收进错题本，连续答对两次后移出。")
        )
        top.addWidget(header, 1)
        self.practice_button = button(tr("练习错题"), primary=True, big=True)
        self.practice_button.clicked.connect(
            lambda: self.practice_requested.emit(PracticeMode.WRONG)
        )
        top.addWidget(self.practice_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.empty = plain_label(tr("错题本是空的。答错的题会出现在这里，继续保持！"), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(38)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (2, 220), (3, 180)):
            table.setColumnWidth(column, width)
        table.cellDoubleClicked.connect(lambda row, _col: self.open_detail(row))
        return table

    def activate(self) -> None:
        self.refresh()

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user

    def refresh(self) -> None:
        self.records = self._service.wrong_book(self._user) if self._user else []
        self._titles = {b.id: b.title for b in self._service.banks()}
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            q = record.question
            cells = (
                tr(QTYPE_LABELS[QType(q.type)]),
                one_line(q.stem),
                self._titles.get(record.bank_id, record.bank_id),
                tr("、").join(record.tags),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(q.stem)
                self.table.setItem(row, column, item)
        count = len(self.records)
        self.practice_button.setText(tr("练习错题（{count}）").format(count=count))
        self.practice_button.setEnabled(count > 0)
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)

    def open_detail(self, row: int) -> QuestionDetailDialog:
        record = self.records[row]
        self.detail = QuestionDetailDialog(
            record, self._titles.get(record.bank_id, record.bank_id), self
        )
        self.detail.open()
        return self.detail
