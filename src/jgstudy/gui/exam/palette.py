"""The question palette (答题卡): numbered cells, coloured answered / unanswered / flagged / current."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QWidget

from jgstudy.core.exams import PaletteEntry
from jgstudy.gui.colors import Colors
from jgstudy.gui.exam.util import discard
from jgstudy.gui.i18n import tr
from jgstudy.gui.restyle import amber_colors
from jgstudy.gui.style import colors_for
from jgstudy.gui.widgets import plain_label

COLUMNS = 6
CELL = 38


def cell_state(entry: PaletteEntry) -> str:
    """A cell's state in words: for the tooltip, accessibility and tests."""
    words = [tr("已答") if entry.answered else tr("未答")]
    if entry.flagged:
        words.append(tr("已标记"))
    if entry.current:
        words.append(tr("当前"))
    return tr("，").join(words)


class PaletteCell(QAbstractButton):
    """One numbered cell; painted, so the flag corner and current ring combine freely."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.entry = PaletteEntry(index, False, False, False)
        self.setText(str(index + 1))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedSize(CELL, CELL)

    def set_entry(self, entry: PaletteEntry) -> None:
        self.entry = entry
        text = tr("第 {index} 题：{cell_state}").format(
            index=entry.index + 1, cell_state=cell_state(entry)
        )
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(CELL, CELL)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = colors_for(None)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_cell(painter, QRectF(self.rect()), c, self.entry, self.underMouse())
        painter.setPen(QColor(c.on_accent if self.entry.answered else c.text))
        font = painter.font()
        font.setBold(self.entry.current)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())


def paint_cell(
    painter: QPainter, rect: QRectF, c: Colors, entry: PaletteEntry, hover: bool = False
) -> None:
    """The cell's body: filled when answered, a ring when current; flagged: an amber ring and a
    large amber corner outlined in white, visible on an answered (red) cell too."""
    box = rect.adjusted(1.5, 1.5, -1.5, -1.5)
    fill = QColor(c.primary if entry.answered else c.surface)
    if hover and not entry.answered:
        fill = QColor(c.hover)
    flag, _soft = amber_colors(c)
    ring_colour = c.text if entry.current else (flag if entry.flagged else c.border)
    ring = QPen(QColor(ring_colour), 2.4 if entry.current or entry.flagged else 1.0)
    radius = max(box.width() * 0.2, 3.0)
    painter.setPen(ring)
    painter.setBrush(fill)
    painter.drawRoundedRect(box, radius, radius)
    if entry.flagged:
        size = max(box.width() * 0.55, 12.0)
        corner = QPainterPath()
        right, top = box.right(), box.top()
        corner.moveTo(QPointF(right - size, top))
        corner.lineTo(QPointF(right - radius, top))
        corner.quadTo(QPointF(right, top), QPointF(right, top + radius))
        corner.lineTo(QPointF(right, top + size))
        corner.closeSubpath()
        painter.setPen(QPen(QColor(c.surface), 1.6))
        painter.setBrush(QColor(flag))
        painter.drawPath(corner)


class PaletteGrid(QWidget):
    """All the paper's cells; a click asks to go to that question."""

    picked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cells: list[PaletteCell] = []

    def show_palette(self, palette: Sequence[PaletteEntry]) -> None:
        if len(palette) != len(self.cells):
            self._rebuild(len(palette))
        for cell, entry in zip(self.cells, palette, strict=True):
            cell.set_entry(entry)

    def _rebuild(self, count: int) -> None:
        for cell in self.cells:
            discard(cell)
        self.cells = []
        for index in range(count):
            cell = PaletteCell(index)
            cell.clicked.connect(lambda _checked=False, i=index: self.picked.emit(i))
            self._grid.addWidget(cell, index // COLUMNS, index % COLUMNS)
            self.cells.append(cell)


class LegendSwatch(QWidget):
    """A small painted cell for the legend."""

    def __init__(self, entry: PaletteEntry) -> None:
        super().__init__()
        self._entry = entry
        self.setFixedSize(20, 20)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_cell(painter, QRectF(self.rect()), colors_for(None), self._entry)


def legend() -> QWidget:
    """已答 · 未答 · 标记 · 当前, each with its swatch, in two rows (room for English)."""
    box = QWidget()
    layout = QGridLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setHorizontalSpacing(6)
    layout.setVerticalSpacing(4)
    samples = (
        (tr("已答"), PaletteEntry(0, True, False, False)),
        (tr("未答"), PaletteEntry(0, False, False, False)),
        (tr("标记"), PaletteEntry(0, False, True, False)),
        (tr("当前"), PaletteEntry(0, False, False, True)),
    )
    for index, (text, entry) in enumerate(samples):
        row, column = divmod(index, 2)
        layout.addWidget(LegendSwatch(entry), row, column * 2)
        layout.addWidget(plain_label(text, "small"), row, column * 2 + 1)
    layout.setColumnStretch(1, 1)
    layout.setColumnStretch(3, 1)
    return box
