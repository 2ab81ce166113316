"""A worksheet's cells as the trainer sees them, with a note for each cell read other than typed.

* Number formats are applied (:mod:`.numfmt`): ``1921年7月``, ``7月1日``, ``50%``, ``8:30``, ``7-1``
  and long digit strings read as shown, not as 1921-07-01, 0.5, 08:30:00 or 1.23E+17.
* A merged range gives its text to every cell it covers (a merged 题型 or 章节 cell applies to
  each of its rows), and each row says so.
* A formula is read as its text, never evaluated.
* An embedded picture cannot become part of a question: its row names the loss.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jgstudy.core.convert.columns import EXPORT_LABELS, Col
from jgstudy.core.convert.numfmt import CJK_BUILTIN, EXACT_DIGITS, display, is_date_code
from jgstudy.core.convert.table import CellNotes
from jgstudy.core.text import msg

_DATES = (datetime, date, time, timedelta)


class SheetGrid:
    """The texts of one worksheet, row by row, and the notes about single cells."""

    def __init__(self, sheet: Worksheet, pictures: list[tuple[int, int]]) -> None:
        self.sheet = sheet
        self.notes = CellNotes()
        self._merged = self._merged_values()
        for row, column in pictures:
            where = f"{get_column_letter(column)}{row}"
            self.notes.losses.setdefault(row, []).append(
                msg(
                    "单元格 {cell} 有一张嵌入的图片，题库不能保存嵌入图片，已略去；"
                    "如需图片，请另存为图片文件，并在“{column}”列写文件名",
                    cell=where,
                    column=EXPORT_LABELS[Col.IMAGE],
                )
            )

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        for row, cells in enumerate(self.sheet.iter_rows(), start=1):
            yield row, [self._text(row, column, cell) for column, cell in enumerate(cells)]

    def _merged_values(self) -> dict[tuple[int, int], tuple[object, str]]:
        """(row, 0-based column) of the cells a merged range fills down → (top-left cell, range).

        Only down the range's first column: Excel shows a merged text once per row it spans in
        effect, and a range merged across columns must not copy a stem into the option columns.
        """
        covered: dict[tuple[int, int], tuple[object, str]] = {}
        for merged in self.sheet.merged_cells.ranges:
            top = self.sheet.cell(merged.min_row, merged.min_col)
            for row in range(merged.min_row + 1, merged.max_row + 1):
                covered[(row, merged.min_col - 1)] = (top, merged.coord)
        return covered

    def _text(self, row: int, column: int, cell: object) -> str:
        merged = self._merged.get((row, column))
        if merged is not None:
            source, coord = merged
            text = self._shown(row, column, source)
            if text:
                self.notes.filled.setdefault(row, set()).add(column)
                self.notes.note(
                    row,
                    column,
                    msg(
                        "单元格 {cell} 属于合并单元格 {range}，按合并内容“{text}”读取",
                        cell=f"{get_column_letter(column + 1)}{row}",
                        range=coord,
                        text=_short(text),
                    ),
                )
            return text
        return self._shown(row, column, cell)

    def _shown(self, row: int, column: int, cell: object) -> str:
        value = getattr(cell, "value", None)
        code = _format_code(cell)
        where = f"{get_column_letter(column + 1)}{row}"
        if getattr(cell, "data_type", None) == "f":
            self.notes.note(
                row,
                column,
                msg(
                    "单元格 {cell} 是公式，按公式原文读取、不计算（需要结果请先“选择性粘贴为数值”）",
                    cell=where,
                ),
            )
            return str(value)
        text = display(value, code)
        numeric = isinstance(value, _DATES) or _is_number(value)
        if numeric and "[dbnum" in code.lower():
            # Excel shows 十二 / 一九四九年; the digits are kept, so the cell must say so.
            self.notes.note(
                row,
                column,
                msg(
                    "单元格 {cell} 在 Excel 中用中文数字显示（[DBNum]格式），"
                    "按阿拉伯数字“{text}”读取，请核对",
                    cell=where,
                    text=text,
                ),
            )
        elif isinstance(value, _DATES) or (_is_number(value) and is_date_code(code)):
            note = msg(
                "单元格 {cell} 是 Excel 日期/时间，按显示的“{text}”读取", cell=where, text=text
            )
            self.notes.note(row, column, note)
        elif _is_number(value) and abs(float(value)) >= 10**EXACT_DIGITS:  # type: ignore[arg-type]
            self.notes.note(
                row,
                column,
                msg(
                    "单元格 {cell} 是超过 {digits} 位的数字，Excel 只保存前 {digits} 位"
                    "（读作 {text}）；身份证号等长数字请把单元格设为“文本”后重新输入",
                    cell=where,
                    digits=EXACT_DIGITS,
                    text=text,
                ),
            )
        return text


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _format_code(cell: object) -> str:
    """The cell's format; Chinese Excel's built-in ids (not stored in the file) included."""
    style = getattr(cell, "_style", None)  # openpyxl leaves ids it does not know as "General"
    builtin = getattr(style, "numFmtId", None)
    if isinstance(builtin, int) and builtin in CJK_BUILTIN:
        return CJK_BUILTIN[builtin]
    code = getattr(cell, "number_format", None)
    return code if isinstance(code, str) else "General"


def _short(text: str) -> str:
    return text if len(text) <= 12 else text[:12] + "…"
