"""How answers given in drills, mock exams and competitions feed FSRS (docs/scheduling.md).

They are real recall and count, with two limits:

* only *Good* (right) or *Again* (wrong): a quick right answer under a drill's or a match's time
  pressure says nothing about ease, so it is never *Easy* (and nothing is ever *Hard*, as
  everywhere in jgstudy);
* a question already answered earlier in the same study day keeps its FSRS memory state: the
  answer is logged and still moves the wrong-answer book, but a second same-day review would
  mostly measure the morning's practice, not memory (the FSRS authors warn same-day repeats
  distort the model). The optimiser still sees it, as same-day history (``delta_t`` 0).
"""

from __future__ import annotations

from datetime import date

from jgstudy.core.scheduling.rating import Rating


def attempt_rating(rating: Rating) -> Rating:
    """The rating of an answer given in a drill, a mock exam or a competition."""
    return Rating.GOOD if rating is Rating.EASY else rating


def keeps_memory(last_day: date | None, today: date, from_attempt: bool) -> bool:
    """Whether an answer leaves the card's FSRS memory state as it was."""
    return from_attempt and last_day == today
