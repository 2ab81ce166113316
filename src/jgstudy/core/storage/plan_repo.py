"""Storing study plans: a cadre's FSRS parameters, target date and recall, and their events."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import cast

from sqlalchemy import Connection, Table, func, insert, select, update

from jgstudy.core.records import PlanSettings, ScheduleEvent
from jgstudy.core.storage.schema import (
    CardRow,
    QuestionRow,
    ReviewLogRow,
    ScheduleEventRow,
    StudyPlanRow,
)

_plans = cast(Table, StudyPlanRow.__table__)
_events = cast(Table, ScheduleEventRow.__table__)
_logs = cast(Table, ReviewLogRow.__table__)

# (question pk, when, rating, duration ms) of one answer
Answer = tuple[int, datetime, int, int]
# (question pk, FSRS state, stability, difficulty, last review, due) of one card
StoredCard = tuple[int, int, float | None, float | None, datetime | None, datetime]


def get_plan(conn: Connection, user_id: int) -> PlanSettings:
    row = conn.execute(select(_plans).where(_plans.c.user_id == user_id)).first()
    if row is None:
        return PlanSettings()
    weights = tuple(float(w) for w in json.loads(row.parameters)) if row.parameters else None
    return PlanSettings(weights, row.fitted_at, row.target_date, row.target_recall)


def _put(conn: Connection, user_id: int, values: dict[str, object]) -> None:
    exists = conn.execute(select(_plans.c.user_id).where(_plans.c.user_id == user_id)).first()
    if exists is None:
        conn.execute(insert(_plans).values({"user_id": user_id, "parameters": "", **values}))
    else:
        conn.execute(update(_plans).where(_plans.c.user_id == user_id).values(**values))


def put_parameters(
    conn: Connection, user_id: int, parameters: tuple[float, ...] | None, now: datetime
) -> None:
    text = json.dumps(list(parameters)) if parameters is not None else ""
    _put(conn, user_id, {"parameters": text, "fitted_at": now if parameters else None})


def put_target(
    conn: Connection, user_id: int, target_date: date | None, target_recall: float | None
) -> None:
    _put(conn, user_id, {"target_date": target_date, "target_recall": target_recall})


def add_event(conn: Connection, event: ScheduleEvent) -> None:
    conn.execute(
        insert(_events).values(
            user_id=event.user_id,
            actor=event.actor,
            kind=event.kind,
            at=event.at,
            before=event.before,
            after=event.after,
        )
    )


def events(conn: Connection, user_id: int) -> list[ScheduleEvent]:
    rows = conn.execute(
        select(_events).where(_events.c.user_id == user_id).order_by(_events.c.at, _events.c.id)
    )
    return [ScheduleEvent(r.user_id, r.actor, r.kind, r.at, r.before, r.after) for r in rows]


def answers(conn: Connection, user_id: int) -> list[Answer]:
    """Every answer of the cadre, oldest first (the fit's and the retention table's input)."""
    query = (
        select(_logs.c.question_pk, _logs.c.reviewed_at, _logs.c.rating, _logs.c.duration_ms)
        .where(_logs.c.user_id == user_id)
        .order_by(_logs.c.reviewed_at, _logs.c.id)
    )
    return [(int(pk), at, int(r), int(ms)) for pk, at, r, ms in conn.execute(query)]


def recent_durations(conn: Connection, user_id: int, limit: int) -> list[int]:
    """Duration (ms) of the cadre's latest answers, newest first."""
    query = (
        select(_logs.c.duration_ms)
        .where(_logs.c.user_id == user_id)
        .order_by(_logs.c.reviewed_at.desc())
        .limit(limit)
    )
    return [int(ms) for ms in conn.execute(query).scalars()]


def active_cards(conn: Connection, user_id: int) -> list[StoredCard]:
    """The cadre's cards on active questions."""
    query = (
        select(
            CardRow.question_pk,
            CardRow.state,
            CardRow.stability,
            CardRow.difficulty,
            CardRow.last_review,
            CardRow.due,
        )
        .join(QuestionRow, QuestionRow.pk == CardRow.question_pk)
        .where(CardRow.user_id == user_id, QuestionRow.retired.is_(False))
    )
    return [(int(pk), int(s), st, d, lr, due) for pk, s, st, d, lr, due in conn.execute(query)]


def active_question_count(conn: Connection) -> int:
    query = select(func.count()).select_from(QuestionRow).where(QuestionRow.retired.is_(False))
    return int(conn.execute(query).scalar() or 0)
