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
