"""A calendar heatmap of the last 90 days: one square per day, darker for more answers."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from jgstudy.gui.i18n import N_, language, tr
from jgstudy.gui.style import colors_for

CELL = 17
GAP = 4
LEFT = 30  # room for weekday labels: 一, 三 …
LEFT_EN = 40  # Mon, Wed …
TOP = 24  # room for month labels
WEEKDAYS = {0: N_("一"), 2: N_("三"), 4: N_("五"), 6: N_("日")}


def level(count: int, peak: int) -> int:
    """0 for no answers, else 1-4 relative to the busiest day."""
    if count <= 0:
        return 0
    if peak <= 0:
        return 1
    return min(4, 1 + (4 * count - 1) // max(peak, 1))


MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def left_margin() -> int:
    """Room for the weekday labels, which are wider in English."""
    return LEFT_EN if language() == "en" else LEFT


def month_label(month: int) -> str:
    """``3月`` in Chinese, ``Mar`` in English."""
    return tr("{month}月").format(month=month, abbr=MONTH_ABBR[month - 1])


class HeatmapWidget(QWidget):
    """Weeks as columns (Monday at the top), days as squares."""

    def __init__(self, days: int = 90, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days = days
        self._counts: dict[date, int] = {}
        self._today = date.today()
        self.setMouseTracking(True)

    def set_data(self, counts: dict[date, int], today: date) -> None:
        self._counts = dict(counts)
        self._today = today
        self.updateGeometry()
        self.update()

    @property
    def first_day(self) -> date:
        return self._today - timedelta(days=self._days - 1)

    def _weeks(self) -> int:
        start = self.first_day - timedelta(days=self.first_day.weekday())
        return (self._today - start).days // 7 + 1

    def cell_rect(self, day: date) -> QRect:
        start = self.first_day - timedelta(days=self.first_day.weekday())
        column = (day - start).days // 7
        return QRect(
            left_margin() + column * (CELL + GAP), TOP + day.weekday() * (CELL + GAP), CELL, CELL
        )

    def _bottom(self) -> int:
        """Room for the legend below the squares: a line of text at the current size."""
        return self.fontMetrics().height() + 12

    def sizeHint(self) -> QSize:
        return QSize(
            left_margin() + self._weeks() * (CELL + GAP), TOP + 7 * (CELL + GAP) + self._bottom()
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _days_shown(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(self._days)]

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = colors_for(self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        peak = max(self._counts.values(), default=0)
        painter.setPen(Qt.PenStyle.NoPen)
        for day in self._days_shown():
            painter.setBrush(QColor(colors.heat[level(self._counts.get(day, 0), peak)]))
            painter.drawRoundedRect(self.cell_rect(day), 3, 3)
        self._paint_labels(painter, QColor(colors.muted))
        self._paint_legend(painter, colors.heat, QColor(colors.muted))
        painter.end()

    def _paint_legend(self, painter: QPainter, heat: tuple[str, ...], text: QColor) -> None:
        size, step = CELL - 6, CELL - 2
        line = painter.fontMetrics().height()
        top = TOP + 7 * (CELL + GAP) + 8
        right = self.sizeHint().width() - GAP
        word = painter.fontMetrics().horizontalAdvance(tr("多")) + 2
        x = right - word - 6 - len(heat) * step
        painter.setPen(text)
        left_box = QRect(x - word - 6, top, word, line)
        painter.drawText(
            left_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tr("少")
        )
        painter.setPen(Qt.PenStyle.NoPen)
        for index, color in enumerate(heat):
            painter.setBrush(QColor(color))
            y = top + (line - size) // 2
            painter.drawRoundedRect(QRect(x + index * step, y, size, size), 3, 3)
        painter.setPen(text)
        right_box = QRect(right - word, top, word, line)
        painter.drawText(
            right_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("多")
        )

    def _paint_labels(self, painter: QPainter, color: QColor) -> None:
        font = painter.font()
        font.setPixelSize(max(font.pixelSize() - 3, 11))
        painter.setFont(font)
        painter.setPen(color)
        for weekday, text in WEEKDAYS.items():
            y = TOP + weekday * (CELL + GAP)
            painter.drawText(
                QRect(0, y, left_margin() - 8, CELL), Qt.AlignmentFlag.AlignRight, tr(text)
            )
        for column, month in self._month_labels():
            text = month_label(month)
            width = painter.fontMetrics().horizontalAdvance(text) + 2
            # the current month may start in the last column: keep its label inside
            x = min(left_margin() + column * (CELL + GAP), self.sizeHint().width() - width)
            painter.drawText(QRect(x, 0, width, TOP - 4), Qt.AlignmentFlag.AlignLeft, text)

    def _month_labels(self) -> list[tuple[int, int]]:
        """(column, month) over the week where each month shown starts (the first shown
        month over the first column); the current month is always labelled, and an earlier
        label too close to the next one is dropped."""
        start = self.first_day - timedelta(days=self.first_day.weekday())
        labels: list[tuple[int, int]] = [(0, self.first_day.month)]
        day = self.first_day.replace(day=1)
        while True:
            day = (day + timedelta(days=32)).replace(day=1)
            if day > self._today:
                break
            column = (day - start).days // 7
            if labels[-1][0] == column:
                labels.pop()  # the older month has no column of its own
            labels.append((column, day.month))
        return [
            label
            for label, after in zip(labels, [*labels[1:], (10**6, 0)], strict=True)
            if after[0] - label[0] >= 3
        ]

    def day_at(self, point: QPoint) -> date | None:
        for day in self._days_shown():
            if self.cell_rect(day).contains(point):
                return day
        return None

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                count = self._counts.get(day, 0)
                QToolTip.showText(
                    event.globalPos(),
                    tr("{month}月{day}日：作答 {count} 题").format(
                        month=day.month, day=day.day, count=count
                    ),
                    self,
                )
            return True
        return super().event(event)
