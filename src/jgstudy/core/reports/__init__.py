"""Trainers' reports: figures per cadre, per question and per unit, and their xlsx/csv writers.

Build with :func:`build_report` (pure, may run on a worker thread), then write the result with
:func:`jgstudy.core.reports.xlsx.write_xlsx` or :func:`jgstudy.core.reports.csv_out.write_csv`;
the PDF writer lives in :mod:`jgstudy.render.pdf_report` because it needs Qt.
"""

from jgstudy.core.reports.data import (
    CHINA_TZ,
    DEFAULT_MIN_ANSWERS,
    Report,
    ReportFilter,
    Summary,
    build_report,
)
from jgstudy.core.reports.formats import FORMATS, report_format

__all__ = [
    "CHINA_TZ",
    "DEFAULT_MIN_ANSWERS",
    "FORMATS",
    "Report",
    "ReportFilter",
    "Summary",
    "build_report",
    "report_format",
]
