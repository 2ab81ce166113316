"""Opening a database that may be damaged, and restoring a backup over it.

A damaged SQLite file (not a database, malformed pages, a failing ``quick_check``) is reported
together with the newest good backup instead of raising. Restoring never deletes anything: a
damaged database is moved aside as ``jgstudy.sqlite3.corrupt-YYYYMMDD-HHMMSS`` (with its ``-wal``
and ``-shm`` files), and a healthy one is first backed up as ``...-before-restore.sqlite3``.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from jgstudy.core.backup import (
    BEFORE_RESTORE,
    STAMP,
    BackupError,
    BackupManager,
    backup_dir,
    check_file,
    connect_existing,
    database_lock,
    is_corruption,
    restorable_problem,
    sqlite_path,
)
from jgstudy.core.clock import Clock, SystemClock
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage.engine import check_writable
from jgstudy.core.text import Msg, msg
from jgstudy.core.urls import check_url


@dataclass(frozen=True)
class RecoveryInfo:
    """What :func:`open_or_recover` found. ``problem`` is None when the database opened."""

    problem: str | None = None
    db_path: Path | None = None
    newest_backup: Path | None = None


@dataclass(frozen=True)
class RestoreResult:
    """What :func:`restore_backup` did."""

    restored_from: Path
    safety_copy: Path | None = None  # the replaced database, when it was healthy
    moved_aside: tuple[Path, ...] = ()  # the damaged database and its -wal/-shm, when it was not


def open_or_recover(
    url: str, data_dir: Path, clock: Clock | None = None, **service_options: Any
) -> tuple[Services | None, RecoveryInfo]:
    """Open the database at ``url``, or say what is wrong with it and which backup to restore.

    Returns the services (:func:`open_services` gets ``service_options``) and an empty
    :class:`RecoveryInfo`, or ``None`` and the problem with the newest good backup (None when
    there is none). Only damage is caught: a locked database, a
    missing server or a database from a newer jgstudy still raise.
    """
    check_url(url)
    db_path = sqlite_path(url)
    if db_path is None:
        return open_services(url, clock, data_dir=data_dir, **service_options), RecoveryInfo()
    check_writable(db_path)  # before even a read-only look, which would leave a 0444 -shm
    problem = diagnose(db_path, backup_dir(data_dir))
    if problem is None:
        try:
            services = open_services(url, clock, data_dir=data_dir, **service_options)
            return services, RecoveryInfo(db_path=db_path)
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            if not is_corruption(exc):
                raise
            problem = msg("数据库文件已损坏（{problem}）", problem=getattr(exc, "orig", exc))
    manager = BackupManager(db_path, backup_dir(data_dir), clock or SystemClock())
    return None, RecoveryInfo(problem, db_path, manager.newest_good())


def diagnose(db_path: Path, backups: Path) -> Msg | None:
    """Why the SQLite file at ``db_path`` cannot be opened, or None (also when it is missing)."""
    if not db_path.exists():
        return None  # a first start: the database is created
    if db_path.stat().st_size == 0 and not _has_wal(db_path):
        # SQLite treats an empty file as a new database; with backups around it is a lost one.
        has_backups = backups.is_dir() and any(backups.glob("jgstudy-*.sqlite3"))
        return msg("数据库文件是空的（0 字节）") if has_backups else None
    problem = check_file(db_path, quick=True)
    return msg("数据库文件已损坏（{problem}）", problem=problem) if problem else None


def restore_backup(db_path: Path, backup: Path, data_dir: Path, clock: Clock) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup``, keeping what was there.

    The backup must pass the integrity check and carry a schema revision this jgstudy knows. The
    current database is backed up first when healthy, moved aside when damaged; the backup is then
    written into the live file with the SQLite backup API. Holds :func:`database_lock` throughout,
    so backups and restores in other processes wait.

    Raises:
        BackupError: when ``backup`` is not a usable jgstudy database, or a step fails.
    """
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError(msg("不能用数据库自身来恢复"))
    problem = restorable_problem(backup)
    if problem:
        raise BackupError(msg("{backup} 不能用于恢复：{problem}", backup=backup, problem=problem))
    with database_lock(db_path):
        safety, moved = _keep_current(db_path, data_dir, clock)
        _write_into(backup, db_path)
        after = check_file(db_path, quick=True)
    if after:
        raise BackupError(msg("恢复后的数据库未通过检查：{problem}", problem=after))
    return RestoreResult(backup, safety, moved)


def _keep_current(
    db_path: Path, data_dir: Path, clock: Clock
) -> tuple[Path | None, tuple[Path, ...]]:
    if not db_path.exists():
        return None, ()
    if diagnose(db_path, backup_dir(data_dir)) is None and db_path.stat().st_size > 0:
        manager = BackupManager(db_path, backup_dir(data_dir), clock)
        # Not pruned: the backup about to be restored may be one the rotation would drop.
        return manager.backup_locked(label=BEFORE_RESTORE), ()
    return None, move_aside(db_path, clock)


def move_aside(db_path: Path, clock: Clock) -> tuple[Path, ...]:
    """Rename a damaged database (and its -wal, -shm) to ``<name>.corrupt-<UTC time>``."""
    base = db_path.with_name(f"{db_path.name}.corrupt-{clock.now():{STAMP}}")
    number = 1
    while any(Path(f"{base}{s}").exists() for s in ("", "-wal", "-shm")):
        number += 1  # never overwrite an earlier damaged copy
        base = base.with_name(f"{db_path.name}.corrupt-{clock.now():{STAMP}}-{number}")
    moved: list[Path] = []
    try:
        # The -wal must go with it: left behind, SQLite would replay it into the restored file.
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                os.replace(source, f"{base}{suffix}")
                moved.append(Path(f"{base}{suffix}"))
    except OSError as exc:
        raise BackupError(
            msg("无法移走损坏的数据库（请先关闭其他 jgstudy 窗口）：{error}", error=exc)
        ) from exc
    return tuple(moved)


def _write_into(backup: Path, db_path: Path) -> None:
    # The backup API writes into the live file under SQLite's lock: other connections to it see
    # either the old database or the restored one, never a mixture.
    src = connect_existing(backup)
    try:
        dst = sqlite3.connect(db_path, timeout=15)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(msg("恢复失败：{error}", error=exc)) from exc
    finally:
        src.close()


def _has_wal(db_path: Path) -> bool:
    wal = Path(f"{db_path}-wal")
    return wal.exists() and wal.stat().st_size > 0
