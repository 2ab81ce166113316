"""Nothing guessed: what a paper does not say clearly is refused at its line, never invented.

A refused question never takes the next question's lines with it, and an answer key that does
not fit the questions is reported and not used.
"""

from __future__ import annotations

from pathlib import Path

from paper_helpers import convert_paper, write_text

TWO_OPTIONS = "A．上海 B．嘉兴\n"


def _convert(
    tmp_path: Path, text: str
) -> tuple[list[tuple[str, str]], list[tuple[int | None, str]]]:
    questions, problems, _ = convert_paper(tmp_path, write_text(tmp_path, text))
    return [(q[1], q[3]) for q in questions], problems


def test_unanswered_question_is_reported_and_the_next_one_kept_whole(tmp_path: Path) -> None:
    text = (
        "一、单项选择题\n1、党的一大在（ ）召开。\n"
        + TWO_OPTIONS
        + "2、党的二大在（ ）召开。\nA．上海 B．广州\n答案：A\n"
    )
    questions, problems = _convert(tmp_path, text)
    assert questions == [("党的二大在（ ）召开。", "A")]
    assert problems == [(2, "第 1 题（“党的一大在（ ）召开。”）：没有找到答案，未转换")]


def test_ambiguous_glued_number_keeps_its_lines_to_itself(tmp_path: Path) -> None:
    # After question 1 the next number is 2; "11921年" fits neither 2 nor a restart at 1 alone.
    text = (
        "1、党的一大召开于（ ）。\nA．1921年 B．1922年\n答案：A\n"
        "11921年7月党的一大在（ ）召开。\nA．上海 B．嘉兴\n答案：B\n"
    )
    questions, problems = _convert(tmp_path, text)
    assert questions == [("党的一大召开于（ ）。", "A")]
    assert problems == [
        (
            4,
            "题号和正文连在一起（“11921年7月党的一大在（ ）”），"
            "无法确定题号到哪里为止，未转换；请在题号后加“、”",
        )
    ]


def test_glued_number_that_fits_the_sequence_is_read(tmp_path: Path) -> None:
    text = "01、党的一大召开于（ ）。\nA．1921年 B．1922年\n答案：A\n021920年8月成立的是（ ）。\nA．早期组织 B．团\n答案：A\n"
    questions, problems = _convert(tmp_path, text)
    assert questions == [("党的一大召开于（ ）。", "A"), ("1920年8月成立的是（ ）。", "A")]
    assert problems == []


def test_empty_option_refused(tmp_path: Path) -> None:
    text = (
        "1、以下正确的是（ ）\nA．甲\nB．\nC．丙\n答案：A\n2、下一题（ ）\n"
        + TWO_OPTIONS
        + "答案：B\n"
    )
    questions, problems = _convert(tmp_path, text)
    assert questions == [("下一题（ ）", "B")]
    assert problems == [(1, "第 1 题（“以下正确的是（ ）”）：选项 B 没有内容，未转换")]


def test_answers_that_disagree_are_refused(tmp_path: Path) -> None:
    text = "1、党的一大在（ B ）召开。\n" + TWO_OPTIONS + "答案：A\n"
    questions, problems = _convert(tmp_path, text)
    assert questions == []
    assert problems[0] == (
        1,
        "第 1 题（“党的一大在（ B ）召开。”）：几处答案不一致：答案行 A，题干括号 B，未转换",
    )


def test_single_choice_with_two_answers_refused(tmp_path: Path) -> None:
    text = "一、单项选择题\n1、党的一大在（ ）召开。\n" + TWO_OPTIONS + "答案：AB\n"
    assert _convert(tmp_path, text)[1][0] == (
        2,
        "第 1 题（“党的一大在（ ）召开。”）：单选题给出了多个答案 AB，未转换",
    )


def test_answer_outside_the_options_refused(tmp_path: Path) -> None:
    text = "1、党的一大在（ ）召开。\n" + TWO_OPTIONS + "答案：E\n"
    questions, problems = _convert(tmp_path, text)
    assert questions == []
    assert problems[0] == (1, "答案 E 不在选项中（选项为 A、B）")


