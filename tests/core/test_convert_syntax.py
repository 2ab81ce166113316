"""The cell syntax a trainer types: types, answers, blanks, keywords, difficulty."""

from __future__ import annotations

import pytest

from jgstudy.core.convert import syntax
from jgstudy.core.convert.validate import content_id
from jgstudy.core.model import Keyword, QType


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("单选", QType.SINGLE),
        ("单选题", QType.SINGLE),
        ("单项选择题", QType.SINGLE),
        ("多选题", QType.MULTIPLE),
        ("判断题", QType.JUDGE),
        ("填空题", QType.FILL),
        ("简答题", QType.SHORT),
        ("问答题", QType.SHORT),
        (" 判断 ", QType.JUDGE),
    ],
)
def test_question_types_in_chinese(text: str, qtype: QType) -> None:
    assert syntax.parse_type(text) is qtype


def test_unknown_type_is_not_guessed() -> None:
    assert syntax.parse_type("论述题") is None


@pytest.mark.parametrize("text", ["ACD", "A,C,D", "A、C、D", "a c d", "ＡＣＤ", "A，C；D"])
def test_choice_answers_in_every_usual_spelling(text: str) -> None:
    assert syntax.parse_choice(text) == ["A", "C", "D"]


def test_choice_answer_keeps_the_written_order() -> None:
    assert syntax.parse_choice("CA") == ["C", "A"]
    assert syntax.parse_choice("对") is None


TRUE_WORDS = ["正确", "对", "√", "T", "true"]
FALSE_WORDS = ["错误", "错", "×", "F", "FALSE"]


@pytest.mark.parametrize(
    ("text", "value"), [*((w, True) for w in TRUE_WORDS), *((w, False) for w in FALSE_WORDS)]
)
def test_judge_words(text: str, value: bool) -> None:
    assert syntax.parse_judge(text) is value


def test_fill_answers_split_by_blank_then_alternative() -> None:
    assert syntax.parse_blanks("640|六百四十；五个中心") == [["640", "六百四十"], ["五个中心"]]
    assert syntax.parse_blanks("a;b") == [["a"], ["b"]]
    assert syntax.format_blanks([["640", "六百四十"], ["五个中心"]]) == "640|六百四十；五个中心"


def test_keywords_with_aliases_and_points_read_back_as_written() -> None:
    keywords = (
        Keyword(word="总抓手", points=2, aliases=("凝心铸魂", "对标争先")),
        Keyword(word="五个中心"),
    )
    text = syntax.format_keywords(keywords)
    assert text == "总抓手|凝心铸魂|对标争先（2分）、五个中心"
    parsed = [Keyword.model_validate(k) for k in syntax.parse_keywords(text)]
    assert tuple(parsed) == keywords


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("5", 5),
        ("3.0", 3),
        ("易", 2),
        ("中", 3),
        ("难", 4),
        ("适中", 3),
        ("较难", 4),
        ("较易", 2),
        ("高", 4),
        ("低", 2),
        ("很难", 5),
        ("难度适中", 3),
        ("★★★", 3),
    ],
)
def test_difficulty_numbers_and_words(text: str, value: int) -> None:
    assert syntax.parse_difficulty(text) == value


def test_difficulty_that_is_no_number_is_rejected() -> None:
    assert syntax.parse_difficulty("很棒") is None
    assert syntax.parse_difficulty("2.5") is None
    assert syntax.parse_difficulty("9") is None


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("一、党的创立", ["一、党的创立"]),
        ("第十二章、总论、党史", ["第十二章、总论", "党史"]),
        ("十五五、二十届", ["十五五", "二十届"]),
        ("党史、理论", ["党史", "理论"]),
    ],
)
def test_chapter_heading_numbering_is_not_a_separator(text: str, tags: list[str]) -> None:
    assert syntax.split_tags(text) == tags


def test_underscore_blanks_become_numbered_markers() -> None:
    stem = "工委以____为重点，以（ ）为抓手，共（___）场"
    assert syntax.mark_blanks(stem) == "工委以{{1}}为重点，以（ ）为抓手，共{{3}}场"
    assert syntax.mark_blanks("只有两条下划线__不是空") == "只有两条下划线__不是空"


def test_content_id_ignores_spacing_and_width_but_not_the_stem_or_type() -> None:
    base = content_id("宣讲多少场？", "single")
    assert base.startswith("x-") and len(base) == 12
    assert content_id(" 宣讲 多少场?", "single") == base  # half-width "?" and spaces
    assert content_id("宣讲多少场？", "judge") != base
    assert content_id("宣讲了多少场？", "single") != base
