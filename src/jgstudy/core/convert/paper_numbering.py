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
    styles: dict[str, Style] = field(default_factory=dict)
    default_style: str | None = None

    @classmethod
    def of(cls, document: Any) -> AutoNumbers:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        styles, default = _styles(document.styles.element)
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
        return cls(lists, {}, styles, default)

    def prefix(self, paragraph: Paragraph) -> str:
        """The number Word shows before ``paragraph`` (with its punctuation), or ""."""
        found = self._num_pr(paragraph)
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

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """The list and level of a paragraph, set on it or on its style (or the styles below)."""
        p_pr = paragraph._p.pPr
        own = _own_num_pr(p_pr)
        style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
        num_id, ilvl = own
        seen: set[str] = set()
        style_id = style_id or self.default_style
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
            style_id = style.based_on
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0


@dataclass(frozen=True)
class Style:
    """What numbering a paragraph style gives, and the style it is based on."""

    num_id: str | None
    ilvl: int | None
    based_on: str | None


def _own_num_pr(holder: Any) -> tuple[str | None, int | None]:
    num_pr = holder.find(qn("w:numPr")) if holder is not None else None
    if num_pr is None:
        return None, None
    num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
    return (
        num_id.get(qn("w:val")) if num_id is not None else None,
        int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else None,
    )


def _styles(root: Any) -> tuple[dict[str, Style], str | None]:
    # Read once: python-docx looks a paragraph's style up anew each time, which is slow.
    styles: dict[str, Style] = {}
    default = None
    for style in root.iter(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        style_id = style.get(qn("w:styleId"))
        based = style.find(qn("w:basedOn"))
        styles[style_id] = Style(
            *_own_num_pr(style.find(qn("w:pPr"))),
            based.get(qn("w:val")) if based is not None else None,
        )
        if style.get(qn("w:default")) in ("1", "true"):
            default = style_id
    return styles, default


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
