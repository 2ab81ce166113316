"""A bank being edited: header and questions as plain data, operations, validation by field.

The editor works on what a bank file holds (dicts, lists, strings), not on validated models, so a
half-written question can be shown, saved and re-opened. The checks are ``jgstudy check``'s own
(:func:`jgstudy.core.banks.loader.validate`), mapped to the question and field they concern.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from jgstudy.core.banks.editfiles import RoundTrip, atomic_save, import_questions
from jgstudy.core.banks.loader import validate
from jgstudy.core.model import QUESTION_ADAPTER, AnyQuestion, blank_spans
from jgstudy.core.text import N_, msg

Data = dict[str, Any]
QUESTION_ORDER: Final = (
    "id", "type", "stem", "options", "answer", "blanks", "reference", "keywords",
    "explanation", "tags", "difficulty", "points", "source", "image", "status",
)  # fmt: skip
COMMON_KEYS: Final = frozenset(QUESTION_ORDER) - {
    "options", "answer", "blanks", "reference", "keywords",
}  # fmt: skip
_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


@dataclass(eq=False)
class Item:
    """One question of the document; ``origin`` ties it to its node in the file it came from."""

    data: Data
    origin: int | None = None


@dataclass(frozen=True)
class FieldProblem:
    """A problem of the core's validation, at a question (``index``) or the bank (None).

    ``field`` is the question's (or bank's) top-level key; ``detail`` the rest of the path, e.g.
    ``("A",)`` for an option or ``(1, "word")`` for a keyword.
    """

    index: int | None
    field: str
    message: str
    detail: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Validation:
    """Every problem of the bank, and the questions still marked as drafts."""

    problems: tuple[FieldProblem, ...] = ()
    drafts: tuple[int, ...] = ()

    @property
    def passes(self) -> bool:
        """True when ``jgstudy check`` would accept the bank."""
        return not self.problems and not self.drafts

    def of_question(self, index: int) -> list[FieldProblem]:
        return [p for p in self.problems if p.index == index]


def with_field(data: Data, key: str, value: Any) -> Data:
    """A copy of ``data`` with ``key`` set (None removes it); a new key goes to its documented place."""
    items = [
        (k, value if k == key else v) for k, v in data.items() if k != key or value is not None
    ]
    if value is None or key in data:
        return dict(items)
    at = next((i for i, (k, _v) in enumerate(items) if _rank(k) > _rank(key)), len(items))
    return dict([*items[:at], (key, value), *items[at:]])


def with_fields(data: Data, changes: dict[str, Any]) -> Data:
    for key, value in changes.items():
        data = with_field(data, key, value)
    return data


def _rank(key: str) -> int:
    return QUESTION_ORDER.index(key) if key in QUESTION_ORDER else len(QUESTION_ORDER)


def new_question(qtype: str, qid: str) -> Data:
    """An empty question of a type; the editor shows what is still missing."""
    data: Data = {"id": qid, "type": qtype, "stem": "", "explanation": "", "difficulty": 2}
    return with_fields(data, _body(qtype, {}))


def with_type(data: Data, qtype: str) -> Data:
    """The question as another type: common fields kept, the answer carried over where it fits."""
    common = {k: v for k, v in data.items() if k in COMMON_KEYS or k not in QUESTION_ORDER}
    common["type"] = qtype
    return with_fields(common, _body(qtype, data))


def _body(qtype: str, old: Data) -> Data:
    options, answer = old.get("options"), old.get("answer")
    if not isinstance(options, dict):
        options = (
            # A judge question's words become the options' text: bank content, kept as written.
            {"A": N_("正确"), "B": N_("错误")}
            if isinstance(answer, bool)
            else dict.fromkeys("ABCD", "")
        )
        answer = ("A" if answer else "B") if isinstance(answer, bool) else None
    keys = [answer] if isinstance(answer, str) else [a for a in answer or [] if isinstance(a, str)]
    if qtype == "single":
        return {"options": options, "answer": keys[0] if keys else "A"}
    if qtype == "multiple":
        return {"options": options, "answer": keys or ["A", "B"]}
    if qtype == "judge":
        return {"answer": answer if isinstance(answer, bool) else True}
    if qtype == "fill":
        count = len(blank_spans(str(old.get("stem", "")))) or 1
        return {"blanks": [[""] for _ in range(count)]}
    return {"reference": ""}


def free_id(base: str, taken: Iterable[str]) -> str:
    """``base`` with its trailing number counted up (or ``-2``, ``-3``…) until no question has it."""
    used = set(taken)
    match = _TRAILING_NUMBER.match(base)
    stem, number, width = (match[1], int(match[2]), len(match[2])) if match else (base, 1, 0)
    candidate = base
    while candidate in used:
        number += 1
        candidate = f"{stem}{number:0{width}d}" if match else f"{stem}-{number}"
    return candidate


class BankDocument:
    """A bank's header and questions, with the file (if any) they were read from."""

    def __init__(
        self,
        header: Data,
        questions: Iterable[Data],
        path: Path | None = None,
        roundtrip: RoundTrip | None = None,
        folder: Path | None = None,
    ) -> None:
        self.header = header
        self.items = [Item(q, i if roundtrip else None) for i, q in enumerate(questions)]
        self.path = path
        self.folder = folder or (path.parent if path else Path.cwd())
        self.roundtrip = roundtrip or RoundTrip.empty()

    @classmethod
    def new(cls, folder: Path | None = None, title: str = N_("新题库")) -> BankDocument:
        """An empty bank with one question; ``title`` in the interface's language."""
        header: Data = {"format": 1, "id": "new-bank", "title": title}
        return cls(header, [new_question("single", "q-001")], folder=folder)

    @classmethod
    def open(cls, path: Path) -> tuple[BankDocument, list[str]]:
        """A bank (or ``jgstudy draft``) file to edit, and notices; its problems are not raised.

        Raises:
            BankErrors: the file is not YAML (or breaks a limit), or is not a bank at all.
        """
        data, trip = RoundTrip.read(path)
        notices: list[str] = [] if trip else [msg("此文件的注释无法保留：保存时将按标准格式重写")]
        header = {k: v for k, v in data.items() if k != "questions"}
        return cls(header, data.get("questions", []), path, trip), notices

    @classmethod
    def import_file(cls, path: Path, fmt: str | None = None) -> tuple[BankDocument, list[str]]:
        """A spreadsheet or quiz file as a new unsaved bank, rows with problems included.

        Raises:
            ConvertError: the file is missing, too large, or of an unknown format.
        """
        header, questions, notices = import_questions(path, fmt)
        if header is None:
            return cls.open(path)
        questions = [dict(sorted(q.items(), key=lambda kv: _rank(kv[0]))) for q in questions]
        return cls(header, questions, folder=path.parent), notices

    def __len__(self) -> int:
        return len(self.items)

    def question(self, index: int) -> Data:
        """The question's data (read it, do not change it: use the operations)."""
        return self.items[index].data

    def ids(self) -> list[str]:
        return [str(item.data.get("id", "")) for item in self.items]

    def is_draft(self, index: int) -> bool:
        return self.items[index].data.get("status") == "draft"

    def drafts(self) -> list[int]:
        return [i for i in range(len(self.items)) if self.is_draft(i)]

    def to_data(self) -> Data:
        """The whole bank as a file would hold it (a deep copy)."""
        questions = [item.data for item in self.items]
        return copy.deepcopy({**self.header, "questions": questions})

    # -- operations ------------------------------------------------------------------------

    def insert(self, index: int, item: Item) -> None:
        self.items.insert(index, item)

    def delete(self, index: int) -> Item:
        return self.items.pop(index)

    def move(self, source: int, target: int) -> None:
        self.items.insert(target, self.items.pop(source))

    def replace(self, index: int, data: Data) -> Data:
        """Put ``data`` in place of the question; returns what was there."""
        old, self.items[index].data = self.items[index].data, data
        return old

    def set_header(self, header: Data) -> Data:
        old, self.header = self.header, header
        return old

    def add(self, qtype: str, index: int | None = None) -> int:
        """A new empty question after ``index`` (at the end when None); returns its index."""
        at = len(self.items) if index is None else index + 1
        base = self.ids()[at - 1] if at > 0 else "q-001"
        self.insert(at, Item(new_question(qtype, free_id(base, self.ids()))))
        return at

    def duplicate(self, index: int) -> int:
        data = copy.deepcopy(self.question(index))
        data["id"] = free_id(str(data.get("id", "q-001")), self.ids())
        self.insert(index + 1, Item(data))
        return index + 1

    def set_field(self, index: int, key: str, value: Any) -> Data:
        return self.replace(index, with_field(self.question(index), key, value))

    def change_type(self, index: int, qtype: str) -> Data:
        return self.replace(index, with_type(self.question(index), qtype))

    def approve(self, index: int) -> Data:
        """Accept a draft: its ``status`` key goes."""
        return self.set_field(index, "status", None)

    def reject(self, index: int) -> Item:
        return self.delete(index)

    def approve_all(self) -> list[int]:
        drafts = self.drafts()
        for index in drafts:
            self.approve(index)
        return drafts

    # -- checking and saving ---------------------------------------------------------------

    def validate(self) -> Validation:
        """The problems ``jgstudy check`` finds, each at its question and field."""
        _bank, pending = validate(self.to_data(), self.folder)
        problems: list[FieldProblem] = []
        drafts: list[int] = []
        for problem in pending:
            found = self._place(problem.path, problem.message)
            if found.field == "status" and found.index is not None and self.is_draft(found.index):
                drafts.append(found.index)
            else:
                problems.append(found)
        return Validation(tuple(problems), tuple(sorted(set(drafts))))

    def _place(self, path: tuple[str | int, ...], message: str) -> FieldProblem:
        index: int | None = None
        if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
            index, path = path[1], path[2:]
            if path[:1] == (self.question(index).get("type"),):
                path = path[1:]  # a discriminated union names the type first
        return FieldProblem(index, str(path[0]) if path else "", message, tuple(path[1:]))

    def model(self, index: int) -> AnyQuestion | None:
        """The question as practice would use it, or None while it is not a valid question."""
        try:
            return QUESTION_ADAPTER.validate_python(self.question(index))
        except ValidationError:
            return None

    def save(self, path: Path | None = None) -> Path:
        """Write the bank (atomically) to ``path`` or its own file; comments of that file are kept."""
        target = path or self.path
        if target is None:
            raise ValueError("no path to save to")
        origins = atomic_save(
            self.roundtrip, target, self.header, [(i.data, i.origin) for i in self.items]
        )
        for item, origin in zip(self.items, origins, strict=True):
            item.origin = origin
        self.path, self.folder = target, target.parent
        return target
