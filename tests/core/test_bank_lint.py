"""The bank lint: giveaways found from the bank itself, each located in plain Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.core.banks import load_bank, load_banks
from jgstudy.core.banks.lint import LintKind, lint_banks, lint_loaded
from jgstudy.core.model import Bank
from jgstudy.core.paths import bundled_banks
from jgstudy.core.siblings import find_leaks, shown_tags, sibling_map

LEAKY = Path(__file__).resolve().parents[1] / "data" / "lint" / "leaky.yaml"


def kinds_of(qid: str) -> set[LintKind]:
    loaded = load_bank(LEAKY)
    found = lint_loaded([loaded])
    return {f.finding.kind for f in found if f.finding.message.startswith(qid)}


def test_a_stem_stating_a_siblings_answer_is_a_leak_at_its_line() -> None:
    found = [f for f in lint_loaded([load_bank(LEAKY)]) if "47家" in f.problem.message]
    assert len(found) == 1
    problem = found[0].problem
    assert problem.file == LEAKY
    assert LEAKY.read_text("utf-8").splitlines()[problem.line - 1].strip().startswith("stem:")
    assert "nx-047 的题干写出了 nx-011 的答案“47家”" in problem.message


def test_the_two_issue_examples_are_siblings_both_ways() -> None:
    bank = load_bank(LEAKY).bank
    pairs = sibling_map({q.id: q for q in bank.questions})
    assert "nx-011" in pairs["nx-047"] and "nx-047" in pairs["nx-011"]
    assert "ql-014" in pairs["ql-015"]  # “80周年” in ql-015 answers ql-014
    assert "ql-016" in pairs["ql-014"]  # same source quote


def test_a_number_in_another_unit_is_no_leak() -> None:
    # fn-033's answer is 30 (家); “30个机关党支部” elsewhere does not answer it.
    bank = load_bank(LEAKY).bank
    questions = list(bank.questions)
    ids = {(questions[x.giver].id, questions[x.taker].id) for x in find_leaks(questions)}
    assert not any(taker == "fn-033" for _giver, taker in ids)


def test_each_giveaway_kind_is_found() -> None:
    assert LintKind.TAG_ANSWER in kinds_of("fn-001")
    assert LintKind.STEM_HINT in kinds_of("fn-001")  # 直播间 rules out C and D
    assert LintKind.STEM_ANSWER in kinds_of("ql-020")
    assert LintKind.NO_PICTURE in kinds_of("ov-007")
    assert LintKind.SIBLING_LEAK in kinds_of("ql-016")  # 书法作品 in three stems: one finding


STEMS = [
    "宣讲季已组织基层宣讲多少场？",
    "大讲堂全年举办了几期？",
    "导学载体共构建了多少个？",
    "列席旁听覆盖了多少家单位？",
    "青年读书活动组织了多少场？",
    "领导荐书一共多少本？",
    "红色基因我传承活动开展了多少场？",
    "先进典型面对面活动开展了多少场？",
    "报告会上有几名先进代表发言？",
    "赴大悟县的青年干部来自多少家单位？",
    "党支部与多少家重点企业结对？",
    "技能大赛决赛有多少名选手？",
    "廉洁文化活动全年开展了多少场？",
    "警示教育全年开展了多少次？",
    "读书班一共举办了多少个？",
    "专题轮训开展了多少期？",
]


def _singles(answers: str, longest: bool) -> Bank:
    questions = []
    for index, key in enumerate(answers):
        options = {k: f"选项{k}{index}" for k in "ABCD"}
        if longest:
            options[key] += "而且更长一些的说法"
        questions.append(
            {
                "id": f"q{index}",
                "type": "single",
                "stem": STEMS[index],
                "options": options,
                "answer": key,
                "explanation": "解析写在这里。",
            }
        )
    return Bank.model_validate({"format": 1, "id": "b", "title": "题库", "questions": questions})


def test_answer_always_the_longest_option_is_reported() -> None:
    found = lint_banks([_singles("ABCD" * 4, longest=True)])
    assert [f.kind for f in found] == [LintKind.LONGEST_ANSWER]
    assert "16 道单选题中有 16 道" in found[0].message
    assert lint_banks([_singles("ABCD" * 4, longest=False)]) == []


def test_unbalanced_answer_letters_are_reported() -> None:
    found = lint_banks([_singles("A" * 13 + "BCD", longest=False)])
    assert [f.kind for f in found] == [LintKind.ANSWER_LETTERS]
    assert "A 13 道" in found[0].message


def test_check_lint_exits_non_zero_and_lists_each_finding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--lint", str(LEAKY)]) == 1
    out = capsys.readouterr()
    assert f"{LEAKY}:" in out.out
    assert "会让考生不看题就答对" in out.err
    assert main(["check", str(LEAKY)]) == 0  # without --lint the bank is valid


def test_the_shipped_bank_has_no_leak_or_giveaway() -> None:
    banks, problems = load_banks([bundled_banks()])
    assert problems == []
    leaks = [str(f) for f in lint_loaded(banks) if f.finding.is_leak]
    assert leaks == []


def test_the_shipped_bank_has_no_other_lint_finding_either() -> None:
    banks, _problems = load_banks([bundled_banks()])
    kept = {LintKind.SAME_QUOTE}  # kinship only: draws keep these apart
    others = [str(f) for f in lint_loaded(banks) if f.finding.kind not in kept]
    assert others == []


def test_a_tag_that_names_an_option_or_the_answer_is_not_shown() -> None:
    bank = load_bank(LEAKY).bank
    platform = next(q for q in bank.questions if q.id == "fn-001")
    assert shown_tags(platform, ("赋能发展", "先锋直播间", "直播间", "政策直播")) == (
        "赋能发展",
        "政策直播",
    )
    fill = next(q for q in bank.questions if q.id == "nx-047")
    assert shown_tags(fill, ("中心组学习", "列席旁听")) == ("中心组学习",)
