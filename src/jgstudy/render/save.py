"""Writing a report in the format its file asks for: the one place that chooses the writer.

xlsx and csv are written by the core; PDF needs Qt, which is imported only when a PDF is asked
for (the CLI writes spreadsheets without loading Qt).
"""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.reports import Report, report_format


def save_report(report: Report, path: Path, fmt: str | None = None) -> str:
    """Write ``report`` as xlsx, csv or pdf (``fmt``, else the extension); returns the format.

    Raises:
        UnknownFormat: when neither ``fmt`` nor the extension names a format.
    """
    chosen = report_format(path, fmt)
    if chosen == "pdf":
        from jgstudy.render.pdf_report import write_pdf

        write_pdf(report, path)
    elif chosen == "xlsx":
        from jgstudy.core.reports.xlsx import write_xlsx

        write_xlsx(report, path)
    else:
        from jgstudy.core.reports.csv_out import write_csv

        write_csv(report, path)
    return chosen
