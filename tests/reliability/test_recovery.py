"""A damaged database is explained and the newest good backup offered and restored; no crash."""

from __future__ import annotations

import argparse
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from jgstudy.cli import commands
from jgstudy.cli.commands import CliError
from jgstudy.cli.main import main
from jgstudy.core.backup import BackupManager, backup_dir, is_corruption
from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder
from jgstudy.core.recovery import open_or_recover, restore_backup
from jgstudy.core.services import Services

Opened = Callable[[Path, FixedClock], Services]
Answer = Callable[[Services, Path, str, int], int]


def _garbage_everywhere(db: Path) -> None:
    db.write_bytes(random.Random(7).randbytes(db.stat().st_size))


def _garbage_header(db: Path) -> None:
    with db.open("r+b") as f:
        f.write(b"this is no longer SQLite" * 4)


def _garbage_pages(db: Path) -> None:
    with db.open("r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\x00garbage\xff" * 2000)


def _truncated_half(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


def _truncated_short(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(1000)


def _emptied(db: Path) -> None:
    db.write_bytes(b"")


DAMAGE = {
    "random bytes": _garbage_everywhere,
    "overwritten header": _garbage_header,
    "overwritten pages": _garbage_pages,
    "truncated to half": _truncated_half,
    "truncated to 1000 bytes": _truncated_short,
    "emptied": _emptied,
}


@pytest.fixture
def folder(
    tmp_path: Path, clock: FixedClock, opened: Opened, answer: Answer, many_bank: Path
) -> Path:
    """A data folder whose database has a backup holding 5 answers, then 2 answers more."""
    db = tmp_path / "jgstudy.sqlite3"
    service = opened(db, clock)
    user_id = answer(service, many_bank, "张三", 5)
    service.close()
    BackupManager(db, backup_dir(tmp_path), clock).backup_now()
    clock.advance(days=1)
    services = opened(db, clock)
    service = services.study
    user = service.ensure_user("张三")
    for pk in service.practice_queue(user, order=NewOrder.BANK, mode="new")[:2]:
        service.record(user_id, service.question(pk), "B", 1200)
    services.close()
    return tmp_path


def url(folder: Path) -> str:
    return f"sqlite:///{folder / 'jgstudy.sqlite3'}"


def reviews(services: Services) -> int:
    user = services.study.find_user("张三")
    assert user is not None
    return services.study.stats(user).total_reviews


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_database_is_detected_and_the_newest_good_backup_restored(
    folder: Path, clock: FixedClock, damage: Callable[[Path], None]
) -> None:
    db = folder / "jgstudy.sqlite3"
    damage(db)
    damaged_bytes = db.read_bytes()
    service, info = open_or_recover(url(folder), folder, clock)
    assert service is None
    assert info.problem and ("损坏" in info.problem or "空的" in info.problem)
    assert info.db_path == db
    assert info.newest_backup == backup_dir(folder) / "jgstudy-20260302-010000.sqlite3"

    result = restore_backup(db, info.newest_backup, folder, clock)
    aside = folder / "jgstudy.sqlite3.corrupt-20260303-010000"
    assert result.moved_aside[0] == aside
    assert aside.read_bytes() == damaged_bytes  # kept, never deleted
    service, info = open_or_recover(url(folder), folder, clock)
    assert service is not None and info.problem is None
    assert reviews(service) == 5  # the answers of the backup
    service.close()


def test_a_healthy_database_opens_without_a_problem(folder: Path, clock: FixedClock) -> None:
    service, info = open_or_recover(url(folder), folder, clock)
    assert service is not None
    assert info.problem is None
    assert reviews(service) == 7
    service.close()


def test_without_a_good_backup_the_problem_is_still_explained(
    folder: Path, clock: FixedClock
) -> None:
    for backup in backup_dir(folder).iterdir():
        _garbage_header(backup)
    _garbage_header(folder / "jgstudy.sqlite3")
    service, info = open_or_recover(url(folder), folder, clock)
    assert service is None
    assert info.problem
    assert info.newest_backup is None


def test_a_first_start_with_no_database_file_is_not_a_problem(
    tmp_path: Path, clock: FixedClock
) -> None:
    service, info = open_or_recover(url(tmp_path), tmp_path, clock)
    assert service is not None and info.problem is None
    service.close()


def test_the_wal_of_a_damaged_database_is_moved_with_it(folder: Path, clock: FixedClock) -> None:
    db = folder / "jgstudy.sqlite3"
    Path(f"{db}-wal").write_bytes(b"stale wal of the damaged file")
    _garbage_header(db)
    _service, info = open_or_recover(url(folder), folder, clock)
    assert info.newest_backup is not None
    result = restore_backup(db, info.newest_backup, folder, clock)
    aside = folder / "jgstudy.sqlite3.corrupt-20260303-010000"
    assert result.moved_aside[:2] == (aside, Path(f"{aside}-wal"))
    assert Path(f"{aside}-wal").read_bytes() == b"stale wal of the damaged file"
    assert not Path(f"{db}-wal").exists()  # nothing stale left to replay into the restored file
    service, _info = open_or_recover(url(folder), folder, clock)
    assert service is not None and reviews(service) == 5
    service.close()


def test_a_second_damage_in_the_same_second_does_not_overwrite_the_first(
    folder: Path, clock: FixedClock
) -> None:
    db = folder / "jgstudy.sqlite3"
    newest = backup_dir(folder) / "jgstudy-20260302-010000.sqlite3"
    for _ in range(2):
        _garbage_header(db)
        restore_backup(db, newest, folder, clock)
    names = sorted(p.name for p in folder.glob("jgstudy.sqlite3.corrupt-*"))
    assert names == [
        "jgstudy.sqlite3.corrupt-20260303-010000",
        "jgstudy.sqlite3.corrupt-20260303-010000-2",
    ]


def test_locked_is_not_damaged() -> None:
    assert not is_corruption(sqlite3.OperationalError("database is locked"))


# -- the command line ----------------------------------------------------------------------


def test_the_cli_explains_a_damaged_database_and_the_printed_command_restores_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _garbage_pages(folder / "jgstudy.sqlite3")
    assert main(["--data-dir", str(folder), "db", "check"]) == 2
    err = capsys.readouterr().err
    assert "数据库文件已损坏" in err
    newest = backup_dir(folder) / "jgstudy-20260302-010000.sqlite3"
    command = f"jgstudy --data-dir {folder} db restore {newest}"
    assert command in err
    assert "Traceback" not in err
    assert main(command.split()[1:]) == 0
    assert main(["--data-dir", str(folder), "stats", "--user", "张三"]) == 0
    assert "累计作答：5" in capsys.readouterr().out


def test_open_service_for_the_other_commands_raises_a_cli_error(folder: Path) -> None:
    _truncated_half(folder / "jgstudy.sqlite3")
    args = argparse.Namespace(data_dir=folder, db=None)
    with pytest.raises(CliError, match="db restore"):
        commands.open_services(args)


def test_practice_on_a_damaged_database_explains_instead_of_crashing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _truncated_half(folder / "jgstudy.sqlite3")
    assert main(["--data-dir", str(folder), "practice", "--user", "张三"]) == 2
    err = capsys.readouterr().err
    assert "db restore" in err
    assert "Traceback" not in err


def test_open_service_opens_a_healthy_database(folder: Path) -> None:
    service = commands.open_services(argparse.Namespace(data_dir=folder, db=None))
    assert reviews(service) == 7
    service.close()


def test_restoring_under_a_running_instance_switches_it_to_the_backup(
    folder: Path, clock: FixedClock, check_integrity: Callable[[Path], str]
) -> None:
    """The backup API writes into the live file: an open service sees the restored database."""
    running, _info = open_or_recover(url(folder), folder, clock)
    assert running is not None and reviews(running) == 7
    newest = backup_dir(folder) / "jgstudy-20260302-010000.sqlite3"
    result = restore_backup(folder / "jgstudy.sqlite3", newest, folder, clock)
    assert result.safety_copy is not None and result.moved_aside == ()
    assert reviews(running) == 5
    running.close()
    assert check_integrity(folder / "jgstudy.sqlite3") == "ok"
    assert check_integrity(result.safety_copy) == "ok"
