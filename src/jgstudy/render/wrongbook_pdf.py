"""The 错题本 as a PDF for printing: every question with its answer and 解析, the cadre's
wrong-answer history and note. Every text is escaped: a stem holding ``<b>`` prints as typed."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from jgstudy.core.wrongsheet import WrongEntry, write_wrong_xlsx
from jgstudy.render.fonts import css_families
from jgstudy.render.pdf_document import write_html_pdf

WRONGBOOK_FORMATS = ("pdf", "xlsx")
STYLE = """
body {{ font-family: {families}; font-size: 10pt; color: #222; }}
h1 {{ font-size: 16pt; margin-bottom: 2pt; }}
h2 {{ font-size: 11pt; margin-top: 12pt; margin-bottom: 2pt; }}
p {{ margin-top: 2pt; margin-bottom: 2pt; }}
.muted {{ color: #666666; }}
"""


class UnknownWrongbookFormat(ValueError):
    """The file name's extension is neither .pdf nor .xlsx."""


def save_wrongbook(entries: Sequence[WrongEntry], path: Path, title: str) -> str:
    """Write the 错题本 as .pdf or .xlsx (by the extension); returns the format."""
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in WRONGBOOK_FORMATS:
        raise UnknownWrongbookFormat(f"错题本只能导出为 .pdf 或 .xlsx：{path.name}")
    if fmt == "pdf":
        write_html_pdf(wrongbook_html(entries, title), path, title, point_size=10)
    else:
        write_wrong_xlsx(entries, path, title)
    return fmt


def wrongbook_html(entries: Sequence[WrongEntry], title: str) -> str:
    parts = [
        f"<html><head><style>{STYLE.format(families=css_families())}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="muted">共 {len(entries)} 题</p>',
    ]
    for entry in entries:
        parts += _entry(entry)
    parts.append("</body></html>")
    return "".join(parts)


def _entry(entry: WrongEntry) -> list[str]:
    stem, *options = entry.question.split("\n")
    lines = [f"<h2>{entry.number}．【{html.escape(entry.kind)}】{html.escape(stem)}</h2>"]
    lines += [f"<p>{html.escape(option)}</p>" for option in options]
    lines.append(f"<p><b>正确答案：</b>{html.escape(entry.answer)}</p>")
    lines.append(f"<p><b>解析：</b>{html.escape(entry.explanation)}</p>")
    history = f"答错 {entry.wrong_count} 次"
    if entry.last_wrong:
        history += f"，最近一次 {entry.last_wrong}，当时答：{entry.last_answer}"
    lines.append(f'<p class="muted">{html.escape(history)}</p>')
    if entry.note:
        lines.append(f'<p class="muted">笔记：{html.escape(entry.note)}</p>')
    return lines
