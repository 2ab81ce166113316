"""Twenty desktops answering at once on one shared database lose no answer.

Each simulated desktop is a thread with its *own* StudyService and engine, as on an organ's
network where every cadre's jgstudy connects to the same database. PostgreSQL is the shared
store; SQLite in WAL mode must hold up too (several app instances on one file), relying on its
busy timeout.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.order import NewOrder
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.services import open_services
from jgstudy.core.storage.schema import CardRow, ReviewLogRow
from peek import engine_of

CADRES = 20
ROUNDS = 3
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
# Right and wrong answers to the sample bank, so both kinds of update happen.
RESPONSES: dict[str, Response] = {
    "s1": "C",
    "m1": frozenset("AB"),
    "j1": True,
    "f1": ("294", "547"),
    "f2": ("错",),
    "sh1": ShortResponse("警示教育", True),
}


def desktop(url: str, number: int, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    """One cadre's app: its own engine, every question answered ``ROUNDS`` times."""
    try:
        services = open_services(url, FixedClock(START), scheduler=Scheduler(fuzz=False))
        service = services.study
        try:
            user = service.ensure_user(f"学员{number:02d}", f"单位{number % 4}")
            records = service.questions(
                service.practice_queue(user, order=NewOrder.BANK, mode="new", limit=50)
            )
            barrier.wait()  # everybody starts answering at the same moment
            for _ in range(ROUNDS):
                for record in records:
                    service.record(user.id, record, RESPONSES[record.question.id], 3_000)
        finally:
            services.close()
    except BaseException as exc:  # reported to the test thread, which fails on it
        errors.append(exc)


def run_desktops(url: str, sample_bank: Path) -> None:
    setup_services = open_services(url, FixedClock(START))
    setup = setup_services.study
    setup.import_banks([sample_bank])  # and migrates, before the crowd arrives
    setup_services.close()
    barrier = threading.Barrier(CADRES, timeout=60)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=desktop, args=(url, n, barrier, errors)) for n in range(CADRES)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def assert_nothing_lost(url: str) -> None:
    services = open_services(url, FixedClock(START))
    service = services.study
    try:
        with engine_of(service).connect() as conn:
            logs = conn.execute(select(func.count()).select_from(ReviewLogRow)).scalar()
            per_user = conn.execute(
                select(ReviewLogRow.user_id, func.count()).group_by(ReviewLogRow.user_id)
            ).all()
            reps = conn.execute(select(func.sum(CardRow.reps))).scalar()
        expected = CADRES * ROUNDS * len(RESPONSES)
        assert logs == expected
        assert sorted(n for _u, n in per_user) == [ROUNDS * len(RESPONSES)] * CADRES
        assert reps == expected  # every card update landed with its log
    finally:
        services.close()


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("JGSTUDY_TEST_PG_URL"), reason="JGSTUDY_TEST_PG_URL unset")
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_twenty_desktops_on_postgresql_lose_no_answer(db_url: str, sample_bank: Path) -> None:
    run_desktops(db_url, sample_bank)
    assert_nothing_lost(db_url)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_twenty_desktops_on_sqlite_wal_lose_no_answer(db_url: str, sample_bank: Path) -> None:
    run_desktops(db_url, sample_bank)
    services = open_services(db_url)
    service = services.study
    with engine_of(service).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    services.close()
    assert_nothing_lost(db_url)
