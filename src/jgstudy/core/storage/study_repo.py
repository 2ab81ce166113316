"""Storing study: users, card state, review logs; the queries the practice queue needs."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.model import QUESTION_ADAPTER, MultipleScoring
from jgstudy.core.records import AnswerRecord, CardInfo, QuestionRecord, UserInfo
from jgstudy.core.scheduling import CardState
from jgstudy.core.scheduling.days import REVIEW, Cutoffs
from jgstudy.core.storage import counts_repo
from jgstudy.core.storage.prepared import Prepared
from jgstudy.core.storage.schema import (
    BankRow,
    CardRow,
    QuestionRow,
    QuestionTagRow,
    ReviewLogRow,
    UserRow,
)
from jgstudy.core.storage.upserts import conflict_insert

_cards = cast(Table, CardRow.__table__)
_FSRS_STATES = (1, 2, 3)  # learning, review, relearning
_logs = cast(Table, ReviewLogRow.__table__)
_users = cast(Table, UserRow.__table__)


def ensure_user(conn: Connection, name: str, unit: str, role: str, now: datetime) -> UserInfo:
    """The user called ``name``, created (or their unit updated) as needed."""
    row = conn.execute(select(_users).where(_users.c.name == name)).first()
    if row is None:
        values = {"name": name, "unit": unit, "role": role, "settings": "{}", "created_at": now}
        conn.execute(_insert_user(conn.dialect.name).values(**values))
    elif unit and unit != row.unit:
        conn.execute(update(_users).where(_users.c.id == row.id).values(unit=unit))
    user = find_user(conn, name)
    assert user is not None
    return user


def _insert_user(dialect: str) -> Insert:
    """An insert that leaves a user created meanwhile by another desktop as it is."""
    stmt = conflict_insert(dialect, _users)
    if stmt is None:
        return insert(_users)
    return stmt.on_conflict_do_nothing(index_elements=[_users.c.name])


def find_user(conn: Connection, name: str) -> UserInfo | None:
    row = conn.execute(select(_users).where(_users.c.name == name)).first()
    return UserInfo(row.id, row.name, row.unit, row.role) if row else None


def list_users(conn: Connection) -> list[UserInfo]:
    rows = conn.execute(select(_users).order_by(_users.c.name))
    return [UserInfo(r.id, r.name, r.unit, r.role) for r in rows]


def _active(
    bank_ids: Sequence[str] | None, tags: Sequence[str] | None = None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [QuestionRow.retired.is_(False)]
    if bank_ids:
        conditions.append(QuestionRow.bank_id.in_(bank_ids))
    if tags:
        conditions.append(
            exists().where(
                and_(QuestionTagRow.question_pk == QuestionRow.pk, QuestionTagRow.tag.in_(tags))
            )
        )
    return conditions


def due_condition(cutoffs: Cutoffs, cards: Any = CardRow) -> ColumnElement[bool]:
    """Cards due under ``DueRule.cutoffs``: reviews due before the first, learning steps at or
    before the second. ``cards`` is ``CardRow`` or an alias of it."""
    reviews_before, learning_until = cutoffs
    return or_(
        and_(cards.state == REVIEW, cards.due < reviews_before),
        and_(cards.state != REVIEW, cards.due <= learning_until),
    )


def due_pks(
    conn: Connection,
    user_id: int,
    cutoffs: Cutoffs,
    bank_ids: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> list[int]:
    """Questions due for review under ``cutoffs`` (see ``DueRule``), most overdue first;
    questions due at the same moment in the order of the bank (not whichever order the
    database's plan of the day happens to give)."""
    query = (
        select(CardRow.question_pk)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, due_condition(cutoffs), *_active(bank_ids, tags))
        .order_by(CardRow.due, CardRow.question_pk)
    )
    return list(conn.execute(query).scalars())


