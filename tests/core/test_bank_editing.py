"""The editor's document model: operations, validation by field, comment-keeping atomic saves."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.banks.editfiles import RoundTrip, SaveError
from jgstudy.core.banks.editing import (
    BankDocument,
    free_id,
    with_field,
    with_fields,
    with_type,
)
from jgstudy.core.drafting import draft_bank_yaml

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "banks" / "sample.yaml"

COMMENTED = """\
# 文件开头的注释
format: 1
id: commented
title: 带注释的题库  # 标题旁的注释
questions:
  - id: q1
    type: judge
    stem: 第一题的题干。
    answer: true  # 第一题答案的注释
    explanation: 第一题的解析。

  # 第二题之前的注释
  - id: q2
    type: judge
    stem: 第二题的题干。
    answer: false
    explanation: 第二题的解析。

  - id: q3
    type: single
    stem: 第三题的题干？
    options: {A: 甲, B: 乙}
    answer: A
    explanation: 第三题的解析。
# 文件末尾的注释
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "commented.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def opened(path: Path) -> BankDocument:
    document, notices = BankDocument.open(path)
    assert notices == []
    return document


# -- operations --------------------------------------------------------------------------


def test_free_ids_count_up_and_keep_their_width() -> None:
    assert free_id("s1", ["s1", "s2"]) == "s3" and free_id("q-009", ["q-009"]) == "q-010"
    assert free_id("intro", ["intro"]) == "intro-2" and free_id("new", []) == "new"


def test_add_duplicate_delete_and_move_questions(sample: Path) -> None:
    document = opened(sample)
    at = document.add("fill", 0)
    assert at == 1
    added = document.question(1)
    assert list(added) == ["id", "type", "stem", "blanks", "explanation", "difficulty"]
    assert added["id"] == "s2"  # after s1, the next free number
    copy_at = document.duplicate(0)
    assert document.question(copy_at)["stem"] == document.question(0)["stem"]
    assert document.question(copy_at)["id"] == "s3"
    document.question(copy_at)["options"]["A"] = "改了"  # a deep copy, not the same dicts
    assert document.question(0)["options"]["A"] == "4期"
    item = document.delete(copy_at)
    document.insert(len(document), item)
    assert document.ids()[-1] == "s3"
    document.move(len(document) - 1, 0)
    assert document.ids()[:3] == ["s3", "s1", "s2"]


def test_set_field_puts_a_new_key_in_its_documented_place() -> None:
    question = {"id": "a", "type": "judge", "stem": "x", "answer": True, "explanation": "y"}
    tagged = with_field(with_field(question, "difficulty", 3), "tags", ["t"])
    assert list(tagged) == ["id", "type", "stem", "answer", "explanation", "tags", "difficulty"]
    assert "tags" not in with_field(tagged, "tags", None) and "tags" not in question


def test_change_type_keeps_common_fields_and_carries_the_answer() -> None:
    single = yaml.safe_load(
        "{id: s1, type: single, stem: 题干, options: {A: 甲, B: 乙}, answer: B, explanation: 解析,"
        " tags: [标签], source: {locator: 一, quote: 原文}}"
    )
    multiple = with_type(single, "multiple")
    assert multiple["answer"] == ["B"] and multiple["options"] == single["options"]
    judge = with_type(multiple, "judge")
    assert judge["answer"] is True and "options" not in judge
    common = ("id", "stem", "explanation", "tags", "source")
    assert [judge[k] for k in common] == [single[k] for k in common]
    back = with_type({**judge, "answer": False}, "single")
    assert back["options"] == {"A": "正确", "B": "错误"} and back["answer"] == "B"
    fill = with_type({**single, "stem": "有{{1}}和（ ）两个空"}, "fill")
    assert fill["blanks"] == [[""], [""]] and "answer" not in fill
    assert with_type(single, "short")["reference"] == ""


