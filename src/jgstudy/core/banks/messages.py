"""Chinese messages for validation errors, worded for a trainer rather than a programmer.

Each message is a :func:`jgstudy.core.text.msg` so the English interface can translate it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from jgstudy.core.model import HIDDEN_CHARACTERS
from jgstudy.core.text import N_, Msg, msg

FIELD_NAMES = {
    "format": N_("格式版本 format"),
    "id": N_("编号 id"),
    "title": N_("标题 title"),
    "type": N_("题型 type"),
    "stem": N_("题干 stem"),
    "explanation": N_("解析 explanation"),
    "options": N_("选项 options"),
    "answer": N_("答案 answer"),
    "blanks": N_("填空答案 blanks"),
    "reference": N_("参考答案 reference"),
    "keywords": N_("关键词 keywords"),
    "difficulty": N_("难度 difficulty"),
    "points": N_("分值 points"),
    "tags": N_("标签 tags"),
    "source": N_("出处 source"),
    "quote": N_("原文引用 quote"),
    "locator": N_("出处位置 locator"),
    "questions": N_("题目列表 questions"),
}

_BY_TYPE = {
    "missing": N_("缺少必填字段"),
    "extra_forbidden": N_("无法识别的字段（拼写错误？）"),
    "string_type": N_("应为文本"),
    "string_too_short": N_("不能为空"),
    "string_too_long": N_("文本过长"),
    "string_pattern_mismatch": N_("编号只能包含字母、数字、“-”“_”“.”，且以字母或数字开头"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "int_from_float": N_("应为整数"),
    "float_type": N_("应为数字"),
    "float_parsing": N_("应为数字"),
    "bool_type": N_("应为 true（正确）或 false（错误）"),
    "bool_parsing": N_("应为 true（正确）或 false（错误）"),
    "dict_type": N_("应为“键: 值”形式的映射"),
    "list_type": N_("应为列表"),
    "tuple_type": N_("应为列表"),
    "model_type": N_("应为“键: 值”形式的映射"),
    "model_attributes_type": N_("应为“键: 值”形式的映射"),
    "too_short": N_("条目太少"),
    "too_long": N_("条目太多"),
    "greater_than": N_("必须大于 {gt}"),
    "greater_than_equal": N_("不能小于 {ge}"),
    "less_than_equal": N_("不能大于 {le}"),
    "literal_error": N_("取值无效，应为 {expected}"),
    "enum": N_("取值无效，应为 {expected}"),
    "union_tag_invalid": N_("未知题型 {tag}，应为 single、multiple、judge、fill 或 short"),
    "union_tag_not_found": N_("缺少题型字段 type"),
    "hidden_characters": HIDDEN_CHARACTERS,
}


# The same fields as columns of a spreadsheet (or parts of a quiz file): no YAML key names.
COLUMN_NAMES = {
    "id": N_("“编号”"),
    "title": N_("标题"),
    "type": N_("“题型”"),
    "stem": N_("“题干”"),
    "explanation": N_("“解析”"),
    "options": N_("选项"),
    "answer": N_("“正确答案”"),
    "blanks": N_("“正确答案”（填空）"),
    "reference": N_("“正确答案”（参考答案）"),
    "keywords": N_("“关键词”"),
    "difficulty": N_("“难度”"),
    "points": N_("“分值”"),
    "tags": N_("“章节”"),
    "source": N_("出处"),
    "quote": N_("“原文引用”"),
    "locator": N_("“出处位置”"),
}


def field_label(name: str | int, names: Mapping[str, str] | None = None) -> str:
    """A field's name as a trainer reads it (``names``: e.g. :data:`COLUMN_NAMES`)."""
    label = (names or FIELD_NAMES).get(str(name))
    return msg(label) if label is not None else str(name)


def describe(error: ErrorDetails, names: Mapping[str, str] | None = None) -> Msg:
    """Turn one pydantic error into a Chinese sentence."""
    template = _BY_TYPE.get(error["type"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = [part for part in error["loc"] if isinstance(part, str)]
    field = field_label(loc[-1], names) if loc else ""
    if template is None:
        detail = error["msg"]
        return msg("{field}：{detail}", field=field, detail=detail) if field else msg(detail)
    text = msg(template, **ctx)
    if error["type"] == "extra_forbidden":
        return msg("{problem}：{name}", problem=text, name=loc[-1] if loc else "")
    if error["type"] == "missing":
        return msg("{problem}：{name}", problem=text, name=field)
    if error["type"].startswith("union_tag"):
        return text
    return msg("{field}：{problem}", field=field, problem=text) if field else text