def next_due_after(
    conn: Connection, user_id: int, cutoffs: Cutoffs
) -> tuple[datetime | None, datetime | None]:
    """(earliest review, earliest learning step) of the active cards not yet due at ``cutoffs``."""
    reviews_before, learning_until = cutoffs
    active = (CardRow.user_id == user_id, QuestionRow.retired.is_(False))
    base = select(func.min(CardRow.due)).join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
    review = base.where(*active, CardRow.state == REVIEW, CardRow.due >= reviews_before)
    learning = base.where(*active, CardRow.state != REVIEW, CardRow.due > learning_until)
    return conn.execute(review).scalar(), conn.execute(learning).scalar()


def recent_right_answers(conn: Connection, user_id: int, limit: int) -> list[tuple[int, int]]:
    """(question pk, duration ms) of the cadre's latest right answers, newest first."""
    query = (
        select(_logs.c.question_pk, _logs.c.duration_ms)
        .where(_logs.c.user_id == user_id, _logs.c.correct.is_(True))
        .order_by(_logs.c.reviewed_at.desc())
        .limit(limit)
    )
    return [(int(pk), int(ms)) for pk, ms in conn.execute(query)]


def _unseen(user_id: int) -> ColumnElement[bool]:
    """Questions without a card of the cadre's. NOT IN reads the cadre's cards once (SQLite
    builds a temporary index of them); NOT EXISTS looked each question up, twice as slow."""
    return QuestionRow.pk.not_in(select(CardRow.question_pk).where(CardRow.user_id == user_id))


def new_pks(
    conn: Connection,
    user_id: int,
    bank_ids: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    limit: int | None = 20,
) -> list[int]:
    """Questions the cadre has never answered, in bank order (all of them if ``limit`` is None)."""
    query = (
        select(QuestionRow.pk)
        .where(_unseen(user_id), *_active(bank_ids, tags))
        .order_by(QuestionRow.bank_id, QuestionRow.pk)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).scalars())


# What the new-question order needs of a question (core.order.OrderKey): columns, not content.
_ORDER_COLUMNS = (QuestionRow.pk, QuestionRow.bank_id, QuestionRow.qid, QuestionRow.type)


def new_keys(
    conn: Connection,
    user_id: int,
    bank_ids: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> list[tuple[int, str, str, str]]:
    """(pk, bank id, question id, type) of every question :func:`new_pks` gives, in its order."""
    query = (
        select(*_ORDER_COLUMNS)
        .where(_unseen(user_id), *_active(bank_ids, tags))
        .order_by(QuestionRow.bank_id, QuestionRow.pk)
    )
    return [(pk, bank_id, qid, kind) for pk, bank_id, qid, kind in conn.execute(query)]


def order_keys(conn: Connection, pks: Sequence[int]) -> list[tuple[int, str, str, str]]:
    """(pk, bank id, question id, type) of the questions ``pks`` that exist, in that order."""
    found: dict[int, tuple[int, str, str, str]] = {}
    for start in range(0, len(pks), 500):
        query = select(*_ORDER_COLUMNS).where(QuestionRow.pk.in_(pks[start : start + 500]))
        found.update(
            (pk, (pk, bank_id, qid, kind)) for pk, bank_id, qid, kind in conn.execute(query)
        )
    return [found[pk] for pk in pks if pk in found]


def active_pks(conn: Connection) -> list[int]:
    """Every question not retired."""
    query = select(QuestionRow.pk).where(QuestionRow.retired.is_(False))
    return list(conn.execute(query).scalars())


def wrong_book_pks(
    conn: Connection, user_id: int, bank_ids: Sequence[str] | None = None
) -> list[int]:
    """Questions in the wrong-answer book: answered wrong, not yet right twice in a row."""
    query = (
        select(CardRow.question_pk)
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, CardRow.in_wrong_book.is_(True), *_active(bank_ids))
        .order_by(CardRow.last_review.desc())
    )
    return list(conn.execute(query).scalars())


