"""BackupService: the automatic backups of a desktop's SQLite database, for the app to schedule.

A shared server database (PostgreSQL) is backed up by its administrator: the service is then
disabled and every call is a no-op.
"""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.backup import BackupManager, Backups


class BackupService:
    """Takes and lists backups of one SQLite file (see :mod:`jgstudy.core.backup`)."""

    def __init__(self, manager: BackupManager | None) -> None:
        self._manager = manager

    @property
    def enabled(self) -> bool:
        """True for a SQLite file database, whose backups the app takes itself."""
        return self._manager is not None

    def maybe_backup(self) -> Path | None:
        """Today's backup, unless one was already taken today (local date); for a timer."""
        return self._manager.maybe_backup() if self._manager else None

    def backup_now(self) -> Path | None:
        """A backup now, then the rotation pruned. Raises BackupError when it fails."""
        return self._manager.backup_now() if self._manager else None

    def list(self) -> Backups:
        """Every backup, newest first."""
        return self._manager.list() if self._manager else []
