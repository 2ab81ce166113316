"""Importing banks in the background, one import at a time (through :mod:`jgstudy.gui.tasks`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from jgstudy.core.convert import Conversion
from jgstudy.core.records import ImportResult, Progress
from jgstudy.core.service import StudyService
from jgstudy.gui.i18n import tr
from jgstudy.gui.tasks import TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)


class BankImporter(QObject):
    """Imports banks off the UI thread, one import at a time."""

    started = Signal(str)
    progress = Signal(int, int, str)
    succeeded = Signal(ImportResult)  # an import is done
    failed = Signal(Exception)  # BankErrors for invalid banks, ConvertError, OSError...
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

        return self._start(self._and_siblings(work), label or tr("正在导入题库"), self._on_imported)

    def import_conversion(self, conversion: Conversion, folder: Path) -> bool:
        """Start importing a previewed conversion (see :mod:`jgstudy.gui.importpreview`)."""

        def work(_progress: Progress) -> ImportResult:
            return self._service.import_conversion(conversion, folder)

        label = tr("正在导入 {name}").format(name=conversion.source.name)
        return self._start(self._and_siblings(work), label, self._on_imported)

    def read(self, work: Callable[[], T], label: str, done: Callable[[T], None]) -> bool:
        """Run ``work`` (reading a file to preview) in the background, then ``done(result)``;
        False when busy. A failure is reported through ``failed`` like an import's."""
        return self._start(lambda _progress: work(), label, done)

    def import_bundled(self) -> bool:
        """Sync the bundled banks at start-up (and have the sibling relation ready)."""
        work = self._and_siblings(self._service.import_bundled)
        return self._start(work, tr("正在载入内置题库"), self._on_imported)

    def _and_siblings(self, work: Callable[[Progress], T]) -> Callable[[Progress], T]:
        """``work``, then the sibling relation read or, after a change, found (seconds for a
        large bank): here in the background rather than when a session starts on the UI
        thread."""

        def then_siblings(progress: Progress) -> T:
            result = work(progress)
            try:
                self._service.siblings()
            except Exception:  # only a head start: the session finds it again, or says why
                log.exception("sibling relation not read ahead")
            return result

        return then_siblings

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for shutdown and scripts)."""
        return self._runner.wait(msecs)

    def _start(self, work: Callable[[Progress], T], label: str, done: Callable[[T], None]) -> bool:
        def then(result: T) -> None:
            done(result)
            self.finished.emit()

        if not self._runner.start(label, work, then, self._on_failed):
            return False
        self.started.emit(label)
        return True

    def _on_imported(self, result: ImportResult) -> None:
        self.succeeded.emit(result)

    def _on_failed(self, error: Exception) -> None:
        self.failed.emit(error)
        self.finished.emit()
