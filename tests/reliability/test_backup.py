"""Backups: online copies, once a day, the 7/4/6 rotation, finding a good one, the db commands."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jgstudy.cli.main import main
from jgstudy.core.backup import (
    DAILY,
    MONTHLY,
    WEEKLY,
    Backup,
    BackupError,
    BackupManager,
    kept,
)
from jgstudy.core.clock import FixedClock
from jgstudy.core.services import Services

BEIJING = timezone(timedelta(hours=8), "CST")
Opened = Callable[[Path, FixedClock], Services]
Answer = Callable[[Services, Path, str, int], int]


@pytest.fixture
def db(
    tmp_path: Path, clock: FixedClock, opened: Opened, answer: Answer, sample_bank: Path
) -> Path:
    """A database with three answers by 张三, its service closed."""
    path = tmp_path / "jgstudy.sqlite3"
    service = opened(path, clock)
    answer(service, sample_bank, "张三", 3)
    service.close()
    return path


def manager(db: Path, clock: FixedClock) -> BackupManager:
    return BackupManager(db, db.parent / "backups", clock, local_tz=BEIJING)


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- making backups ------------------------------------------------------------------------


def test_a_backup_is_named_by_the_clock_and_is_a_complete_self_contained_copy(
    db: Path, clock: FixedClock, check_integrity: Callable[[Path], str]
) -> None:
    path = manager(db, clock).backup_now()
    assert path == db.parent / "backups" / "jgstudy-20260302-010000.sqlite3"
    assert check_integrity(path) == "ok"
    assert count(path, "review_logs") == 3
    assert not Path(f"{path}-wal").exists()  # journal_mode=DELETE: one file to carry away
    assert not list(path.parent.glob("*.partial"))


def test_the_copy_holds_committed_answers_still_in_the_wal_but_not_uncommitted_ones(
    tmp_path: Path, clock: FixedClock, opened: Opened, answer: Answer, sample_bank: Path
) -> None:
    path = tmp_path / "jgstudy.sqlite3"
    service = opened(path, clock)  # kept open: its answers sit in the -wal file
    answer(service, sample_bank, "张三", 2)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM review_logs")  # uncommitted while the backup runs
    backup = manager(path, clock).backup_now()
    writer.execute("ROLLBACK")
    writer.close()
    service.close()
    assert count(backup, "review_logs") == 2


def test_maybe_backup_runs_once_per_local_day(db: Path, clock: FixedClock) -> None:
    backups = manager(db, clock)
    assert backups.maybe_backup() is not None  # 09:00 in Beijing
    clock.advance(hours=14, minutes=59)  # 23:59 the same day in Beijing
    assert backups.maybe_backup() is None
    clock.advance(minutes=2)  # 00:01 the next day in Beijing (still 2 March in UTC)
    assert backups.maybe_backup() is not None
    assert len(backups.list()) == 2


def test_maybe_backup_without_a_database_does_nothing(tmp_path: Path, clock: FixedClock) -> None:
    assert manager(tmp_path / "missing.sqlite3", clock).maybe_backup() is None


def test_a_damaged_database_is_not_backed_up_and_older_backups_stay(
    db: Path, clock: FixedClock
) -> None:
    backups = manager(db, clock)
    good = backups.backup_now()
    _damage(db)
    clock.advance(days=1)
    with pytest.raises(BackupError, match="损坏"):
        backups.backup_now()
    assert [b.path for b in backups.list()] == [good]
    assert not list(good.parent.glob("*.partial"))


def _damage(db: Path) -> None:
    with db.open("r+b") as f:
        f.seek(4096)
        f.write(b"\xde\xad\xbe\xef" * 4096)


# -- rotation ------------------------------------------------------------------------------


def test_rotation_of_a_year_of_daily_backups(db: Path, clock: FixedClock) -> None:
    """Daily backups at 09:00 Beijing until Monday 2 March 2026: 7 days, 4 weeks, 6 months."""
    folder = db.parent / "backups"
    folder.mkdir()
    for k in range(400):
        moment = clock.now() - timedelta(days=k)
        (folder / f"jgstudy-{moment:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"")
    (folder / "notes.txt").write_text("not a backup")
    (folder / "jgstudy-20250101-000000-before-restore.sqlite3").write_bytes(b"")
    manager(db, clock).prune()
    left = sorted(
        p.name[8:16] for p in folder.glob("jgstudy-2*.sqlite3") if "-before" not in p.name
    )
    days = ["20260224", "20260225", "20260226", "20260227", "20260228", "20260301", "20260302"]
    weeks = ["20260215", "20260222"]  # the Sundays closing the two weeks before the last
    months = ["20251031", "20251130", "20251231", "20260131"]  # Feb and Mar are among the days
    assert left == sorted(days + weeks + months)
    assert (folder / "notes.txt").exists()
    assert (folder / "jgstudy-20250101-000000-before-restore.sqlite3").exists()


moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2026, 4, 1), timezones=st.just(UTC)
)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(times=st.lists(moments, max_size=60, unique=True), now=moments)
def test_rotation_keeps_the_newest_of_each_period_and_nothing_else(
    times: list[datetime], now: datetime
) -> None:
    backups = [Backup(Path(f"b{i}"), t) for i, t in enumerate(times)]
    keep = kept(backups, now, BEIJING)
    past = [b for b in backups if b.taken_at <= now]
    expected = {b for b in backups if b.taken_at > now}
    if past:
        expected.add(max(past, key=lambda b: b.taken_at))
    today = now.astimezone(BEIJING).date()
    for period in _periods(today):
        members = [b for b in past if period(b.taken_at.astimezone(BEIJING).date())]
        if members:
            expected.add(max(members, key=lambda b: b.taken_at))
    assert keep == expected
    assert kept(sorted(keep, key=lambda b: b.taken_at), now, BEIJING) == keep  # stable
    assert len(keep - {b for b in backups if b.taken_at > now}) <= 1 + DAILY + WEEKLY + MONTHLY


def _periods(today: date) -> list[Callable[[date], bool]]:
    """Membership tests for each day, ISO week and month the rotation covers."""
    days = [today - timedelta(days=k) for k in range(DAILY)]
    weeks = [(today - timedelta(weeks=k)).isocalendar()[:2] for k in range(WEEKLY)]
    months = [
        ((today.year * 12 + today.month - 1 - k) // 12, (today.month - 1 - k) % 12 + 1)
        for k in range(MONTHLY)
    ]
    tests: list[Callable[[date], bool]] = [lambda d, x=x: d == x for x in days]
    tests += [lambda d, w=w: d.isocalendar()[:2] == w for w in weeks]
    tests += [lambda d, m=m: (d.year, d.month) == m for m in months]
    return tests


# -- finding a good backup -----------------------------------------------------------------


def test_newest_good_skips_damaged_and_foreign_backups(db: Path, clock: FixedClock) -> None:
    backups = manager(db, clock)
    good = backups.backup_now()
    clock.advance(days=1)
    damaged = backups.backup_now()
    _damage(damaged)
    clock.advance(days=1)
    foreign = backups.backup_dir / f"jgstudy-{clock.now():%Y%m%d-%H%M%S}.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    assert [b.path for b in backups.list()] == [foreign, damaged, good]
    assert backups.newest_good() == good


def test_newest_good_is_none_without_backups(db: Path, clock: FixedClock) -> None:
    assert manager(db, clock).newest_good() is None


# -- the db commands -----------------------------------------------------------------------


def cli(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def test_db_backup_list_and_restore_round_trip(
    tmp_path: Path,
    sample_bank: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cli(tmp_path, "import", str(sample_bank)) == 0
    assert cli(tmp_path, "db", "backup", "-o", str(tmp_path / "before.sqlite3")) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("C\nq\n"))
    assert cli(tmp_path, "practice", "--user", "李四") == 0
    assert cli(tmp_path, "db", "backup") == 0
    assert "backups" in capsys.readouterr().out
    db = tmp_path / "jgstudy.sqlite3"
    assert count(db, "review_logs") == 1
    assert cli(tmp_path, "db", "restore", str(tmp_path / "before.sqlite3")) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据库已备份到" in out
    assert count(db, "review_logs") == 0
    assert cli(tmp_path, "db", "list-backups") == 0
    listing = capsys.readouterr().out
    assert "（恢复前）" in listing
    assert "共 2 个备份" in listing
    assert cli(tmp_path, "db", "check") == 0
    assert "integrity_check" in capsys.readouterr().out


def test_restore_refuses_files_that_are_not_good_jgstudy_databases(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = db.parent
    junk = folder / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    foreign = folder / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    newer = folder / "newer.sqlite3"
    newer.write_bytes(db.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for bad, why in ((junk, "损坏"), (foreign, "不是 jgstudy"), (newer, "更新版本")):
        assert cli(folder, "db", "restore", str(bad)) == 2
        assert why in capsys.readouterr().err
    assert db.read_bytes() == before
    assert not (folder / "backups").exists()  # nothing done, not even the safety copy


@pytest.mark.parametrize("command", [["backup"], ["restore", "x.sqlite3"], ["list-backups"]])
def test_postgresql_backups_are_left_to_the_dba(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://jg:secret@127.0.0.1:1/jgstudy"
    assert main(["--data-dir", str(tmp_path), "--db", url, "db", *command]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_db_check_on_an_unreachable_server_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://jg:secret@127.0.0.1:1/jgstudy"
    assert main(["--data-dir", str(tmp_path), "--db", url, "db", "check"]) == 2
    err = capsys.readouterr().err
    assert "无法连接数据库" in err
    assert "secret" not in err
