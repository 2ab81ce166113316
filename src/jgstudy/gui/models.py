"""Qt table models: thin adapters over the core's plain records, loading pages on demand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from jgstudy.core.model import QTYPE_LABELS, display_stem
from jgstudy.core.records import BankInfo, BrowseRow, CardStatus
from jgstudy.gui.i18n import N_, tr

Index = QModelIndex | QPersistentModelIndex
PageLoader = Callable[[int, int], list[BrowseRow]]

PK_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABELS = {
    CardStatus.NEW: N_("新题"),
    CardStatus.LEARNING: N_("学习中"),
    CardStatus.REVIEW: N_("已掌握"),
    CardStatus.DUE: N_("待复习"),
    CardStatus.WRONG: N_("错题"),
}
QUESTION_COLUMNS = (
    N_("题库"),
    N_("编号"),
    N_("题型"),
    N_("题干"),
    N_("难度"),
    N_("标签"),
    N_("状态"),
)
STEM_COLUMN = 3
CENTERED = (2, 4, 6)


def one_line(text: str) -> str:
    return " ".join(display_stem(text).split())


class QuestionTableModel(QAbstractTableModel):
    """Questions found by the browser; more rows are fetched as the view scrolls."""

    def __init__(self, page_size: int = 200) -> None:
        super().__init__()
        self._rows: list[BrowseRow] = []
        self._total = 0
        self._load: PageLoader | None = None
        self._page_size = page_size

    def reset(self, load: PageLoader | None, total: int) -> None:
        """Show a new result set of ``total`` rows, read through ``load(offset, limit)``.

        The first page is read at once; later pages as the view scrolls (``fetchMore``).
        """
        self.beginResetModel()
        self._load = load
        self._rows = load(0, self._page_size) if load and total else []
        # A short first page means there is no more, whatever the count said.
        self._total = total if len(self._rows) == self._page_size else len(self._rows)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> BrowseRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(QUESTION_COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._load is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._load is None:
            return
        page = self._load(len(self._rows), self._page_size)
        if not page:  # the data changed under us: stop asking
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STEM_COLUMN:
            return display_stem(row.stem)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == PK_ROLE:
            return row.pk
        return None

    @staticmethod
    def _display(row: BrowseRow, column: int) -> str:
        values = (
            row.bank_title,
            row.qid,
            tr(QTYPE_LABELS.get(row.qtype, row.qtype)),  # type: ignore[call-overload]
            one_line(row.stem),
            "★" * row.difficulty,
            tr("、").join(row.tags),
            tr(STATUS_LABELS[row.status]),
        )
        return values[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.TextAlignmentRole and horizontal and section in CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal and 0 <= section < len(QUESTION_COLUMNS):
            return tr(QUESTION_COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


BANK_COLUMNS = (N_("题库"), N_("编号"), N_("题数"), N_("状态"), N_("导入时间"), N_("文件"))


class BankTableModel(QAbstractTableModel):
    """The imported banks."""

    def __init__(self) -> None:
        super().__init__()
        self._banks: list[BankInfo] = []

    def set_banks(self, banks: Sequence[BankInfo]) -> None:
        self.beginResetModel()
        self._banks = list(banks)
        self.endResetModel()

    def bank_at(self, row: int) -> BankInfo:
        return self._banks[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._banks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(BANK_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._banks):
            return None
        bank = self._banks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            local = bank.imported_at.astimezone()
            values = (
                bank.title,
                bank.id,
                str(bank.question_count),
                tr("已停用") if bank.retired_at is not None else tr("使用中"),
                f"{local:%Y-%m-%d %H:%M}",
                bank.path,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and bank.retired_at is not None:
            return QColor("#888888")
        if role == Qt.ItemDataRole.ToolTipRole:
            return bank.description or bank.path
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(BANK_COLUMNS):
            return tr(BANK_COLUMNS[section])
        return None
