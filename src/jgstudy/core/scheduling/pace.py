"""How long a question should take this cadre: a fixed part plus their own pace per character.

A careful reader of Chinese policy text manages about 8 characters a second (120 ms each). Once
a cadre has given enough right answers, their own median time per character replaces that
default, so an older cadre who reads slowly and a quick one are each measured against
themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

from jgstudy.core.model import AnyQuestion, FillQuestion, JudgeQuestion, MultipleQuestion

BASE_MS = 3_000
DEFAULT_MS_PER_CHAR = 120.0
EXTRA_MS_MULTIPLE = 4_000
EXTRA_MS_PER_BLANK = 4_000
MIN_SAMPLES = 20  # right answers before the cadre's own pace is trusted
SAMPLES = 200  # the most recent right answers the pace is taken from
PACE_LIMITS = (30.0, 1_000.0)  # ms per character; outside this a measurement is not a pace


def characters(question: AnyQuestion) -> int:
    """Characters a cadre reads to answer: the stem and every option."""
    options = getattr(question, "options", None)
    return len(question.stem) + (sum(len(t) for t in options.values()) if options else 0)


def fixed_ms(question: AnyQuestion) -> int:
    """The part of the expected time that does not depend on reading speed."""
    if isinstance(question, MultipleQuestion):
        return BASE_MS + EXTRA_MS_MULTIPLE
    if isinstance(question, FillQuestion):
        return BASE_MS + EXTRA_MS_PER_BLANK * len(question.blanks)
    if isinstance(question, JudgeQuestion):
        return BASE_MS // 2
    return BASE_MS


def expected_ms(question: AnyQuestion, ms_per_char: float = DEFAULT_MS_PER_CHAR) -> int:
    """How long a cadre reading at ``ms_per_char`` needs to read and answer ``question``."""
    return fixed_ms(question) + round(ms_per_char * characters(question))


def personal_ms_per_char(right_answers: Iterable[tuple[AnyQuestion, int]]) -> float:
    """The median time per character over (question, duration ms) of right answers.

    The default pace while there are fewer than :data:`MIN_SAMPLES` answers.
    """
    low, high = PACE_LIMITS
    paces = [
        min(max((ms - fixed_ms(q)) / chars, low), high)
        for q, ms in right_answers
        if (chars := characters(q)) > 0
    ]
    if len(paces) < MIN_SAMPLES:
        return DEFAULT_MS_PER_CHAR
    return float(median(paces))
