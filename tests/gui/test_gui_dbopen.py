"""The desktop's database: a damaged file is restored from a backup on request; daily backups."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from jgstudy.core.backup import BackupManager, backup_dir
from jgstudy.core.backup_service import BackupService
from jgstudy.core.clock import FixedClock
from jgstudy.core.order import NewOrder
from jgstudy.core.services import open_services
from jgstudy.gui.dbopen import AutoBackup, open_database


@pytest.fixture
def folder(tmp_path: Path, clock: FixedClock, sample_bank: Path) -> Path:
    """A data folder whose database has one cadre and one answer, and a backup of it."""
    url = f"sqlite:///{tmp_path / 'jgstudy.sqlite3'}"
    services = open_services(url, clock)
    service = services.study
    service.import_banks([sample_bank])
    user = service.ensure_user("张三", "市审计局")
    service.record(
        user.id, service.question(service.practice_queue(user, order=NewOrder.BANK)[0]), "C", 3000
    )
    services.close()
    BackupManager(tmp_path / "jgstudy.sqlite3", backup_dir(tmp_path), clock).backup_now()
    return tmp_path


def damage(path: Path) -> None:
    path.write_bytes(b"this is not a database " * 400)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def test_a_damaged_database_is_restored_when_the_cadre_agrees(
    qtbot: QtBot, folder: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage(folder / "jgstudy.sqlite3")
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    services = open_database(f"sqlite:///{folder / 'jgstudy.sqlite3'}", folder, clock=clock)
    assert services is not None
    user = services.study.find_user("张三")
    assert user is not None and services.study.stats(user).total_reviews == 1
    services.close()
    assert "最近的完好备份" in asked[0]
    assert any(p.name.startswith("jgstudy.sqlite3.corrupt-") for p in folder.iterdir())


def test_without_a_backup_the_damaged_file_is_left_alone(
    qtbot: QtBot, folder: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for backup in backup_dir(folder).iterdir():
        backup.unlink()
    damage(folder / "jgstudy.sqlite3")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert open_database(f"sqlite:///{folder / 'jgstudy.sqlite3'}", folder, clock=clock) is None
    assert "没有找到可用的备份" in shown[0]
    assert (folder / "jgstudy.sqlite3").read_bytes().startswith(b"this is not")


def test_one_backup_a_day_while_open_and_one_on_close(
    qtbot: QtBot, folder: Path, clock: FixedClock
) -> None:
    manager = BackupManager(folder / "jgstudy.sqlite3", backup_dir(folder), clock)
    auto = AutoBackup(BackupService(manager))
    clock.advance(days=1)
    auto.start()
    QThreadPool.globalInstance().waitForDone()
    assert len(manager.list()) == 2  # yesterday's fixture backup and today's
    auto.check()
    QThreadPool.globalInstance().waitForDone()
    assert len(manager.list()) == 2  # not twice on one day
    clock.advance(minutes=5)
    auto.on_close()
    newest = manager.list()[0]
    assert newest.taken_at == clock.now()  # the closing backup replaces today's earlier one
    assert len(manager.list()) == 2
    assert auto.last_error is None
    assert not auto.timer.isActive()
