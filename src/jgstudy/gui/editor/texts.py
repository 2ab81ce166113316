"""The editor's words, and how list-like fields are typed into one line and read back."""

from __future__ import annotations

import re

from jgstudy.core.model import QTYPE_LABELS, QType

TYPE_LABELS = {t.value: f"{label}题" for t, label in QTYPE_LABELS.items()}
SHORT_TYPE = {t.value: label for t, label in QTYPE_LABELS.items()}
QTYPES = tuple(t.value for t in QType)

CAPTIONS = {
    "id": "编号",
    "type": "题型",
    "difficulty": "难度",
    "points": "分值",
    "stem": "题干",
    "options": "选项与正确答案",
    "answer": "正确答案",
    "blanks": "每个空的可接受答案",
    "reference": "参考答案",
    "keywords": "得分关键词",
    "explanation": "解析",
    "tags": "标签",
    "source": "出处",
}
EDIT_NAMES = {**CAPTIONS, "options": "选项", "answer": "正确答案", "status": "审核状态"}

TAGS_HINT = "多个标签用逗号或顿号分隔，如：凝心铸魂、理论宣讲"
BLANK_HINT = "可接受的答案，多个用 | 分隔，如：640 | 六百四十"
STEM_HINT = "填空题在题干中用 {{1}}、{{2}}… 或（ ）标出每个空"
DRAFT_NOTE = "候选题草稿（jgstudy draft 自动生成）：请核对题干、答案与出处，无误后点“通过”。"
SCORING = {"all_or_nothing": "全部选对才得分", "partial": "部分得分（少选无错得一半分）"}

_ITEM_SEPARATORS = re.compile(r"[,，、;；]")
_ALTERNATIVE_SEPARATORS = re.compile(r"[|｜]")


def split_items(text: str) -> list[str]:
    """Tags typed on one line: separated by commas, 、 or semicolons; empty pieces dropped."""
    return [part.strip() for part in _ITEM_SEPARATORS.split(text) if part.strip()]


def join_items(items: object) -> str:
    return "、".join(str(i) for i in items) if isinstance(items, list) else ""


def split_alternatives(text: str) -> list[str]:
    """Accepted answers of one blank (or aliases of a keyword), separated by ``|``."""
    return [part.strip() for part in _ALTERNATIVE_SEPARATORS.split(text) if part.strip()]


def join_alternatives(values: object) -> str:
    if isinstance(values, list):
        return " | ".join(str(v) for v in values)
    return "" if values is None else str(values)


def number_or_text(text: str) -> int | float | str:
    """A typed number as a number (``2`` rather than ``2.0``); anything else stays text."""
    try:
        value = float(text.strip())
    except ValueError:
        return text.strip()
    return int(value) if value.is_integer() else value


def question_place(index: int | None, qid: object) -> str:
    """Where a problem is, as the problem list says it: 第 3 题（f1） or 题库信息."""
    if index is None:
        return "题库信息"
    return f"第 {index + 1} 题（{qid}）" if qid else f"第 {index + 1} 题"


def snippet(text: object, length: int = 28) -> str:
    """The first characters of a stem, on one line."""
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
