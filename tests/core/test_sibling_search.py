"""The one-pass (Aho-Corasick) search for answers stated in other stems finds exactly what the
old search found: one ``str.find`` pass over all stems per distinct answer text, kept here as
the reference. Compared through ``find_leaks`` (same leaks, same order) and ``sibling_map``, on
the bundled banks, on the benchmark's synthetic bank and on cases made to break a careless
search: numbers inside longer numbers, overlapping answers, an answer that is a prefix of
another, full-width and astral-plane text, empty stems.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from jgstudy.core.banks import find_bank_files, load_bank
from jgstudy.core.model import AnyQuestion, FillQuestion, JudgeQuestion, SingleQuestion
from jgstudy.core.paths import bundled_banks
from jgstudy.core.siblings import (
    Leak,
    contains,
    find_leaks,
    leaking_answers,
    normalized,
    same_quotes,
    sibling_map,
    stem_text,
)

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import synth


def reference_pairs(questions: Sequence[AnyQuestion]) -> Iterator[tuple[int, int, str]]:
    """The search before Aho-Corasick (main d317a25), unchanged but for names."""
    stems = [normalized(stem_text(q)) for q in questions]
    starts, offset = [], 0
    for stem in stems:
        starts.append(offset)
        offset += len(stem) + 1
    joined = "\n".join(stems)
    found: dict[str, list[int]] = {}
    for taker, question in enumerate(questions):
        for text in leaking_answers(question):
            if text not in found:
                hits: set[int] = set()
                position = joined.find(text)
                while position >= 0:
                    index = bisect.bisect_right(starts, position) - 1
                    if index not in hits and contains(stems[index], text):
                        hits.add(index)
                    position = joined.find(text, position + 1)
                found[text] = sorted(hits)
            yield from ((g, taker, text) for g in found[text] if g != taker)


def reference_leaks(questions: Sequence[AnyQuestion]) -> list[Leak]:
    leaks = [Leak(g, t, text) for g, t, text in reference_pairs(questions)]
    return leaks + same_quotes(questions)


def reference_map(questions: Sequence[AnyQuestion]) -> dict[int, frozenset[int]]:
    near: dict[int, set[int]] = {}
    for leak in reference_leaks(questions):
        near.setdefault(leak.giver, set()).add(leak.taker)
        near.setdefault(leak.taker, set()).add(leak.giver)
    return {k: frozenset(v - {k}) for k, v in near.items() if v - {k}}


def assert_same_as_reference(questions: Sequence[AnyQuestion]) -> list[Leak]:
    expected = reference_leaks(questions)
    assert find_leaks(questions) == expected
    assert sibling_map(dict(enumerate(questions))) == reference_map(questions)
    return expected


def fill(stem: str, *answers: str) -> FillQuestion:
    return FillQuestion(
        id="f", type="fill", explanation="解析", stem=stem + "{{1}}", blanks=[list(answers)]
    )


def single(stem: str, answer: str) -> SingleQuestion:
    return SingleQuestion(
        id="s",
        type="single",
        explanation="解析",
        stem=stem,
        options={"A": answer, "B": "别的"},
        answer="A",
    )


def judge(stem: str) -> JudgeQuestion:
    return JudgeQuestion(id="j", type="judge", explanation="解析", stem=stem, answer=True)


def test_the_bundled_banks_give_the_same_leaks() -> None:
    banks = find_bank_files([bundled_banks()])
    questions = [q for path in banks for q in load_bank(path).bank.questions]
    assert len(questions) > 100
    assert len(assert_same_as_reference(questions)) > 0


def test_the_benchmarks_synthetic_bank_gives_the_same_leaks(tmp_path: Path) -> None:
    bank = load_bank(synth.write_bank(tmp_path / "synth.yaml", 3000)).bank
    assert len(bank.questions) == 3000
    assert len(assert_same_as_reference(list(bank.questions))) > 0


def test_a_number_inside_a_longer_number_states_nothing() -> None:
    questions = [
        single("共有多少？", "30人"),
        single("数量", "30"),
        judge("共有130人参加"),  # 30人 inside 130人: no
        judge("共有300人参加"),  # 30 inside 300: no
        judge("去年30人，今年130人"),  # one occurrence stands alone: yes
        judge("第1302号文件"),
        judge("30"),  # the whole stem
        judge("x30"),
    ]
    leaks = assert_same_as_reference(questions)
    givers = {(leak.giver, leak.text) for leak in leaks}
    assert (4, "30人") in givers and (4, "30") in givers
    assert not {g for g, _ in givers} & {2, 3, 5}
    assert {(6, "30"), (7, "30")} <= givers


def test_overlapping_and_prefix_answers_are_all_found() -> None:
    questions = [
        single("哪一项？", "党建"),
        single("哪一项？", "党建引领"),
        single("哪一项？", "建引领发展"),
        single("哪一项？", "引领"),
        judge("坚持党建引领发展"),
        judge("党建党建党建"),
        judge("引领"),
    ]
    leaks = assert_same_as_reference(questions)
    assert {(leak.giver, leak.taker) for leak in leaks} >= {(4, 0), (4, 1), (4, 2), (4, 3)}


def test_full_width_astral_and_empty_stems_match_as_before() -> None:
    questions = [
        single("哪一年？", "２０２５年"),  # full-width digits fold to 2025年
        judge("自2025年起施行"),
        judge("自12025年起"),  # inside a longer number
        single("哪个字？", "𠀀字30"),  # astral-plane character before the text
        judge("𠀀𠀀字30条"),
        judge("𠀀字300"),
        judge("  "),  # empty once normalized
        judge("“”（）"),  # empty once normalized
        fill("", "空题干"),
        judge("空题干"),
    ]
    leaks = assert_same_as_reference(questions)
    assert {(leak.giver, leak.taker) for leak in leaks} == {(1, 0), (4, 3), (9, 8)}


def test_a_stem_stating_its_own_answer_is_no_leak() -> None:
    questions = [fill("党建引领：", "党建引领"), judge("无关")]
    assert assert_same_as_reference(questions) == []


@pytest.mark.parametrize("count", [0, 1])
def test_tiny_banks(count: int) -> None:
    assert assert_same_as_reference([judge("共30人")] * count) == []
