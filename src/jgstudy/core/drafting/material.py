"""Reading a material file as text, whatever encoding an office PC saved it in."""

from __future__ import annotations

import codecs
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024


class MaterialError(ValueError):
    """A material file that cannot be read as text; the message is for the trainer."""


def read_material(path: Path) -> str:
    """The text of a .txt material: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK."""
    if not path.is_file():
        raise MaterialError(f"找不到材料文件 {path}")
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise MaterialError(f"材料文件 {path} 超过 20 MB，请拆分后再生成")
    return decode_material(data, path)


def decode_material(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MaterialError(f"无法识别材料文件 {path} 的编码，请另存为 UTF-8 文本")
