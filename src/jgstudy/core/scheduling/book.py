"""The wrong-answer book (错题本): in on a wrong answer, out after right answers on two days.

A question answered wrong comes back at the end of the same session, seconds after its answer
was shown; getting it right then proves little. So a right answer counts towards leaving the
book only on a study day later than the question's previous answer: wrong on Monday, right
again on Monday (does not count), right on Tuesday (one), right on Thursday (two: out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jgstudy.core.scheduling.days import DueRule

RIGHT_DAYS_TO_LEAVE = 2


@dataclass(frozen=True)
class BookState:
    """Right answers on separate days since the last wrong one, and whether the book holds it."""

    right_streak: int
    in_wrong_book: bool


def after_answer(
    before: BookState | None,
    last_answer: datetime | None,
    correct: bool,
    now: datetime,
    rule: DueRule,
) -> BookState:
    """The book state after an answer at ``now``; ``last_answer`` is the previous answer's time."""
    if not correct:
        return BookState(0, True)
    if before is None or last_answer is None:
        return BookState(1, False)
    same_day = rule.study_day(last_answer) == rule.study_day(now)
    streak = before.right_streak + (not same_day)
    return BookState(streak, before.in_wrong_book and streak < RIGHT_DAYS_TO_LEAVE)
