"""Checking a cadre's answer: choice sets, partial credit, normalised fill-in text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    MultipleScoring,
    ShortQuestion,
    SingleQuestion,
    split_stem,
)


@dataclass(frozen=True)
class ShortResponse:
    """A short answer: what the cadre wrote and their own verdict after seeing the reference."""

    text: str
    knew: bool


# What a cadre can give: an option key, a set of keys, true/false, one text per blank, or a
# short answer.
Response = str | frozenset[str] | bool | tuple[str, ...] | ShortResponse


@dataclass(frozen=True)
class Grade:
    """The outcome of one answer."""

    correct: bool
    score: float
    max_score: float
    blank_results: tuple[bool, ...] = ()
    keywords_found: tuple[str, ...] = ()


_DOT_BETWEEN_DIGITS = re.compile(r"(?<=\d)[.．](?=\d)")


def normalise(text: str) -> str:
    """Fold width, case, spaces and punctuation so that trivial differences do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _DOT_BETWEEN_DIGITS.sub("\x00", folded)
    kept = (
        ch
        for ch in folded
        if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S"))
    )
    return "".join(kept).replace("\x00", ".")


def grade(
    question: AnyQuestion,
    response: Response,
    scoring: MultipleScoring = MultipleScoring.ALL_OR_NOTHING,
) -> Grade:
    """Grade one response to one question."""
    if isinstance(question, SingleQuestion):
        return _all_or_nothing(question.points, response == question.answer)
    if isinstance(question, MultipleQuestion):
        return _grade_multiple(question, _as_keys(response), scoring)
    if isinstance(question, JudgeQuestion):
        return _all_or_nothing(question.points, response is question.answer)
    if isinstance(question, FillQuestion):
        return _grade_fill(question, response)
    return _grade_short(question, response)


def _all_or_nothing(points: float, ok: bool) -> Grade:
    return Grade(ok, points if ok else 0.0, points)


def _as_keys(response: Response) -> frozenset[str]:
    if isinstance(response, frozenset):
        return response
    if isinstance(response, str):
        return frozenset(response)
    return frozenset()


def _grade_multiple(
    question: MultipleQuestion, picked: frozenset[str], scoring: MultipleScoring
) -> Grade:
    right = frozenset(question.answer)
    if picked == right:
        return Grade(True, question.points, question.points)
    partial = scoring is MultipleScoring.PARTIAL and picked and picked < right
    return Grade(False, question.points / 2 if partial else 0.0, question.points)


def _grade_fill(question: FillQuestion, response: Response) -> Grade:
    given = response if isinstance(response, tuple) else ()
    pieces = split_stem(question.stem)
    results = tuple(
        index < len(given)
        and isinstance(given[index], str)
        and fill_matches(
            given[index], accepted, pieces[index + 1] if index + 1 < len(pieces) else ""
        )
        for index, accepted in enumerate(question.blanks)
    )
    correct = all(results)
    return Grade(correct, question.points if correct else 0.0, question.points, results)


MAX_UNIT_CHARS = 3  # a measure word after a blank: 场, 家, 人次, 万千瓦
NUMERALS = frozenset("0123456789零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿")


def fill_matches(given: str, accepted: Sequence[str], after: str = "") -> bool:
    """Whether ``given`` fills a blank whose accepted answers are ``accepted``.

    Beyond width, case, spaces and punctuation, two fair differences are forgiven:

    * a trailing measure word that the stem itself places right after the blank
      (``773场`` where the stem reads "（　）场活动" and the key is ``773``);
    * another way of writing the same number (``两百零一`` = ``二百零一`` = ``201``).
    """
    keys = {normalise(a) for a in accepted}
    candidates = list(_without_unit(normalise(given), normalise(after)))
    if any(c in keys for c in candidates):
        return True
    numbers = {n for c in candidates if (n := _number(c)) is not None}
    return bool(numbers) and any(_number(k) in numbers for k in keys)


def _without_unit(given: str, after: str) -> Iterator[str]:
    yield given
    for size in range(1, min(len(after), MAX_UNIT_CHARS) + 1):
        if len(given) > size and given.endswith(after[:size]):
            yield given[:-size]


def _number(text: str) -> float | None:
    """The number ``text`` writes in Arabic or Chinese numerals, or None."""
    if not text or not any(ch in NUMERALS for ch in text):
        return None
    try:
        value = _cn2an()(text, "smart")
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return float(value) if isinstance(value, int | float) else None


@cache
def _cn2an() -> Callable[[str, str], object]:
    # cn2an takes most of a second to import: load it the first time a number is compared.
    import cn2an

    convert: Callable[[str, str], object] = cn2an.cn2an
    return convert


def _grade_short(question: ShortQuestion, response: Response) -> Grade:
    text, knew = (
        (response.text, response.knew) if isinstance(response, ShortResponse) else ("", False)
    )
    found = keywords_found(question, text)
    total = sum(k.points for k in question.keywords)
    got = sum(k.points for k in question.keywords if k.word in found)
    score = question.points * (got / total) if total else (question.points if knew else 0.0)
    return Grade(bool(knew), score, question.points, keywords_found=found)


def keywords_found(question: ShortQuestion, text: str) -> tuple[str, ...]:
    """The keywords (or their aliases) that a short answer mentions."""
    plain = normalise(text)
    return tuple(
        k.word
        for k in question.keywords
        if any(normalise(w) in plain for w in (k.word, *k.aliases) if normalise(w))
    )


def response_to_json(response: Response) -> object:
    """A JSON-ready form of a response, for review logs and exports."""
    if isinstance(response, frozenset):
        return sorted(response)
    if isinstance(response, tuple):
        return list(response)
    if isinstance(response, ShortResponse):
        return {"text": response.text, "knew": response.knew}
    return response


def response_from_json(question: AnyQuestion, value: object) -> Response:
    """The inverse of :func:`response_to_json`, guided by the question's type."""
    if isinstance(question, MultipleQuestion) and isinstance(value, list):
        return frozenset(str(v) for v in value)
    if isinstance(question, FillQuestion) and isinstance(value, list):
        return tuple(str(v) for v in value)
    if isinstance(question, ShortQuestion) and isinstance(value, dict):
        return ShortResponse(str(value.get("text", "")), bool(value.get("knew")))
    if isinstance(value, bool | str):
        return value
    return ""
