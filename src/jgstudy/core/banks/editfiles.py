"""Bank files for the editor: YAML read and written back with its comments, tables imported.

The editor holds plain data (as PyYAML's safe loader reads it); ruamel.yaml's round-trip nodes keep
the file's comments, quotes and styles. Saving merges the data into them, changing only what
differs, so an untouched question is written as it was. Comment lines between two questions move
to the question below, so they follow it when questions move. YAML 1.1 rules apply as in PyYAML
(``yes`` is a boolean), and the text is parsed and compared again before it is written.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML, scalarstring
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tokens import CommentToken

from jgstudy.core.banks.errors import BankErrors, Problem
from jgstudy.core.banks.loader import decode_bank_text, parse_bank_text, read_bank_bytes
from jgstudy.core.banks.yamlsafe import MAX_BYTES, parse
from jgstudy.core.banks.yamlstyle import SHORT_OPTIONS, schema_line
from jgstudy.core.convert.api import ConvertError, detect_format, reader_for, write_atomic
from jgstudy.core.convert.validate import bank_id_for, validate_entries
from jgstudy.core.text import msg

FLOW_LISTS: Final = frozenset({"tags", "authors", "answer", "blanks", "aliases"})
FLOW_MAPS: Final = frozenset({"source", "keywords"})  # keywords: each keyword on one line
_ITEM_INDENT = re.compile(r"^questions:[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)-( +)", re.MULTILINE)
_NO_BLOCK = re.compile(r"[ \t]\n|\t")  # a literal block cannot hold these faithfully
Items = Sequence[tuple[dict[str, Any], int | None]]


class SaveError(Exception):
    """The bank could not be written faithfully; the file on disk was not touched."""


class _Yaml11Resolver(VersionedResolver):
    """Resolve plain scalars as YAML 1.1 (PyYAML) does, without writing a ``%YAML`` line."""

    @property
    def processing_version(self) -> Any:
        return (1, 1)


def _yaml(offset: int = 2, sequence: int = 4) -> YAML:
    yaml = YAML()
    yaml.Resolver = _Yaml11Resolver
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    return yaml


def _comment(text: str, column: int) -> CommentToken:
    return CommentToken(text, CommentMark(column), None)


class RoundTrip:
    """The loaded document's nodes, by origin key, and how its question list is laid out."""

    def __init__(self, root: CommentedMap, fresh: bool, offset: int = 2, sequence: int = 4) -> None:
        self.root = root
        self.is_new = fresh
        self.offset, self.sequence = offset, sequence
        self.nodes: dict[int, CommentedMap] = {}
        self.pre: dict[int, list[CommentToken]] = {}
        self.tail: list[CommentToken] = []
        self.spaced = fresh  # a blank line between questions

    @classmethod
    def empty(cls) -> RoundTrip:
        return cls(CommentedMap(), fresh=True)

    @classmethod
    def load(cls, text: str) -> RoundTrip:
        """The round-trip nodes of a bank's text (which PyYAML has already accepted).

        Raises:
            ValueError: when the questions are not a list of mappings.
        """
        match = _ITEM_INDENT.search(text)
        offset, sequence = (len(match[1]), len(match[1]) + 1 + len(match[2])) if match else (2, 4)
        root = _yaml(offset, sequence).load(text)
        seq = root.get("questions") if isinstance(root, CommentedMap) else None
        if not isinstance(seq, CommentedSeq) or not all(isinstance(q, CommentedMap) for q in seq):
            raise ValueError("questions are not a list of mappings")
        trip = cls(root, fresh=False, offset=offset, sequence=sequence)
        for index, node in enumerate(seq):
            rest = _take_trailing(node)
            if index + 1 < len(seq):
                slot = seq.ca.items.setdefault(index + 1, [None, None, None, None])
                slot[1] = _tokens(rest, offset) + list(slot[1] or [])
            else:
                trip.tail = _tokens(rest, offset)
        for index, node in enumerate(seq):
            trip.nodes[index] = node
            trip.pre[index] = list((seq.ca.items.get(index) or [None, None])[1] or [])
        trip.spaced = any(t and not t[0].value.strip() for t in trip.pre.values())
        return trip

    @classmethod
    def read(cls, path: Path) -> tuple[dict[str, Any], RoundTrip | None]:
        """A bank file's data as ``jgstudy check`` reads it, and its nodes (None if unkeepable).

        Raises:
            BankErrors: unreadable, not YAML, over a limit, or not a bank at all.
        """
        text = decode_bank_text(path, read_bank_bytes(path))
        data = parse_bank_text(path, text)
        questions = data.get("questions", []) if isinstance(data, dict) else None
        if not isinstance(questions, list) or not all(isinstance(q, dict) for q in questions):
            message = msg("不是可编辑的题库：应为“键: 值”映射，questions 应为题目列表")
            raise BankErrors([Problem(path, 1, 1, message)])
        try:
            return data, cls.load(text)
        except (YAMLError, ValueError):
            return data, None

    def render(self, target: Path, header: dict[str, Any], items: Items) -> tuple[str, list[int]]:
        """The text of the bank, and the origin key of each question (new ones get one)."""
        if self.is_new:
            self.root.yaml_set_start_comment(schema_line(target).removeprefix("# "))
        _merge_map(self.root, header, keep="questions")
        old, seq = self.root.get("questions"), CommentedSeq()
        if isinstance(old, CommentedSeq):
            seq.ca.comment, seq.ca.end = old.ca.comment, old.ca.end
        origins = [self._place(seq, n, data, origin) for n, (data, origin) in enumerate(items)]
        if self.tail:  # (ruamel writes the end comment only beside a comment slot)
            seq.ca.end = self.tail + list(seq.ca.end or [])
            seq.ca.comment = seq.ca.comment or [None, None]
            self.tail = []
        self.root["questions"] = seq
        stream = io.StringIO()
        _yaml(self.offset, self.sequence).dump(self.root, stream)
        return stream.getvalue(), origins

    def _place(
        self, seq: CommentedSeq, position: int, data: dict[str, Any], origin: int | None
    ) -> int:
        node = self.nodes.get(origin) if origin is not None else None
        if node is None or origin is None:
            origin = max(self.nodes, default=-1) + 1
            node = self.nodes[origin] = _fresh(data, "questions")
            self.pre[origin] = [_comment("\n", self.offset)] if self.spaced else []
        else:
            _merge_map(node, data)
        seq.append(node)
        tokens = self.pre.get(origin) or []
        while position == 0 and tokens and not tokens[0].value.strip():
            tokens = tokens[1:]  # no blank line right under "questions:"
        if tokens:
            seq.ca.items[position] = [None, tokens, None, None]
        return origin


