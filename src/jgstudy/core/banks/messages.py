"""Chinese messages for validation errors, worded for a trainer rather than a programmer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

FIELD_NAMES = {
    "format": "格式版本 format",
    "id": "编号 id",
    "title": "标题 title",
    "type": "题型 type",
    "stem": "题干 stem",
    "explanation": "解析 explanation",
    "options": "选项 options",
    "answer": "答案 answer",
    "blanks": "填空答案 blanks",
    "reference": "参考答案 reference",
    "keywords": "关键词 keywords",
    "difficulty": "难度 difficulty",
    "points": "分值 points",
    "tags": "标签 tags",
    "source": "出处 source",
    "quote": "原文引用 quote",
    "locator": "出处位置 locator",
    "questions": "题目列表 questions",
}

_BY_TYPE = {
    "missing": "缺少必填字段",
    "extra_forbidden": "无法识别的字段（拼写错误？）",
    "string_type": "应为文本",
    "string_too_short": "不能为空",
    "string_too_long": "文本过长",
    "string_pattern_mismatch": "编号只能包含字母、数字、“-”“_”“.”，且以字母或数字开头",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true（正确）或 false（错误）",
    "bool_parsing": "应为 true（正确）或 false（错误）",
    "dict_type": "应为“键: 值”形式的映射",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "model_type": "应为“键: 值”形式的映射",
    "model_attributes_type": "应为“键: 值”形式的映射",
    "too_short": "条目太少",
    "too_long": "条目太多",
    "greater_than": "必须大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "literal_error": "取值无效，应为 {expected}",
    "enum": "取值无效，应为 {expected}",
    "union_tag_invalid": "未知题型 {tag}，应为 single、multiple、judge、fill 或 short",
    "union_tag_not_found": "缺少题型字段 type",
}


# The same fields as columns of a spreadsheet (or parts of a quiz file): no YAML key names.
COLUMN_NAMES = {
    "id": "“编号”",
    "title": "标题",
    "type": "“题型”",
    "stem": "“题干”",
    "explanation": "“解析”",
    "options": "选项",
    "answer": "“正确答案”",
    "blanks": "“正确答案”（填空）",
    "reference": "“正确答案”（参考答案）",
    "keywords": "“关键词”",
    "difficulty": "“难度”",
    "points": "“分值”",
    "tags": "“章节”",
    "source": "出处",
    "quote": "“原文引用”",
    "locator": "“出处位置”",
}


def field_label(name: str | int, names: Mapping[str, str] | None = None) -> str:
    """A field's name as a trainer reads it (``names``: e.g. :data:`COLUMN_NAMES`)."""
    return (names or FIELD_NAMES).get(str(name), str(name))


def describe(error: ErrorDetails, names: Mapping[str, str] | None = None) -> str:
    """Turn one pydantic error into a Chinese sentence."""
    template = _BY_TYPE.get(error["type"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = [part for part in error["loc"] if isinstance(part, str)]
    field = field_label(loc[-1], names) if loc else ""
    if template is None:
        return f"{field}：{error['msg']}" if field else error["msg"]
    text = template.format(**ctx) if ctx else template
    if error["type"] == "extra_forbidden":
        return f"{text}：{loc[-1] if loc else ''}"
    if error["type"] == "missing":
        return f"{text}：{field}"
    if error["type"].startswith("union_tag"):
        return text
    return f"{field}：{text}" if field else text
