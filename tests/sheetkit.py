"""Workbooks shaped like the ones trainers really have (the 考试宝 template and hand-made sheets).

The template's header cells hold line breaks and bracketed notes, a merged 导入须知 row sits above
them, a 版本号 sheet follows, and Chinese Excel stores its own date formats only as built-in ids
(57 = yyyy"年"m"月", 58 = m"月"d"日", 31 = yyyy"年"m"月"d"日") that it does not write into the file.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

TEMPLATE_HEADER = [
    "题干（必填）",
    "题型 （必填）",
    "选项 A",
    "选项 B",
    "选项C",
    "选项D",
    "选项E\n(勿删)",
    "选项F\n(勿删)",
    "选项G\n(勿删)",
    "选项H\n(勿删)",
    "正确答案\n（必填）",
    "解析\n（勿删）",
    "章节\n（勿删）",
    "难度",
]
INSTRUCTIONS = (
    "导入须知：\n1、题干、题型、正确答案为必填项；\n2、题型可填：单选、多选、判断、填空、简答；"
    "\n3、难度可填：简单、适中、困难；\n4、请勿删除或修改表头。"
)
# Chinese Excel's built-in date formats, by the custom code openpyxl writes for them.
CJK_IDS = {'yyyy"年"m"月"': 57, 'm"月"d"日"': 58, 'yyyy"年"m"月"d"日"': 31}


def template_sheet(ws: Worksheet, rows: Sequence[Sequence[object]]) -> None:
    """The 考试宝 layout: merged instructions in row 1, the header in row 2, questions below."""
    ws.cell(1, 1, INSTRUCTIONS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TEMPLATE_HEADER))
    for column, text in enumerate(TEMPLATE_HEADER, start=1):
        ws.cell(2, column, text)
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            if value is not None and value != "":
                ws.cell(r, c, value)


def version_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet("版本号")
    ws["A1"] = "版本号"
    ws["B1"] = "V3.2"


def save(wb: Workbook, path: Path, *, chinese_formats: bool = True) -> Path:
    """Save; with ``chinese_formats`` the CJK date formats become built-in ids as Excel writes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    if chinese_formats:
        data = _builtin_ids(data)
    path.write_bytes(data)
    return path


def _builtin_ids(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    styles = source.read("xl/styles.xml").decode()
    for code, builtin in CJK_IDS.items():
        escaped = code.replace('"', "&quot;")
        found = re.search(
            rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(escaped)}"\s*/>', styles
        )
        if found:
            styles = styles.replace(found.group(0), "")
            styles = styles.replace(f'numFmtId="{found.group(1)}"', f'numFmtId="{builtin}"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = styles.encode() if item.filename == "xl/styles.xml" else source.read(item)
            target.writestr(item, body)
    return out.getvalue()


def tiny_png() -> bytes:
    """A 1x1 PNG, enough for openpyxl to embed as a picture."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
