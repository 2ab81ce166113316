"""Queries behind the trainers' reports; they return plain tuples and dataclasses.

Everything is aggregated in SQL where a portable form exists (counts per day, per tag, per
duration bucket), so a report over a million answers moves thousands of rows, not millions.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TypeVarTuple

from sqlalchemy import Connection, Date, Integer, Select, cast, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.reports.records import DURATION_BUCKET_MS, CadreRow, ExamAttemptRow, Scope
from jgstudy.core.storage.schema import (
    AttemptRow,
    CardRow,
    QuestionRow,
    QuestionTagRow,
    ReviewLogRow,
    UserRow,
)
from jgstudy.core.storage.stats_repo import CardTagRow, card_tag_states

# Users with these roles run the training; they are not counted as cadres.
NON_CADRE_ROLES = ("trainer", "admin")
_Ts = TypeVarTuple("_Ts")


def _cadre_conditions(unit: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [UserRow.role.not_in(NON_CADRE_ROLES)]
    if unit is not None:
        conditions.append(UserRow.unit == unit)
    return conditions


def cadres(conn: Connection, unit: str | None) -> list[CadreRow]:
    """Every cadre (of ``unit``, when given), by name."""
    query = (
        select(UserRow.id, UserRow.name, UserRow.unit)
        .where(*_cadre_conditions(unit))
        .order_by(UserRow.name)
    )
    return [CadreRow(i, n, u) for i, n, u in conn.execute(query)]


def _scoped(query: Select[*_Ts], scope: Scope) -> Select[*_Ts]:
    """``query`` over review logs, restricted to the scope's cadres, period and attempts."""
    query = query.join(UserRow, UserRow.id == ReviewLogRow.user_id).where(
        *_cadre_conditions(scope.unit)
    )
    if scope.since is not None:
        query = query.where(ReviewLogRow.reviewed_at >= scope.since)
    if scope.until is not None:
        query = query.where(ReviewLogRow.reviewed_at < scope.until)
    if scope.attempt_ids is not None:
        query = query.where(ReviewLogRow.attempt_id.in_(scope.attempt_ids))
    return query


def _local_day(conn: Connection, offset: timedelta) -> ColumnElement[object]:
    """The local calendar day of an answer, for a fixed UTC offset (China has no DST)."""
    if conn.dialect.name == "sqlite":
        return func.date(ReviewLogRow.reviewed_at, f"{int(offset.total_seconds()):+d} seconds")
    return cast(ReviewLogRow.reviewed_at + literal(offset), Date)


def answers_per_day(
    conn: Connection, scope: Scope, offset: timedelta
) -> list[tuple[int, date, int, int]]:
    """(user id, local day, answers, correct) for each cadre's day with answers."""
    day = _local_day(conn, offset)
    correct = func.sum(cast(ReviewLogRow.correct, Integer))
    query = _scoped(select(ReviewLogRow.user_id, day, func.count(), correct), scope)
    rows = conn.execute(query.group_by(ReviewLogRow.user_id, day))
    return [(int(u), _as_date(d), int(n), int(c or 0)) for u, d, n, c in rows]


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def answers_per_tag(conn: Connection, scope: Scope) -> list[tuple[int, str, int, int]]:
    """(user id, tag, answers, correct) for each cadre and tag with answers."""
    correct = func.sum(cast(ReviewLogRow.correct, Integer))
    query = _scoped(
        select(ReviewLogRow.user_id, QuestionTagRow.tag, func.count(), correct).join(
            QuestionTagRow, QuestionTagRow.question_pk == ReviewLogRow.question_pk
        ),
        scope,
    ).group_by(ReviewLogRow.user_id, QuestionTagRow.tag)
    return [(int(u), str(t), int(n), int(c or 0)) for u, t, n, c in conn.execute(query)]


def duration_histogram(conn: Connection, scope: Scope) -> list[tuple[int, int, int]]:
    """(user id, bucket, answers): answer times in buckets of ``DURATION_BUCKET_MS``.

    Medians come from these buckets: exact to a tenth of a second without fetching every log.
    """
    bucket = ReviewLogRow.duration_ms // DURATION_BUCKET_MS
    query = _scoped(select(ReviewLogRow.user_id, bucket, func.count()), scope)
    rows = conn.execute(query.group_by(ReviewLogRow.user_id, bucket))
    return [(int(u), int(b), int(n)) for u, b, n in rows]


