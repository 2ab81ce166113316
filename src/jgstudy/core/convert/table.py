"""Rows of text cells (from xlsx or CSV) to entries: find the header, map it, read each row."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jgstudy.core.convert.columns import (
    EXPORT_LABELS,
    REQUIRED_SHOWN,
    SEQ_LABEL,
    Col,
    HeaderMap,
    map_headers,
)
from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.rows import row_to_entry
from jgstudy.core.safecells import restore
from jgstudy.core.text import join, msg

HEADER_SEARCH_ROWS = 10  # templates often put a title or instructions above the header
MAX_ROWS = 100_000
REQUIRED = (Col.STEM, Col.TYPE, Col.ANSWER)

Rows = Iterable[tuple[int, list[str]]]


def cell_text(raw: str) -> str:
    """A cell's text as a question holds it: trimmed, Windows line ends folded, apostrophe undone."""
    return restore(raw.replace("\r\n", "\n").strip())


@dataclass
class CellNotes:
    """What a reader noticed about single cells, by row and 0-based column.

    ``notes`` matter only when the column is read (a date shown as text, a formula…); ``losses``
    are always reported (a picture in the row is lost whatever column it sits in).
    """

    notes: dict[int, dict[int, str]] = field(default_factory=dict)  # row → column → note
    losses: dict[int, list[str]] = field(default_factory=dict)
    # Columns a merged range filled in (row → columns): such text alone does not make a question.
    filled: dict[int, set[int]] = field(default_factory=dict)

    def note(self, row: int, column: int, text: str) -> None:
        self.notes.setdefault(row, {})[column] = text


def read_table(
    file: Path,
    rows: Rows,
    parsed: Parsed,
    *,
    sheet: str | None = None,
    cells: CellNotes | None = None,
    need_header: bool = True,
) -> bool:
    """Add the entries of ``rows`` (numbered as the spreadsheet shows them) to ``parsed``.

    Returns False when no header was found (a problem is recorded only with ``need_header``).
    """
    iterator = iter(rows)
    found = _find_header(iterator)
    if found is None:
        if need_header:
            message = msg(
                "前 {count} 行中找不到表头（应有{columns}等列）",
                count=HEADER_SEARCH_ROWS,
                columns=REQUIRED_SHOWN,
            )
            parsed.problems.append(RowProblem(file, 1, message, sheet=sheet))
        return False
    header_row, mapping = found
    place = _Place(file, sheet)
    _header_notices(place, header_row, mapping, parsed)
    if any(col not in mapping.columns for col in REQUIRED):
        return True
    notes = cells or CellNotes()
    used = set(mapping.columns.values())
    entries: list[Entry] = []
    for row, values in iterator:
        if row > MAX_ROWS:
            parsed.problems.append(
                place.at(row, msg("超过 {count} 行，其余行未读取", count=MAX_ROWS))
            )
            break
        texts = {
            col: cell_text(values[i]) if i < len(values) else ""
            for col, i in mapping.columns.items()
        }
        invisible = _drop_invisible(texts)
        entry = row_to_entry(row, texts) if _own_text(texts, mapping, notes, row) else None
        losses = notes.losses.get(row, [])
        if entry is None:
            parsed.warnings.extend(place.at(row, loss) for loss in losses)
            continue
        entry.sheet = sheet
        entry.warnings.extend(invisible)
        row_notes = notes.notes.get(row, {})
        entry.warnings.extend(n for c, n in sorted(row_notes.items()) if c in used)
        entry.warnings.extend(losses)
        entries.append(entry)
    _running_numbers(place, header_row, mapping, entries, parsed)
    parsed.entries.extend(entries)
    return True


def _own_text(texts: dict[Col, str], mapping: HeaderMap, notes: CellNotes, row: int) -> bool:
    """True when the row has text of its own: not only a 题号, not only a merged range's text."""
    filled = notes.filled.get(row, set())
    return any(
        text and col is not Col.SEQ and mapping.columns[col] not in filled
        for col, text in texts.items()
    )


_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def _drop_invisible(texts: dict[Col, str]) -> list[str]:
    """Remove zero-width characters (pasted from web pages); a notice per column."""
    notices: list[str] = []
    for col, text in texts.items():
        if _INVISIBLE.search(text):
            texts[col] = _INVISIBLE.sub("", text)
            column = EXPORT_LABELS.get(col, col)
            notices.append(msg("“{column}”含有不可见的零宽字符，已删除", column=column))
    return notices


@dataclass(frozen=True)
class _Place:
    file: Path
    sheet: str | None

    def at(self, row: int, message: str) -> RowProblem:
        return RowProblem(self.file, row, message, sheet=self.sheet)


def _running_numbers(
    place: _Place, row: int, mapping: HeaderMap, entries: list[Entry], parsed: Parsed
) -> None:
    """Drop ids that are only running numbers (1, 2, 3…): a renumbering must not move history."""
    if Col.SEQ in mapping.columns:
        message = msg(
            "“{column}”列只是顺序号，不作为题目编号（插入新题、重新编号不影响学员的作答记录）",
            column=SEQ_LABEL,
        )
        parsed.warnings.append(place.at(row, message))
    ids = [e.data["id"] for e in entries if "id" in e.data]
    if ids and all(str(i).isdigit() for i in ids):
        for entry in entries:
            entry.data.pop("id", None)
        message = msg(
            "“{column}”列全是数字顺序号，不作为题目编号；题目按题干对应（重新编号不影响作答记录）",
            column=EXPORT_LABELS[Col.ID],
        )
        parsed.warnings.append(place.at(row, message))
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


def _header_notices(place: _Place, row: int, mapping: HeaderMap, parsed: Parsed) -> None:
    if mapping.unknown:
        shown = join("、", (h.replace("\n", "") for h in mapping.unknown))
        parsed.warnings.append(place.at(row, msg("未识别的列：{columns}（已忽略）", columns=shown)))
    if mapping.repeated:
        shown = join("、", (h.replace("\n", "") for h in mapping.repeated))
        message = msg("重复的列：{columns}（只使用同名的第一列）", columns=shown)
        parsed.warnings.append(place.at(row, message))
    missing = [EXPORT_LABELS[col] for col in REQUIRED if col not in mapping.columns]
    if missing:
        message = msg("缺少必需的列：{columns}，没有读取任何题目", columns=join("、", missing))
        parsed.problems.append(place.at(row, message))
