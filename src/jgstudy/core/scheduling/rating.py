"""From an answer to an FSRS rating.

Objective questions are rated by the app, not the cadre. Correctness decides, time only refines:

* a wrong answer is *Again*;
* a right answer is *Good*; a right answer to a card already past its learning steps, given in
  under half the time this cadre usually needs for such a question, is *Easy*.

A slow right answer is still *Good*, never *Hard*: FSRS repeats the current learning step on
Hard, so a cadre who reads slowly but answers right would never see a question graduate (and
the FSRS authors advise against Hard as a soft fail). New and learning cards are never *Easy*
either: one quick right answer to a new single-choice question may be a lucky guess.

The expected time is the cadre's own pace (their median time per character of the questions
they answered right, see :mod:`jgstudy.core.scheduling.pace`), or a careful reader's pace until
there is enough history.

Short answers are rated by the cadre: "I knew it" is Good, "I did not" is Again.
"""

from __future__ import annotations

from enum import IntEnum

from jgstudy.core.model import AnyQuestion
from jgstudy.core.scheduling.pace import DEFAULT_MS_PER_CHAR, expected_ms

EASY_BELOW = 0.5  # fraction of the expected time under which a right review answer is Easy


class Rating(IntEnum):
    """FSRS ratings, as stored in review logs."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


def rating_for(
    question: AnyQuestion,
    correct: bool,
    duration_ms: int,
    *,
    in_review: bool = False,
    ms_per_char: float = DEFAULT_MS_PER_CHAR,
) -> Rating:
    """The FSRS rating of an objectively graded answer.

    ``in_review`` says the card is past its learning steps; ``ms_per_char`` is the cadre's pace.
    A short answer is the cadre's own verdict ("I knew it" / "I did not"): Good or Again, never
    refined by time.
    """
    if not correct:
        return Rating.AGAIN
    if question.type == "short":
        return Rating.GOOD
    if in_review and duration_ms < EASY_BELOW * expected_ms(question, ms_per_char):
        return Rating.EASY
    return Rating.GOOD
