"""Queries behind the statistics; they return plain tuples.

Totals come from the per-card counters (``reps``, ``lapses``) rather than from the review logs,
so the home view costs the same with ten reviews or a million.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.scheduling import CardState
from jgstudy.core.scheduling.days import REVIEW, Cutoffs, due_under
from jgstudy.core.storage import counts_repo
from jgstudy.core.storage.schema import (
    CardRow,
    QuestionRow,
    QuestionTagRow,
    TagCountRow,
    UserRow,
)
from jgstudy.core.storage.study_repo import due_condition

# The home view's queries are written against the tables: compiling an ORM statement the first
# time costs several times as much, and the home view is the first thing a desktop shows.
_cards = cast(Table, CardRow.__table__)
_questions = cast(Table, QuestionRow.__table__)
_c, _q = _cards.c, _questions.c
_tc = cast(Table, TagCountRow.__table__).c


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


def first_reviews_since(conn: Connection, user_id: int, since: datetime) -> int:
    """Questions whose first ever review by the user is at or after ``since``."""
    query = select(func.count()).where(_c.user_id == user_id, _c.first_reviewed_at >= since)
    return int(conn.execute(query).scalar() or 0)


def due_count(conn: Connection, user_id: int, cutoffs: Cutoffs) -> int:
    """Active cards of the cadre due under ``cutoffs`` (see ``DueRule.cutoffs``)."""
    return _count_cards(conn, user_id, due_condition(cutoffs))


def _count_cards(conn: Connection, user_id: int, *where: ColumnElement[bool]) -> int:
    query = (
        select(func.count())
        .select_from(CardRow)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, QuestionRow.retired.is_(False), *where)
    )
    return int(conn.execute(query).scalar() or 0)


@dataclass(frozen=True)
class CardCounts:
    """A cadre's cards counted in one pass (see :func:`card_counts`)."""

    reviews: int  # every review, of retired questions too: the cadre did answer them
    correct: int
    active: int  # cards of questions in use; the figures below count only these
    due_now: int
    due_later: int  # learning steps falling due later in the study day
    wrong_book: int
    due_at: dict[datetime, int]  # cards falling due at each moment, up to ``until``


def card_counts(conn: Connection, user_id: int, cutoffs: Cutoffs, until: datetime) -> CardCounts:
    """The home view's counts of a cadre's cards under ``cutoffs`` (see ``DueRule.cutoffs``).

    One pass sums every card of the cadre; a second groups them by due time (the index holds
    both); the cards of retired questions, few if any, are then read and taken away. Joining
    each card to its question instead cost five times as much.
    """
    later = _later(cutoffs)
    sums = select(
        func.count(),
        func.coalesce(func.sum(_c.reps), 0),
        func.coalesce(func.sum(_c.reps - _c.lapses), 0),
        _tally(due_condition(cutoffs, _c)),
        _tally(and_(*later)),
        _tally(_c.in_wrong_book.is_(True)),
    ).where(_c.user_id == user_id)
    cards, reviews, correct, due_now, due_later, wrong = (int(v) for v in conn.execute(sums).one())
    grouped = (
        select(_c.due, func.count()).where(_c.user_id == user_id, _c.due <= until).group_by(_c.due)
    )
    due_at: Counter[datetime] = Counter({due: int(n) for due, n in conn.execute(grouped)})
    for state, due, in_book in _cards_of_retired(conn, user_id):
        cards -= 1
        due_now -= due_under(cutoffs, state, due)
        due_later -= state != REVIEW and cutoffs[1] < due < cutoffs[0]
        wrong -= bool(in_book)
        if due <= until:
            due_at[due] -= 1
    active_due = {due: n for due, n in due_at.items() if n}
    return CardCounts(reviews, correct, cards, due_now, due_later, wrong, active_due)


def _tally(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet ``condition`` (0 when none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _later(cutoffs: Cutoffs) -> tuple[ColumnElement[bool], ...]:
    reviews_before, learning_until = cutoffs
    return (_c.state != REVIEW, _c.due > learning_until, _c.due < reviews_before)


def _cards_of_retired(conn: Connection, user_id: int) -> list[tuple[int, datetime, bool]]:
    retired = select(_q.pk).where(_q.retired.is_(True))
    query = select(_c.state, _c.due, _c.in_wrong_book).where(
        _c.user_id == user_id, _c.question_pk.in_(retired)
    )
    return [(int(state), due, bool(book)) for state, due, book in conn.execute(query)]


def active_questions(conn: Connection) -> int:
    """How many questions are in use (not retired)."""
    query = select(func.count()).select_from(_questions).where(_q.retired.is_(False))
    return int(conn.execute(query).scalar() or 0)


def accuracy_by_tag(conn: Connection, user_id: int) -> list[tuple[str, int, int]]:
    """(tag, reviews, correct) per tag, most reviewed first.

    Read from ``tag_counts``, which the database keeps with the cards (migration 0009): the
    same figures as summing the cadre's cards per tag of their questions, in a few rows."""
    query = (
        select(_tc.tag, _tc.reviews, _tc.correct)
        .where(_tc.user_id == user_id, _tc.cards > 0)
        .order_by(_tc.reviews.desc(), _tc.tag)
    )
    return [(t, int(n), int(c)) for t, n, c in conn.execute(query)]


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
