"""The lines of a question paper, from a text file or a Word document, with their places.

A Word paragraph or a line of text becomes one :class:`Line`; a paragraph with soft line breaks
becomes several with the same number. Spaces that only look like spaces (NBSP, the ideographic
space U+3000) become plain spaces and zero-width characters go, so the patterns that follow see
what the trainer sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jgstudy.core.convert.textfiles import lines as text_lines

Span = tuple[int, int]
_SPACES = str.maketrans({"\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\t": " "})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean(text: str) -> str:
    """``text`` with look-alike spaces made plain and invisible characters removed."""
    return _INVISIBLE.sub("", text.translate(_SPACES))


@dataclass(frozen=True)
class Line:
    """One line of a paper.

    Attributes:
        number: the text line, or the Word paragraph counted from the top of the body.
        text: the cleaned text, not stripped.
        strong: character spans shown bold, in red or highlighted (Word only).
        under: character spans underlined (Word only).
        place: how a trainer finds it when the number is not enough (``表 1 第 3 行``).
        picture: the paragraph holds a picture, which is not converted.
    """

    number: int
    text: str
    strong: tuple[Span, ...] = ()
    under: tuple[Span, ...] = ()
    place: str = ""
    picture: bool = False

    def is_strong(self, start: int, end: int) -> bool:
        """Whether every visible character in ``[start, end)`` is shown emphasised."""
        return _covered(self.text, start, end, self.strong)

    def underlined(self) -> list[Span]:
        """The underlined spans that hold visible text (underlined spaces are a blank)."""
        return [(s, e) for s, e in self.under if self.text[s:e].strip()]


def _covered(text: str, start: int, end: int, spans: tuple[Span, ...]) -> bool:
    visible = [i for i in range(start, end) if not text[i].isspace()]
    return bool(visible) and all(any(s <= i < e for s, e in spans) for i in visible)


@dataclass
class LineBuilder:
    """Builds a :class:`Line` from runs of text with formatting, as Word stores a paragraph."""

    number: int
    place: str = ""
    parts: list[str] = field(default_factory=list)
    strong: list[Span] = field(default_factory=list)
    under: list[Span] = field(default_factory=list)
    length: int = 0
    picture: bool = False

    def add(self, text: str, *, strong: bool = False, under: bool = False) -> None:
        text = clean(text).replace("\r", "\n")
        span = (self.length, self.length + len(text))
        self.parts.append(text)
        self.length += len(text)
        if strong and text:
            _extend(self.strong, span)
        if under and text:
            _extend(self.under, span)

    def lines(self) -> list[Line]:
        """The paragraph's lines; a soft line break starts a new one with the same number."""
        text = "".join(self.parts)
        result: list[Line] = []
        start = 0
        for piece in text.split("\n"):
            end = start + len(piece)
            result.append(
                Line(
                    self.number,
                    piece,
                    _shift(self.strong, start, end),
                    _shift(self.under, start, end),
                    self.place,
                    self.picture,
                )
            )
            start = end + 1
        return result


def _extend(spans: list[Span], span: Span) -> None:
    # Word splits a word into several runs with the same formatting: keep it one span.
    if spans and spans[-1][1] == span[0]:
        spans[-1] = (spans[-1][0], span[1])
    else:
        spans.append(span)


def _shift(spans: list[Span], start: int, end: int) -> tuple[Span, ...]:
    clipped = ((max(s, start) - start, min(e, end) - start) for s, e in spans)
    return tuple((s, e) for s, e in clipped if s < e)


def from_text(text: str) -> list[Line]:
    """The lines of a text file, numbered as an editor numbers them."""
    return [Line(number, clean(raw)) for number, raw in enumerate(text_lines(text), start=1)]
