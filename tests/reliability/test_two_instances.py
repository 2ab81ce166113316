"""Two app instances (two processes) answering on the same SQLite file at once corrupt nothing.

Every answer of both is stored and the file passes ``PRAGMA integrity_check``; online backups
taken meanwhile are consistent too. (Many desktops on PostgreSQL: tests/core/test_concurrency.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from jgstudy.cli.main import main
from jgstudy.core.backup import BackupManager
from jgstudy.core.clock import FixedClock

ANSWERS = 150
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
WORKER = """
import sys, time
from pathlib import Path
from jgstudy.core.services import open_services

url, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
services = open_services(url)
service = services.study
user = service.find_user(name)
queue = service.practice_queue(user, mode="new", new_per_day=1000)
Path(sys.argv[5]).touch()  # ready
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.005)
for i in range(count):
    service.record(user.id, service.question(queue[i % len(queue)]), "ABCD"[i % 4], 1000)
services.close()
print("done")
"""


def test_two_processes_answering_at_once_lose_nothing(
    tmp_path: Path,
    many_bank: Path,
    clock: FixedClock,
    check_integrity: Callable[[Path], str],
    scalar: Callable[..., object],
) -> None:
    db = tmp_path / "jgstudy.sqlite3"
    assert main(["--data-dir", str(tmp_path), "import", str(many_bank)]) == 0
    _create_users(tmp_path, ["甲"])
    go = tmp_path / "go"
    worker = [sys.executable, "-c", WORKER, f"sqlite:///{db}"]
    workers = [
        subprocess.Popen(
            [*worker, name, str(ANSWERS), str(go), str(tmp_path / f"ready-{index}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=ENV,
        )
        for index, name in enumerate(["甲", "甲"])  # the same cadre in two windows
    ]
    _wait_for(lambda: all((tmp_path / f"ready-{i}").exists() for i in range(2)))
    go.touch()
    backups = _back_up_while_running(db, clock, workers)
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "done"
    assert scalar(db, "SELECT COUNT(*) FROM review_logs") == 2 * ANSWERS
    assert check_integrity(db) == "ok"
    assert backups and all(check_integrity(b) == "ok" for b in backups)


def test_two_practice_sessions_in_the_terminal_at_once(
    tmp_path: Path,
    many_bank: Path,
    check_integrity: Callable[[Path], str],
    scalar: Callable[..., object],
) -> None:
    assert main(["--data-dir", str(tmp_path), "import", str(many_bank)]) == 0
    command = [sys.executable, "-m", "jgstudy.cli.main", "--data-dir", str(tmp_path), "practice"]
    sessions = [
        subprocess.Popen(
            [*command, "--user", name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=ENV,
        )
        for name in ("丙", "丁")
    ]
    answers = "".join("ABCD"[i % 4] + "\n" for i in range(20))
    results = [s.communicate(answers, timeout=120) for s in sessions]
    for session, (out, err) in zip(sessions, results, strict=True):
        assert session.returncode == 0, err
        assert sum(line.startswith(("✔", "✘")) for line in out.splitlines()) == 20
    db = tmp_path / "jgstudy.sqlite3"
    assert scalar(db, "SELECT COUNT(*) FROM review_logs") == 40
    assert check_integrity(db) == "ok"


def _create_users(folder: Path, names: list[str]) -> None:
    # Created beforehand: two instances creating the same new cadre at once is not this test.
    from jgstudy.core.services import open_services

    services = open_services(f"sqlite:///{folder / 'jgstudy.sqlite3'}")
    for name in names:
        services.study.ensure_user(name)
    services.close()


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.01)


def _back_up_while_running(
    db: Path, clock: FixedClock, workers: list[subprocess.Popen[str]]
) -> list[Path]:
    """Online backups, one after another, for as long as the workers write."""
    manager = BackupManager(db, db.parent / "backups", clock)
    made: list[Path] = []
    while any(w.poll() is None for w in workers) and len(made) < 50:
        clock.advance(seconds=1)  # a new name for each
        made.append(manager.backup_now(prune=False))
    return made
