"""What every reader produces: questions as plain dicts with the row they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jgstudy.core.text import msg


@dataclass(frozen=True)
class RowProblem:
    """A problem or notice about one row (or line) of a file; ``row`` None means the whole file.

    ``sheet`` names the worksheet of a workbook (None for text files and single-sheet sources).
    """

    file: Path
    row: int | None
    message: str
    column: int | None = None
    sheet: str | None = None

    def place(self) -> str:
        """Where, as a trainer reads it: ``工作表“题目”第 5 行`` or ``第 5 行``; "" for the file."""
        return place(self.row, self.column, self.sheet)

    def __str__(self) -> str:
        where = str(self.file)
        if self.sheet:
            where = msg("{file}（工作表“{sheet}”）", file=where, sheet=self.sheet)
        if self.row is not None:
            where += f":{self.row}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def place(row: int | None, column: int | None = None, sheet: str | None = None) -> str:
    """``工作表“题目”第 5 行第 2 列``, ``第 5 行``, ``工作表“题目”`` or "" (a :class:`Msg`)."""
    if row is None:
        return msg("工作表“{sheet}”", sheet=sheet) if sheet else ""
    if column is None:
        if sheet:
            return msg("工作表“{sheet}”第 {row} 行", sheet=sheet, row=row)
        return msg("第 {row} 行", row=row)
    if sheet:
        return msg("工作表“{sheet}”第 {row} 行第 {column} 列", sheet=sheet, row=row, column=column)
    return msg("第 {row} 行第 {column} 列", row=row, column=column)


@dataclass
class Entry:
    """One question as read from a row or a text block, before validation.

    Attributes:
        row: the spreadsheet row or text line, as the trainer sees it in their editor.
        sheet: the worksheet the row is on (None for text files).
        data: the question as a bank file would hold it (no ``id`` when the file has none).
        problems: what the reader already found wrong, worded for the trainer.
        reported: fields whose problems are in ``problems``; the model's own complaints about
            them would only repeat the same thing less clearly.
        warnings: things the reader ignored or filled in.
    """

    row: int
    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None

    def fail(self, fieldname: str, message: str) -> None:
        self.problems.append(message)
        self.reported.add(fieldname)


@dataclass
class Parsed:
    """A whole input file read: its questions, bank information if any, and what went wrong."""

    entries: list[Entry] = field(default_factory=list)
    header: dict[str, Any] = field(default_factory=dict)
    header_rows: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    has_ids: bool = False  # the source names ids on purpose (an 编号 column, GIFT [id:…])


@dataclass
class Rendered:
    """A bank written in some format.

    Attributes:
        data: the file's bytes.
        count: how many questions the file holds.
        skipped: ids of questions the format cannot hold, by the reason (a problem each).
        notices: what the format could not keep of the questions it does hold.
    """

    data: bytes
    count: int
    skipped: dict[str, list[str]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
