"""Fuzzing the bank loader: whatever a file holds, the result is a bank or located problems.

Never another exception, never a hang (a watchdog turns one into a failure) and never a memory
blow-up (tracemalloc peak per example); the harness is ``well_behaved`` in conftest.py. Examples
are derandomized, so every run checks the same inputs; set JGSTUDY_FUZZ_EXAMPLES to run more of
them locally. Hostile YAML and the size limits: test_fuzz_hostile.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jgstudy.core.banks.yamlfast import fast_parse
from jgstudy.core.banks.yamlsafe import SafeLoader, parse

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
SAMPLE_TEXT = SAMPLE.read_text("utf-8")
SAMPLE_DATA: dict[str, Any] = yaml.safe_load(SAMPLE_TEXT)
SCALE = int(os.environ.get("JGSTUDY_FUZZ_EXAMPLES", "0") or 0)
Check = Callable[[bytes], object]


def fuzz(examples: int) -> settings:
    """The fuzz profile of conftest.py with this many examples (or JGSTUDY_FUZZ_EXAMPLES)."""
    return settings(settings.get_profile("jgstudy-fuzz"), max_examples=SCALE or examples)


# -- strategies ----------------------------------------------------------------------------

YAML_BITS = [*":-[]{},&*!|>'\"#?%@`~= \t\n", "\n  ", "\n    - ", "---", "...", "：", "！", "\r"]
YAML_BITS += ["\ufeff", "\x00", "\x85", "\u2028", "&a ", "*a", "<<: ", "!!str ", "!!int ", "\\"]
snippet = st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=6))


@st.composite
def mutated_sample(draw: st.DrawFn) -> str:
    """The sample bank with lines deleted, duplicated or swapped and characters changed."""
    lines = SAMPLE_TEXT.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["del", "dup", "swap", "char_del", "char_ins", "char_set"]))
        if op == "del":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = _mutate_chars(draw, lines[i], op)
    return "".join(lines)


def _mutate_chars(draw: st.DrawFn, line: str, op: str) -> str:
    k = draw(st.integers(0, len(line)))
    if op == "char_del":
        return line[:k] + line[k + 1 :]
    bit = draw(snippet)
    return line[:k] + bit + line[k + (op == "char_set") :]


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "A", "E", "single", "judge", "fill", "short", "essay", "{{1}}", "（ ）"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)


def _paths(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*at, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*at, index))


SAMPLE_PATHS = list(_paths(SAMPLE_DATA))[1:]


@st.composite
def wrong_types(draw: st.DrawFn) -> str:
    """The sample bank with some fields replaced by values of any type, or removed."""
    data = yaml.safe_load(SAMPLE_TEXT)
    for path in draw(st.lists(st.sampled_from(SAMPLE_PATHS), min_size=1, max_size=4)):
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    questions = data.get("questions")
    if isinstance(questions, list) and questions and draw(st.booleans()):
        question = questions[draw(st.integers(0, len(questions) - 1))]
        if isinstance(question, dict):
            question["image"] = draw(image_references)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


image_references = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "a" * 5000,
            "a/" * 3000,
            "img\x00.png",
            "a\x00b",
            "../x.png",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "\\\\server\\share\\x.png",
            "img/../../x.png",
            "~/.ssh/id_rsa",
            "file:///etc/passwd",
            "",
            ".",
            "..",
        ]
    ),
)


ENCODINGS = ["gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-32", "shift_jis", "latin-1"]


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """The sample bank in another encoding, or cut in the middle of a character."""
    text = draw(st.one_of(st.just(SAMPLE_TEXT), mutated_sample()))
    encoding = draw(st.sampled_from([*ENCODINGS, "utf-8", "utf-8-sig"]))
    raw = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


# -- the properties ------------------------------------------------------------------------


def _sample_with_image(reference: str) -> str:
    data = yaml.safe_load(SAMPLE_TEXT)
    data["questions"][2]["image"] = reference
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@fuzz(600)
@given(text=mutated_sample())
def test_mutated_sample_banks(well_behaved: Check, text: str) -> None:
    well_behaved(text.encode("utf-8"))


@fuzz(300)
@given(text=wrong_types())
@example(text=_sample_with_image("a\x00b"))  # found: ValueError (embedded null byte)
@example(text=_sample_with_image("a" * 5000))  # found: OSError (file name too long)
@example(text=_sample_with_image("a/" * 3000))
def test_fields_of_any_type(well_behaved: Check, text: str) -> None:
    well_behaved(text.encode("utf-8"))


@fuzz(200)
@given(raw=encoded())
def test_wrong_encodings(well_behaved: Check, raw: bytes) -> None:
    well_behaved(raw)


@fuzz(400)
@given(raw=st.binary(max_size=4096))
def test_random_bytes(well_behaved: Check, raw: bytes) -> None:
    well_behaved(raw)


@fuzz(400)
@given(
    text=st.lists(st.one_of(st.sampled_from(YAML_BITS), st.characters()), max_size=200).map("".join)
)
@example(text="!!int ")  # found: IndexError
@example(text="!!float :")  # found: IndexError
def test_random_yaml_like_text(well_behaved: Check, text: str) -> None:
    well_behaved(text.encode("utf-8", errors="surrogatepass"))


@fuzz(300)
@given(
    text=st.one_of(
        mutated_sample(), st.lists(st.sampled_from(YAML_BITS), max_size=200).map("".join)
    )
)
def test_node_count_shortcut_is_sound(text: str) -> None:
    """yamlsafe skips counting nodes of short texts: n characters never hold more than 2n."""
    try:
        nodes = sum(isinstance(e, yaml.NodeEvent) for e in yaml.parse(text, Loader=SafeLoader))
    except yaml.YAMLError:
        return
    assert nodes <= 2 * len(text) + 2


def _strict(value: Any) -> Any:
    """``value`` with each scalar's type made part of it (1, True and 1.0 differ)."""
    if isinstance(value, dict):
        return ("dict", [(_strict(k), _strict(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_strict(v) for v in value])
    return (type(value).__name__, repr(value))


def _both_paths_read_alike(text: str) -> None:
    """The fast YAML path gives the safe path's data exactly, or declines (yamlfast.py)."""
    parsed = fast_parse(text)
    try:
        safe = parse(text)
    except (Exception, RecursionError):  # whatever the safe path refuses, the fast one must too
        assert parsed is None
        return
    assert parsed is None or _strict(parsed.data) == _strict(safe)


@fuzz(300)
@given(text=mutated_sample())
def test_mutated_sample_banks_read_alike_on_both_yaml_paths(text: str) -> None:
    _both_paths_read_alike(text)


@fuzz(300)
@given(text=wrong_types())
def test_fields_of_any_type_read_alike_on_both_yaml_paths(text: str) -> None:
    _both_paths_read_alike(text)
