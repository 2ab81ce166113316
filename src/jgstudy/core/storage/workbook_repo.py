"""Stars, notes, problem reports and the wrong-answer history of a cadre's questions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from jgstudy.core.storage.schema import (
    NoteRow,
    ProblemReportRow,
    QuestionRow,
    ReviewLogRow,
    StarRow,
    UserRow,
)


def set_star(conn: Connection, user_id: int, pk: int, on: bool, now: datetime) -> None:
    conn.execute(delete(StarRow).where(StarRow.user_id == user_id, StarRow.question_pk == pk))
    if on:
        conn.execute(insert(StarRow).values(user_id=user_id, question_pk=pk, created_at=now))


def starred_pks(conn: Connection, user_id: int) -> list[int]:
    """The cadre's starred active questions, in bank order."""
    query = (
        select(StarRow.question_pk)
        .join(QuestionRow, QuestionRow.pk == StarRow.question_pk)
        .where(StarRow.user_id == user_id, QuestionRow.retired.is_(False))
        .order_by(QuestionRow.bank_id, QuestionRow.pk)
    )
    return list(conn.execute(query).scalars())


def set_note(conn: Connection, user_id: int, pk: int, text: str, now: datetime) -> None:
    conn.execute(delete(NoteRow).where(NoteRow.user_id == user_id, NoteRow.question_pk == pk))
    if text:
        conn.execute(
            insert(NoteRow).values(user_id=user_id, question_pk=pk, text=text, updated_at=now)
        )


def notes(conn: Connection, user_id: int, pks: Sequence[int]) -> dict[int, str]:
    query = select(NoteRow.question_pk, NoteRow.text).where(
        NoteRow.user_id == user_id, NoteRow.question_pk.in_(list(pks))
    )
    return {pk: text for pk, text in conn.execute(query)}


def stars(conn: Connection, user_id: int, pks: Sequence[int]) -> set[int]:
    query = select(StarRow.question_pk).where(
        StarRow.user_id == user_id, StarRow.question_pk.in_(list(pks))
    )
    return set(conn.execute(query).scalars())


def wrong_answers(
    conn: Connection, user_id: int, pks: Sequence[int]
) -> dict[int, list[tuple[datetime, Any]]]:
    """Every wrong answer of the cadre to each question, oldest first: (when, answer JSON)."""
    query = (
        select(ReviewLogRow.question_pk, ReviewLogRow.reviewed_at, ReviewLogRow.answer)
        .where(
            ReviewLogRow.user_id == user_id,
            ReviewLogRow.question_pk.in_(list(pks)),
            ReviewLogRow.correct.is_(False),
        )
        .order_by(ReviewLogRow.reviewed_at, ReviewLogRow.id)
    )
    found: dict[int, list[tuple[datetime, Any]]] = {}
    for pk, at, answer in conn.execute(query):
        found.setdefault(pk, []).append((at, json.loads(answer)))
    return found


def add_report(conn: Connection, user_id: int, pk: int, reason: str, now: datetime) -> int:
    values = {"user_id": user_id, "question_pk": pk, "reason": reason, "created_at": now}
    result = conn.execute(insert(ProblemReportRow).values(**values, closed_by=""))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def open_reports(conn: Connection) -> list[tuple[int, int, str, str, str, datetime]]:
    """(id, question pk, bank/qid, cadre, reason, when) of every open report, oldest first."""
    query = (
        select(
            ProblemReportRow.id,
            ProblemReportRow.question_pk,
            (QuestionRow.bank_id + "/" + QuestionRow.qid).label("ref"),
            UserRow.name,
            ProblemReportRow.reason,
            ProblemReportRow.created_at,
        )
        .join(QuestionRow, QuestionRow.pk == ProblemReportRow.question_pk)
        .join(UserRow, UserRow.id == ProblemReportRow.user_id)
        .where(ProblemReportRow.closed_at.is_(None))
        .order_by(ProblemReportRow.created_at, ProblemReportRow.id)
    )
    return [(a, b, c, d, e, f) for a, b, c, d, e, f in conn.execute(query)]


def close_report(conn: Connection, report_id: int, by: str, now: datetime) -> bool:
    result = conn.execute(
        update(ProblemReportRow)
        .where(ProblemReportRow.id == report_id, ProblemReportRow.closed_at.is_(None))
        .values(closed_at=now, closed_by=by)
    )
    return result.rowcount == 1
