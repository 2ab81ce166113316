"""The core's one facade: :func:`open_services` builds every service once over one database.

``gui.main`` and the CLI call it once and pass the services (never the engine or the clock)
down to the pages and commands that need them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from jgstudy.core.backup import BackupManager, backup_dir, sqlite_path
from jgstudy.core.backup_service import BackupService
from jgstudy.core.clock import Clock, SystemClock
from jgstudy.core.competition.service import CompetitionService
from jgstudy.core.context import Context, system_tz
from jgstudy.core.exams.service import ExamService
from jgstudy.core.planning import PlanService
from jgstudy.core.reports.service import ReportService
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.scores.service import ScoreService
from jgstudy.core.service import StudyService
from jgstudy.core.storage.engine import make_engine, upgrade
from jgstudy.core.workbook import WorkbookService


@dataclass(frozen=True)
class Services:
    """Every feature service over one database, clock and time zone."""

    study: StudyService
    exams: ExamService
    competitions: CompetitionService
    reports: ReportService
    scores: ScoreService
    backups: BackupService
    workbook: WorkbookService
    plans: PlanService
    _ctx: Context

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
    engine = make_engine(url)
    upgrade(engine)
    ctx = Context(engine, clock or SystemClock(), tz or system_tz(), scheduler or Scheduler())
    study = StudyService(ctx)
    plans = PlanService(ctx, study)
    study.set_advance_source(plans.advanced_today)
    return Services(
        study=study,
        exams=ExamService(ctx, study),
        competitions=CompetitionService(ctx, study),
        reports=ReportService(ctx, plans),
        scores=ScoreService(ctx),
        backups=BackupService(_backup_manager(ctx, url, data_dir)),
        workbook=WorkbookService(ctx, study),
        plans=plans,
        _ctx=ctx,
    )


def _backup_manager(ctx: Context, url: str, data_dir: Path | None) -> BackupManager | None:
    db_path = sqlite_path(url)
    if db_path is None:
        return None
    folder = backup_dir(data_dir if data_dir is not None else db_path.parent)
    return BackupManager(db_path, folder, ctx.clock, local_tz=ctx.local_tz)
