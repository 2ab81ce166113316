"""The spreadsheet template: its columns, and mapping the header names people actually write.

Headers are compared after normalising: full-width letters and brackets become half-width, spaces
and line breaks and ``*`` (a "required" mark) are dropped, letters are lower-cased, and a note in
brackets such as ``题型（必填）`` or ``选项E\n(勿删)`` is ignored. So ``选项 A``, ``选项Ａ``,
``选项(A)`` and ``A`` all mean option A.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jgstudy.core.model import OPTION_KEYS, MultipleScoring


class Col(StrEnum):
    """A column of the template; option columns have the option key as value."""

    ID = "id"
    SEQ = "seq"
    TYPE = "type"
    STEM = "stem"
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"
    G = "G"
    H = "H"
    ANSWER = "answer"
    EXPLANATION = "explanation"
    TAGS = "tags"
    DIFFICULTY = "difficulty"
    POINTS = "points"
    KEYWORDS = "keywords"
    LOCATOR = "locator"
    QUOTE = "quote"
    IMAGE = "image"


OPTION_COLS = tuple(Col(key) for key in OPTION_KEYS)
QUESTION_SHEET = "题目"  # the questions' sheet of an exported workbook

# Export order: the id first (it keeps a cadre's history), then the 考试宝 layout, then the rest.
EXPORT_LABELS: dict[Col, str] = {
    Col.ID: "编号",
    Col.STEM: "题干",
    Col.TYPE: "题型",
    **{col: f"选项{col.value}" for col in OPTION_COLS},
    Col.ANSWER: "正确答案",
    Col.EXPLANATION: "解析",
    Col.TAGS: "章节",
    Col.DIFFICULTY: "难度",
    Col.POINTS: "分值",
    Col.KEYWORDS: "关键词",
    Col.LOCATOR: "出处位置",
    Col.QUOTE: "原文引用",
    Col.IMAGE: "图片",
}

SEQ_LABEL = "题号"
REQUIRED_SHOWN = "“题干”“题型”“正确答案”"  # the required columns, as messages name them

_ALIASES: dict[Col, tuple[str, ...]] = {
    Col.ID: ("编号", "id", "题目编号", "试题编号", "题目id"),
    # A running number: renumbered whenever a question is inserted, so never a question's id.
    Col.SEQ: ("题号", "序号", "序", "no", "no."),
    Col.TYPE: ("题型", "类型", "题目类型", "试题类型", "type"),
    Col.STEM: ("题干", "题目", "试题", "题目内容", "试题内容", "题干内容", "问题", "stem"),
    Col.ANSWER: ("正确答案", "答案", "参考答案", "标准答案", "answer"),
    Col.EXPLANATION: ("解析", "答案解析", "试题解析", "题目解析", "explanation"),
    Col.TAGS: ("章节", "标签", "分类", "章节分类", "知识点", "tags", "tag"),
    Col.DIFFICULTY: ("难度", "难易度", "难易程度", "difficulty"),
    Col.POINTS: ("分值", "分数", "points", "score"),
    Col.KEYWORDS: ("关键词", "关键字", "得分点", "keywords"),
    Col.LOCATOR: ("出处位置", "出处", "locator"),
    Col.QUOTE: ("原文引用", "原文", "quote"),
    Col.IMAGE: ("图片", "image"),
}
_BY_NAME = {name: col for col, names in _ALIASES.items() for name in names}
_OPTION_RE = re.compile(r"^(?:选项|option)?[(\[【]?([a-h])[)\]】]?$")
# A bracketed note, also one left open at the end ("正确答案(必填" when a line break was lost).
_NOTE_RE = re.compile(r"[(\[【〔<《][^)\]】〕>》]*(?:[)\]】〕>》]|$)")


def normalise(header: str) -> str:
    """A header reduced to the form the alias table uses."""
    text = unicodedata.normalize("NFKC", header).lower()
    return re.sub(r"[\s*:：]+", "", text)


def column_for(header: str) -> Col | None:
    """The template column a header names, or None when it is not understood."""
    name = normalise(header)
    for candidate in (name, _NOTE_RE.sub("", name)):
        option = _OPTION_RE.match(candidate)
        if option:
            return Col(option.group(1).upper())
        if candidate in _BY_NAME:
            return _BY_NAME[candidate]
    return None


@dataclass
class HeaderMap:
    """Which cell index holds which column, and the headers that were not understood."""

    columns: dict[Col, int] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)


def map_headers(headers: Sequence[str]) -> HeaderMap:
    """Map a header row; a column named twice is used the first time only."""
    mapped = HeaderMap()
    for index, header in enumerate(headers):
        if not header.strip():
            continue
        col = column_for(header)
        if col is None:
            mapped.unknown.append(header.strip())
        elif col in mapped.columns:
            mapped.repeated.append(header.strip())
        else:
            mapped.columns[col] = index
    return mapped


# The "题库信息" sheet: bank-level information as key/value rows (see :mod:`.bankinfo`).
INFO_SHEET = "题库信息"
INFO_COLUMNS = ("项目", "内容", "说明")

# (field path, label, hint for the trainer); a dotted path is a key of the bank's source.
INFO_FIELDS: tuple[tuple[str, str, str], ...] = (
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
SCORING_WORDS = {
    "全对才得分": MultipleScoring.ALL_OR_NOTHING,
    "少选得一半": MultipleScoring.PARTIAL,
}
