"""Parse one question block into its parts: stem, options, answers, explanation, reply.

Parts keep where their text came from (line and span), so that Word formatting on an option or
on a word of the stem can be looked up afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jgstudy.core import text as messages
from jgstudy.core.convert.paper_lines import Line
from jgstudy.core.convert.paper_options import Option, find_options
from jgstudy.core.convert.paper_segment import Block
from jgstudy.core.convert.paper_tokens import Kind, Token, is_text_answer
from jgstudy.core.text import msg

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]")


@dataclass(frozen=True)
class Frag:
    """A stretch of one line: part of a stem or an option."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end].strip()


@dataclass
class ParsedOption:
    key: str
    frags: list[Frag]
    marker: Frag

    @property
    def text(self) -> str:
        return join([f.text for f in self.frags])


@dataclass
class Parts:
    """What a question block says, not yet checked."""

    stem: list[Frag] = field(default_factory=list)
    options: list[ParsedOption] = field(default_factory=list)
    answers: list[tuple[str, Line]] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    reply: list[str] = field(default_factory=list)
    stray: list[Token] = field(default_factory=list)
    option_problems: list[str] = field(default_factory=list)


def join(texts: list[str]) -> str:
    """Lines of one paragraph joined back: no space between Chinese, one between other words."""
    result = ""
    for text in (t for t in texts if t):
        glue = "" if not result or _CJK.match(result[-1]) or _CJK.match(text[0]) else " "
        result += glue + text
    return result


class _Reader:
    def __init__(self) -> None:
        self.parts = Parts()
        self.state = "stem"

    def read(self, block: Block) -> Parts:
        self._stem_line(block.head)
        for token in block.tokens:
            self._token(token)
        return self.parts

    def _token(self, token: Token) -> None:
        kind = token.kind
        if kind in (Kind.EMPTY, Kind.PAGE):
            return
        if kind == Kind.ANSWER:
            self.parts.answers.append((token.text, token.line))
            # An answer heading (``参考答案：``) or a long answer may go on over more lines.
            self.state = "answer-text" if is_text_answer(token.text) else "answer"
        elif kind == Kind.EXPLAIN:
            if token.text:
                self.parts.explanation.append(token.text)
            self.state = "explain"
        elif kind == Kind.REPLY:
            if token.text:
                self.parts.reply.append(token.text)
            self.state = "reply"
        elif kind == Kind.OPTIONS and self._options_fit(token):
            self._add_options(token, token.options)
        else:
            self._text(token)

    def _text(self, token: Token) -> None:
        start = _piece_start(token)
        if self.state == "stem":
            self._stem_line(token, start)
        elif self.state == "options":
            self.parts.options[-1].frags.append(Frag(token.line, start, token.end))
        elif self.state == "explain":
            self.parts.explanation.append(token.line.text[start : token.end].strip())
        elif self.state == "reply":
            self.parts.reply.append(token.line.text[start : token.end].strip())
        elif self.state == "answer-text":
            text, line = self.parts.answers[-1]
            more = token.line.text[start : token.end].strip()
            self.parts.answers[-1] = ("\n".join(t for t in (text, more) if t), line)
        else:
            self.parts.stray.append(token)

    def _stem_line(self, token: Token, start: int | None = None) -> None:
        begin = token.start if start is None else start
        options = (
            token.options if start is None else find_options(token.line.text, begin, inline=True)
        )
        end = options[0].marker if options else token.end
        self.parts.stem.append(Frag(token.line, begin, min(end, token.end)))
        if options:
            self._add_options(token, options)

    def _options_fit(self, token: Token) -> bool:
        expected = chr(ord("A") + len(self.parts.options))
        first = token.options[0]
        if first.key == expected:
            return True
        if first.loose:
            return False  # ``B超……`` in a stem is text, not an option out of order
        keys = [o.key for o in self.parts.options]
        have = messages.join("、", keys) if keys else msg("无")
        self.parts.option_problems.append(
            msg(
                "选项 {key} 出现在应为 {expected} 的位置（已有选项：{have}）",
                key=first.key,
                expected=expected,
                have=have,
            )
        )
        return True

    def _add_options(self, token: Token, options: tuple[Option, ...]) -> None:
        for option in options:
            end = min(option.end, token.end)
            marker = Frag(token.line, option.marker, option.start)
            self.parts.options.append(
                ParsedOption(option.key, [Frag(token.line, option.start, end)], marker)
            )
        self.state = "options"


def _piece_start(token: Token) -> int:
    # A numbered line that did not start a question is text from its very first character.
    return token.start if token.kind in (Kind.ANSWER, Kind.EXPLAIN, Kind.REPLY) else token.at


def read_parts(block: Block) -> Parts:
    """The parts of one question block."""
    return _Reader().read(block)
