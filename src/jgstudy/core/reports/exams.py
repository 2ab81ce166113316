"""Exam attempts in a report: which exam an attempt belongs to and how it scored."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from jgstudy.core.reports.records import ExamAttemptRow

# Keys of an attempt's config JSON that may name the exam it belongs to (the title is the
# fallback, so `--exam` works for exams recorded before they had an id).
EXAM_ID_KEYS = ("id", "exam_id")


@dataclass(frozen=True)
class ExamResult:
    """One exam attempt of one cadre."""

    attempt_id: int
    user_id: int
    name: str
    unit: str
    exam_id: str
    title: str
    started_at: datetime
    finished_at: datetime | None
    score: float
    max_score: float

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> float | None:
        """The score out of 100; None for an unfinished attempt or one without a maximum."""
        if not self.finished or self.max_score <= 0:
            return None
        return 100.0 * self.score / self.max_score

    @property
    def duration_s(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


def exam_id(row: ExamAttemptRow) -> str:
    """The id an exam is known by: its config's ``id`` (or ``exam_id``), else its title."""
    try:
        config = json.loads(row.config or "{}")
    except ValueError:
        config = {}
    if isinstance(config, dict):
        for key in EXAM_ID_KEYS:
            value = config.get(key)
            if isinstance(value, str | int) and str(value):
                return str(value)
    return row.title


def matches(row: ExamAttemptRow, wanted: str) -> bool:
    """Whether an attempt belongs to the exam ``wanted`` (by id or by title)."""
    return wanted in (exam_id(row), row.title)


def exam_results(
    rows: list[ExamAttemptRow], people: dict[int, tuple[str, str]]
) -> list[ExamResult]:
    """Attempts with the cadre's (name, unit); attempts of users outside ``people`` are dropped."""
    return [
        ExamResult(
            attempt_id=row.id,
            user_id=row.user_id,
            name=people[row.user_id][0],
            unit=people[row.user_id][1],
            exam_id=exam_id(row),
            title=row.title,
            started_at=row.started_at,
            finished_at=row.finished_at,
            score=row.score,
            max_score=row.max_score,
        )
        for row in rows
        if row.user_id in people
    ]
