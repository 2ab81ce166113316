"""A thin typed adapter over py-fsrs; card state is a plain value the storage layer keeps."""

from __future__ import annotations

from collections.abc import Sequence
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
    """Schedules reviews with FSRS at a given desired retention.

    ``parameters`` are a cadre's own FSRS-6 weights (see :mod:`jgstudy.core.scheduling.fit`);
    None means FSRS's defaults.
    """

    def __init__(
        self,
        desired_retention: float = 0.9,
        *,
        fuzz: bool = True,
        parameters: Sequence[float] | None = None,
    ) -> None:
        if not 0.7 <= desired_retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        weights = (
            tuple(parameters) if parameters is not None else tuple(fsrs.Scheduler().parameters)
        )
        self._fsrs = fsrs.Scheduler(
            parameters=weights, desired_retention=desired_retention, enable_fuzzing=fuzz
        )
        self._fuzz = fuzz
        self.desired_retention = desired_retention
        self.parameters: tuple[float, ...] = weights
        self.personal = parameters is not None

    def with_retention(self, desired_retention: float) -> Scheduler:
        """The same scheduler aiming at another recall probability."""
        return Scheduler(
            desired_retention,
            fuzz=self._fuzz,
            parameters=self.parameters if self.personal else None,
        )

    def with_parameters(self, parameters: Sequence[float] | None) -> Scheduler:
        """The same scheduler with a cadre's own weights (None: FSRS's defaults)."""
        return Scheduler(self.desired_retention, fuzz=self._fuzz, parameters=parameters)

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
