"""The arbitration record as an Excel workbook: 概要 (facts and ranks), 题目, 事件."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jgstudy.core.competition.record import MatchRecord, rank_words
from jgstudy.core.reports.columns import display_width
from jgstudy.core.safecells import set_text

Value = str | int | None
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
MAX_WIDTH = 60
QUESTION_HEADERS = ("轮次", "题号", "答题队", "题目编号", "题目", "答案", "分值")
QUESTION_MORE = ("抢答（反应时间）", "抢跑", "判分与撤销")
EVENT_HEADERS = (
    "序号",
    "时间",
    "轮次",
    "题号",
    "队伍",
    "事件",
    "说明",
    "分数变化",
    "反应时间（毫秒）",
)


def write_record_xlsx(record: MatchRecord, path: Path) -> None:
    """Write the workbook to ``path`` (replacing it). Texts never become formulas."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "概要"
    _summary(summary, record)
    _table(book.create_sheet("题目"), (*QUESTION_HEADERS, *QUESTION_MORE), _question_rows(record))
    _table(
        book.create_sheet("事件"), (*EVENT_HEADERS, "被撤销（撤销事件序号）"), _event_rows(record)
    )
    book.save(path)


def _summary(sheet: Worksheet, record: MatchRecord) -> None:
    finished = f"{record.finished_at:%Y-%m-%d %H:%M:%S}" if record.finished_at else "未结束"
    rows: list[tuple[Value, ...]] = [
        ("比赛", record.title),
        ("比赛编号", record.match_id),
        ("开始时间", f"{record.created_at:%Y-%m-%d %H:%M:%S}"),
        ("结束时间", finished),
        *record.facts,
        (),
        ("名次", "队伍", "抢答键", "得分"),
        *((rank_words(s.rank, s.tied), s.name, s.key, s.score) for s in record.standings),
    ]
    _write(sheet, rows)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    header_row = len(rows) - len(record.standings)
    for cell in sheet[header_row]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    _widths(sheet)


def _question_rows(record: MatchRecord) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for q in record.questions:
        asked = (q.round, q.item, q.team, q.question_id, q.stem, q.answer, q.stake)
        told = ("；".join(q.presses), "；".join(q.false_starts), "；".join(q.results))
        rows.append((*asked, *told))
    return rows


def _event_rows(record: MatchRecord) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for e in record.events:
        at = f"{e.at:%Y-%m-%d %H:%M:%S.%f}"[:-3]  # milliseconds: presses a moment apart
        where = (e.seq, at, e.round, e.item, e.team)
        rows.append((*where, e.what, e.detail, e.points, e.reaction_ms, e.undone_by))
    return rows


def _table(sheet: Worksheet, headers: Sequence[str], rows: Sequence[tuple[Value, ...]]) -> None:
    _write(sheet, [tuple(headers), *rows])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet)


def _write(sheet: Worksheet, rows: Sequence[Sequence[Value]]) -> None:
    for row, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            assert isinstance(cell, Cell)  # a fresh sheet has no merged cells
            if isinstance(value, str):
                set_text(cell, value)  # a stem or a team name starting with "=" stays text
            else:
                cell.value = value
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet) -> None:
    for index, column in enumerate(sheet.iter_cols(), start=1):
        width = max((display_width(str(c.value)) for c in column if c.value is not None), default=6)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), MAX_WIDTH)
