"""The home view's days come from quarter-hour counts kept with the logs: they must always say
what the logs say, through answers, undos, merges, a changed day start, and the migration."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, text

from jgstudy.core.clock import FixedClock
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.session import Outcome
from jgstudy.core.storage.engine import make_engine
from merging import merged_elsewhere

DATA = Path(__file__).parents[1] / "data"
BEIJING = timezone(timedelta(hours=8), "CST")
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def open_test_services(url: str, clock: FixedClock) -> Services:
    return open_services(url, clock, BEIJING, scheduler=Scheduler(fuzz=False))


def days_from_logs(engine: Engine, user_id: int, day_starts: int) -> dict[date, int]:
    """Reviews per study day counted straight from the review logs."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT reviewed_at FROM review_logs WHERE user_id = :u"), {"u": user_id}
        ).scalars()
        moments = [datetime.fromisoformat(str(r)) for r in rows]
    shift = timedelta(hours=8 - day_starts)  # stored as naive UTC; Beijing is UTC+8
    return dict(Counter((moment + shift).date() for moment in moments))


def answer_at(
    service: StudyService, clock: FixedClock, user_id: int, moments: list[datetime]
) -> list[tuple[int, Outcome]]:
    outcomes = []
    pks = service.practice_queue(service.users()[0], new_per_day=1000)
    for index, moment in enumerate(moments):
        clock.set(moment)
        record = service.question(pks[index % len(pks)])
        outcomes.append((record.pk, service.record(user_id, record, "A", 4000)))
    return outcomes


# Around the 04:00 (Beijing) day start and local midnight, on several days.
MOMENTS = [
    START + timedelta(days=d, hours=h, minutes=m)
    for d in (0, 1, 3)
    for h, m in ((0, 0), (18, 59), (19, 0), (19, 14), (15, 59), (16, 0), (16, 1))
]


def test_the_days_shown_are_the_days_in_the_logs(
    services: Services, clock: FixedClock, sample_bank: Path, engine: Engine
) -> None:
    service = services.study
    clock.set(START)
    service.import_banks([sample_bank])
    user = service.ensure_user("张三")
    outcomes = answer_at(service, clock, user.id, MOMENTS)
    for pk, outcome in outcomes[::4]:  # some answers are taken back
        service.undo(user.id, pk, outcome)
    clock.set(START + timedelta(days=4))
    for day_starts in (service.day_starts, 0, 7):
        service.set_day_starts(day_starts)
        shown = {d: n for d, n in service.stats(user).per_day.items() if n}
        assert shown == days_from_logs(engine, user.id, day_starts), day_starts


def test_merged_scores_are_counted(
    services: Services, clock: FixedClock, sample_bank: Path, tmp_path: Path
) -> None:
    service = services.study
    service.import_banks([sample_bank])
    user = service.ensure_user("李四")
    answer_at(service, clock, user.id, MOMENTS[:5])
    with merged_elsewhere(
        services, "李四", sample_bank, tmp_path, clock, open_test_services
    ) as other:
        merged = other.study.find_user("李四")
        assert merged is not None
        assert other.study.stats(merged).per_day == service.stats(user).per_day
        assert sum(other.study.stats(merged).per_day.values()) == 5


def test_the_migration_counts_the_logs_already_there(tmp_path: Path, clock: FixedClock) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "migrations" / "0006_study_plans.sqlite3", db)
    services = open_test_services(f"sqlite:///{db}", clock)
    try:
        user = services.study.find_user("张三")
        assert user is not None
        clock.set(datetime(2026, 3, 20, 1, tzinfo=BEIJING))
        shown = {d: n for d, n in services.study.stats(user).per_day.items() if n}
    finally:
        services.close()
    raw = make_engine(f"sqlite:///{db}")
    try:
        expected = days_from_logs(raw, user.id, 4)
    finally:
        raw.dispose()
    assert shown == expected
    assert shown  # the fixture's logs fall within the heatmap's 90 days
