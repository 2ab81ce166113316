"""A thin typed adapter over py-fsrs; card state is a plain value the storage layer keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import fsrs

from jgstudy.core.scheduling.rating import Rating

# py-fsrs derives a card id from the clock and sleeps 1 ms to keep it unique when none is given;
# jgstudy keys cards by (user, question) and never uses that id.
_NO_ID = 0


@dataclass(frozen=True)
class CardState:
    """FSRS memory state of one question for one cadre."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def to_fsrs(self) -> fsrs.Card:
        return fsrs.Card(
            card_id=_NO_ID,
            state=fsrs.State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_fsrs(cls, card: fsrs.Card) -> CardState:
        return cls(
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )


class Scheduler:
    """Schedules reviews with FSRS at a given desired retention."""

    def __init__(self, desired_retention: float = 0.9, *, fuzz: bool = True) -> None:
        if not 0.7 <= desired_retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        self._fsrs = fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
        self._fuzz = fuzz
        self.desired_retention = desired_retention

    def with_retention(self, desired_retention: float) -> Scheduler:
        """The same scheduler aiming at another recall probability."""
        return Scheduler(desired_retention, fuzz=self._fuzz)

    def review(self, card: CardState | None, rating: Rating, now: datetime) -> CardState:
        """The card's state after a review at ``now`` (a new card when ``card`` is None)."""
        if now.tzinfo is None:
            raise ValueError("review time must be timezone-aware (UTC)")
        before = card.to_fsrs() if card else fsrs.Card(card_id=_NO_ID, due=now)
        after, _log = self._fsrs.review_card(before, fsrs.Rating(int(rating)), now)
        return CardState.from_fsrs(after)

    def retrievability(self, card: CardState, now: datetime) -> float:
        """Estimated probability of recalling the card at ``now``."""
        return float(self._fsrs.get_card_retrievability(card.to_fsrs(), now))
