"""A layout that lines its widgets up in a row and wraps to a new row when the row is full:
toolbars with many buttons stay on one line on a wide screen and never cut a button off on a
small one, in a longer language or with large text (Qt's flow layout example, typed)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping; the height follows the width (heightForWidth).

    With ``fill``, the items of each line share the line's spare width equally, each up to its
    maximum width (filters that stretch like a row's and wrap like a toolbar's).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, fill: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._fill = fill
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """One item per line at worst."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place (or only measure) the items in ``rect``; the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        lines = self._lines(area.width())
        for number, line in enumerate(lines):
            if number:
                y += self._gap
            if move:
                self._place(line, area, y)
            y += max(hint.height() for _item, hint in line)
        return y - rect.y() + m.bottom()

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, QSize]]]:
        """The visible items with their widths, broken into lines of at most ``width``."""
        lines: list[list[tuple[QLayoutItem, QSize]]] = []
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            hint.setWidth(min(hint.width(), max(width, item.minimumSize().width())))
            if not lines or (x > 0 and x + hint.width() > width):
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + self._gap
        return lines

    def _place(self, line: list[tuple[QLayoutItem, QSize]], area: QRect, y: int) -> None:
        used = sum(hint.width() for _item, hint in line) + self._gap * (len(line) - 1)
        extra = max(area.width() - used, 0) // len(line) if self._fill else 0
        x = area.x()
        for item, hint in line:
            width = min(hint.width() + extra, max(item.maximumSize().width(), hint.width()))
            item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
