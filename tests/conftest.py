"""Shared fixtures: a fixed clock, a migrated temporary database, a service over it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

# Headless Qt for every GUI test, set here rather than by hand.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jgstudy.core.clock import FixedClock  # noqa: E402
from jgstudy.core.scheduling import Scheduler  # noqa: E402
from jgstudy.core.service import StudyService  # noqa: E402

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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A database for one test: SQLite in tmp, or PostgreSQL when JGSTUDY_TEST_PG_URL is set."""
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def service(db_url: str, clock: FixedClock) -> Iterator[StudyService]:
    svc = StudyService.open(
        db_url, clock, scheduler=Scheduler(fuzz=False), local_tz=BEIJING
    )
    yield svc
    svc.close()


@pytest.fixture
def sample_bank() -> Path:
    return DATA / "banks" / "sample.yaml"
