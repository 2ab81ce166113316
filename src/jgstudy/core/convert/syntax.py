"""The small text syntax of spreadsheet cells, read and written the same way.

* choice answers: ``B``, ``ACD``, ``A,C,D``, ``A、C、D`` (full-width letters too);
* judge answers: ``正确``/``错误`` (also 对/错, √/×, T/F, TRUE/FALSE, 是/否);
* fill answers: blanks separated by ``；`` or ``;``, accepted alternatives of one blank by ``|``;
* keywords: separated by ``、`` ``，`` ``,`` ``；`` ``;``; aliases after ``|``; points other than 1 as a
  ``（2分）`` suffix, e.g. ``总抓手|凝心铸魂（2分）``;
* lists (章节, 作者, 题库标签): separated by ``、`` ``，`` ``,`` ``；`` ``;`` or a line break;
* difficulty: 1 to 5, or a word (简单/适中/困难, 较易/较难, 高/中/低…, see DIFFICULTY_WORDS);
* points: ``2`` or ``2分``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from jgstudy.core.model import Keyword, QType

_TYPES = {
    QType.SINGLE: ("单选", "单项选择", "单选择", "single"),
    QType.MULTIPLE: ("多选", "多项选择", "不定项选择", "不定项", "multiple"),
    QType.JUDGE: ("判断", "是非", "对错", "judge", "truefalse"),
    QType.FILL: ("填空", "fill"),
    QType.SHORT: ("简答", "问答", "short", "essay"),
}
_TYPE_BY_NAME = {name: qtype for qtype, names in _TYPES.items() for name in names}
_TRUE = {"正确", "对", "是", "√", "✓", "✔", "t", "true", "y", "yes"}
_FALSE = {"错误", "错", "否", "×", "✗", "✘", "x", "f", "false", "n", "no"}
# 1 (easiest) to 5. The 考试宝 template itself offers 简单/适中/困难; sheets also say 高/中/低.
DIFFICULTY_WORDS = {
    "很易": 1,
    "非常简单": 1,
    "很简单": 1,
    "极易": 1,
    "易": 2,
    "容易": 2,
    "简单": 2,
    "较易": 2,
    "较简单": 2,
    "较容易": 2,
    "低": 2,
    "偏易": 2,
    "中": 3,
    "中等": 3,
    "一般": 3,
    "适中": 3,
    "普通": 3,
    "难": 4,
    "困难": 4,
    "较难": 4,
    "较困难": 4,
    "偏难": 4,
    "高": 4,
    "很难": 5,
    "极难": 5,
    "非常困难": 5,
    "很困难": 5,
}
_CHOICE_SEPARATORS = re.compile(r"[\s,，、;；/]+")
_LIST_SEPARATORS = re.compile(r"[、,，;；\n]")
_BLANK_SEPARATORS = re.compile(r"[;；]")
_ALTERNATIVE_SEPARATORS = re.compile(r"[|｜]")
_POINTS_SUFFIX = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]$")
_UNDERSCORE_BLANK = re.compile(r"[（(][ \u3000]*[_＿]+[ \u3000]*[）)]|[_＿]{3,}")
_ANY_BLANK = re.compile(
    r"\{\{\s*\d+\s*\}\}|（[ \u3000]*）|\([ \u3000]*\)|" + _UNDERSCORE_BLANK.pattern
)
# As messages show what a cell may say (the words themselves stay Chinese in any language).
TYPE_LABELS = "单选、多选、判断、填空 或 简答"
DIFFICULTY_SHOWN = "简单/适中/困难、较易/较难、高/中/低"
JUDGE_SYNONYMS_SHOWN = "对/错、√/×、T/F"
POINTS_EXAMPLE = "2分"
BLANK_SEPARATOR = "；"


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def parse_type(text: str) -> QType | None:
    """The question type a 题型 cell names (单选, 单选题, 单项选择题, single…)."""
    name = re.sub(r"\s+", "", _plain(text)).removesuffix("题")
    return _TYPE_BY_NAME.get(name)


def parse_choice(text: str) -> list[str] | None:
    """Option keys of a choice answer in the order written, or None if it is not letters."""
    compact = _CHOICE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text).upper())
    if not compact or not re.fullmatch(r"[A-Z]+", compact):
        return None
    return list(compact)


def parse_judge(text: str) -> bool | None:
    """True for 正确 and its synonyms, False for 错误 and its synonyms, else None."""
    word = _plain(text)
    return True if word in _TRUE else False if word in _FALSE else None


def format_judge(answer: bool) -> str:
    return "正确" if answer else "错误"


def parse_blanks(text: str) -> list[list[str]]:
    """Accepted answers per blank; an empty blank stays empty so the check can name it."""
    blanks = []
    for blank in _BLANK_SEPARATORS.split(text):
        alternatives = (a.strip() for a in _ALTERNATIVE_SEPARATORS.split(blank))
        blanks.append([a for a in alternatives if a])
    return blanks


def format_blanks(blanks: Sequence[Sequence[str]]) -> str:
    return "；".join("|".join(accepted) for accepted in blanks)


def split_list(text: str) -> list[str]:
    """Items of a list cell, without empty ones."""
    return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]


# A chapter heading's own numbering ("一、党的创立", "第十二章、", "3、") at the start of a 章节
# cell is part of the heading, not a list separator.
_HEADING = re.compile(
    r"^\s*(?:第?(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])[章节部分篇]?|\d{1,3})、(?=\S)"
)


def split_tags(text: str) -> list[str]:
    """Tags of a 章节 cell: like :func:`split_list`, but ``一、党的创立`` stays one tag."""
    heading = _HEADING.match(text)
    rest = split_list(text[heading.end() :]) if heading else []
    if heading is None or not rest:
        return split_list(text)
    return [heading.group().strip() + rest[0], *rest[1:]]


def format_list(items: Iterable[str]) -> str:
    return "、".join(items)


def parse_keywords(text: str) -> list[dict[str, Any]]:
    """Keyword mappings as the bank format writes them."""
    keywords: list[dict[str, Any]] = []
    for item in split_list(text):
        points = _POINTS_SUFFIX.search(item)
        words = [
            w.strip()
            for w in _ALTERNATIVE_SEPARATORS.split(item[: points.start()] if points else item)
        ]
        keyword: dict[str, Any] = {"word": words[0]}
        if points:
            keyword["points"] = float(points.group(1))
        if words[1:]:
            keyword["aliases"] = [w for w in words[1:] if w]
        keywords.append(keyword)
    return keywords


def format_keywords(keywords: Iterable[Keyword]) -> str:
    parts = []
    for keyword in keywords:
        text = "|".join((keyword.word, *keyword.aliases))
        if keyword.points != 1:
            text += f"（{format_number(keyword.points)}分）"
        parts.append(text)
    return "、".join(parts)


def parse_difficulty(text: str) -> int | None:
    """1 to 5, a word of :data:`DIFFICULTY_WORDS` (``难度适中`` too) or stars (``★★★``); else None."""
    word = re.sub(r"\s+", "", _plain(text)).removeprefix("难度")
    if word in DIFFICULTY_WORDS:
        return DIFFICULTY_WORDS[word]
    if word and set(word) <= {"★", "☆"}:
        return word.count("★") or None
    number = parse_number(word.removesuffix("级").removesuffix("星"))
    if number is not None and number.is_integer() and 1 <= number <= 5:
        return int(number)
    return None


def parse_number(text: str) -> float | None:
    try:
        return float(unicodedata.normalize("NFKC", text).strip())
    except ValueError:
        return None


def parse_points(text: str) -> float | None:
    """A score such as ``2``, ``2分``, ``2.5 分`` or ``（2分）``; None when it is not one."""
    plain = re.sub(r"[\s()（）]+", "", unicodedata.normalize("NFKC", text)).removesuffix("分")
    value = parse_number(plain)
    return value if value is not None and value > 0 else None


def format_number(value: float) -> int | float:
    """An integral float as an int, so cells and YAML show ``2`` rather than ``2.0``."""
    return int(value) if float(value).is_integer() else value


def mark_blanks(stem: str) -> str:
    """A fill stem with underscore blanks (``____``, ``（__）``) written as ``{{n}}``."""
    count = 0

    def number(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{{{{{count}}}}}" if _UNDERSCORE_BLANK.fullmatch(match.group()) else match.group()

    return _ANY_BLANK.sub(number, stem)
