"""Opening a database: engine settings per dialect and migration to the current schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text

from jgstudy.core.errors import DatabaseTooNew

# The newest migration this code knows; a test keeps it equal to the Alembic script head.
HEAD_REVISION = "0005_workbook"
MIGRATIONS = Path(__file__).with_name("migrations")
# How long SQLite waits for another process's write lock before failing (writes then retry).
BUSY_TIMEOUT_MS = 15_000


def make_engine(url: str) -> Engine:
    """An engine with the settings jgstudy relies on (WAL and full sync on SQLite)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a second app instance read while we write; FULL sync survives power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cursor.close()


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``; refuse a database newer than this code."""
    current = current_revision(engine)
    if current == HEAD_REVISION and revision == "head":
        return  # the common case, without loading Alembic
    from alembic import command  # imported late: Alembic is slow to import
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(
            f"数据库版本 {current} 比本程序新，请升级 jgstudy 后再打开（本程序支持到 {HEAD_REVISION}）"
        )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
