"""Solo rehearsal (单人演练): results, the view and store Protocols, and the shared base.

Every answer is graded and recorded through the store (review logs tied to a "drill" attempt, with
the measured duration), so drills feed FSRS and the wrong-answer book like practice does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, auto
from statistics import fmean
from typing import Protocol

from jgstudy.core.grading import Grade, Response
from jgstudy.core.records import QuestionRecord
from jgstudy.core.text import msg

ZERO = timedelta(0)


class DrillPhase(Enum):
    READY = auto()
    READING = auto()  # reaction drill: question shown, not yet released
    OPEN = auto()  # reaction drill: released, waiting for the buzz
    ASKING = auto()  # waiting for an answer
    CLOSED = auto()  # reaction drill: between questions
    FINISHED = auto()


@dataclass(frozen=True)
class DrillAnswer:
    question_pk: int
    correct: bool
    duration_ms: int
    reaction_ms: int | None = None


@dataclass(frozen=True)
class DrillResult:
    attempt_id: int
    kind: str  # "speed" or "reaction"
    answers: tuple[DrillAnswer, ...]
    points: int
    false_starts: int = 0
    missed: int = 0

    @property
    def correct(self) -> int:
        return sum(a.correct for a in self.answers)

    @property
    def mean_duration_ms(self) -> float | None:
        return fmean(a.duration_ms for a in self.answers) if self.answers else None

    @property
    def mean_reaction_ms(self) -> float | None:
        times = [a.reaction_ms for a in self.answers if a.reaction_ms is not None]
        return fmean(times) if times else None

    def state_json(self) -> str:
        answers = [[a.question_pk, a.correct, a.duration_ms, a.reaction_ms] for a in self.answers]
        data = {"answers": answers, "false_starts": self.false_starts, "missed": self.missed}
        return json.dumps(data)


class DrillView(Protocol):
    """A drill screen. Every method is a notification."""

    def show_question(self, record: QuestionRecord, position: int) -> None: ...

    def show_time(self, remaining: timedelta | None) -> None: ...

    def show_feedback(self, record: QuestionRecord, grade: Grade) -> None: ...

    def show_drill_result(self, result: DrillResult) -> None: ...


class DrillStore(Protocol):
    """Records each answer (grading it) and the finished attempt (the service)."""

    def record(
        self,
        user_id: int,
        record: QuestionRecord,
        response: Response,
        duration_ms: int,
        attempt_id: int,
    ) -> Grade: ...

    def finish(self, result: DrillResult, now: datetime) -> None: ...


class DrillError(Exception):
    """A call that does not fit the drill's phase."""


class DrillBase:
    """What both drills share: the questions, the recorded answers and the end."""

    kind = ""

    def __init__(
        self,
        store: DrillStore,
        view: DrillView,
        user_id: int,
        attempt_id: int,
        records: Sequence[QuestionRecord],
        *,
        limit: timedelta,
        points: int = 10,
    ) -> None:
        self._store = store
        self._view = view
        self._user_id = user_id
        self._attempt_id = attempt_id
        self._records = list(records)
        self._points = points
        self._limit = limit  # speed: the whole drill; reaction: the buzz window
        self._shown_at: datetime | None = None
        self._answers: list[DrillAnswer] = []
        self._phase = DrillPhase.READY
        self._position = -1
        self._deadline: datetime | None = None
        self._result: DrillResult | None = None
        self._false_starts = 0
        self._missed = 0

    @property
    def phase(self) -> DrillPhase:
        return self._phase

    @property
    def result(self) -> DrillResult | None:
        return self._result

    @property
    def current(self) -> QuestionRecord | None:
        return self._records[self._position] if 0 <= self._position < len(self._records) else None

    def remaining(self, now: datetime) -> timedelta | None:
        return None if self._deadline is None else max(self._deadline - now, ZERO)

    def finish(self, now: datetime) -> DrillResult:
        """End the drill (also when the time is up or the questions run out)."""
        if self._result is not None:
            return self._result
        self._phase = DrillPhase.FINISHED
        self._deadline = None
        correct = sum(a.correct for a in self._answers)
        result = DrillResult(
            self._attempt_id,
            self.kind,
            tuple(self._answers),
            correct * self._points,
            self._false_starts,
            self._missed,
        )
        self._store.finish(result, now)
        self._result = result
        self._view.show_drill_result(result)
        return result

    def _require(self, *phases: DrillPhase) -> None:
        if self._phase not in phases:
            raise DrillError(msg("当前状态 {phase} 下不能这样操作", phase=self._phase.name))

    def _grade(self, response: Response, duration_ms: int, reaction_ms: int | None) -> Grade:
        record = self.current
        assert record is not None
        grade = self._store.record(self._user_id, record, response, duration_ms, self._attempt_id)
        self._answers.append(DrillAnswer(record.pk, grade.correct, duration_ms, reaction_ms))
        self._view.show_feedback(record, grade)
        return grade


def elapsed_ms(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds() * 1000), 0)
