"""Lines of an answer key: ``1-5 BBABA``, ``6～10：√×√√×``, ``1.ABCD 2.AC``, ``3．对``."""

from __future__ import annotations

import re

_KEY_ITEM = r"(?:[A-Ha-hＡ-Ｈ]+|[√×✓✗✔✘对错]|正确|错误)"
_KEY_RANGE = re.compile(
    rf"(\d+)\s*[-—–~～－至]\s*(\d+)\s*[:：.．、]?\s*((?:{_KEY_ITEM}\s*)+?)(?=\s+\d|\s*[,，;；]|\s*$)"
)
_KEY_PAIR = re.compile(rf"(\d+)\s*[.．、:：]?\s*({_KEY_ITEM})(?=[\s,，;；]|$)")


def has_range(text: str) -> bool:
    """Whether the text holds a range item (``1-5 …``): a key line even on its own."""
    return _KEY_RANGE.search(text) is not None


def key_items(text: str) -> tuple[tuple[int, str], ...] | None:
    """The items of a line that holds nothing but answer-key items, else None."""
    items: list[tuple[int, str]] = []
    rest = text
    for pattern in (_KEY_RANGE, _KEY_PAIR):
        for match in pattern.finditer(rest):
            items.extend(_key_items(match))
        rest = pattern.sub(" ", rest)
    if not items or rest.strip(" ,，;；"):
        return None
    return tuple(sorted(items))


def _key_items(match: re.Match[str]) -> list[tuple[int, str]]:
    if match.re is _KEY_PAIR:
        return [(int(match.group(1)), match.group(2))]
    first, last, answers = int(match.group(1)), int(match.group(2)), match.group(3).split()
    if len(answers) == 1 and last - first + 1 != 1:
        answers = re.findall(r"正确|错误|.", answers[0])
    if len(answers) != last - first + 1 or last < first:
        return [(first, "?" + match.group(0))]  # a range that does not fit: reported later
    return list(zip(range(first, last + 1), answers, strict=True))


def single_key(text: str) -> tuple[int, str] | None:
    """A one-item key line (``3．B``), read as such only inside an answer key."""
    match = _KEY_PAIR.fullmatch(text.strip())
    return (int(match.group(1)), match.group(2)) if match else None