def test_drafts_are_approved_or_rejected(tmp_path: Path) -> None:
    material = (DATA / "materials" / "volunteer_report.txt").read_text(encoding="utf-8")
    text, count = draft_bank_yaml(material, "d", "草稿")
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")
    document = opened(tmp_path / "draft.yaml")
    assert document.drafts() == list(range(count))
    document.approve(0)
    assert "status" not in document.question(0)
    rejected = document.ids()[1]
    document.reject(1)
    assert rejected not in document.ids()
    assert document.approve_all() == list(range(1, count - 1))
    assert document.drafts() == []


# -- validation --------------------------------------------------------------------------


def test_problems_are_placed_at_their_question_and_field(sample: Path) -> None:
    document = opened(sample)
    assert document.validate().passes
    document.set_field(3, "stem", "只剩一个空{{1}}。")
    document.set_field(0, "stem", "")
    document.header = with_field(document.header, "id", "不合法的 编号")
    problems = {(p.index, p.field): p.message for p in document.validate().problems}
    assert problems[(3, "blanks")].startswith("题干中有 1 个空")
    assert problems[(0, "stem")] == "题干 stem：不能为空"  # the type tag is not the field
    assert (None, "id") in problems
    document.set_field(3, "stem", "两个空{{1}}和{{2}}。")
    assert (3, "blanks") not in {(p.index, p.field) for p in document.validate().problems}


def test_drafts_are_reported_apart_from_problems(sample: Path) -> None:
    document = opened(sample)
    document.set_field(2, "status", "draft")
    validation = document.validate()
    assert validation.drafts == (2,) and validation.problems == () and not validation.passes
    document.set_field(2, "status", "审核中")  # not a draft: a wrong value
    assert [p.field for p in document.validate().problems] == ["status"]


def test_the_messages_are_those_of_jgstudy_check(sample: Path, tmp_path: Path) -> None:
    document = opened(sample)
    document.set_field(0, "answer", "E")
    document.set_field(1, "id", "s1")
    document.set_field(4, "blanks", [])
    target = tmp_path / "broken.yaml"
    document.save(target)
    with pytest.raises(BankErrors) as raised:
        load_bank(target)
    checked = sorted(p.message for p in raised.value.problems)
    assert checked == sorted(p.message for p in document.validate().problems)
    assert len(checked) >= 3


# -- saving ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bank",
    sorted((DATA.parent.parent / "question_banks" / "wh2025").glob("*.yaml")),
    ids=lambda path: path.name,
)
def test_an_untouched_bank_is_saved_byte_for_byte(bank: Path, tmp_path: Path) -> None:
    document = opened(bank)
    document.save(tmp_path / bank.name)
    assert (tmp_path / bank.name).read_bytes() == bank.read_bytes()


def test_save_keeps_comments_of_untouched_questions_and_writes_the_edit(commented: Path) -> None:
    document = opened(commented)
    document.set_field(2, "stem", "改过的第三题？")
    document.save()
    text = commented.read_text(encoding="utf-8")
    untouched = COMMENTED.split("  - id: q3")[0]
    assert text.startswith(untouched)  # q1, q2, their comments and blank lines, byte for byte
    assert "stem: 改过的第三题？" in text
    assert text.endswith("# 文件末尾的注释\n")
    assert load_bank(commented).bank.questions[2].stem == "改过的第三题？"


def test_a_comment_above_a_question_moves_with_it(commented: Path) -> None:
    document = opened(commented)
    document.delete(0)  # the comment above q2 was stored with q1 by the YAML library
    document.move(0, 1)
    document.save()
    text = commented.read_text(encoding="utf-8")
    assert "# 第二题之前的注释\n  - id: q2" in text
    assert text.index("id: q3") < text.index("# 第二题之前的注释")
    assert "第一题答案的注释" not in text
    assert [q.id for q in load_bank(commented).bank.questions] == ["q3", "q2"]


