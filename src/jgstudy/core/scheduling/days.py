"""When a card is due: review cards by the local study day, learning steps by the minute.

A *study day* starts at a configurable hour (04:00 by default, as in Anki), so a session that
runs past midnight still belongs to the evening it started in. A card past its learning steps
(FSRS state *Review*) is due for the whole study day its interval ends on; a card in its
learning steps is due at its minute, offered up to ``learn_ahead`` early. This one rule decides
what the home counts, what a session presents and what the CLI and reports call "due".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

import fsrs

from jgstudy.core.defaults import DEFAULT_DAY_STARTS
from jgstudy.core.scheduling.fsrs_adapter import CardState

DEFAULT_LEARN_AHEAD = timedelta(minutes=20)
REVIEW = int(fsrs.State.Review)


Cutoffs = tuple[datetime, datetime]


def due_under(cutoffs: Cutoffs, state: int, due: datetime) -> bool:
    """Whether a card in FSRS ``state`` with ``due`` is due under :meth:`DueRule.cutoffs`."""
    reviews_before, learning_until = cutoffs
    return due < reviews_before if state == REVIEW else due <= learning_until


@dataclass(frozen=True)
class DueRule:
    """The due rule for one local time zone."""

    tz: tzinfo
    day_starts: int = DEFAULT_DAY_STARTS
    learn_ahead: timedelta = DEFAULT_LEARN_AHEAD

    def __post_init__(self) -> None:
        if not 0 <= self.day_starts <= 12:
            raise ValueError("a study day must start between 00:00 and 12:00")

    def with_day_starts(self, hour: int) -> DueRule:
        return replace(self, day_starts=hour)

    def study_day(self, moment: datetime) -> date:
        """The study day ``moment`` belongs to (before the boundary: the day before)."""
        local = moment.astimezone(self.tz)
        return (local - timedelta(hours=self.day_starts)).date()

    def day_start(self, day: date) -> datetime:
        """The instant study day ``day`` begins."""
        return datetime.combine(day, time(self.day_starts), self.tz)

    def next_day_start(self, now: datetime) -> datetime:
        """The end of the current study day."""
        return self.day_start(self.study_day(now) + timedelta(days=1))

    def cutoffs(self, now: datetime) -> Cutoffs:
        """(review cards due before this, learning cards due at or before this) count as due."""
        return self.next_day_start(now), now + self.learn_ahead

    def is_due(self, card: CardState, now: datetime) -> bool:
        return due_under(self.cutoffs(now), card.state, card.due)

    def available_from(self, card: CardState) -> datetime:
        """The moment ``card`` starts to count as due."""
        if card.state == REVIEW:
            return self.day_start(self.study_day(card.due))
        return card.due - self.learn_ahead

    def place(self, card: CardState, now: datetime) -> CardState:
        """``card`` as FSRS scheduled it at ``now``, with a review due at its study day's start.

        FSRS gives a review card a whole number of days; counted from the study day of the
        answer (not from its minute), so a card answered at 02:00 with one day is due the same
        calendar morning, as the cadre would expect.
        """
        if card.state != REVIEW:
            return card
        days = max(round((card.due - now) / timedelta(days=1)), 1)
        return replace(card, due=self.day_start(self.study_day(now) + timedelta(days=days)))
