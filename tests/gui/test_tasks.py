"""The one background-task helper: one job at a time, typed results, failures logged."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from jgstudy.core.records import Progress
from jgstudy.gui.tasks import WORKER_STACK_BYTES, TaskRunner


def test_the_result_comes_back_on_the_gui_thread_with_progress(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[tuple[int, bool]] = []
    steps: list[tuple[int, int, str]] = []
    runner.progress.connect(lambda done, total, what: steps.append((done, total, what)))
    gui_thread = threading.get_ident()

    def work(progress: Progress) -> int:
        progress(1, 2, "一半")
        return 42

    assert runner.start(
        "answer",
        work,
        lambda n: results.append((n, threading.get_ident() == gui_thread)),
        pytest.fail,
    )
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, True)]
    assert steps == [(1, 2, "一半")]
    assert not runner.busy


def test_a_second_job_is_refused_while_one_runs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    done: list[str] = []

    def slow(_progress: Progress) -> str:
        release.wait(10)
        return "first"

    assert runner.start("slow", slow, done.append, pytest.fail)
    assert runner.busy
    assert not runner.start("second", lambda _p: "second", done.append, pytest.fail)
    release.set()
    qtbot.waitUntil(lambda: done == ["first"])
    assert runner.start("third", lambda _p: "third", done.append, pytest.fail)
    qtbot.waitUntil(lambda: done == ["first", "third"])


def test_a_failure_reaches_the_gui_and_the_log_with_its_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner()
    errors: list[Exception] = []

    def broken(_progress: Progress) -> None:
        raise OSError(28, "No space left on device")

    with caplog.at_level(logging.ERROR, logger="jgstudy.gui.tasks"):
        assert runner.start("saving", broken, pytest.fail, errors.append)
        qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], OSError)
    (record,) = [r for r in caplog.records if r.name == "jgstudy.gui.tasks"]
    assert "saving" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is OSError
    assert not runner.busy


def test_workers_have_a_full_size_stack(qtbot: QtBot) -> None:
    """Deep work (compiling a large module on first import, a Rust parser) gets the 8 MiB a
    main thread has, not the OS default for threads (1 MiB on Windows)."""
    TaskRunner()
    assert QThreadPool.globalInstance().stackSize() == WORKER_STACK_BYTES >= 8 * 1024 * 1024