def test_a_new_question_is_written_in_the_documented_order(commented: Path) -> None:
    document = opened(commented)
    at = document.add("multiple", 2)
    changes = {"stem": "新题？", "explanation": "解析", "tags": ["新"]}
    document.replace(at, with_fields(document.question(at), changes))
    document.save()
    text = commented.read_text(encoding="utf-8")
    assert "\n\n  - id: q4\n    type: multiple\n    stem: 新题？\n    options:" in text
    assert "answer: [A, B]" in text and "tags: [新]" in text
    assert yaml.safe_load(text)["questions"][3]["id"] == "q4"


def test_saved_values_read_back_as_yaml_1_1(sample: Path) -> None:
    document = opened(sample)
    tricky = ["yes", "010", "1:20", "~", "?问", "a: b", "# 不是注释", "多行\n文本"]
    document.set_field(0, "tags", tricky)
    document.set_field(0, "explanation", "多行\n文本\n")
    document.save()
    reread = yaml.safe_load(sample.read_text(encoding="utf-8"))["questions"][0]
    assert reread["tags"] == tricky and reread["explanation"] == "多行\n文本\n"


def _raise(error: Exception) -> object:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise error

    return broken


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("ruamel.yaml.main.YAML.dump", RuntimeError("写到一半")),  # the dump raises
        ("os.replace", OSError("磁盘已满")),  # the temporary file cannot replace the old one
    ],
)
def test_a_failed_save_leaves_the_old_file_intact(
    commented: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: Exception
) -> None:
    document = opened(commented)
    document.set_field(0, "stem", "不会写出的修改")
    monkeypatch.setattr(target, _raise(error))
    with pytest.raises(type(error)):
        document.save()
    assert commented.read_text(encoding="utf-8") == COMMENTED
    assert os.listdir(commented.parent) == ["commented.yaml"]  # no temporary file is left


def test_text_that_would_read_back_differently_is_not_written(
    commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = opened(commented)
    render = RoundTrip.render

    def wrong(self: RoundTrip, *args: object) -> tuple[str, list[int]]:
        text, origins = render(self, *args)  # type: ignore[arg-type]
        return text.replace("answer: true", "answer: false"), origins

    monkeypatch.setattr(RoundTrip, "render", wrong)
    with pytest.raises(SaveError):
        document.save()
    assert commented.read_text(encoding="utf-8") == COMMENTED


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
        | st.sampled_from("\n\t "),
        min_size=1,
        max_size=30,
    )
)
def test_any_text_is_saved_as_typed(sample: Path, text: str) -> None:
    document = opened(sample)
    changes = {"stem": text, "tags": [text, "x"], "options": {"A": text, "B": "乙", "C": "丙"}}
    document.replace(0, with_fields(document.question(0), changes))
    document.save()
    fresh = BankDocument(document.header, [document.question(0)])  # as an imported bank
    fresh.save(sample.with_name("fresh.yaml"))
    for path in (sample, sample.with_name("fresh.yaml")):
        reread = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"][0]
        assert {key: reread[key] for key in changes} == changes


# -- importing ---------------------------------------------------------------------------


def test_a_csv_becomes_an_unsaved_bank_that_saves_as_yaml(tmp_path: Path) -> None:
    document, notices = BankDocument.import_file(DATA / "convert" / "utf8-bom.csv")
    assert document.path is None and notices == []
    assert document.header == {"format": 1, "id": "utf8-bom", "title": "utf8-bom"}
    assert list(document.question(0))[:3] == ["id", "type", "stem"]
    target = tmp_path / "imported.yaml"
    assert document.save(target) == target == document.path
    assert [q.id for q in load_bank(target).bank.questions] == ["bom-1", "bom-2"]
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_rows_with_problems_are_imported_to_be_fixed(tmp_path: Path) -> None:
    source = tmp_path / "题库.csv"
    rows = [
        "编号,题型,题干,选项A,选项B,正确答案,解析",
        "a1,单选,好题？,甲,乙,A,因",
        "a2,单选,坏题？,甲,乙,E,因",
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    document, notices = BankDocument.import_file(source)
    assert document.ids() == ["a1", "a2"]
    assert any(n.startswith("第 3 行：") for n in notices)
    assert [p.index for p in document.validate().problems] == [1]
