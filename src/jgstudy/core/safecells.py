"""Spreadsheet cells that cannot run as formulas (CSV/formula injection), and the way back.

A text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken for a formula
by Excel, WPS and LibreOffice when a file is opened. The rule, used by every export and undone by
every import:

* CSV: such a text is written with a leading apostrophe ``'``.
* xlsx: the cell is stored as a *string* (never a formula) with Excel's "quote prefix" style, so no
  apostrophe is needed and the cell shows the text exactly.
* In both, a text that itself begins with an apostrophe gets one more, so that reading back is
  unambiguous: :func:`restore` removes one leading apostrophe when the next character is one of
  the characters above or another apostrophe, and leaves every other text alone.
"""

from __future__ import annotations

from openpyxl.cell.cell import Cell

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
QUOTE = "'"


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula."""
    return text[:1] in FORMULA_TRIGGERS


def csv_text(text: str) -> str:
    """``text`` as a CSV field that no spreadsheet evaluates."""
    if looks_like_formula(text) or text.startswith(QUOTE):
        return QUOTE + text
    return text


def xlsx_text(text: str) -> str:
    """``text`` as stored in an xlsx string cell (only a leading apostrophe needs escaping)."""
    return QUOTE + text if text.startswith(QUOTE) else text


def restore(text: str) -> str:
    """Undo :func:`csv_text` or :func:`xlsx_text` on a value read from a cell."""
    if len(text) >= 2 and text[0] == QUOTE and (text[1] == QUOTE or looks_like_formula(text[1:])):
        return text[1:]
    return text


def set_text(cell: Cell, text: str) -> None:
    """Store ``text`` in an openpyxl cell as a plain string, never as a formula."""
    cell.value = xlsx_text(text)
    cell.data_type = "s"  # openpyxl marks any "=…" value as a formula; force a string
    if looks_like_formula(text):
        cell.quotePrefix = True  # Excel keeps it text even after the user edits the cell
