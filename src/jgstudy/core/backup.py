"""Backups of the SQLite database: online copies, a rotating set, and finding a good one.

Copies are made with SQLite's online backup API (``sqlite3.Connection.backup``), never by copying
the file, so a backup is consistent even while another app instance is writing. Each backup is
checked (``PRAGMA quick_check``) before it takes its final name; a damaged database therefore
never replaces good backups.

Backups live in ``<data dir>/backups`` as ``jgstudy-YYYYMMDD-HHMMSS.sqlite3`` (UTC, from the
injected clock). A copy made just before a restore is labelled
``jgstudy-YYYYMMDD-HHMMSS-before-restore.sqlite3`` and is never pruned automatically. A name is
never reused: a second copy in the same second becomes ``...-2.sqlite3`` (the name is claimed
with an exclusive create before anything is written).

Backups and restores of one database exclude each other, also across processes, through the lock
file ``<database>.lock`` (:func:`database_lock`). Files a killed backup left behind (``*.partial``,
their ``-journal``, an empty claimed name) are removed by the next backup.

Rotation (:meth:`BackupManager.prune`), with days, ISO weeks and months taken in local time:

* the newest backup of each of the last 7 days (today and the 6 days before) is kept;
* the newest backup of each of the last 4 ISO weeks (this week and the 3 before) is kept;
* the newest backup of each of the last 6 calendar months (this month and the 5 before) is kept;
* the newest backup of all is kept whatever its age, so a long break never empties the folder;
* backups dated after now (a clock set wrong) and labelled backups are kept;
* every other ``jgstudy-YYYYMMDD-HHMMSS.sqlite3`` is deleted. Other files are never touched.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy.engine import make_url

from jgstudy.core.clock import Clock
from jgstudy.core.context import system_tz
from jgstudy.core.text import Msg, join, message_of, msg

BACKUP_DIR_NAME = "backups"
STAMP = "%Y%m%d-%H%M%S"
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(r"^jgstudy-(\d{8}-\d{6})(?:-([a-z]+(?:-[a-z]+)*))?(?:-(\d+))?\.sqlite3$")
_CORRUPTION = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
DAILY, WEEKLY, MONTHLY = 7, 4, 6
LOCK_WAIT_SECONDS = 120.0  # a backup of a large database takes a few seconds; a restore too


class BackupError(Exception):
    """A backup could not be made, or a file cannot be restored; the message says why."""


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken (aware UTC, from its name)."""

    path: Path
    taken_at: datetime
    label: str = ""
    number: int = 1  # 2, 3, ... for later copies made in the same second


Backups = list[Backup]


def backup_dir(data_dir: Path) -> Path:
    """Where the backups of the database in ``data_dir`` are kept."""
    return data_dir / BACKUP_DIR_NAME


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database
    if not database or database == ":memory:" or parsed.query.get("mode") == "memory":
        return None
    return Path(database)


def is_corruption(exc: BaseException) -> bool:
    """True for SQLite's "malformed" and "not a database" errors (also wrapped by SQLAlchemy)."""
    orig = getattr(exc, "orig", exc)
    name = getattr(orig, "sqlite_errorname", "") or ""
    return isinstance(orig, sqlite3.DatabaseError) and name.startswith(_CORRUPTION)


