"""Report figures per cadre and per unit, on a known history (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from data.reports import seed
from data.reports.seed import EXAM_ID, EXAM_TITLE, IDLE, TRAINER, seed_history
from jgstudy.core.reports import Report, ReportFilter, build_report
from jgstudy.core.reports.cadres import CadreReport, median_ms
from jgstudy.core.reports.units import competition_ranks
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.storage.study_repo import get_card
from peek import clock_of, context_of, engine_of

NOW = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)  # Friday 10:00 in Beijing
BEIJING = timezone(timedelta(hours=8))

# Scores by hand from the seed's rules: right answers / answers (practice, `bad`, exam, repeat).
SCORES = {
    "张伟": 100 * 10 / 11,
    "王芳": 80.0,
    "李娜": 60.0,
    "刘洋": 30.0,
    "杨帆": 90.0,
    "赵磊": 50.0,
    "黄敏": 40.0,
    "周杰": 30.0,
}


@pytest.fixture
def seeded(service: StudyService) -> StudyService:
    seed_history(service)
    return service


def report(service: StudyService, **filters: object) -> Report:
    return build_report(
        engine_of(service),
        ReportFilter(**filters),
        NOW,
        tz=context_of(service).local_tz,
    )


def by_name(rep: Report) -> dict[str, CadreReport]:
    return {c.name: c for c in rep.cadres}


def test_scores_are_accuracy_in_the_period_and_trainers_are_not_cadres(
    seeded: StudyService,
) -> None:
    cadres = by_name(report(seeded))
    assert TRAINER not in cadres
    assert {n: c.score for n, c in cadres.items() if c.score is not None} == pytest.approx(SCORES)
    assert cadres[IDLE.name].score is None
    assert cadres[IDLE.name].answers == 0


def test_units_rank_by_the_mean_of_their_participants_scores(seeded: StudyService) -> None:
    rep = report(seeded, min_answers=10)
    audit, finance = rep.units
    assert (audit.unit, audit.rank, finance.unit, finance.rank) == ("审计局", 1, "财政局", 2)
    assert audit.average_score == pytest.approx((100 * 10 / 11 + 80 + 60 + 30) / 4)
    assert finance.average_score == pytest.approx(52.5)
    assert (audit.cadres, audit.participants, audit.completed) == (5, 4, 4)
    assert audit.completion == pytest.approx(0.8)  # the idle cadre counts against completion
    assert finance.completion == 1.0


def test_completion_needs_n_answers(seeded: StudyService) -> None:
    rep = report(seeded, min_answers=11)
    assert [c.name for c in rep.cadres if c.completed] == ["张伟"]


def test_cadres_are_ranked_within_their_unit_when_asked(seeded: StudyService) -> None:
    ranked = [(c.unit, c.rank, c.name) for c in report(seeded, rank_cadres=True).cadres]
    assert ranked == [
        ("审计局", 1, "张伟"),
        ("审计局", 2, "王芳"),
        ("审计局", 3, "李娜"),
        ("审计局", 4, "刘洋"),
        ("审计局", None, "陈静"),
        ("财政局", 1, "杨帆"),
        ("财政局", 2, "赵磊"),
        ("财政局", 3, "黄敏"),
        ("财政局", 4, "周杰"),
    ]


def test_by_default_no_cadre_is_ranked_and_they_are_listed_by_name(
    seeded: StudyService,
) -> None:
    cadres = report(seeded).cadres
    assert all(c.rank is None for c in cadres)
    listed = [(c.unit, c.name) for c in cadres]
    assert listed == sorted(listed)
    assert [u.rank for u in report(seeded).units] == [1, 2]  # units are still ranked


def test_a_cadres_activity_tags_speed_and_streak(seeded: StudyService) -> None:
    wang = by_name(report(seeded))["王芳"]
    assert wang.per_day == {date(2026, 3, d): n for d, n in ((2, 3), (3, 2), (4, 2), (5, 3))}
    assert wang.streak_days == 4  # 2–5 March; none yet on Friday the 6th
    tags = {t.tag: (t.answers, t.correct) for t in wang.by_tag}
    assert tags == {"理论学习": (6, 5), "清廉机关": (4, 3)}
    # 8000 ms three times, then 10000..10600: the median falls between 10100 and 10200.
    assert wang.median_ms == pytest.approx(10_200)
    assert [e.percent for e in wang.exams] == pytest.approx([100.0])


def test_estimated_knowledge_is_the_mean_fsrs_retrievability_in_30_days(
    seeded: StudyService,
) -> None:
    rep = report(seeded)
    user = seeded.find_user("刘洋")
    assert user is not None
    with engine_of(seeded).connect() as conn:
        pks = [pk for pk in range(1, 100) if get_card(conn, user.id, pk) is not None]
        states = [card.state for pk in pks if (card := get_card(conn, user.id, pk))]
    in_30_days = NOW + timedelta(days=30)
    expected = sum(Scheduler().retrievability(s, in_30_days) for s in states) / len(states)
    liu = by_name(rep)["刘洋"]
    assert liu.knowledge == pytest.approx(expected)
    assert all(0.0 < (t.retrievability or 0) < 1.0 for t in liu.by_tag)
    assert by_name(rep)[IDLE.name].knowledge is None


def test_dates_are_local_days_inclusive(seeded: StudyService) -> None:
    zhao = seeded.find_user("赵磊")
    assert zhao is not None
    late = datetime(2026, 3, 3, 15, 30, tzinfo=UTC)  # 23:30 on 3 March in Beijing
    clock_of(seeded).set(late)
    seeded.record(zhao.id, seeded.question(1), "A", 5_000)
    rep = report(seeded, date_from=date(2026, 3, 3), date_to=date(2026, 3, 3))
    cadres = by_name(rep)
    assert cadres["赵磊"].per_day == {date(2026, 3, 3): 3}
    assert {c.answers for n, c in cadres.items() if n not in ("赵磊", IDLE.name)} == {2}
    assert cadres["张伟"].streak_days == 1  # the streak at the end of the period


def test_one_exam_only(seeded: StudyService) -> None:
    for wanted in (EXAM_ID, EXAM_TITLE):
        rep = report(seeded, exam=wanted)
        cadres = by_name(rep)
        assert rep.title == f"考试成绩报告：{EXAM_TITLE}"
        assert {c.answers for n, c in cadres.items() if n != IDLE.name} == {3}
        assert cadres["李娜"].score == pytest.approx(200 / 3)
        assert cadres["周杰"].score is None  # started, never handed in
        assert [c.name for c in rep.cadres if not c.completed] == ["陈静", "周杰"]
        assert sorted(i.qid for i in rep.items) == ["q1", "q2", "q3"]
        assert rep.summary.exams_finished == 7


def test_an_unknown_exam_gives_an_empty_report(seeded: StudyService) -> None:
    rep = report(seeded, exam="no-such-exam")
    assert rep.exams == () and rep.items == () and rep.summary.participants == 0


def test_one_unit_only(seeded: StudyService) -> None:
    rep = report(seeded, unit="财政局")
    assert [u.unit for u in rep.units] == ["财政局"]
    assert {c.unit for c in rep.cadres} == {"财政局"}
    assert all(e.unit == "财政局" for e in rep.exams)
    assert {i.cadres for i in rep.items} == {4}


def test_summary_and_distribution(seeded: StudyService) -> None:
    rep = report(seeded)
    s = rep.summary
    assert (s.cadres, s.participants, s.units, s.flagged_items) == (9, 8, 2, 1)
    assert s.average_score == pytest.approx(sum(SCORES.values()) / 8)
    assert dict(rep.distribution) == {"<60": 4, "60–69": 1, "70–79": 0, "80–89": 1, "90–100": 2}


def test_an_empty_database_gives_an_empty_report(service: StudyService) -> None:
    rep = report(service)
    assert rep.cadres == () and rep.units == () and rep.summary.average_score is None


def test_filters_are_checked() -> None:
    with pytest.raises(ValueError, match="开始日期晚于结束日期"):
        ReportFilter(date_from=date(2026, 3, 5), date_to=date(2026, 3, 1))
    since, until = ReportFilter(date_from=date(2026, 3, 3), date_to=date(2026, 3, 3)).period(
        BEIJING
    )
    assert (since, until) == (
        datetime(2026, 3, 2, 16, tzinfo=UTC),
        datetime(2026, 3, 3, 16, tzinfo=UTC),
    )


def test_ties_share_a_rank() -> None:
    assert competition_ranks([90.0, 90.04, 80.0, None]) == [1, 1, 3, None]


def test_median_from_buckets() -> None:
    assert median_ms({}) is None
    assert median_ms({10: 1}) == 1050
    assert median_ms({10: 1, 20: 1}) == 1550
    assert median_ms({10: 2, 30: 1}) == 1050


def test_the_report_is_built_from_a_connection_as_well(seeded: StudyService) -> None:
    with engine_of(seeded).connect() as conn:
        rep = build_report(conn, ReportFilter(), NOW, tz=context_of(seeded).local_tz)
    assert rep == report(seeded)


def test_the_period_and_unit_texts(seeded: StudyService) -> None:
    rep = report(seeded, unit="审计局", date_from=date(2026, 3, 1))
    assert (rep.unit_text, rep.period_text) == ("审计局", "2026-03-01 至 今天")
    assert report(seeded).period_text == "全部时间"
    assert rep.local(NOW) == datetime(2026, 3, 6, 10, 0)
    assert rep.generated_at == NOW


def test_days_before_the_first_answer_count_nothing(seeded: StudyService) -> None:
    rep = report(seeded, date_to=seed.DAY0.date() - timedelta(days=1))
    assert rep.summary.answers == 0
