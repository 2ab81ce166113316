"""A question's content hash and stored JSON are byte for byte what they always were.

The content hash is how a re-import tells an edited question from an unchanged one: if it moved
for a single question, every database would see that question as edited. ``content_hash`` and
``stored_json`` take the serializer's bytes directly (faster on a cold import); here they are
compared with their definitions, ``model_dump_json``, on every bank in the repository, the
benchmark's bank and made-up questions with every field, default and awkward character.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.model import QUESTION_ADAPTER, AnyQuestion

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import questions as synthetic_questions  # noqa: E402

ALL_YAML = sorted(
    p
    for folder in ("question_banks", "tests")
    for pattern in ("*.yaml", "*.yml")
    for p in (ROOT / folder).rglob(pattern)
)


def old_hash(question: AnyQuestion) -> str:
    """The content hash as it was defined when the first banks were stored."""
    return hashlib.sha256(question.model_dump_json().encode()).hexdigest()[:16]


def assert_as_defined(questions: list[AnyQuestion]) -> None:
    for question in questions:
        assert question.content_hash() == old_hash(question), question.id
        assert question.stored_json() == question.model_dump_json(exclude_defaults=True)


def bank_questions() -> list[AnyQuestion]:
    found: list[AnyQuestion] = []
    for path in ALL_YAML:
        try:
            found.extend(load_bank(path).bank.questions)
        except BankErrors:
            continue  # a broken file, an exam blueprint
    return found


def test_every_bank_in_the_repository() -> None:
    questions = bank_questions()
    assert len(questions) > 100
    assert_as_defined(questions)


def test_the_benchmark_bank() -> None:
    assert_as_defined([QUESTION_ADAPTER.validate_python(q) for q in synthetic_questions(2000)])


BASE = {"id": "q1", "stem": "题干", "explanation": "解析"}
CASES: list[dict[str, Any]] = [
    {**BASE, "type": "judge", "answer": True},
    # Every default given explicitly: left out of the stored JSON, in the hashed one.
    {
        **BASE,
        "type": "judge",
        "answer": False,
        "tags": [],
        "difficulty": 2,
        "points": 1,
        "source": None,
        "image": None,
    },
    {
        **BASE,
        "type": "single",
        "options": {"A": "甲", "B": "乙"},
        "answer": "B",
        "tags": ["标签", "tag"],
        "difficulty": 5,
        "points": 0.1,
        "source": {"locator": "第一章", "quote": "原文"},
        "image": "img/a.png",
        "status": "draft",
    },
    {
        **BASE,
        "type": "multiple",
        "options": dict(zip("ABCDEFGH", "12345678", strict=True)),
        "answer": ["H", "A"],
    },
    {**BASE, "type": "fill", "stem": "{{1}} 和 {{2}}", "blanks": ["一", ["二", "两", "2"]]},
    {
        **BASE,
        "type": "short",
        "reference": "参考答案",
        "keywords": [
            {"word": "甲"},
            {"word": "乙", "points": 1.0, "aliases": []},
            {"word": "丙", "points": 2.5, "aliases": ["丁", "戊"]},
        ],
        "points": 1e20,
    },
    {**BASE, "type": "short", "reference": "x", "points": 3, "difficulty": 1},
    {
        **BASE,
        "type": "judge",
        "answer": True,
        "stem": 'quotes " and \\ backslash \\" \t tab\nnewline </script> \u00e9 \U0001f600 \u3000',
        "explanation": "\ufeff\u2028\u2029\u00a0 emoji \U0001f1e8\U0001f1f3 half\\",
    },
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_made_up_questions(case: dict[str, Any]) -> None:
    assert_as_defined([QUESTION_ADAPTER.validate_python(case)])


def test_random_text() -> None:
    rng = random.Random(18)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + ["\n", "\t", "\u4e2d", "\U0001f600", "\u00ff"]
    for index in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        wide = "".join(
            chr(rng.choice([rng.randint(0xA0, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
            for _ in range(rng.randint(1, 10))
        )
        question = {
            **BASE,
            "id": f"q{index}",
            "type": "short",
            "stem": text,
            "explanation": wide,
            "reference": text + wide,
            "points": rng.choice([0.5, 1, 1.0, 7, 1 / 3, 123456.789]),
            "tags": [text[:10]],
        }
        try:
            parsed = QUESTION_ADAPTER.validate_python(question)
        except ValueError:
            continue  # a control character the model refuses
        assert_as_defined([parsed])


def test_the_search_text_is_as_first_defined() -> None:
    from jgstudy.core.model import FillQuestion, ShortQuestion
    from jgstudy.core.storage.banks_repo import search_text

    def first_definition(question: AnyQuestion) -> str:
        parts = [question.stem, question.explanation]
        options = getattr(question, "options", None)
        if options:
            parts.extend(options.values())
        if isinstance(question, FillQuestion):
            parts.extend(a for accepted in question.blanks for a in accepted)
        if isinstance(question, ShortQuestion):
            parts.append(question.reference)
        return "\n".join(parts)

    questions = bank_questions() + [QUESTION_ADAPTER.validate_python(case) for case in CASES]
    assert {type(q) for q in questions} >= {FillQuestion, ShortQuestion}
    assert all(search_text(q) == first_definition(q) for q in questions)


def test_printable_text_has_no_hidden_character() -> None:
    """model._visible lets printable text through without its regex: no character the regex
    refuses is printable."""
    from jgstudy.core.model import _HIDDEN

    hidden = [chr(c) for c in range(0x110000) if _HIDDEN.match(chr(c))]
    assert len(hidden) == 29 + 33 + 5 + 4  # C0 but tab, LF, CR; DEL and C1; two bidi runs
    assert not any(c.isprintable() for c in hidden)
