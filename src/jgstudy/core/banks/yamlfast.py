"""A fast YAML parse for well-formed bank files, certified equal to the safe PyYAML parse.

``yaml_rs`` (a Rust YAML 1.2 parser) builds the objects about eight times faster than PyYAML's
safe loader, but YAML 1.2 types some plain scalars differently from YAML 1.1 (``yes``, ``0123``,
``1e3``, ``2026-01-01``), accepts some text libyaml refuses (a tab before a key, U+2028, a list
as a key) and expands aliases without limit. So its result is used only when it is certainly
what :func:`jgstudy.core.banks.yamlsafe.parse` would return; otherwise :func:`fast_parse` says
"unsure" (``None``) and the caller takes the safe path, which also locates every error:

1. libyaml itself (PyYAML's C parser, events counted in C without building objects) must accept
   the text: the same parser as the safe path, so a syntax error, a control character or nesting
   over libyaml's 1,000 levels never reaches yaml_rs. Its event count bounds the node count.
2. The text must contain none of what the safe path treats specially or YAML 1.1 reads otherwise:
   anchors, aliases, tags, directives, the line breaks of YAML 1.1 (NEL, U+2028, U+2029), and no
   plain token that starts like a number spelled in a way 1.1 and 1.2 read differently (leading
   zero, ``0x``/``0o``/``0b``, a leading ``.`` or ``_``, an exponent). Any number left is spelled
   alike in both (``3``, ``-12``, ``1.5``, ``1_000``); ``true``/``false``/``null``/``~`` agree too.
3. Walking the result: every string (key or value) must be one that PyYAML would also read as a
   string if it had been written plain (not ``yes``, ``1:30``, ``2026-01-01``, ``<<``, ``=``),
   unless yaml_rs would not have made a string of it plain (then it was quoted), keys must be
   scalars, nesting within ``MAX_DEPTH``, and the number of nodes must give exactly
   libyaml's event count (a structural cross-check of the two parsers).

Duplicate keys make yaml_rs raise, and that too sends the file down the safe path.
"""

from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import yaml

from jgstudy.core.banks.yamlsafe import MAX_DEPTH, MAX_NODES
from jgstudy.core.gcpause import collector_paused

try:  # the fast path needs libyaml; without it (or yaml_rs, see _parser) it is simply off
    _CParser: Any = yaml.CSafeLoader
    # libyaml refuses nesting deeper than 1,000 levels from 0.2.6 on; yaml_rs overflows its
    # stack on a few ten thousand, so older libyaml builds never hand it a file.
    ENABLED = yaml._yaml.get_version() >= (0, 2, 6)
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    ENABLED = False

# Matched first character first, then what precedes it (much faster than a lookbehind first):
# a token starting after a separator (or after the ":" of a quoted or flow key) with an anchor,
# alias, tag or directive sign, a leading "." or "_", a leading zero, or an exponent.
_RISKY_TEXT = re.compile(
    r"[\x85\u2028\u2029]"  # line breaks in YAML 1.1 only
    r"|[-+0-9._&*!%]"
    r"(?:(?<=[\s\[\]{},\ufeff].)|(?<=[\"'\]}]:.)|(?<=\A.))"
    r"(?:(?<=[&*!%._])|(?<=[-+])(?:0[0-9_xXoObB]|[._]|[0-9][0-9._]*[eE])"
    r"|(?<=0)[0-9_xXoObB]|(?<=[0-9])[0-9._]*[eE])"
)


def _at_token_start(char: str, ahead: str = "") -> re.Pattern[str]:
    """``char`` (followed by ``ahead``) where ``_RISKY_TEXT`` sees a token start: a literal
    first, so that ``re`` finds it with its fast literal search instead of trying a character
    class at every position of the text."""
    c = re.escape(char)
    return re.compile(
        rf"{c}(?={ahead})(?:(?<=[\s\[\]{{}},\ufeff]{c})|(?<=[\"'\]}}]:{c})|(?<=\A{c}))"
        if ahead
        else rf"{c}(?:(?<=[\s\[\]{{}},\ufeff]{c})|(?<=[\"'\]}}]:{c})|(?<=\A{c}))"
    )


