"""From an answer to an FSRS rating.

Objective questions are rated by the app, not the cadre: a wrong answer is *Again*; a right one
is *Easy*, *Good* or *Hard* depending on how long it took compared with the time a careful reader
needs for that question (see :func:`expected_ms`):

* under half the expected time: Easy;
* up to 1.5 times the expected time: Good;
* slower than that: Hard (right, but with effort).

Short answers are rated by the cadre: "I knew it" is Good, "I did not" is Again.
"""

from __future__ import annotations

from enum import IntEnum

from jgstudy.core.model import AnyQuestion, FillQuestion, JudgeQuestion, MultipleQuestion

BASE_MS = 3_000
MS_PER_CHAR = 120  # a careful reader of Chinese policy text: about 8 characters a second
EXTRA_MS_MULTIPLE = 4_000
EXTRA_MS_PER_BLANK = 4_000


class Rating(IntEnum):
    """FSRS ratings, as stored in review logs."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


def expected_ms(question: AnyQuestion) -> int:
    """How long a careful cadre needs to read and answer a question, in milliseconds."""
    chars = len(question.stem)
    options = getattr(question, "options", None)
    if options:
        chars += sum(len(text) for text in options.values())
    extra = 0
    if isinstance(question, MultipleQuestion):
        extra = EXTRA_MS_MULTIPLE
    elif isinstance(question, FillQuestion):
        extra = EXTRA_MS_PER_BLANK * len(question.blanks)
    elif isinstance(question, JudgeQuestion):
        extra = -BASE_MS // 2
    return BASE_MS + extra + MS_PER_CHAR * chars


def rating_for(question: AnyQuestion, correct: bool, duration_ms: int) -> Rating:
    """The FSRS rating of an objectively graded answer."""
    if not correct:
        return Rating.AGAIN
    ratio = duration_ms / expected_ms(question)
    if ratio < 0.5:
        return Rating.EASY
    if ratio <= 1.5:
        return Rating.GOOD
    return Rating.HARD
