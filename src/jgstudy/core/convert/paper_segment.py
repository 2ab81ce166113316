"""Segment a paper's tokens into sections, question blocks and an answer key.

The segmenter decides what a numbered line is: a new question when its number follows the
numbering so far (or starts a section), continuation text when it is written in another style or
sits inside an answer. A number glued to the text (``021920年8月…``) is read only when exactly one
expected number fits; otherwise the block is kept aside as refused, so its options and answer are
never taken for the previous question's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from jgstudy.core.convert.paper_keyline import single_key
from jgstudy.core.convert.paper_lines import Line
from jgstudy.core.convert.paper_options import find_options
from jgstudy.core.convert.paper_tokens import Kind, Token, is_text_answer, names_kind
from jgstudy.core.convert.words import NUMBER_MARK
from jgstudy.core.model import QType
from jgstudy.core.text import msg

_KEY_HEAD = re.compile(
    r"^(?:附\s*[:：]?\s*)?[【\[]?\s*(?:参考|标准|正确)?答案\s*(?:及|与|和)?\s*(?:解析|详解)?\s*[】\]]?\s*[:：]?$"
)
_NOTE = re.compile(r"^[（(].*[)）]$|^(?:注|说明|注意)")
_REPEATS = 3
_HEADER_WORDS = 4
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_HEADER_LENGTH = 40


@dataclass
class Section:
    """A part of the paper under one heading (index 0: before any heading)."""

    index: int
    title: str
    qtype: QType | None
    line: Line | None
    style: str = ""
    last: int | None = None
    count: int = 0


@dataclass
class Block:
    """The tokens of one question, from its numbered line to the next question."""

    section: Section
    number: int
    head: Token
    tokens: list[Token] = field(default_factory=list)
    refusal: str | None = None
    inner: int = 0  # the last number of a list inside the answer (``答：1.…2.…``)

    def complete(self) -> bool:
        """Whether the question already has options or an answer (so a new one may follow)."""
        done = (Kind.OPTIONS, Kind.ANSWER, Kind.REPLY, Kind.EXPLAIN)
        return bool(self.head.options) or any(t.kind in done for t in self.tokens)

    def in_answer(self) -> bool:
        """Whether the last thing read was an answer text, explanation or ``答：`` reply."""
        for token in reversed(self.tokens):
            if token.kind in (Kind.REPLY, Kind.EXPLAIN):
                return True
            if token.kind == Kind.ANSWER:
                return is_text_answer(token.text)
            if token.kind == Kind.OPTIONS:
                return False
        return False


@dataclass(frozen=True)
class KeyItem:
    """One answer of the key at the end: its question number, answer, group and line."""

    number: int
    text: str
    group: int
    line: Line
    explanation: str = ""


@dataclass
class Segmented:
    """The paper cut into its parts, with every line that belongs to none and why."""

    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    keys: list[KeyItem] = field(default_factory=list)
    key_groups: int = 0
    front: list[Token] = field(default_factory=list)
    noise: list[tuple[Token, str]] = field(default_factory=list)


# Why a line was left out (a notice names it).
NOISE_PAGE = msg("页码")
NOISE_HEADER = msg("页眉页脚（重复出现的行）")
NOISE_NOTE = msg("标题或说明")
NOISE_STRAY = msg("无法归入任何题目")
NOISE_KEY = msg("答案部分中无法识别")


class _Segmenter:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.out = Segmented()
        self.section = Section(0, "", None, None)
        self.out.sections.append(self.section)
        self.block: Block | None = None
        self.in_key = False
        self.headers = _running_headers(tokens)
        self.previous_last: int | None = None
        self.group_last = 0
        self.key_section: Token | None = None
        self.skip: set[int] = set()

    def run(self) -> Segmented:
        for index, token in enumerate(self.tokens):
            if index in self.skip:
                continue
            if self.in_key and self._questions_resume(index, token):
                self._leave_key()
            if self.in_key:
                self._key(token)
            else:
                self._question_mode(index, token)
        self._close()
        return self.out

    def _following(self, index: int) -> Token | None:
        return next((t for t in self.tokens[index + 1 :] if t.kind != Kind.EMPTY), None)

    def _questions_resume(self, index: int, token: Token) -> bool:
        """Whether questions start again after a key (a key after each section)."""
        if token.kind != Kind.QUESTION:
            return False
        following = self._following(index)
        if token.options or (following is not None and following.kind == Kind.OPTIONS):
            return True
        heading = self.key_section
        return heading is not None and heading.qtype is not None and _stem_like(token.text)

    def _leave_key(self) -> None:
        self.in_key = False
        if self.key_section is not None:
            self._new_section(self.key_section)
            self.key_section = None

    def _question_mode(self, index: int, token: Token) -> None:
        if token.kind == Kind.EMPTY:
            return
        if token.kind == Kind.PAGE and self._lone_number(index, token):
            return
        if token.kind == Kind.PAGE:
            self.out.noise.append((token, NOISE_PAGE))
        elif token.kind in (Kind.TEXT, Kind.SECTION) and token.text in self.headers:
            # checked before headings: a repeated heading is a running header
            self.out.noise.append((token, NOISE_HEADER))
        elif token.kind == Kind.KEY or self._key_heading(index, token):
            self._start_key(token)
        elif token.kind == Kind.SECTION and self._is_section(token):
            self._new_section(token)
        elif token.kind == Kind.QUESTION and self._new_question(token):
            return
        else:
            self._add(token)

    def _add(self, token: Token) -> None:
        if self.block is not None:
            self.block.tokens.append(token)
        elif not self.out.blocks and self.section.index == 0:
            self.out.front.append(token)
        else:
            self.out.noise.append((token, NOISE_NOTE if _NOTE.match(token.text) else NOISE_STRAY))

    def _lone_number(self, index: int, token: Token) -> bool:
        """A number alone on its line, then the stem (text out of a PDF): the next question.

        Only the number that follows the numbering so far; any other bare number is a page's.
        """
        if not token.text.isdigit() or int(token.text) not in self._expected():
            return False
        if self.block is not None and not self.block.complete():
            return False
        following = self._following(index)
        if following is None or following.kind != Kind.TEXT:
            return False
        style = "dun" if self.section.style in ("", "plain") else self.section.style
        head = replace(
            following,
            kind=Kind.QUESTION,
            number=int(token.text),
            style=style,
            options=find_options(following.line.text, following.start, inline=True),
        )
        self.skip.add(self.tokens.index(following, index + 1))
        return self._new_question(head)

    def _key_heading(self, index: int, token: Token) -> bool:
        if token.kind not in (Kind.ANSWER, Kind.TEXT) or not _KEY_HEAD.match(
            token.line.text.strip()
        ):
            return False
        if not self.out.blocks and self.block is None:
            return False
        following = self._following(index)
        if following is None:
            return True
        if following.kind == Kind.KEY:
            return True
        if self._answers_short_question():
            return False  # ``参考答案：`` then the answer's own lines
        if _bare_numeral(following):
            # ``参考答案`` then ``一、`` alone on its line: the key's first group follows.
            following = self._following(self.tokens.index(following, index + 1))
            return following is not None and _opens_key(following)
        if following.kind == Kind.SECTION:
            return names_kind(following.text) or bool(following.keys)
        return following.kind == Kind.QUESTION and _key_like(following)

    def _answers_short_question(self) -> bool:
        block = self.block
        return block is not None and (block.head.qtype or block.section.qtype) == QType.SHORT

    def _start_key(self, token: Token) -> None:
        self._close()
        self.in_key = True
        if token.kind == Kind.KEY:
            self._key(token)

    def _is_section(self, token: Token) -> bool:
        if token.qtype is not None or self.block is None:
            return True
        # ``一、坚持……`` inside an answer is part of the answer, not a topic heading.
        return not self.block.in_answer()

    def _new_section(self, token: Token) -> None:
        self._close()
        previous = self.section
        self.section = Section(len(self.out.sections), token.text, token.qtype, token.line)
        self.section.last = None
        self.out.sections.append(self.section)
        self.previous_last = previous.last

    def _new_question(self, token: Token) -> bool:
        decided = self._decide(token)
        if decided is None:
            return False
        self._close()
        number, head, refusal = decided
        self.block = Block(self.section, number, head, refusal=refusal)
        if refusal is None:
            self.section.style = self.section.style or token.family
            self.section.last = number
        return True

    def _decide(self, token: Token) -> tuple[int, Token, str | None] | None:
        assert token.number is not None
        if token.style == "glued":
            return self._glued(token)
        if token.style == "dotnum" and token.number not in self._expected():
            return None  # a decimal number at the start of a line
        if self.section.style and token.family != self.section.style:
            return None
        if self.block is not None and self.block.in_answer() and self._inside(token.number):
            return None
        if self.block is None and not self.out.blocks and _looks_like_year(token):
            return None
        return token.number, token, None

    def _inside(self, number: int) -> bool:
        """Whether a number inside an answer belongs to a list of the answer's own."""
        assert self.block is not None
        follows = number == (self.section.last or 0) + 1
        if number == self.block.inner + 1 and (self.block.inner or not follows):
            self.block.inner = number
            return True
        return not follows

    def _glued(self, token: Token) -> tuple[int, Token, str | None] | None:
        fits = {n for n in self._expected() if _glued_prefix(token.digits, n) is not None}
        if len(fits) == 1:
            number = fits.pop()
            cut = _glued_prefix(token.digits, number) or 0
            rest = token.digits[cut:]
            head = replace(
                token, number=number, text=rest + token.text, start=token.start - len(rest)
            )
            return number, head, None
        if self.block is None and not self.out.blocks:
            return None  # a title such as ``2024年……`` before the first question
        if self.block is not None and not self.block.complete():
            return None
        reason = msg(
            "题号和正文连在一起（“{text}”），无法确定题号到哪里为止，未转换；请在题号后加“{mark}”",
            text=token.line.text.strip()[:16],
            mark=NUMBER_MARK,
        )
        return int(token.digits[:1] or "0"), token, reason

    def _expected(self) -> set[int]:
        if self.section.last is not None:
            return {self.section.last + 1}
        previous = self.previous_last
        return {1} | ({previous + 1} if previous is not None else set())

    def _close(self) -> None:
        if self.block is not None:
            self.out.blocks.append(self.block)
            self.section.count += 1
            self.block = None

    def _key(self, token: Token) -> None:
        if token.kind in (Kind.EMPTY,):
            return
        if token.kind == Kind.PAGE or token.text in self.headers:
            self.out.noise.append((token, NOISE_PAGE if token.kind == Kind.PAGE else NOISE_HEADER))
        elif token.kind == Kind.SECTION or _bare_numeral(token):
            self._key_group()
            self.key_section = token
            for number, text in token.keys or _heading_text_items(token.text):
                self._key_item(number, text, token.line)
        elif token.kind == Kind.KEY:
            for number, text in token.keys:
                self._key_item(number, text, token.line)
        elif token.kind == Kind.QUESTION and token.number is not None and token.text:
            for number, text in _text_items(token):
                self._key_item(number, text, token.line)
        elif token.kind == Kind.EXPLAIN and self.out.keys:
            last = self.out.keys[-1]
            self.out.keys[-1] = replace(last, explanation=token.text)
        elif token.kind != Kind.ANSWER or token.text:
            self.out.noise.append((token, NOISE_KEY))

    def _key_group(self) -> None:
        if self.out.keys and self.out.keys[-1].group == self.out.key_groups:
            self.out.key_groups += 1
        self.group_last = 0

    def _key_item(self, number: int, text: str, line: Line) -> None:
        if number <= self.group_last:
            self._key_group()
        self.group_last = number
        self.key_section = None
        self.out.keys.append(KeyItem(number, text, self.out.key_groups, line))


