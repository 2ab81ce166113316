"""The lint's near-duplicate stems found by prefix filtering are exactly those the search over
every shared bigram found (kept here as the reference): same pairs, same order, same messages.
On the bundled banks, the benchmark's templated bank, stems cut from the report at random
(overlapping windows: many near pairs) and short, empty and identical stems.
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from jgstudy.core.banks import find_bank_files, load_bank
from jgstudy.core.banks.lintquestion import NEAR_DUPLICATE, _bigrams, near_duplicates
from jgstudy.core.model import AnyQuestion, JudgeQuestion
from jgstudy.core.paths import bundled_banks
from jgstudy.core.siblings import normalized, stem_text

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import synth

MATERIAL = Path(__file__).parents[1] / "data" / "materials"


def reference(questions: Sequence[AnyQuestion]) -> Iterator[tuple[int, int, float]]:
    """The search before prefix filtering (main a62fb9f), unchanged but for the message."""
    grams = [_bigrams(normalized(stem_text(q))) for q in questions]
    index: dict[str, list[int]] = defaultdict(list)
    for position, bag in enumerate(grams):
        shared: dict[int, int] = defaultdict(int)
        for gram in bag:
            for other in index[gram]:
                shared[other] += 1
            index[gram].append(position)
        for other, count in sorted(shared.items()):
            union = len(bag) + len(grams[other]) - count
            if union and count / union >= NEAR_DUPLICATE:
                yield position, other, count / union


def assert_same(questions: Sequence[AnyQuestion]) -> int:
    expected = list(reference(questions))
    found = list(near_duplicates(questions))
    assert [(p, o) for p, o, _ in found] == [(p, o) for p, o, _ in expected]
    for (_p, _o, message), (p, o, share) in zip(found, expected, strict=True):
        assert (
            str(message) == f"{questions[p].id} 的题干与 {questions[o].id} 几乎相同（{share:.0%}）"
        )
    return len(expected)


def judge(stem: str, index: int) -> JudgeQuestion:
    return JudgeQuestion(id=f"j{index}", type="judge", explanation="解析", stem=stem, answer=True)


def report_text() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(MATERIAL.rglob("*.txt"))]
    return re.sub(r"\s+", "", "".join(texts))


def test_the_bundled_banks() -> None:
    banks = find_bank_files([bundled_banks()])
    assert_same([q for path in banks for q in load_bank(path).bank.questions])


def test_the_benchmarks_templated_bank(tmp_path: Path) -> None:
    bank = load_bank(synth.write_bank(tmp_path / "synth.yaml", 1500)).bank
    assert assert_same(list(bank.questions)) > 100


@pytest.mark.parametrize("seed", range(3))
def test_stems_cut_from_the_report(seed: int) -> None:
    text = report_text()
    assert len(text) > 1000
    rng = random.Random(seed)
    questions = []
    for i in range(1500):
        start, length = rng.randrange(len(text) - 80), rng.randint(4, 60)
        questions.append(judge(text[start : start + length], i))
    assert assert_same(questions) > 20


def test_short_empty_and_identical_stems() -> None:
    stems = [
        "党建",
        "党建",
        "党建引领",
        "建引领党",
        "123",
        "１２３",
        "一",
        "",
        "？？",
        "党建引领发展",
    ]
    stems += ["党建引领高质量发展" + suffix for suffix in ("", "。", "！", "吗", "呢")]
    assert_same([judge(stem or "（　）", i) for i, stem in enumerate(stems)])
