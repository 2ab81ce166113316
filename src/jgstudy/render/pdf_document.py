"""An HTML document painted onto A4 PDF pages with a footer: the one PDF writer of the renderers.

The page is a QTextDocument (every value escaped by the caller), paginated by the document itself
and painted page by page onto a QPdfWriter, with "title 第 n 页 / 共 m 页" at the foot of each.
Needs a QGuiApplication: :func:`ensure_app` creates one when the caller (the CLI) has none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from jgstudy.render.fonts import fix_to_unicode, radical_ideographs, report_font

RESOLUTION_DPI = 300
MARGIN_MM = 15
FOOTER_MM = 8
_app: QGuiApplication | None = None


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (kept alive by this module)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    _app = QGuiApplication([])
    return _app


def write_html_pdf(
    html: str,
    path: Path,
    title: str,
    *,
    prepare: Callable[[QTextDocument], object] | None = None,
    point_size: float = 9,
) -> None:
    """Write ``html`` as an A4 PDF with the CJK font embedded.

    ``prepare`` is called with the document before it is set up (e.g. to register charts).
    """
    ensure_app()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("jgstudy 机关学习")
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(report_font(point_size))
    keep = prepare(document) if prepare is not None else None
    if keep is None:
        document.setHtml(html)
    footer = FOOTER_MM * RESOLUTION_DPI / 25.4
    page = QSizeF(writer.width(), writer.height() - footer)
    document.setPageSize(page)
    _paint(writer, document, page, title)
    del keep, document  # before the writer, which their layout points to
    del writer  # closes the file
    fonts = (report_font(point_size), report_font(point_size, bold=True))
    path.write_bytes(fix_to_unicode(path.read_bytes(), radical_ideographs(fonts)))


def _paint(writer: QPdfWriter, document: QTextDocument, page: QSizeF, title: str) -> None:
    painter = QPainter(writer)
    try:
        pages = document.pageCount()
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(
                painter, QRectF(0, index * page.height(), page.width(), page.height())
            )
            painter.restore()
            _footer(
                painter,
                QRectF(0, page.height(), page.width(), writer.height() - page.height()),
                f"{title}　第 {index + 1} 页 / 共 {pages} 页",
            )
    finally:
        painter.end()


def _footer(painter: QPainter, rect: QRectF, line: str) -> None:
    painter.setFont(report_font(7.5))  # the painter's own font would fall back to Japanese
    painter.setPen(QColor("#777777"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, line)
