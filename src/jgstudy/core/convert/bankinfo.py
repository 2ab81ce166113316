"""The "题库信息" sheet: bank-level information as key/value rows, so it survives a round trip."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jgstudy.core.convert import syntax
from jgstudy.core.model import BankHeader, MultipleScoring

INFO_SHEET = "题库信息"
INFO_COLUMNS = ("项目", "内容", "说明")

# (field path, label, hint for the trainer); a dotted path is a key of the bank's source.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("id", "编号", "题库编号：字母、数字、-、_、.；同一编号再次导入会更新原题库"),
    ("title", "标题", "学员看到的题库名称"),
    ("description", "说明", ""),
    ("version", "版本", ""),
    ("authors", "作者", "多人用“、”分隔"),
    ("source.title", "材料标题", "出题依据的材料"),
    ("source.file", "材料文件", ""),
    ("source.date", "材料日期", ""),
    ("tags", "题库标签", "本题库每道题都带的标签，用“、”分隔（各题自己的标签写在“章节”列）"),
    ("multiple_scoring", "多选计分", "all_or_nothing：全对才得分；partial：少选且无错选得一半"),
)
_BY_NAME = {name: path for path, label, _ in FIELDS for name in (path, label)}
_SCORING_WORDS = {
    "全对才得分": MultipleScoring.ALL_OR_NOTHING,
    "少选得一半": MultipleScoring.PARTIAL,
}
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
                notices.append((row, f"“{INFO_SHEET}”中未识别的项目：{key.strip()}（已忽略）"))
            continue
        if value:
            _put(data, path, _value(path, value))
            where[path.split(".")[0]] = row
    return data, where, notices


def _value(path: str, text: str) -> Any:
    if path in _LISTS:
        return syntax.split_list(text)
    if path == "multiple_scoring":
        return _SCORING_WORDS.get(text.strip(), text.strip())
    return text


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if rest:
        data.setdefault(head, {})[rest] = value
    else:
        data[head] = value
