"""Fonts for print: Simplified Chinese families first, and text that copies out of the PDF right.

Without an explicit family list Qt's fallback may pick a Japanese face of the same font
collection (NotoSansCJKjp), which draws several common characters (骨, 直, 这) the Japanese way.
Every QFont that paints text in a report comes from :func:`report_font`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QFont, QRawFont

CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
]
RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = range(0x4E00, 0xA000)
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_CODE = re.compile(rb"<(2[EF][0-9A-F]{2})>")


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    """A report font of ``point_size`` points, CJK SC families first."""
    font = QFont()
    font.setFamilies([*CJK_FAMILIES, "sans-serif"])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def css_families() -> str:
    """The same families for the report's HTML."""
    return ", ".join(f"'{family}'" for family in CJK_FAMILIES)


def radical_ideographs(fonts: Iterable[QFont]) -> dict[int, int]:
    """Radical code points drawn with the same glyph as an ideograph, mapped to that ideograph.

    Noto Sans CJK (Source Han Sans) draws 一 and the Kangxi radical ⼀ with one glyph. Qt's PDF
    writer names each glyph by the *lowest* code point that uses it, so 一, 人, 工, 生, 页 and
    some 270 others would copy out of the PDF (and be searched for) as look-alike radicals.
    """
    ideographs = "".join(map(chr, IDEOGRAPHS))
    radicals = "".join(map(chr, RADICALS))
    mapping: dict[int, int] = {}
    for font in fonts:
        raw = QRawFont.fromFont(font)
        first: dict[int, str] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            first.setdefault(glyph, char)
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
            if glyph and glyph in first:
                mapping.setdefault(ord(char), ord(first[glyph]))
    return mapping


def fix_to_unicode(pdf: bytes, mapping: dict[int, int]) -> bytes:
    """``pdf`` with radicals in its fonts' ToUnicode maps replaced by their ideographs.

    Each ``<2F63>`` becomes ``<751F>``: the same number of bytes, so no offset in the file moves.
    A PDF whose maps are compressed or shaped otherwise is returned unchanged.
    """

    def swap(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % mapping[code] if code in mapping else match.group(0)

    out = bytearray(pdf)
    for number in set(_TO_UNICODE.findall(pdf)):
        start = pdf.find(b"\n" + number + b" 0 obj")
        body = pdf.find(b"stream\n", start)
        end = pdf.find(b"endstream", body)
        if min(start, body, end) < 0:
            continue
        out[body:end] = _CODE.sub(swap, pdf[body:end])
    assert len(out) == len(pdf)
    return bytes(out)
