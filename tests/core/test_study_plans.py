"""Personal FSRS parameters, the target-date plan and its forecast, through the services."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path

import fsrs_rs_python as rs
import pytest

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import PracticeMode, UserInfo
from jgstudy.core.scheduling.fit import (
    DEFAULT_PARAMETERS,
    MIN_REVIEWS,
    NotEnoughHistory,
    Review,
    evaluate,
    fit,
    training_config,
    training_items,
)
from jgstudy.core.scheduling.forecast import Memory, Model, Plan, PlanInput, make_plan
from jgstudy.core.scheduling.retention import retention_table
from jgstudy.core.services import Services

DAY0 = date(2026, 1, 1)


def forgetful_history(questions: int = 300, days: int = 120, seed: int = 1) -> list[Review]:
    """A cadre who forgets much faster than FSRS's defaults assume, reviewed at growing gaps."""
    rng = random.Random(seed)
    history: list[Review] = []
    for q in range(questions):
        strength, day = 0.8, rng.randrange(20)
        history.append(Review(q, DAY0 + timedelta(days=day), 3))
        while (day := day + max(1, round(strength * rng.uniform(0.8, 1.6)))) <= days:
            gap = day - history[-1].day.toordinal() + DAY0.toordinal()
            right = rng.random() < math.exp(-0.35 * gap / strength)
            history.append(Review(q, DAY0 + timedelta(days=day), 3 if right else 1))
            strength = strength * 2 if right else max(0.5, strength / 2)
    return history


def test_fitted_parameters_differ_from_defaults_and_predict_the_history_better() -> None:
    history = forgetful_history()
    result = fit(history)
    assert result.reviews >= MIN_REVIEWS
    assert max(abs(a - b) for a, b in zip(result.parameters, DEFAULT_PARAMETERS, strict=True)) > 0.1
    assert result.fitted.log_loss < result.default.log_loss
    assert result.fitted.rmse < result.default.rmse
    # the figures are the parameters' own, recomputed on the same history
    items = training_items(history)
    assert evaluate(result.parameters, items).log_loss == pytest.approx(result.fitted.log_loss)


def test_only_a_long_history_is_trained_for_fewer_epochs() -> None:
    assert training_config(MIN_REVIEWS).num_epochs == 5  # fsrs-rs's own number
    assert training_config(50_000).num_epochs == 5
    assert training_config(90_000).num_epochs == 3
    assert training_config(1_000_000).num_epochs == 2


@pytest.mark.slow
def test_fewer_epochs_on_a_long_history_fit_it_as_well_as_five() -> None:
    history = [
        Review(seed * 1000 + r.question, r.day, r.rating)
        for seed in range(1, 31)
        for r in forgetful_history(seed=seed)
    ]
    items = training_items(history)
    assert training_config(len(items)).num_epochs < 5
    five = rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)
    result = fit(history)
    assert result.fitted.log_loss < result.default.log_loss
    assert result.fitted.log_loss <= evaluate(five, items).log_loss * 1.005


def test_below_the_minimum_history_the_fit_is_refused() -> None:
    short = [r for r in forgetful_history() if r.question < 10]
    with pytest.raises(NotEnoughHistory, match=str(MIN_REVIEWS)):
        fit(short)


def test_same_day_repeats_are_history_not_predictions() -> None:
    reviews = [Review(1, DAY0, 1), Review(1, DAY0, 3), Review(1, DAY0 + timedelta(days=2), 3)]
    items = training_items(reviews)
    assert len(items) == 1  # only the review two days later is predicted
    assert len(items[0].reviews) == 3  # with the same-day repeat as its history
    assert items[0].long_term_review_cnt() == 1


# -- the plan ------------------------------------------------------------------------------

TODAY = date(2026, 3, 2)


def memories(count: int) -> list[Memory]:
    return [
        Memory(3.0 + i % 40, 5.0, TODAY - timedelta(days=i % 9), TODAY + timedelta(days=i % 25))
        for i in range(count)
    ]


def test_the_new_quota_meets_every_question_lead_days_before_the_date() -> None:
    model = Model(DEFAULT_PARAMETERS)
    plan = make_plan(model, PlanInput(TODAY, TODAY + timedelta(days=33), memories(50), 300))
    assert plan.introduce_by == TODAY + timedelta(days=30)
    assert plan.new_per_day == 10
    assert sum(d.new for d in plan.days) == 300
    assert all(d.new == 0 for d in plan.days if d.day >= plan.introduce_by)


