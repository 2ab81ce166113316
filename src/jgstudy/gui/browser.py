"""The question browser: search box, filters and a paged table; double-click for the detail."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.model import QTYPE_LABELS
from jgstudy.core.records import BrowseFilter, BrowseRow, UserInfo
from jgstudy.core.service import StudyService
from jgstudy.gui.detail import QuestionDetailDialog
from jgstudy.gui.flow import FlowLayout
from jgstudy.gui.i18n import language, tr
from jgstudy.gui.models import STATUS_LABELS, STEM_COLUMN, QuestionTableModel
from jgstudy.gui.widgets import plain_label

SEARCH_DELAY_MS = 300
FILTER_STATUSES = ("new", "learning", "due", "wrong")


def combo(placeholder: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.addItem(placeholder, None)
    for text, value in items:
        box.addItem(text, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(7 if language() == "en" else 5)  # and grows to 240 px
    box.setMaximumWidth(240)
    return box


class QuestionBrowser(QWidget):
    """Find questions by text, bank, tag, type, difficulty and the cadre's status."""

    def __init__(self, service: StudyService) -> None:
        super().__init__()
        self._service = service
        self._user: UserInfo | None = None
        self.detail: QuestionDetailDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(self._build_filters())
        self.model = QuestionTableModel()
        self.table = self._build_table()
        layout.addWidget(self.table, 1)

    def _build_filters(self) -> QVBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索题干、选项、答案、解析……"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.bank_box = combo(tr("全部题库"), [])
        self.type_box = combo(
            tr("全部题型"), [(tr(label), str(t)) for t, label in QTYPE_LABELS.items()]
        )
        self.difficulty_box = combo(tr("全部难度"), [(f"{'★' * d}", d) for d in range(1, 6)])
        self.tag_box = combo(tr("全部标签"), [])
        self.status_box = combo(
            tr("全部状态"),
            [(tr(STATUS_LABELS[s]), s) for s in FILTER_STATUSES],  # type: ignore[index]
        )
        self.count = plain_label("", "muted")
        search_row = QHBoxLayout()
        search_row.setSpacing(12)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        filters = QWidget()  # one row sharing its width, or two when five do not fit
        filter_row = FlowLayout(filters, spacing=10, fill=True)
        for box in self.filter_boxes():
            box.currentIndexChanged.connect(self.refresh)
            filter_row.addWidget(box)
        rows = QVBoxLayout()
        rows.setSpacing(10)
        rows.addLayout(search_row)
        rows.addWidget(filters)
        return rows

    def filter_boxes(self) -> tuple[QComboBox, ...]:
        return (self.bank_box, self.tag_box, self.type_box, self.difficulty_box, self.status_box)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._on_double_click)
        return table

    def size_columns(self) -> None:
        """Column widths that fit their usual content at the current text size."""
        metrics = self.table.fontMetrics()
        samples = {
            0: "武汉机关党建2025・",  # bank content: not translated
            1: "fn-000-",
            2: tr("多选"),
            4: "★★★★★",
            5: "先锋直播间、赋能",  # tags: not translated
            6: tr("学习中"),
        }
        for column, sample in samples.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 32)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 18)

    def showEvent(self, event: QShowEvent) -> None:
        self.size_columns()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.size_columns()
        super().changeEvent(event)

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user
        self.refresh()

    def reload_choices(self) -> None:
        """Re-read banks and tags (after an import), keeping the current picks."""
        banks = [b for b in self._service.banks() if b.retired_at is None]
        self._refill(self.bank_box, [(b.title, b.id) for b in banks])
        self._refill(self.tag_box, [(t, t) for t in self._service.tags()])
        self.refresh()

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for text, value in items:
            box.addItem(text, value)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def current_filter(self) -> BrowseFilter:
        return BrowseFilter(
            text=self.search.text().strip(),
            bank_id=self.bank_box.currentData(),
            tag=self.tag_box.currentData(),
            qtype=self.type_box.currentData(),
            difficulty=self.difficulty_box.currentData(),
            status=self.status_box.currentData(),
        )

    def refresh(self) -> None:
        """Run the search with the current filters."""
        self._timer.stop()
        flt, user = self.current_filter(), self._user
        total = self._service.browse_count(user, flt)

        def load(offset: int, limit: int) -> list[BrowseRow]:
            return self._service.browse(user, flt, offset, limit)

        self.model.reset(load, total)
        self.count.setText(tr("共 {total} 题").format(total=total))

    def open_detail(self, row: int) -> QuestionDetailDialog:
        """Show the question in ``row`` in a (non-blocking) detail dialog."""
        item = self.model.row_at(row)
        record = self._service.question(item.pk)
        self.detail = QuestionDetailDialog(record, item.bank_title, self)
        self.detail.open()
        return self.detail

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_detail(index.row())