# Where _RISKY_TEXT can match, found by rare characters: per character, the places worth trying.
# Searched only when the character is in the text at all (``in`` takes a fraction of a ms).
_CANDIDATES = [
    *((char, re.compile(char)) for char in "\x85\u2028\u2029"),
    *((char, _at_token_start(char)) for char in "&*!%._"),
    *((sign, _at_token_start(sign, "[0-9._]")) for sign in "-+"),  # every signed alternative
    ("0", _at_token_start("0", "[0-9_xXoObB]")),
]
# An exponent after a digit, dot or underscore: the number it ends may start at a token start.
_EXPONENTS = [(char, re.compile(rf"{char}(?<=[0-9._]{char})")) for char in "eE"]
_NUMBER_CHARS = frozenset("0123456789._")


def _risky(text: str) -> bool:
    """``_RISKY_TEXT.search(text)``, without trying its character class at every position.

    Each place found below is checked with ``_RISKY_TEXT.match`` itself (its lookbehinds see
    the text before the place), so the answer is the search's whenever every place the search
    can match at is among them: a YAML 1.1 line break; an anchor, alias, tag, directive sign,
    "." or "_" at a token start; a sign at a token start followed by a digit, "." or "_" (each
    signed alternative starts so); a "0" at a token start followed by a digit, "_" or base
    letter; and a number at a token start with an exponent: its "e" or "E" follows a digit,
    dot or underscore, and the token starts where that run of them starts (a token start is
    never preceded by one of them). The text scanned in one pass took a tenth of a cold import.
    """
    for char, pattern in _CANDIDATES:
        if char in text:
            for found in pattern.finditer(text):
                if _RISKY_TEXT.match(text, found.start()):
                    return True
    for char, pattern in _EXPONENTS:
        if char in text:
            for found in pattern.finditer(text):
                start = found.start()
                while start and text[start - 1] in _NUMBER_CHARS:
                    start -= 1
                if _RISKY_TEXT.match(text, start):
                    return True
    return False


# Each first character PyYAML's implicit resolvers look at, with the patterns of non-strings.
_RESOLVERS: dict[str, list[re.Pattern[str]]] = {
    first: [regexp for _tag, regexp in entries]
    for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first
}
_NUMBERS = {int, float, bool}
# First characters of the strings _certified_nodes looks at twice: those of PyYAML's resolvers
# and the line break an empty block scalar is made of.
_CHECKED_FIRSTS = frozenset(_RESOLVERS) | {"\n"}
# A block scalar at the very end of a file without a final line break keeps a "\n" in yaml_rs.
_LINE_ENDS = ("\n", "\r")
# Events besides the nodes' own: stream start/end, document start/end.
_FRAME_EVENTS = 4


@dataclass(frozen=True)
class Parsed:
    """The parsed document (which may itself be ``None``)."""

    data: Any


def fast_parse(text: str) -> Parsed | None:
    """The document as the safe parse would return it, or ``None`` when that is not certain."""
    if not ENABLED or "\x00" in text or not text.endswith(_LINE_ENDS) or _risky(text):
        return None
    try:
        events = _CParser(text).raw_parse()
    except yaml.YAMLError:
        return None
    if events > MAX_NODES:
        return None  # the safe path counts the nodes exactly
    parser = _parser()
    if parser is None:
        return None
    with collector_paused():
        try:
            data = parser.loads(text, parse_datetime=False)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # its YAMLDecodeError, or a Rust panic (a BaseException in pyo3)
            return None
    if not isinstance(data, dict) or _certified_nodes(data) != events - _FRAME_EVENTS:
        return None
    return Parsed(data)


def preload() -> bool:
    """Import the fast parser now, on the main thread; True when it is available.

    The desktop calls this at start: it parses banks on worker threads, and yaml_rs imported
    first on a Qt worker thread crashed the process (a segfault in the import, seen with
    PySide6 6.12); imported on the main thread, it parses on any thread.
    """
    return _parser() is not None


