"""Background work: a callable runs on a thread pool and reports through Qt signals.

The work itself never touches widgets; it only receives a progress callback. Results and errors
come back as queued signals to the GUI thread (the Anki ``CollectionOp`` idea, without a global).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jgstudy.core.convert import Conversion
from jgstudy.core.records import ImportResult
from jgstudy.core.service import StudyService
from jgstudy.gui.i18n import tr

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], object]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One piece of work for a QThreadPool."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except Exception as exc:  # reported to the GUI, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class BankImporter(QObject):
    """Imports banks off the UI thread, one import at a time."""

    started = Signal(str)
    progress = Signal(int, int, str)
    succeeded = Signal(object)  # ImportResult
    failed = Signal(object)  # Exception (BankErrors for invalid banks)
    finished = Signal()

    def __init__(
        self, service: StudyService, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = pool or QThreadPool.globalInstance()
        self._running: TaskSignals | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None

    def import_paths(self, paths: Sequence[Path], label: str | None = None) -> bool:
        """Start importing ``paths``; False when an import is already running."""
        paths = list(paths)

        def work(progress: Progress) -> ImportResult:
            return self._service.import_banks(paths, progress)

        return self._start(work, label or tr("正在导入题库"))

    def import_conversion(self, conversion: Conversion, folder: Path) -> bool:
        """Start importing a previewed conversion (see :mod:`jgstudy.gui.importpreview`)."""

        def work(_progress: Progress) -> ImportResult:
            return self._service.import_conversion(conversion, folder)

        return self._start(work, tr("正在导入 {name}").format(name=conversion.source.name))

    def read(self, work: Callable[[], object], label: str) -> bool:
        """Run ``work`` (reading a file to preview) in the background; False when busy."""
        return self._start(lambda _progress: work(), label)

    def import_bundled(self) -> bool:
        return self._start(self._service.import_bundled, tr("正在载入内置题库"))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for shutdown and scripts)."""
        return self._pool.waitForDone(msecs)

    def _start(self, work: Work, label: str) -> bool:
        if self._running is not None:
            return False
        task = Task(work)  # the pool owns and deletes it; we keep its signals alive
        task.signals.progress.connect(self.progress)
        task.signals.succeeded.connect(self._on_succeeded)
        task.signals.failed.connect(self._on_failed)
        self._running = task.signals
        self.started.emit(label)
        self._pool.start(task)
        return True

    def _on_succeeded(self, result: object) -> None:
        self._running = None
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: object) -> None:
        self._running = None
        self.failed.emit(error)
        self.finished.emit()
