"""A report's data and the pure function that builds it from the database.

:func:`build_report` only reads: give it an engine (or a connection), the filters and the time,
and it returns a frozen :class:`Report`, so the GUI can run it on a worker thread and hand the
result to any writer (xlsx, csv, pdf).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from statistics import fmean

from sqlalchemy import Connection, Engine

from jgstudy.core.reports import exams as exams_mod
from jgstudy.core.reports.cadres import CadreInputs, CadreReport, build_cadres, score_distribution
from jgstudy.core.reports.cohort import Cohort
from jgstudy.core.reports.exams import ExamResult
from jgstudy.core.reports.items import FirstAnswer, ItemStats, analyse_items
from jgstudy.core.reports.records import CadreRow, Scope
from jgstudy.core.reports.units import UnitReport, build_units, by_unit_and_name, rank_cadres
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.stats import local_midnight
from jgstudy.core.storage import report_repo, study_repo
from jgstudy.core.text import N_, msg

CHINA_TZ = timezone(timedelta(hours=8), "CST")
DEFAULT_MIN_ANSWERS = 20
DEFAULT_TITLE = N_("机关学习成绩报告")


@dataclass(frozen=True)
class ReportFilter:
    """What a report covers. Dates are local calendar days, both inclusive.

    ``exam`` names an exam (an attempt's config ``id`` or its title): the report then covers that
    exam's answers and results only. ``min_answers`` is the N of "completed" outside exams.
    ``rank_cadres`` asks for each cadre's rank within their unit; off by default (cadres are
    then listed by name and no individual is ranked; units are still ranked).
    """

    unit: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    exam: str | None = None
    min_answers: int = DEFAULT_MIN_ANSWERS
    rank_cadres: bool = False

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(msg("开始日期晚于结束日期"))
        if self.min_answers < 1:
            raise ValueError(msg("完成标准至少为 1 题"))

    def period(self, tz: tzinfo) -> tuple[datetime | None, datetime | None]:
        """The filter's days as UTC instants: [start of first day, start of the day after last)."""
        since = local_midnight(self.date_from, tz) if self.date_from else None
        until = local_midnight(self.date_to + timedelta(days=1), tz) if self.date_to else None
        return since, until


@dataclass(frozen=True)
class Summary:
    """The headline figures."""

    cadres: int
    participants: int
    completed: int
    answers: int
    correct: int
    average_score: float | None
    units: int
    exams_finished: int
    flagged_items: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def completion(self) -> float:
        return self.completed / self.cadres if self.cadres else 0.0


@dataclass(frozen=True)
class Report:
    """Everything the xlsx, csv and pdf writers show; plain values only."""

    title: str
    filters: ReportFilter
    generated_at: datetime
    tz: tzinfo
    summary: Summary
    units: tuple[UnitReport, ...]
    cadres: tuple[CadreReport, ...]
    items: tuple[ItemStats, ...]
    exams: tuple[ExamResult, ...]
    distribution: tuple[tuple[str, int], ...]
    # 题目纠错 reports still open: (bank/qid, cadre, reason, when), oldest first.
    problems: tuple[tuple[str, str, str, datetime], ...] = ()
    # readiness for the target date (备考准备); None when not computed (build_report alone)
    cohort: Cohort | None = None

    @property
    def exam_mode(self) -> bool:
        return self.filters.exam is not None

    @property
    def flagged(self) -> tuple[ItemStats, ...]:
        return tuple(i for i in self.items if i.needs_checking)

    def local(self, moment: datetime) -> datetime:
        """A stored UTC time as the report's local wall-clock time (naive, for display)."""
        return moment.astimezone(self.tz).replace(tzinfo=None)

    @property
    def period_text(self) -> str:
        start, end = self.filters.date_from, self.filters.date_to
        if start is None and end is None:
            return msg("全部时间")
        return msg(
            "{start} 至 {end}",
            start=start.isoformat() if start else msg("最早"),
            end=end.isoformat() if end else msg("今天"),
        )

    @property
    def unit_text(self) -> str:
        return self.filters.unit if self.filters.unit is not None else msg("全部单位")


@contextmanager
def _connected(source: Engine | Connection) -> Iterator[Connection]:
    if isinstance(source, Connection):
        yield source
        return
    with source.connect() as conn:
        if conn.dialect.name == "postgresql":
            # One snapshot for all the queries, while cadres keep answering on the shared server.
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        yield conn


