"""The core's one facade: :func:`open_services` builds every service once over one database.

``gui.main`` and the CLI call it once and pass the services (never the engine or the clock)
down to the pages and commands that need them.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from jgstudy.core.clock import Clock, SystemClock
from jgstudy.core.context import Context, system_tz
from jgstudy.core.planning import PlanService
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.storage.engine import make_engine, upgrade

if TYPE_CHECKING:
    from jgstudy.core.backup import BackupManager
    from jgstudy.core.backup_service import BackupService
    from jgstudy.core.competition.service import CompetitionService
    from jgstudy.core.exams.service import ExamService
    from jgstudy.core.reports.service import ReportService
    from jgstudy.core.scores.service import ScoreService
    from jgstudy.core.workbook import WorkbookService

T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    """Every feature service over one database, clock and time zone.

    ``study`` and ``plans`` are built with it; each of the others is built, and its module
    imported, the first time it is asked for (once, whichever thread asks): a session's first
    question needs neither the exam, competition, report nor backup code, whose imports were a
    fifth of the time from start to that question.
    """

    study: StudyService
    plans: PlanService
    _ctx: Context
    _url: str
    _data_dir: Path | None
    _built: dict[str, object] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _service(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return cast(T, self._built[name])

    @property
    def exams(self) -> ExamService:
        from jgstudy.core.exams.service import ExamService

        return self._service("exams", lambda: ExamService(self._ctx, self.study))

    @property
    def competitions(self) -> CompetitionService:
        from jgstudy.core.competition.service import CompetitionService

        return self._service("competitions", lambda: CompetitionService(self._ctx, self.study))

    @property
    def reports(self) -> ReportService:
        from jgstudy.core.reports.service import ReportService

        return self._service("reports", lambda: ReportService(self._ctx, self.plans))

    @property
    def scores(self) -> ScoreService:
        from jgstudy.core.scores.service import ScoreService

        return self._service("scores", lambda: ScoreService(self._ctx))

    @property
    def backups(self) -> BackupService:
        from jgstudy.core.backup_service import BackupService

        return self._service(
            "backups",
            lambda: BackupService(_backup_manager(self._ctx, self._url, self._data_dir)),
        )

    @property
    def workbook(self) -> WorkbookService:
        from jgstudy.core.workbook import WorkbookService

        return self._service("workbook", lambda: WorkbookService(self._ctx, self.study))

    def close(self) -> None:
        """Release the database connections; the services are unusable afterwards."""
        self._ctx.close()


def open_services(
    url: str,
    clock: Clock | None = None,
    tz: tzinfo | None = None,
    *,
    data_dir: Path | None = None,
    scheduler: Scheduler | None = None,
) -> Services:
    """Open (and migrate) the database at ``url`` and build the services over it.

    ``tz`` is the desktop's time zone for calendar days (default: the system's). Backups of a
    SQLite file go to ``<data_dir>/backups`` (default: the folder of the database file).

    Raises:
        DatabaseTooNew: when the database was written by a newer jgstudy.
    """
    _freeze_start_up_objects()
    engine = make_engine(url)
    upgrade(engine)
    ctx = Context(engine, clock or SystemClock(), tz or system_tz(), scheduler or Scheduler())
    study = StudyService(ctx)
    plans = PlanService(ctx, study)
    study.set_advance_source(plans.advanced_today)
    return Services(study, plans, ctx, url, data_dir)


@functools.cache
def _freeze_start_up_objects() -> None:
    """Take the objects alive once the core is loaded out of the cyclic collector's sight, once
    per process (``gc.freeze``).

    The modules, classes, ORM mappings and validators loaded by now (about 75,000 objects,
    SQLAlchemy's ORM most of them) live as long as the process, yet every full collection
    walked them again, and so did the interpreter's exit: 0.1-0.2 s after the last line ran,
    which the start-up benchmark's whole process counts. Frozen objects are still freed by
    reference counting; only cycles among them left behind later would never be collected.
    The engine is made after it, so an engine never closed is still collected at exit and its
    SQLite connection closed (checkpointing the write-ahead log into the file).
    """
    gc.freeze()


def _backup_manager(ctx: Context, url: str, data_dir: Path | None) -> BackupManager | None:
    from jgstudy.core.backup import BackupManager, backup_dir, sqlite_path

    db_path = sqlite_path(url)
    if db_path is None:
        return None
    folder = backup_dir(data_dir if data_dir is not None else db_path.parent)
    return BackupManager(db_path, folder, ctx.clock, local_tz=ctx.local_tz)