def first_answers(conn: Connection, scope: Scope) -> list[tuple[int, int, str, bool]]:
    """(user id, question pk, answer JSON, correct) of each cadre's first answer in scope."""
    order = func.row_number().over(
        partition_by=(ReviewLogRow.user_id, ReviewLogRow.question_pk),
        order_by=(ReviewLogRow.reviewed_at, ReviewLogRow.id),
    )
    ranked = _scoped(
        select(
            ReviewLogRow.user_id,
            ReviewLogRow.question_pk,
            ReviewLogRow.answer,
            ReviewLogRow.correct,
            order.label("n"),
        ),
        scope,
    ).subquery()
    query = select(ranked.c.user_id, ranked.c.question_pk, ranked.c.answer, ranked.c.correct)
    rows = conn.execute(query.where(ranked.c.n == 1))
    return [(int(u), int(q), str(a), bool(c)) for u, q, a, c in rows]


def question_totals(conn: Connection, scope: Scope) -> list[tuple[int, int, float]]:
    """(question pk, answers, mean duration ms) over every answer in scope."""
    query = _scoped(
        select(ReviewLogRow.question_pk, func.count(), func.avg(ReviewLogRow.duration_ms)),
        scope,
    ).group_by(ReviewLogRow.question_pk)
    return [(int(q), int(n), float(m or 0.0)) for q, n, m in conn.execute(query)]


def card_states(conn: Connection, unit: str | None) -> list[CardTagRow]:
    """(user id, question pk, tag or None, state) of the cadres' cards, once per question tag."""
    return card_tag_states(conn, *_cadre_conditions(unit))


def exam_attempts(conn: Connection, scope: Scope) -> list[ExamAttemptRow]:
    """The cadres' exam attempts started in the scope's period, oldest first."""
    query = (
        select(
            AttemptRow.id,
            AttemptRow.uid,
            AttemptRow.user_id,
            AttemptRow.title,
            AttemptRow.config,
            AttemptRow.started_at,
            AttemptRow.finished_at,
            AttemptRow.score,
            AttemptRow.max_score,
        )
        .join(UserRow, UserRow.id == AttemptRow.user_id)
        .where(AttemptRow.kind == "exam", *_cadre_conditions(scope.unit))
        .order_by(AttemptRow.started_at, AttemptRow.id)
    )
    if scope.since is not None:
        query = query.where(AttemptRow.started_at >= scope.since)
    if scope.until is not None:
        query = query.where(AttemptRow.started_at < scope.until)
    return [ExamAttemptRow(*row) for row in conn.execute(query)]


def first_seen_since(conn: Connection, unit: str | None, since: datetime) -> dict[int, int]:
    """Per cadre: questions first answered at or after ``since`` (their recent new-question pace)."""
    query = (
        select(CardRow.user_id, func.count())
        .join(UserRow, UserRow.id == CardRow.user_id)
        .where(CardRow.first_reviewed_at >= since, *_cadre_conditions(unit))
        .group_by(CardRow.user_id)
    )
    return {int(u): int(n) for u, n in conn.execute(query)}


def active_question_tags(conn: Connection) -> dict[int, tuple[str, ...]]:
    """Every active (not retired) question with its tags (an empty tuple when it has none)."""
    tags: dict[int, list[str]] = {}
    active = select(QuestionRow.pk).where(QuestionRow.retired.is_(False))
    for (pk,) in conn.execute(active):
        tags[int(pk)] = []
    query = (
        select(QuestionTagRow.question_pk, QuestionTagRow.tag)
        .join(QuestionRow, QuestionRow.pk == QuestionTagRow.question_pk)
        .where(QuestionRow.retired.is_(False))
        .order_by(QuestionTagRow.question_pk, QuestionTagRow.tag)
    )
    for pk, tag in conn.execute(query):
        tags[int(pk)].append(str(tag))
    return {pk: tuple(names) for pk, names in tags.items()}
