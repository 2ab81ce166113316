"""``INSERT … ON CONFLICT`` for the databases that have it, their dialect loaded on first use.

Importing SQLAlchemy's PostgreSQL dialect at start cost a SQLite desktop 25-30 ms of CPU on
every start (and a PostgreSQL one the SQLite dialect); each statement here is built once, the
first time a connection of that database asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Table

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def conflict_insert(dialect: str, table: Table) -> sqlite.Insert | postgresql.Insert | None:
    """An insert into ``table`` that can say what to do on a conflict, or None for a database
    without one (callers then fall back to update-then-insert)."""
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    return None
