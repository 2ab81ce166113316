"""The fast YAML path (yaml_rs) gives exactly what the safe PyYAML path gives, or steps aside.

Every comparison is strict about types: ``1 == True == 1.0`` in Python, but a bank where
``difficulty: 010`` became 10 instead of PyYAML's 8 must fail here.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jgstudy.core.banks import BankErrors, load_bank
from jgstudy.core.banks.yamlfast import ENABLED, fast_parse
from jgstudy.core.banks.yamlsafe import DuplicateKeys, YamlLimitError, parse

ROOT = Path(__file__).parents[2]
ALL_YAML = sorted(
    p
    for folder in ("question_banks", "tests")
    for pattern in ("*.yaml", "*.yml")
    for p in (ROOT / folder).rglob(pattern)
)
BUNDLED_BANKS = sorted((ROOT / "question_banks").glob("wh*/*.yaml"))
pytestmark = pytest.mark.skipif(not ENABLED, reason="yaml_rs or libyaml >= 0.2.6 missing")


def strict(value: Any) -> Any:
    """``value`` with the type of every scalar made part of it, so that 1, True, 1.0 differ."""
    if isinstance(value, dict):
        return ("dict", [(strict(k), strict(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [strict(v) for v in value])
    return (type(value).__name__, repr(value))


def assert_same_parse(text: str) -> bool:
    """The fast parse equals the safe parse, or declines; True when it did not decline."""
    parsed = fast_parse(text)
    try:
        safe = parse(text)
    except (Exception, RecursionError) as exc:  # whatever the safe path refuses
        assert parsed is None, f"fast path accepted what the safe path refuses: {exc!r}"
        return False
    if parsed is not None:
        assert strict(parsed.data) == strict(safe)
    return parsed is not None


def outcome(path: Path, fast: bool) -> Any:
    try:
        loaded = load_bank(path, fast=fast)
    except BankErrors as errors:
        return ("refused", [(p.line, p.column, p.message) for p in errors.problems])
    bank = loaded.bank
    return ("bank", strict(bank.model_dump(mode="python")), [type(q) for q in bank.questions])


def assert_same_outcome(path: Path) -> None:
    assert outcome(path, fast=True) == outcome(path, fast=False)


@pytest.mark.parametrize("path", ALL_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_and_test_yaml_parses_the_same(path: Path) -> None:
    assert_same_parse(path.read_text("utf-8-sig"))
    assert_same_outcome(path)


@pytest.mark.parametrize("path", BUNDLED_BANKS, ids=lambda p: p.name)
def test_bundled_banks_take_the_fast_path(path: Path) -> None:
    # Otherwise the equality above would hold trivially.
    assert assert_same_parse(path.read_text("utf-8-sig"))


BANK = """\
format: 1
id: odd
title: 古怪的题库
questions:
  - id: {qid}
    type: judge
    stem: 判断题
    answer: {answer}
    explanation: 解析
    difficulty: {difficulty}
    points: {points}
  - id: f1
    type: fill
    stem: 共{{{{1}}}}人
    blanks: [{blank}]
    explanation: 解析
