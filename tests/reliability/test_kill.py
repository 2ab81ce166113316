"""No acknowledged answer is lost when the app is killed (SIGKILL) at a random moment.

``jgstudy practice`` runs in a subprocess fed answers through a pipe. An answer is acknowledged
once its feedback line (✔ 正确 / ✘ 错误…) has been printed; the service commits each answer
before the feedback is shown. The process is killed at seeded random moments: while starting, or
a few milliseconds after an answer was sent (before, during or after its commit). Afterwards the
database holds every acknowledged answer of that run - and at most the one answer in flight more -
and passes ``PRAGMA integrity_check``.

Each run uses its own cadre, so answers are counted per run (and the 20 new questions a day of
one cadre do not run out).
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.cli.terminal import HELP

RUNS = 20
SEED = 20260302
FEEDBACK = ("✔ 正确", "✘ 错误")
WATCHDOG_SECONDS = 60


@dataclass
class Run:
    user: str
    sent: int = 0
    acknowledged: int = 0
    killed: bool = False
    stored: int = 0


@pytest.mark.slow
def test_acknowledged_answers_survive_kill_9_at_random_moments(
    tmp_path: Path,
    many_bank: Path,
    check_integrity: Callable[[Path], str],
    scalar: Callable[..., object],
) -> None:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(many_bank)]) == 0
    db = folder / "jgstudy.sqlite3"
    rng = random.Random(SEED)
    runs: list[Run] = []
    for index in range(RUNS):
        run = practice_until_killed(folder, f"学员{index:02d}", rng, tmp_path / f"err{index}.txt")
        run.stored = int(stored_answers(scalar, db, run.user))
        runs.append(run)
        assert run.acknowledged <= run.stored <= min(run.acknowledged + 1, run.sent), runs
        assert check_integrity(db) == "ok", runs
    assert all(r.killed for r in runs), runs  # the test really killed, every run
    assert sum(r.acknowledged for r in runs) >= RUNS, runs  # and really answered


def stored_answers(scalar: Callable[..., object], db: Path, user: str) -> object:
    sql = "SELECT COUNT(*) FROM review_logs JOIN users ON users.id = user_id WHERE users.name = ?"
    return scalar(db, sql, user)


def practice_until_killed(folder: Path, user: str, rng: random.Random, errors: Path) -> Run:
    """One practice process, answered until a seeded random moment, then killed."""
    run = Run(user)
    at_startup = rng.random() < 0.2
    kill_after = -1 if at_startup else rng.randint(0, 12)  # answers sent before the kill
    delay = rng.uniform(0, 1.5) if at_startup else rng.uniform(0, 0.02)
    command = [sys.executable, "-m", "jgstudy.cli.main", "--data-dir", str(folder)]
    with (
        errors.open("w", encoding="utf-8") as err,
        subprocess.Popen(
            [*command, "practice", "--user", user],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        ) as proc,
    ):
        # The watchdog turns a hang into a failure instead of a blocked test run.
        timers = [threading.Timer(WATCHDOG_SECONDS, proc.kill)]
        if at_startup:
            timers.append(threading.Timer(delay, proc.kill))
        for timer in timers:
            timer.start()
        try:
            _converse(proc, run, rng, kill_after, lambda: _later(timers, delay, proc.kill))
            run.killed = proc.wait() != 0
        finally:
            for timer in timers:
                timer.cancel()
            # Killed between an answer's write and its flush, the answer stays in stdin's
            # buffer and Popen's exit would flush it into the closed pipe (BrokenPipeError):
            # closed here, quietly, the pipe being gone is what the test arranged.
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
    return run


def _later(timers: list[threading.Timer], delay: float, action: Callable[[], None]) -> None:
    timers.append(threading.Timer(delay, action))
    timers[-1].start()


def _converse(
    proc: subprocess.Popen[str],
    run: Run,
    rng: random.Random,
    kill_after: int,
    schedule_kill: Callable[[], None],
) -> None:
    """Answer each question as it is asked, up to the answer the kill follows; count feedback
    lines until the output ends.

    No answer is sent after that one (nor any in a run killed while starting): with answers a
    millisecond each, a session answered on went to its end before a kill 0-20 ms later, and
    the run was never killed. The process then waits for the next answer, and the kill lands
    before, during or after the last answer's commit, or while it waits.
    """
    assert proc.stdout is not None and proc.stdin is not None
    for line in proc.stdout:  # read to the end: every line printed before the kill counts
        if line.startswith(FEEDBACK):
            run.acknowledged += 1
        elif line.strip() == HELP and run.sent < kill_after + 1:
            try:
                proc.stdin.write(rng.choice("ABCD") + "\n")
                proc.stdin.flush()
            except OSError:  # killed meanwhile: the pipe is closed
                continue
            run.sent += 1
            if run.sent == kill_after + 1:
                schedule_kill()
