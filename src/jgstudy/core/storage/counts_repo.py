"""Reviews per cadre per quarter hour (``review_counts``), written with the logs they count.

Every statement that adds or removes a review log calls in here in the same transaction, so the
counts never drift from the logs; the migration that made the table filled it from the logs.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, select, update
from sqlalchemy.sql.dml import Insert

from jgstudy.core.storage.prepared import Prepared
from jgstudy.core.storage.schema import ReviewCountRow
from jgstudy.core.storage.upserts import conflict_insert

SLOT_SECONDS = 900
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_counts = cast(Table, ReviewCountRow.__table__)
_KEY = [_counts.c.user_id, _counts.c.slot]


def slot_of(moment: datetime) -> int:
    """The quarter hour ``moment`` falls in (naive: UTC, as the database stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return math.floor(moment.timestamp()) // SLOT_SECONDS


def _first_slot_from(moment: datetime) -> int:
    """The first quarter hour that starts at or after ``moment``."""
    return -(-math.ceil(moment.timestamp()) // SLOT_SECONDS)


@functools.cache
def _adding(dialect: str) -> Insert | None:
    """Add to the row of (user, slot), or create it: one statement (built once per database)."""
    stmt = conflict_insert(dialect, _counts)
    if stmt is None:
        return None
    excluded = stmt.excluded
    values = {
        "reviews": _counts.c.reviews + excluded.reviews,
        "correct": _counts.c.correct + excluded.correct,
    }
    return stmt.on_conflict_do_update(index_elements=_KEY, set_=values)


_REMOVE = (
    update(_counts)
    .where(_counts.c.user_id == bindparam("k_user"), _counts.c.slot == bindparam("k_slot"))
    .values(
        reviews=_counts.c.reviews - bindparam("k_reviews"),
        correct=_counts.c.correct - bindparam("k_correct"),
    )
)


def add_reviews(conn: Connection, logs: Iterable[Mapping[str, object]]) -> None:
    """Count review-log rows (``user_id``, ``reviewed_at``, ``correct``) just inserted."""
    reviews: Counter[tuple[int, int]] = Counter()
    right: Counter[tuple[int, int]] = Counter()
    for log in logs:
        key = (int(cast(int, log["user_id"])), slot_of(cast(datetime, log["reviewed_at"])))
        reviews[key] += 1
        right[key] += bool(log["correct"])
    if not reviews:
        return
    rows = [
        {"user_id": user, "slot": slot, "reviews": n, "correct": right[(user, slot)]}
        for (user, slot), n in reviews.items()
    ]
    statement = _adding(conn.dialect.name)
    if statement is not None:
        conn.execute(statement, rows)
        return
    for row in rows:  # other databases: best effort, as for cards
        params = {"k_user": row["user_id"], "k_slot": row["slot"]}
        negated = {"k_reviews": -row["reviews"], "k_correct": -row["correct"]}
        if conn.execute(_REMOVE, {**params, **negated}).rowcount == 0:
            conn.execute(_counts.insert(), row)


@functools.cache
def _add_one(dialect: str) -> Prepared | None:
    """:func:`_adding` prepared: it runs with every answer."""
    statement = _adding(dialect)
    return None if statement is None else Prepared(statement, [c.name for c in _counts.c])


def add_review(conn: Connection, user_id: int, reviewed_at: datetime, correct: bool) -> None:
    """Count one answer just logged (prepared: this runs with every answer)."""
    statement = _add_one(conn.dialect.name)
    if statement is None:
        add_reviews(conn, [{"user_id": user_id, "reviewed_at": reviewed_at, "correct": correct}])
        return
    row = {"user_id": user_id, "slot": slot_of(reviewed_at), "reviews": 1, "correct": int(correct)}
    statement.run(conn, row)


def remove_review(conn: Connection, user_id: int, reviewed_at: datetime, correct: bool) -> None:
    """Uncount one answer whose log was just deleted (an undo)."""
    params = {
        "k_user": user_id,
        "k_slot": slot_of(reviewed_at),
        "k_reviews": 1,
        "k_correct": int(correct),
    }
    conn.execute(_REMOVE, params)


def per_day(
    conn: Connection, user_id: int, since: datetime, offset: timedelta, until: datetime | None
) -> list[tuple[date, int, int]]:
    """(day, reviews, correct) per day of the reviews in [``since``, ``until``), oldest first.

    A day is the calendar day of a moment moved by ``offset``. Exact when ``since``, ``until``
    and ``offset`` are whole quarter hours, as every time zone and day start is.
    """
    shift = int(offset.total_seconds())
    day = (_counts.c.slot * SLOT_SECONDS + shift) // 86_400  # days since 1970-01-01 there
    query = (
        select(day, func.sum(_counts.c.reviews), func.sum(_counts.c.correct))
        .where(_counts.c.user_id == user_id, _counts.c.slot >= _first_slot_from(since))
        .group_by(day)
        .order_by(day)
    )
    if until is not None:
        query = query.where(_counts.c.slot < _first_slot_from(until))
    epoch = _EPOCH.date()
    return [
        (epoch + timedelta(days=int(n)), int(reviews), int(correct))
        for n, reviews, correct in conn.execute(query)
        if reviews
    ]


def rebuild(conn: Connection) -> None:
    """Count every review log afresh (after logs were written behind this module's back)."""
    from jgstudy.core.storage.schema import ReviewLogRow

    conn.execute(_counts.delete())
    logs = select(ReviewLogRow.user_id, ReviewLogRow.reviewed_at, ReviewLogRow.correct)
    batch: list[Mapping[str, object]] = []
    for row in conn.execute(logs).mappings():
        batch.append(dict(row))
        if len(batch) == 50_000:
            add_reviews(conn, batch)
            batch = []
    add_reviews(conn, batch)