def _parser() -> ModuleType | None:
    """yaml_rs, imported on first use on the main thread: its allocator reserves 1 GiB of
    address space (not memory) when loaded, which a process that never parses a large bank
    need not carry. Off the main thread, before anyone imported it: None (the safe path)."""
    loaded = sys.modules.get("yaml_rs")
    if loaded is not None:
        return loaded
    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        import yaml_rs  # a plain import statement, so that PyInstaller bundles it
    except ImportError:  # pragma: no cover - a platform without its wheel
        return None
    return yaml_rs


def _certified_nodes(root: dict[Any, Any]) -> int:
    """libyaml's node events for ``root`` (two per collection), or -1 if anything is unsure.

    Every node is looked at: a type the safe parse also builds, no collection deeper than
    ``MAX_DEPTH``, no string that PyYAML would read as something else had it been written plain
    (unless yaml_rs would not make a string of it either: then it was quoted), and no empty
    block scalar (``k: |``: ``""`` in PyYAML, ``"\\n"`` in yaml_rs). Both of those strings are
    ASCII, so any other string costs one ``isascii()`` (a flag of the string); an ASCII one
    already found plain one set lookup, and a mapping's keys seen before none.
    """
    count = 0
    doubtful: list[str] = []  # strings PyYAML would not keep as strings had they been plain
    plain: set[str] = set()  # ASCII strings already found to stay strings in PyYAML
    # Keys already looked at (the same few in every question): a mapping whose keys all are
    # is looked at by its values only. A key left the walk if it was refused, and a doubtful
    # one is in ``doubtful`` already (its verdict is the same wherever it stands); an equal
    # key of another type (1, 1.0, True) is a number too.
    keys_seen: set[Any] = set()
    stack: list[tuple[dict[Any, Any] | list[Any], int]] = [(root, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return -1
        new_keys = None
        if type(item) is not dict:
            values: Any = item
        elif keys_seen.issuperset(item):
            values = list(item.values())
            count += len(values)  # the keys' events
        else:
            values = [*item, *item.values()]  # keys are nodes too
            new_keys = item
        count += 2 + len(values)  # the collection's start and end events, one per scalar
        for value in values:
            kind = type(value)
            if kind is str:
                if (
                    value.isascii()
                    and value[:1] in _CHECKED_FIRSTS
                    and value not in plain
                    and not _sorted_string(value, plain, doubtful)
                ):
                    return -1
            elif kind is dict or kind is list:  # a key never is: yaml_rs makes tuples of those
                stack.append((value, depth + 1))
                count -= 1  # counted with its own two events
            elif value is not None and kind not in _NUMBERS:
                return -1
        if new_keys is not None:
            keys_seen.update(new_keys)
    return count if _were_quoted(doubtful) else -1


def _sorted_string(value: str, plain: set[str], doubtful: list[str]) -> bool:
    """Put an ASCII string starting like a non-string of PyYAML's, or with a line break, in
    ``doubtful`` or ``plain``; False for an empty block scalar (``"\\n"``, ``"\\n\\n"``)."""
    if value[0] == "\n":
        return bool(value.strip("\n"))
    if _typed(value):
        doubtful.append(value)
    else:
        plain.add(value)
    return True


def _typed(value: str) -> bool:
    """PyYAML would read ``value``, written plain, as something else than a string.

    Every non-string pattern of PyYAML's resolver is ASCII; "\n" can only end a match ("$"
    matches before a final newline), and a plain scalar never ends with one.
    """
    return "\n" not in value and any(p.match(value) for p in _RESOLVERS[value[0]])


def _were_quoted(values: list[str]) -> bool:
    """True when yaml_rs would make none of ``values``, written plain, a string: so each was
    quoted in the file (``'6511'``), and quoted text is a string for both parsers.

    Asked of yaml_rs itself, all at once as one block sequence (a call costs ~0.2 ms).
    """
    parser = _parser()
    if not values:
        return True
    if parser is None:
        return False
    with collector_paused():
        try:
            typed = parser.loads("".join(f"- {v}\n" for v in values), parse_datetime=False)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            return False
    return (
        isinstance(typed, list)
        and len(typed) == len(values)
        and not any(isinstance(t, str) for t in typed)
    )
