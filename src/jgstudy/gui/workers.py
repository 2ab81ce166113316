"""Importing banks in the background, one import at a time (through :mod:`jgstudy.gui.tasks`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from jgstudy.core.convert import Conversion
from jgstudy.core.records import ImportResult, Progress
from jgstudy.core.service import StudyService
from jgstudy.gui.i18n import tr
from jgstudy.gui.tasks import TaskRunner


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
        self._runner = TaskRunner(self, pool)
        self._runner.progress.connect(self.progress)

    @property
    def busy(self) -> bool:
        return self._runner.busy

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
        return self._runner.wait(msecs)

    def _start(self, work: Callable[[Progress], object], label: str) -> bool:
        if not self._runner.start(label, work, self._on_succeeded, self._on_failed):
            return False
        self.started.emit(label)
        return True

    def _on_succeeded(self, result: object) -> None:
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: Exception) -> None:
        self.failed.emit(error)
        self.finished.emit()
