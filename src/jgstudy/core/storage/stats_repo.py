"""Queries behind the statistics; they return plain tuples.

Totals come from the per-card counters (``reps``, ``lapses``) rather than from the review logs,
so the home view costs the same with ten reviews or a million.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Date, cast, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.scheduling import CardState
from jgstudy.core.scheduling.days import REVIEW, Cutoffs
from jgstudy.core.storage import counts_repo
from jgstudy.core.storage.schema import (
    CardRow,
    QuestionRow,
    QuestionTagRow,
    ReviewLogRow,
    UserRow,
)
from jgstudy.core.storage.study_repo import due_condition


def _local_day(
    conn: Connection, offset: timedelta, moment: Any = ReviewLogRow.reviewed_at
) -> ColumnElement[object]:
    """The local calendar day of a review (or of another ``moment`` column), for a fixed UTC
    offset (China has no DST)."""
    if conn.dialect.name == "sqlite":
        return func.date(moment, f"{int(offset.total_seconds()):+d} seconds")
    return cast(moment + literal(offset), Date)


def reviews_per_day(
    conn: Connection,
    user_id: int,
    since: datetime,
    offset: timedelta,
    until: datetime | None = None,
) -> list[tuple[date, int, int]]:
    """(local day, reviews, correct) for each day with reviews in [``since``, ``until``).

    Read from the quarter-hour counts (``counts_repo``), not the logs: the same few
    thousand rows at most, with ten reviews or a million."""
    return counts_repo.per_day(conn, user_id, since, offset, until)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def first_reviews_since(conn: Connection, user_id: int, since: datetime) -> int:
    """Questions whose first ever review by the user is at or after ``since``."""
    query = select(func.count()).where(
        CardRow.user_id == user_id, CardRow.first_reviewed_at >= since
    )
    return int(conn.execute(query).scalar() or 0)


def totals(conn: Connection, user_id: int) -> tuple[int, int]:
    """(reviews, correct) over the whole history."""
    row = conn.execute(
        select(
            func.coalesce(func.sum(CardRow.reps), 0),
            func.coalesce(func.sum(CardRow.reps - CardRow.lapses), 0),
        ).where(CardRow.user_id == user_id)
    ).one()
    return int(row[0]), int(row[1])


def due_count(conn: Connection, user_id: int, cutoffs: Cutoffs) -> int:
    """Active cards of the cadre due under ``cutoffs`` (see ``DueRule.cutoffs``)."""
    return _count_cards(conn, user_id, due_condition(cutoffs))


def due_later_count(conn: Connection, user_id: int, cutoffs: Cutoffs) -> int:
    """Learning steps falling due later in the study day (after the learn-ahead window)."""
    reviews_before, learning_until = cutoffs
    return _count_cards(
        conn,
        user_id,
        CardRow.state != REVIEW,
        CardRow.due > learning_until,
        CardRow.due < reviews_before,
    )


def _count_cards(conn: Connection, user_id: int, *where: ColumnElement[bool]) -> int:
    query = (
        select(func.count())
        .select_from(CardRow)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, QuestionRow.retired.is_(False), *where)
    )
    return int(conn.execute(query).scalar() or 0)


def new_count(conn: Connection, user_id: int) -> int:
    seen = select(CardRow.question_pk).where(CardRow.user_id == user_id)
    query = (
        select(func.count())
        .select_from(QuestionRow)
        .where(QuestionRow.retired.is_(False), QuestionRow.pk.not_in(seen))
    )
    return int(conn.execute(query).scalar() or 0)


def due_per_day(
    conn: Connection, user_id: int, until: datetime, offset: timedelta
) -> list[tuple[date, int]]:
    """(day, active cards falling due) for each day up to ``until``; a day is the calendar day
    of a due time moved by ``offset``. Grouped by the database: one row per day, not per card."""
    day = _local_day(conn, offset, CardRow.due)
    query = (
        select(day, func.count())
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, CardRow.due <= until, QuestionRow.retired.is_(False))
        .group_by(day)
    )
    return [(_as_date(d), int(n)) for d, n in conn.execute(query)]


def due_times(conn: Connection, user_id: int, until: datetime) -> list[tuple[int, datetime]]:
    """(FSRS state, due) of the active cards due before ``until``."""
    query = (
        select(CardRow.state, CardRow.due)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, CardRow.due <= until, QuestionRow.retired.is_(False))
    )
    return [(int(state), due) for state, due in conn.execute(query)]


def wrong_book_count(conn: Connection, user_id: int) -> int:
    """Questions in the wrong-answer book, counted as the book lists them (retired ones not)."""
    query = (
        select(func.count())
        .select_from(CardRow)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(
            CardRow.user_id == user_id,
            CardRow.in_wrong_book.is_(True),
            QuestionRow.retired.is_(False),
        )
    )
    return int(conn.execute(query).scalar() or 0)


def accuracy_by_tag(conn: Connection, user_id: int) -> list[tuple[str, int, int]]:
    """(tag, reviews, correct) per tag, most reviewed first."""
    reviews = func.sum(CardRow.reps)
    query = (
        select(QuestionTagRow.tag, reviews, func.sum(CardRow.reps - CardRow.lapses))
        .join(CardRow, CardRow.question_pk == QuestionTagRow.question_pk)
        .where(CardRow.user_id == user_id)
        .group_by(QuestionTagRow.tag)
        .order_by(reviews.desc())
    )
    return [(t, int(n or 0), int(c or 0)) for t, n, c in conn.execute(query)]


CardTagRow = tuple[int, int, str | None, CardState]


def card_tag_states(conn: Connection, *where: ColumnElement[bool]) -> list[CardTagRow]:
    """(user id, question pk, tag or None, FSRS state) of the cards ``where`` selects.

    A card appears once per tag of its question. ``where`` may name ``UserRow`` columns.
    """
    query = (
        select(
            CardRow.user_id,
            CardRow.question_pk,
            QuestionTagRow.tag,
            CardRow.state,
            CardRow.step,
            CardRow.stability,
            CardRow.difficulty,
            CardRow.due,
            CardRow.last_review,
        )
        .join(UserRow, UserRow.id == CardRow.user_id)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .outerjoin(QuestionTagRow, QuestionTagRow.question_pk == CardRow.question_pk)
        .where(*where)
    )
    return [(int(r[0]), int(r[1]), r[2], CardState(*r[3:])) for r in conn.execute(query)]


def active_card_tag_states(conn: Connection, user_id: int) -> list[CardTagRow]:
    """:func:`card_tag_states` of one cadre's cards of questions still in use."""
    return card_tag_states(conn, CardRow.user_id == user_id, QuestionRow.retired.is_(False))
