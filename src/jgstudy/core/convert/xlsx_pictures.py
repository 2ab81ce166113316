"""Where a workbook holds embedded pictures, read from the file's drawing parts.

openpyxl drops pictures without a word unless Pillow is installed, and a question bank cannot hold
an embedded picture anyway (a question names an image file). So each picture is located — sheet,
row, column — and the conversion names the loss instead of dropping it silently.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_MAX_PART = 8 * 1024 * 1024  # drawing parts are small; a huge one is not read


def picture_cells(file: Path) -> dict[str, list[tuple[int, int]]]:
    """(row, column), 1-based, of the top-left corner of each picture, by sheet name."""
    try:
        with zipfile.ZipFile(file) as archive:
            return _pictures(archive)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return {}


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    if name not in archive.namelist() or archive.getinfo(name).file_size > _MAX_PART:
        return None
    return ElementTree.fromstring(archive.read(name))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part) of ``part``."""
    folder, name = posixpath.split(part)
    root = _xml(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{_PKG}Relationship") if root is not None else []:
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(full))
    return found


def _pictures(archive: zipfile.ZipFile) -> dict[str, list[tuple[int, int]]]:
    workbook = _xml(archive, "xl/workbook.xml")
    if workbook is None:
        return {}
    sheets = _rels(archive, "xl/workbook.xml")
    found: dict[str, list[tuple[int, int]]] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        part = sheets.get(sheet.get(f"{_REL}id", ""), ("", ""))[1]
        cells = [
            cell
            for kind, target in _rels(archive, part).values()
            if kind.endswith("/drawing")
            for cell in _anchors(archive, target)
        ]
        if cells:
            found[sheet.get("name", "")] = cells
    return found


def _anchors(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    drawing = _xml(archive, part)
    if drawing is None:
        return []
    cells = []
    for anchor in list(drawing):
        start = anchor.find(f"{_XDR}from")
        if anchor.find(f".//{_XDR}pic") is None or start is None:
            continue
        row, col = start.findtext(f"{_XDR}row"), start.findtext(f"{_XDR}col")
        if row is not None and col is not None and row.isdigit() and col.isdigit():
            cells.append((int(row) + 1, int(col) + 1))
    return cells
