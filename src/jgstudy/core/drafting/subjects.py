"""Who a sentence of the material is about: the place or body its facts belong to.

A report often covers two places (a city's organ work, then a district's). A fact drafted as a
question must name the place it belongs to, or cadres learn the district's figures as the city's.
The subject is carried forward through the material:

* the document's first headings name its subject ("青禾区2024年……报告", "——武汉市委……");
* a heading that starts with a place name sets the subject for its section;
* a sentence that starts with a place name (after a time phrase such as "2024年，") sets it from
  there on;
* "该区", "全区", "本市" and the like refer to the latest subject of that level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jgstudy.core.drafting.sentences import Sentence

_SUFFIXES = ("街道", "省", "市", "区", "县", "州", "镇", "乡")
_PLACE = re.compile(rf"^(?P<name>[\u4e00-\u9fa5]{{2,4}}?(?:{'|'.join(_SUFFIXES)}))")
# Words a sentence opens with that are not a place even though they end like one.
_NOT_PLACE_START = (
    "其中",
    "全",
    "该",
    "本",
    "各",
    "每",
    "所",
    "部分",
    "城",
    "社",
    "辖",
    "郊",
    "市",
)
_TIME_LEAD = re.compile(
    r"^(?:截至|截止|到|今年|去年|近年来|近年|目前|当前|自|从)?"
    r"(?:\d{4}年(?:度|底|初|末|以来)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|末)?)?[，,、\s]*"
)
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])")
REFERENCES = re.compile(r"(?:该|全|本)(?P<level>区|市|县|镇|乡|省)")


def place_at_start(text: str) -> str | None:
    """The place name a text opens with, after numbering, dashes and a time phrase."""
    text = _NUMBERING.sub("", text.lstrip("—-–― \u3000#")).strip()
    text = _TIME_LEAD.sub("", text, count=1)
    match = _PLACE.match(text)
    if match is None:
        return None
    name = match["name"]
    if name.startswith(_NOT_PLACE_START) or "的" in name:
        return None
    return name


def level(place: str) -> str:
    """The administrative level a place name ends with: "区" for 江岸区, "街道" for …街道."""
    return next(suffix for suffix in _SUFFIXES if place.endswith(suffix))


def document_subject(heading_texts: Sequence[str]) -> str | None:
    """The place the material is about, from its first headings (title and subtitle)."""
    for heading in heading_texts[:3]:
        place = place_at_start(heading)
        if place is not None:
            return place
    return None


def sentence_subjects(
    sentences: Sequence[Sentence], heading_texts: Sequence[str], default: str
) -> list[str]:
    """The subject of every sentence, carried forward through the material."""
    current = document_subject(heading_texts) or default
    history = [current]
    last_locator: str | None = None
    subjects: list[str] = []
    for sentence in sentences:
        if sentence.locator != last_locator:
            last_locator = sentence.locator
            current = place_at_start(sentence.locator) or current
        current = place_at_start(sentence.text) or current
        if current != history[-1]:
            history.append(current)
        subjects.append(current)
    return subjects


def resolve_reference(word_level: str, subject: str, history: Sequence[str]) -> str | None:
    """The place "该区"/"全区" refers to: the subject if it is of that level, else the latest one."""
    for place in (subject, *reversed(history)):
        if place.endswith(word_level):
            return place
    return None


# "区域", "市场", "县域" open with a level's character but name no body of that place.
_NOT_ORGAN = frozenset("域场民间别分")
_CONNECTIVES = ("其中，", "其中", "同时，", "此外，", "另外，", "并且", "并", "还")


def with_subject(stem: str, subject: str) -> str:
    """The stem naming its subject: "全区组建……" → "青禾区组建……", "区财政安排……" →
    "青禾区财政安排……", else "青禾区：……".

    A stem that already names the subject, or opens with a place of its own, is left alone; a
    stem cut from mid-sentence loses its leading connective ("其中", "同时，").
    """
    for connective in _CONNECTIVES:
        if stem.startswith(connective) and len(stem) > len(connective) + 4:
            stem = stem[len(connective) :]
            break
    if not subject or subject in stem or place_at_start(stem) is not None:
        return stem
    lead = _TIME_LEAD.match(stem)
    if lead is not None and lead.end() > 0 and len(stem) > lead.end():
        return stem[: lead.end()] + _named(stem[lead.end() :], subject)  # "2024年8月，青禾区…"
    return _named(stem, subject)


def _named(stem: str, subject: str) -> str:
    match = REFERENCES.search(stem)
    if match is not None and subject.endswith(match["level"]):
        return stem[: match.start()] + subject + stem[match.end() :]
    if (
        stem.startswith(level(subject))
        and stem[len(level(subject)) : len(level(subject)) + 1] not in _NOT_ORGAN
    ):
        return subject + stem[len(level(subject)) :]  # 区文明办 → 青禾区文明办
    return f"{subject}：{stem}"
