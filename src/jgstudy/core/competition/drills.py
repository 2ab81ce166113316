"""The two solo drills (单人演练) against the clock, with time passed in.

* :class:`SpeedDrill` (速答): as many questions as possible before the time is up.
* :class:`ReactionDrill` (抢答): the question is read, then released; the cadre buzzes and
  answers. The reaction time (release to buzz) is measured per question.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from jgstudy.core.competition.drill import ZERO, DrillBase, DrillPhase, elapsed_ms
from jgstudy.core.competition.view import BuzzResult
from jgstudy.core.grading import Grade, Response


class SpeedDrill(DrillBase):
    """速答 alone: answer as many as possible before ``duration`` runs out."""

    kind = "speed"

    def start(self, now: datetime) -> None:
        self._require(DrillPhase.READY)
        self._deadline = now + self._limit
        self._advance(now)

    def answer(self, response: Response, now: datetime) -> Grade | None:
        """Grade and record an answer; None when the time was already up."""
        if self.tick(now) == ZERO:
            return None
        self._require(DrillPhase.ASKING)
        assert self._shown_at is not None
        grade = self._grade(response, elapsed_ms(self._shown_at, now), None)
        self._advance(now)
        return grade

    def skip(self, now: datetime) -> None:
        if self.tick(now) != ZERO:
            self._require(DrillPhase.ASKING)
            self._advance(now)

    def tick(self, now: datetime) -> timedelta | None:
        """Call about once a second; at zero the drill finishes."""
        remaining = self.remaining(now)
        self._view.show_time(remaining)
        if remaining == ZERO and self._deadline is not None:
            self.finish(self._deadline)
        return remaining

    def _advance(self, now: datetime) -> None:
        self._position += 1
        record = self.current
        if record is None:
            self.finish(now)
            return
        self._phase = DrillPhase.ASKING
        self._shown_at = now
        self._view.show_question(record, self._position + 1)


class ReactionDrill(DrillBase):
    """抢答 alone: read, wait for the release, buzz as fast as possible, answer.

    A buzz before the release is a false start (counted); no buzz within the window is a miss.
    The review log's duration is from the release to the answer.
    """

    kind = "reaction"
    _reaction: int | None = None

    def next(self, now: datetime) -> None:
        """Show the next question for reading (or finish after the last)."""
        self._require(DrillPhase.READY, DrillPhase.CLOSED)
        self._position += 1
        record = self.current
        if record is None:
            self.finish(now)
            return
        self._phase = DrillPhase.READING
        self._view.show_question(record, self._position + 1)

    def release(self, now: datetime) -> None:
        """Open the buzzer; the reaction time counts from here."""
        self._require(DrillPhase.READING)
        self._phase = DrillPhase.OPEN
        self._shown_at = now
        self._deadline = now + self._limit

    def buzz(self, now: datetime) -> BuzzResult:
        if self._phase is DrillPhase.READING:
            self._false_starts += 1
            return BuzzResult.FALSE_START
        self.tick(now)
        if self._phase is not DrillPhase.OPEN:
            return BuzzResult.IGNORED
        self._phase = DrillPhase.ASKING
        self._deadline = None
        self._reaction = elapsed_ms(self._released_at(), now)
        return BuzzResult.WON

    def answer(self, response: Response, now: datetime) -> Grade:
        self._require(DrillPhase.ASKING)
        grade = self._grade(response, elapsed_ms(self._released_at(), now), self._reaction)
        self._phase = DrillPhase.CLOSED
        return grade

    def tick(self, now: datetime) -> timedelta | None:
        """A window without a buzz closes the question as missed."""
        remaining = self.remaining(now)
        self._view.show_time(remaining)
        if remaining == ZERO and self._phase is DrillPhase.OPEN:
            self._missed += 1
            self._phase = DrillPhase.CLOSED
            self._deadline = None
            return None
        return remaining

    def _released_at(self) -> datetime:
        assert self._shown_at is not None
        return self._shown_at
