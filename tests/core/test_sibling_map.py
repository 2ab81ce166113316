"""The sibling map the new-question order keeps apart equals the pairs the bank lint finds,
and a session's first new questions are those of the whole order.

sibling_map adds whole groups (every stem stating a common answer word, every question with
that answer) instead of pair by pair; the pairs must be exactly those of ``find_leaks``, on the
bundled banks and on a bank where a few common answer words make thousands of pairs.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from jgstudy.core import siblings
from jgstudy.core.banks import find_bank_files, load_bank
from jgstudy.core.banks.lint import MAX_GIVERS, LintKind, lint_banks
from jgstudy.core.model import AnyQuestion, MultipleScoring
from jgstudy.core.order import SeededOrder, interleave, order_key
from jgstudy.core.paths import bundled_banks
from jgstudy.core.records import QuestionRecord
from jgstudy.core.siblings import find_leaks, sibling_map

THEMES = ["理论武装", "党建引领", "基层组织建设", "清廉机关建设"]
UNITS = ["场", "次", "个", "期"]


def pairs_found_by_the_lint(questions: Sequence[AnyQuestion]) -> dict[int, frozenset[int]]:
    """The sibling relation from ``find_leaks``, one pair at a time, both ways."""
    pairs: dict[int, set[int]] = {}
    for leak in find_leaks(questions):
        pairs.setdefault(leak.giver, set()).add(leak.taker)
        pairs.setdefault(leak.taker, set()).add(leak.giver)
    return {k: frozenset(v) for k, v in pairs.items()}


def dense_bank(path: Path, count: int) -> Path:
    """Stems naming a theme and a number; multiple-choice answers are themes (each stated in a
    quarter of the stems); fill answers are numbers with units; some quotes repeat."""
    rng = random.Random(3)
    lines = ["format: 1", "id: dense", "title: 稠密题库", "questions:"]
    for i in range(count):
        theme, unit, number = rng.choice(THEMES), rng.choice(UNITS), rng.randint(10, 60)
        stem = f"围绕“{theme}”开展活动共{number}{unit}吗？（第{i}题）"
        lines += [f"  - id: q{i:04d}", f"    explanation: 第{i}题解析。"]
        lines += [f"    source: {{locator: 正文, quote: 开展活动{rng.randint(1, 40)}{unit}}}"]
        if i % 3 == 0:
            lines += ["    type: multiple", f"    stem: 以下哪些是主题？（第{i}题）"]
            lines += [f"    options: {{A: {THEMES[0]}, B: {THEMES[1]}, C: 招商引资, D: 其他}}"]
            lines += ["    answer: [A, B]"]
        elif i % 3 == 1:
            lines += ["    type: fill", f"    stem: 开展活动共{{{{1}}}}{unit}。（第{i}题）"]
            lines += [f"    blanks: [['{number}']]"]
        else:
            lines += ["    type: judge", f"    stem: {stem}", "    answer: true"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_sibling_map_of_a_dense_bank_is_the_lints_pairs(tmp_path: Path) -> None:
    questions = list(load_bank(dense_bank(tmp_path / "dense.yaml", 600)).bank.questions)
    expected = pairs_found_by_the_lint(questions)
    assert sum(len(v) for v in expected.values()) > 20_000  # really dense
    assert sibling_map(dict(enumerate(questions))) == expected


def test_the_sibling_map_of_the_bundled_banks_is_the_lints_pairs() -> None:
    banks = find_bank_files([bundled_banks()])
    questions = [q for path in banks for q in load_bank(path).bank.questions]
    assert len(questions) > 100
    assert sibling_map(dict(enumerate(questions))) == pairs_found_by_the_lint(questions)


def test_the_first_new_questions_of_a_session_are_the_first_of_the_whole_order(
    tmp_path: Path,
) -> None:
    """A session asks for its allowance only; the order must not change for that."""
    questions = list(load_bank(dense_bank(tmp_path / "dense.yaml", 400)).bank.questions)
    records = [
        QuestionRecord(pk, "dense", q, (), MultipleScoring.PARTIAL)
        for pk, q in enumerate(questions)
    ]
    siblings = sibling_map({r.pk: r.question for r in records})
    keys = [order_key(r) for r in records]
    whole = interleave(keys, siblings, seed="张三")
    assert sorted(whole) == list(range(len(records)))
    for limit in (0, 1, 20, 250, 1000):
        assert interleave(keys, siblings, seed="张三", limit=limit) == whole[:limit]


def test_an_order_kept_between_sessions_is_the_order_of_each_session(tmp_path: Path) -> None:
    """SeededOrder keeps the ranks of the questions met so far; ordering any set of them (fewer
    as questions are answered, more as a bank grows) must give what interleave gives."""
    questions = list(load_bank(dense_bank(tmp_path / "dense.yaml", 400)).bank.questions)
    records = [
        QuestionRecord(pk, "dense" if pk % 3 else "other", q, (), MultipleScoring.PARTIAL)
        for pk, q in enumerate(questions)
    ]
    siblings = sibling_map({r.pk: r.question for r in records})
    keys = {r.pk: order_key(r) for r in records}
    in_bank_order = sorted(keys, key=lambda pk: (keys[pk].bank_id, pk))
    kept = SeededOrder("张三")
    rng = random.Random(5)
    for size in (100, 300, 250, 400, 30, 0):
        chosen = set(rng.sample(in_bank_order, size))
        pks = [pk for pk in in_bank_order if pk in chosen]
        for limit in (None, 20):
            expected = interleave([keys[pk] for pk in pks], siblings, seed="张三", limit=limit)
            assert kept.order(pks, keys, siblings, limit=limit) == expected


def test_past_its_budget_the_relation_leaves_out_the_most_common_answer_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A theme answered by many questions and stated in most stems makes millions of pairs in a
    large bank (0.7 GB at 10,000 questions); past MAX_PAIRS the texts with the most pairs are
    left out, the rest kept whole, and the log names what was left out."""
    questions = list(load_bank(dense_bank(tmp_path / "dense.yaml", 400)).bank.questions)
    leaks = find_leaks(questions)
    per_text: dict[str, int] = {}
    for leak in leaks:
        if not leak.same_quote:
            per_text[leak.text] = per_text.get(leak.text, 0) + 1
    budget = sum(per_text.values()) // 3
    monkeypatch.setattr(siblings, "MAX_PAIRS", budget)
    with caplog.at_level(logging.WARNING, logger="jgstudy.core.siblings"):
        relation = sibling_map(dict(enumerate(questions)))
    left_out = {text for text in per_text if text in caplog.text}
    assert left_out and left_out < set(per_text)
    assert sum(n for text, n in per_text.items() if text not in left_out) <= budget
    assert min(per_text[t] for t in left_out) >= max(
        per_text[t] for t in per_text if t not in left_out
    )
    kept = [leak for leak in leaks if leak.same_quote or leak.text not in left_out]
    expected: dict[int, set[int]] = {}
    for leak in kept:
        expected.setdefault(leak.giver, set()).add(leak.taker)
        expected.setdefault(leak.taker, set()).add(leak.giver)
    assert relation == {k: frozenset(v) for k, v in expected.items()}


