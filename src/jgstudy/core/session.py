"""The practice flow as a state machine that drives a passive view.

The GUI and the terminal both implement :class:`PracticeView`; neither holds study logic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, auto
from typing import Protocol

from jgstudy.core.clock import Clock
from jgstudy.core.defaults import DEFAULT_NEW_PER_DAY
from jgstudy.core.grading import Grade, Response
from jgstudy.core.records import CardInfo, QuestionRecord
from jgstudy.core.scheduling import Rating

MAX_COUNTED_MS = 3_600_000  # a question left open over lunch is not an hour of effort


@dataclass(frozen=True)
class Outcome:
    """What recording one answer did; enough to show feedback and to undo it."""

    log_id: int
    grade: Grade
    rating: Rating
    card_before: CardInfo | None
    card_after: CardInfo


@dataclass(frozen=True)
class Feedback:
    """Shown after an answer: the question, what was given, and how it went."""

    record: QuestionRecord
    response: Response
    outcome: Outcome


@dataclass(frozen=True)
class Summary:
    """The end of a session."""

    answered: int
    correct: int
    duration_ms: int
    next_due: datetime | None  # when the next question not due now becomes due; after now
    finished_at: datetime  # "next review in ..." is counted from here
    due_now: int = 0  # questions a review session started now would present

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


class PracticeView(Protocol):
    """What a practice session needs from whatever shows it."""

    def show_question(self, record: QuestionRecord, position: int, total: int) -> None: ...

    def show_feedback(self, feedback: Feedback) -> None: ...

    def show_summary(self, summary: Summary) -> None: ...


class StudyBackend(Protocol):
    """What a practice session needs from the service: questions in, answers out."""

    def question(self, pk: int) -> QuestionRecord: ...

    def record(
        self, user_id: int, record: QuestionRecord, response: Response, duration_ms: int
    ) -> Outcome: ...

    def undo(self, user_id: int, question_pk: int, outcome: Outcome) -> None: ...

    def next_due(self, user_id: int) -> datetime | None: ...

    def due_now(self, user_id: int) -> int: ...

    def study_day(self) -> date: ...

    def admits_new(self, user_id: int, pk: int, new_per_day: int) -> bool: ...


class Phase(Enum):
    ASKING = auto()
    FEEDBACK = auto()
    FINISHED = auto()


class SessionError(Exception):
    """A call that does not fit the session's phase (a bug in the caller)."""


class PracticeSession:
    """Asks the queued questions in order; a question answered wrong comes back once at the end.

    A session that runs past the study day's boundary draws its remaining new questions from
    the new day's allowance (``new_per_day``): the ones beyond it are left for later.
    """

    def __init__(
        self,
        backend: StudyBackend,
        view: PracticeView,
        clock: Clock,
        user_id: int,
        queue: list[int],
        new_per_day: int = DEFAULT_NEW_PER_DAY,
    ) -> None:
        self._backend = backend
        self._view = view
        self._clock = clock
        self._user_id = user_id
        self._queue = list(queue)
        self._requeued: set[int] = set()
        self._position = 0
        self._phase = Phase.FINISHED
        self._shown_at = clock.now()
        self._started_at = clock.now()
        self._current: QuestionRecord | None = None
        self._last: tuple[int, Outcome, bool] | None = None
        self._answered = 0
        self._correct = 0
        self._new_per_day = new_per_day
        self._day = backend.study_day()

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def total(self) -> int:
        return len(self._queue)

    @property
    def current(self) -> QuestionRecord | None:
        return self._current

    @property
    def can_undo(self) -> bool:
        """True while the last answer can still be taken back (one level, not after finish)."""
        return self._last is not None and self._phase is not Phase.FINISHED

    def start(self) -> None:
        """Show the first question, or the summary when there is nothing to do."""
        self._started_at = self._clock.now()
        self._day = self._backend.study_day()
        self._show_current()

    def submit(self, response: Response) -> Feedback:
        """Grade and store an answer to the current question; the view shows feedback."""
        if self._phase is not Phase.ASKING or self._current is None:
            raise SessionError("no question is waiting for an answer")
        elapsed = self._clock.now() - self._shown_at
        duration = min(max(int(elapsed.total_seconds() * 1000), 0), MAX_COUNTED_MS)
        outcome = self._backend.record(self._user_id, self._current, response, duration)
        requeue = not outcome.grade.correct and self._current.pk not in self._requeued
        if requeue:
            self._requeued.add(self._current.pk)
            self._queue.append(self._current.pk)
        self._last = (self._position, outcome, requeue)
        self._answered += 1
        self._correct += outcome.grade.correct
        self._phase = Phase.FEEDBACK
        feedback = Feedback(self._current, response, outcome)
        self._view.show_feedback(feedback)
        return feedback

    def next(self) -> None:
        """Leave the feedback and go on to the next question (or the summary)."""
        if self._phase is not Phase.FEEDBACK:
            raise SessionError("next() is only possible after an answer")
        self._position += 1
        self._show_current()

    def undo(self) -> bool:
        """Take back the last answer: its log and card change are removed, the question is asked again."""
        if self._last is None:
            return False
        position, outcome, requeued = self._last
        pk = self._queue[position]
        self._backend.undo(self._user_id, pk, outcome)
        if requeued:
            self._queue.pop()
            self._requeued.discard(pk)
        self._answered -= 1
        self._correct -= outcome.grade.correct
        self._last = None
        self._position = position
        self._show_current()
        return True

    def finish(self) -> Summary:
        """End the session early (or at the end); the view shows the summary."""
        self._phase = Phase.FINISHED
        self._current = None
        now = self._clock.now()
        elapsed = now - self._started_at
        summary = Summary(
            answered=self._answered,
            correct=self._correct,
            duration_ms=int(elapsed.total_seconds() * 1000),
            next_due=self._backend.next_due(self._user_id),
            finished_at=now,
            due_now=self._backend.due_now(self._user_id),
        )
        self._view.show_summary(summary)
        return summary

    def _show_current(self) -> None:
        self._skip_new_beyond_allowance()
        if self._position >= len(self._queue):
            self.finish()
            return
        self._current = self._backend.question(self._queue[self._position])
        self._phase = Phase.ASKING
        self._shown_at = self._clock.now()
        self._view.show_question(self._current, self._position + 1, len(self._queue))

    def _skip_new_beyond_allowance(self) -> None:
        """After the day's boundary, drop new questions the new day's allowance has no room for."""
        if self._backend.study_day() == self._day:
            return
        while self._position < len(self._queue) and not self._backend.admits_new(
            self._user_id, self._queue[self._position], self._new_per_day
        ):
            del self._queue[self._position]
