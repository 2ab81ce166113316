"""Build the fixture databases: one SQLite file per schema revision, holding data.

Run once when a migration lands (``uv run python tests/data/migrations/make_fixtures.py``) and
commit the new file; never regenerate the files of earlier revisions: they stand for databases
already out there. ``9709b2b-0001.sqlite3`` is a database as the first commit created it, with
the original ``0001`` (kept in ``first_commit_0001.py.txt``) that was later edited in place.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # tests/, for the fill functions

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from sqlalchemy import text  # noqa: E402

from jgstudy.core.storage.engine import MIGRATIONS, make_engine, upgrade  # noqa: E402
from reliability.test_migrations import FIXTURES, REVISIONS  # noqa: E402


def fixture_path(revision: str) -> Path:
    return HERE / f"{revision}.sqlite3"


def build(revision: str) -> Path:
    """A database at ``revision`` holding the rows of every revision up to it."""
    target = fixture_path(revision)
    target.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{target}")
    upgrade(engine, revision)
    with engine.begin() as conn:
        for rev in REVISIONS[: REVISIONS.index(revision) + 1]:
            FIXTURES[rev](conn)
    _self_contained(engine)
    return target


def build_first_commit() -> Path:
    """A database made by the first commit's migration 0001, as its users have them."""
    target = HERE / "9709b2b-0001.sqlite3"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        scripts = Path(tmp)
        shutil.copy(MIGRATIONS / "env.py", scripts / "env.py")
        (scripts / "versions").mkdir()
        shutil.copy(HERE / "first_commit_0001.py.txt", scripts / "versions" / "0001_initial.py")
        config = Config()
        config.set_main_option("script_location", str(scripts))
        engine = make_engine(f"sqlite:///{target}")
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
            # fill_0001 writes the column the first commit did not have: add it for the fill,
            # then drop it again, leaving the table exactly as the first commit made it.
            conn.execute(text("ALTER TABLE cards ADD COLUMN first_reviewed_at DATETIME"))
            FIXTURES["0001"](conn)
            conn.execute(text("ALTER TABLE cards DROP COLUMN first_reviewed_at"))
    _self_contained(engine)
    return target


def _self_contained(engine: object) -> None:
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.connect() as conn:
        conn.execute(text("PRAGMA journal_mode=DELETE"))  # one file, no -wal beside it
    engine.dispose()


def main(argv: list[str]) -> None:
    wanted = argv or [r for r in REVISIONS if not fixture_path(r).exists()]
    for revision in wanted:
        path = build_first_commit() if revision == "9709b2b" else build(revision)
        print(f"wrote {path.relative_to(HERE.parents[2])}")


if __name__ == "__main__":
    main(sys.argv[1:])
