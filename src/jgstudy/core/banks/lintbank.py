"""Lint checks over a whole bank's single-choice questions: patterns a cadre learns to bet on.

Each yields ``(path, message)`` at the bank's question list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from jgstudy.core.model import AnyQuestion, SingleQuestion
from jgstudy.core.siblings import normalized
from jgstudy.core.text import join, msg

Found = Iterator[tuple[tuple[str | int, ...], str]]
# Below this many single-choice questions a pattern is chance, not habit.
MIN_SINGLES = 12
# Share of right answers that are the longest option above which cadres can bet on it (about a
# quarter by chance with four options).
LONGEST_SHARE = 0.5
# Chi-square at p = 0.01 for 1..7 degrees of freedom.
_CHI2_CRITICAL = (6.63, 9.21, 11.34, 13.28, 15.09, 16.81, 18.48)


def _singles(questions: Sequence[AnyQuestion]) -> list[SingleQuestion]:
    return [q for q in questions if isinstance(q, SingleQuestion) and len(q.options) >= 3]


def longest_answers(questions: Sequence[AnyQuestion]) -> Found:
    """The right answer is the longest option far more often than chance."""
    singles = _singles(questions)
    if len(singles) < MIN_SINGLES:
        return
    longest = [q.id for q in singles if _is_longest(q)]
    share = len(longest) / len(singles)
    if share > LONGEST_SHARE:
        yield (
            ("questions",),
            msg(
                "{singles} 道单选题中有 {longest} 道（{share:.0%}）正确答案是最长的选项，"
                "考生可以“选最长的”猜对：请加长干扰项或缩短答案（如 {examples}）",
                singles=len(singles),
                longest=len(longest),
                share=share,
                examples=join("、", longest[:5]),
            ),
        )


def _is_longest(question: SingleQuestion) -> bool:
    lengths = {k: len(normalized(v)) for k, v in question.options.items()}
    right = lengths[question.answer]
    return all(right > n for k, n in lengths.items() if k != question.answer)


def answer_letters(questions: Sequence[AnyQuestion]) -> Found:
    """Right answers spread over the letters far from evenly (chi-square, p < 0.01)."""
    singles = _singles(questions)
    if len(singles) < MIN_SINGLES:
        return
    observed: Counter[str] = Counter(str(q.answer) for q in singles)
    expected: dict[str, float] = {}
    for question in singles:
        for key in question.options:
            expected[key] = expected.get(key, 0.0) + 1 / len(question.options)
    chi2 = sum((observed[k] - e) ** 2 / e for k, e in expected.items() if e > 0)
    freedom = min(max(len(expected) - 1, 1), len(_CHI2_CRITICAL))
    if chi2 > _CHI2_CRITICAL[freedom - 1]:
        counts = join(
            "、", [msg("{key} {count} 道", key=k, count=observed[k]) for k in sorted(expected)]
        )
        yield (
            ("questions",),
            msg(
                "单选题正确答案的字母分布很不均匀（{counts}），考生可以押字母：请调换选项顺序",
                counts=counts,
            ),
        )