def load_questions(conn: Connection, pks: Iterable[int]) -> dict[int, QuestionRecord]:
    """The questions with these pks, parsed, with their tags and the bank's scoring rule."""
    pks = list(pks)
    if len(pks) == 1:  # the next question of a session: the prepared statements
        return _load_question(conn, pks[0])
    records: dict[int, QuestionRecord] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        tags: dict[int, list[str]] = {}
        for pk, tag in conn.execute(
            select(QuestionTagRow.question_pk, QuestionTagRow.tag).where(
                QuestionTagRow.question_pk.in_(chunk)
            )
        ):
            tags.setdefault(pk, []).append(tag)
        rows = conn.execute(_QUESTION_COLUMNS.where(QuestionRow.pk.in_(chunk)))
        for pk, bank_id, data, scoring in rows:
            records[pk] = _question_record(pk, bank_id, data, sorted(tags.get(pk, ())), scoring)
    return records


_QUESTION_COLUMNS = select(
    QuestionRow.pk, QuestionRow.bank_id, QuestionRow.data, BankRow.multiple_scoring
).join(BankRow, BankRow.id == QuestionRow.bank_id)
# A tag is checked text (``model.Text``): it never holds this control character.
_TAG_SEPARATOR = "\x1f"


def _question_with_tags(aggregate: Callable[..., ColumnElement[str]]) -> Prepared:
    """The next question in one statement: its tags joined by the database rather than read
    by a second query (one statement fewer on every question shown)."""
    tags = (
        select(aggregate(QuestionTagRow.tag, bindparam("separator", _TAG_SEPARATOR)))
        .where(QuestionTagRow.question_pk == QuestionRow.pk)
        .scalar_subquery()
    )
    return Prepared(_QUESTION_COLUMNS.add_columns(tags).where(QuestionRow.pk == bindparam("pk")))


_QUESTION = {
    "sqlite": _question_with_tags(func.group_concat),
    "postgresql": _question_with_tags(func.string_agg),
}


def _load_question(conn: Connection, pk: int) -> dict[int, QuestionRecord]:
    row = _QUESTION[conn.dialect.name].first(conn, {"pk": pk})
    if row is None:
        return {}
    # sorted, as the many-question path reads them (in the primary key's order)
    tags = sorted(row[4].split(_TAG_SEPARATOR)) if row[4] else []
    return {pk: _question_record(row[0], row[1], row[2], tags, row[3])}


def _question_record(
    pk: int, bank_id: str, data: str, tags: Iterable[str], scoring: str
) -> QuestionRecord:
    question = QUESTION_ADAPTER.validate_json(data)
    return QuestionRecord(pk, bank_id, question, tuple(tags), MultipleScoring(scoring))


# Built once: these run on every answer, where statement construction would dominate.
_CARD_IS = (
    _cards.c.user_id == bindparam("k_user"),
    _cards.c.question_pk == bindparam("k_question"),
)
_UPDATE_CARD = update(_cards).where(*_CARD_IS)
_INSERT_CARD = insert(_cards)
_CARD_KEY = [_cards.c.user_id, _cards.c.question_pk]
_CARD_VALUES = [c.name for c in _cards.c if c not in _CARD_KEY]
_CARD_COLUMNS = [c.name for c in _cards.c]
_LOG_VALUES = [c.name for c in _logs.c if c.name != "id"]
_GET_CARD = Prepared(select(*(_cards.c[name] for name in _CARD_VALUES)).where(*_CARD_IS))
_DELETE_CARD = Prepared(delete(_cards).where(*_CARD_IS))
_INSERT_LOG = Prepared(insert(_logs).returning(_logs.c.id), _LOG_VALUES)


@functools.cache
def _upsert_card(dialect: str, keep_first: bool = False) -> Prepared | None:
    """One statement, so two desktops writing the same new card cannot both insert it.

    ``keep_first``: a card already stored keeps its ``first_reviewed_at``, which is then left
    out of the update altogether (SQLite rewrites the index entry of every column an update
    assigns, changed or not: one page more in the write-ahead log)."""
    stmt = conflict_insert(dialect, _cards)
    if stmt is None:
        return None
    kept = {"first_reviewed_at"} if keep_first else set()
    values = {name: stmt.excluded[name] for name in _CARD_VALUES if name not in kept}
    return Prepared(
        stmt.on_conflict_do_update(index_elements=_CARD_KEY, set_=values), _CARD_COLUMNS
    )


