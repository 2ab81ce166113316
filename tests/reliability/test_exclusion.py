"""Backups and restores: no copy ever overwrites another; they exclude each other across processes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from jgstudy.core import backup as backup_mod
from jgstudy.core.backup import BackupError, BackupManager, backup_dir, lock_path
from jgstudy.core.clock import FixedClock
from jgstudy.core.recovery import restore_backup
from jgstudy.core.services import Services

Opened = Callable[[Path, FixedClock], Services]
Answer = Callable[[Services, Path, str, int], int]
Scalar = Callable[..., object]


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock, opened: Opened, answer: Answer, many_bank: Path) -> Path:
    path = tmp_path / "jgstudy.sqlite3"
    service = opened(path, clock)
    answer(service, many_bank, "张三", 2)
    service.close()
    return path


def _answer_more(db: Path, clock: FixedClock, opened: Opened, count: int) -> None:
    services = opened(db, clock)
    study = services.study
    user = study.ensure_user("张三")
    for pk in study.practice_queue(user, mode="new")[:count]:
        study.record(user.id, study.question(pk), "A", 1000)
    services.close()


def test_restores_in_the_same_second_keep_every_safety_copy(
    db: Path, clock: FixedClock, opened: Opened, scalar: Scalar
) -> None:
    """Before: the second restore's safety copy replaced the first, losing its answers."""
    folder = db.parent
    old = BackupManager(db, backup_dir(folder), clock).backup_now()
    copies = []
    for extra in (3, 4, 5):  # the clock does not move: all in the same second
        _answer_more(db, clock, opened, extra)
        held = scalar(db, "SELECT COUNT(*) FROM review_logs")
        result = restore_backup(db, old, folder, clock)
        assert result.safety_copy is not None
        copies.append((result.safety_copy, held))
    assert len({path for path, _ in copies}) == 3
    for path, held in copies:
        assert scalar(path, "SELECT COUNT(*) FROM review_logs") == held
    names = [p.name for p, _ in copies]
    assert names[0].endswith("-before-restore.sqlite3")
    assert names[1].endswith("-before-restore-2.sqlite3")


def test_backups_in_the_same_second_never_overwrite(db: Path, clock: FixedClock) -> None:
    manager = BackupManager(db, backup_dir(db.parent), clock)
    made = [manager.backup_now(prune=False) for _ in range(3)]
    assert len(set(made)) == 3
    assert [b.path for b in manager.list()] == made[::-1]  # newest first, numbered in order
    assert manager.newest_good() == made[-1]


def test_an_existing_file_in_the_way_is_never_overwritten(db: Path, clock: FixedClock) -> None:
    manager = BackupManager(db, backup_dir(db.parent), clock)
    manager.backup_dir.mkdir()
    squatter = manager.backup_dir / f"jgstudy-{clock.now():%Y%m%d-%H%M%S}.sqlite3"
    squatter.write_bytes(b"someone else's file")
    made = manager.backup_now(prune=False)
    assert made != squatter
    assert squatter.read_bytes() == b"someone else's file"


HOLD = """
import sys, time
from pathlib import Path
from jgstudy.core.backup import database_lock
with database_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_restore_waits_for_a_backup_in_another_process(
    db: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = db.parent
    old = BackupManager(db, backup_dir(folder), clock).backup_now()
    before = db.read_bytes()
    holder = _hold_lock(db, 3)
    try:
        monkeypatch.setattr(backup_mod, "LOCK_WAIT_SECONDS", 0.3)
        with pytest.raises(BackupError, match="另一个 jgstudy 正在备份或恢复"):
            restore_backup(db, old, folder, clock)
        with pytest.raises(BackupError, match="另一个 jgstudy"):
            BackupManager(db, backup_dir(folder), clock).backup_now()
        assert db.read_bytes() == before
        assert len(list(backup_dir(folder).glob("*.sqlite3"))) == 1  # nothing made meanwhile
        monkeypatch.setattr(backup_mod, "LOCK_WAIT_SECONDS", 30.0)
        started = time.monotonic()
        restore_backup(db, old, folder, clock)  # waits for the other process, then runs
        assert holder.poll() is not None or time.monotonic() - started > 0.5
    finally:
        holder.kill()
        holder.communicate()
    assert lock_path(db).exists()


def test_leftovers_of_a_killed_backup_are_removed_by_the_next(db: Path, clock: FixedClock) -> None:
    manager = BackupManager(db, backup_dir(db.parent), clock)
    good = manager.backup_now()
    stamp = "20260101-000000"
    leftovers = [
        manager.backup_dir / f"jgstudy-{stamp}.sqlite3.partial",
        manager.backup_dir / f"jgstudy-{stamp}.sqlite3.partial-journal",
        manager.backup_dir / f"jgstudy-{stamp}-2.sqlite3",  # a claimed name, still empty
    ]
    leftovers[0].write_bytes(b"x" * 10_000)
    leftovers[1].write_bytes(b"y" * 10_000)
    leftovers[2].write_bytes(b"")
    mine = manager.backup_dir / "notes.txt"
    mine.write_text("not ours")
    clock.advance(days=1)
    manager.backup_now()
    assert not any(p.exists() for p in leftovers)
    assert good.exists() and mine.exists()


KILLED = """
import sys
from pathlib import Path
import jgstudy.core.backup as b
from jgstudy.core.clock import SystemClock
real = b._backup_api
def dying(source, target):
    real(source, target)
    import os, signal
    os.kill(os.getpid(), signal.SIGKILL)
b._backup_api = dying
b.BackupManager(Path(sys.argv[1]), Path(sys.argv[2]), SystemClock()).backup_now()
"""


def test_a_backup_killed_midway_leaves_files_the_next_start_removes(
    db: Path, clock: FixedClock
) -> None:
    folder = backup_dir(db.parent)
    run = subprocess.run([sys.executable, "-c", KILLED, str(db), str(folder)], check=False)
    assert run.returncode < 0
    assert list(folder.glob("*.partial"))
    manager = BackupManager(db, folder, clock)
    made = manager.backup_now()
    assert sorted(p.name for p in folder.iterdir()) == [made.name]


def test_leftovers_are_removed_at_start_even_when_no_backup_is_due(
    db: Path, clock: FixedClock
) -> None:
    manager = BackupManager(db, backup_dir(db.parent), clock)
    manager.backup_now()
    partial = manager.backup_dir / "jgstudy-20260101-000000.sqlite3.partial"
    partial.write_bytes(b"x" * 1000)
    assert manager.maybe_backup() is None  # today's backup exists
    assert not partial.exists()
