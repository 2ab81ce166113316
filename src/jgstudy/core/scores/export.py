"""Exporting one cadre's scores from a desktop's database to a portable file."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row

from jgstudy.core.scores.fileformat import (
    AttemptEntry,
    CardEntry,
    LogEntry,
    Profile,
    QuestionRef,
    ScoresFile,
)
from jgstudy.core.storage import scores_repo as repo
from jgstudy.core.text import msg


class UnknownUser(LookupError):
    """No user of that name in the database."""


class _Refs:
    """Numbers each question the first time it is referenced (the file's ``questions`` list)."""

    def __init__(self) -> None:
        self.refs: list[QuestionRef] = []
        self._index: dict[tuple[str, str], int] = {}

    def __call__(self, row: Row[Any]) -> int:
        key = (row.bank_id, row.qid)
        if key not in self._index:
            self._index[key] = len(self.refs)
            self.refs.append(
                QuestionRef(bank_id=row.bank_id, qid=row.qid, content_hash=row.content_hash)
            )
        return self._index[key]


def _attempt(row: Row[Any]) -> AttemptEntry:
    return AttemptEntry(
        uid=row.uid,
        kind=row.kind,
        title=row.title,
        config=row.config,
        state=row.state,
        started_at=row.started_at,
        finished_at=row.finished_at,
        score=row.score,
        max_score=row.max_score,
    )


def _log(row: Row[Any], refs: _Refs) -> LogEntry:
    return LogEntry(
        uid=row.uid,
        question=refs(row),
        attempt=row.attempt_uid,
        answer=json.loads(row.answer),
        correct=row.correct,
        score=row.score,
        rating=row.rating,
        duration_ms=row.duration_ms,
        reviewed_at=row.reviewed_at,
    )


def _card(row: Row[Any], refs: _Refs) -> CardEntry:
    return CardEntry(
        question=refs(row),
        state=row.state,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
        reps=row.reps,
        lapses=row.lapses,
        right_streak=row.right_streak,
        in_wrong_book=row.in_wrong_book,
        first_reviewed_at=row.first_reviewed_at,
    )


def export_scores(conn: Connection, name: str, now: datetime) -> ScoresFile:
    """Everything the database holds about the user ``name``: profile, attempts, logs, cards.

    Raises:
        UnknownUser: when there is no such user.
    """
    user = repo.user(conn, name)
    if user is None:
        raise UnknownUser(msg("没有名为 {name} 的用户", name=name))
    refs = _Refs()
    logs = [_log(row, refs) for row in repo.user_logs(conn, user.id)]
    cards = [_card(row, refs) for row in repo.user_cards(conn, user.id)]
    return ScoresFile(
        exported_at=now,
        profile=Profile(name=user.name, unit=user.unit, role=user.role),
        questions=tuple(refs.refs),
        attempts=tuple(_attempt(row) for row in repo.user_attempts(conn, user.id)),
        review_logs=tuple(logs),
        cards=tuple(cards),
    )