def _take_trailing(node: Any) -> str:
    """Remove and return the comment lines after the last line of ``node`` (not its own comment)."""
    rest = ""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        rest = _take_trailing(node[key])
        slot = node.ca.items.get(key)
        if slot and len(slot) > 2 and slot[2] is not None:
            value = slot[2].value
            # a literal block's line break is its own: all of the comment is below it
            block = isinstance(node[key], scalarstring.LiteralScalarString)
            eol, _, more = ("", "", value) if block else value.partition("\n")
            slot[2] = _comment(eol + "\n", slot[2].column) if eol.strip() else None
            rest = more + rest
    elif isinstance(node, CommentedSeq) and node:
        rest = _take_trailing(node[-1])
        end = getattr(node.ca, "end", None)
        if end:
            rest = "".join(t.value for t in end) + rest
            node.ca.end = None
    return rest


def _tokens(text: str, column: int) -> list[CommentToken]:
    return [_comment(line.strip() + "\n", column) for line in text.splitlines()]


def _merge_map(node: CommentedMap, new: dict[str, Any], keep: str | None = None) -> None:
    """Make ``node`` hold ``new``, touching only keys whose value differs."""
    for key in [k for k in node if k not in new and k != keep]:
        del node[key]
    flow, previous = bool(node.fa.flow_style()), None
    for key, value in new.items():
        if key == keep:
            continue
        if key in node:
            merged = _merged(node[key], value, key, flow)
            if merged is not node[key]:
                node[key] = merged
        else:
            keys = list(node)
            node.insert(
                keys.index(previous) + 1 if previous in keys else 0, key, _fresh(value, key)
            )
        previous = key


