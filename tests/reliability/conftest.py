"""Shared by the reliability tests: a bank of many questions, SQLite checks, the fuzz harness."""

from __future__ import annotations

import signal
import sqlite3
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from jgstudy.core.banks import BankErrors, LoadedBank, Problem, load_bank
from jgstudy.core.banks.loader import MAX_PROBLEMS
from jgstudy.core.clock import Clock
from jgstudy.core.order import NewOrder
from jgstudy.core.services import Services, open_services

BEIJING = timezone(timedelta(hours=8), "CST")

OPTIONS = "ABCD"


def write_many_question_bank(path: Path, count: int = 100, bank_id: str = "many") -> Path:
    """A valid bank of ``count`` single-choice questions; question ``i`` has answer ``ABCD[i % 4]``."""
    lines = ["format: 1", f"id: {bank_id}", "title: 可靠性测试题库", "questions:"]
    for i in range(count):
        lines += [
            f"  - id: q{i:04d}",
            "    type: single",
            f"    stem: 第{i}题：机关学习的第{i}个要点是什么？",
            "    options: {A: 甲, B: 乙, C: 丙, D: 丁}",
            f"    answer: {OPTIONS[i % 4]}",
            f"    explanation: 第{i}题的解析。",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sqlite_scalar(db: Path, sql: str, *params: object) -> object:
    """One value from the database, read with the standard library (no jgstudy code involved)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def integrity(db: Path) -> str:
    """``PRAGMA integrity_check`` of ``db``, its rows joined (``"ok"`` when healthy)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        return "\n".join(str(row[0]) for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def answer_questions(services: Services, bank: Path, name: str, count: int) -> int:
    """Import ``bank`` and let cadre ``name`` answer ``count`` new questions; returns their id."""
    service = services.study
    service.import_banks([bank])
    user = service.ensure_user(name)
    for pk in service.practice_queue(user, order=NewOrder.BANK, mode="new", new_per_day=count)[
        :count
    ]:
        service.record(user.id, service.question(pk), "A", 1500)
    return user.id


def open_service(db: Path, clock: Clock) -> Services:
    """A service over the SQLite file ``db`` (created and migrated when new)."""
    return open_services(f"sqlite:///{db}", clock, tz=BEIJING)


@pytest.fixture
def many_bank(tmp_path: Path) -> Path:
    """A bank of 100 single-choice questions in the test's folder."""
    return write_many_question_bank(tmp_path / "many.yaml")


@pytest.fixture
def answer() -> Callable[[Services, Path, str, int], int]:
    return answer_questions


@pytest.fixture
def opened() -> Callable[[Path, Clock], Services]:
    return open_service


@pytest.fixture
def check_integrity() -> Callable[[Path], str]:
    return integrity


@pytest.fixture
def scalar() -> Callable[..., object]:
    return sqlite_scalar


# -- fuzzing the bank loader ---------------------------------------------------------------

PEAK_LIMIT = 200 * 1024 * 1024
WATCHDOG_SECONDS = 30
FUZZ_PROFILE = "jgstudy-fuzz"
# Bounded, repeatable runs: no deadline (machines vary), no example database, same inputs always.
settings.register_profile(
    FUZZ_PROFILE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
Outcome = LoadedBank | tuple[Problem, ...]


class Hang(Exception):
    """The loader ran longer than the watchdog allows."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    """Turn a hang into an exception (POSIX only; elsewhere the test simply runs unguarded)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def bark(_signum: int, _frame: object) -> None:
        raise Hang(f"loading took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, bark)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(path: Path) -> Outcome:
    try:
        return load_bank(path)
    except BankErrors as errors:
        return errors.problems


def assert_well_behaved(folder: Path, raw: bytes) -> Outcome:
    """Load ``raw`` as a bank file; check the outcome is a bank or well-formed problems."""
    path = folder / "bank.yaml"
    path.write_bytes(raw)
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        with watchdog(WATCHDOG_SECONDS):
            result = outcome(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        if not tracing:
            tracemalloc.stop()
    assert peak < PEAK_LIMIT, f"peak memory {peak / 2**20:.0f} MiB for {len(raw)} bytes"
    if isinstance(result, tuple):
        assert_located(result, path, raw)
    return result


def assert_located(problems: tuple[Problem, ...], path: Path, raw: bytes) -> None:
    assert problems, "BankErrors without any problem"
    assert len(problems) <= MAX_PROBLEMS + 1
    try:
        lines = len(raw.decode("utf-8-sig").splitlines()) + 1
    except UnicodeDecodeError:
        lines = raw.count(b"\n") + 1
    for problem in problems:
        assert problem.file == path
        assert 1 <= problem.line <= max(lines, 1), problem
        assert problem.column >= 1, problem
        assert isinstance(problem.message, str)
        assert problem.message.strip()


@pytest.fixture(scope="session")
def well_behaved(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes], Outcome]:
    """Load bytes as a bank file; fail on any outcome but a bank or well-located problems."""
    folder = tmp_path_factory.mktemp("fuzz")
    return lambda raw: assert_well_behaved(folder, raw)
