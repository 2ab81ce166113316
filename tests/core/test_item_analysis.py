"""Item analysis: facility, discrimination, the most chosen wrong option, and the wrong key."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from data.reports.seed import seed_history
from jgstudy.core.model import JudgeQuestion, MultipleQuestion, MultipleScoring, SingleQuestion
from jgstudy.core.records import QuestionRecord
from jgstudy.core.reports import ReportFilter, build_report
from jgstudy.core.reports.items import (
    FirstAnswer,
    ItemStats,
    analyse_items,
    choice_label,
    discrimination,
)
from jgstudy.core.service import StudyService
from peek import context_of, engine_of

NOW = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)


def single(qid: str = "s", key: str = "B") -> QuestionRecord:
    question = SingleQuestion(
        id=qid,
        type="single",
        stem="题干",
        options={"A": "甲", "B": "乙", "C": "丙"},
        answer=key,  # type: ignore[arg-type]
        explanation="解析",
    )
    return QuestionRecord(1, "bank", question, (), MultipleScoring.ALL_OR_NOTHING)


def answers(pk: int, given: dict[int, tuple[str, bool]]) -> list[FirstAnswer]:
    return [FirstAnswer(u, pk, json.dumps(a), ok) for u, (a, ok) in given.items()]


@pytest.fixture
def items(service: StudyService) -> dict[str, ItemStats]:
    seed_history(service)
    rep = build_report(engine_of(service), ReportFilter(), NOW, tz=context_of(service).local_tz)
    return {item.qid: item for item in rep.items}


def test_the_question_with_a_wrong_key_is_flagged_and_no_other(
    items: dict[str, ItemStats],
) -> None:
    assert [qid for qid, item in items.items() if item.needs_checking] == ["bad"]
    bad = items["bad"]
    assert bad.facility == pytest.approx(3 / 8)
    assert bad.discrimination == pytest.approx(-1.0)
    assert (bad.key, bad.top_wrong, bad.top_wrong_count, bad.key_count) == ("B", "C", 5, 3)
    assert len(bad.flags) == 2
    assert "区分度为负" in bad.flags[0]
    assert "错误选项 C" in bad.flags[1] and "正确答案 B" in bad.flags[1]


def test_flagged_questions_come_first_then_the_hardest(items: dict[str, ItemStats]) -> None:
    order = list(items)
    assert order[0] == "bad"
    facilities = [items[q].facility for q in order[1:]]
    assert facilities == sorted(facilities)


def test_attempts_count_every_answer_but_figures_use_first_answers(
    items: dict[str, ItemStats],
) -> None:
    q1 = items["q1"]
    # 8 practice answers, one repeat by 张伟, 8 exam answers; the trainer's answer is left out.
    assert (q1.attempts, q1.cadres, q1.facility) == (17, 8, 1.0)
    assert q1.discrimination == 0.0
    # Upper third: 张伟 and 杨帆 (right) tie with 王芳 (wrong) on the rest of the set, so the
    # two upper places get that block's mean 2/3; the two lowest cadres answered wrong.
    assert items["q6"].discrimination == pytest.approx(2 / 3)
    assert items["q6"].top_wrong is None  # fill-in questions have no options to count
    assert items["q5"].top_wrong == "错误"


def test_mean_time_is_over_all_answers(items: dict[str, ItemStats]) -> None:
    # q6 (index 5) in practice only: 20000 - 2000*skill + 500 over the eight cadres' skills.
    skills = [6, 5, 4, 1, 6, 3, 2, 1]
    expected = sum(20_000 - 2_000 * s + 500 for s in skills) / len(skills)
    assert items["q6"].mean_ms == pytest.approx(expected)


def test_discrimination_is_upper_third_minus_lower_third_on_the_rest_of_the_set() -> None:
    # Six cadres; their right answers on two *other* questions set the order.
    others = {u: (2 - min(u, 2), 2) for u in range(6)}  # users 0..1 strong, 2..5 weak
    given = {0: ("A", False), 1: ("A", False)} | {u: ("B", True) for u in range(2, 6)}
    item = answers(9, given)
    totals = {
        u: (r + a.correct, n + 1) for (u, (r, n)), a in zip(others.items(), item, strict=True)
    }
    assert discrimination(item, totals) == pytest.approx(-1.0)


def test_tied_cadres_share_their_place_whoever_is_listed_first() -> None:
    forward = answers(9, {u: ("B", u < 2) for u in range(6)})
    backward = answers(9, {u: ("B", u >= 4) for u in range(6)})
    for item in (forward, backward):
        # One right answer out of two other questions each: every rest score is 1/2.
        totals = {a.user_id: (1 + a.correct, 3) for a in item}
        assert discrimination(item, totals) == 0.0


def test_discrimination_needs_six_rankable_cadres() -> None:
    item = answers(9, {u: ("B", u < 3) for u in range(5)})
    totals = {u: (int(u < 3) + 1, 3) for u in range(5)}
    assert discrimination(item, totals) is None
    one_question_only = answers(9, {u: ("B", True) for u in range(8)})
    assert discrimination(one_question_only, {u: (1, 1) for u in range(8)}) is None


def test_a_wrong_option_is_flagged_only_with_enough_answers() -> None:
    record = single(key="B")
    few = answers(1, {0: ("A", False), 1: ("A", False), 2: ("B", True)})
    assert analyse_items(few, {1: record}, {})[0].flags == ()
    many = answers(1, {u: ("A", False) for u in range(4)} | {9: ("B", True)})
    (item,) = analyse_items(many, {1: record}, {})
    assert item.needs_checking
    assert (item.top_wrong, item.top_wrong_count, item.key_count) == ("A", 4, 1)


def test_a_hard_question_with_spread_wrong_answers_is_not_flagged() -> None:
    given = {0: ("A", False), 1: ("C", False), 2: ("A", False), 3: ("C", False), 4: ("B", True)}
    given |= {5: ("B", True), 6: ("B", True)}
    (item,) = analyse_items(answers(1, given), {1: single(key="B")}, {1: (9, 4000.0)})
    assert not item.needs_checking
    assert (item.attempts, item.mean_ms, item.cadres) == (9, 4000.0, 7)


def test_choice_labels() -> None:
    options = {"A": "a", "B": "b", "C": "c"}
    multiple = MultipleQuestion(
        id="m", type="multiple", stem="题", options=options, answer=("A", "C"), explanation="解"
    )
    judge = JudgeQuestion(id="j", type="judge", stem="题", answer=True, explanation="解")
    rec = QuestionRecord(2, "b", multiple, (), MultipleScoring.ALL_OR_NOTHING)
    assert choice_label(rec, json.dumps(["C", "A"])) == "AC"
    assert choice_label(rec, "[]") == "（未选）"
    assert choice_label(rec, "not json") is None
    judged = QuestionRecord(3, "b", judge, (), MultipleScoring.ALL_OR_NOTHING)
    assert choice_label(judged, "false") == "错误"
    assert choice_label(single(), '"C"') == "C"
