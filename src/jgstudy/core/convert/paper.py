"""Read a question paper (Word .docx or text) as bank entries: the ``paper`` input format.

The steps: lines (text or Word: :mod:`paper_lines`, :mod:`paper_docx` with
:mod:`paper_numbering`) → tokens (:mod:`paper_tokens`, with :mod:`paper_options` and
:mod:`paper_keyline`) → sections, question blocks and answer key (:mod:`paper_segment`) → parts of
each question (:mod:`paper_parts`) → a bank question or a located refusal (:mod:`paper_build`
with :mod:`paper_answers`; the key matched by :mod:`paper_keys`) → the report
(:mod:`paper_report`).
"""

from __future__ import annotations

import re
from pathlib import Path

from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.paper_build import Built, Refused, build
from jgstudy.core.convert.paper_docx import docx_lines
from jgstudy.core.convert.paper_keys import match_keys
from jgstudy.core.convert.paper_lines import Line, from_text
from jgstudy.core.convert.paper_parts import read_parts
from jgstudy.core.convert.paper_report import Tally, report
from jgstudy.core.convert.paper_segment import Block, KeyItem, Segmented, segment
from jgstudy.core.convert.paper_tokens import Kind, is_numbered, tokenize
from jgstudy.core.convert.textfiles import read_text
from jgstudy.core.text import msg

_TITLE_LENGTH = 60
_PICTURE = msg("这一段有图片，图片没有转换；题目需要时请在题库中用 image 字段另行添加")
_GIFT_BLOCK = re.compile(r"\{[=~#TF]|::")


def looks_like_paper(text: str) -> bool:
    """Numbered questions (``1、`` ``2.`` ``第3题`` ``（4）`` ``5）``) and no GIFT answer braces."""
    numbered = any(is_numbered(line) for line in text.splitlines())
    return numbered and _GIFT_BLOCK.search(text) is None


def read_paper(file: Path) -> Parsed:
    """Questions of a paper as entries; refusals as problems; the report as notices."""
    parsed = Parsed()
    lines = _lines(file, parsed)
    if lines is None:
        return parsed
    return convert_lines(file, lines, parsed, docx=file.suffix.lower() == ".docx")


def _lines(file: Path, parsed: Parsed) -> list[Line] | None:
    if file.suffix.lower() == ".docx":
        try:
            return docx_lines(file)
        except Exception as exc:  # python-docx raises several kinds for a damaged file
            message = msg(
                "无法作为 Word 文档读取（{error}），请在 Word 中另存为 .docx 后重试",
                error=type(exc).__name__,
            )
            parsed.problems.append(RowProblem(file, None, message))
            return None
    text = read_text(file, parsed)
    return None if text is None else from_text(text)


def convert_lines(file: Path, lines: list[Line], parsed: Parsed, *, docx: bool = False) -> Parsed:
    """The paper's questions from its lines (see :func:`read_paper`)."""
    paper = segment(tokenize(lines))
    keys, key_problems = match_keys(paper)
    tally = Tally(docx=docx)
    for line, message in key_problems:
        parsed.problems.append(RowProblem(file, line.number, _placed(message, line)))
    for index, block in enumerate(paper.blocks):
        _convert_block(file, block, keys.get(index), parsed, tally)
    _title(paper, parsed)
    parsed.warnings.extend(RowProblem(file, row, text) for row, text in report(paper, tally))
    parsed.warnings.extend(
        RowProblem(file, number, _placed(_PICTURE, line))
        for number, line in {line.number: line for line in lines if line.picture}.items()
    )
    return parsed


def _convert_block(
    file: Path, block: Block, key: KeyItem | None, parsed: Parsed, tally: Tally
) -> None:
    line = block.head.line
    try:
        built: Built = build(block, read_parts(block), key)
    except Refused as refusal:
        snippet = block.head.text[:20]
        message: str = msg(
            "第 {number} 题（“{snippet}”）：{reason}，未转换",
            number=block.number,
            snippet=snippet,
            reason=refusal.message,
        )
        if block.refusal:
            message = refusal.message
        parsed.problems.append(RowProblem(file, line.number, _placed(message, line)))
        tally.refused(block)
        return
    parsed.entries.append(Entry(line.number, built.data))
    parsed.warnings.extend(RowProblem(file, row, text) for row, text in built.notices)
    tally.converted(block, built)


def _placed(message: str, line: Line) -> str:
    """``message`` followed by where a Word table's line is (``（表 1 第 3 行）``)."""
    return msg("{message}（{place}）", message=message, place=line.place) if line.place else message


def _title(paper: Segmented, parsed: Parsed) -> None:
    # The first line before the questions, unless it is a form to fill in (姓名：____).
    texts = [t.whole for t in paper.front if t.kind != Kind.EMPTY and "__" not in t.whole]
    if texts and len(texts[0]) <= _TITLE_LENGTH:
        parsed.header["title"] = texts[0]
