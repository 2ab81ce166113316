"""What the exam flow shows and stores: the view Protocol a GUI implements, and its values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum, auto
from typing import Protocol

from jgstudy.core.exams.blueprint import FeedbackMode, PassMark
from jgstudy.core.exams.result import ExamResult, ItemResult
from jgstudy.core.exams.state import ExamState
from jgstudy.core.grading import Response
from jgstudy.core.records import QuestionRecord


class ExamPhase(Enum):
    RUNNING = auto()
    FINISHED = auto()


@dataclass(frozen=True)
class ExamItem:
    """One question as the view shows it, with the cadre's current answer and flag."""

    index: int
    total: int
    section: str
    record: QuestionRecord
    points: float
    response: Response | None
    flagged: bool
    locked: bool  # answered with immediate feedback: no longer changeable


@dataclass(frozen=True)
class PaletteEntry:
    """One button of the question palette (答题卡)."""

    index: int
    answered: bool
    flagged: bool
    current: bool


class ExamView(Protocol):
    """What an exam needs from whatever shows it. Every method is a notification."""

    def show_question(self, item: ExamItem) -> None: ...

    def show_palette(self, palette: Sequence[PaletteEntry]) -> None: ...

    def show_time(self, remaining: timedelta) -> None: ...

    def show_feedback(self, item: ItemResult) -> None:
        """Only with ``feedback: immediate``: how the answer just given was graded."""

    def show_result(self, result: ExamResult) -> None: ...


class ExamStore(Protocol):
    """Where an exam keeps its state and records its answers (the service)."""

    def save(self, attempt_id: int, state: ExamState) -> None: ...

    def recorded(self, attempt_id: int) -> set[int]: ...

    def record(
        self,
        user_id: int,
        record: QuestionRecord,
        response: Response,
        duration_ms: int,
        attempt_id: int,
    ) -> None: ...

    def finish(self, attempt_id: int, state: ExamState, result: ExamResult) -> None: ...


@dataclass(frozen=True)
class ExamSettings:
    """The parts of a blueprint a running exam needs."""

    attempt_id: int
    user_id: int
    title: str
    pass_mark: PassMark
    feedback: FeedbackMode