"""
GOOD = {"qid": "j1", "answer": "true", "difficulty": "3", "points": "1.5", "blank": "'294'"}
VARIANTS = [
    # YAML 1.1 booleans, octals, sexagesimals, dates, exponents where 1.2 reads otherwise.
    *({"answer": word} for word in ("yes", "No", "on", "OFF", "y", "n", "True", "FALSE", "1")),
    *({"qid": word} for word in ("yes", "on", "0123", "0o17", "2026-01-01", "1:30", "null")),
    *({"qid": word} for word in ("'yes'", '"0123"', "'2026-01-01'", "0x1F", "1_000", "=")),
    *({"difficulty": word} for word in ("010", "0o3", "03", "0x3", "0b11", "+3", "3.0", "3_")),
    *({"difficulty": word} for word in ("'3'", "1:30", "true", "~", "", "08", "_3", "!!int 3")),
    *({"points": word} for word in ("1e1", "1.0e+1", "1.0e1", ".5", "-.5", "+.5", "5.", "0.5")),
    *({"points": word} for word in (".inf", ".Inf", ".iNf", ".nan", "1_0.5", "1:30.5", "2.5")),
    *({"blank": word} for word in ("294", "'0294'", "0294", "yes", "'yes'", "2026-01-01")),
    *({"blank": word} for word in ("'1:30'", "1:30", "'<<'", '"~"', "'12.5'", "|-\n      5")),
]


@pytest.mark.parametrize("change", VARIANTS, ids=lambda c: repr(c)[1:-1])
def test_yaml_1_1_scalars_give_the_same_bank_or_the_same_refusal(
    tmp_path: Path, change: dict[str, str]
) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(BANK.format(**{**GOOD, **change}), "utf-8")
    assert_same_parse(path.read_text("utf-8"))
    assert_same_outcome(path)


def test_a_plain_well_formed_bank_takes_the_fast_path() -> None:
    assert assert_same_parse(BANK.format(**GOOD))


BAD_FILES = {
    "duplicate keys": BANK.format(**GOOD).replace(
        "    stem: 判断题\n", "    stem: 甲\n    stem: 乙\n"
    ),
    "duplicate equal keys": "format: 1\nformat: 1\nid: x\n",
    "tab before a key": BANK.format(**GOOD).replace("    stem: 判断题", "\tstem: 判断题"),
    "tab after a colon": BANK.format(**GOOD).replace("stem: 判断题", "stem:\t判断题"),
    "tab inside a value": BANK.format(**GOOD).replace("stem: 判断题", "stem: 判断\t题"),
    "anchor and alias": BANK.format(**GOOD)
    .replace("explanation: 解析\n  - id: f1", "explanation: &e 解析\n  - id: f1")
    .replace("blanks: ['294']\n    explanation: 解析", "blanks: ['294']\n    explanation: *e"),
    "merge key": "format: 1\n<<: {id: merged}\ntitle: t\nquestions: []\n",
    "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7)
    ),
    "python tag": "format: 1\nid: !!python/object:os.system x\n",
    "str tag": BANK.format(**{**GOOD, "qid": "!!str 0123"}),
    "BOM": "\ufeff" + BANK.format(**GOOD),
    "BOM inside": BANK.format(**GOOD).replace("stem: 判断题", "stem: \ufeff判断题"),
    "CRLF": BANK.format(**GOOD).replace("\n", "\r\n"),
    "CR only": BANK.format(**GOOD).replace("\n", "\r"),
    "NEL": BANK.format(**GOOD).replace("stem: 判断题", "stem: 判断\x85题"),
    "line separator": BANK.format(**GOOD).replace("stem: 判断题", "stem: 判断\u2028题"),
    "quoted line separator": BANK.format(**GOOD).replace("stem: 判断题", 'stem: "判断\u2028题"'),
    "DEL character": BANK.format(**GOOD).replace("stem: 判断题", "stem: 判断\x7f题"),
    "escaped control": BANK.format(**GOOD).replace("stem: 判断题", 'stem: "判断\\x01题"'),
    "list as key": "format: 1\n[a, b]: c\n",
    "explicit complex key": "format: 1\n? [a]\n: b\n",
    "two documents": BANK.format(**GOOD) + "---\nformat: 1\n",
    "document end": BANK.format(**GOOD) + "...\n",
    "YAML directive": "%YAML 1.1\n---\n" + BANK.format(**GOOD),
    "top-level list": "- 1\n- 2\n",
    "empty": "",
    "only a comment": "# nothing\n",
    "deep flow nesting": "k: " + "[" * 2000 + "]" * 2000 + "\n",
    "deep block nesting": "".join("  " * i + "k:\n" for i in range(1500)),
    "nesting over the limit": "k: " + "[" * 70 + "]" * 70 + "\n",
    "unclosed quote": BANK.format(**GOOD).replace("stem: 判断题", 'stem: "判断题'),
    "bad indentation": BANK.format(**GOOD).replace("    answer:", "   answer:"),
    "flow json keys": '{"format": 1, "id": "j", "title": "t", "questions":[{"id":"q","type":"judge",'
    '"stem":"s","answer":true,"explanation":"e","difficulty":010}]}\n',
    "folded and literal": BANK.format(**GOOD)
    .replace("stem: 判断题", "stem: >-\n      第一行\n      第二行\n\n      新段")
    .replace("explanation: 解析\n    difficulty", "explanation: |+\n      保留\n\n    difficulty"),
    "multi-line plain": BANK.format(**GOOD).replace(
        "stem: 判断题", "stem: 判断\n      题目\n\n      继续"
    ),
    "escapes": BANK.format(**GOOD).replace("stem: 判断题", 'stem: "\\u5224\\t\\/\\N\\_题 \\\\"'),
    "single quotes": BANK.format(**GOOD).replace("stem: 判断题", "stem: '它''s\n      判断'"),
    "comment after value": BANK.format(**GOOD).replace("stem: 判断题", "stem: 判断题 # 注释"),
    "hash inside value": BANK.format(**GOOD).replace("stem: 判断题", "stem: C#语言"),
    "percent and star in text": BANK.format(**GOOD).replace("stem: 判断题", "stem: 增长 5% *重点*"),
}


@pytest.mark.parametrize("text", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_odd_and_bad_files_behave_identically(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert_same_parse(path.read_bytes().decode("utf-8-sig"))
    assert_same_outcome(path)


def test_duplicate_keys_are_refused_with_their_place_on_both_paths(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(BAD_FILES["duplicate keys"], "utf-8")
    refused = outcome(path, fast=True)
    assert refused[0] == "refused"
    assert refused[1][0][:2] == (8, 5)
    assert "重复" in refused[1][0][2]
    with pytest.raises(DuplicateKeys):
        parse(BAD_FILES["duplicate keys"])


def test_billion_laughs_never_reaches_the_fast_parser() -> None:
    assert fast_parse(BAD_FILES["billion laughs"]) is None
    with pytest.raises(YamlLimitError):
        parse(BAD_FILES["billion laughs"])


TOKENS = [
    "yes",
    "no",
    "on",
    "off",
    "Yes",
    "NO",
    "y",
    "n",
    "true",
    "False",
    "TRUE",
    "tRue",
    "null",
    "Null",
    "~",
    "0",
    "-0",
    "+0",
    "7",
    "-7",
    "+7",
    "010",
    "-010",
    "08",
    "0o7",
    "0O7",
    "0x1f",
    "0X1F",
    "0b11",
    "0B11",
    "1_000",
    "_1",
    "1__0",
    "1e3",
    "1E3",
    "1e+3",
    "1.0e+3",
    "1.0e3",
    ".5",
    "-.5",
    "+.5",
    "._5",
    "5.",
    "1.5",
    "-1.5",
    "1_0.5",
    "012.5",
    ".inf",
    "-.Inf",
    ".NaN",
    ".iNf",
    "1:30",
    "-1:30",
    "190:20:30.15",
    "2026-01-01",
    "2026-13-45",
    "2001-12-14 21:59:43",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "12345678901234567890123",
    "1.7976931348623157e309",
    "a",
    "中文",
    "10月",
    "2025年",
    "第010号",
    "x:1",
    "a b",
    "",
]
CONTEXTS = ["k: {t}\n", "k:\n- {t}\n", "k: [{t}, x]\n", "{t}: v\n", "k: {{a: {t}}}\n", "k: '{t}'\n",
            'k: "{t}"\n', "k: |\n  {t}\n", "k:\n  {t}\n"]  # fmt: skip


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_tricky_scalar_reads_alike_in_every_context(context: str) -> None:
    taken = sum(assert_same_parse(context.format(t=token)) for token in TOKENS)
    assert taken > 0  # the ordinary tokens at least take the fast path


PIECES = ["a", "中文", "b c", "x #c", "1", "010", "1e3", "yes", "''", '"d\\te"', "'it''s'", "k: v",
          "[a, '1', 2]", "{a: 1, b: [x]}", "[]", "a\tb", "a:b", "  lead", "trail  ", "2026-01-01",
          "12:30", "~", "0.5", "#c", "- i", ":"]  # fmt: skip
HEADS = ["|", "|-", "|+", ">", ">-", ">+", "|2", ">1", "| #c"]


def random_document(rng: random.Random, indent: int = 0, depth: int = 0) -> str:
    """A mapping of random block scalars, multi-line plain and quoted scalars and collections."""

    def lines(ind: int) -> str:
        picks = [rng.choice(["", " " * rng.randint(0, ind + 2), " " * ind + rng.choice(PIECES)])
                 for _ in range(rng.randint(0, 4))]  # fmt: skip
        return "\n".join(picks)

    def value() -> str:
        roll = rng.random()
        if roll < 0.2 and depth < 3:
            return "\n" + random_document(rng, indent + 2, depth + 1)
        if roll < 0.5:
            return rng.choice(HEADS) + "\n" + lines(indent + 2)
        if roll < 0.65:
            return rng.choice(PIECES) + "\n" + lines(indent + 2)
        if roll < 0.8:
            quote = rng.choice("'\"")
            return quote + rng.choice(PIECES) + "\n" + lines(indent + 1) + quote
        return rng.choice(PIECES)

    return "\n".join(f"{' ' * indent}k{i}: {value()}" for i in range(rng.randint(1, 4)))


def test_random_documents_read_alike() -> None:
    """Block scalars found yaml_rs and PyYAML apart ("k: |" empty, no final line break)."""
    rng = random.Random(20261206)
    taken = 0
    for _ in range(1500):
        text = random_document(rng) + rng.choice(["\n", "", "\n\n", "\n# end\n"])
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        taken += assert_same_parse(text)
    assert taken > 300


def test_a_structural_disagreement_of_the_parsers_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libyaml's event count is the cross-check: a yaml_rs result with a node more or less (a
    line folded into a scalar instead of a key of its own, say) is not taken."""
    import yaml_rs

    real = yaml_rs.loads

    def one_key_lost(text: str, **options: Any) -> Any:
        data = real(text, **options)
        if isinstance(data, dict) and "title" in data:
            del data["title"]
        return data

    text = BANK.format(**GOOD)
    assert fast_parse(text) is not None
    monkeypatch.setattr(yaml_rs, "loads", one_key_lost)
    assert fast_parse(text) is None


