"""Grading: what counts as right for each type, and how partial credit works."""

from __future__ import annotations

import pytest

from jgstudy.core.grading import (
    ShortResponse,
    grade,
    normalise,
    response_from_json,
    response_to_json,
)
from jgstudy.core.model import (
    FillQuestion,
    JudgeQuestion,
    Keyword,
    MultipleQuestion,
    MultipleScoring,
    ShortQuestion,
    SingleQuestion,
)

COMMON = {"explanation": "解析", "points": 2.0}
SINGLE = SingleQuestion(
    id="s", type="single", stem="?", options={"A": "甲", "B": "乙"}, answer="B", **COMMON
)
MULTI = MultipleQuestion(
    id="m",
    type="multiple",
    stem="?",
    options={"A": "a", "B": "b", "C": "c", "D": "d"},
    answer=("A", "C", "D"),
    **COMMON,
)
JUDGE = JudgeQuestion(id="j", type="judge", stem="?", answer=False, **COMMON)
FILL = FillQuestion(
    id="f",
    type="fill",
    stem="{{1}}场，{{2}}",
    blanks=(("3100", "三千一百"), ("理响潮声",)),
    **COMMON,
)
SHORT = ShortQuestion(
    id="h",
    type="short",
    stem="?",
    reference="r",
    keywords=(Keyword(word="警示教育"), Keyword(word="旁听庭审", aliases=("庭审",))),
    **COMMON,
)


def test_single_choice_is_right_only_for_the_key() -> None:
    assert grade(SINGLE, "B").correct
    assert grade(SINGLE, "B").score == 2.0
    assert not grade(SINGLE, "A").correct
    assert grade(SINGLE, "A").score == 0.0


def test_multiple_choice_all_or_nothing_by_default() -> None:
    assert grade(MULTI, frozenset("ACD")).score == 2.0
    assert grade(MULTI, frozenset("AC")).score == 0.0
    assert not grade(MULTI, frozenset("AC")).correct


def test_multiple_choice_partial_gives_half_for_a_clean_subset() -> None:
    assert grade(MULTI, frozenset("AC"), MultipleScoring.PARTIAL).score == 1.0
    assert not grade(MULTI, frozenset("AC"), MultipleScoring.PARTIAL).correct
    # a wrong pick earns nothing, even with right ones beside it
    assert grade(MULTI, frozenset("AB"), MultipleScoring.PARTIAL).score == 0.0
    assert grade(MULTI, frozenset(), MultipleScoring.PARTIAL).score == 0.0


def test_judge_compares_booleans() -> None:
    assert grade(JUDGE, False).correct
    assert not grade(JUDGE, True).correct


@pytest.mark.parametrize("given", ["３１００", " 3100 ", "三千一百", "3,100"])
def test_fill_ignores_width_spaces_and_punctuation(given: str) -> None:
    result = grade(FILL, (given, "“理响潮声”"))
    assert result.correct
    assert result.blank_results == (True, True)


def test_fill_reports_each_blank() -> None:
    result = grade(FILL, ("3100", "理想潮声"))
    assert not result.correct
    assert result.blank_results == (True, False)
    assert grade(FILL, ("3100",)).blank_results == (True, False)


def test_normalise_keeps_decimal_points_and_folds_case() -> None:
    assert normalise("72.7%") == "72.7"
    assert normalise("７２．７％") == "72.7"
    assert normalise("ABC，def") == "abcdef"
    assert normalise("72.7") != normalise("727")


def test_short_answer_uses_the_cadres_verdict_and_scores_keywords() -> None:
    result = grade(SHORT, ShortResponse("开展警示教育，组织庭审旁听和庭审", knew=True))
    assert result.correct
    assert result.keywords_found == ("警示教育", "旁听庭审")
    assert result.score == 2.0
    half = grade(SHORT, ShortResponse("警示教育", knew=False))
    assert not half.correct
    assert half.score == 1.0


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (SINGLE, "A"),
        (MULTI, frozenset("AD")),
        (JUDGE, True),
        (FILL, ("1", "2")),
        (SHORT, ShortResponse("文字", knew=True)),
    ],
)
def test_responses_round_trip_through_json(question, response) -> None:  # type: ignore[no-untyped-def]
    assert response_from_json(question, response_to_json(response)) == response


# nx-049 of the bundled bank, with only the Arabic key: the numerals must be recognised.
READING = FillQuestion(
    id="nx-049",
    type="fill",
    stem="2025年市直单位组织青年读书活动{{1}}场。",
    blanks=(("773",),),
    **COMMON,
)
PAREN = FillQuestion(
    id="p",
    type="fill",
    stem="全市累计服务（　）人次，惠及（ ）家企业。",
    blanks=(("二百零一",), ("47",)),
    **COMMON,
)


@pytest.mark.parametrize("given", ["773", "773场", "七百七十三", "七百七十三场", "７７３ 场"])
def test_fill_accepts_the_stems_own_measure_word_and_chinese_numerals(given: str) -> None:
    assert grade(READING, (given,)).correct


@pytest.mark.parametrize("given", ["774", "773本", "场", "七百七十", "七七三场场"])
def test_fill_still_refuses_other_numbers_and_other_units(given: str) -> None:
    assert not grade(READING, (given,)).correct


def test_fill_numerals_and_units_with_bracket_blanks() -> None:
    for first in ("二百零一", "两百零一", "201", "201人次", "两百零一人次"):
        assert grade(PAREN, (first, "47家")).correct, first
    assert grade(PAREN, ("210", "47")).blank_results == (False, True)
    assert grade(PAREN, ("201", "四十七家企业")).correct  # everything the stem places after


def test_fill_words_that_are_not_numbers_are_compared_as_text() -> None:
    plan = FillQuestion(id="t", type="fill", stem="{{1}}规划", blanks=(("十四五",),), **COMMON)
    assert grade(plan, ("十四五",)).correct
    assert grade(plan, ("十四五规划",)).correct
    assert not grade(plan, ("145",)).correct
