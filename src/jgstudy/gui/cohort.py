"""备考准备 in 成绩报表: each unit's predicted recall on the target date, its weakest tags and
who is behind plan — the same tables as the workbook's sheet (core/reports/cohort_columns.py).

A passive view: the report (built off the UI thread by the reports page) hands it a
:class:`~jgstudy.core.reports.cohort.Cohort`; nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.reports import cohort_columns as cc
from jgstudy.core.reports.cohort import Cohort
from jgstudy.core.reports.columns import Column, Kind, Value, text
from jgstudy.core.reports.units import NO_UNIT
from jgstudy.core.text import Msg
from jgstudy.gui.i18n import N_, tr, tr_msg
from jgstudy.gui.widgets import plain_label

Row = TypeVar("Row")

EMPTY = "—"


# The columns on screen: the unit is the one chosen above; the reasons say need and pace.
TAG_SHOWN = (
    N_("薄弱排序"),
    N_("知识点(标签)"),
    N_("薄弱度"),
    N_("预计掌握率(平均)"),
    N_("预计掌握率(下四分位)"),
    N_("难度(首次答错率)"),
)
BEHIND_SHOWN = (N_("姓名"), N_("预计掌握率"), N_("落后原因"))
VISIBLE_UNIT_ROWS = 4  # the units table grows to this many rows, then scrolls


def pick(columns: Sequence[Column[Row]], headers: Sequence[str]) -> tuple[Column[Row], ...]:
    return tuple(c for name in headers for c in columns if c.header == name)


def _cell(value: Value, kind: Kind) -> str:
    """A message in the UI language; other text (unit, tag and cadre names) as it is."""
    if isinstance(value, Msg):
        return tr_msg(value)
    return value if isinstance(value, str) else text(value, kind)


def fill(table: QTableWidget, columns: Sequence[Column[Row]], rows: Sequence[Row]) -> None:
    """Headers and cells of ``table`` from the report's columns (texts in the UI language)."""
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels([tr_msg(c.header) for c in columns])
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for col, column in enumerate(columns):
            value = column.value(row)
            shown = _cell(value, column.kind)
            item = QTableWidgetItem(shown or EMPTY)
            item.setToolTip(shown)
            if column.kind is not Kind.TEXT:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, col, item)
    table.resizeColumnsToContents()
    if table.wordWrap() and columns:
        table.horizontalHeader().setSectionResizeMode(
            len(columns) - 1, QHeaderView.ResizeMode.Stretch
        )


def _table() -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CohortPanel(QWidget):
    """The units' readiness; below it, the chosen unit's tags (weakest first) and its cadres
    behind plan, then the notes."""

    def __init__(self) -> None:
        super().__init__()
        self.cohort: Cohort | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        self.hint = plain_label(
            tr("点“生成预览”后，这里显示各单位的备考准备情况。"), "muted", wrap=True
        )
        layout.addWidget(self.hint)
        self.units = _table()
        self.units.horizontalHeader().setStretchLastSection(False)
        self.units.itemSelectionChanged.connect(self._show_unit)
        layout.addWidget(self.units)
        self.tags, self.behind = _table(), _table()
        self.behind.setWordWrap(True)  # the reasons wrap in the last column, rows grow
        self.behind.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tags_title = plain_label("", "section")
        self.behind_title = plain_label("", "section")
        lower = QHBoxLayout()
        lower.setSpacing(16)
        # in place of the names, when they are not this report's to show
        self.withheld = plain_label("", "muted", wrap=True)
        self.withheld.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for title, widgets, stretch in (
            (self.tags_title, (self.tags,), 5),
            (self.behind_title, (self.withheld, self.behind), 4),
        ):
            column = QVBoxLayout()
            column.setSpacing(6)
            column.addWidget(title)
            for widget in widgets:
                column.addWidget(widget, 1)
            lower.addLayout(column, stretch)
        layout.addLayout(lower, 1)
        self.notes = plain_label("", "small", wrap=True)
        layout.addWidget(self.notes)
        self.show_cohort(None)

    def show_cohort(self, cohort: Cohort | None) -> None:
        """Show the report's readiness (None: no report yet); the first unit is chosen."""
        self.cohort = cohort
        self.hint.setVisible(cohort is None)
        units = cohort.units if cohort is not None else ()
        fill(self.units, cc.UNIT_READINESS, units)
        self._fit_units(len(units))
        self.notes.setText("\n".join(self._notes(cohort)))
        if units:
            self.units.selectRow(0)
        self._show_unit()

    def _fit_units(self, rows: int) -> None:
        """As tall as its rows (up to VISIBLE_UNIT_ROWS), so the tables below get the rest."""
        shown = min(max(rows, 1), VISIBLE_UNIT_ROWS)
        height = self.units.horizontalHeader().sizeHint().height()
        height += shown * self.units.verticalHeader().defaultSectionSize()
        scroll = self.units.horizontalScrollBar().sizeHint().height()
        self.units.setFixedHeight(height + scroll + 2 * self.units.frameWidth())

    def _show_unit(self) -> None:
        """The chosen unit's tags and the cadres behind plan (when its names may be shown)."""
        units = self.cohort.units if self.cohort is not None else ()
        selected = self.units.selectionModel().selectedRows()
        unit = units[selected[0].row()] if selected and units else None
        label = (unit.unit or tr_msg(NO_UNIT)) if unit is not None else ""
        self.tags_title.setText(
            tr("{unit}：知识点（最薄弱的在前）").format(unit=label)
            if unit
            else tr_msg(cc.TAGS_TITLE)
        )
        self.behind_title.setText(
            tr("{unit}：落后于计划的学员").format(unit=label) if unit else tr_msg(cc.BEHIND_TITLE)
        )
        fill(self.tags, pick(cc.TAG_READINESS, TAG_SHOWN), unit.tags if unit else ())
        fill(self.behind, pick(cc.BEHIND, BEHIND_SHOWN), unit.behind if unit else ())
        hidden = cc.hidden_names((unit,)) if unit is not None else []
        self.withheld.setText(tr_msg(hidden[0]) if hidden else "")
        self.withheld.setVisible(bool(hidden))
        self.behind.setVisible(not hidden)

    @staticmethod
    def _notes(cohort: Cohort | None) -> list[str]:
        if cohort is None:
            return []
        lines = [tr_msg(line) for line in cc.hidden_names(cohort.units)]
        if not any(u.planned for u in cohort.units):
            lines.append(tr_msg(cc.NO_TARGETS))
        elif not any(u.behind_count for u in cohort.units):
            lines.append(tr_msg(cc.NOBODY_BEHIND))
        return [*lines, tr_msg(cc.WEAKNESS_NOTE)]