RISKY_ALPHABET = [*"-+0123456789._&*!%eExXoObB:'\"[]{}, \n\t\r#|>a中",
    "\u3000", "\ufeff", "\x85", "\u2028", "\u2029", "\u00a0", "1e", "0x", " -", ": "]  # fmt: skip


def test_the_risky_text_scan_answers_as_the_single_regex() -> None:
    """``_risky`` looks only where ``_RISKY_TEXT`` can match: same answer on every text."""
    from jgstudy.core.banks.yamlfast import _RISKY_TEXT, _risky

    texts = [p.read_text("utf-8-sig") for p in ALL_YAML]
    texts += [context.format(t=token) for context in CONTEXTS for token in TOKENS]
    doc_rng = random.Random(18)
    texts += [random_document(doc_rng) + "\n" for _ in range(500)]
    rng = random.Random(20261206)
    texts += [
        "".join(rng.choice(RISKY_ALPHABET) for _ in range(rng.randint(1, 24)))
        for _ in range(40_000)
    ]
    texts += ["1e3", "x 1.2e3", "-1e3", "+.5", "a-1e3", "[1e3]", "'a':1e3", '"a":-0x1',
              "\ufeff1e3", "\u30001e3", "\t.5", "a1e3", "9_9.E", "k: 12.5e", "k: x12.5e"]  # fmt: skip
    answers = [(_risky(text), _RISKY_TEXT.search(text) is not None) for text in texts]
    assert all(new == old for new, old in answers)
    assert 1_000 < sum(old for _new, old in answers) < len(texts) - 1_000


