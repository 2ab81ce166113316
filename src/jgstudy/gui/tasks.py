"""Background work, one job at a time, with typed results.

A :class:`TaskRunner` runs one callable at a time on a thread pool. The work receives a progress
callback and never touches widgets; its result, typed as the work returns it, or its exception
comes back on the GUI thread to the callbacks given to :meth:`TaskRunner.start` (the Anki
``CollectionOp`` idea, without a global). A failure is logged with its traceback before the
failure callback decides what the user sees.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jgstudy.core.environment import explain
from jgstudy.core.errors import InputError
from jgstudy.core.records import Progress
from jgstudy.gui.i18n import tr_error, tr_msg

T = TypeVar("T")
log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries one job's reports from the worker thread to the GUI thread (queued signals)."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)  # the work's result; typed again by TaskRunner.start
    failed = Signal(object)  # the exception


class _Job(QRunnable):
    def __init__(self, what: str, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self._what = what
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._relay.progress.emit)
        except InputError as exc:  # a bad file, not a bug: one line, no traceback
            log.warning("%s refused: %s", self._what, exc)
            self._relay.failed.emit(exc)
        except Exception as exc:  # logged here, with the traceback; the GUI decides what to show
            log.exception("background work failed: %s", self._what)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


# Worker threads get the main thread's stack: the OS default is 1 MiB on Windows, and importing
# or compiling large modules (first run, no bytecode) on a worker has crashed with less.
WORKER_STACK_BYTES = 8 * 1024 * 1024


def _global_pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()
    if pool.stackSize() == 0:
        pool.setStackSize(WORKER_STACK_BYTES)
    return pool


class TaskRunner(QObject):
    """Runs background work one job at a time; ``start`` refuses a second job while one runs."""

    progress = Signal(int, int, str)  # done, total, what is being done

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or _global_pool()
        self._relay: _Relay | None = None

    @property
    def busy(self) -> bool:
        return self._relay is not None

    def start(
        self,
        what: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> bool:
        """Run ``work`` in the background; then ``done(result)`` or ``failed(error)`` on the GUI
        thread. False (and nothing started) while another job runs. ``what`` names it in the log."""
        if self._relay is not None:
            return False
        relay = _Relay()  # lives on the GUI thread: its signals are delivered there
        relay.progress.connect(self.progress)
        relay.succeeded.connect(lambda result: self._end(lambda: done(cast(T, result))))
        relay.failed.connect(lambda error: self._end(lambda: failed(cast(Exception, error))))
        self._relay = relay
        self._pool.start(_Job(what, work, relay))
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for shutdown and scripts)."""
        return self._pool.waitForDone(msecs)

    def _end(self, report: Callable[[], None]) -> None:
        self._relay = None  # free before reporting: the callback may start the next job
        report()


def failure_text(error: BaseException) -> str:
    """What the user reads when background work failed: a full disk, a locked or unreachable
    database gets its one plain sentence (the traceback is in the log); anything else the
    error's own message."""
    sentence = explain(error)
    return tr_msg(sentence) if sentence is not None else tr_error(error)
