"""Exam blueprints: the shipped ones are valid; every problem of a broken one is located."""

from __future__ import annotations

from pathlib import Path

import pytest

from jgstudy.core.exams import ConfigErrors, DrawMode, ExamService, FeedbackMode, load_blueprint
from jgstudy.core.model import MultipleScoring, QType


def problems_of(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "exam.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigErrors) as caught:
        load_blueprint(path)
    for problem in caught.value.problems:
        assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def test_the_shipped_blueprints_are_valid() -> None:
    by_id = {bp.id: bp for bp in map(load_blueprint, ExamService.bundled_blueprints())}
    mock = by_id["mock-30min"]
    assert mock.time_limit_minutes == 30
    assert mock.draw is DrawMode.RANDOM and mock.seed is None
    assert [(s.filter.types, s.count, s.points) for s in mock.sections] == [
        ((QType.SINGLE,), 20, 1),
        ((QType.MULTIPLE,), 10, 2),
        ((QType.JUDGE,), 10, 1),
        ((QType.FILL,), 5, 2),
    ]
    assert mock.feedback is FeedbackMode.END
    final = by_id["skills-final"]
    assert final.seed == 2025 and final.multiple_scoring is MultipleScoring.PARTIAL
    assert final.size < mock.size and final.time_limit_minutes < mock.time_limit_minutes


def test_field_problems_are_reported_together_at_their_place(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """format: 1
id: broken
title: 坏方案
time_limit_minutes: 0
feedback: later
sections:
  - title: 单选
    filter: {types: [single, essay]}
    count: 5
  - title: 判断
    count: 2
    colour: red
""",
    )
    assert found == [
        (4, 21, "time_limit_minutes：不能小于 1"),
        (5, 11, "feedback：取值无效，应为 'end' or 'immediate'"),
        (8, 30, "types：取值无效，应为 'single', 'multiple', 'judge', 'fill' or 'short'"),
        (12, 13, "无法识别的字段（拼写错误？）：colour"),
    ]


def test_rules_between_fields_are_checked(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """format: 1
id: rules
title: 规则
time_limit_minutes: 10
pass_mark: {points: 10, percent: 60}
sections:
  - title: 单选
    filter: {types: [single, short]}
  - title: 多选
    count: 5
    questions: [sample/m1]
""",
    )
    assert found == [
        (5, 12, "及格线 pass_mark 应写 points 或 percent 之一"),
        (7, 5, "随机抽题的部分需要题数 count"),
        (8, 21, "考试不能包含简答题 short"),
        (11, 16, "questions 只用于 draw: fixed"),
    ]


def test_fixed_papers_list_each_question_once(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """format: 1
id: fixed
title: 固定
time_limit_minutes: 10
draw: fixed
seed: 3
sections:
  - title: 一
    questions: [sample/s1, sample/j1]
  - title: 二
    questions: [sample/s1]
  - title: 三
    count: 2
""",
    )
    assert found == [
        (6, 7, "seed 只用于 draw: random"),
        (9, 17, "试题 sample/s1 重复出现"),
        (11, 17, "试题 sample/s1 重复出现"),
        (12, 5, "固定试题的部分需要 questions"),
        (12, 5, "draw: fixed 的部分不用 count 和 filter"),
    ]


def test_a_question_reference_names_bank_and_question(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """format: 1
id: refs
title: 引用
time_limit_minutes: 10
draw: fixed
sections: [{title: 一, questions: [sample/s1, s1]}]
""",
    )
    assert found == [(6, 46, "questions：试题应写作“题库编号/题目编号”，如 wh2025-overview/ov-001")]


def test_a_paper_needs_a_section(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path, "format: 1\nid: e\ntitle: 空\ntime_limit_minutes: 5\nsections: []\n"
    )
    assert found == [(5, 11, "至少需要一个部分 sections")]


def test_yaml_syntax_errors_are_located(tmp_path: Path) -> None:
    found = problems_of(tmp_path, "format: 1\nid: x\nsections: [\n")
    assert len(found) == 1 and found[0][2].startswith("YAML 语法错误")