def node_by_node(root: dict[Any, Any]) -> int:
    """``yamlfast._certified_nodes`` as it was first written: the reference for the faster one."""
    from jgstudy.core.banks.yamlfast import _RESOLVERS, _typed, _were_quoted
    from jgstudy.core.banks.yamlsafe import MAX_DEPTH

    count = 0
    doubtful: list[str] = []
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return -1
        values: Any = [*item, *item.values()] if isinstance(item, dict) else item
        count += 2
        for value in values:
            kind = type(value)
            if kind is str:
                if value and value[0] in _RESOLVERS and value.isascii() and _typed(value):
                    doubtful.append(value)
                elif value[:1] == "\n" and not value.strip("\n"):
                    return -1
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
                continue
            elif value is not None and kind not in {int, float, bool}:
                return -1
            count += 1
    return count if _were_quoted(doubtful) else -1


def walk_cases() -> list[Any]:
    """Parsed documents of every kind the tests above use, and some no parser gives."""
    import datetime

    import yaml_rs

    texts = [p.read_text("utf-8-sig") for p in ALL_YAML]
    texts += [context.format(t=token) for context in CONTEXTS for token in TOKENS]
    texts += [BANK.format(**GOOD)]
    rng = random.Random(18)
    texts += [random_document(rng) + "\n" for _ in range(300)]
    cases: list[Any] = []
    for text in texts:
        try:
            cases.append(yaml_rs.loads(text, parse_datetime=False))
        except BaseException:  # yaml_rs's own errors, panics included
            continue
    deep: Any = "leaf"
    for _ in range(70):
        deep = [deep]
    cases += [
        {"a": deep},
        {"a": [[[[]]]], "b": {}, "c": [{}, {"d": None}]},
        {"k": "\n\n", "m": "\n x"},
        {"k": "\n", "中": "\n中"},
        {"k": ("tuple", "key")},
        {("a", "b"): 1},
        {"k": datetime.date(2026, 1, 1)},
        {"k": b"bytes"},
        {"k": ["yes", "1:30", "2026-01-01", "<<", "=", "0x1f", ".inf", "a", "", "yes"]},
        {"yes": 1, "no": [True, False, 1.5, -3, None], "k": ["no", "on", "中文", "1中"]},
        {"k": ["6511", "010"], "m": {"6511": "yes"}},
        # Keys seen before: equal keys of other types, doubtful and refused keys again.
        {"a": [{1: "x", "yes": 2}, {True: "y", "yes": 3}, {1.0: "z"}, {"yes": 4}]},
        {"a": [{"k": 1}, {"k": 2, ("t",): 3}]},
        {"a": [{"k": 2, ("t",): 3}, {"k": 1}]},  # the walk takes the last one first
        {"a": [{"k": 1}, {"k": 2, "\n": 3}], "b": [{"\n\n": 1}, {"\n\n": 2}]},
        {"a": [{"k": 2, "\n": 3}, {"k": 1}]},
        {"a": [{"1:30": 1}, {"1:30": 2}], "b": {"on": [{"on": 1}, {"on": None}]}},
    ]
    for depth in (63, 64, 65):
        nested: Any = {}
        for _ in range(depth - 1):
            nested = {"k": nested}
        cases.append(nested)
    return [case for case in cases if isinstance(case, dict)]