_TEXT_ITEM = re.compile(r"(\d+)\s*[.．、:：]\s*(.+?)(?=\s+\d+\s*[.．、:：]|$)")
_BLANKS = re.compile(r"[_＿]{3,}|[（(]\s*[)）]")
_STEM_LENGTH = 15


def _text_items(token: Token) -> list[tuple[int, str]]:
    """Key items written as text (``1.中国共产党 2.实事求是``): fill and short answers."""
    assert token.number is not None
    found = [(int(m.group(1)), m.group(2).strip()) for m in _TEXT_ITEM.finditer(token.whole)]
    return found or [(token.number, token.text)]


_HEADING_ITEMS = re.compile(r"^(?:第\s*)?[一二三四五六七八九十]+\s*[、.．:：]\s*(?=\d)(.*)$")


def _heading_text_items(text: str) -> list[tuple[int, str]]:
    """Fill or short answers written as text on a key's heading line (``三、1.实事求是``)."""
    match = _HEADING_ITEMS.match(text)
    if match is None:
        return []
    return [(int(m.group(1)), m.group(2).strip()) for m in _TEXT_ITEM.finditer(match.group(1))]


_BARE_NUMERAL = re.compile(r"(?:第\s*)?[一二三四五六七八九十]+\s*[、.．:：]?")


