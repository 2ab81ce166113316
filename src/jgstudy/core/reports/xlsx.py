"""The report as an Excel workbook: 汇总, 学员, 单位, 试题分析, 考试成绩, 知识掌握, 每日作答, and
备考准备 when the report carries the cohort's readiness.

Every table sheet has a frozen header row, an auto filter, number formats and column widths that
count CJK characters double; the summary sheet carries a bar chart of the units' scores.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jgstudy.core.reports import cohort_columns as cc
from jgstudy.core.reports.columns import (
    DAY_COLUMNS,
    EXAM_COLUMNS,
    ITEM_COLUMNS,
    TAG_COLUMNS,
    UNIT_COLUMNS,
    Column,
    Kind,
    Value,
    cadre_columns,
    day_rows,
    display_width,
    tag_rows,
    text,
)
from jgstudy.core.reports.data import Report
from jgstudy.core.safecells import set_text

Row = TypeVar("Row")

NUMBER_FORMATS = {
    Kind.INT: "0",
    Kind.PERCENT: "0.0%",
    Kind.SCORE: "0.0",
    Kind.RATIO: "0.00",
    Kind.SECONDS: "0.0",
    Kind.DATETIME: "yyyy-mm-dd hh:mm",
}
MIN_WIDTH, MAX_WIDTH = 6, 60
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
FLAG_FILL = PatternFill("solid", fgColor="FCE4D6")


def write_xlsx(report: Report, path: Path) -> None:
    """Write the workbook to ``path`` (replacing it)."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "汇总"
    _summary_sheet(summary, report)
    cadres = cadre_columns(report.filters.rank_cadres)
    _table(book.create_sheet("学员"), report, cadres, report.cadres)
    units = book.create_sheet("单位")
    _table(units, report, UNIT_COLUMNS, report.units)
    items = book.create_sheet("试题分析")
    _table(items, report, ITEM_COLUMNS, report.items)
    _highlight_flagged(items, sum(i.needs_checking for i in report.items))
    _table(book.create_sheet("考试成绩"), report, EXAM_COLUMNS, report.exams)
    _table(book.create_sheet("知识掌握"), report, TAG_COLUMNS, tag_rows(report.cadres))
    _table(book.create_sheet("每日作答"), report, DAY_COLUMNS, day_rows(report.cadres))
    if report.cohort is not None:
        _cohort_sheet(book.create_sheet(cc.SHEET), report)
    _unit_chart(summary, units, len(report.units))
    book.save(path)


def _put(ws: Worksheet, row: int, col: int, value: Value, kind: Kind, report: Report) -> None:
    cell = ws.cell(row=row, column=col)
    assert isinstance(cell, Cell)  # never a merged cell: these sheets merge nothing
    if isinstance(value, str):
        # Never a formula, whatever a cadre typed as their name; control characters (stored
        # before names were checked) cannot be in xlsx at all: shown as U+FFFD instead.
        set_text(cell, ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    elif isinstance(value, datetime):
        cell.value = report.local(value)  # Excel has no time zones: local wall-clock time
    elif isinstance(value, float) and not math.isfinite(value):
        cell.value = None  # NaN or infinity stored by an older version: an empty cell
    else:
        cell.value = value
    if kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[kind]


def _table(
    ws: Worksheet, report: Report, columns: Sequence[Column[Row]], rows: Sequence[Row]
) -> None:
    widths = [display_width(c.header) for c in columns]
    for col, column in enumerate(columns, start=1):
        _put(ws, 1, col, column.header, Kind.TEXT, report)
    for r, row in enumerate(rows, start=2):
        for col, column in enumerate(columns, start=1):
            value = column.value(row)
            _put(ws, r, col, value, column.kind, report)
            widths[col - 1] = max(widths[col - 1], display_width(text(value, column.kind)))
    _finish(ws, widths, len(rows))


def _block(
    ws: Worksheet,
    report: Report,
    top: int,
    columns: Sequence[Column[Row]],
    rows: Sequence[Row],
    widths: list[int],
) -> int:
    """A header row at ``top`` and the rows under it; widens ``widths``; returns the next row."""
    for col, column in enumerate(columns, start=1):
        _put(ws, top, col, column.header, Kind.TEXT, report)
        cell = ws.cell(row=top, column=col)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        widths[col - 1] = max(widths[col - 1], display_width(column.header))
    for r, row in enumerate(rows, start=top + 1):
        for col, column in enumerate(columns, start=1):
            value = column.value(row)
            _put(ws, r, col, value, column.kind, report)
            widths[col - 1] = max(widths[col - 1], display_width(text(value, column.kind)))
    return top + 1 + len(rows)


def _note(ws: Worksheet, report: Report, row: int, line: str, bold: bool = False) -> int:
    _put(ws, row, 1, line, Kind.TEXT, report)
    if bold:
        ws.cell(row=row, column=1).font = HEADER_FONT
    return row + 1


def _cohort_sheet(ws: Worksheet, report: Report) -> None:
    """备考准备: the units' readiness (frozen header, filter), their tags, who is behind."""
    cohort = report.cohort
    assert cohort is not None
    widths = [0] * max(len(cc.UNIT_READINESS), len(cc.TAG_READINESS), len(cc.BEHIND))
    row = _block(ws, report, 1, cc.UNIT_READINESS, cohort.units, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cc.UNIT_READINESS))}{row - 1}"
    if not any(u.planned for u in cohort.units):
        row = _note(ws, report, row + 1, cc.NO_TARGETS)
    row = _note(ws, report, row + 1, cc.TAGS_TITLE, bold=True)
    row = _block(ws, report, row, cc.TAG_READINESS, cohort.tags, widths)
    row = _note(ws, report, row + 1, cc.BEHIND_TITLE, bold=True)
    row = _block(ws, report, row, cc.BEHIND, cohort.behind, widths)
    for line in cc.hidden_names(cohort.units):
        row = _note(ws, report, row, line)
    _note(ws, report, row + 1, cc.WEAKNESS_NOTE)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )


