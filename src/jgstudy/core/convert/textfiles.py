"""Reading text files written on Chinese Windows as well as elsewhere."""

from __future__ import annotations

import codecs
from pathlib import Path

from jgstudy.core.convert.entries import Parsed, RowProblem
from jgstudy.core.text import msg


def decode(raw: bytes) -> str | None:
    """The text of a file, or None when it is in none of the encodings below.

    UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"), else UTF-8
    with or without BOM, else GB18030 — a superset of the GBK that Excel and Notepad on Chinese
    Windows write.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_text(file: Path, parsed: Parsed) -> str | None:
    """The decoded text of ``file``; None, with the problem recorded, when it is not text."""
    text = decode(file.read_bytes())
    if text is None:
        message = msg("无法识别文件编码（支持 UTF-8 和 GBK/GB18030），请以 UTF-8 另存")
        parsed.problems.append(RowProblem(file, None, message))
    elif "\x00" in text:
        parsed.problems.append(RowProblem(file, None, msg("文件含有二进制内容，不是文本")))
        text = None
    return text


def lines(text: str) -> list[str]:
    """Lines as an editor numbers them (``str.splitlines`` also breaks at rarer characters)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
