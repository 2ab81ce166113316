"""ReportService: trainers' reports over the shared database, in the desktop's time zone."""

from __future__ import annotations

from dataclasses import replace

from jgstudy.core.context import Context
from jgstudy.core.reports.data import Report, ReportFilter, build_report
from jgstudy.core.storage import study_repo, workbook_repo


class ReportService:
    """Builds reports (pure reads: safe on a worker thread while cadres keep answering)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def build(self, filters: ReportFilter, *, title: str | None = None) -> Report:
        """Everything a report shows, as of now."""
        ctx = self._ctx
        report = build_report(
            ctx.engine, filters, ctx.now(), tz=ctx.local_tz, scheduler=ctx.scheduler, title=title
        )
        with ctx.engine.connect() as conn:
            rows = workbook_repo.open_reports(conn)
        problems = tuple((ref, who, why, at) for _id, _pk, ref, who, why, at in rows)
        return replace(report, problems=problems)

    def units(self) -> list[str]:
        """Every unit a cadre belongs to, sorted: the choices of the unit filter."""
        with self._ctx.engine.connect() as conn:
            return sorted({u.unit for u in study_repo.list_users(conn) if u.unit})