def connect_existing(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing SQLite file (BackupError when there is none).

    Read-only: looking at a file (even a damaged one) never checkpoints or removes its -wal, and
    never creates an empty database where a file was expected.
    """
    if not path.is_file():
        raise BackupError(msg("找不到数据库文件 {path}", path=path))
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)


def check_file(path: Path, *, quick: bool = False) -> str | None:
    """Why ``path`` is not a healthy SQLite database (integrity check), or None when it is.

    Errors that are not damage (a locked database, no permission) are raised, not returned.
    """
    try:
        conn = connect_existing(path)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return str(exc)
        raise
    return None if rows == ["ok"] else join("；", rows)


def database_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a SQLite file, or None when it has none."""
    conn = connect_existing(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None  # no alembic_version table
    finally:
        conn.close()
    return str(row[0]) if row else None


def known_revisions() -> set[str]:
    """Every schema revision this version of jgstudy can open."""
    from alembic.config import Config  # imported late: Alembic is slow to import
    from alembic.script import ScriptDirectory

    from jgstudy.core.storage.engine import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


# Every jgstudy database since the first release has these; another program's file does not.
JGSTUDY_TABLES = frozenset({"users", "banks", "questions", "cards", "review_logs", "attempts"})


def missing_tables(path: Path) -> set[str]:
    """The jgstudy tables that the SQLite file ``path`` lacks."""
    conn = connect_existing(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return set(JGSTUDY_TABLES) - {str(r[0]) for r in rows}
    finally:
        conn.close()


def restorable_problem(path: Path) -> Msg | None:
    """Why ``path`` cannot be restored (damaged, not jgstudy's, too new), or None."""
    try:
        problem = check_file(path)
        missing = set() if problem else missing_tables(path)
        revision = None if problem or missing else database_revision(path)
    except (BackupError, sqlite3.Error) as exc:
        text = message_of(exc)
        return text if isinstance(text, Msg) else msg("{error}", error=text)
    if problem:
        return msg("文件已损坏（{problem}）", problem=problem)
    if missing:
        return msg("不是 jgstudy 数据库（没有表 {tables}）", tables=join("、", sorted(missing)))
    if revision is None:
        return msg("不是 jgstudy 数据库（没有 alembic_version）")
    if revision not in known_revisions():
        return msg("由更新版本的 jgstudy 写入（版本 {revision}），请先升级程序", revision=revision)
    return None


def lock_path(db_path: Path) -> Path:
    """The lock file that serialises backups and restores of ``db_path``."""
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def database_lock(db_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the backup/restore lock of ``db_path`` (across processes); BackupError on timeout."""
    wait = LOCK_WAIT_SECONDS if timeout is None else timeout
    lock = FileLock(lock_path(db_path), timeout=wait)
    try:
        lock.acquire()
    except Timeout as exc:
        raise BackupError(msg("另一个 jgstudy 正在备份或恢复这个数据库，请稍后再试")) from exc
    try:
        yield
    finally:
        lock.release()


def claim_name(target: Path) -> Path:
    """Create ``target`` empty, or the first free ``<stem>-N.sqlite3``; never an existing file.

    The exclusive create makes the name ours even when another process picks the same second.
    """
    stem = target.name.removesuffix(".sqlite3")
    for number in itertools.count(1):
        candidate = target if number == 1 else target.with_name(f"{stem}-{number}.sqlite3")
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        return candidate
    raise AssertionError("unreachable")


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database to ``target`` with the online backup API; checked, then renamed.

    Raises:
        BackupError: when the source cannot be read or the copy fails its check.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _backup_api(source, partial)
        problem = check_file(partial, quick=True)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(msg("无法备份 {source}：{error}", source=source, error=exc)) from exc
    if problem:
        partial.unlink(missing_ok=True)
        raise BackupError(
            msg("数据库 {source} 已损坏，未保存备份：{problem}", source=source, problem=problem)
        )
    os.replace(partial, target)


def _backup_api(source: Path, target: Path) -> None:
    src = connect_existing(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # all pages in one step: one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        finally:
            dst.close()
    finally:
        src.close()


class BackupManager:
    """The rotating set of backups of one SQLite database (see the module docstring)."""

    def __init__(
        self, db_path: Path, backup_dir: Path, clock: Clock, *, local_tz: tzinfo | None = None
    ) -> None:
        self.db_path = db_path
        self.backup_dir = backup_dir
        self.clock = clock
        self.local_tz: tzinfo = local_tz or system_tz()

    @classmethod
    def for_url(cls, url: str, data_dir: Path, clock: Clock) -> BackupManager | None:
        """The manager for ``url``'s database; None when it is not a SQLite file."""
        path = sqlite_path(url)
        return cls(path, backup_dir(data_dir), clock) if path else None

    def backup_now(self, *, label: str = "", prune: bool = True) -> Path:
        """Back up the database now; then prune the set (unless told not to). Returns the file.

        Waits for a backup or restore of the same database in another process to finish.
        """
        with database_lock(self.db_path):
            target = self.backup_locked(label=label)
            if prune:
                self.prune()
        return target

    def backup_locked(self, *, label: str = "") -> Path:
        """:meth:`backup_now` for a caller already holding :func:`database_lock`; no pruning."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        self.clean_leftovers()
        suffix = f"-{label}" if label else ""
        target = claim_name(self.backup_dir / f"jgstudy-{self.clock.now():{STAMP}}{suffix}.sqlite3")
        try:
            copy_database(self.db_path, target)
        except BaseException:
            target.unlink(missing_ok=True)  # the claimed name, still empty
            raise
        return target

    def _clean_if_idle(self) -> None:
        if not self.backup_dir.is_dir():
            return
        try:
            with database_lock(self.db_path, timeout=0):
                self.clean_leftovers()
        except BackupError:
            pass  # another process is backing up: its files are not leftovers

    def clean_leftovers(self) -> list[Path]:
        """Remove what killed backups left: ``*.partial`` copies, their journals, empty names.

        Only safe while holding :func:`database_lock` (a running backup owns such files).
        """
        if not self.backup_dir.is_dir():
            return []
        removed: list[Path] = []
        for path in self.backup_dir.iterdir():
            name = path.name
            partial = name.endswith((".sqlite3.partial", ".sqlite3.partial-journal"))
            empty = _NAME.match(name) is not None and path.is_file() and path.stat().st_size == 0
            if name.startswith("jgstudy-") and (partial or empty):
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    def maybe_backup(self) -> Path | None:
        """Back up unless a backup was already taken today (local date); for a timer.

        Also removes what a killed backup left behind, at start, even when no backup is due.
        """
        self._clean_if_idle()
        today = self._day(self.clock.now())
        if any(self._day(b.taken_at) == today for b in self.list()):
            return None
        if not self.db_path.is_file():
            return None  # nothing to back up yet
        return self.backup_now()

    def prune(self) -> list[Path]:
        """Delete the backups the rotation does not keep; returns the deleted files."""
        backups = self.list()
        keep = kept(backups, self.clock.now(), self.local_tz)
        removed = [b.path for b in backups if b not in keep]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def newest_good(self) -> Path | None:
        """The newest backup that passes the integrity check and this jgstudy can open."""
        for candidate in self.list():
            if restorable_problem(candidate.path) is None:
                return candidate.path
        return None

    def _day(self, moment: datetime) -> date:
        return moment.astimezone(self.local_tz).date()

    def list(self) -> Backups:
        """Every backup in the folder, newest first."""
        if not self.backup_dir.is_dir():
            return []
        found = (_parse(p) for p in self.backup_dir.iterdir() if p.is_file())
        return sorted((b for b in found if b), key=lambda b: (b.taken_at, b.number), reverse=True)


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None  # e.g. jgstudy-20261345-...: not one of ours
    return Backup(path, taken, match.group(2) or "", int(match.group(3) or 1))


def kept(backups: Sequence[Backup], now: datetime, tz: tzinfo) -> set[Backup]:
    """The backups the rotation keeps (see the module docstring); a pure function of its input."""
    today = now.astimezone(tz).date()
    wanted: set[tuple[str, object]] = {("d", today - timedelta(days=k)) for k in range(DAILY)}
    wanted |= {("w", (today - timedelta(weeks=k)).isocalendar()[:2]) for k in range(WEEKLY)}
    wanted |= {("m", _months_back(today, k)) for k in range(MONTHLY)}
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.number), reverse=True)
    keep = {b for b in newest_first if b.label or b.taken_at > now}
    plain = [b for b in newest_first if b not in keep]
    keep.update(plain[:1])
    for backup in plain:
        found = _buckets(backup.taken_at.astimezone(tz).date()) & wanted
        if found:
            wanted -= found  # an older backup never takes a bucket a newer one holds
            keep.add(backup)
    return keep


def _buckets(day: date) -> set[tuple[str, object]]:
    return {("d", day), ("w", day.isocalendar()[:2]), ("m", (day.year, day.month))}


def _months_back(day: date, k: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - k
    return (index // 12, index % 12 + 1)
