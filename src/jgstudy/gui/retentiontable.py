"""真实保持率: how often the cadre's reviews were passed, by interval and period, beside what
the memory model predicted for them (core.scheduling.retention). Close figures say the
forecasts above it can be trusted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.scheduling.retention import PERIODS, RetentionRow
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import card, plain_label

FEW_REVIEWS = 50  # below this many reviews a share moves by several points with each one
AGREE = 0.05  # actual and predicted this close: the forecast is honest


def cell_text(reviews: int, rate: float | None, predicted: float | None) -> str:
    """``92%（预测 90%）`` and the number of reviews below it; a dash without reviews."""
    if rate is None or predicted is None:
        return "—"
    return tr("{rate:.0%}（预测 {predicted:.0%}）\n{count} 次").format(
        rate=rate, predicted=predicted, count=reviews
    )


def verdict(rows: Sequence[RetentionRow]) -> str:
    """One plain sentence on all reviews so far: do the forecasts hold?"""
    whole = [row.cells[-1] for row in rows]  # the last period is 全部
    count = sum(c.reviews for c in whole)
    if count == 0:
        return tr("还没有隔天复习记录：复习几天之后，这里会比较实际通过率和预测。")
    actual = sum(c.passed for c in whole) / count
    predicted = sum(c.expected for c in whole) / count
    head = tr("共 {count} 次隔天复习，实际通过 {actual:.0%}，预测 {predicted:.0%}：").format(
        count=count, actual=actual, predicted=predicted
    )
    if count < FEW_REVIEWS:
        return head + tr("次数还少，比例还不稳定。")
    if predicted - actual > AGREE:
        return head + tr(
            "预测偏高，实际忘得比记忆模型估计的快。在“设置”中拟合个人参数可以让预测更准。"
        )
    if actual - predicted > AGREE:
        return head + tr("预测偏保守，实际记得比记忆模型估计的好。")
    return head + tr("预测与实际相符，上面的预测可信。")


class RetentionCard(QWidget):
    """The table and its one-sentence verdict; :meth:`show_rows` fills them."""

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = card(margins=20)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(8)
        inner.addWidget(plain_label(tr("真实保持率"), "section"))
        inner.addWidget(
            plain_label(
                tr(
                    "隔天复习时答对的比例，按距上次作答的间隔和时段分列；括号内是记忆模型"
                    "（FSRS）预测的比例。两者接近，说明预测可信。同一天内的重复作答不计。"
                ),
                "muted",
                wrap=True,
            )
        )
        self.table = QTableWidget(0, len(PERIODS))
        self.table.setHorizontalHeaderLabels([tr(name) for _days, name in PERIODS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        inner.addWidget(self.table)
        self.verdict = plain_label("", wrap=True)
        inner.addWidget(self.verdict)
        outer.addWidget(box)

    def show_rows(self, rows: Sequence[RetentionRow]) -> None:
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([tr(row.bucket) for row in rows])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell_text(cell.reviews, cell.rate, cell.predicted))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._fit_height()
        self.verdict.setText(verdict(rows))

    def clear(self, note: str) -> None:
        self.table.setRowCount(0)
        self._fit_height()
        self.verdict.setText(note)

    def _fit_height(self) -> None:
        """The whole table without its own scroll bar: the page scrolls instead."""
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + frame + 2)

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row (the bucket first): for tests and checks."""
        shown: list[list[str]] = []
        for r in range(self.table.rowCount()):
            head = self.table.verticalHeaderItem(r)
            cells = [self.table.item(r, c) for c in range(self.table.columnCount())]
            shown.append([head.text() if head else "", *(i.text() if i else "" for i in cells)])
        return shown
