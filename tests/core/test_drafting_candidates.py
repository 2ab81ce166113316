"""Drafts a trainer keeps: the right subject, one question per fact, every objective type.

The material ``two_places_report.txt`` was written for these tests: a city's organ work followed
by a district's, closed and open lists, figures with units, dates, and one figure stated twice.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import jieba
import pytest

from jgstudy.core.drafting import draft_candidates, draft_questions
from jgstudy.core.drafting.enumerations import find_enumerations
from jgstudy.core.drafting.material import MaterialError, read_material

MATERIALS = Path(__file__).parents[1] / "data" / "materials"
TWO_PLACES = (MATERIALS / "two_places_report.txt").read_text(encoding="utf-8")
DISTRICT_STARTS = TWO_PLACES.index("### 二、东湖区")
OPEN_LIST = ("红色物业", "邻里议事", "街巷管家")


def expected_subject(question: dict[str, Any]) -> str:
    return "东湖区" if TWO_PLACES.index(question["source"]["quote"]) > DISTRICT_STARTS else "江城市"


@pytest.fixture(scope="module")
def questions() -> list[dict[str, Any]]:
    return draft_questions(TWO_PLACES)


def test_every_candidate_names_the_place_its_fact_belongs_to(
    questions: list[dict[str, Any]],
) -> None:
    assert {expected_subject(q) for q in questions} == {"江城市", "东湖区"}
    for question in questions:
        subject = expected_subject(question)
        assert subject in question["tags"], question
        other = {"江城市", "东湖区"} - {subject}
        assert not other & set(question["tags"]), question
        if question["type"] != "judge" or question["answer"]:
            assert subject in question["stem"], question  # 该区/全区 resolved in the stem


def test_a_false_judge_item_may_swap_the_place_but_says_so() -> None:
    forms = [f for c in draft_candidates(TWO_PLACES) for f in c.forms if f["type"] == "judge"]
    swapped = [f for f in forms if not f["answer"] and "不是" in f["explanation"]]
    for form in swapped:
        right = expected_subject(form)
        assert right in form["explanation"]


def test_all_four_objective_types_are_drafted(questions: list[dict[str, Any]]) -> None:
    assert {q["type"] for q in questions} >= {"fill", "single", "judge", "multiple"}


def test_at_most_one_candidate_per_fact() -> None:
    candidates = draft_candidates(TWO_PLACES)
    facts = [c.fact for c in candidates]
    assert len(facts) == len(set(facts))


def test_a_figure_is_asked_once_even_when_stated_twice(questions: list[dict[str, Any]]) -> None:
    asking = [q for q in questions if _asks_figure(q, "128", "个")]
    assert len(asking) == 1


def test_no_fill_and_single_twins(questions: list[dict[str, Any]]) -> None:
    for figure in re.findall(r"(\d+(?:\.\d+)?)(万?(?:人次|个|期|场|项|户|人|%))", TWO_PLACES):
        assert sum(_asks_figure(q, *figure) for q in questions) <= 1, figure


def _asks_figure(question: dict[str, Any], number: str, unit: str) -> bool:
    if question["type"] == "fill":
        return any(number in accepted for accepted in question["blanks"])
    if question["type"] == "single":
        return bool(question["options"][question["answer"]] == number + unit)
    if question["type"] == "judge":
        return f"材料中为{number}{unit}" in question["explanation"] or (
            question["answer"] and number + unit in question["stem"]
        )
    return False


def test_open_lists_never_become_multiple_choice() -> None:
    [listed] = [e for e in find_enumerations(TWO_PLACES.replace("\n", "")) if e.items == OPEN_LIST]
    assert not listed.closed
    every_form = [f for c in draft_candidates(TWO_PLACES) for f in c.forms]
    for form in every_form:
        if form["type"] == "multiple":
            assert not set(OPEN_LIST) & set(form["options"].values())


def test_closed_lists_become_multiple_choice_with_provably_wrong_distractors(
    questions: list[dict[str, Any]],
) -> None:
    multiples = [q for q in questions if q["type"] == "multiple"]
    assert len(multiples) >= 2
    for question in multiples:
        right = {question["options"][key] for key in question["answer"]}
        wrong = set(question["options"].values()) - right
        assert right and wrong
        assert all(item in question["source"]["quote"] for item in right)
        assert not any(item in question["source"]["quote"] for item in wrong)


def test_a_count_after_a_list_closes_it_and_is_not_an_item() -> None:
    [listed] = find_enumerations("该区聚焦基层减负、服务群众、产业发展三个方面，推出举措。")
    assert listed.items == ("基层减负", "服务群众", "产业发展")
    assert listed.closed


@pytest.mark.parametrize("path", sorted(MATERIALS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_quote_is_verbatim_and_starts_and_ends_between_words(path: Path) -> None:
    material = path.read_text(encoding="utf-8")
    for question in draft_questions(material, all_forms=True):
        quote = question["source"]["quote"]
        line = next(line for line in material.splitlines() if quote in line)
        start = line.index(quote)
        cuts = {0}
        for word in jieba.cut(line):
            cuts.add(max(cuts) + len(word))
        assert start in cuts and start + len(quote) in cuts, (quote, line)


def test_trivial_facts_are_dropped() -> None:
    text = "2024年，青禾区召开1次全体会议。青禾区在2024年开展宣讲126场。"
    questions = draft_questions(text, all_forms=True)
    assert questions
    for question in questions:
        answers = [a for blank in question.get("blanks", []) for a in blank]
        assert "1" not in answers and "2024" not in answers


def test_a_single_stem_asks_one_figure_of_a_list_without_printing_the_next() -> None:
    text = "全年开展谈心谈话120次、民主评议63次。"
    singles = [q for q in draft_questions(text, all_forms=True) if q["type"] == "single"]
    asking_first = next(s for s in singles if s["options"][s["answer"]] == "120次")
    assert "63次" not in asking_first["stem"]


def test_the_preferred_form_can_be_switched_to_an_alternative() -> None:
    candidate = next(c for c in draft_candidates(TWO_PLACES) if len(c.forms) > 1)
    switched = candidate.with_choice(1)
    assert switched.question is candidate.forms[1]
    assert switched.fact == candidate.fact


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk"])
def test_material_files_are_read_in_every_office_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "material.txt"
    path.write_bytes(TWO_PLACES.encode(encoding))
    assert read_material(path).replace("\r\n", "\n") == TWO_PLACES


def test_a_word_material_gives_the_same_candidates_as_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in TWO_PLACES.splitlines():
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "内部资料 第1页"
    path = tmp_path / "material.docx"
    document.save(str(path))
    text = read_material(path)
    assert "内部资料" not in text  # headers are not the material
    assert [c.fact for c in draft_candidates(text)] == [
        c.fact for c in draft_candidates(TWO_PLACES)
    ]


def test_a_broken_word_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(MaterialError, match="无法打开 Word 文件"):
        read_material(path)


def test_a_material_without_facts_writes_no_empty_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jgstudy.cli.main import main

    material = tmp_path / "空.txt"
    material.write_bytes("\ufeff各单位要高度重视，认真抓好落实。\r\n".encode())
    output = tmp_path / "draft.yaml"
    assert main(["--data-dir", str(tmp_path), "draft", str(material), "-o", str(output)]) == 2
    assert "没有生成候选题" in capsys.readouterr().err
    assert not output.exists()


def test_windows_line_endings_draft_the_same_candidates() -> None:
    crlf = TWO_PLACES.replace("\n", "\r\n")
    drafted = draft_candidates(crlf)
    assert [c.fact for c in drafted] == [c.fact for c in draft_candidates(TWO_PLACES)]
    assert all(c.quote in crlf and "\r" not in c.quote for c in drafted)