KEY_QUESTIONS = "".join(f"{n}、第{n}题的题干（ ）\nA．甲 B．乙 C．丙\n" for n in range(1, 6))


def test_key_range_with_a_wrong_count_is_reported_at_its_line(tmp_path: Path) -> None:
    text = KEY_QUESTIONS + "参考答案\n1-5 ABCA\n"
    questions, problems = _convert(tmp_path, text)
    assert questions == []
    assert (12, "文末答案“1-5 ABCA”的答案个数与题号范围不符，这一行未使用") in problems
    unanswered = [row for row, message in problems if "没有找到答案" in message]
    assert unanswered == [1, 3, 5, 7, 9]


def test_key_item_for_a_question_that_is_not_there(tmp_path: Path) -> None:
    text = KEY_QUESTIONS + "参考答案\n1-5 ABCAB\n6.C\n"
    questions, problems = _convert(tmp_path, text)
    assert [a for _, a in questions] == list("ABCAB")
    assert problems == [(13, "文末答案第 6 题没有对应的题目，未使用")]


def test_key_that_contradicts_an_answer_line(tmp_path: Path) -> None:
    text = KEY_QUESTIONS.replace(
        "5、第5题的题干（ ）\nA．甲 B．乙 C．丙\n",
        "5、第5题的题干（ ）\nA．甲 B．乙 C．丙\n答案：C\n",
    )
    questions, problems = _convert(tmp_path, text + "答案\n1.A 2.B 3.C 4.A 5.B\n")
    assert len(questions) == 4
    assert problems == [
        (9, "第 5 题（“第5题的题干（ ）”）：几处答案不一致：答案行 C，文末答案 B，未转换")
    ]


def test_key_groups_that_do_not_match_the_sections(tmp_path: Path) -> None:
    text = (
        "一、单项选择题\n1、甲题（ ）\nA．甲 B．乙\n二、单项选择题\n1、乙题（ ）\nA．甲 B．乙\n"
        "参考答案\n1.A 2.B 3.A\n"
    )
    questions, problems = _convert(tmp_path, text)
    assert questions == []
    assert (
        8,
        "文末答案分为 1 组、题目分为 2 组（题号各自从头编），无法对应，答案表未使用；"
        "请在答案表中写出与试卷相同的分节标题",
    ) in problems
    assert [row for row, message in problems if "没有找到答案" in message] == [2, 5]


def test_section_type_contradicting_options_refused(tmp_path: Path) -> None:
    text = "四、填空题\n1、党的一大在（ ）召开。\n" + TWO_OPTIONS + "答案：A\n"
    assert _convert(tmp_path, text)[1][0] == (
        2,
        "第 1 题（“党的一大在（ ）召开。”）：填空题不应有选项（A. …），请检查题型或分节标题，未转换",
    )


def test_fill_blank_count_must_match(tmp_path: Path) -> None:
    text = "四、填空题\n1、党的宗旨是____。\n答案：全心全意；为人民服务；多余\n"
    assert _convert(tmp_path, text)[1][0] == (
        2,
        "第 1 题（“党的宗旨是____。”）：题干中有 1 个空，答案给出了 3 个（多个答案用“；”分隔），未转换",
    )


def test_stray_line_after_an_answer_is_named(tmp_path: Path) -> None:
    text = "1、党的一大在（ ）召开。\n" + TWO_OPTIONS + "答案：A\n（本题为送分题）\n"
    questions, problems, notices = convert_paper(tmp_path, write_text(tmp_path, text))
    assert [q[3] for q in questions] == ["A"] and problems == []
    assert (4, "第 4 行在答案之后，不属于这道题的任何部分，已忽略：“（本题为送分题）”") in notices


def test_numbered_list_inside_a_short_answer_stays_in_the_answer(tmp_path: Path) -> None:
    text = "五、简答题\n1、简述“三严三实”。\n答：\n1.严以修身\n2.严以用权\n2、简述“四个自信”。\n答：道路、理论、制度、文化自信。\n"
    questions, problems = _convert(tmp_path, text)
    assert questions == [
        ("简述“三严三实”。", "1.严以修身\n2.严以用权"),
        ("简述“四个自信”。", "道路、理论、制度、文化自信。"),
    ]
    assert problems == []
