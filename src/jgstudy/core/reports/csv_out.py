"""The per-cadre table as CSV, for trainers who paste figures into their own templates.

Written as UTF-8 *with* a byte-order mark: Excel on Chinese Windows reads a CSV without one as
GBK and shows the names as mojibake. Numbers are written as Excel would show them (``85.0%``,
``85.0``), and every text that a spreadsheet could run as a formula is neutralised.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from jgstudy.core.reports.columns import Kind, Value, cadre_columns, text
from jgstudy.core.reports.data import Report
from jgstudy.core.safecells import csv_text

ENCODING = "utf-8-sig"


def _cell(value: Value, kind: Kind, report: Report) -> str:
    if isinstance(value, datetime):
        value = report.local(value)
    shown = text(value, kind)
    # Only free text is neutralised: a formatted number such as -0.25 must stay a number.
    return csv_text(shown) if isinstance(value, str) else shown


def write_csv(report: Report, path: Path) -> None:
    """Write one row per cadre (the 学员 sheet of the workbook) to ``path``."""
    with path.open("w", encoding=ENCODING, newline="") as file:
        writer = csv.writer(file)
        columns = cadre_columns(report.filters.rank_cadres)
        writer.writerow([c.header for c in columns])
        for cadre in report.cadres:
            writer.writerow([_cell(c.value(cadre), c.kind, report) for c in columns])
