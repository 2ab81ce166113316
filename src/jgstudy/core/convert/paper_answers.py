"""Where a paper question's answer is written, other than on an answer line.

* in the stem's bracket: ``（C）`` ``( AB )`` ``__B__`` ``（√）`` — emptied into a blank ``（ ）``;
* by Word formatting: a bold, red or highlighted option; underlined words of a fill stem.

Text between underscores in a fill stem (``__八项规定__``) is not read as an answer: in
``____和____`` the same pattern would make ``和`` one.

Brackets holding anything else (``党委（党组）`` ``（一）`` ``县（旗）``) are content and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jgstudy.core.convert.paper_parts import Frag, ParsedOption, join

_CHOICE = re.compile(
    r"[（(][ _＿]*([A-Ha-hＡ-Ｈ](?:[ ,，、]*[A-Ha-hＡ-Ｈ])*)[ _＿]*[)）]|[_＿]+[ ]*([A-HＡ-Ｈ]+)[ ]*[_＿]+"
)
_JUDGE = re.compile(r"[（(][ _＿]*(√|×|✓|✗|✔|✘|X|对|错|正确|错误)[ _＿]*[)）]")
BLANK = "（ ）"
FILL_BLANK = "____"


@dataclass(frozen=True)
class Found:
    """Answers found in a stem, and the stem with their brackets emptied."""

    stem: str
    answers: tuple[str, ...]


def choice_bracket(stem: str, keys: set[str]) -> Found:
    """Option letters written in the stem's bracket (all of them must be options)."""
    answers: list[str] = []

    def take(match: re.Match[str]) -> str:
        letters = re.sub(r"[ ,，、]", "", match.group(1) or match.group(2))
        letters = letters.translate(_FULL_WIDTH).upper()
        if not set(letters) <= keys:
            return match.group(0)
        answers.append(letters)
        return BLANK

    return Found(_CHOICE.sub(take, stem), tuple(answers))


def judge_bracket(stem: str) -> Found:
    """``（√）`` ``（×）`` ``（对）`` … in the stem."""
    answers: list[str] = []

    def take(match: re.Match[str]) -> str:
        answers.append(match.group(1))
        return BLANK

    return Found(_JUDGE.sub(take, stem), tuple(answers))


def underlined_blanks(frags: list[Frag]) -> Found:
    """A Word stem's underlined words as answers; each becomes a blank ``____``."""
    texts: list[str] = []
    answers: list[str] = []
    for frag in frags:
        text, position = "", frag.start
        for start, end in frag.line.underlined():
            start, end = max(start, frag.start), min(end, frag.end)
            if start >= end:
                continue
            text += frag.line.text[position:start] + FILL_BLANK
            answers.append(frag.line.text[start:end].strip())
            position = end
        texts.append((text + frag.line.text[position : frag.end]).strip())
    return Found(join(texts), tuple(a for a in answers if a))


def strong_options(options: list[ParsedOption]) -> str:
    """Letters of the options shown bold, red or highlighted, when some (not all) are."""
    if not any(f.line.strong for o in options for f in (*o.frags, o.marker)):
        return ""  # a text paper, or no emphasis at all: nothing to look at
    marked = [
        o.key
        for o in options
        if (
            all(f.line.is_strong(f.start, f.end) for f in o.frags if f.text)
            and any(f.text for f in o.frags)
        )
        or o.marker.line.is_strong(o.marker.start, o.marker.end)
    ]
    return "".join(marked) if 0 < len(marked) < len(options) else ""


_FULL_WIDTH = str.maketrans("ＡＢＣＤＥＦＧＨ", "ABCDEFGH")
