"""Fuzzing the bank loader with hostile YAML, and the limits that keep loading bounded.

Alias bombs, deep nesting, huge strings, object-building and malformed typed tags; a file of
millions of tiny values; a file of thousands of problems. Harness and settings: conftest.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jgstudy.core.banks import LoadedBank, Problem
from jgstudy.core.banks.loader import MAX_PROBLEMS
from jgstudy.core.banks.yamlsafe import MAX_NODES

SCALE = int(os.environ.get("JGSTUDY_FUZZ_EXAMPLES", "0") or 0)
Check = Callable[[bytes], LoadedBank | tuple[Problem, ...]]


def fuzz(examples: int) -> settings:
    """The fuzz profile of conftest.py with this many examples (or JGSTUDY_FUZZ_EXAMPLES)."""
    return settings(settings.get_profile("jgstudy-fuzz"), max_examples=SCALE or examples)


def _header(line: str) -> str:
    return f"format: 1\nid: x\ntitle: t\n{line}\n"


TAGS = [
    "!!python/object:os.system",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/object/new:subprocess.Popen [['echo', 'pwned']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!binary aGVsbG8=",
    "!!binary '@@not base64@@'",
    "!!timestamp 2026-13-45",
    "!!timestamp 2026-02-30",
    "!!int x",
    "!!int 0x",
    "!!float abc",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!pairs [a: 1]",
    "!!bool maybe",
    "!!int ''",
    "!!float ''",
    "!!float .",
    "!!int 0b",
    "!!int __",
    "!!timestamp abc",
    "!custom 1",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['echo pwned']",
    "2026-13-45",
    "2026-02-30 25:61:61",
    "1" + "0" * 5000,
    "0x" + "f" * 5000,
    "1e99999",
    "-.inf",
    ".nan",
]


@st.composite
def hostile(draw: st.DrawFn) -> str:
    """Aliases that explode, deep nesting, huge strings, tags, anchors: one or several at once."""
    parts = ["format: 1", "id: x", "title: t"]
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(st.one_of(_laughs(), _nesting(), _huge(), _tagged())))
    if draw(st.booleans()):
        parts.append("questions:\n  - {id: q, type: judge, stem: s, answer: true, explanation: e}")
    return "\n".join(parts) + "\n"


@st.composite
def _laughs(draw: st.DrawFn) -> str:
    fan, depth = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    lines = [f"l0: &l0 [{', '.join(['lol'] * fan)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * fan)}]" for i in range(1, depth)]
    key = draw(st.sampled_from(["extra", "questions", "tags", "<<"]))
    return "\n".join(lines) + f"\n{key}: *l{depth - 1}"


@st.composite
def _nesting(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 5000))
    opener, closer = draw(st.sampled_from([("[", "]"), ("{a: ", "}"), ("[{b: ", "}]")]))
    return f"deep: {opener * depth}{closer * draw(st.integers(0, depth))}"


@st.composite
def _huge(draw: st.DrawFn) -> str:
    size = draw(st.sampled_from([1_000, 100_000, 1_000_000, 3_000_000]))
    char = draw(st.sampled_from(["a", "题", "\\x41", " ", "'"]))
    where = draw(st.sampled_from(["plain", "quoted", "key", "block"]))
    text = char * size
    if where == "quoted":
        return f'big: "{text}"'
    if where == "key":
        return f"{text}: 1"
    if where == "block":
        return "big: |\n  " + text
    return f"big: {text}"


@st.composite
def _tagged(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(TAGS))
    field = draw(st.sampled_from(["extra", "id", "title", "format", "questions"]))
    return f"{field}: {tag}"


@fuzz(150)
@given(text=hostile())
@example(text=_header("extra: !!timestamp 2026-13-45"))  # found: ValueError (month)
@example(text=_header("title: 2001-02-30"))  # found: ValueError (day out of range)
@example(text=_header("id: !!int x"))  # found: ValueError (invalid literal)
@example(text=_header("n: " + "9" * 5000))  # found: ValueError (int over 4300 digits)
@example(text=_header("extra: !!bool maybe"))  # found: KeyError
@example(text=_header("extra: !!timestamp abc"))  # found: AttributeError
@example(text=_header("extra: !!float ."))  # found: ValueError
def test_hostile_yaml(well_behaved: Check, text: str) -> None:
    well_behaved(text.encode("utf-8"))


LIMITED_LOAD = """
import resource, sys
from pathlib import Path
from jgstudy.core.banks import BankErrors, load_bank
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
try:
    load_bank(Path(sys.argv[1]))
except BankErrors as errors:
    print(errors.problems[0].line, errors.problems[0].message)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX resource limits")
def test_a_file_of_many_tiny_values_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """Three times ``MAX_NODES`` values (12 MB): refused while streaming, in a 1 GiB address space."""
    path = tmp_path / "dense.yaml"
    path.write_text("format: 1\nid: x\ntitle: t\nquestions: [" + "a," * 3 * MAX_NODES + "]\n")
    result = subprocess.run(
        [sys.executable, "-c", LIMITED_LOAD, str(path), str(1024**3)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("4 ")
    assert "值过多" in result.stdout


def test_the_problems_listed_for_one_file_are_bounded(well_behaved: Check) -> None:
    raw = ("format: 1\nid: x\ntitle: t\nquestions: [" + "a, " * 3 * MAX_PROBLEMS + "]\n").encode()
    result = well_behaved(raw)
    assert isinstance(result, tuple)
    assert len(result) == MAX_PROBLEMS + 1
    assert any("问题过多" in p.message for p in result)
