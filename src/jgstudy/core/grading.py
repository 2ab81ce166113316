"""Checking a cadre's answer: choice sets, partial credit, normalised fill-in text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    MultipleScoring,
    ShortQuestion,
    SingleQuestion,
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
    results = tuple(
        index < len(given)
        and isinstance(given[index], str)
        and normalise(str(given[index])) in {normalise(a) for a in accepted}
        for index, accepted in enumerate(question.blanks)
    )
    correct = all(results)
    return Grade(correct, question.points if correct else 0.0, question.points, results)


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
