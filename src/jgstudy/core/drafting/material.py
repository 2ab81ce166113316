"""Reading a material file as text, whatever encoding an office PC saved it in."""

from __future__ import annotations

import codecs
from pathlib import Path

from jgstudy.core.errors import InputError
from jgstudy.core.text import msg

MAX_BYTES = 20 * 1024 * 1024


class MaterialError(InputError, ValueError):
    """A material file that cannot be read as text; the message is for the trainer."""


def read_material(path: Path) -> str:
    """The text of a material: a Word .docx (its body paragraphs and table cells, one per line),
    or text in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK."""
    if not path.is_file():
        raise MaterialError(msg("找不到材料文件 {path}", path=path))
    if path.suffix.lower() == ".docx":
        return docx_text(path)
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise MaterialError(msg("材料文件 {path} 超过 20 MB，请拆分后再生成", path=path))
    return decode_material(data, path)


def docx_text(path: Path) -> str:
    """The body of a Word document as lines: headers, footers and text boxes are left out."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        problem = msg("无法打开 Word 文件 {path}：文件已损坏或不是 .docx 格式", path=path)
        raise MaterialError(problem) from error
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            lines += [p.text for row in item.rows for cell in row.cells for p in cell.paragraphs]
        else:
            lines.append(item.text)
    return "\n".join(lines)


def decode_material(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MaterialError(msg("无法识别材料文件 {path} 的编码，请另存为 UTF-8 文本", path=path))
