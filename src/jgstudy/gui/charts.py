"""Quiet bar charts (QtCharts) that follow the application's colours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication

from jgstudy.gui.colors import Colors


def nice_max(value: float) -> int:
    """A round axis maximum a little above ``value`` (at least 5)."""
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value <= step * 5:
            return max(step * ((int(value) // step) + 1), 5)
    return int(value * 1.2) + 1


def _style_axis(axis: QAbstractAxis, colors: Colors, font: QFont) -> None:
    axis.setLabelsColor(QColor(colors.muted))
    axis.setLabelsFont(font)
    axis.setLinePen(QPen(QColor(colors.border)))
    axis.setGridLinePen(QPen(QColor(colors.border), 1, Qt.PenStyle.DashLine))
    axis.setGridLineVisible(isinstance(axis, QValueAxis))


class BarChartView(QChartView):
    """One bar series over categories; call :meth:`set_data` to (re)draw."""

    def __init__(
        self, horizontal: bool = False, percent: bool = False, labels: bool = False
    ) -> None:
        super().__init__()
        self._horizontal = horizontal
        self._percent = percent
        self._labels = labels  # each bar's value written on it
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(230)
        self.setStyleSheet("background: transparent;")
        self.values: list[float] = []
        self.categories: list[str] = []

    def set_data(
        self,
        categories: Sequence[str],
        values: Sequence[float],
        colors: Colors,
        bar_color: str | None = None,
        title: str = "",
    ) -> None:
        self.categories, self.values = list(categories), list(values)
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        bars = QBarSet("")
        bars.append(list(self.values))
        bars.setColor(QColor(bar_color or colors.accent))
        bars.setBorderColor(QColor(bar_color or colors.accent))
        series = QHorizontalBarSeries() if self._horizontal else QBarSeries()
        series.setBarWidth(0.62)
        series.append(bars)
        if self._labels:
            bars.setLabelColor(QColor(colors.on_accent))
            series.setLabelsFormat("@value%" if self._percent else "@value")
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
            series.setLabelsVisible(True)
        self._show(chart, series, colors, title)

    def _show(self, chart: QChart, series: QAbstractBarSeries, c: Colors, title: str) -> None:
        """Put ``series`` on ``chart`` with its axes and show it instead of the chart before."""
        chart.addSeries(series)
        self._add_axes(chart, series, c, title)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _add_axes(self, chart: QChart, series: QAbstractBarSeries, c: Colors, title: str) -> None:
        font = QFont(QApplication.font())
        font.setPixelSize(max(QApplication.font().pixelSize() - 4, 11))
        category = QBarCategoryAxis()
        category.append(self.categories)
        if title:
            category.setTitleText(title)
            category.setTitleFont(font)
            category.setTitleBrush(QColor(c.muted))
        value = QValueAxis()
        if self._percent:
            value.setRange(0, 100)
            value.setLabelFormat("%d%%")
        else:
            value.setRange(0, nice_max(max(self.values, default=0)))
            value.setLabelFormat("%d")
        value.setTickCount(6)
        for axis in (category, value):
            _style_axis(axis, c, font)
        cat_side = Qt.AlignmentFlag.AlignLeft if self._horizontal else Qt.AlignmentFlag.AlignBottom
        val_side = Qt.AlignmentFlag.AlignBottom if self._horizontal else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(category, cat_side)
        chart.addAxis(value, val_side)
        series.attachAxis(category)
        series.attachAxis(value)


class StackedBarChartView(BarChartView):
    """Bars of several parts stacked per category (e.g. reviews and new questions a day), with a
    legend naming the parts."""

    def __init__(self) -> None:
        super().__init__()
        self.stacks: list[tuple[str, list[float]]] = []

    def set_stacks(
        self,
        categories: Sequence[str],
        stacks: Sequence[tuple[str, Sequence[float], str]],
        colors: Colors,
        title: str = "",
    ) -> None:
        """``stacks``: (name, one value per category, colour), drawn bottom to top."""
        self.categories = list(categories)
        self.stacks = [(name, list(values)) for name, values, _color in stacks]
        self.values = [sum(parts) for parts in zip(*(v for _n, v in self.stacks), strict=True)]
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        legend.setLabelColor(QColor(colors.muted))
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        for name, values, color in stacks:
            bars = QBarSet(name)
            bars.append(list(values))
            bars.setColor(QColor(color))
            bars.setBorderColor(QColor(color))
            series.append(bars)
        self._show(chart, series, colors, title)
