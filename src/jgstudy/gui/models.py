"""Qt table models: thin adapters over the core's plain records, loading pages on demand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from jgstudy.core.model import QTYPE_LABELS, display_stem
from jgstudy.core.records import BankInfo, BrowseRow, CardStatus
from jgstudy.gui.i18n import N_, tr

Index = QModelIndex | QPersistentModelIndex
PageLoader = Callable[[int, int], list[BrowseRow]]
T = TypeVar("T")

PK_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABELS = {
    CardStatus.NEW: N_("新题"),
    CardStatus.LEARNING: N_("学习中"),
    CardStatus.REVIEW: N_("已掌握"),
    CardStatus.DUE: N_("待复习"),
    CardStatus.WRONG: N_("错题"),
}


def one_line(text: str) -> str:
    return " ".join(display_stem(text).split())


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a table model: its header, its text for a row, and how it is laid out."""

    title: str
    text: Callable[[T], str]
    centered: bool = False
    stretch: bool = False  # takes the width the others leave


def _qtype(row: BrowseRow) -> str:
    return tr(QTYPE_LABELS.get(row.qtype, row.qtype))  # type: ignore[call-overload]


QUESTION_COLUMNS: tuple[Column[BrowseRow], ...] = (
    Column(N_("题库"), lambda r: r.bank_title),
    Column(N_("编号"), lambda r: r.qid),
    Column(N_("题型"), _qtype, centered=True),
    Column(N_("题干"), lambda r: one_line(r.stem), stretch=True),
    Column(N_("难度"), lambda r: "★" * r.difficulty, centered=True),
    Column(N_("标签"), lambda r: tr("、").join(r.tags)),
    Column(N_("状态"), lambda r: tr(STATUS_LABELS[r.status]), centered=True),
)
STEM_COLUMN = next(i for i, c in enumerate(QUESTION_COLUMNS) if c.stretch)


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
            return QUESTION_COLUMNS[index.column()].text(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STEM_COLUMN:
            return display_stem(row.stem)
        if role == Qt.ItemDataRole.TextAlignmentRole and QUESTION_COLUMNS[index.column()].centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == PK_ROLE:
            return row.pk
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(QUESTION_COLUMNS):
            column = QUESTION_COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and column.centered:
                return int(Qt.AlignmentFlag.AlignCenter)
            return tr(column.title) if role == Qt.ItemDataRole.DisplayRole else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def _bank_state(bank: BankInfo) -> str:
    return tr("已停用") if bank.retired_at is not None else tr("使用中")


BANK_COLUMNS: tuple[Column[BankInfo], ...] = (
    Column(N_("题库"), lambda b: b.title),
    Column(N_("编号"), lambda b: b.id),
    Column(N_("题数"), lambda b: str(b.question_count), centered=True),
    Column(N_("状态"), _bank_state),
    Column(N_("导入时间"), lambda b: f"{b.imported_at.astimezone():%Y-%m-%d %H:%M}"),
    Column(N_("文件"), lambda b: b.path),
)


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
            return BANK_COLUMNS[index.column()].text(bank)
        if role == Qt.ItemDataRole.ForegroundRole and bank.retired_at is not None:
            return QColor("#888888")
        if role == Qt.ItemDataRole.ToolTipRole:
            return bank.description or bank.path
        if role == Qt.ItemDataRole.TextAlignmentRole and BANK_COLUMNS[index.column()].centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(BANK_COLUMNS):
            return tr(BANK_COLUMNS[section].title)
        return None