def test_advancing_reviews_before_the_date_raises_the_predicted_recall_without_flooding() -> None:
    model = Model(DEFAULT_PARAMETERS)
    spec = PlanInput(TODAY, TODAY + timedelta(days=40), memories(400), 200, target_recall=0.95)
    plan = make_plan(model, spec)
    assert plan.advanced > 0
    assert plan.predicted_recall > plan.recall_without_advance
    window = plan.days[-7:]
    ordinary = max(d.new + d.reviews for d in window)
    even = math.ceil(sum(d.new + d.reviews + d.advanced for d in window) / len(window))
    assert max(d.new + d.reviews + d.advanced for d in window) <= max(ordinary, even)
    assert {d.day for d in plan.days if d.advanced} <= {d.day for d in window}


def test_nothing_is_advanced_when_the_plan_already_reaches_the_target() -> None:
    model = Model(DEFAULT_PARAMETERS)
    plan = make_plan(model, PlanInput(TODAY, TODAY + timedelta(days=40), memories(400), 200))
    low = make_plan(
        model, PlanInput(TODAY, TODAY + timedelta(days=40), memories(400), 200, target_recall=0.6)
    )
    assert plan.recall_without_advance > 0.6
    assert low.advanced == 0 and low.predicted_recall == low.recall_without_advance


def test_a_plan_is_the_same_for_the_same_cards_and_day() -> None:
    model = Model(DEFAULT_PARAMETERS)
    spec = PlanInput(TODAY, TODAY + timedelta(days=20), memories(120), 80, target_recall=0.93)
    assert make_plan(model, spec) == make_plan(model, spec)


# -- through the services ------------------------------------------------------------------

BANK = """\
format: 1
id: plan
title: 计划测试
multiple_scoring: partial
questions:
"""


@pytest.fixture
def cadre(services: Services, tmp_path: Path) -> UserInfo:
    lines = [BANK]
    for i in range(60):
        lines.append(
            f"  - {{id: j{i}, type: judge, stem: 第{i}号规定自发布之日起施行。, answer: true,"
            f" explanation: 第{i}号规定的施行日期。}}\n"
        )
    path = tmp_path / "plan.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    services.study.import_banks([path])
    return services.study.ensure_user("李四", "市委办")


def study_days(services: Services, clock: FixedClock, user: UserInfo, days: int) -> None:
    """A cadre who forgets fast: answers each due question, right with a falling chance."""
    rng = random.Random(7)
    study = services.study
    seen: dict[int, date] = {}
    for _day in range(days):
        for pk in study.practice_queue(user, new_per_day=60):
            record = study.question(pk)
            gap = (study.study_day() - seen.get(pk, study.study_day())).days
            right = rng.random() < math.exp(-gap / 6)
            study.record(user.id, record, right, 4000)
            seen[pk] = study.study_day()
        clock.advance(days=1)


def test_optimize_keeps_the_cadres_parameters_schedules_with_them_and_logs_it(
    services: Services, clock: FixedClock, cadre: UserInfo
) -> None:
    plans = services.plans
    with pytest.raises(NotEnoughHistory):
        plans.optimize(cadre, actor="李四")
    assert plans.settings(cadre).parameters is None
    assert plans.events(cadre) == []
    study_days(services, clock, cadre, 80)
    result = plans.optimize(cadre, actor="李四")
    assert result.fitted.log_loss < result.default.log_loss
    assert plans.settings(cadre).parameters == result.parameters
    assert services.study.scheduler_for(cadre).parameters == result.parameters
    (event,) = plans.events(cadre)
    assert (event.actor, event.kind, event.before, event.at) == (
        "李四",
        "optimize",
        "default",
        clock.now(),
    )


def test_the_plan_and_target_come_from_the_cadres_own_history(
    services: Services, clock: FixedClock, cadre: UserInfo
) -> None:
    plans = services.plans
    assert plans.plan(cadre) is None  # no target date yet
    assert plans.seconds_per_answer(cadre) is None  # not until 20 answers are timed
    study_days(services, clock, cadre, 3)
    plans.set_target(cadre, date(2026, 4, 20), 0.9, actor="培训员")
    plan = plans.plan(cadre)
    assert plan is not None and plan.target_date == date(2026, 4, 20)
    assert plan.not_introduced == 0  # 60 new questions a day: all were met
    assert (plan.seconds_per_answer, plan.own_pace) == (4.0, True)  # the cadre's own median
    assert sum(d.reviews for d in plan.days) > 0
    assert all(d.minutes == (d.new + d.reviews + d.advanced) * 4 / 60 for d in plan.days)
    assert 0 < plan.predicted_recall <= 1
    assert plan == plans.plan(cadre)  # reproducible on a fixed clock
    (event,) = plans.events(cadre)
    assert (event.kind, event.after) == ("target", "2026-04-20 0.90")


