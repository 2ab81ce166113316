"""Options in a line of a paper: ``A.`` ``A．`` ``A、`` ``(A)`` ``Ａ．`` ``a.``, or ``A历史方位``.

Several options may share a line, with or without spaces (``A．八七会议B．古田会议``), and may
follow the stem on its own line. Letters must run on from the first in order, so a stray ``A.``
in a stem or a ``B超`` in a sentence is not taken for an option.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """An option found in a line: its letter and where its text is in the line."""

    key: str
    start: int
    end: int
    marker: int  # where the option's letter is
    loose: bool = False  # written without a dot or bracket (``A历史方位``)


# An option letter: ``A.`` ``A．`` ``A、`` ``A:`` ``A)`` ``(A)`` ``（A）`` (full-width letters too).
_LETTER = "A-Ha-hＡ-Ｈａ-ｈ"
_MARKER = re.compile(rf"[（(]\s*([{_LETTER}])\s*[)）]|([{_LETTER}])\s*[.．、:：)）]")
_LOOSE = re.compile(r"([A-HＡ-Ｈ])(?=[\u4e00-\u9fff\d“《\"'‘])")


def letter(char: str) -> str:
    """An option letter as the bank writes it: half-width upper case."""
    code = ord(char)
    if 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        char = chr(code - 0xFEE0)
    return char.upper()


def find_options(text: str, start: int, *, inline: bool) -> tuple[Option, ...]:
    """The options in ``text`` from ``start``: at ``start`` itself, or (``inline``) after a stem.

    Letters must follow on from A in order; an option written inside a stem needs a B after it,
    so that a stray ``A.`` in a stem is not taken for one.
    """
    firsts = _candidates(text, start, inline)
    for first in firsts:
        found = _sequence(text, first)
        if len(found) >= 2 or (not inline and found):
            return tuple(found)
    return ()


def _candidates(text: str, start: int, inline: bool) -> list[re.Match[str]]:
    if not inline:
        marker = _MARKER.match(text, start) or _LOOSE.match(text, start)
        return [marker] if marker else []
    return [
        m for m in _MARKER.finditer(text, start) if _key_of(m) == "A" and _boundary(text, m.start())
    ]


def _boundary(text: str, position: int) -> bool:
    # An option inside a line follows a space or punctuation, never a letter (``WTO.``).
    return position == 0 or not text[position - 1].isascii() or not text[position - 1].isalnum()


def _key_of(match: re.Match[str]) -> str:
    return letter(next(g for g in match.groups() if g))


def _sequence(text: str, first: re.Match[str]) -> list[Option]:
    marks = [first]
    paren = first.group(0).lstrip().startswith(("(", "（"))
    later = list(_MARKER.finditer(text, first.end()))  # found once, walked for each letter
    while True:
        key = chr(ord(_key_of(marks[-1])) + 1)
        following = _next_marker(text, marks[-1].end(), key, paren, later)
        if following is None:
            break
        marks.append(following)
    options = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        loose = mark.re is not _MARKER
        options.append(Option(_key_of(mark), mark.end(), end, mark.start(), loose))
    return options


def _next_marker(
    text: str, start: int, key: str, paren: bool, later: list[re.Match[str]]
) -> re.Match[str] | None:
    for match in later:
        if match.start() < start:
            continue
        same_form = paren == match.group(0).startswith(("(", "（"))
        if _key_of(match) == key and same_form and _boundary(text, match.start()):
            return match
    return None if paren else _loose_after_space(key).search(text, start)


@functools.cache
def _loose_after_space(key: str) -> re.Pattern[str]:
    """``B历史使命`` after a space, for option ``key`` (half- or full-width)."""
    return re.compile(rf"(?<=\s)({key}|{chr(ord(key) + 0xFEE0)})(?=[\u4e00-\u9fff“《])")
