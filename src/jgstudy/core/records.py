"""Plain values that storage hands to the rest of the core and, through the services, to the GUI.

They never hold ORM rows or connections: gui, cli and render import them, never
``jgstudy.core.storage``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from jgstudy.core.model import AnyQuestion, MultipleScoring
from jgstudy.core.scheduling import CardState

Progress = Callable[[int, int, str], None]
"""Reports long work: ``progress(done, total, what)``."""


class PracticeMode(StrEnum):
    """Which questions a practice session asks (see ``StudyService.practice_queue``)."""

    MIXED = "mixed"  # due reviews, then new questions up to today's allowance
    REVIEW = "review"  # due reviews only
    NEW = "new"  # new questions only
    WRONG = "wrong"  # the wrong-answer book


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


class CardStatus(StrEnum):
    """Where a question stands for one cadre (the first that applies, in this order)."""

    WRONG = "wrong"
    DUE = "due"
    LEARNING = "learning"
    REVIEW = "review"
    NEW = "new"


@dataclass(frozen=True)
class BrowseFilter:
    """What the browser shows; empty fields do not filter.

    ``text`` is split on whitespace and every word must occur in the question's search text
    (stem, options, answers, explanation) or its id. ``status`` is one of ``new``, ``learning``,
    ``due`` or ``wrong`` and needs a user.
    """

    text: str = ""
    bank_id: str | None = None
    tag: str | None = None
    qtype: str | None = None
    difficulty: int | None = None
    status: str | None = None


@dataclass(frozen=True)
class BrowseRow:
    """One line of the question browser."""

    pk: int
    bank_id: str
    bank_title: str
    qid: str
    qtype: str
    stem: str
    difficulty: int
    tags: tuple[str, ...]
    status: CardStatus


@dataclass(frozen=True)
class PoolEntry:
    """A question that can be drawn, known by its pk and its stable ``bank_id/qid``."""

    pk: int
    bank_id: str
    qid: str

    @property
    def ref(self) -> str:
        return f"{self.bank_id}/{self.qid}"


@dataclass(frozen=True)
class AttemptInfo:
    """One exam or drill: its configuration and state as stored (JSON text)."""

    id: int
    uid: str
    user_id: int
    kind: str
    title: str
    config: str
    state: str
    started_at: datetime
    finished_at: datetime | None
    score: float
    max_score: float


@dataclass(frozen=True)
class MatchInfo:
    """A stored match; ``config`` is JSON text (competition configuration and teams)."""

    id: int
    uid: str
    title: str
    config: str
    created_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class StoredEvent:
    """One row of a match's log; ``payload`` is JSON text."""

    seq: int
    at: datetime
    kind: str
    team: int | None
    payload: str


@dataclass(frozen=True)
class PlanSettings:
    """A cadre's own FSRS parameters (None: FSRS's defaults) and their target date and recall."""

    parameters: tuple[float, ...] | None = None
    fitted_at: datetime | None = None
    target_date: date | None = None
    target_recall: float | None = None


@dataclass(frozen=True)
class ScheduleEvent:
    """A change to a cadre's scheduling: who, when, what, and the values before and after."""

    user_id: int
    actor: str
    kind: str  # "retention", "optimize" or "target"
    at: datetime
    before: str
    after: str
