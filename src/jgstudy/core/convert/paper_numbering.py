"""Word's automatic numbering, written out as the text a reader sees (``1.`` ``A．`` ``一、``).

Many Word papers number questions and options with a numbered list: the numbers are not in the
paragraph text but in the numbering definitions. This follows them (direct or through the
paragraph style), counting per list and level as Word does for the common cases; a list Word
restarts by a ``startOverride`` starts again here too. Bullets give no prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_CHINESE = "〇一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


@dataclass
class AutoNumbers:
    """The numbering definitions of one document and the counters while reading it."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> AutoNumbers:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract = {
            a.get(qn("w:abstractNumId")): _levels(a) for a in root.iter(qn("w:abstractNum"))
        }
        lists: dict[str, dict[int, Level]] = {}
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.iter(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, int(start.get(qn("w:val"), "1")))
            lists[num.get(qn("w:numId"))] = levels
        return cls(lists)

    def prefix(self, paragraph: Paragraph) -> str:
        """The number Word shows before ``paragraph`` (with its punctuation), or ""."""
        found = _num_pr(paragraph)
        if found is None or found[0] not in self.lists:
            return ""
        num_id, ilvl = found
        levels = self.lists[num_id]
        if ilvl not in levels or levels[ilvl].fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = levels[ilvl].text
        for level in range(ilvl + 1):
            value = counts.get(level, levels[level].start if level in levels else 1)
            shown = _format(levels[level].fmt if level in levels else "decimal", value)
            text = text.replace(f"%{level + 1}", shown)
        return text


def _levels(abstract: Any) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.iter(qn("w:lvl")):
        fmt, text, start = (
            lvl.find(qn("w:numFmt")),
            lvl.find(qn("w:lvlText")),
            lvl.find(qn("w:start")),
        )
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            int(start.get(qn("w:val"))) if start is not None else 1,
        )
    return levels


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The list and level of a paragraph, set on it or on its style (and the styles it is based on)."""
    p_pr = paragraph._p.pPr
    candidates = [p_pr] if p_pr is not None else []
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    num_id: str | None = None
    ilvl: int | None = None
    for holder in candidates:
        num_pr = holder.find(qn("w:numPr")) if holder is not None else None
        if num_pr is None:
            continue
        if num_id is None and (found := num_pr.find(qn("w:numId"))) is not None:
            num_id = found.get(qn("w:val"))
        if ilvl is None and (level := num_pr.find(qn("w:ilvl"))) is not None:
            ilvl = int(level.get(qn("w:val"), "0"))
    if num_id is None or num_id == "0":
        return None
    return num_id, ilvl or 0


def _format(fmt: str, value: int) -> str:
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt == "taiwaneseCounting":
        return _chinese(value)
    if fmt == "decimalEnclosedCircle" and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _chinese(value: int) -> str:
    if value <= 10:
        return _CHINESE[value]
    tens, ones = divmod(value, 10)
    if value < 100:
        return ("" if tens == 1 else _CHINESE[tens]) + "十" + (_CHINESE[ones] if ones else "")
    return str(value)
