"""Names of cadres and units as they enter jgstudy: one spelling per person, nothing hidden.

"张三 " and "张三" are one cadre; a name that arrives decomposed (NFD) is the same as the composed
one. Control characters (ESC, BEL, NUL: a terminal runs escape sequences such as OSC 52, which
writes the clipboard), bidirectional overrides (U+202E shows text reversed) and other invisible
format characters are refused: a name is shown in terminals, reports and spreadsheets.
"""

from __future__ import annotations

import unicodedata

from jgstudy.core.text import join, msg

MAX_NAME = 100
MAX_UNIT = 200
# Control, format (bidi overrides, zero-width), surrogate, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}


class BadName(ValueError):
    """A name that cannot be stored; the message says why, in Chinese."""


def hidden_characters(text: str) -> list[str]:
    """The invisible or control characters in ``text``, as ``U+XXXX``."""
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in _HIDDEN]


def clean_text(text: str, what: str, max_length: int, *, required: bool) -> str:
    """``text`` in NFC without surrounding white space; BadName when it hides characters."""
    text = unicodedata.normalize("NFC", text).strip()
    hidden = hidden_characters(text)
    if hidden:
        shown = join("、", dict.fromkeys(hidden))
        raise BadName(
            msg("{what}含有不可见的控制字符（{shown}），请删除后重试", what=what, shown=shown)
        )
    if required and not text:
        raise BadName(msg("{what}不能为空", what=what))
    if len(text) > max_length:
        raise BadName(msg("{what}过长（最多 {limit} 个字）", what=what, limit=max_length))
    return text


def clean_name(name: str) -> str:
    """A cadre's name as stored (see the module docstring); BadName when it cannot be."""
    return clean_text(name, msg("姓名"), MAX_NAME, required=True)


def clean_unit(unit: str) -> str:
    """A unit's name as stored; may be empty."""
    return clean_text(unit, msg("单位"), MAX_UNIT, required=False)
