"""The question list: a small model over the document and a delegate that draws each row.

A row shows the position and id, the type, the first characters of the stem, a draft badge and a
red dot when the question has problems. Rows can be dragged to a new place; the move goes through
the editor's undo stack like every other change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from jgstudy.core.banks.editing import BankDocument, Item
from jgstudy.gui.editor.texts import SHORT_TYPE, snippet
from jgstudy.gui.i18n import tr
from jgstudy.gui.restyle import amber_colors
from jgstudy.gui.style import colors_for

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TYPE_ROLE = Qt.ItemDataRole.UserRole + 2
STEM_ROLE = Qt.ItemDataRole.UserRole + 3
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 4
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 5
MIME = "application/x-jgstudy-question-row"
Index = QModelIndex | QPersistentModelIndex


class QuestionListModel(QAbstractListModel):
    """Rows of the document's questions; structure changes go through :meth:`insert` and co."""

    move_requested = Signal(int, int)  # from, to (final position): a row was dragged

    def __init__(self, document: BankDocument) -> None:
        super().__init__()
        self.document = document
        self.flagged: set[int] = set()

    def set_document(self, document: BankDocument) -> None:
        self.beginResetModel()
        self.document, self.flagged = document, set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.document)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.document):
            return None
        row = index.row()
        question = self.document.question(row)
        qtype = str(question.get("type", ""))
        values = {
            ID_ROLE: str(question.get("id", "")),
            TYPE_ROLE: tr(SHORT_TYPE.get(qtype, qtype or tr("？"))),
            STEM_ROLE: snippet(question.get("stem")) or tr("（题干为空）"),
            PROBLEM_ROLE: row in self.flagged,
            DRAFT_ROLE: self.document.is_draft(row),
        }
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("{id}　{type}　{stem}").format(
                id=values[ID_ROLE], type=values[TYPE_ROLE], stem=values[STEM_ROLE]
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(question.get("stem", ""))
        return values.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    # -- structure ---------------------------------------------------------------------------

    def insert(self, row: int, item: Item) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.document.insert(row, item)
        self.endInsertRows()

    def remove(self, row: int) -> Item:
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self.document.delete(row)
        self.endRemoveRows()
        return item

    def move(self, source: int, target: int) -> None:
        """Move a question so that it ends up at ``target``."""
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self.document.move(source, target)
        self.endMoveRows()

    def changed(self, row: int | None = None) -> None:
        """A question's content changed (all of them when ``row`` is None)."""
        if len(self.document):
            first, last = (0, len(self.document) - 1) if row is None else (row, row)
            self.dataChanged.emit(self.index(first), self.index(last))

    def set_flagged(self, rows: set[int]) -> None:
        if rows != self.flagged:
            self.flagged = rows
            self.changed()

    # -- dragging ----------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        data.setData(MIME, QByteArray(str(indexes[0].row()).encode()))
        return data

    def moveRows(
        self, parent: Index, source: int, count: int, target_parent: Index, child: int
    ) -> bool:
        """QListView's internal move: ``child`` is the row to drop before."""
        if count != 1 or child in (source, source + 1):
            return False
        self.move_requested.emit(source, child - 1 if child > source else child)
        return True

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME) or action != Qt.DropAction.MoveAction:
            return False
        source = int(bytes(data.data(MIME).data()).decode())
        return self.moveRows(
            QModelIndex(), source, 1, QModelIndex(), row if row >= 0 else len(self.document)
        )


class QuestionDelegate(QStyledItemDelegate):
    """Two lines per question: ``3  f1  填空  [草稿]`` and the start of the stem; a red dot."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colors = colors_for(option.widget if isinstance(option.widget, QWidget) else None)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = option.rect.adjusted(2, 2, -2, -2)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setBrush(QColor(colors.accent_soft))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setBrush(QColor(colors.hover))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box, 7, 7)
        line = option.fontMetrics.height()
        top = QRect(box.left() + 10, box.top() + 7, box.width() - 34, line)
        x = self._head(painter, option, index, top)
        if index.data(DRAFT_ROLE):
            self._badge(painter, option, QRect(x + 8, top.top(), 0, line), amber_colors(colors))
        painter.setPen(QColor(colors.muted))
        stem = QRect(top.left(), top.bottom() + 4, top.width(), line)
        elided = option.fontMetrics.elidedText(
            str(index.data(STEM_ROLE)), Qt.TextElideMode.ElideRight, stem.width()
        )
        painter.drawText(stem, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        if index.data(PROBLEM_ROLE):
            painter.setBrush(QColor(colors.bad))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(box.right() - 18, box.center().y() - 4, 9, 9)
        painter.restore()

    def _head(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, rect: QRect
    ) -> int:
        """``3. f1  填空``: the id gets what the type (and a draft badge) leave; returns their end."""
        colors = colors_for(None)
        kind = str(index.data(TYPE_ROLE))
        reserved = option.fontMetrics.horizontalAdvance(kind) + 12
        if index.data(DRAFT_ROLE):
            reserved += option.fontMetrics.horizontalAdvance(tr("草稿")) + 8
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(QColor(colors.text))
        head = f"{index.row() + 1}. {index.data(ID_ROLE)}"
        head = painter.fontMetrics().elidedText(
            head, Qt.TextElideMode.ElideMiddle, rect.width() - reserved
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
        x = rect.left() + painter.fontMetrics().horizontalAdvance(head) + 8
        painter.setFont(option.font)
        painter.setPen(QColor(colors.accent))
        width = option.fontMetrics.horizontalAdvance(kind)
        kind_rect = QRect(x, rect.top(), width + 2, rect.height())
        painter.drawText(kind_rect, Qt.AlignmentFlag.AlignVCenter, kind)
        return x + width

    def _badge(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, amber: tuple[str, str]
    ) -> None:
        small = QFont(option.font)
        if option.font.pixelSize() > 0:
            small.setPixelSize(max(option.font.pixelSize() - 3, 10))
        else:
            small.setPointSizeF(option.font.pointSizeF() * 0.8)
        painter.setFont(small)
        width = painter.fontMetrics().horizontalAdvance(tr("草稿")) + 12
        badge = QRect(rect.left(), rect.top() + 1, width, rect.height() - 2)
        painter.setBrush(QColor(amber[1]))
        painter.setPen(QPen(QColor(amber[0]), 1))
        painter.drawRoundedRect(badge, 5, 5)
        painter.setPen(QColor(amber[0]))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, tr("草稿"))
        painter.setFont(option.font)
