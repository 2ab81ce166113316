"""Exported cells never run as formulas, and reading them back gives the original text."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from jgstudy.core.safecells import csv_text, restore, set_text, xlsx_text

TEXTS = ["=SUM(A1)", "+86", "-5", "@all", "\tx", "'quoted", "''=x", "'=x", "普通文字", "", "'"]


@pytest.mark.parametrize("text", TEXTS)
def test_csv_and_xlsx_escapes_are_undone_exactly(text: str) -> None:
    assert restore(csv_text(text)) == text
    assert restore(xlsx_text(text)) == text


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1"])
def test_csv_fields_never_start_like_a_formula(text: str) -> None:
    assert csv_text(text).startswith("'")


def test_restore_leaves_a_trainers_own_apostrophe_alone() -> None:
    assert restore("'二〇二五") == "'二〇二五"


def test_xlsx_cell_holds_formula_like_text_as_a_string() -> None:
    sheet = Workbook().active
    assert sheet is not None
    cell = sheet.cell(1, 1)
    assert isinstance(cell, Cell)
    set_text(cell, '=HYPERLINK("http://x")')
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.quotePrefix
