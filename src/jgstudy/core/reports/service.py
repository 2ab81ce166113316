"""ReportService: trainers' reports over the shared database, in the desktop's time zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import Connection

from jgstudy.core.context import Context
from jgstudy.core.planning import BadTarget, PlanService
from jgstudy.core.reports.cohort import (
    WINDOW_DAYS,
    CadreProgress,
    Cohort,
    CohortInputs,
    build_cohort,
    names_rule,
)
from jgstudy.core.reports.data import Report, ReportFilter, build_report
from jgstudy.core.reports.records import Scope
from jgstudy.core.scheduling.forecast import Plan
from jgstudy.core.stats import local_midnight
from jgstudy.core.storage import access_repo, report_repo, study_repo, workbook_repo


class ReportService:
    """Builds reports (pure reads: safe on a worker thread while cadres keep answering)."""

    def __init__(self, ctx: Context, plans: PlanService | None = None) -> None:
        self._ctx = ctx
        self._plans = plans

    def build(self, filters: ReportFilter, *, title: str | None = None) -> Report:
        """Everything a report shows, as of now, with the cohort's readiness (备考准备)."""
        ctx = self._ctx
        report = build_report(
            ctx.engine, filters, ctx.now(), tz=ctx.local_tz, scheduler=ctx.scheduler, title=title
        )
        with ctx.engine.connect() as conn:
            rows = workbook_repo.open_reports(conn)
            cohort = self._cohort(conn, report) if self._plans is not None else None
        problems = tuple((ref, who, why, at) for _id, _pk, ref, who, why, at in rows)
        return replace(report, problems=problems, cohort=cohort)

    def units(self) -> list[str]:
        """Every unit a cadre belongs to, sorted: the choices of the unit filter."""
        with self._ctx.engine.connect() as conn:
            return sorted({u.unit for u in study_repo.list_users(conn) if u.unit})

    def _cohort(self, conn: Connection, report: Report) -> Cohort:
        """Each cadre's plan toward their target date and recent activity, per unit."""
        unit = report.filters.unit
        today = report.generated_at.astimezone(self._ctx.local_tz).date()
        since = local_midnight(today - timedelta(days=WINDOW_DAYS - 1), self._ctx.local_tz)
        offset = report.generated_at.astimezone(self._ctx.local_tz).utcoffset() or timedelta()
        days: dict[int, int] = {}
        for user_id, _day, _n, _c in report_repo.answers_per_day(conn, Scope(unit, since), offset):
            days[user_id] = days.get(user_id, 0) + 1
        fresh = report_repo.first_seen_since(conn, unit, since)
        cadres = []
        for c in report.cadres:
            plan = self._plan(c.user_id)
            new = fresh.get(c.user_id, 0)
            at_pace = self._at_pace(c.user_id, plan, new)
            cadres.append(
                CadreProgress(c.user_id, c.name, c.unit, plan, days.get(c.user_id, 0), new, at_pace)
            )
        inputs = CohortInputs(
            cadres,
            report_repo.active_question_tags(conn),
            {i.question_pk: 1 - i.facility for i in report.items},
        )
        return build_cohort(inputs, names_rule(access_repo.connected_kind(conn), unit))

    def _at_pace(self, user_id: int, plan: Plan | None, new: int) -> Plan | None:
        """The forecast if the cadre keeps meeting as many new questions a day as in the last
        WINDOW_DAYS days (``new`` in all), reviewing what falls due."""
        if plan is None:
            return None
        assert self._plans is not None
        return self._plans.plan(user_id, plan.target_date, new_rate=new / WINDOW_DAYS)

    def _plan(self, user_id: int) -> Plan | None:
        """The cadre's plan toward their 目标日期 (None: none set, or it has passed)."""
        assert self._plans is not None
        try:
            return self._plans.plan(user_id)
        except BadTarget:
            return None
