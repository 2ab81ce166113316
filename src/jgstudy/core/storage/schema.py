"""The database tables, as SQLAlchemy 2 typed ORM classes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import false
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    unit: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="cadre")
    settings: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BankRow(Base):
    __tablename__ = "banks"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mtime_ns: Mapped[int] = mapped_column(BigInteger, default=0)
    multiple_scoring: Mapped[str] = mapped_column(String(20))
    question_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set while the bank is retired (停用): hidden from practice, its history kept.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class QuestionRow(Base):
    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("bank_id", "qid", name="uq_questions_bank_qid"),
        Index("ix_questions_bank_retired", "bank_id", "retired"),
        # Covers "is this card's question active?": the row itself holds the whole question
        # (data, search_text), so every card counted on the home view read it from disk.
        Index("ix_questions_active", "pk", "retired"),
    )
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank_id: Mapped[str] = mapped_column(ForeignKey("banks.id"))
    qid: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(10))
    difficulty: Mapped[int] = mapped_column(Integer, default=2)
    content_hash: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Hidden because its bank was retired (restoring the bank brings it back).
    retired_with_bank: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class QuestionTagRow(Base):
    __tablename__ = "question_tags"
    question_pk: Mapped[int] = mapped_column(
        ForeignKey("questions.pk", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)


class CardRow(Base):
    __tablename__ = "cards"
    __table_args__ = (
        Index("ix_cards_user_due", "user_id", "due"),
        Index("ix_cards_user_first", "user_id", "first_reviewed_at"),
        Index("ix_cards_question", "question_pk"),  # a question's cards, for tag_counts
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    question_pk: Mapped[int] = mapped_column(ForeignKey("questions.pk"), primary_key=True)
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    due: Mapped[datetime] = mapped_column(UTCDateTime())
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    right_streak: Mapped[int] = mapped_column(Integer, default=0)
    in_wrong_book: Mapped[bool] = mapped_column(Boolean, default=False)
    first_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AttemptRow(Base):
    __tablename__ = "attempts"
    __table_args__ = (Index("ix_attempts_user_started", "user_id", "started_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), default="")
    config: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(Text, default="{}")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)


class ReviewLogRow(Base):
    __tablename__ = "review_logs"
    __table_args__ = (
        Index("ix_review_logs_user_time", "user_id", "reviewed_at"),
        Index("ix_review_logs_question", "question_pk"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question_pk: Mapped[int] = mapped_column(ForeignKey("questions.pk"))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id"), nullable=True)
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    rating: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MatchRow(Base):
    """A competition match; ``config`` holds the competition configuration and the teams."""

    __tablename__ = "matches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    config: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class MatchEventRow(Base):
    """One event of a match's log, in ``seq`` order; scores are derived by replaying them."""

    __tablename__ = "match_events"
    __table_args__ = (UniqueConstraint("match_id", "seq", name="uq_match_events_match_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(30))
    team: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text, default="{}")


class StarRow(Base):
    """收藏: a question a cadre starred."""

    __tablename__ = "stars"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    question_pk: Mapped[int] = mapped_column(ForeignKey("questions.pk"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class NoteRow(Base):
    """笔记: a cadre's short note on a question."""

    __tablename__ = "notes"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    question_pk: Mapped[int] = mapped_column(ForeignKey("questions.pk"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProblemReportRow(Base):
    """题目纠错: a problem a cadre reported with a question, open until a trainer closes it."""

    __tablename__ = "problem_reports"
    __table_args__ = (Index("ix_problem_reports_open", "closed_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question_pk: Mapped[int] = mapped_column(ForeignKey("questions.pk"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by: Mapped[str] = mapped_column(String(100), default="")


class StudyPlanRow(Base):
    """A cadre's own FSRS parameters (JSON list, "" for FSRS's defaults) and target date."""

    __tablename__ = "study_plans"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    parameters: Mapped[str] = mapped_column(Text, default="")
    fitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_recall: Mapped[float | None] = mapped_column(Float, nullable=True)


class ScheduleEventRow(Base):
    """Who changed a cadre's scheduling (retention, parameters, target) when, before and after."""

    __tablename__ = "schedule_events"
    __table_args__ = (Index("ix_schedule_events_user", "user_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


class ReviewCountRow(Base):
    """Reviews and right answers per cadre per quarter hour (UTC), kept with every answer.

    The home view's per-day figures read these instead of a million review logs. Quarter hours,
    not days: which study day an answer belongs to depends on the time zone and on the hour the
    cadre's day starts, a setting that can change afterwards; every real time zone's offset and
    every whole-hour day start is a multiple of 15 minutes.
    """

    __tablename__ = "review_counts"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)  # UTC epoch seconds // 900
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)


class SiblingCacheRow(Base):
    """The sibling relation of the active questions (``core.siblings.sibling_groups`` as JSON),
    stored for one state of the banks (``fingerprint``: see ``siblings_repo``) so that a start
    does not read and parse every question to find it again. Recomputed when it does not match.
    """

    __tablename__ = "sibling_cache"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    groups: Mapped[str] = mapped_column(Text)


class TagCountRow(Base):
    """A cadre's cards, reviews and right answers per tag: the sums over their cards of the
    questions carrying the tag (``reps``, ``reps - lapses``), for 各专题正确率.

    Kept by triggers on ``cards`` and ``question_tags`` (migration 0009), in the transaction of
    whatever changes a card's counters or a question's tags; nothing in Python writes it.
    """

    __tablename__ = "tag_counts"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)
    cards: Mapped[int] = mapped_column(Integer, default=0)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)