def _exam_scope(
    conn: Connection, flt: ReportFilter, base: Scope, people: dict[int, tuple[str, str]]
) -> tuple[Scope, list[ExamResult]]:
    """The scope narrowed to the exam's attempts (when the filter names one), and the exams."""
    rows = report_repo.exam_attempts(conn, base)
    if flt.exam is not None:
        rows = [r for r in rows if exams_mod.matches(r, flt.exam)]
        base = Scope(base.unit, base.since, base.until, tuple(r.id for r in rows))
    return base, exams_mod.exam_results(rows, people)


@dataclass(frozen=True)
class _Context:
    conn: Connection
    filters: ReportFilter
    now: datetime
    tz: tzinfo
    scheduler: Scheduler


def _cadres(
    ctx: _Context, people: list[CadreRow], scope: Scope, exams: list[ExamResult]
) -> list[CadreReport]:
    offset = ctx.now.astimezone(ctx.tz).utcoffset() or timedelta()
    inputs = CadreInputs(
        cadres=people,
        per_day=report_repo.answers_per_day(ctx.conn, scope, offset),
        per_tag=report_repo.answers_per_tag(ctx.conn, scope),
        durations=report_repo.duration_histogram(ctx.conn, scope),
        cards=report_repo.card_states(ctx.conn, ctx.filters.unit),
        exams=exams,
    )
    today = ctx.now.astimezone(ctx.tz).date()
    last_day = ctx.filters.date_to
    return build_cadres(
        inputs,
        scheduler=ctx.scheduler,
        now=ctx.now,
        # A streak in a past period is the one running at its end.
        streak_end=min(today, last_day) if last_day else today,
        exam_mode=ctx.filters.exam is not None,
        min_answers=ctx.filters.min_answers,
    )


def _items(conn: Connection, scope: Scope) -> list[ItemStats]:
    first = [FirstAnswer(*row) for row in report_repo.first_answers(conn, scope)]
    records = study_repo.load_questions(conn, {a.question_pk for a in first})
    totals = {pk: (n, ms) for pk, n, ms in report_repo.question_totals(conn, scope)}
    return analyse_items(first, records, totals)


def _summary(
    cadres: list[CadreReport],
    units: list[UnitReport],
    items: list[ItemStats],
    exams: list[ExamResult],
) -> Summary:
    scores = [c.score for c in cadres if c.score is not None]
    return Summary(
        cadres=len(cadres),
        participants=len(scores),
        completed=sum(c.completed for c in cadres),
        answers=sum(c.answers for c in cadres),
        correct=sum(c.correct for c in cadres),
        average_score=fmean(scores) if scores else None,
        units=len(units),
        exams_finished=sum(e.finished for e in exams),
        flagged_items=sum(i.needs_checking for i in items),
    )


def build_report(
    source: Engine | Connection,
    filters: ReportFilter,
    now: datetime,
    *,
    tz: tzinfo = CHINA_TZ,
    scheduler: Scheduler | None = None,
    title: str | None = None,
) -> Report:
    """Read everything a report shows. Pure: nothing is written, the time is ``now``."""
    since, until = filters.period(tz)
    with _connected(source) as conn:
        people = report_repo.cadres(conn, filters.unit)
        names = {c.id: (c.name, c.unit) for c in people}
        scope, exams = _exam_scope(conn, filters, Scope(filters.unit, since, until), names)
        ctx = _Context(conn, filters, now, tz, scheduler or Scheduler())
        listed = _cadres(ctx, people, scope, exams)
        cadres = rank_cadres(listed) if filters.rank_cadres else by_unit_and_name(listed)
        items = _items(conn, scope)
    units = build_units(cadres)
    return Report(
        title=title or _default_title(filters, exams),
        filters=filters,
        generated_at=now,
        tz=tz,
        summary=_summary(cadres, units, items, exams),
        units=tuple(units),
        cadres=tuple(cadres),
        items=tuple(items),
        exams=tuple(exams),
        distribution=tuple(score_distribution(cadres)),
    )


def _default_title(filters: ReportFilter, exams: list[ExamResult]) -> str:
    if filters.exam is None:
        return msg(DEFAULT_TITLE)
    titles = sorted({e.title for e in exams if e.title})
    return msg("考试成绩报告：{exam}", exam=titles[0] if titles else filters.exam)
