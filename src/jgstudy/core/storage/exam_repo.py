"""Storing exams and drills as attempts; the question pools that papers are drawn from."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, exists, insert, select, update

from jgstudy.core.records import AttemptInfo, PoolEntry
from jgstudy.core.storage.schema import AttemptRow, QuestionRow, QuestionTagRow, ReviewLogRow

_attempts = cast(Table, AttemptRow.__table__)


def pool(
    conn: Connection,
    types: Sequence[str] = (),
    tags: Sequence[str] = (),
    bank_ids: Sequence[str] = (),
    exclude_types: Sequence[str] = (),
) -> list[PoolEntry]:
    """Active questions matching any of ``types``, any of ``tags`` and any of ``bank_ids``.

    Ordered by ``bank_id`` and question id, so that a seeded draw gives the same questions in
    any database holding the same banks.
    """
    query = select(QuestionRow.pk, QuestionRow.bank_id, QuestionRow.qid).where(
        QuestionRow.retired.is_(False)
    )
    if types:
        query = query.where(QuestionRow.type.in_(types))
    if exclude_types:
        query = query.where(QuestionRow.type.not_in(exclude_types))
    if bank_ids:
        query = query.where(QuestionRow.bank_id.in_(bank_ids))
    if tags:
        tagged = and_(QuestionTagRow.question_pk == QuestionRow.pk, QuestionTagRow.tag.in_(tags))
        query = query.where(exists().where(tagged))
    rows = conn.execute(query.order_by(QuestionRow.bank_id, QuestionRow.qid))
    return [PoolEntry(pk, bank_id, qid) for pk, bank_id, qid in rows]


def resolve_refs(conn: Connection, refs: Sequence[str]) -> dict[str, int]:
    """The pks of active questions named ``bank_id/qid``; unknown references are left out."""
    wanted = {tuple(ref.split("/", 1)) for ref in refs}
    banks = {bank for bank, _ in wanted}
    rows = conn.execute(
        select(QuestionRow.pk, QuestionRow.bank_id, QuestionRow.qid).where(
            QuestionRow.bank_id.in_(banks), QuestionRow.retired.is_(False)
        )
    )
    return {f"{b}/{q}": pk for pk, b, q in rows if (b, q) in wanted}


def create_attempt(
    conn: Connection,
    user_id: int,
    kind: str,
    title: str,
    config: str,
    state: str,
    started_at: datetime,
) -> int:
    """Store a new, unfinished attempt; returns its id."""
    result = conn.execute(
        insert(_attempts).values(
            uid=uuid.uuid4().hex,
            user_id=user_id,
            kind=kind,
            title=title,
            config=config,
            state=state,
            started_at=started_at,
            score=0.0,
            max_score=0.0,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def save_state(conn: Connection, attempt_id: int, state: str) -> None:
    conn.execute(update(_attempts).where(_attempts.c.id == attempt_id).values(state=state))


def finish_attempt(
    conn: Connection,
    attempt_id: int,
    state: str,
    finished_at: datetime,
    score: float,
    max_score: float,
) -> None:
    conn.execute(
        update(_attempts)
        .where(_attempts.c.id == attempt_id)
        .values(state=state, finished_at=finished_at, score=score, max_score=max_score)
    )


def get_attempt(conn: Connection, attempt_id: int) -> AttemptInfo | None:
    row = conn.execute(select(_attempts).where(_attempts.c.id == attempt_id)).first()
    return _info(row) if row else None


def latest_unfinished(conn: Connection, user_id: int, kind: str) -> AttemptInfo | None:
    """The user's most recently started attempt of ``kind`` that has no finish time."""
    row = conn.execute(
        select(_attempts)
        .where(
            _attempts.c.user_id == user_id,
            _attempts.c.kind == kind,
            _attempts.c.finished_at.is_(None),
        )
        .order_by(_attempts.c.started_at.desc(), _attempts.c.id.desc())
    ).first()
    return _info(row) if row else None


def list_attempts(conn: Connection, user_id: int, kind: str) -> list[AttemptInfo]:
    """The user's attempts of ``kind``, newest first."""
    rows = conn.execute(
        select(_attempts)
        .where(_attempts.c.user_id == user_id, _attempts.c.kind == kind)
        .order_by(_attempts.c.started_at.desc(), _attempts.c.id.desc())
    )
    return [_info(row) for row in rows]


def logged_pks(conn: Connection, attempt_id: int) -> set[int]:
    """Questions that already have a review log for this attempt (to record each only once)."""
    query = select(ReviewLogRow.question_pk).where(ReviewLogRow.attempt_id == attempt_id)
    return set(conn.execute(query).scalars())


def _info(row: Any) -> AttemptInfo:
    return AttemptInfo(
        row.id,
        row.uid,
        row.user_id,
        row.kind,
        row.title,
        row.config,
        row.state,
        row.started_at,
        row.finished_at,
        row.score,
        row.max_score,
    )
