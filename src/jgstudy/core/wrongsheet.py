"""错题本 for printing: each question with its options, answer, 解析, the cadre's wrong-answer
history and note; written as xlsx here and as PDF by ``render.wrongbook_pdf``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties

from jgstudy.core.model import QTYPE_LABELS, MultipleQuestion, QType, SingleQuestion, display_stem
from jgstudy.core.model import correct_answer_text as answer_of
from jgstudy.core.records import QuestionRecord
from jgstudy.core.safecells import set_text
from jgstudy.core.workbook import WrongHistory, given_text

HEADERS = ("序号", "题型", "题目", "正确答案", "解析", "答错次数", "最近答错", "上次答案", "笔记")
WIDTHS = (6, 6, 60, 16, 50, 8, 17, 16, 24)


@dataclass(frozen=True)
class WrongEntry:
    """One question of the printed 错题本."""

    number: int
    kind: str
    question: str  # stem and options, one per line
    answer: str
    explanation: str
    wrong_count: int
    last_wrong: str
    last_answer: str
    note: str

    def cells(self) -> tuple[str | int, ...]:
        return (
            self.number, self.kind, self.question, self.answer, self.explanation,
            self.wrong_count, self.last_wrong, self.last_answer, self.note,
        )  # fmt: skip


def wrong_entries(
    records: Sequence[QuestionRecord],
    history: Mapping[int, WrongHistory],
    notes: Mapping[int, str],
    tz: tzinfo,
) -> list[WrongEntry]:
    """The entries in the order given; times in the cadre's local time."""
    entries = []
    for number, record in enumerate(records, 1):
        q = record.question
        lines = [display_stem(q.stem)]
        if isinstance(q, SingleQuestion | MultipleQuestion):
            lines += [f"{k}．{text}" for k, text in q.options.items()]
        past = history.get(record.pk)
        entries.append(
            WrongEntry(
                number=number,
                kind=QTYPE_LABELS[QType(q.type)],
                question="\n".join(lines),
                answer=answer_of(q),
                explanation=q.explanation,
                wrong_count=past.count if past else 0,
                last_wrong=f"{past.last_at.astimezone(tz):%Y-%m-%d %H:%M}" if past else "",
                last_answer=given_text(q, past.last_answer) if past else "",
                note=notes.get(record.pk, ""),
            )
        )
    return entries


def write_wrong_xlsx(entries: Sequence[WrongEntry], path: Path, title: str) -> None:
    """One sheet, one row per question; texts are stored so no spreadsheet runs them."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "错题本"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
    for entry in entries:
        row = sheet.max_row + 1
        for column, value in enumerate(entry.cells(), 1):
            cell = sheet.cell(row=row, column=column)
            assert isinstance(cell, Cell)  # a fresh sheet has no merged cells
            if isinstance(value, int):
                cell.value = value
            else:
                set_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    book.save(path)
