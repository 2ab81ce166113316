"""Shared fixtures: a fixed clock, a migrated temporary database, the services over it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine

# Headless Qt for every GUI test, set here rather than by hand.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jgstudy.core.clock import FixedClock
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage.engine import make_engine

DATA = Path(__file__).parent / "data"
BEIJING = timezone(timedelta(hours=8), "CST")
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Wuhan, a Monday


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


PG_URL = os.environ.get("JGSTUDY_TEST_PG_URL")
BACKENDS = (
    ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)] if PG_URL else ["sqlite"]
)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database for one test: SQLite, and PostgreSQL too when JGSTUDY_TEST_PG_URL is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    yield from _postgres_database()


def _postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, make_url, text

    assert PG_URL is not None
    name = f"jgstudy_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def open_test_services(url: str, clock: FixedClock) -> Services:
    """The services as the app builds them, with a fixed clock, Beijing time and no FSRS fuzz."""
    return open_services(url, clock, BEIJING, scheduler=Scheduler(fuzz=False))


@pytest.fixture
def services(db_url: str, clock: FixedClock) -> Iterator[Services]:
    built = open_test_services(db_url, clock)
    yield built
    built.close()


@pytest.fixture
def service(services: Services) -> StudyService:
    return services.study


@pytest.fixture
def engine(services: Services, db_url: str) -> Iterator[Engine]:
    """A connection pool of the test's own, for looking into the database behind the services."""
    pool = make_engine(db_url)
    yield pool
    pool.dispose()


@pytest.fixture
def sample_bank() -> Path:
    return DATA / "banks" / "sample.yaml"
