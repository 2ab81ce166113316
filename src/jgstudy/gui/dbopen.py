"""Opening the database from the desktop: a damaged file is explained and restored, not a crash.

Also the automatic backups of a desktop's SQLite database: once a day while the app is open
(on the thread pool) and once on close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from jgstudy.core.backup import BackupError
from jgstudy.core.backup_service import BackupService
from jgstudy.core.clock import Clock, SystemClock
from jgstudy.core.recovery import RecoveryInfo, open_or_recover, restore_backup
from jgstudy.core.services import Services
from jgstudy.gui.i18n import tr, tr_error, tr_msg
from jgstudy.gui.tasks import TaskRunner

BACKUP_CHECK_MS = 60 * 60 * 1000  # an hourly look; at most one backup per day is taken


def open_database(
    url: str, folder: Path, parent: QWidget | None = None, clock: Clock | None = None
) -> Services | None:
    """The services over ``url``; when the file is damaged, offer the newest good backup.

    Returns None when the cadre declines, or when there is nothing to restore (the damaged
    file is left in place for an administrator).
    """
    clock = clock or SystemClock()
    services, info = open_or_recover(url, folder, clock)
    while services is None:
        if not _ask_restore(info, parent):
            return None
        assert info.db_path is not None and info.newest_backup is not None
        try:
            restore_backup(info.db_path, info.newest_backup, folder, clock)
        except BackupError as exc:
            QMessageBox.critical(parent, tr("恢复失败"), tr_error(exc))
            return None
        services, info = open_or_recover(url, folder, clock)
    return services


def _ask_restore(info: RecoveryInfo, parent: QWidget | None) -> bool:
    if info.newest_backup is None:
        QMessageBox.critical(
            parent,
            tr("数据库已损坏"),
            tr(
                "{problem}\n\n{db_path}\n\n没有找到可用的备份。文件没有被删除，请联系管理员。"
            ).format(problem=tr_msg(info.problem or ""), db_path=info.db_path),
        )
        return False
    answer = QMessageBox.question(
        parent,
        tr("数据库已损坏"),
        tr(
            "{problem}\n\n最近的完好备份：{name}\n\n是否用这个备份恢复？损坏的文件会改名保留，不会删除。"
        ).format(problem=tr_msg(info.problem or ""), name=info.newest_backup.name),
    )
    return answer == QMessageBox.StandardButton.Yes


class AutoBackup(QObject):
    """Backs up once a day while the app runs (off the UI thread) and once more on close."""

    def __init__(self, backups: BackupService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.last_error: str | None = None
        self._runner = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Take today's backup in the background if there is none yet."""

        self._runner.start(
            "daily backup", lambda _progress: self.backups.maybe_backup(), _ignore, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.last_error = tr_error(error)

    def on_close(self) -> None:
        """The closing backup: after the last answer, so nothing of the day is missing."""
        self.timer.stop()
        self._runner.wait()
        try:
            self.backups.backup_now()
        except BackupError as exc:
            self.last_error = tr_error(exc)


def auto_backup(backups: BackupService, parent: QObject | None = None) -> AutoBackup | None:
    """Automatic backups for a SQLite database; None for a shared server database."""
    return AutoBackup(backups, parent) if backups.enabled else None


def _ignore(_result: object) -> None:
    """A backup taken (or not needed today): nothing to show."""
