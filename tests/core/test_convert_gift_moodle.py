"""GIFT as Moodle reads it: its own documentation's examples, partial credit, [html], numbers."""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.convert import Conversion, read_source
from jgstudy.core.model import FillQuestion, MultipleQuestion, SingleQuestion

MOODLE_EXAMPLES = """\
// question: 1 name: Grants tomb
::Grants tomb::Who is buried in Grant's tomb in New York City? {
=Grant
~No one
#Was true for 12 years, but Grant's remains were buried in the tomb in 1897
~Napoleon
#He was buried in France
~Churchill
#He was buried in England
~Mother Teresa
#She was buried in India
}

Grant is {~buried =entombed ~living} in Grant's tomb.

Two plus two equals {=four =4}.

What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}

Which answer earns full marks? {~wrong ~%50%half =full}

When was Ulysses S. Grant born?{#1822:5}

What is the value of pi (to 3 decimal places)? {#3.141..3.142}.

How many? {#20}

[html]<p>What is <b>2&nbsp;+&nbsp;2</b>?<br>Choose one.</p>{=4 ~5}
"""


def _read(tmp_path: Path, text: str) -> Conversion:
    path = tmp_path / "moodle.gift"
    path.write_text(text, encoding="utf-8")
    return read_source(path)


def _notices(conversion: Conversion, line: int) -> list[str]:
    return [p.message for p in conversion.notices if p.row == line]


def test_moodle_documentation_examples(tmp_path: Path) -> None:
    conversion = _read(tmp_path, MOODLE_EXAMPLES)
    by_line = {item.row: item.question for item in conversion.ready}
    tomb = by_line[2]
    assert isinstance(tomb, SingleQuestion) and tomb.answer == "A"
    assert tomb.options["B"] == "No one"
    grant = by_line[14]
    assert isinstance(grant, SingleQuestion) and grant.answer == "B"
    assert grant.stem == "Grant is （ ） in Grant's tomb."
    two = by_line[16]
    assert isinstance(two, FillQuestion) and two.blanks == (("four", "4"),)
    people = by_line[18]
    assert isinstance(people, MultipleQuestion) and people.answer == ("B", "C")
    assert any("百分比" in n for n in _notices(conversion, 18))


def test_partial_credit_in_a_block_with_equals_stays_single_answer(tmp_path: Path) -> None:
    conversion = _read(tmp_path, MOODLE_EXAMPLES)
    full = next(i for i in conversion.ready if i.row == 25).question
    assert isinstance(full, SingleQuestion) and full.answer == "C"
    assert any("B（50%）" in n for n in _notices(conversion, 25))


def test_numerical_answers_become_fill_with_notices(tmp_path: Path) -> None:
    conversion = _read(tmp_path, MOODLE_EXAMPLES)
    by_line = {item.row: item.question for item in conversion.ready}
    born = by_line[27]
    assert isinstance(born, FillQuestion) and born.blanks == (("1822",),)
    assert any("±5" in n for n in _notices(conversion, 27))
    many = by_line[31]
    assert isinstance(many, FillQuestion) and many.blanks == (("20",),)
    assert [(p.row, "数值题" in p.message) for p in conversion.refused] == [(29, True)]


def test_html_becomes_plain_text(tmp_path: Path) -> None:
    conversion = _read(tmp_path, MOODLE_EXAMPLES)
    html = next(i for i in conversion.ready if i.row == 33)
    assert html.question.stem == "What is 2 + 2?\nChoose one."
    assert any("纯文本" in n for n in html.notices)


def test_missing_closing_brace_is_an_error_at_its_line_and_spares_the_next(
    tmp_path: Path,
) -> None:
    text = "第一题 {=甲 ~乙\n\n第二题 {=丙 ~丁}\n"
    conversion = _read(tmp_path, text)
    assert [(p.row, p.column) for p in conversion.refused] == [(1, 5)]
    assert "}" in conversion.refused[0].message
    assert [q.stem for q in conversion.questions] == ["第二题"]


def test_a_missing_brace_before_the_next_title_costs_only_its_own_question(
    tmp_path: Path,
) -> None:
    # No blank line between the two: the second ``{`` opens inside the unclosed first one.
    conversion = _read(
        tmp_path,
        "::缺括号::这题没有闭合 {=甲 ~乙\n::下一题::下一题照常读取 {=丙 ~丁}\n",
    )
    assert [(p.row, p.column, p.message) for p in conversion.refused] == [
        (1, 15, "答案部分的“{”没有对应的“}”，本题未转换（下一题照常读取）")
    ]
    (item,) = conversion.ready
    assert isinstance(item.question, SingleQuestion)
    assert (item.row, item.question.stem, item.question.answer) == (2, "下一题照常读取", "A")
