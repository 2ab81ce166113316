"""Rows of text cells (from xlsx or CSV) to entries: find the header, map it, read each row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from jgstudy.core.convert.columns import EXPORT_LABELS, Col, HeaderMap, map_headers
from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.rows import row_to_entry
from jgstudy.core.safecells import restore

HEADER_SEARCH_ROWS = 10  # templates often put a title or instructions above the header
MAX_ROWS = 100_000
REQUIRED = (Col.STEM, Col.TYPE, Col.ANSWER)

Rows = Iterable[tuple[int, list[str]]]


def cell_text(raw: str) -> str:
    """A cell's text as a question holds it: trimmed, Windows line ends folded, apostrophe undone."""
    return restore(raw.replace("\r\n", "\n").strip())


def read_table(file: Path, rows: Rows, parsed: Parsed) -> None:
    """Add the entries of ``rows`` (numbered as the spreadsheet shows them) to ``parsed``."""
    iterator = iter(rows)
    found = _find_header(iterator)
    if found is None:
        message = f"前 {HEADER_SEARCH_ROWS} 行中找不到表头（应有“题干”“题型”“正确答案”等列）"
        parsed.problems.append(RowProblem(file, 1, message))
        return
    header_row, mapping = found
    _header_notices(file, header_row, mapping, parsed)
    if any(col not in mapping.columns for col in REQUIRED):
        return
    entries: list[Entry] = []
    for row, values in iterator:
        if row > MAX_ROWS:
            parsed.problems.append(RowProblem(file, row, f"超过 {MAX_ROWS} 行，其余行未读取"))
            break
        cells = {
            col: cell_text(values[i]) if i < len(values) else ""
            for col, i in mapping.columns.items()
        }
        entry = row_to_entry(row, cells)
        if entry is not None:
            entries.append(entry)
    _running_numbers(file, header_row, mapping, entries, parsed)
    parsed.entries.extend(entries)


def _running_numbers(
    file: Path, row: int, mapping: HeaderMap, entries: list[Entry], parsed: Parsed
) -> None:
    """Drop ids that are only running numbers (1, 2, 3…): a renumbering must not move history."""
    if Col.SEQ in mapping.columns:
        message = "“题号”列只是顺序号，不作为题目编号（插入新题、重新编号不影响学员的作答记录）"
        parsed.warnings.append(RowProblem(file, row, message))
    ids = [e.data["id"] for e in entries if "id" in e.data]
    if ids and all(str(i).isdigit() for i in ids):
        for entry in entries:
            entry.data.pop("id", None)
        message = "“编号”列全是数字顺序号，不作为题目编号；题目按题干对应（重新编号不影响作答记录）"
        parsed.warnings.append(RowProblem(file, row, message))
    elif Col.ID in mapping.columns:
        parsed.has_ids = True


def _find_header(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, HeaderMap] | None:
    for row, values in rows:
        mapping = map_headers([cell_text(v) for v in values])
        if Col.STEM in mapping.columns:
            return row, mapping
        if row >= HEADER_SEARCH_ROWS:
            return None
    return None


def _header_notices(file: Path, row: int, mapping: HeaderMap, parsed: Parsed) -> None:
    if mapping.unknown:
        message = f"未识别的列：{'、'.join(mapping.unknown)}（已忽略）"
        parsed.warnings.append(RowProblem(file, row, message))
    if mapping.repeated:
        message = f"重复的列：{'、'.join(mapping.repeated)}（只使用同名的第一列）"
        parsed.warnings.append(RowProblem(file, row, message))
    missing = [EXPORT_LABELS[col] for col in REQUIRED if col not in mapping.columns]
    if missing:
        message = f"缺少必需的列：{'、'.join(missing)}，没有读取任何题目"
        parsed.problems.append(RowProblem(file, row, message))
