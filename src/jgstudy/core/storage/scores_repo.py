"""The queries behind scores export and merge (core/scores): plain rows and dicts in and out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar
from typing import cast as typed

from sqlalchemy import Connection, Integer, Row, Table, cast, func, insert, select, update

from jgstudy.core.storage import counts_repo
from jgstudy.core.storage.schema import AttemptRow, CardRow, QuestionRow, ReviewLogRow, UserRow
from jgstudy.core.storage.study_repo import upsert_card

_logs = typed(Table, ReviewLogRow.__table__)
_attempts = typed(Table, AttemptRow.__table__)
_cards = typed(Table, CardRow.__table__)
_users = typed(Table, UserRow.__table__)
CHUNK = 500  # below every database's limit on bound parameters
T = TypeVar("T")

QuestionKey = tuple[str, str]  # (bank id, question id)


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def user(conn: Connection, name: str) -> Row[Any] | None:
    return conn.execute(select(_users).where(_users.c.name == name)).first()


def create_user(conn: Connection, name: str, unit: str, role: str, now: datetime) -> int:
    values = {"name": name, "unit": unit, "role": role, "settings": "{}", "created_at": now}
    key = conn.execute(insert(_users).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def set_unit(conn: Connection, user_id: int, unit: str) -> None:
    conn.execute(update(_users).where(_users.c.id == user_id).values(unit=unit))


def user_logs(conn: Connection, user_id: int) -> list[Row[Any]]:
    """The user's review logs with their question's key and their attempt's uid, oldest first."""
    query = (
        select(_logs, QuestionRow.bank_id, QuestionRow.qid, QuestionRow.content_hash)
        .add_columns(AttemptRow.uid.label("attempt_uid"))
        .join(QuestionRow, QuestionRow.pk == _logs.c.question_pk)
        .outerjoin(AttemptRow, AttemptRow.id == _logs.c.attempt_id)
        .where(_logs.c.user_id == user_id)
        .order_by(_logs.c.reviewed_at, _logs.c.id)
    )
    return list(conn.execute(query))


def user_cards(conn: Connection, user_id: int) -> list[Row[Any]]:
    query = (
        select(_cards, QuestionRow.bank_id, QuestionRow.qid, QuestionRow.content_hash)
        .join(QuestionRow, QuestionRow.pk == _cards.c.question_pk)
        .where(_cards.c.user_id == user_id)
        .order_by(QuestionRow.bank_id, QuestionRow.qid)
    )
    return list(conn.execute(query))


def user_attempts(conn: Connection, user_id: int) -> list[Row[Any]]:
    query = select(_attempts).where(_attempts.c.user_id == user_id)
    return list(conn.execute(query.order_by(_attempts.c.started_at, _attempts.c.id)))


def question_pks(
    conn: Connection, keys: Iterable[QuestionKey]
) -> dict[QuestionKey, tuple[int, str]]:
    """(pk, content hash) of each known question among ``keys``."""
    wanted = set(keys)
    banks = sorted({bank for bank, _qid in wanted})
    query = select(QuestionRow.bank_id, QuestionRow.qid, QuestionRow.pk, QuestionRow.content_hash)
    found: dict[QuestionKey, tuple[int, str]] = {}
    for part in chunks(banks):
        for bank, qid, pk, digest in conn.execute(query.where(QuestionRow.bank_id.in_(part))):
            if (bank, qid) in wanted:
                found[(bank, qid)] = (int(pk), str(digest))
    return found


def log_owners(conn: Connection, uids: Sequence[str]) -> dict[str, int]:
    """uid -> user id of the review logs among ``uids`` already stored."""
    found: dict[str, int] = {}
    query = select(_logs.c.uid, _logs.c.user_id)
    for part in chunks(uids):
        found.update(
            (uid, int(user)) for uid, user in conn.execute(query.where(_logs.c.uid.in_(part)))
        )
    return found


def owned_attempt_ids(conn: Connection, user_id: int, uids: Sequence[str]) -> dict[str, int]:
    """uid -> id of the attempts among ``uids`` that belong to ``user_id``."""
    query = select(_attempts.c.uid, _attempts.c.id).where(_attempts.c.user_id == user_id)
    found: dict[str, int] = {}
    for part in chunks(uids):
        found.update(
            (uid, int(key)) for uid, key in conn.execute(query.where(_attempts.c.uid.in_(part)))
        )
    return found


def attempts_by_uid(conn: Connection, uids: Sequence[str]) -> dict[str, Row[Any]]:
    found: dict[str, Row[Any]] = {}
    for part in chunks(uids):
        for row in conn.execute(select(_attempts).where(_attempts.c.uid.in_(part))):
            found[row.uid] = row
    return found


def insert_attempt(conn: Connection, values: dict[str, object]) -> None:
    conn.execute(insert(_attempts).values(**values))


def update_attempt(conn: Connection, uid: str, user_id: int, values: dict[str, object]) -> None:
    """Update the attempt ``uid`` only when it is ``user_id``'s."""
    owned = (_attempts.c.uid == uid, _attempts.c.user_id == user_id)
    conn.execute(update(_attempts).where(*owned).values(**values))


def insert_logs(conn: Connection, rows: Sequence[dict[str, object]]) -> None:
    if rows:
        conn.execute(insert(_logs), list(rows))
        counts_repo.add_reviews(conn, rows)


def card(conn: Connection, user_id: int, pk: int) -> Row[Any] | None:
    query = select(_cards).where(_cards.c.user_id == user_id, _cards.c.question_pk == pk)
    return conn.execute(query).first()


def put_card(conn: Connection, user_id: int, pk: int, values: dict[str, object]) -> None:
    """Insert or replace the card of (user, question) in one statement."""
    upsert_card(conn, user_id, pk, values)


def recount_cards(conn: Connection, user_id: int, pks: Sequence[int]) -> None:
    """Set reps, lapses and first_reviewed_at of the user's cards from their review logs."""
    wrong = func.sum(1 - cast(_logs.c.correct, Integer))
    query = select(_logs.c.question_pk, func.count(), wrong, func.min(_logs.c.reviewed_at)).where(
        _logs.c.user_id == user_id
    )
    for part in chunks(list(pks)):
        rows = conn.execute(
            query.where(_logs.c.question_pk.in_(part)).group_by(_logs.c.question_pk)
        )
        for pk, reps, lapses, first in rows:
            keys = (_cards.c.user_id == user_id, _cards.c.question_pk == pk)
            conn.execute(
                update(_cards)
                .where(*keys)
                .values(reps=int(reps), lapses=int(lapses or 0), first_reviewed_at=first)
            )
