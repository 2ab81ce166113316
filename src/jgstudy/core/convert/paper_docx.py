"""The lines of a Word (.docx) paper: body paragraphs and tables, with run formatting.

Headers, footers, footnotes and text boxes are not part of the body and are not read. A table
whose first row names columns (题干, 选项A…, 答案, 解析, 题型, 题号) holds one question per row and is
written out as the lines a paper would have; any other table is read cell by cell, row by row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.enum.text import WD_UNDERLINE
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from jgstudy.core.convert import syntax
from jgstudy.core.convert.paper_lines import Line, LineBuilder
from jgstudy.core.convert.paper_numbering import AutoNumbers

_RED = 0xC0
_DARK = 0x60
_COLUMNS = {
    "number": ("题号", "序号", "编号"),
    "type": ("题型", "类型", "题目类型"),
    "stem": ("题干", "题目", "试题", "题目内容", "问题", "试题内容"),
    "answer": ("答案", "正确答案", "参考答案", "标准答案"),
    "explain": ("解析", "答案解析", "试题解析"),
}
_OPTION_COLUMN = re.compile(r"^(?:选项)?\s*[(（]?\s*([A-HＡ-Ｈ])\s*[)）]?$")


def docx_lines(file: Path) -> list[Line]:
    """Every paragraph of the body, tables included, numbered from the top."""
    document = docx.Document(str(file))
    numbers = AutoNumbers.of(document)
    counter = itertools.count(1)
    tables = itertools.count(1)
    lines: list[Line] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            number = next(counter)
            place = f"第 {number} 段"
            lines.extend(_paragraph(item, number, place, numbers.prefix(item)))
        else:
            lines.extend(_table(item, counter, next(tables)))
    return lines


def _paragraph(paragraph: Paragraph, number: int, place: str = "", prefix: str = "") -> list[Line]:
    builder = LineBuilder(number, place)
    builder.add(prefix)
    for run in _runs(paragraph):
        builder.add(run.text, strong=_strong(run), under=_underlined(run))
        builder.picture = builder.picture or bool(run._r.xpath(".//w:drawing | .//w:pict"))
    return builder.lines()


def _runs(paragraph: Paragraph) -> Iterator[Run]:
    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            yield item
        else:  # a hyperlink: its text is part of the paragraph
            yield from item.runs


def _strong(run: Run) -> bool:
    color = run.font.color
    red = False
    if color is not None and color.type is not None and color.rgb is not None:
        rgb = color.rgb
        red = rgb[0] >= _RED and rgb[1] < _DARK and rgb[2] < _DARK
    return bool(run.bold) or red or run.font.highlight_color is not None


def _underlined(run: Run) -> bool:
    value = run.underline
    return value is not None and value is not False and value != WD_UNDERLINE.NONE


def _cells(row_cells: list[_Cell]) -> list[_Cell]:
    # A merged cell is returned once per grid column it spans: read it once.
    seen: set[int] = set()
    unique = []
    for cell in row_cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _table(table: Table, counter: Iterator[int], table_number: int) -> list[Line]:
    rows = [_cells(list(row.cells)) for row in table.rows]
    if not rows:
        return []
    columns = _header(rows[0])
    if columns is not None:
        return _question_rows(rows[1:], columns, counter, table_number)
    lines: list[Line] = []
    for index, cells in enumerate(rows, start=1):
        lines.extend(_plain_row(cells, counter, f"表 {table_number} 第 {index} 行"))
    return lines


def _header(cells: list[_Cell]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = re.sub(r"[\s*]|[（(][^）)]*[)）]$", "", cell.text)
        option = _OPTION_COLUMN.match(name)
        if option:
            columns["option" + option.group(1).translate(_FULL)] = index
        for field, names in _COLUMNS.items():
            if name in names:
                columns.setdefault(field, index)
    return columns if "stem" in columns and "answer" in columns else None


def _question_rows(
    rows: list[list[_Cell]], columns: dict[str, int], counter: Iterator[int], table: int
) -> list[Line]:
    lines: list[Line] = []
    for index, cells in enumerate(rows, start=2):
        fields = {name: cells[at] for name, at in columns.items() if at < len(cells)}
        stem = fields.get("stem")
        if stem is None or not stem.text.strip():
            continue
        place = f"表 {table} 第 {index} 行"
        digits = fields["number"].text.strip() if "number" in fields else ""
        qtype = fields["type"].text.strip() if "type" in fields else ""
        prefix = f"{digits if digits.isdigit() else index - 1}、" + (
            f"【{qtype}】" if qtype else ""
        )
        lines.extend(_cell_lines(stem, counter, place, prefix))
        lines.extend(_option_lines(fields, counter, place))
        for name, label in (("answer", "答案："), ("explain", "解析：")):
            if name in fields and fields[name].text.strip():
                lines.extend(_cell_lines(fields[name], counter, place, label))
    return lines


def _option_lines(fields: dict[str, _Cell], counter: Iterator[int], place: str) -> list[Line]:
    # Empty option columns after the last filled one are the template's spare E–H.
    found = [(key, fields.get("option" + key)) for key in "ABCDEFGH"]
    filled = [key for key, cell in found if cell is not None and cell.text.strip()]
    lines: list[Line] = []
    for key, cell in found:
        if cell is not None and filled and key <= filled[-1]:
            lines.extend(_cell_lines(cell, counter, place, f"{key}．"))
    return lines


def _cell_lines(cell: _Cell, counter: Iterator[int], place: str, prefix: str = "") -> list[Line]:
    lines: list[Line] = []
    for index, paragraph in enumerate(cell.paragraphs):
        lines.extend(_paragraph(paragraph, next(counter), place, prefix if index == 0 else ""))
    return lines


def _plain_row(cells: list[_Cell], counter: Iterator[int], place: str) -> list[Line]:
    texts = [c.text.strip() for c in cells]
    prefix = ""
    if len(cells) >= 2 and texts[0].isdigit():
        prefix, cells, texts = f"{texts[0]}、", cells[1:], texts[1:]
    answer = ""
    if len(cells) >= 2 and _answer_like(texts[-1]):
        answer, cells = texts[-1], cells[:-1]
    lines: list[Line] = []
    for index, cell in enumerate(cells):
        lines.extend(_cell_lines(cell, counter, place, prefix if index == 0 else ""))
    if answer:
        lines.append(Line(next(counter), "答案：" + answer, place=place))
    return lines


def _answer_like(text: str) -> bool:
    return syntax.parse_choice(text) is not None or syntax.parse_judge(text) is not None


_FULL = str.maketrans("ＡＢＣＤＥＦＧＨ", "ABCDEFGH")
