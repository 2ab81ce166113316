"""The lower half of 首页: the next seven days' reviews (FSRS forecast) and the weakest tags,
each with a 专项练习 button."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from jgstudy.core.stats import TagAccuracy
from jgstudy.gui.fit import ElidedLabel
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.style import colors_for
from jgstudy.gui.widgets import button, card, plain_label

FORECAST_DAYS = 7
SHORT_WEEKDAYS = (
    N_("周一"),
    N_("周二"),
    N_("周三"),
    N_("周四"),
    N_("周五"),
    N_("周六"),
    N_("周日"),
)


def day_name(day: date, today: date) -> str:
    """今天, 明天, else the short weekday."""
    if day == today:
        return tr("今天")
    if day == today + timedelta(days=1):
        return tr("明天")
    return tr(SHORT_WEEKDAYS[day.weekday()])


class ForecastBars(QWidget):
    """Seven bars: how many questions fall due each day, the count above, the day below."""

    def __init__(self) -> None:
        super().__init__()
        self.days: list[tuple[str, int]] = []

    def set_days(self, days: list[tuple[str, int]]) -> None:
        self.days = days
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(7 * 44, 96 + 2 * line)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        widest = max(self.fontMetrics().horizontalAdvance(tr(d)) for d in SHORT_WEEKDAYS)
        return QSize(7 * widest + 6 * 6, 48 + 2 * line)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.days:
            return
        colors = colors_for(self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height()
        slot = self.width() / len(self.days)
        chart = self.height() - 2 * line - 8
        peak = max((n for _d, n in self.days), default=0) or 1
        for index, (name, count) in enumerate(self.days):
            x = int(index * slot)
            width = int(slot) - 8
            height = max(int(chart * count / peak), 3 if count else 2)
            top = line + 4 + chart - height
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors.accent if index == 0 else colors.slate))
            painter.drawRoundedRect(QRect(x + 4, top, width, height), 3, 3)
            painter.setPen(QColor(colors.text))
            centre = Qt.AlignmentFlag.AlignCenter
            painter.drawText(QRect(x, top - line - 2, int(slot), line), centre, str(count))
            painter.setPen(QColor(colors.muted))
            painter.drawText(QRect(x, self.height() - line, int(slot), line), centre, name)
        painter.end()


class ForecastCard(QWidget):
    """未来 7 天待复习: the bars and the week's total."""

    def __init__(self) -> None:
        super().__init__()
        self.box = card(margins=20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        inner = self.box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("未来 7 天待复习"), "section"))
        self.total = plain_label("", "small", wrap=True)
        inner.addWidget(self.total)
        self.bars = ForecastBars()
        inner.addWidget(self.bars, 1)

    def set_forecast(self, forecast: dict[date, int], today: date) -> None:
        days = [today + timedelta(days=i) for i in range(FORECAST_DAYS)]
        counts = [(day_name(d, today), forecast.get(d, 0)) for d in days]
        self.bars.set_days(counts)
        total = sum(n for _name, n in counts)
        self.total.setText(
            tr("共 {total} 题，按 FSRS 记忆模型预测").format(total=total)
            if total
            else tr("这一周没有到期的复习题")
        )


class WeakTagsCard(QWidget):
    """薄弱知识点: the tags answered worst, each with 专项练习."""

    practice_requested = Signal(str)  # a tag

    def __init__(self) -> None:
        super().__init__()
        self.box = card(margins=20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        inner = self.box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("薄弱知识点"), "section"))
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(2)
        self.rows.setColumnStretch(0, 1)
        inner.addLayout(self.rows)
        self.empty = plain_label("", "small", wrap=True)
        inner.addWidget(self.empty)
        inner.addStretch(1)
        self.buttons: dict[str, QWidget] = {}

    def set_tags(self, tags: list[TagAccuracy]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: deleteLater() leaves it painted under the new row meanwhile
                widget.deleteLater()
        self.buttons = {}
        for row, tag in enumerate(tags):
            self._add_row(row, tag)
        self.empty.setVisible(not tags)
        self.empty.setText(tr("同一标签答满 3 题后，这里列出正确率最低的知识点。"))

    def _add_row(self, row: int, tag: TagAccuracy) -> None:
        name = ElidedLabel(tag.tag)
        facts: QLabel = plain_label(
            tr("正确率 {percent:.0%} · 作答 {reviews} 次").format(
                percent=tag.accuracy, reviews=tag.reviews
            ),
            "small",
            wrap=True,
        )
        practice = button(tr("专项练习"), flat=True)
        practice.setObjectName("tagpractice")
        practice.setToolTip(tr("练习“{tag}”下的全部题目").format(tag=tag.tag))
        practice.clicked.connect(lambda _c=False, t=tag.tag: self.practice_requested.emit(t))
        name.setProperty("role", "tagname")
        # the tag on its own line (as wide as the card allows), its figures below it
        self.rows.addWidget(name, 2 * row, 0)
        self.rows.addWidget(facts, 2 * row + 1, 0)
        self.rows.addWidget(practice, 2 * row, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.buttons[tag.tag] = practice
