"""Queries behind the statistics; they return plain tuples."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Integer, and_, cast, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, aliased
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.storage.schema import CardRow, QuestionRow, QuestionTagRow, ReviewLogRow


def _as_int(column: ColumnElement[bool] | InstrumentedAttribute[bool]) -> ColumnElement[int]:
    return cast(column, Integer)


def review_times(conn: Connection, user_id: int, since: datetime) -> list[tuple[datetime, bool]]:
    """(time, correct) of every review since ``since``."""
    rows = conn.execute(
        select(ReviewLogRow.reviewed_at, ReviewLogRow.correct).where(
            ReviewLogRow.user_id == user_id, ReviewLogRow.reviewed_at >= since
        )
    )
    return [(t, bool(c)) for t, c in rows]


def first_reviews_since(conn: Connection, user_id: int, since: datetime) -> int:
    """Questions whose first ever review by the user is at or after ``since``."""
    earlier = aliased(ReviewLogRow)
    older = exists().where(
        and_(
            earlier.user_id == ReviewLogRow.user_id,
            earlier.question_pk == ReviewLogRow.question_pk,
            earlier.reviewed_at < since,
        )
    )
    query = select(func.count(func.distinct(ReviewLogRow.question_pk))).where(
        ReviewLogRow.user_id == user_id, ReviewLogRow.reviewed_at >= since, ~older
    )
    return int(conn.execute(query).scalar() or 0)


def totals(conn: Connection, user_id: int) -> tuple[int, int]:
    """(reviews, correct) over the whole history."""
    row = conn.execute(
        select(func.count(), func.coalesce(func.sum(_as_int(ReviewLogRow.correct)), 0)).where(
            ReviewLogRow.user_id == user_id
        )
    ).one()
    return int(row[0]), int(row[1])


def due_count(conn: Connection, user_id: int, until: datetime) -> int:
    query = (
        select(func.count())
        .select_from(CardRow)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, CardRow.due <= until, QuestionRow.retired.is_(False))
    )
    return int(conn.execute(query).scalar() or 0)


def new_count(conn: Connection, user_id: int) -> int:
    seen = exists().where(CardRow.user_id == user_id, CardRow.question_pk == QuestionRow.pk)
    query = (
        select(func.count()).select_from(QuestionRow).where(QuestionRow.retired.is_(False), ~seen)
    )
    return int(conn.execute(query).scalar() or 0)


def due_times(conn: Connection, user_id: int, until: datetime) -> list[datetime]:
    query = (
        select(CardRow.due)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, CardRow.due <= until, QuestionRow.retired.is_(False))
    )
    return list(conn.execute(query).scalars())


def wrong_book_count(conn: Connection, user_id: int) -> int:
    query = (
        select(func.count())
        .select_from(CardRow)
        .where(CardRow.user_id == user_id, CardRow.in_wrong_book.is_(True))
    )
    return int(conn.execute(query).scalar() or 0)


def accuracy_by_tag(conn: Connection, user_id: int) -> list[tuple[str, int, int]]:
    """(tag, reviews, correct) per tag, most reviewed first."""
    correct = func.sum(_as_int(ReviewLogRow.correct))
    query = (
        select(QuestionTagRow.tag, func.count(), correct)
        .join(ReviewLogRow, ReviewLogRow.question_pk == QuestionTagRow.question_pk)
        .where(ReviewLogRow.user_id == user_id)
        .group_by(QuestionTagRow.tag)
        .order_by(func.count().desc())
    )
    return [(t, int(n), int(c or 0)) for t, n, c in conn.execute(query)]