def _merged(old: Any, new: Any, key: str, flow: bool) -> Any:
    if same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list) and len(old) == len(new):
        for index, value in enumerate(new):
            merged = _merged(old[index], value, key, bool(old.fa.flow_style()))
            if merged is not old[index]:
                old[index] = merged
        return old
    if isinstance(old, CommentedMap | CommentedSeq):
        flow = flow or bool(old.fa.flow_style())  # the file's choice of one line or several
    return _fresh(new, key, flow)


def _fresh(value: Any, key: str, flow: bool = False) -> Any:
    """A new node for ``value``, styled as the bundled banks are (``key`` is its field)."""
    if isinstance(value, dict):
        texts = "".join(str(v) for v in value.values())
        short = key == "options" and len(texts) <= SHORT_OPTIONS and "\n" not in texts
        flow = flow or key in FLOW_MAPS or short
        node = CommentedMap((k, _fresh(v, k, flow)) for k, v in value.items())
        if flow:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list | tuple):
        flow = flow or key in FLOW_LISTS
        seq = CommentedSeq(_fresh(v, key, flow) for v in value)
        if flow:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and flow and ("?" in value or ":" in value):  # ruamel writes [:a]
        return scalarstring.SingleQuotedScalarString(value)
    if isinstance(value, str) and not flow and "\n" in value and not _NO_BLOCK.search(value):
        return scalarstring.LiteralScalarString(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    # a plain str would take on the style of the value it replaces (e.g. a literal block)
    return scalarstring.PlainScalarString(value) if isinstance(value, str) else value


def same(a: Any, b: Any) -> bool:
    """Equal as bank data: ``2`` is ``2.0`` but not ``True``; key order does not matter."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if any(isinstance(a, kind) != isinstance(b, kind) for kind in (bool, str, dict | list | tuple)):
        return False
    return bool(a == b) and (isinstance(a, int | float | str) or type(a) is type(b))


def atomic_save(trip: RoundTrip, target: Path, header: dict[str, Any], items: Items) -> list[int]:
    """Render, check that the text reads back as the data, then replace ``target`` atomically.

    Raises:
        SaveError: the text would not read back as the data; nothing was written.
        OSError: writing failed; the old file is intact.
    """
    text, origins = trip.render(target, header, items)
    expected = {**header, "questions": [data for data, _origin in items]}
    if not same(parse(text), expected):
        raise SaveError(msg("写出的内容与编辑的内容不一致，文件未保存（请检查特殊字符）"))
    write_atomic(target, text.encode("utf-8"))
    trip.is_new = False
    return origins


def import_questions(
    path: Path, fmt: str | None = None
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[str]]:
    """Header (None for YAML: open it), questions (with problems too), notices of a table file.

    Raises:
        ConvertError: the file is missing, too large, or of an unknown format.
    """
    fmt = detect_format(path, fmt, reading=True)
    if fmt == "yaml":
        return None, [], []
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        raise ConvertError(msg("找不到文件或文件过大（上限 32 MiB）：{path}", path=path))
    parsed = reader_for(fmt)(path)
    _valid, problems, warnings = validate_entries(path, parsed, path.parent)  # fills ids
    header = {"format": 1, "id": bank_id_for(path), "title": path.stem, **parsed.header}
    found = [*parsed.problems, *problems, *parsed.warnings, *warnings]
    notices = [
        msg("{place}：{message}", place=p.place(), message=p.message) if p.row else p.message
        for p in found
    ]
    questions = [entry.data for entry in parsed.entries]  # tuples become lists, as in a bank file:
    return *json.loads(json.dumps([header, questions], ensure_ascii=False)), notices
