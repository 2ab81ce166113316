"""Cohort readiness (备考准备): recall on the target date per unit and tag, who is behind plan,
the weakest tags and participation, from synthetic histories on a fixed clock."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from data.reports.cohort import TAGS, seed_cohort
from jgstudy.core.clock import FixedClock
from jgstudy.core.records import UserInfo
from jgstudy.core.reports import ReportFilter
from jgstudy.core.reports.cohort import (
    ACTIVE_DAYS,
    WINDOW_DAYS,
    CadreProgress,
    CohortInputs,
    build_cohort,
    lower_quartile,
    names_rule,
)
from jgstudy.core.scheduling.fit import DEFAULT_PARAMETERS
from jgstudy.core.scheduling.forecast import Memory, Model, Plan, PlanInput, make_plan
from jgstudy.core.services import Services
from jgstudy.core.storage import plan_repo
from peek import clock_of, engine_of

TODAY = date(2026, 3, 2)
TARGET = TODAY + timedelta(days=20)
MODEL = Model(DEFAULT_PARAMETERS)


def plan_for(
    strong: dict[int, float], total: int, until: date = TARGET, minutes: float | None = None
) -> Plan:
    """A plan where the questions in ``strong`` were met (at that stability) and the rest not."""
    memories = [
        Memory(s, 5.0, TODAY - timedelta(days=1), TODAY + timedelta(days=round(s)), pk)
        for pk, s in strong.items()
    ]
    return make_plan(
        MODEL,
        PlanInput(
            TODAY,
            until,
            memories,
            not_introduced=total - len(memories),
            target_recall=0.8,
            daily_minutes=minutes,
        ),
    )


def test_a_question_not_yet_met_counts_the_plans_new_question_recall() -> None:
    plan = plan_for({1: 30.0, 2: 30.0}, total=4)
    assert set(plan.recall_by_key) == {1, 2}
    total = sum(plan.recall_by_key.values()) + 2 * plan.recall_of_new
    assert total / 4 == pytest.approx(plan.predicted_recall)  # the plan's own average


def test_a_recent_pace_introduces_new_questions_at_that_rate() -> None:
    plan = make_plan(MODEL, PlanInput(TODAY, TARGET, [], not_introduced=30, new_rate=0.5))
    assert [d.new for d in plan.days[:4]] == [0, 1, 0, 1]  # one every other day
    assert plan.unmet == 30 - 10  # twenty days: ten met, the rest count as not recalled
    assert plan.predicted_recall < 10 / 30


# -- the pure function over records --------------------------------------------------------

QUESTIONS = {1: ("党章",), 2: ("党章",), 3: ("法规",), 4: ("法规",), 5: ()}


def inputs(cadres: list[CadreProgress], difficulty: dict[int, float]) -> CohortInputs:
    return CohortInputs(cadres, QUESTIONS, difficulty)


def test_weakest_tags_follow_one_minus_recall_times_difficulty() -> None:
    plans = [
        plan_for({1: 60.0, 2: 40.0, 3: 2.0, 4: 1.0, 5: 9.0}, 5),
        plan_for({1: 30.0, 3: 5.0}, 5),  # questions 2, 4 and 5 not yet met
    ]
    cadres = [CadreProgress(i, f"学员{i}", "审计局", p, 10, 0) for i, p in enumerate(plans)]
    difficulty = {1: 0.2, 2: 0.4, 3: 0.7, 4: 0.5}  # question 5 unanswered: the mean, 0.45
    (unit,) = build_cohort(inputs(cadres, difficulty), lambda _u: True).units

    def recall(q: int) -> float:  # R̄: over the unit's cadres
        return sum(p.recall_by_key.get(q, p.recall_of_new) for p in plans) / len(plans)

    d = {**difficulty, 5: 0.45}
    expected = {
        tag: sum((1 - recall(q)) * d[q] for q in qs) / len(qs)
        for tag, qs in (("党章", (1, 2)), ("法规", (3, 4)), ("（无标签）", (5,)))
    }
    assert {t.tag: t.weakness for t in unit.tags} == pytest.approx(expected)
    assert [t.tag for t in unit.tags] == sorted(expected, key=lambda t: -expected[t])
    assert [t.order for t in unit.tags] == [1, 2, 3]
    assert {t.tag: t.difficulty for t in unit.tags}["法规"] == pytest.approx(0.6)
    law = next(t for t in unit.tags if t.tag == "法规")
    per_cadre = [(p.recall_by_key[3] + p.recall_by_key.get(4, p.recall_of_new)) / 2 for p in plans]
    assert law.mean_recall == pytest.approx(sum(per_cadre) / 2)
    assert law.low_recall == pytest.approx(lower_quartile(per_cadre))


def test_difficulty_outweighs_recall_when_the_forgotten_tag_is_easy() -> None:
    # 党章 is forgotten but answered right at first sight (D = 0.05); 法规 is remembered a
    # little better but hard (D = 0.9): 法规 is the weaker tag, as the formula says.
    tomorrow = TODAY + timedelta(days=1)  # no review before the date: recall is the memory's
    plans = [plan_for({1: 1.0, 2: 1.0, 3: 4.0, 4: 4.0, 5: 60.0}, 5, tomorrow)]
    cadres = [CadreProgress(1, "甲", "审计局", plans[0], 10, 0)]
    difficulty = {1: 0.05, 2: 0.05, 3: 0.9, 4: 0.9, 5: 0.5}
    (unit,) = build_cohort(inputs(cadres, difficulty), lambda _u: True).units
    by_tag = {t.tag: t for t in unit.tags}
    assert by_tag["党章"].mean_recall < by_tag["法规"].mean_recall
    assert unit.tags[0].tag == "法规"


def test_behind_plan_by_pace_or_by_recall_and_on_track_is_not_listed() -> None:
    far = plan_for({1: 3.0}, total=5)  # four questions never met, needs new ones every day
    done = plan_for({q: 90.0 for q in QUESTIONS}, total=5)  # all met, remembered well
    cadres = [
        CadreProgress(1, "落后者", "审计局", far, study_days=1, new_questions=0),
        CadreProgress(2, "按计划", "审计局", done, study_days=12, new_questions=5),
        CadreProgress(3, "未设目标", "审计局", None, study_days=0, new_questions=0),
    ]
    (unit,) = build_cohort(inputs(cadres, {}), lambda _u: True).units
    assert [b.name for b in unit.behind] == ["落后者"]
    (behind,) = unit.behind
    assert behind.needed_new_per_day == far.new_per_day > 0
    assert "近 14 天平均每天 0.0 道" in behind.reasons[0]
    assert (unit.cadres, unit.planned, unit.behind_count) == (3, 2, 1)
    assert unit.mean_recall == pytest.approx((far.predicted_recall + done.predicted_recall) / 2)
    assert unit.low_recall == pytest.approx(
        lower_quartile([far.predicted_recall, done.predicted_recall])
    )
    assert unit.low_recall is not None and unit.mean_recall is not None
    assert unit.low_recall <= unit.mean_recall
    assert unit.participation == pytest.approx(1 / 3)  # one of three studied >= 7 of 14 days


def test_recall_is_forecast_at_the_recent_pace_not_as_if_the_plan_were_kept() -> None:
    plan = plan_for({1: 30.0}, total=5)  # kept to, it meets every question in time
    idle = plan_for({1: 30.0}, total=5, minutes=0.0)  # at no new questions a day
    assert idle.predicted_recall < plan.target_recall <= plan.predicted_recall
    cadre = CadreProgress(1, "甲", "审计局", plan, 2, 0, at_pace=idle)
    (unit,) = build_cohort(inputs([cadre], {}), lambda _u: True).units
    assert unit.mean_recall == idle.predicted_recall
    (behind,) = unit.behind
    assert behind.predicted_recall == idle.predicted_recall
    assert any("按近期进度预计掌握" in r for r in behind.reasons)


def test_names_only_for_the_units_trainer() -> None:
    far = plan_for({1: 3.0}, total=5)
    cadres = [
        CadreProgress(1, "甲", "审计局", far),
        CadreProgress(2, "乙", "财政局", far),
    ]
    data = inputs(cadres, {})
    overview = build_cohort(data, names_rule(None, None))
    assert [u.behind_count for u in overview.units] == [1, 1]
    assert overview.behind == ()  # several units, nobody's trainer: counts only
    one_unit = build_cohort(data, names_rule(None, "财政局"))
    assert [b.name for b in one_unit.behind] == ["乙"]
    assert build_cohort(data, names_rule("trainer", None)).behind  # RLS: their unit only
    assert build_cohort(data, names_rule("cadre", "审计局")).behind == ()


def test_lower_quartile() -> None:
    assert lower_quartile([0.5]) == 0.5
    assert lower_quartile([0.2, 0.4, 0.6, 0.8, 1.0]) == pytest.approx(0.4)


# -- through the services, on a fixed clock ------------------------------------------------


@pytest.fixture
def unit(services: Services, clock: FixedClock, tmp_path: Path) -> dict[str, UserInfo]:
    return seed_cohort(services, clock, tmp_path)


def test_the_units_trainer_report_names_the_cadre_far_behind_and_not_the_one_on_track(
    services: Services, unit: dict[str, UserInfo]
) -> None:
    report = services.reports.build(ReportFilter(unit="审计局"))
    assert report.cohort is not None
    (audit,) = report.cohort.units
    assert [b.name for b in audit.behind] == ["落后者"]
    assert audit.names_shown and audit.planned == 2
    assert audit.regular == 1 and audit.participation == 0.5  # ACTIVE_DAYS of the last 14
    assert ACTIVE_DAYS <= WINDOW_DAYS
    assert [t.tag for t in audit.tags] and {t.tag for t in audit.tags} == set(TAGS)
    assert audit.mean_recall is not None and audit.low_recall is not None
    assert 0 < audit.low_recall <= audit.mean_recall < 1
    (behind,) = audit.behind  # at their pace (none lately) 落后者 will know less
    assert behind.predicted_recall < audit.mean_recall
    # reproducible on the fixed clock
    assert services.reports.build(ReportFilter(unit="审计局")).cohort == report.cohort


def test_an_overview_of_every_unit_counts_without_names(
    services: Services, unit: dict[str, UserInfo]
) -> None:
    report = services.reports.build(ReportFilter())
    assert report.cohort is not None
    assert [(u.unit, u.behind_count, u.names_shown) for u in report.cohort.units] == [
        ("审计局", 1, False),
        ("财政局", 0, False),
    ]
    assert report.cohort.behind == ()


def test_a_cadre_with_fitted_parameters_is_forecast_with_them(
    services: Services, unit: dict[str, UserInfo]
) -> None:
    """The cohort forecasts each cadre with their own FSRS parameters once fitted."""
    cadre = unit["财政"]
    default = services.reports.build(ReportFilter(unit="财政局")).cohort
    forgetful = list(DEFAULT_PARAMETERS)
    forgetful[20] = 0.8  # a steeper forgetting curve than the defaults'
    with engine_of(services).begin() as conn:
        plan_repo.put_parameters(conn, cadre.id, tuple(forgetful), clock_of(services).now())
    services.study.forget_parameters(cadre.id)
    fitted = services.reports.build(ReportFilter(unit="财政局")).cohort
    assert default is not None and fitted is not None
    own = services.plans.plan(cadre)
    assert own is not None and fitted.units[0].mean_recall == own.predicted_recall
    assert fitted.units[0].mean_recall != default.units[0].mean_recall
