"""Database set-up: migrations, WAL on SQLite, refusing a newer schema, the published schema."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from jgstudy.core.banks.schema import bank_json_schema
from jgstudy.core.errors import DatabaseTooNew
from jgstudy.core.paths import resources
from jgstudy.core.storage import retry
from jgstudy.core.storage.engine import (
    HEAD_REVISION,
    MIGRATIONS,
    current_revision,
    make_engine,
    upgrade,
)


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_the_models_match_the_migrations(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from jgstudy.core.storage.schema import Base

    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert current_revision(engine) == HEAD_REVISION


def test_a_write_holds_sqlites_lock_from_its_first_read(tmp_path: Path) -> None:
    """What a write reads cannot change before it writes: nobody else commits in between (and
    its first write never fails on a snapshot another connection made stale)."""
    path = tmp_path / "locks.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    attempts: list[int] = []

    def work(conn: Connection) -> None:
        attempts.append(conn.execute(text("SELECT count(*) FROM t")).scalar_one())
        other = sqlite3.connect(path, timeout=0.05)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("INSERT INTO t VALUES (1)")
        other.close()
        conn.execute(text("INSERT INTO t VALUES (2)"))

    retry.write(engine, work)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT x FROM t")).scalars().all() == [2]
    engine.dispose()
    assert attempts == [0]


def test_sqlite_reuses_the_connection_used_last(tmp_path: Path) -> None:
    """SQLite's page cache belongs to a connection: rotating through the pool made every
    answer read its pages from the file again."""
    engine = make_engine(f"sqlite:///{tmp_path / 'pool.sqlite3'}")
    with engine.connect() as first, engine.connect() as second:  # two in the pool from now on
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
    used = []
    for _ in range(4):
        with engine.begin() as conn:
            used.append(conn.connection.dbapi_connection)
    engine.dispose()
    assert all(connection is used[0] for connection in used)


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseTooNew, match="9999"):
        upgrade(engine)


def test_published_json_schema_is_current() -> None:
    published = json.loads((resources() / "schema" / "bank.schema.json").read_text("utf-8"))
    assert published == bank_json_schema(), (
        "run: uv run jgstudy schema -o resources/schema/bank.schema.json"
    )