def _bare_numeral(token: Token) -> bool:
    """A section number alone on its line (``二、``), as keys are often grouped."""
    return token.kind in (Kind.TEXT, Kind.SECTION) and bool(_BARE_NUMERAL.fullmatch(token.text))


def _opens_key(token: Token) -> bool:
    """Whether a line right after a key's bare section number is a key line."""
    if token.kind == Kind.KEY:
        return True
    return token.kind == Kind.QUESTION and _key_like(token)


def _key_like(token: Token) -> bool:
    """A numbered line that reads as key items (``1.B``, ``1.中国共产党 2.实事求是``)."""
    return (
        single_key(token.line.text) is not None
        or len(_text_items(token)) >= 2
        or not _stem_like(token.text)
    )


def _stem_like(text: str) -> bool:
    return _BLANKS.search(text) is not None or len(text) > _STEM_LENGTH


def _glued_prefix(digits: str, number: int) -> int | None:
    for form in (str(number), str(number).zfill(2), str(number).zfill(3)):
        if digits.startswith(form):
            return len(form)
    return None


def _looks_like_year(token: Token) -> bool:
    return token.number is not None and token.number >= 1900 and token.style == "space"


def _running_headers(tokens: list[Token]) -> set[str]:
    """Short text lines that repeat on many pages: running headers and footers.

    A repeated line with a blank (``（ ）。`` where PDF text wrapped before the bracket) or with
    hardly any words is part of the questions, not a header.
    """
    counts = Counter(
        t.text for t in tokens if t.kind == Kind.TEXT or (t.kind == Kind.SECTION and not t.qtype)
    )
    return {
        text
        for text, count in counts.items()
        if count >= _REPEATS
        and len(text) <= _HEADER_LENGTH
        and not _NOTE.match(text)
        and not _BLANKS.search(text)
        and len(_WORDS.findall(text)) >= _HEADER_WORDS
    }


def segment(tokens: list[Token]) -> Segmented:
    """Sections, question blocks, answer key and noise of a tokenized paper."""
    return _Segmenter(tokens).run()