def test_the_lint_reports_what_it_reported_when_it_listed_every_pair(tmp_path: Path) -> None:
    """The lint reads each answer's stems instead of find_leaks' pairs (millions for a common
    word); its findings are those grouped from the pairs, in the same order."""
    bank = load_bank(dense_bank(tmp_path / "dense.yaml", 300)).bank
    questions = list(bank.questions)
    grouped: dict[tuple[int, str], list[int]] = {}
    same_quote_findings = []
    for leak in find_leaks(questions):
        if leak.same_quote:
            same_quote_findings.append((LintKind.SAME_QUOTE, ("questions", leak.taker, "source")))
        else:
            grouped.setdefault((leak.taker, leak.text), []).append(leak.giver)
    found = [
        f for f in lint_banks([bank]) if f.kind in (LintKind.SIBLING_LEAK, LintKind.SAME_QUOTE)
    ]
    assert [(f.kind, f.path) for f in found[: len(same_quote_findings)]] == same_quote_findings
    assert same_quote_findings
    leak_findings = found[len(same_quote_findings) :]
    expected = []
    for (taker, text), givers in grouped.items():
        if len(givers) > MAX_GIVERS:
            expected.append((taker, text, str(len(givers))))
        else:
            expected += [(giver, text, questions[taker].id) for giver in givers]
    assert len(leak_findings) == len(expected) > 10
    for finding, (place, text, detail) in zip(leak_findings, expected, strict=True):
        message = str(finding.message)
        assert finding.path[1] == place and text in message and detail in message, message
