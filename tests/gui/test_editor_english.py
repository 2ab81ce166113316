"""The bank editor in English: the core's checks read in English next to the fields they concern,
with the bank's own numbers and names; only quoted bank content stays Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from jgstudy.gui.editor import BankEditor

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# A trainer's bank with the usual slips: a question without its stem, an answer letter that is
# not an option, an id copied from the question above, a misspelt key, two options alike.
BROKEN = """\
format: 1
id: party-basics
title: 党的基本知识
questions:
  - id: q1
    type: single
    options: {A: 4期, B: 5期, C: 6期, D: 8期}
    answer: C
    explanation: 全年举办6期。
  - id: q2
    type: single
    stem: 市直机关全年举办了几期大讲堂？
    options: {A: 4期, B: 5期, C: 6期, D: 8期}
    answer: E
    explanation: 全年举办6期。
  - id: q2
    type: judge
    stem: 长江江豚数量从1012头增至1249头。
    answer: true
    explaination: 见2024年公报。
  - id: q4
    type: single
    stem: 总抓手是什么？
    options: {A: 清廉机关, B: 清廉机关, C: 对标争先}
    answer: A
    explanation: 见讲话。
"""


def open_editor(qtbot: QtBot, path: Path, told: list[str]) -> BankEditor:
    page = BankEditor(inform=lambda *a: told.append(a[2]), ask_save=lambda *_a: "cancel")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    assert page.open_path(path)
    return page


def messages(page: BankEditor, index: int, box: str) -> list[str]:
    page.workspace.select(index)
    form = page.workspace.form
    return (form.other if box == "other" else form.boxes[box]).messages


@pytest.mark.usefixtures("english")
def test_field_messages_of_a_broken_bank_read_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "party.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    page = open_editor(qtbot, path, [])
    assert messages(page, 0, "stem") == ["required field missing: stem"]
    assert messages(page, 1, "options") == [
        "answer E is not an option (the options are A, B, C, D)"
    ]
    assert messages(page, 2, "id") == ["id q2 is used twice (question 2 has it)"]
    assert messages(page, 2, "explanation") == ["required field missing: explanation"]
    assert messages(page, 2, "other") == ["unknown field (a typo?): explaination"]
    assert page.workspace.form.other.isVisibleTo(page)
    assert messages(page, 3, "options") == [
        "options A and B are the same (“清廉机关”); change one of them"
    ]
    lines = page.workspace.problems.lines()
    assert len(lines) == 6
    assert lines[0].startswith("Question 1 (q1): required field missing: stem"), lines
    for line in lines:  # Chinese only inside the quotes of the bank's own text
        assert not CJK.search(re.sub(r"“[^”]*”", "", line)), line


def test_field_messages_stay_chinese_in_the_chinese_ui(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "party.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    page = open_editor(qtbot, path, [])
    assert messages(page, 0, "stem") == ["缺少必填字段：题干 stem"]
    assert messages(page, 1, "options") == ["答案 E 不在选项中（选项为 A、B、C、D）"]
    assert messages(page, 2, "id") == ["编号 q2 重复（第 2 题已使用）"]
    assert messages(page, 2, "other") == ["无法识别的字段（拼写错误？）：explaination"]


@pytest.mark.usefixtures("english")
def test_a_file_that_is_no_bank_is_refused_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("questions:\n  - id: a\n    id: b\n  - [not, a, mapping]\n", encoding="utf-8")
    told: list[str] = []
    page = BankEditor(inform=lambda *a: told.append(a[2]), ask_save=lambda *_a: "cancel")
    qtbot.addWidget(page)
    assert not page.open_path(path)
    assert len(told) == 1 and told[0].startswith("notes.yaml cannot be opened in the editor:\n")
    assert told[0].endswith(
        "notes.yaml:3:5: key “id” is given twice (already on line 2); only one value would be kept"
    )
