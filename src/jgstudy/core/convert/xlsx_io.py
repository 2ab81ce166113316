"""Excel workbooks in the 考试宝-style template: questions on every sheet with a question header,
bank information on "题库信息"; sheets without a header (导入须知, 版本号…) are skipped and named.

Cells read as the trainer sees them (see :mod:`.sheetgrid`). Reading never evaluates anything: a
cell holding a formula is read as the formula's text (for example ``=A1&"题"``), and the trainer
is told which cell it was. Writing stores every text as a
string cell, so nothing exported can run as a formula (see :mod:`jgstudy.core.safecells`).
"""

from __future__ import annotations

import warnings
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from jgstudy.core.convert.bankinfo import INFO_COLUMNS, INFO_SHEET, header_from_rows, header_rows
from jgstudy.core.convert.columns import EXPORT_LABELS, QUESTION_SHEET, REQUIRED_SHOWN, Col
from jgstudy.core.convert.entries import Parsed, RowProblem
from jgstudy.core.convert.numfmt import display
from jgstudy.core.convert.rows import CellValue, question_to_row
from jgstudy.core.convert.sheetgrid import SheetGrid
from jgstudy.core.convert.table import HEADER_SEARCH_ROWS, cell_text, read_table
from jgstudy.core.convert.xlsx_pictures import picture_cells
from jgstudy.core.model import Bank
from jgstudy.core.safecells import set_text
from jgstudy.core.text import join, msg

_WIDTHS = {Col.STEM: 60, Col.EXPLANATION: 40, Col.ANSWER: 16, Col.KEYWORDS: 30, Col.QUOTE: 30}


def read_xlsx(file: Path) -> Parsed:
    """Questions of every sheet with a question header, and bank information."""
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions (data validation…) it drops; reading
        # cell text loses nothing by that, and the trainer could do nothing about it.
        warnings.simplefilter("ignore", UserWarning)
        return _read_workbook(file)


def _read_workbook(file: Path) -> Parsed:
    parsed = Parsed()
    try:
        # Not read-only: merged ranges and the number format of every cell are needed.
        workbook = load_workbook(file, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        message = msg(
            "无法打开 Excel 文件（{error}）；旧版 .xls 请先在 Excel 中“另存为” .xlsx",
            error=str(exc),
        )
        parsed.problems.append(RowProblem(file, None, message))
        return parsed
    pictures = picture_cells(file)
    read: list[str] = []
    skipped: list[str] = []
    hidden: list[str] = []
    for sheet in workbook.worksheets:
        if sheet.title == INFO_SHEET:
            _read_info(file, sheet, parsed)
            continue
        if sheet.sheet_state != "visible":
            hidden.append(sheet.title)  # hidden by the trainer: often an old version
            continue
        grid = SheetGrid(sheet, pictures.get(sheet.title, []))
        found = read_table(
            file, grid.rows(), parsed, sheet=sheet.title, cells=grid.notes, need_header=False
        )
        (read if found else skipped).append(sheet.title)
    _sheet_notices(file, read, skipped, parsed)
    if hidden:
        message = msg(
            "跳过隐藏的工作表：{sheets}（如需导入，请先在 Excel 中取消隐藏）",
            sheets=join("、", hidden),
        )
        parsed.warnings.append(RowProblem(file, None, message))
    return parsed


def _sheet_notices(file: Path, read: list[str], skipped: list[str], parsed: Parsed) -> None:
    if not read:
        message = msg(
            "没有哪个工作表的前 {count} 行有题目表头（应有{columns}等列）",
            count=HEADER_SEARCH_ROWS,
            columns=REQUIRED_SHOWN,
        )
        parsed.problems.append(RowProblem(file, None, message))
    if len(read) + len(skipped) > 1:
        sheets = join("、", read) if read else msg("无")
        text = msg("读取了工作表：{sheets}", sheets=sheets)
        if skipped:
            text = msg(
                "读取了工作表：{sheets}；跳过（没有题目表头）：{skipped}",
                sheets=sheets,
                skipped=join("、", skipped),
            )
        parsed.warnings.append(RowProblem(file, None, text))


def _read_info(file: Path, sheet: Any, parsed: Parsed) -> None:
    rows = (
        (row, cell_text(display(values[0], None)), cell_text(display(values[1], None)))
        for row, values in enumerate(sheet.iter_rows(max_col=2, values_only=True), start=1)
        if len(values) >= 2
    )
    data, where, notices = header_from_rows(rows)
    parsed.header.update(data)
    parsed.header_rows.update(where)
    parsed.warnings.extend(RowProblem(file, row, message) for row, message in notices)


def write_xlsx(bank: Bank) -> tuple[bytes, list[str]]:
    """The bank as an xlsx workbook, and notices about anything that could not be kept."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = QUESTION_SHEET
    notices = _write_questions(sheet, bank)
    _write_info(workbook.create_sheet(INFO_SHEET), bank)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), notices


def _write_questions(sheet: Worksheet, bank: Bank) -> list[str]:
    columns = list(EXPORT_LABELS)
    _write_header(sheet, [EXPORT_LABELS[c] for c in columns])
    notices: list[str] = []
    for row, question in enumerate(bank.questions, start=2):
        cells = question_to_row(question)
        for index, col in enumerate(columns, start=1):
            if col in cells:
                notices.extend(_put(sheet, row, index, cells[col], question.id))
    for index, col in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(col, 10)
    sheet.freeze_panes = "A2"
    return notices


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    cell = sheet.cell(row, column)
    assert isinstance(cell, Cell)  # never a merged cell: this sheet has none
    return cell


def _write_header(sheet: Worksheet, labels: list[str]) -> None:
    for index, label in enumerate(labels, start=1):
        cell = _cell(sheet, 1, index)
        set_text(cell, label)
        cell.font = Font(bold=True)


def _put(sheet: Worksheet, row: int, column: int, value: CellValue, qid: str) -> list[str]:
    cell = _cell(sheet, row, column)
    if not isinstance(value, str):
        cell.value = value
        return []
    clean = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters xlsx cannot store
    set_text(cell, clean)
    if clean != value:
        return [
            msg(
                "题 {id} 的 {column} 列含有 Excel 无法保存的控制字符，已删除",
                id=qid,
                column=get_column_letter(column),
            )
        ]
    return []


def _write_info(sheet: Worksheet, bank: Bank) -> None:
    _write_header(sheet, list(INFO_COLUMNS))
    for row, values in enumerate(header_rows(bank), start=2):
        for column, text in enumerate(values, start=1):
            set_text(_cell(sheet, row, column), text)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 60
