"""An exam's result: total and per-section score, pass or fail, every question with its answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from jgstudy.core.exams.blueprint import PassMark
from jgstudy.core.exams.state import ExamState, SectionSlice
from jgstudy.core.grading import Grade, Response, grade
from jgstudy.core.model import correct_answer_text
from jgstudy.core.records import QuestionRecord

_EPSILON = 1e-9  # 0.1 + 0.2 points must still pass a 0.3 mark


@dataclass(frozen=True)
class ItemResult:
    """One question of the paper: what was given, what was right, and the points."""

    index: int
    section: str
    record: QuestionRecord
    response: Response | None
    grade: Grade
    score: float
    max_score: float

    @property
    def answered(self) -> bool:
        return self.response is not None

    @property
    def correct(self) -> bool:
        return self.grade.correct

    @property
    def correct_answer(self) -> str:
        return correct_answer_text(self.record.question)

    @property
    def explanation(self) -> str:
        return self.record.question.explanation


@dataclass(frozen=True)
class SectionResult:
    title: str
    score: float
    max_score: float
    count: int
    answered: int
    correct: int


@dataclass(frozen=True)
class ExamResult:
    """The end of an exam; also rebuilt later from the stored attempt."""

    attempt_id: int
    title: str
    score: float
    max_score: float
    pass_score: float
    passed: bool
    started_at: datetime
    finished_at: datetime
    auto_submitted: bool
    sections: tuple[SectionResult, ...]
    items: tuple[ItemResult, ...]

    @property
    def time_used(self) -> timedelta:
        return self.finished_at - self.started_at

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0

    def wrong(self) -> list[ItemResult]:
        """Questions answered wrong or left unanswered."""
        return [item for item in self.items if not item.correct]


def score_item(
    index: int, section: SectionSlice, record: QuestionRecord, response: Response | None
) -> ItemResult:
    """Grade one question; an unanswered one scores nothing. Points are scaled to the section's."""
    points = section.points if section.points is not None else record.question.points
    if response is None:
        result = Grade(False, 0.0, record.question.points)
    else:
        result = grade(record.question, response, record.scoring)
    share = result.score / result.max_score if result.max_score else 0.0
    return ItemResult(index, section.title, record, response, result, points * share, points)


def build_result(
    attempt_id: int,
    title: str,
    state: ExamState,
    items: Sequence[ItemResult],
    mark: PassMark,
    finished_at: datetime,
) -> ExamResult:
    """Add up the items into sections and a total, and apply the pass mark."""
    sections = tuple(_section(s, items[s.start : s.stop]) for s in state.sections)
    score = sum(i.score for i in items)
    max_score = sum(i.max_score for i in items)
    pass_score = mark.threshold(max_score)
    return ExamResult(
        attempt_id=attempt_id,
        title=title,
        score=score,
        max_score=max_score,
        pass_score=pass_score,
        passed=score + _EPSILON >= pass_score,
        started_at=state.started_at,
        finished_at=finished_at,
        auto_submitted=state.auto_submitted,
        sections=sections,
        items=tuple(items),
    )


def _section(section: SectionSlice, items: Sequence[ItemResult]) -> SectionResult:
    return SectionResult(
        title=section.title,
        score=sum(i.score for i in items),
        max_score=sum(i.max_score for i in items),
        count=len(items),
        answered=sum(i.answered for i in items),
        correct=sum(i.correct for i in items),
    )