def test_review_sessions_bring_the_plans_advanced_questions_in_the_last_days(
    services: Services, clock: FixedClock, cadre: UserInfo
) -> None:
    study, plans = services.study, services.plans
    study_days(services, clock, cadre, 10)
    today = study.study_day()
    plans.set_target(cadre, today + timedelta(days=20), 0.97, actor="李四")
    assert plans.advanced_today(cadre) == []  # not yet in the last seven days
    plans.set_target(cadre, today + timedelta(days=1), 0.97, actor="李四")  # the eve: today
    advanced = plans.advanced_today(cadre)
    plan = plans.plan(cadre)
    assert plan is not None and advanced
    assert list(plan.advanced_keys[today]) == advanced
    queue = study.practice_queue(cadre, mode=PracticeMode.REVIEW)
    due = [pk for pk in queue if pk not in advanced]
    assert queue == due + [pk for pk in advanced if pk not in due]
    assert study.stats(cadre).due_now == len(queue) == study.due_now(cadre.id)
    first = advanced[0]
    study.record(cadre.id, study.question(first), True, 4000)
    assert first not in plans.advanced_today(cadre)  # answered today: not brought forward again


def test_true_retention_counts_passes_by_interval_and_period() -> None:
    day = DAY0
    reviews = [
        Review(1, day, 3),
        Review(1, day, 1),  # a same-day repeat: not a review of memory
        Review(1, day + timedelta(days=1), 1),  # 1 day: failed
        Review(1, day + timedelta(days=3), 3),  # 2 days: passed
        Review(2, day, 3),
        Review(2, day + timedelta(days=10), 3),  # 10 days: passed
        Review(3, day + timedelta(days=9), 3),
        Review(3, day + timedelta(days=10), 4),  # 1 day: passed (Easy)
    ]
    rows = {
        row.bucket: row.cells
        for row in retention_table(reviews, day + timedelta(days=10), DEFAULT_PARAMETERS)
    }
    week, month, whole = rows["1 天"]
    assert (whole.reviews, whole.passed, whole.rate) == (2, 1, 0.5)
    assert (week.reviews, week.passed) == (1, 1)  # the failure was ten days ago
    assert month == whole
    assert rows["2–3 天"][2].passed == 1 and rows["8–14 天"][0].reviews == 1
    assert rows["31 天以上"][2].reviews == 0 and rows["31 天以上"][2].rate is None
    predicted = whole.predicted
    assert predicted is not None and 0.5 < predicted < 1  # FSRS expects most 1-day reviews passed


def test_the_simulator_turns_daily_minutes_into_questions_met_and_recall() -> None:
    model = Model(DEFAULT_PARAMETERS)

    def simulate(minutes: float) -> Plan:
        spec = PlanInput(
            TODAY, TODAY + timedelta(days=30), memories(100), 400, daily_minutes=minutes
        )
        return make_plan(model, spec)

    short, long = simulate(3), simulate(30)
    assert short.unmet > 0 and long.unmet == 0
    assert short.predicted_recall < long.predicted_recall
    # the budget holds on every day before the last week's extra reviews
    assert all(d.new == 0 or d.minutes <= 3 for d in short.days[:-7])


def test_more_daily_minutes_never_lower_the_recall_and_the_budget_holds_to_the_date() -> None:
    model = Model(DEFAULT_PARAMETERS)
    budgets = [0, 5, 10, 15, 20, 30, 45, 60, 90, 240]
    plans = [
        make_plan(
            model,
            PlanInput(
                TODAY,
                TODAY + timedelta(days=40),
                memories(400),
                800,
                target_recall=0.95,
                daily_minutes=minutes,
            ),
        )
        for minutes in budgets
    ]
    recalls = [plan.predicted_recall for plan in plans]
    assert recalls == sorted(recalls) and recalls[0] < recalls[-1]
    assert plans[-1].advanced > 0  # enough minutes: the last days' extra reviews fit
    for minutes, plan in zip(budgets, plans, strict=True):
        # the due reviews always happen; new questions and extra reviews only within the budget
        assert all(d.minutes <= minutes + 1e-9 for d in plan.days if d.new or d.advanced)


def test_the_simulator_reads_once_and_gives_the_plan_for_each_choice(
    services: Services, clock: FixedClock, cadre: UserInfo
) -> None:
    study_days(services, clock, cadre, 3)
    until = services.study.study_day() + timedelta(days=30)
    steps: list[tuple[int, int]] = []
    plans = services.plans.simulate(
        cadre, until, [5, None], 0.85, lambda done, total, _what: steps.append((done, total))
    )
    assert plans == [
        services.plans.plan(cadre, until, daily_minutes=5, retention=0.85),
        services.plans.plan(cadre, until, retention=0.85),
    ]
    assert steps == [(0, 2), (1, 2)]
    assert services.plans.simulate(cadre, None, [5]) is None  # no target date saved
