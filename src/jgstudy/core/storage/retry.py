"""Writing through a database another process is busy with: retry with backoff, never give up early.

SQLite waits ``busy_timeout`` for a lock, but returns "database is locked" at once when a
transaction that has read must write after another process committed (WAL snapshot), and a
writer holding the lock longer than the timeout makes the wait fail. PostgreSQL aborts one of
two transactions on a deadlock or serialization failure. In each case the whole transaction is
safe to run again: it was rolled back.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")
log = logging.getLogger(__name__)

# About a minute in all on top of each attempt's own busy wait: longer than any bounded merge
# transaction or backup step, short enough that a dead lock holder is reported.
DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 10.0, 10.0, 20.0)
_PG_RETRY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def is_transient(exc: BaseException) -> bool:
    """True for a lock or conflict that running the transaction again can get past."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        text = str(orig).lower()
        return "locked" in text or "busy" in text
    return getattr(orig, "sqlstate", None) in _PG_RETRY


def write(
    engine: Engine,
    work: Callable[[Connection], T],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``work`` in one transaction, committed on return; rerun it while the database is busy."""
    for attempt, delay in enumerate((*DELAYS, None), start=1):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    _begin_immediate(conn)
                return work(conn)
        except DBAPIError as exc:
            if delay is None or not is_transient(exc):
                raise
            log.warning("database busy (attempt %d), retrying: %s", attempt, exc.orig)
            sleep(delay * (0.5 + random.random()))  # jitter: two waiting writers do not collide
    raise AssertionError("unreachable")


def _begin_immediate(conn: Connection) -> None:
    """Take SQLite's write lock before ``work`` reads anything.

    Otherwise the transaction starts as a reader and upgrades at its first write; when another
    connection has committed in between, that upgrade fails at once ("database is locked",
    without the busy wait), and a transaction that reads for long before writing (a merge's
    recount) could fail on every attempt while a cadre keeps answering. Taken first, the lock
    is waited for like any other, and what ``work`` reads cannot change before it writes.
    """
    raw = conn.connection.dbapi_connection
    assert raw is not None
    if raw.in_transaction:
        return
    try:
        raw.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise DBAPIError.instance("BEGIN IMMEDIATE", (), exc, sqlite3.Error) from exc
