"""Bar charts drawn with QPainter, for print: crisp vectors in the PDF and no widgets needed.

A :class:`ChartObject` lets a QTextDocument lay charts out inline with its text, so they flow
and break across pages like any paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QObject, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from jgstudy.render.fonts import report_font

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_KEY = QTextFormat.Property.UserProperty + 1
BAR_COLOR = QColor("#4472C4")
GRID_COLOR = QColor("#D0D0D0")
TEXT_COLOR = QColor("#222222")
MM_PER_INCH = 25.4
LABEL_PT = 8.0


@dataclass(frozen=True)
class BarChart:
    """Bars with labels; ``horizontal`` puts labels on the left (long unit names)."""

    title: str
    bars: tuple[tuple[str, float], ...]
    max_value: float
    value_format: str = "{:.1f}"
    horizontal: bool = True

    @property
    def height_mm(self) -> float:
        if self.horizontal:
            return 16 + 7 * max(len(self.bars), 1)
        return 55


def _mm(painter: QPainter, mm: float) -> float:
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    return mm * dpi / MM_PER_INCH


def draw_bar_chart(painter: QPainter, rect: QRectF, chart: BarChart) -> None:
    """Draw ``chart`` with its title into ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(report_font(LABEL_PT + 1, bold=True))
    painter.setPen(TEXT_COLOR)
    title_h = _mm(painter, 8)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), chart.title)
    body = rect.adjusted(0, title_h, 0, 0)
    painter.setFont(report_font(LABEL_PT))
    if chart.horizontal:
        _horizontal(painter, body, chart)
    else:
        _vertical(painter, body, chart)
    painter.restore()


def _share(chart: BarChart, value: float) -> float:
    return max(0.0, min(value / chart.max_value, 1.0)) if chart.max_value > 0 else 0.0


def _horizontal(painter: QPainter, rect: QRectF, chart: BarChart) -> None:
    metrics = QFontMetricsF(painter.font())
    label_w = min(
        max((metrics.horizontalAdvance(b[0]) for b in chart.bars), default=0), rect.width() / 3
    )
    value_w = metrics.horizontalAdvance(chart.value_format.format(chart.max_value)) * 1.3
    plot = QRectF(rect.left() + label_w + _mm(painter, 2), rect.top(), 0, rect.height())
    plot.setRight(rect.right() - value_w)
    row_h = rect.height() / max(len(chart.bars), 1)
    _grid(painter, plot, vertical_lines=True)
    for index, (label, value) in enumerate(chart.bars):
        top = rect.top() + index * row_h
        painter.setPen(TEXT_COLOR)
        label_rect = QRectF(rect.left(), top, label_w, row_h)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, label_w),
        )
        bar = QRectF(
            plot.left(), top + row_h * 0.2, plot.width() * _share(chart, value), row_h * 0.6
        )
        painter.fillRect(bar, BAR_COLOR)
        text_rect = QRectF(bar.right() + _mm(painter, 1), top, value_w, row_h)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, chart.value_format.format(value))


def _vertical(painter: QPainter, rect: QRectF, chart: BarChart) -> None:
    metrics = QFontMetricsF(painter.font())
    label_h = metrics.height() * 1.5
    plot = rect.adjusted(_mm(painter, 2), metrics.height() * 1.5, -_mm(painter, 2), -label_h)
    _grid(painter, plot, vertical_lines=False)
    slot = plot.width() / max(len(chart.bars), 1)
    for index, (label, value) in enumerate(chart.bars):
        left = plot.left() + index * slot
        height = plot.height() * _share(chart, value)
        bar = QRectF(left + slot * 0.2, plot.bottom() - height, slot * 0.6, height)
        painter.fillRect(bar, BAR_COLOR)
        painter.setPen(TEXT_COLOR)
        centre = Qt.AlignmentFlag.AlignHCenter
        value_rect = QRectF(left, bar.top() - metrics.height() * 1.2, slot, metrics.height())
        painter.drawText(
            value_rect, centre | Qt.AlignmentFlag.AlignBottom, chart.value_format.format(value)
        )
        painter.drawText(
            QRectF(left, plot.bottom(), slot, label_h),
            centre | Qt.AlignmentFlag.AlignVCenter,
            label,
        )


def _grid(painter: QPainter, plot: QRectF, *, vertical_lines: bool) -> None:
    """Quarter lines behind the bars, and the axis (the line at 0)."""
    for step in range(5):
        share = step / 4
        if vertical_lines:
            x = plot.left() + plot.width() * share
            line = QLineF(x, plot.top(), x, plot.bottom())
        else:
            y = plot.bottom() - plot.height() * share
            line = QLineF(plot.left(), y, plot.right(), y)
        painter.setPen(QPen(TEXT_COLOR if step == 0 else GRID_COLOR, 0))
        painter.drawLine(line)


class ChartObject(QPyTextObject):
    """Draws the charts of one QTextDocument, each inserted with :meth:`insert_format`."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self._charts: dict[str, BarChart] = {}
        document.documentLayout().registerHandler(CHART_OBJECT, self)

    def insert_format(self, key: str, chart: BarChart) -> QTextCharFormat:
        """The character format that places ``chart`` where it is inserted (as U+FFFC)."""
        self._charts[key] = chart
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_KEY, key)
        return fmt

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        chart = self._charts[str(fmt.property(CHART_KEY))]
        device = doc.documentLayout().paintDevice()
        dpi = device.logicalDpiY() if device is not None else 96
        width = doc.pageSize().width() if doc.pageSize().width() > 0 else doc.textWidth()
        # A little narrower than the text: an inline object as wide as the line would wrap.
        return QSizeF(width * 0.98, chart.height_mm * dpi / MM_PER_INCH)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        draw_bar_chart(painter, QRectF(rect), self._charts[str(fmt.property(CHART_KEY))])
