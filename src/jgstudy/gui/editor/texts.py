"""The editor's words, and how list-like fields are typed into one line and read back."""

from __future__ import annotations

import re

from jgstudy.core.model import QTYPE_LABELS, QType
from jgstudy.gui.i18n import N_, tr

SHORT_TYPE = {t.value: label for t, label in QTYPE_LABELS.items()}
QTYPES = tuple(t.value for t in QType)


def type_label(qtype: str) -> str:
    """单选题, 填空题 … in the interface language; an unknown type as it is written."""
    short = SHORT_TYPE.get(qtype)
    return tr("{type}题").format(type=tr(short)) if short else qtype


CAPTIONS = {
    "id": N_("编号"),
    "type": N_("题型"),
    "difficulty": N_("难度"),
    "points": N_("分值"),
    "stem": N_("题干"),
    "options": N_("选项与正确答案"),
    "answer": N_("正确答案"),
    "blanks": N_("每个空的可接受答案"),
    "reference": N_("参考答案"),
    "keywords": N_("得分关键词"),
    "explanation": N_("解析"),
    "tags": N_("标签"),
    "source": N_("出处"),
}
EDIT_NAMES = {**CAPTIONS, "options": N_("选项"), "answer": N_("正确答案"), "status": N_("审核状态")}

TAGS_HINT = N_("多个标签用逗号或顿号分隔，如：凝心铸魂、理论宣讲")
BLANK_HINT = N_("可接受的答案，多个用 | 分隔，如：640 | 六百四十")
STEM_HINT = N_("填空题在题干中用 {{1}}、{{2}}… 或（ ）标出每个空")
DRAFT_NOTE = N_("候选题草稿（jgstudy draft 自动生成）：请核对题干、答案与出处，无误后点“通过”。")
SCORING = {"all_or_nothing": N_("全部选对才得分"), "partial": N_("部分得分（少选无错得一半分）")}

_ITEM_SEPARATORS = re.compile(r"[,，、;；]")
_ALTERNATIVE_SEPARATORS = re.compile(r"[|｜]")


def split_items(text: str) -> list[str]:
    """Tags typed on one line: separated by commas, 、 or semicolons; empty pieces dropped."""
    return [part.strip() for part in _ITEM_SEPARATORS.split(text) if part.strip()]


def join_items(items: object) -> str:
    return tr("、").join(str(i) for i in items) if isinstance(items, list) else ""


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
        return tr("题库信息")
    return (
        tr("第 {index} 题（{qid}）").format(index=index + 1, qid=qid)
        if qid
        else tr("第 {index} 题").format(index=index + 1)
    )


def snippet(text: object, length: int = 28) -> str:
    """The first characters of a stem, on one line."""
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
