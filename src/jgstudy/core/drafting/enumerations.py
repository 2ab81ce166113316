"""Lists in the material that can become multiple-choice questions.

Only a closed list makes a fair multiple-choice question: with "A、B、C等" a distractor can never be
proved wrong, since the material does not say the list is complete. Lists are found in three
shapes: inside one quote (“凝心铸魂、对标争先、强基提能、清廉机关”), as a run of quoted names
(“银龄互助”“小橘灯”“清河守护”), and after a cue word (包括、涵盖、分别是、：) up to the clause's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEM_MIN, ITEM_MAX = 2, 12
ITEMS_MIN = 3

_QUOTED_LIST = re.compile(r"“(?P<body>[^“”，,。；;：:]{5,80})”")
_NAME_RUN = re.compile(r"(?:“[^“”，,。；;]{2,12}”[、和及与]?){3,}")
_CUE_LIST = re.compile(
    r"(?:包括|涵盖|分别是|分别为|主要有|聚焦|围绕|即|：|:)(?P<body>[^，,。；;：:“”（）()]{8,120})"
)
# "……和产业发展三个方面": a count after the last item closes the list; it is no part of the item.
_COUNT_TAIL = re.compile(
    r"(?:等)?[一二三四五六七八九十两\d]+(?:个|项|方面|大|类)(?:方面|领域|环节|任务|重点)?$"
)
_LAST_JOIN = re.compile(r"(?:以及|和|及|与)")
_OPEN_ENDINGS = ("等", "……", "…")


@dataclass(frozen=True)
class Enumeration:
    """A list of items: ``start``/``end`` delimit the whole list in its sentence."""

    start: int
    end: int
    items: tuple[str, ...]
    closed: bool


def find_enumerations(text: str) -> list[Enumeration]:
    """Every list of three or more short items in a sentence, open or closed, in order."""
    found = [*_quoted_lists(text), *_name_runs(text), *_cue_lists(text)]
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[Enumeration] = []
    for enumeration in found:  # a list inside a list already found is the same list
        if not any(k.start <= enumeration.start and enumeration.end <= k.end for k in kept):
            kept.append(enumeration)
    return kept


def _closed(text: str, end: int, items: list[str]) -> bool:
    after = text[end : end + 2]
    return not after.startswith(_OPEN_ENDINGS) and not items[-1].endswith(_OPEN_ENDINGS)


def _items_ok(items: list[str]) -> bool:
    return (
        len(items) >= ITEMS_MIN
        and all(ITEM_MIN <= len(item) <= ITEM_MAX for item in items)
        and len(set(items)) == len(items)
    )


def _quoted_lists(text: str) -> list[Enumeration]:
    found: list[Enumeration] = []
    for match in _QUOTED_LIST.finditer(text):
        items = match["body"].split("、")
        if _items_ok(items):
            found.append(
                Enumeration(
                    match.start(), match.end(), tuple(items), _closed(text, match.end(), items)
                )
            )
    return found


def _name_runs(text: str) -> list[Enumeration]:
    found: list[Enumeration] = []
    for match in _NAME_RUN.finditer(text):
        items = re.findall(r"“([^“”]+)”", match.group())
        end = match.start() + len(match.group().rstrip("、和及与"))
        if _items_ok(items):
            found.append(Enumeration(match.start(), end, tuple(items), _closed(text, end, items)))
    return found


def _cue_lists(text: str) -> list[Enumeration]:
    found: list[Enumeration] = []
    for match in _CUE_LIST.finditer(text):
        body, start = match["body"], match.start("body")
        if "、" not in body:
            continue
        *heads, last = body.split("、")
        joined = _LAST_JOIN.split(last, maxsplit=1)
        items = [*heads, *joined] if len(joined) == 2 else [*heads, last]
        items = [item.strip() for item in items]
        end = start + len(body)
        counted = _COUNT_TAIL.search(items[-1])
        if counted is not None:
            end -= len(items[-1]) - counted.start()
            items[-1] = items[-1][: counted.start()]
        if _items_ok(items):
            found.append(Enumeration(start, end, tuple(items), _closed(text, end, items)))
    return found