def _valid_memory(state: int, stability: float | None, difficulty: float | None) -> bool:
    finite = all(v is None or (math.isfinite(v) and v >= 0) for v in (stability, difficulty))
    return state in _FSRS_STATES and finite


def get_card(conn: Connection, user_id: int, question_pk: int) -> CardInfo | None:
    row = _GET_CARD.first(conn, {"k_user": user_id, "k_question": question_pk})
    if row is None:
        return None
    state, step, stability, difficulty, due, last_review, reps, lapses, streak, book, first = row
    if not _valid_memory(state, stability, difficulty):
        return None  # a state no FSRS card can have (merged by an older version): start afresh
    memory = CardState(state, step, stability, difficulty, due, last_review)
    return CardInfo(memory, reps, lapses, streak, book, first)


def record_answer(conn: Connection, record: AnswerRecord) -> int:
    """Store one answer: its review log and the card state it leads to. Returns the log id."""
    values = {
        "uid": record.uid,
        "user_id": record.user_id,
        "question_pk": record.question_pk,
        "attempt_id": record.attempt_id,
        "answer": record.answer_json,
        "correct": record.correct,
        "score": record.score,
        "rating": record.rating,
        "duration_ms": record.duration_ms,
        "reviewed_at": record.reviewed_at,
    }
    rows = _INSERT_LOG.rows(conn, values)
    # An answer never moves a stored card's first review (it is set when the card is made).
    put_card(conn, record.user_id, record.question_pk, record.card, keep_first=True)
    counts_repo.add_review(conn, record.user_id, record.reviewed_at, record.correct)
    return int(rows[0][0])


def put_card(
    conn: Connection,
    user_id: int,
    question_pk: int,
    card: CardInfo | None,
    *,
    keep_first: bool = False,
) -> None:
    """Write a card's state; ``None`` removes it (the question becomes new again).
    ``keep_first``: a card already stored keeps its first review time."""
    if card is None:
        _DELETE_CARD.run(conn, {"k_user": user_id, "k_question": question_pk})
        return
    s = card.state
    values: dict[str, object] = {
        "state": s.state,
        "step": s.step,
        "stability": s.stability,
        "difficulty": s.difficulty,
        "due": s.due,
        "last_review": s.last_review,
        "reps": card.reps,
        "lapses": card.lapses,
        "right_streak": card.right_streak,
        "in_wrong_book": card.in_wrong_book,
        "first_reviewed_at": card.first_reviewed_at,
    }
    upsert_card(conn, user_id, question_pk, values, keep_first=keep_first)


def upsert_card(
    conn: Connection,
    user_id: int,
    question_pk: int,
    values: dict[str, object],
    *,
    keep_first: bool = False,
) -> None:
    """Insert or replace the card of (user, question) in one statement (``ON CONFLICT``)."""
    statement = _upsert_card(conn.dialect.name, keep_first)
    if statement is not None:
        statement.run(conn, {"user_id": user_id, "question_pk": question_pk, **values})
        return
    keys = {"k_user": user_id, "k_question": question_pk}  # other databases: best effort
    if conn.execute(_UPDATE_CARD, {**keys, **values}).rowcount == 0:
        conn.execute(_INSERT_CARD, {"user_id": user_id, "question_pk": question_pk, **values})


def delete_log(conn: Connection, log_id: int) -> None:
    query = select(_logs.c.user_id, _logs.c.reviewed_at, _logs.c.correct).where(
        _logs.c.id == log_id
    )
    log = conn.execute(query).first()
    if log is None:
        return
    conn.execute(delete(_logs).where(_logs.c.id == log_id))
    counts_repo.remove_review(conn, log.user_id, log.reviewed_at, log.correct)
