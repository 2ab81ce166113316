"""Opening a database: engine settings per dialect and migration to the current schema."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

from jgstudy.core.errors import DatabaseTooNew, EnvironmentProblem
from jgstudy.core.text import msg

# The newest migration this code knows; a test keeps it equal to the Alembic script head.
HEAD_REVISION = "0009_tag_counts"
MIGRATIONS = Path(__file__).with_name("migrations")
# How long SQLite waits for another process's write lock before failing (writes then retry).
BUSY_TIMEOUT_MS = 15_000


def make_engine(url: str) -> Engine:
    """An engine with the settings jgstudy relies on (WAL and full sync on SQLite).

    Raises:
        EnvironmentProblem: for a SQLite file or folder that cannot be written.
    """
    if url.startswith("sqlite"):
        database = make_url(url).database
        pool: dict[str, Any] = {}
        if database and database != ":memory:" and "mode=memory" not in url:
            check_writable(Path(database))
            # LIFO: the connection used last is used again. SQLite keeps its page cache per
            # connection and drops it when another connection has written, so the default
            # FIFO rotation re-read ~40 pages from the file on every answer.
            pool["pool_use_lifo"] = True
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _read_only(path: Path) -> bool:
    # Mode bits as well as access(): root may write anything, but a 0444 file is meant read-only.
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def check_writable(db_path: Path) -> None:
    """Refuse a read-only database or folder before SQLite opens it (EnvironmentProblem).

    Opened read-only in WAL mode, SQLite would create a ``-shm`` with the file's read-only mode,
    which then keeps the database unwritable after the file is made writable again. A ``-shm``
    left so by an older version is given its owner's write permission back.
    """
    folder = db_path.parent
    if db_path.exists() and _read_only(db_path):
        raise EnvironmentProblem(
            msg("数据库文件是只读的（{path}），无法保存作答。请检查文件权限。", path=db_path)
        )
    if folder.exists() and _read_only(folder):
        raise EnvironmentProblem(
            msg("数据文件夹是只读的（{path}），无法写入。请检查权限。", path=folder)
        )
    shm = Path(f"{db_path}-shm")
    owner = getattr(os, "geteuid", lambda: -1)()
    if shm.exists() and not shm.stat().st_mode & stat.S_IWUSR and shm.stat().st_uid == owner:
        shm.chmod(shm.stat().st_mode | stat.S_IWUSR)


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
            msg(
                "数据库版本 {current} 比本程序新，请升级 jgstudy 后再打开（本程序支持到 {head}）",
                current=current,
                head=HEAD_REVISION,
            )
        )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
