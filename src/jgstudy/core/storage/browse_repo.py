"""Queries behind the question browser: filtered, searched and paged lists of questions."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from jgstudy.core.records import BrowseFilter, BrowseRow, CardStatus
from jgstudy.core.scheduling.days import Cutoffs, due_under
from jgstudy.core.storage.schema import BankRow, CardRow, QuestionRow, QuestionTagRow
from jgstudy.core.storage.study_repo import due_condition

LEARNING_STATES = (1, 3)  # fsrs.State.Learning and fsrs.State.Relearning
MAX_PAGE = 1000


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(flt: BrowseFilter, user_id: int | None, due: Cutoffs) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [QuestionRow.retired.is_(False)]
    for word in flt.text.split():
        pattern = f"%{_like_escape(word)}%"
        conditions.append(
            or_(
                QuestionRow.search_text.like(pattern, escape="\\"),
                QuestionRow.qid.like(pattern, escape="\\"),
            )
        )
    if flt.bank_id:
        conditions.append(QuestionRow.bank_id == flt.bank_id)
    if flt.qtype:
        conditions.append(QuestionRow.type == flt.qtype)
    if flt.difficulty:
        conditions.append(QuestionRow.difficulty == flt.difficulty)
    if flt.tag:
        conditions.append(
            exists().where(
                and_(QuestionTagRow.question_pk == QuestionRow.pk, QuestionTagRow.tag == flt.tag)
            )
        )
    if flt.status:
        conditions.append(_status_condition(flt.status, user_id, due))
    return conditions


def _status_condition(status: str, user_id: int | None, due: Cutoffs) -> ColumnElement[bool]:
    if user_id is None:
        return true() if status == CardStatus.NEW else false()
    # An alias: the outer query joins cards too, and must not swallow this subquery's FROM.
    cards = aliased(CardRow)
    card = and_(cards.user_id == user_id, cards.question_pk == QuestionRow.pk)
    if status == CardStatus.NEW:
        return ~exists().where(card)
    if status == CardStatus.DUE:
        return exists().where(card, due_condition(due, cards))
    if status == CardStatus.LEARNING:
        return exists().where(card, cards.state.in_(LEARNING_STATES))
    if status == CardStatus.WRONG:
        return exists().where(card, cards.in_wrong_book.is_(True))
    raise ValueError(f"unknown status filter: {status}")


def count_questions(conn: Connection, flt: BrowseFilter, user_id: int | None, due: Cutoffs) -> int:
    """How many questions match ``flt``."""
    query = select(func.count()).select_from(QuestionRow)
    query = query.where(*_conditions(flt, user_id, due))
    return int(conn.execute(query).scalar() or 0)


def browse_questions(
    conn: Connection,
    flt: BrowseFilter,
    user_id: int | None,
    due: Cutoffs,
    offset: int = 0,
    limit: int = 200,
) -> list[BrowseRow]:
    """One page of the questions matching ``flt``, in bank order."""
    query = select(
        QuestionRow.pk,
        QuestionRow.bank_id,
        BankRow.title,
        QuestionRow.qid,
        QuestionRow.type,
        QuestionRow.data,
        QuestionRow.difficulty,
        CardRow.due,
        CardRow.state,
        CardRow.in_wrong_book,
    ).join(BankRow, BankRow.id == QuestionRow.bank_id)
    # The cadre's card, if any (a user id of -1 matches none: everything is new).
    on_card = and_(CardRow.question_pk == QuestionRow.pk, CardRow.user_id == (user_id or -1))
    query = (
        query.outerjoin(CardRow, on_card)
        .where(*_conditions(flt, user_id, due))
        .order_by(QuestionRow.bank_id, QuestionRow.pk)
        .offset(max(offset, 0))
        .limit(min(max(limit, 0), MAX_PAGE))
    )
    rows = conn.execute(query).all()
    tags = _tags_of(conn, [row.pk for row in rows])
    return [
        BrowseRow(
            pk=row.pk,
            bank_id=row.bank_id,
            bank_title=row.title,
            qid=row.qid,
            qtype=row.type,
            stem=str(json.loads(row.data).get("stem", "")),
            difficulty=row.difficulty,
            tags=tuple(tags.get(row.pk, ())),
            status=_status(row.due, row.state, row.in_wrong_book, due),
        )
        for row in rows
    ]


def _status(
    card_due: datetime | None, state: int | None, wrong: bool | None, due: Cutoffs
) -> CardStatus:
    if card_due is None or state is None:
        return CardStatus.NEW
    if wrong:
        return CardStatus.WRONG
    if due_under(due, state, card_due):
        return CardStatus.DUE
    if state in LEARNING_STATES:
        return CardStatus.LEARNING
    return CardStatus.REVIEW


def _tags_of(conn: Connection, pks: list[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    if not pks:
        return tags
    query = (
        select(QuestionTagRow.question_pk, QuestionTagRow.tag)
        .where(QuestionTagRow.question_pk.in_(pks))
        .order_by(QuestionTagRow.question_pk, QuestionTagRow.tag)
    )
    for pk, tag in conn.execute(query):
        tags.setdefault(pk, []).append(tag)
    return tags


def all_tags(conn: Connection) -> list[str]:
    """Every tag used by an active question, alphabetically."""
    query = (
        select(QuestionTagRow.tag)
        .join(QuestionRow, QuestionRow.pk == QuestionTagRow.question_pk)
        .where(QuestionRow.retired.is_(False))
        .distinct()
        .order_by(QuestionTagRow.tag)
    )
    return list(conn.execute(query).scalars())
