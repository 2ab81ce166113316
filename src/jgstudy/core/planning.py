"""PlanService: a cadre's own FSRS parameters, target date, plan and forecast; one of the services
of :mod:`jgstudy.core.services`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from statistics import median

from sqlalchemy import Connection

from jgstudy.core.context import Context
from jgstudy.core.records import PlanSettings, Progress, ScheduleEvent, UserInfo
from jgstudy.core.scheduling import fit as fit_mod
from jgstudy.core.scheduling.days import REVIEW
from jgstudy.core.scheduling.forecast import (
    ADVANCE_WINDOW,
    NOT_YET_MET,
    Memory,
    Model,
    Plan,
    PlanInput,
    make_plan,
)
from jgstudy.core.scheduling.retention import RetentionRow, retention_table
from jgstudy.core.service import StudyService
from jgstudy.core.storage import plan_repo, retry
from jgstudy.core.text import msg

DEFAULT_SECONDS = 15.0  # per answer, until the cadre has answered MIN_TIMED questions
MIN_TIMED = 20
TIMED_SAMPLES = 200
SECONDS_LIMITS = (2.0, 120.0)  # a median outside this is not a working pace
DEFAULT_TARGET_RECALL = 0.9
DEFAULT_LEAD_DAYS = 3
MAX_DAYS_AHEAD = 730  # a plan walks every day to the date: two years is the longest it plans


class BadTarget(ValueError):
    """A target date in the past or too far ahead."""


class PlanService:
    """Personal FSRS parameters, target dates and the plan toward them."""

    def __init__(self, ctx: Context, study: StudyService) -> None:
        self._ctx = ctx
        self._study = study

    # -- settings and events -------------------------------------------------------------

    def settings(self, user: UserInfo | int) -> PlanSettings:
        """The cadre's (a UserInfo or its id) parameters and target."""
        with self._ctx.engine.connect() as conn:
            return plan_repo.get_plan(conn, _id(user))

    def events(self, user: UserInfo) -> list[ScheduleEvent]:
        """Every change to the cadre's scheduling, oldest first."""
        with self._ctx.engine.connect() as conn:
            return plan_repo.events(conn, user.id)

    def set_target(
        self, user: UserInfo, target_date: date | None, recall: float | None, actor: str
    ) -> None:
        """Set (or clear, with None) the cadre's 目标日期 and target recall; logged as an event."""
        if recall is not None and not 0.5 <= recall <= 0.99:
            raise BadTarget(msg("目标掌握率须在 50% 到 99% 之间"))
        if target_date is not None:
            self._check_date(target_date)
        after = _target_text(target_date, recall)

        def write(conn: Connection) -> None:
            old = plan_repo.get_plan(conn, user.id)
            plan_repo.put_target(conn, user.id, target_date, recall)
            before = _target_text(old.target_date, old.target_recall)
            self._event(conn, user, actor, "target", before, after)

        retry.write(self._ctx.engine, write)

    def set_unit_target(
        self, unit: str, target_date: date | None, recall: float | None, actor: str
    ) -> int:
        """A trainer sets the target for every cadre of ``unit``; returns how many."""
        cadres = [u for u in self._study.users() if u.unit == unit and u.role == "cadre"]
        for cadre in cadres:
            self.set_target(cadre, target_date, recall, actor)
        return len(cadres)

    def log_retention(self, user: UserInfo, before: float, after: float, actor: str) -> None:
        """Record a change of the desired retention the cadre's reviews are scheduled for."""
        if before == after:
            return
        retry.write(
            self._ctx.engine,
            lambda conn: self._event(
                conn, user, actor, "retention", f"{before:.2f}", f"{after:.2f}"
            ),
        )

    def _check_date(self, target_date: date) -> date:
        """Today's study day, once ``target_date`` is known to be after it and near enough."""
        today = self._ctx.due_rule.study_day(self._ctx.clock.now())
        if not 0 < (target_date - today).days <= MAX_DAYS_AHEAD:
            raise BadTarget(
                msg(
                    "目标日期 {date} 须在今天之后、{days} 天之内",
                    date=target_date.isoformat(),
                    days=MAX_DAYS_AHEAD,
                )
            )
        return today

    def _event(
        self, conn: Connection, user: UserInfo, actor: str, kind: str, before: str, after: str
    ) -> None:
        event = ScheduleEvent(user.id, actor, kind, self._ctx.clock.now(), before, after)
        plan_repo.add_event(conn, event)

    # -- personal parameters -------------------------------------------------------------

    def optimize(self, user: UserInfo, actor: str) -> fit_mod.FitResult:
        """Fit FSRS parameters to the cadre's history, keep them and schedule with them.

        The figures compare FSRS's default parameters with the fitted ones on the same history.

        Raises:
            NotEnoughHistory: below the minimum history; nothing is changed then.
        """
        rule = self._ctx.due_rule
        with self._ctx.engine.connect() as conn:
            answers = plan_repo.answers(conn, user.id)
            old = plan_repo.get_plan(conn, user.id).parameters
        reviews = [
            fit_mod.Review(pk, rule.study_day(at), rating) for pk, at, rating, _ms in answers
        ]
        result = fit_mod.fit(reviews)

        def write(conn: Connection) -> None:
            plan_repo.put_parameters(conn, user.id, result.parameters, self._ctx.clock.now())
            before = json.dumps(list(old)) if old else "default"
            self._event(conn, user, actor, "optimize", before, json.dumps(list(result.parameters)))

        retry.write(self._ctx.engine, write)
        self._study.forget_parameters(user.id)
        return result

    def reset_parameters(self, user: UserInfo, actor: str) -> None:
        """Back to FSRS's default parameters (logged)."""
        old = self.settings(user).parameters
        if old is None:
            return

        def write(conn: Connection) -> None:
            plan_repo.put_parameters(conn, user.id, None, self._ctx.clock.now())
            self._event(conn, user, actor, "optimize", json.dumps(list(old)), "default")

        retry.write(self._ctx.engine, write)
        self._study.forget_parameters(user.id)

    def advanced_today(self, user: UserInfo | int) -> list[int]:
        """The questions the plan brings forward to today (提前复习), not yet answered today.

        Empty outside the last days before the cadre's 目标日期 (the plan is not even made then).
        """
        settings = self.settings(user)
        today = self._ctx.due_rule.study_day(self._ctx.clock.now())
        if settings.target_date is None:
            return []
        if not 0 < (settings.target_date - today).days <= ADVANCE_WINDOW:
            return []
        plan = self.plan(user)
        keys = plan.advanced_keys.get(today, ()) if plan else ()
        return [k for k in keys if k != NOT_YET_MET]

    def retention(self, user: UserInfo) -> list[RetentionRow]:
        """True retention by interval and period, next to FSRS's prediction (see
        :mod:`jgstudy.core.scheduling.retention`)."""
        rule = self._ctx.due_rule
        with self._ctx.engine.connect() as conn:
            answers = plan_repo.answers(conn, user.id)
        reviews = [
            fit_mod.Review(pk, rule.study_day(at), rating) for pk, at, rating, _ms in answers
        ]
        today = rule.study_day(self._ctx.clock.now())
        return retention_table(reviews, today, self._study.scheduler_for(user).parameters)

    # -- the plan ------------------------------------------------------------------------

    def seconds_per_answer(self, user: UserInfo | int) -> float | None:
        """The cadre's median answer time over their latest answers (None until enough)."""
        with self._ctx.engine.connect() as conn:
            durations = plan_repo.recent_durations(conn, _id(user), TIMED_SAMPLES)
        if len(durations) < MIN_TIMED:
            return None
        low, high = SECONDS_LIMITS
        return min(max(median(durations) / 1000, low), high)

    def plan(
        self,
        user: UserInfo | int,
        until: date | None = None,
        target_recall: float | None = None,
        lead_days: int = DEFAULT_LEAD_DAYS,
        *,
        daily_minutes: float | None = None,
        retention: float | None = None,
        new_rate: float | None = None,
    ) -> Plan | None:
        """The plan toward ``until`` (default: the cadre's 目标日期); None without a date.

        Raises:
            BadTarget: the date is today or past, or more than two years ahead.

        The simulator: ``daily_minutes`` caps each day's work (new questions get what the
        reviews leave), ``retention`` replaces the desktop's desired retention. ``new_rate``
        introduces new questions at that pace a day instead of the plan's quota (the cohort
        report's forecast at a cadre's recent pace).
        """
        spec = self._plan_input(user, until, target_recall, lead_days, retention)
        if spec is None:
            return None
        model, base = spec
        return make_plan(model, replace(base, daily_minutes=daily_minutes, new_rate=new_rate))

    def simulate(
        self,
        user: UserInfo | int,
        until: date | None,
        minutes: Sequence[float | None],
        retention: float | None = None,
        progress: Progress | None = None,
    ) -> list[Plan] | None:
        """The simulator: one plan per choice of daily minutes (None: the plan's own pace),
        read from the database once; None without a target date.

        Raises:
            BadTarget: as :meth:`plan`.
        """
        spec = self._plan_input(user, until, None, DEFAULT_LEAD_DAYS, retention)
        if spec is None:
            return None
        model, base = spec
        plans: list[Plan] = []
        for done, budget in enumerate(minutes):
            if progress is not None:
                progress(done, len(minutes), "simulate")
            plans.append(make_plan(model, replace(base, daily_minutes=budget)))
        return plans

    def _plan_input(
        self,
        user: UserInfo | int,
        until: date | None,
        target_recall: float | None,
        lead_days: int,
        retention: float | None,
    ) -> tuple[Model, PlanInput] | None:
        settings = self.settings(user)
        target_date = until or settings.target_date
        if target_date is None:
            return None
        recall = target_recall or settings.target_recall or DEFAULT_TARGET_RECALL
        rule = self._ctx.due_rule
        today = self._check_date(target_date)
        with self._ctx.engine.connect() as conn:
            stored = plan_repo.active_cards(conn, _id(user))
            total = plan_repo.active_question_count(conn)
        memories = [
            Memory(
                s, d, rule.study_day(last), rule.study_day(due) if state == REVIEW else today, pk
            )
            for pk, state, s, d, last, due in stored
            if s is not None and d is not None and last is not None
        ]
        scheduler = self._study.scheduler_for(user)
        seconds = self.seconds_per_answer(user)
        return Model(scheduler.parameters), PlanInput(
            today=today,
            target_date=target_date,
            memories=memories,
            not_introduced=max(total - len(memories), 0),
            retention=retention or scheduler.desired_retention,
            target_recall=recall,
            lead_days=lead_days,
            seconds_per_answer=seconds or DEFAULT_SECONDS,
            own_pace=seconds is not None,
        )


def _id(user: UserInfo | int) -> int:
    return user if isinstance(user, int) else user.id


def _target_text(target_date: date | None, recall: float | None) -> str:
    if target_date is None:
        return ""
    return f"{target_date.isoformat()} {recall:.2f}" if recall else target_date.isoformat()
