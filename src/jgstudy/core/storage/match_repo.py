"""Storing competition matches: the match row and its append-only event log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update

from jgstudy.core.records import MatchInfo, StoredEvent
from jgstudy.core.storage.schema import MatchEventRow, MatchRow

_matches = cast(Table, MatchRow.__table__)
_events = cast(Table, MatchEventRow.__table__)


def create_match(conn: Connection, title: str, config: str, now: datetime) -> int:
    result = conn.execute(
        insert(_matches).values(uid=uuid.uuid4().hex, title=title, config=config, created_at=now)
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def append_event(conn: Connection, match_id: int, event: StoredEvent) -> None:
    """Append one event; (match_id, seq) is unique, so an event cannot be stored twice."""
    conn.execute(
        insert(_events).values(
            match_id=match_id,
            seq=event.seq,
            at=event.at,
            kind=event.kind,
            team=event.team,
            payload=event.payload,
        )
    )


def finish_match(conn: Connection, match_id: int, at: datetime) -> None:
    conn.execute(update(_matches).where(_matches.c.id == match_id).values(finished_at=at))


def get_match(conn: Connection, match_id: int) -> MatchInfo | None:
    row = conn.execute(select(_matches).where(_matches.c.id == match_id)).first()
    return _info(row) if row else None


def list_matches(conn: Connection) -> list[MatchInfo]:
    """Every match, newest first."""
    rows = conn.execute(
        select(_matches).order_by(_matches.c.created_at.desc(), _matches.c.id.desc())
    )
    return [_info(row) for row in rows]


def load_events(conn: Connection, match_id: int) -> list[StoredEvent]:
    rows = conn.execute(
        select(_events).where(_events.c.match_id == match_id).order_by(_events.c.seq)
    )
    return [StoredEvent(r.seq, r.at, r.kind, r.team, r.payload) for r in rows]


def _info(row: Any) -> MatchInfo:
    return MatchInfo(row.id, row.uid, row.title, row.config, row.created_at, row.finished_at)
