"""The "题库信息" sheet: bank-level information as key/value rows, so it survives a round trip."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jgstudy.core.convert import syntax
from jgstudy.core.convert.columns import INFO_COLUMNS, INFO_FIELDS, INFO_SHEET, SCORING_WORDS
from jgstudy.core.model import BankHeader
from jgstudy.core.text import msg

__all__ = ["INFO_COLUMNS", "INFO_SHEET", "header_from_rows", "header_rows"]

FIELDS = INFO_FIELDS
_BY_NAME = {name: path for path, label, _ in FIELDS for name in (path, label)}

_LISTS = {"authors", "tags"}


def header_rows(header: BankHeader) -> list[tuple[str, str, str]]:
    """(label, value, hint) for every field; empty values are written too, as a template."""
    values: dict[str, str] = {
        "id": header.id,
        "title": header.title,
        "description": header.description or "",
        "version": header.version or "",
        "authors": syntax.format_list(header.authors),
        "tags": syntax.format_list(header.tags),
        "multiple_scoring": header.multiple_scoring.value,
    }
    for key in ("title", "file", "date"):
        values[f"source.{key}"] = getattr(header.source, key, None) or ""
    return [(label, values[path], hint) for path, label, hint in FIELDS]


def header_from_rows(
    rows: Iterable[tuple[int, str, str]],
) -> tuple[dict[str, Any], dict[str, int], list[tuple[int, str]]]:
    """Bank fields from (row, key, value) rows; also the row of each field and the notices."""
    data: dict[str, Any] = {}
    where: dict[str, int] = {}
    notices: list[tuple[int, str]] = []
    for row, key, value in rows:
        path = _BY_NAME.get(key.strip())
        if path is None:
            if key.strip() and key.strip() != INFO_COLUMNS[0]:
                message = msg(
                    "“{sheet}”中未识别的项目：{key}（已忽略）", sheet=INFO_SHEET, key=key.strip()
                )
                notices.append((row, message))
            continue
        if value:
            _put(data, path, _value(path, value))
            where[path.split(".")[0]] = row
    return data, where, notices


def _value(path: str, text: str) -> Any:
    if path in _LISTS:
        return syntax.split_list(text)
    if path == "multiple_scoring":
        return SCORING_WORDS.get(text.strip(), text.strip())
    return text


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if rest:
        data.setdefault(head, {})[rest] = value
    else:
        data[head] = value
