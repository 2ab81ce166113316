"""Tokenize the lines of a paper: what each line (or part of a line) is, without context.

A line is cut where an answer or explanation starts in its middle (``D．…  答案：B  解析：…``),
then each piece is classified: a section heading, a question number, options, an answer, an
explanation, a short answer (``答：``), an answer-key line, a page number, or plain text. Whether a
numbered line really starts a question is decided later, by the segmenter, which knows the
numbering so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from jgstudy.core.convert.paper_keyline import has_range, key_items
from jgstudy.core.convert.paper_lines import Line
from jgstudy.core.convert.paper_options import Option, find_options
from jgstudy.core.model import QType


class Kind(StrEnum):
    """What a piece of a line is."""

    SECTION = "section"
    QUESTION = "question"
    OPTIONS = "options"
    ANSWER = "answer"
    EXPLAIN = "explain"
    REPLY = "reply"
    KEY = "key"
    PAGE = "page"
    TEXT = "text"
    EMPTY = "empty"


@dataclass(frozen=True)
class Token:
    """A classified piece of a line.

    Attributes:
        start: where the piece's content starts in ``line.text`` (after its marker).
        end: where the piece ends in ``line.text`` (an answer or explanation may follow).
        at: where the piece starts in ``line.text``, marker included.
        text: the content, stripped.
        number: the question number (QUESTION), or None.
        style: how the number is written (QUESTION), see :func:`number_style`.
        digits: the digits as written, for a number glued to the text.
        qtype: the type a section heading or a question's tag names.
        options: the options found on the line (OPTIONS, or a QUESTION line carrying them).
        keys: answer-key items (KEY): number and answer text.
    """

    kind: Kind
    line: Line
    start: int
    text: str
    end: int = 0
    at: int = 0
    number: int | None = None
    style: str = ""
    digits: str = ""
    qtype: QType | None = None
    options: tuple[Option, ...] = ()
    keys: tuple[tuple[int, str], ...] = field(default=())

    @property
    def whole(self) -> str:
        """The piece as written, marker and number included."""
        return self.line.text[self.at : self.end].strip()

    @property
    def family(self) -> str:
        """Numbering styles that papers mix freely (``1、`` and ``1.``) count as one."""
        return "plain" if self.style in ("dun", "dot", "colon", "dotnum") else self.style


_CUT = re.compile(
    r"(?<=\S)(?<!正确)(?<!参考)(?<!标准)(?<!答案)(?<![【\[])\s*(?=【(?:参考|正确|标准)?答案】|【解析】|(?:正确|参考|标准)?答案\s*[:：]|解析\s*[:：])"
)
_ANSWER = re.compile(
    r"^[【\[]?\s*(?:正确答案|参考答案|标准答案|答\s*案|answer)\s*[】\]]?\s*[:：]?\s*", re.IGNORECASE
)
_EXPLAIN = re.compile(
    r"^[【\[]?\s*(?:答案解析|试题解析|解析|explanation)\s*[】\]]?\s*[:：]?\s*", re.I
)
_KEY_LENGTH = 8
_REPLY = re.compile(r"^答\s*[:：]\s*")
_NUMERAL = "一二三四五六七八九十"
_SECTION = re.compile(rf"^(?:第\s*)?[{_NUMERAL}]+\s*(?:[、.．:：]|部分)\s*(.*)$")
_TYPE_WORDS: tuple[tuple[str, QType], ...] = (
    ("单项选择", QType.SINGLE),
    ("单选", QType.SINGLE),
    ("多项选择", QType.MULTIPLE),
    ("不定项", QType.MULTIPLE),
    ("多选", QType.MULTIPLE),
    ("判断", QType.JUDGE),
    ("是非", QType.JUDGE),
    ("正误", QType.JUDGE),
    ("填空", QType.FILL),
    ("简答", QType.SHORT),
    ("问答", QType.SHORT),
    ("论述", QType.SHORT),
    ("名词解释", QType.SHORT),
)
_PAREN_SECTION = re.compile(rf"^[（(]\s*[{_NUMERAL}]+\s*[)）]\s*(.+)$")
_BARE_SECTION = re.compile(
    r"^(?:单项选择|多项选择|不定项选择|选择|单选|多选|判断|是非|填空|简答|问答|论述)题?\s*(?:[（(].*[)）])?\s*$"
)
_TAG = re.compile(
    r"^\s*[【\[［]\s*(单项选择|多项选择|不定项选择|不定项|单选|多选|判断|是非|填空|简答|问答)题?\s*[】\]］]\s*"
)
_NUMBERS = (
    ("di", re.compile(r"^第\s*(\d+)\s*题\s*[、.．:：]?\s*")),
    ("paren", re.compile(r"^[（(]\s*(\d+)\s*[)）]\s*")),
    ("cparen", re.compile(r"^(\d+)\s*[)）]\s*")),
    ("dun", re.compile(r"^(\d+)\s*、\s*")),
    ("dot", re.compile(r"^(\d+)\s*[.．](?!\d)\s*")),
    ("colon", re.compile(r"^(\d+)\s*[:：]\s*")),
    ("space", re.compile(r"^(\d+)\s+(?=\D)")),
)
_DOT_DIGIT = re.compile(r"^(\d+)\s*[.．](?=\d)")
_GLUED = re.compile(r"^(\d+)(?=[^\d\s、.．:：,，])")
_PAGE = re.compile(
    r"^(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+|\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.IGNORECASE,
)


def is_text_answer(text: str) -> bool:
    """An answer that may continue on the next lines: empty (a heading) or longer than a key."""
    return len(text) > _KEY_LENGTH or not text


def tokenize(lines: list[Line]) -> list[Token]:
    """Every line's pieces, classified."""
    tokens: list[Token] = []
    for line in lines:
        tokens.extend(_classify(line, start) for start in _cuts(line.text))
    return tokens


