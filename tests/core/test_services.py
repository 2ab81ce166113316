"""The core's facade: every service built once over one database, its internals kept private."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from jgstudy.core.clock import FixedClock
from jgstudy.core.reports import ReportFilter
from jgstudy.core.services import Services, open_services

PRIVATE = {"engine", "clock", "scheduler", "local_tz", "study"}


def test_the_services_are_frozen_and_keep_engine_and_clock_to_themselves(
    services: Services,
) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        services.study = services.study  # type: ignore[misc]
    for field in ("study", "exams", "competitions", "reports", "scores", "backups"):
        service = getattr(services, field)
        public = {name for name in dir(service) if not name.startswith("_")}
        assert not public & PRIVATE, f"{field} exposes {public & PRIVATE}"


def test_every_service_sees_the_same_answers_and_time(
    services: Services, sample_bank: Path, clock: FixedClock, tmp_path: Path
) -> None:
    services.study.import_banks([sample_bank])
    user = services.study.ensure_user("张三", "市审计局")
    pk = services.study.practice_queue(user)[0]
    services.study.record(user.id, services.study.question(pk), "A", 3000)
    assert services.reports.units() == ["市审计局"]
    report = services.reports.build(ReportFilter())
    assert report.generated_at == clock.now()
    assert report.summary.cadres == 1
    exported = services.scores.export("张三", tmp_path / "张三.json")
    assert len(exported.review_logs) == 1
    assert services.competitions.now() == clock.now()


def test_the_retention_setting_is_read_back(services: Services) -> None:
    services.study.set_desired_retention(0.95)
    assert services.study.desired_retention == 0.95


def test_backups_of_a_sqlite_file_go_next_to_it_unless_told_otherwise(
    tmp_path: Path, clock: FixedClock
) -> None:
    url = f"sqlite:///{tmp_path / 'db' / 'jgstudy.sqlite3'}"
    (tmp_path / "db").mkdir()
    beside = open_services(url, clock)
    try:
        assert beside.backups.enabled
        taken = beside.backups.backup_now()
        assert taken is not None and taken.parent == tmp_path / "db" / "backups"
    finally:
        beside.close()
    elsewhere = open_services(url, clock, data_dir=tmp_path / "data")
    try:
        taken = elsewhere.backups.backup_now()
        assert taken is not None and taken.parent == tmp_path / "data" / "backups"
        assert [b.path for b in elsewhere.backups.list()] == [taken]
    finally:
        elsewhere.close()


def test_a_server_database_has_no_desktop_backups(clock: FixedClock) -> None:
    memory = open_services("sqlite://", clock)
    try:
        assert not memory.backups.enabled
        assert memory.backups.maybe_backup() is None
        assert memory.backups.list() == []
    finally:
        memory.close()


def test_opening_the_services_loads_only_what_practice_needs(tmp_path: Path) -> None:
    """The other services are built when first asked for, once: their modules stay unloaded
    until then (a fifth of the time from start to the first question). What was loaded is
    frozen out of the cyclic collector's sight (see services._freeze_start_up_objects)."""
    code = (
        "import sys; from jgstudy.core.services import open_services;"
        f"s = open_services('sqlite:///{tmp_path / 'db.sqlite3'}');"
        "print(sorted(m for m in LAZY if m in sys.modules));"
        "assert s.exams is s.exams and s.backups is s.backups;"
        "print(sorted(m for m in LAZY if m in sys.modules));"
        "import gc; assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()"
    )
    lazy = [
        "jgstudy.core.exams.service",
        "jgstudy.core.competition.service",
        "jgstudy.core.reports.service",
        "jgstudy.core.scores.service",
        "jgstudy.core.backup",
        "jgstudy.core.workbook",
    ]
    run = subprocess.run(
        [sys.executable, "-c", f"LAZY = {lazy!r}; {code}"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    before, after = run.stdout.splitlines()
    assert before == "[]"
    assert "jgstudy.core.exams.service" in after and "jgstudy.core.backup" in after
    # Not frozen with them: the engine, collected at exit though never closed, its SQLite
    # connection closed and the write-ahead log checkpointed into the file.
    assert not (tmp_path / "db.sqlite3-wal").exists()


def test_a_sqlite_desktop_never_loads_postgresqls_dialect(tmp_path: Path) -> None:
    """Practising, answering and the home figures on an existing SQLite database leave
    SQLAlchemy's PostgreSQL dialect unloaded (25-30 ms of every start when the storage modules
    imported it; Alembic still loads it when it migrates, which is not every start)."""
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    services = open_services(url)
    try:
        services.study.import_banks([Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"])
    finally:
        services.close()
    code = (
        "import sys; from jgstudy.core.services import open_services;"
        f"s = open_services({url!r}).study; u = s.ensure_user('张三');"
        "q = s.practice_queue(u); s.record(u.id, s.question(q[0]), 'A', 3000); s.stats(u);"
        "print([m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')])"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
