"""Moodle GIFT and Aiken: the supported subset comes in, and GIFT goes out and back."""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.banks import load_bank
from jgstudy.core.convert import convert
from jgstudy.core.convert.gift import plain, protect
from jgstudy.core.convert.gift_write import escape
from jgstudy.core.model import Bank, MultipleQuestion, SingleQuestion
from jgstudy.core.paths import bundled_banks

DATA = Path(__file__).parents[1] / "data" / "convert"


def _import(source: Path, tmp_path: Path) -> tuple[Bank, list[tuple[int | None, str]]]:
    out = tmp_path / "out.yaml"
    report = convert(source, out)
    return load_bank(out).bank, [(p.row, p.message) for p in report.problems]


def test_gift_question_kinds(tmp_path: Path) -> None:
    bank, problems = _import(DATA / "sample.gift", tmp_path)
    single, multiple, judge, fill, short, escaped, numerical = bank.questions
    assert (single.id, single.answer, single.tags) == ("g-001", "B", ("凝心铸魂",))  # type: ignore[union-attr]
    assert single.explanation == "宣讲季已组织基层宣讲3100余场。"
    assert multiple.id.startswith("x-")  # "第2题 总抓手" is a title, not an id
    assert multiple.answer == ("A", "C", "D")  # type: ignore[union-attr]
    assert judge.answer is True and judge.explanation == "见清廉机关部分。"  # type: ignore[union-attr]
    assert fill.stem == "工委以{{1}}为年度重点之一。"
    assert fill.blanks == (("干部素质提升年", "“干部素质提升年”"),)  # type: ignore[union-attr]
    assert short.reference == "举办报告会，开设专栏，开展面对面活动。"  # type: ignore[union-attr]
    assert escaped.stem == "比值 1:2 中的符号 { } = ~ # 都是原样文字吗？"
    assert numerical.stem == "一共有多少场？{{1}}"
    assert numerical.blanks == (("640",),)  # type: ignore[union-attr]
    assert problems == []


def test_gift_escapes_round_trip() -> None:
    text = "a\\b~c=d#e{f}g:h\n第二行"
    assert plain(protect(escape(text))) == text


def test_gift_export_reads_back(tmp_path: Path) -> None:
    source = bundled_banks() / "wh2025" / "00-overview.yaml"
    gift = tmp_path / "overview.gift"
    report = convert(source, gift)
    assert report.problems == ()
    back, problems = _import(gift, tmp_path)
    assert problems == []
    original = {q.id: q for q in load_bank(source).bank.questions}
    for question in back.questions:
        before = original[question.id]
        assert (question.type, question.tags) == (before.type, before.tags)
        if question.type in ("single", "multiple", "judge"):
            assert question == before.model_copy(update={"difficulty": 2, "source": None})
        if question.type == "fill":  # one blank each in this bank; written as {{1}}
            assert question.blanks == before.blanks  # type: ignore[union-attr]


def test_gift_export_skips_multi_blank_fill_as_a_problem(tmp_path: Path) -> None:
    source = tmp_path / "two.yaml"
    source.write_text(
        "format: 1\nid: two\ntitle: 两空\nquestions:\n"
        "  - {id: f-1, type: fill, stem: '{{1}}和{{2}}', blanks: [a, b], explanation: e}\n"
        "  - {id: j-1, type: judge, stem: 对吗, answer: true, explanation: e}\n",
        encoding="utf-8",
    )
    report = convert(source, tmp_path / "two.gift")
    assert report.count == 1
    assert [p.message for p in report.problems] == [
        "1 题是多空填空题（GIFT 只能表示一个空），未导出：f-1"
    ]


def test_aiken_from_a_txt_file(tmp_path: Path) -> None:
    bank, problems = _import(DATA / "sample-aiken.txt", tmp_path)
    first, second = bank.questions
    assert isinstance(first, SingleQuestion) and isinstance(second, MultipleQuestion)
    assert first.answer == "B" and first.explanation == "宣讲季已组织基层宣讲3100余场。"
    assert second.answer == ("A", "C")
    assert problems == [(9, "答案 D 不在选项中（选项为 A、B、C）")]


def test_aiken_question_without_answer_line_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "q.aiken"
    source.write_text(
        "问题一？\nA. 甲\nB. 乙\nANSWER: A\n\n问题二？\nA. 甲\nB. 乙\n", encoding="utf-8"
    )
    out = tmp_path / "q.yaml"
    report = convert(source, out)
    assert [(p.row, p.message) for p in report.problems] == [(6, "这道题缺少“ANSWER: …”行，未转换")]
    assert report.count == 1


def test_aiken_export_holds_single_choice_only(tmp_path: Path) -> None:
    source = bundled_banks() / "wh2025" / "00-overview.yaml"
    out = tmp_path / "o.txt"
    report = convert(source, out, to_fmt="aiken")
    questions = load_bank(source).bank.questions
    singles = [q for q in questions if q.type == "single"]
    assert report.count == len(singles)
    assert report.problems[0].message.startswith(f"{len(questions) - len(singles)} 题是非单选题")
    assert out.read_text(encoding="utf-8").splitlines()[:6] == [
        singles[0].stem,
        *(f"{k}. {v}" for k, v in singles[0].options.items()),
        f"ANSWER: {singles[0].answer}",
    ]


def test_aiken_question_without_answer_line_does_not_swallow_the_next(tmp_path: Path) -> None:
    source = tmp_path / "练习.txt"
    source.write_text(
        "问题一？\nA. 甲\nB. 乙\n\n问题二？\nA. 丙\nB. 丁\n答案：B\n", encoding="utf-8"
    )
    report = convert(source, tmp_path / "q.yaml")
    assert [(p.row, p.message) for p in report.problems] == [(1, "这道题缺少“ANSWER: …”行，未转换")]
    assert report.count == 1
    (question,) = load_bank(tmp_path / "q.yaml").bank.questions
    assert isinstance(question, SingleQuestion)
    assert (question.stem, dict(question.options), question.answer) == (
        "问题二？",
        {"A": "丙", "B": "丁"},
        "B",
    )
