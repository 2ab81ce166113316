"""CSV files in the spreadsheet template, as Excel and WPS save them.

Encoding: UTF-8 (with or without BOM), GB18030/GBK or UTF-16, see
:func:`jgstudy.core.convert.textfiles.decode`. Delimiter: whichever of comma, tab and semicolon
the header line uses most.
Row numbers count records, header included, so they match the row numbers Excel shows even when a
cell holds a line break.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from jgstudy.core.convert.columns import EXPORT_LABELS, Col, map_headers
from jgstudy.core.convert.entries import Parsed, RowProblem
from jgstudy.core.convert.rows import question_to_row
from jgstudy.core.convert.table import HEADER_SEARCH_ROWS, read_table
from jgstudy.core.convert.textfiles import read_text
from jgstudy.core.model import Bank
from jgstudy.core.safecells import csv_text
from jgstudy.core.text import msg

_DELIMITERS = (",", "\t", ";")


def sniff_delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=first_line.count)


def looks_like_table(text: str) -> bool:
    """A header row naming a 题干 column within the first lines (e.g. Excel's "Unicode 文本")."""
    for record in text.split("\n")[:HEADER_SEARCH_ROWS]:
        cells = record.split(sniff_delimiter(record))
        if len(cells) > 2 and Col.STEM in map_headers(cells).columns:
            return True
    return False


def read_csv(file: Path) -> Parsed:
    """Questions of a CSV file (CSV has no room for bank information)."""
    parsed = Parsed()
    text = read_text(file, parsed)
    if text is None:
        return parsed
    try:
        read_table(file, _records(text), parsed)
    except csv.Error as exc:
        parsed.problems.append(RowProblem(file, None, msg("CSV 格式错误：{error}", error=str(exc))))
    return parsed


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    yield from enumerate(reader, start=1)


def write_csv(bank: Bank) -> bytes:
    """The bank's questions as CSV (UTF-8 with BOM, which Excel opens correctly)."""
    columns = list(EXPORT_LABELS)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([EXPORT_LABELS[c] for c in columns])
    for question in bank.questions:
        cells = question_to_row(question)
        writer.writerow(
            [csv_text(v) if isinstance(v, str) else v for v in (cells.get(c, "") for c in columns)]
        )
    return buffer.getvalue().encode("utf-8-sig")