def _cuts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CUT.finditer(text))]


def _classify(line: Line, start: int) -> Token:
    end = _next_cut(line.text, start)
    raw = line.text[start:end]
    text = raw.strip()
    offset = start + (len(raw) - len(raw.lstrip()))
    if not text:
        return Token(Kind.EMPTY, line, offset, "", end, offset)
    for probe in (_explain, _answer, _reply, _page, _key, _section, _question, _options):
        token = probe(line, offset, text)
        if token is not None:
            return replace(token, end=end, at=offset)
    return Token(Kind.TEXT, line, offset, text, end, offset)


def _next_cut(text: str, start: int) -> int:
    match = _CUT.search(text, start + 1)
    return match.end() if match else len(text)


def _after(
    kind: Kind, pattern: re.Pattern[str], line: Line, offset: int, text: str
) -> Token | None:
    match = pattern.match(text)
    if match is None:
        return None
    return Token(kind, line, offset + match.end(), text[match.end() :].strip())


def _answer(line: Line, offset: int, text: str) -> Token | None:
    return _after(Kind.ANSWER, _ANSWER, line, offset, text)


def _explain(line: Line, offset: int, text: str) -> Token | None:
    return _after(Kind.EXPLAIN, _EXPLAIN, line, offset, text)


def _reply(line: Line, offset: int, text: str) -> Token | None:
    return _after(Kind.REPLY, _REPLY, line, offset, text)


def _page(line: Line, offset: int, text: str) -> Token | None:
    return Token(Kind.PAGE, line, offset, text) if _PAGE.fullmatch(text) else None


def section_type(title: str) -> QType | None:
    """The question type a section heading or tag names, if any."""
    for word, qtype in _TYPE_WORDS:
        if word in title:
            return qtype
    return None


def names_kind(title: str) -> bool:
    """Whether a heading names a kind of question (``选择题`` too) rather than a topic."""
    return section_type(title) is not None or "选择" in title


def _section(line: Line, offset: int, text: str) -> Token | None:
    match = _SECTION.match(text)
    if match is None and _BARE_SECTION.match(text):
        return Token(Kind.SECTION, line, offset, text, qtype=section_type(text))
    paren = _PAREN_SECTION.match(text)
    if match is None and paren is not None and names_kind(paren.group(1)):
        match = paren  # ``（一）单项选择题``; ``（一）`` before anything else is content
    if match is None or not match.group(1):
        return None
    rest = match.group(1)
    keys = key_items(rest) or ()  # ``一、1-5 BBACD`` in an answer key
    return Token(Kind.SECTION, line, offset, text, qtype=section_type(rest), keys=keys)


def _key(line: Line, offset: int, text: str) -> Token | None:
    items = key_items(text)
    if not items or (len(items) < 2 and not has_range(text)):
        return None
    return Token(Kind.KEY, line, offset, text, keys=items)


def number_style(text: str) -> tuple[str, int, int] | None:
    """How a numbered piece is numbered: the style, the number and where the rest starts."""
    for style, pattern in _NUMBERS:
        match = pattern.match(text)
        if match:
            return style, int(match.group(1)), match.end()
    return None


def _question(line: Line, offset: int, text: str) -> Token | None:
    # A tag may come before the number too: ``【单选题】1. …``.
    _, before, lead = _tagged(text)
    found = _numbered(text[lead:]) if before is not None else _numbered(text)
    if found is None:
        return None
    style, number, end, digits = found
    end += lead if before is not None else 0
    rest, after, skip = _tagged(text[end:])
    start = offset + end + skip
    return Token(
        Kind.QUESTION,
        line,
        start,
        rest,
        number=number,
        style=style,
        digits=digits,
        qtype=after or before,
        options=find_options(line.text, start, inline=True),
    )


def is_numbered(text: str) -> bool:
    """Whether a line starts with a question number (after a tag), as papers number them."""
    _, tag, lead = _tagged(text)
    found = number_style(text[lead:] if tag is not None else text.strip())
    return found is not None and found[0] != "space"


def _numbered(text: str) -> tuple[str, int, int, str] | None:
    """Style, number, end of the number, and the digits when glued to the text."""
    found = number_style(text)
    if found is not None:
        return (*found, "")
    dotted = _DOT_DIGIT.match(text)
    if dotted is not None:  # ``5.2023年……``: question 5, or a decimal such as ``1.5万``
        return "dotnum", int(dotted.group(1)), dotted.end(), ""
    glued = _GLUED.match(text)
    if glued is None:
        return None
    return "glued", int(glued.group(1)), glued.end(), glued.group(1)


def _tagged(text: str) -> tuple[str, QType | None, int]:
    match = _TAG.match(text)
    if match is None:
        return text.strip(), None, len(text) - len(text.lstrip())
    return text[match.end() :].strip(), section_type(match.group(1)), match.end()


def _options(line: Line, offset: int, text: str) -> Token | None:
    options = find_options(line.text, offset, inline=False)
    return Token(Kind.OPTIONS, line, offset, text, options=options) if options else None
