"""Loading banks: valid files load; every problem of a broken file is reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from jgstudy.core.banks import BankErrors, find_bank_files, load_bank, load_banks
from jgstudy.core.model import FillQuestion, MultipleQuestion, QType

DATA = Path(__file__).parents[1] / "data"


def problems_of(path: Path) -> list[tuple[int, int, str]]:
    with pytest.raises(BankErrors) as caught:
        load_bank(path)
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def write(tmp_path: Path, text: str, name: str = "bank.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_bank_loads_with_all_five_types(sample_bank: Path) -> None:
    loaded = load_bank(sample_bank)
    assert loaded.bank.id == "sample"
    assert {q.type for q in loaded.bank.questions} == set(QType)
    multiple = next(q for q in loaded.bank.questions if isinstance(q, MultipleQuestion))
    assert multiple.answer == ("A", "B", "D")
    fill = next(q for q in loaded.bank.questions if isinstance(q, FillQuestion))
    assert fill.blanks == (("294",), ("547", "五百四十七"))
    assert loaded.bank.question_tags(loaded.bank.questions[0]) == ("测试", "理论学习")


def test_every_problem_of_a_broken_bank_is_reported_at_its_line() -> None:
    found = problems_of(DATA / "broken" / "broken.yaml")
    by_line = {line: message for line, _col, message in found}
    assert "答案 D 不在选项中" in by_line[9]
    assert "答案 E 不在选项中" in by_line[15]
    assert "编号 b1 重复" in by_line[17]
    assert "2 个空" in by_line[25]
    assert "未知题型 essay" in by_line[28]
    assert "true" in by_line[34]  # judge answer of the wrong type
    assert "难度" in by_line[35]
    assert "超出了题库文件夹" in by_line[42]
    assert "参考答案" in by_line[44]  # a missing field: the question it is missing from
    assert len(found) == 9


def test_problems_print_as_file_line_column_message() -> None:
    path = DATA / "broken" / "broken.yaml"
    with pytest.raises(BankErrors) as caught:
        load_bank(path)
    first = str(caught.value.problems[0])
    assert first.startswith(f"{path}:9:13: ")


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "format: 1\nid: x\ntitle: t\nquestions:\n  - id: [unclosed\n")
    ((line, _col, message),) = problems_of(path)
    assert line >= 5
    assert "YAML" in message


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "format: 1\nid: x\ntitle: t\nquestions: !!python/object/apply:os.system ['echo pwned']\n",
    )
    ((line, _col, message),) = problems_of(path)
    assert line == 4
    assert "不允许的 YAML 标签" in message


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = [
        "format: 1",
        "id: x",
        "title: t",
        'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    for i in range(1, 9):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append("questions: *a8")
    ((_line, _col, message),) = problems_of(write(tmp_path, "\n".join(lines) + "\n"))
    assert "别名" in message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = "format: 1\nid: x\ntitle: t\nquestions: " + "[" * 200 + "]" * 200 + "\n"
    ((_line, _col, message),) = problems_of(write(tmp_path, text))
    assert "嵌套" in message


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("format: 1\nid: x\ntitle: 标题\n".encode("gb18030"))
    ((line, _col, message),) = problems_of(path)
    assert line == 3
    assert "UTF-8" in message


def test_binary_junk_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"\x00\x01\x02binary")
    ((_line, _col, message),) = problems_of(path)
    assert "二进制" in message


def test_a_list_at_top_level_is_explained(tmp_path: Path) -> None:
    ((line, col, message),) = problems_of(write(tmp_path, "- a\n- b\n"))
    assert (line, col) == (1, 1)
    assert "映射" in message


def test_image_inside_the_bank_folder_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "chart.png").write_bytes(b"png")
    text = (
        "format: 1\nid: x\ntitle: t\nquestions:\n"
        "  - {id: q, type: judge, stem: s, answer: true, explanation: e, image: img/chart.png}\n"
    )
    assert load_bank(write(tmp_path, text)).bank.questions[0].image == "img/chart.png"


@pytest.mark.parametrize("reference", ["/etc/passwd", "../outside.png", "http://x/y.png"])
def test_image_outside_the_bank_folder_is_refused(tmp_path: Path, reference: str) -> None:
    (tmp_path / "outside.png").write_bytes(b"png")
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    text = (
        "format: 1\nid: x\ntitle: t\nquestions:\n"
        f"  - {{id: q, type: judge, stem: s, answer: true, explanation: e, image: '{reference}'}}\n"
    )
    ((line, _col, _message),) = problems_of(write(bank_dir, text))
    assert line == 5


def test_symlink_leaving_the_bank_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"png")
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    (bank_dir / "link.png").symlink_to(secret)
    text = (
        "format: 1\nid: x\ntitle: t\nquestions:\n"
        "  - {id: q, type: judge, stem: s, answer: true, explanation: e, image: link.png}\n"
    )
    ((_line, _col, message),) = problems_of(write(bank_dir, text))
    assert "超出" in message


def test_folders_are_searched_and_exam_blueprints_skipped(
    tmp_path: Path, sample_bank: Path
) -> None:
    (tmp_path / "ch1").mkdir()
    (tmp_path / "exams").mkdir()
    (tmp_path / "ch1" / "a.yaml").write_text(sample_bank.read_text("utf-8"), "utf-8")
    (tmp_path / "exams" / "mock.yaml").write_text("title: not a bank\n", "utf-8")
    assert find_bank_files([tmp_path]) == [tmp_path / "ch1" / "a.yaml"]


def test_problems_of_several_files_are_collected_together(tmp_path: Path) -> None:
    write(tmp_path, "format: 1\nid: a\ntitle: t\nquestions: []\n", "a.yaml")
    write(tmp_path, "format: 2\nid: b\ntitle: t\nquestions: []\n", "b.yaml")
    banks, problems = load_banks([tmp_path])
    assert banks == []
    assert {p.file.name for p in problems} == {"a.yaml", "b.yaml"}


def test_duplicate_bank_ids_across_files_are_reported(tmp_path: Path, sample_bank: Path) -> None:
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_text(sample_bank.read_text("utf-8"), "utf-8")
    _banks, problems = load_banks([tmp_path])
    assert [p.file.name for p in problems] == ["two.yaml"]
    assert "题库编号 sample" in problems[0].message


def test_options_the_same_but_for_width_or_spaces_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "format: 1\nid: b\ntitle: t\nquestions:\n"
        "- {id: q1, type: single, stem: 题, explanation: 解, answer: A,"
        " options: {A: 'ＡＢ 12', B: 'AB\u300012', C: 'A\u00a0B\t1 2', D: 'AB13'}}\n",
    )
    found = problems_of(path)
    assert [(line, message[:6]) for line, _column, message in found] == [
        (5, "选项 A 和"),
        (5, "选项 A 和"),
    ]
    assert "B 的内容相同" in found[0][2] and "C 的内容相同" in found[1][2]


def test_the_option_comparison_drops_exactly_the_regex_whitespace() -> None:
    """``"".join(s.split())`` (checks._same_options) removes what ``re.sub(r"\\s+", "", s)`` did."""
    import re

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert "".join(every.split()) == re.sub(r"\s+", "", every)