def test_the_node_walk_certifies_what_it_did_at_first() -> None:
    from jgstudy.core.banks.yamlfast import _certified_nodes

    cases = walk_cases()
    results = [(_certified_nodes(case), node_by_node(case)) for case in cases]
    assert all(new == old for new, old in results)
    assert len(cases) > 700
    assert sum(old == -1 for _new, old in results) > 20  # refusals compared too
    assert sum(old > 0 for _new, old in results) > 500


_THREADS = """
import sys, threading
from pathlib import Path
from jgstudy.core.banks import load_bank, yamlfast
bank = Path(sys.argv[1])
done = []
worker = threading.Thread(target=lambda: done.append(load_bank(bank)))
worker.start(); worker.join()
assert done and "yaml_rs" not in sys.modules, "yaml_rs imported on a worker thread"
assert yamlfast.preload() and "yaml_rs" in sys.modules
text = bank.read_text("utf-8")
worker = threading.Thread(target=lambda: done.append(yamlfast.fast_parse(text)))
worker.start(); worker.join()
assert done[-1] is not None, "after preload a worker takes the fast path"
"""


@pytest.mark.skipif(not ENABLED, reason="libyaml too old for the fast path")
def test_yaml_rs_is_never_first_imported_on_a_worker_thread() -> None:
    """Imported first on a Qt worker thread, yaml_rs crashed the desktop (segfault) when it
    imported a bank; the desktop imports it at start, and a worker never imports it itself."""
    sample = ROOT / "tests" / "data" / "banks" / "sample.yaml"
    subprocess.run([sys.executable, "-c", _THREADS, str(sample)], check=True, timeout=120)
