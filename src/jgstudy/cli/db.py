"""``jgstudy db``: check, back up and restore the database; explain a damaged one.

Exit codes: 0 done (or the database is healthy), 2 the database cannot be used or the command
does not apply (a damaged or too new database, PostgreSQL backups, a bad restore file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from jgstudy.cli import access
from jgstudy.cli.commands import CliError, recovery_message
from jgstudy.core.backup import (
    STAMP,
    BackupError,
    BackupManager,
    backup_dir,
    check_file,
    claim_name,
    copy_database,
    database_lock,
    database_revision,
    known_revisions,
    sqlite_path,
)
from jgstudy.core.clock import SystemClock
from jgstudy.core.paths import data_dir, database_url
from jgstudy.core.recovery import RecoveryInfo, diagnose, restore_backup
from jgstudy.core.storage.engine import HEAD_REVISION, current_revision, make_engine
from jgstudy.core.urls import check_url, shown_url

NOT_SQLITE = (
    "共享数据库（{dialect}）不由 jgstudy 备份或恢复：请由本单位的数据库管理员"
    "用 pg_dump / pg_restore 备份和恢复。"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = subparsers.add_parser("db", help="数据库：检查、备份、恢复")
    sub = db.add_subparsers(dest="db_command", metavar="SUBCOMMAND", required=True)
    check = sub.add_parser("check", help="检查数据库是否完好（SQLite：integrity_check）")
    check.add_argument("--quick", action="store_true", help="只做快速检查（quick_check）")
    check.set_defaults(func=check_db)
    backup = sub.add_parser("backup", help="立即备份数据库（SQLite）")
    backup.add_argument(
        "-o", "--output", type=Path, help="备份到这个文件（默认：数据目录下 backups）"
    )
    backup.set_defaults(func=backup_db)
    restore = sub.add_parser("restore", help="用备份文件恢复数据库（先备份当前数据库）")
    restore.add_argument("file", type=Path, help="备份文件（见 jgstudy db list-backups）")
    restore.set_defaults(func=restore_db)
    listing = sub.add_parser("list-backups", help="列出自动和手动备份")
    listing.set_defaults(func=list_backups)
    access.register(sub)


def _target(args: argparse.Namespace) -> tuple[str, Path, Path | None]:
    folder = data_dir(args.data_dir)
    url = database_url(args.db, folder)
    check_url(url)
    return url, folder, sqlite_path(url)


def _not_sqlite(url: str) -> int:
    print(NOT_SQLITE.format(dialect=make_url(url).get_backend_name()), file=sys.stderr)
    return 2


def check_db(args: argparse.Namespace) -> int:
    url, folder, path = _target(args)
    if path is None:
        return _check_server(url)
    if not path.exists():
        print(f"数据库尚未创建：{path}")
        return 0
    problem = diagnose(path, backup_dir(folder)) if args.quick else _full_check(path, folder)
    if problem:
        info = RecoveryInfo(problem, path, _manager(path, folder).newest_good())
        print(recovery_message(info, args), file=sys.stderr)
        return 2
    print(f"数据库：{path}（{path.stat().st_size / 1024:.0f} KB）")
    print(f"完整性检查：通过（{'quick_check' if args.quick else 'integrity_check'}）")
    return _print_revision(database_revision(path))


def _full_check(path: Path, folder: Path) -> str | None:
    first = diagnose(path, backup_dir(folder))  # also catches an empty file
    if first:
        return first
    problem = check_file(path)
    return f"数据库文件已损坏（{problem}）" if problem else None


def _check_server(url: str) -> int:
    shown = shown_url(url)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CliError(f"无法连接数据库 {shown}：{detail}") from exc
    finally:
        engine.dispose()
    print(f"数据库：{shown}（连接正常）")
    return _print_revision(revision)


def _print_revision(revision: str | None) -> int:
    if revision is None:
        print("数据库版本：尚未初始化（首次使用时自动建表）")
        return 0
    if revision not in known_revisions():
        print(f"数据库版本 {revision} 比本程序新（本程序支持到 {HEAD_REVISION}）", file=sys.stderr)
        return 2
    note = "最新" if revision == HEAD_REVISION else f"打开时将升级到 {HEAD_REVISION}"
    print(f"数据库版本：{revision}（{note}）")
    return 0


def _manager(path: Path, folder: Path) -> BackupManager:
    return BackupManager(path, backup_dir(folder), SystemClock())


def backup_db(args: argparse.Namespace) -> int:
    url, folder, path = _target(args)
    if path is None:
        return _not_sqlite(url)
    if not path.is_file():
        raise CliError(f"还没有数据库可备份：{path}")
    try:
        if args.output is None:
            target = _manager(path, folder).backup_now()
        else:
            with database_lock(path):
                target = _output_file(args.output, path)
                copy_database(path, target)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"已备份到：{target}")
    return 0


def _output_file(output: Path, db_path: Path) -> Path:
    if output.is_dir():  # a folder: a new file in it, never over an earlier backup
        return claim_name(output / f"jgstudy-{SystemClock().now():{STAMP}}.sqlite3")
    target = output
    if target.resolve() == db_path.resolve():
        raise CliError("备份文件不能是数据库本身")
    return target


def restore_db(args: argparse.Namespace) -> int:
    url, folder, path = _target(args)
    if path is None:
        return _not_sqlite(url)
    if not args.file.is_file():
        raise CliError(f"找不到备份文件：{args.file}")
    try:
        result = restore_backup(path, args.file, folder, SystemClock())
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"已用 {result.restored_from} 恢复数据库：{path}")
    if result.safety_copy:
        print(f"恢复前的数据库已备份到：{result.safety_copy}")
    for moved in result.moved_aside:
        print(f"损坏的文件已改名保留：{moved}")
    return 0


def list_backups(args: argparse.Namespace) -> int:
    url, folder, path = _target(args)
    if path is None:
        return _not_sqlite(url)
    backups = _manager(path, folder).list()
    if not backups:
        print(f"还没有备份（位置：{backup_dir(folder)}）")
        return 0
    for backup in backups:
        size = backup.path.stat().st_size / 1024
        label = "（恢复前）" if backup.label else ""
        print(
            f"{backup.taken_at.astimezone():%Y-%m-%d %H:%M:%S}  {size:8.0f} KB  {backup.path}{label}"
        )
    print(f"共 {len(backups)} 个备份；保留近 7 天每天、近 4 周每周、近 6 个月每月最新的一份。")
    return 0
