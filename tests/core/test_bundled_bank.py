"""The bank shipped with jgstudy: valid, complete, and faithful to its source material."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from jgstudy.core.banks import load_banks
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    QType,
    ShortQuestion,
    SingleQuestion,
    blank_spans,
)
from jgstudy.core.paths import bundled_banks

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_DIR = ROOT.parent / "shared" / "material"
_IGNORED = str.maketrans("", "", "“”‘’《》「」\"' 　？?")
_VARIANTS = str.maketrans({"屆": "届"})  # the material writes 第十屆 once, 第十届 elsewhere
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NAMED = re.compile(r"[“‘《]([^”’》]+)[”’》]")
_SPLIT = re.compile(r"[、，,；;/]|——|—|－|→")
_AFFIXES = [
    "人次",
    "万元",
    "余场",
    "余次",
    "余名",
    "余项",
    "余家",
    "余个",
    "余本",
    "余头",
    "场",
    "个",
    "名",
    "次",
    "本",
    "期",
    "条",
    "项",
    "家",
    "头",
    "件",
    "人",
    "届",
    "年",
    "活动",
    "行动",
    "专栏",
    "品牌",
    "计划",
    "栏目",
    "案例",
    "精神",
]


def all_questions() -> list[AnyQuestion]:
    banks, problems = load_banks([bundled_banks()])
    assert problems == []
    return [q for loaded in banks for q in loaded.bank.questions]


QUESTIONS = all_questions()


def flat(text: str) -> str:
    return text.translate(_IGNORED).translate(_VARIANTS)


def variants(term: str) -> set[str]:
    """The term with unit suffixes (余场, 个…) and prefixes (第, 近…) taken off."""
    found = {term}
    for _ in range(3):
        found |= {
            t[: -len(s)] for t in found for s in _AFFIXES if t.endswith(s) and len(t) > len(s)
        }
        found |= {t[1:] for t in found if t[:1] in "第近超约" and len(t) > 1}
    return found


def fact_in_quote(term: str, quote: str) -> bool:
    """True when the key fact of an answer (its numbers, its named term) is in the quote."""
    if any(n not in _NUMBER.findall(quote) for n in _NUMBER.findall(term)):
        return False
    whole, plain = flat(term), flat(quote)
    if whole in plain:
        return True
    named = _NAMED.findall(term)
    if named:
        return all(flat(n) in plain for n in named)
    parts = [p.strip() for p in _SPLIT.split(whole) if p.strip()]
    return all(
        any(v in plain for v in variants(p)) or (_NUMBER.search(p) and len(_NUMBER.sub("", p)) <= 3)
        for p in parts
    )


def answer_terms(question: AnyQuestion) -> list[str]:
    """The texts that carry the correct answer's key fact."""
    if isinstance(question, SingleQuestion):
        return [question.options[question.answer]]
    if isinstance(question, MultipleQuestion):
        return [
            question.options[min(question.answer)]
        ]  # later ones may come from a neighbour sentence
    if isinstance(question, FillQuestion):
        return [accepted[0] for accepted in question.blanks]
    if isinstance(question, JudgeQuestion) and question.answer:
        return _NUMBER.findall(question.stem)
    return []


def test_the_bank_is_large_enough_and_has_every_type() -> None:
    assert len(QUESTIONS) >= 200
    counts = Counter(q.type for q in QUESTIONS)
    assert set(counts) == set(QType)
    share = {t: counts[t] / len(QUESTIONS) for t in QType}
    assert 0.30 <= share[QType.SINGLE] <= 0.50
    assert 0.12 <= share[QType.MULTIPLE] <= 0.28
    assert 0.10 <= share[QType.JUDGE] <= 0.22
    assert 0.12 <= share[QType.FILL] <= 0.28
    assert 0.03 <= share[QType.SHORT] <= 0.10


def test_ids_are_unique_across_the_banks() -> None:
    ids = Counter(q.id for q in QUESTIONS)
    assert [qid for qid, n in ids.items() if n > 1] == []


def test_banks_follow_the_report_chapters() -> None:
    banks, _problems = load_banks([bundled_banks()])
    chapters = {tag for loaded in banks for tag in loaded.bank.tags}
    assert {"凝心铸魂", "赋能发展", "强基提能", "清廉机关"} <= chapters


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_has_a_short_source_quote_and_an_explanation(question: AnyQuestion) -> None:
    assert question.source is not None
    assert question.source.locator
    assert 0 < len(question.source.quote) <= 60
    assert "\n" not in question.source.quote
    assert len(question.explanation) >= 10


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_key_fact_of_the_answer_is_in_the_quote(question: AnyQuestion) -> None:
    assert question.source is not None
    for term in answer_terms(question):
        assert fact_in_quote(term, question.source.quote), (term, question.source.quote)
    if isinstance(question, ShortQuestion):
        words = [w for k in question.keywords for w in (k.word, *k.aliases)]
        assert any(flat(w) in flat(question.source.quote) for w in words)


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if isinstance(q, FillQuestion)], ids=lambda q: q.id
)
def test_fill_blanks_match_the_stem(question: FillQuestion) -> None:
    assert len(blank_spans(question.stem)) == len(question.blanks)


def test_wrong_options_are_not_lifted_from_the_quote() -> None:
    lifted = [
        (q.id, key)
        for q in QUESTIONS
        if isinstance(q, SingleQuestion | MultipleQuestion) and q.source
        for key, text in q.options.items()
        if key not in q.answer and flat(text) and flat(text) in flat(q.source.quote)
    ]
    assert lifted == []


@pytest.mark.skipif(
    not MATERIAL_DIR.is_dir(), reason="source material ../shared/material/ not present"
)
def test_every_quote_is_verbatim_in_the_material() -> None:
    material = "\n".join(p.read_text("utf-8") for p in sorted(MATERIAL_DIR.glob("*.txt")))
    missing = [q.id for q in QUESTIONS if q.source and q.source.quote not in material]
    assert missing == []
