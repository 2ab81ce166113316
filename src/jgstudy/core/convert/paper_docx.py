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
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from jgstudy.core.convert import syntax, words
from jgstudy.core.convert.paper_lines import Line, LineBuilder
from jgstudy.core.convert.paper_numbering import AutoNumbers
from jgstudy.core.text import msg

_DRAWING, _PICT = qn("w:drawing"), qn("w:pict")
_RUN, _VAL = qn("w:r"), qn("w:val")
_NOT_TEXT = {qn(tag) for tag in ("w:pPr", "w:del", "w:moveFrom", "w:rPr", "w:sdtPr")}
_RED = 0xC0
_DARK = 0x60
_COLUMNS = words.PAPER_COLUMNS
_OPTION_COLUMN = re.compile(words.PAPER_OPTION_COLUMN)


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
            place = msg("第 {number} 段", number=number)
            lines.extend(_paragraph(item, number, place, numbers.prefix(item)))
        else:
            lines.extend(_table(item, counter, next(tables)))
    return lines


def _paragraph(paragraph: Paragraph, number: int, place: str = "", prefix: str = "") -> list[Line]:
    builder = LineBuilder(number, place)
    builder.add(prefix)
    # Formatting is read from the run's own XML: python-docx's properties cost an XPath each.
    for run in _runs(paragraph):
        properties = run._r.rPr
        builder.add(run.text, strong=_strong(properties), under=_underlined(properties))
    builder.picture = next(paragraph._p.iter(_DRAWING, _PICT), None) is not None
    return builder.lines()


def _runs(paragraph: Paragraph) -> Iterator[Run]:
    """The paragraph's runs in order, also those inside hyperlinks, tracked insertions (w:ins),
    smart tags and content controls — but not deleted text.

    Walked directly: python-docx's ``iter_inner_content`` evaluates an XPath per paragraph (the
    slowest step of reading a paper) and leaves out runs inside w:ins and content controls.
    """
    yield from _runs_in(paragraph._p, paragraph)


def _runs_in(element: Any, paragraph: Paragraph) -> Iterator[Run]:
    for child in element:
        if child.tag == _RUN:
            yield Run(child, paragraph)
        elif child.tag not in _NOT_TEXT:
            yield from _runs_in(child, paragraph)


def _strong(properties: Any) -> bool:
    """Bold, red or highlighted, as set on the run (w:rPr) itself."""
    if properties is None:
        return False
    return (
        _on(properties, "w:b")
        or _red(properties)
        or _value(properties, "w:highlight")
        not in (
            None,
            "none",
        )
    )


def _underlined(properties: Any) -> bool:
    return properties is not None and _value(properties, "w:u") not in (None, "none")


def _on(properties: Any, tag: str) -> bool:
    element = properties.find(qn(tag))
    return element is not None and element.get(_VAL, "true") not in ("0", "false", "off")


def _value(properties: Any, tag: str) -> str | None:
    element = properties.find(qn(tag))
    return None if element is None else str(element.get(_VAL, ""))


def _red(properties: Any) -> bool:
    value = _value(properties, "w:color") or ""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return False
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return red >= _RED and green < _DARK and blue < _DARK


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
        place = msg("表 {table} 第 {row} 行", table=table_number, row=index)
        lines.extend(_plain_row(cells, counter, place))
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
        place = msg("表 {table} 第 {row} 行", table=table, row=index)
        digits = fields["number"].text.strip() if "number" in fields else ""
        qtype = fields["type"].text.strip() if "type" in fields else ""
        prefix = words.numbered(digits if digits.isdigit() else index - 1) + words.type_mark(qtype)
        lines.extend(_cell_lines(stem, counter, place, prefix))
        lines.extend(_option_lines(fields, counter, place))
        for name, label in (("answer", words.ANSWER_LABEL), ("explain", words.EXPLANATION_LABEL)):
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
            lines.extend(_cell_lines(cell, counter, place, words.option_mark(key)))
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
        prefix, cells, texts = words.numbered(texts[0]), cells[1:], texts[1:]
    answer = ""
    if len(cells) >= 2 and _answer_like(texts[-1]):
        answer, cells = texts[-1], cells[:-1]
    lines: list[Line] = []
    for index, cell in enumerate(cells):
        lines.extend(_cell_lines(cell, counter, place, prefix if index == 0 else ""))
    if answer:
        lines.append(Line(next(counter), words.ANSWER_LABEL + answer, place=place))
    return lines


def _answer_like(text: str) -> bool:
    return syntax.parse_choice(text) is not None or syntax.parse_judge(text) is not None


_FULL = words.FULL_WIDTH_LETTERS
