"""Plain values that storage hands to the rest of the core (and through the service, the GUI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from jgstudy.core.model import AnyQuestion, MultipleScoring
from jgstudy.core.scheduling import CardState


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    unit: str
    role: str


@dataclass(frozen=True)
class BankInfo:
    id: str
    title: str
    description: str
    path: str
    question_count: int
    imported_at: datetime
    retired_at: datetime | None = None  # retired (停用): hidden from practice, history kept


@dataclass(frozen=True)
class QuestionRecord:
    """A stored question with what practice needs beside its content."""

    pk: int
    bank_id: str
    question: AnyQuestion
    tags: tuple[str, ...]
    scoring: MultipleScoring


@dataclass(frozen=True)
class CardInfo:
    """A cadre's memory state of one question, plus wrong-answer book bookkeeping."""

    state: CardState
    reps: int
    lapses: int
    right_streak: int
    in_wrong_book: bool
    first_reviewed_at: datetime | None = None


@dataclass
class ImportResult:
    """What one import changed, per bank."""

    added: int = 0
    changed: int = 0
    retired: int = 0
    unchanged: int = 0
    skipped_banks: list[str] = field(default_factory=list)
    imported_banks: list[str] = field(default_factory=list)

    def merge(self, other: ImportResult) -> None:
        self.added += other.added
        self.changed += other.changed
        self.retired += other.retired
        self.unchanged += other.unchanged
        self.skipped_banks += other.skipped_banks
        self.imported_banks += other.imported_banks


@dataclass(frozen=True)
class AnswerRecord:
    """One answer to store: the review log and the card state it leads to."""

    uid: str
    user_id: int
    question_pk: int
    answer_json: str
    correct: bool
    score: float
    rating: int
    duration_ms: int
    reviewed_at: datetime
    card: CardInfo
    attempt_id: int | None = None