def _finish(ws: Worksheet, widths: Sequence[int], rows: int) -> None:
    """Header style, frozen header row, auto filter and column widths."""
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(widths))
    ws.auto_filter.ref = f"A1:{last}{rows + 1}"
    for col, width in enumerate(widths, start=1):
        # +2 for the filter button; long texts (question stems) wrap instead of widening.
        ws.column_dimensions[get_column_letter(col)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )


def _summary_rows(report: Report) -> list[tuple[str, Value, Kind]]:
    s, f = report.summary, report.filters
    return [
        ("报告", report.title, Kind.TEXT),
        ("单位", report.unit_text, Kind.TEXT),
        ("时间范围", report.period_text, Kind.TEXT),
        ("考试", f.exam or "（全部作答）", Kind.TEXT),
        ("生成时间", report.generated_at, Kind.DATETIME),
        ("学员人数", s.cadres, Kind.INT),
        ("参与人数", s.participants, Kind.INT),
        ("完成人数", s.completed, Kind.INT),
        ("完成率", s.completion, Kind.PERCENT),
        ("完成标准", "交卷" if f.exam else f"作答不少于 {f.min_answers} 题", Kind.TEXT),
        ("作答题数", s.answers, Kind.INT),
        ("正确率", s.accuracy, Kind.PERCENT),
        ("平均得分", s.average_score, Kind.SCORE),
        ("单位数", s.units, Kind.INT),
        ("已交卷考试", s.exams_finished, Kind.INT),
        ("需核查试题", s.flagged_items, Kind.INT),
    ]


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    rows = _summary_rows(report)
    _put(ws, 1, 1, "项目", Kind.TEXT, report)
    _put(ws, 1, 2, "数值", Kind.TEXT, report)
    widths = [max(display_width(label) for label, _v, _k in rows), display_width("数值")]
    for r, (label, value, kind) in enumerate(rows, start=2):
        _put(ws, r, 1, label, Kind.TEXT, report)
        _put(ws, r, 2, value, kind, report)
        cell = ws.cell(row=r, column=2)
        cell.alignment = Alignment(horizontal="left")
        widths[1] = max(widths[1], display_width(text(value, kind)))
    _finish(ws, widths, len(rows))


def _highlight_flagged(ws: Worksheet, flagged: int) -> None:
    """Shade the questions that need checking (they are sorted first)."""
    for row in ws.iter_rows(min_row=2, max_row=flagged + 1):
        for cell in row:
            cell.fill = FLAG_FILL


def _unit_chart(summary: Worksheet, units: Worksheet, count: int) -> None:
    """A bar chart of each unit's average score, beside the summary table."""
    if count == 0:
        return
    score_col = 1 + [c.header for c in UNIT_COLUMNS].index("平均得分")
    label_col = 1 + [c.header for c in UNIT_COLUMNS].index("单位")
    chart = BarChart()
    chart.type = "bar"  # horizontal: long unit names stay readable
    chart.title = "各单位平均得分"
    chart.y_axis.title = "平均得分"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.x_axis.scaling.orientation = "maxMin"  # first-ranked unit on top
    chart.legend = None
    chart.add_data(
        Reference(units, min_col=score_col, min_row=1, max_row=count + 1), titles_from_data=True
    )
    chart.set_categories(Reference(units, min_col=label_col, min_row=2, max_row=count + 1))
    chart.height = max(7.5, 0.8 * count + 3)
    chart.width = 18
    summary.add_chart(chart, "D2")
