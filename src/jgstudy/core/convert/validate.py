"""Validate read questions with the same model and checks as bank files, row by row.

Every problem is tied to the row it came from; a row with problems is left out and the others are
kept, so one typo does not stop a whole spreadsheet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from jgstudy.core.banks.checks import check_question
from jgstudy.core.banks.loader import QUESTION_ADAPTER
from jgstudy.core.banks.messages import COLUMN_NAMES, describe
from jgstudy.core.convert.bankinfo import INFO_SHEET
from jgstudy.core.convert.entries import Entry, Parsed, RowProblem
from jgstudy.core.convert.result import ReadyQuestion
from jgstudy.core.convert.words import MISSING_EXPLANATION
from jgstudy.core.model import ID_PATTERN, AnyQuestion, Bank, BankHeader
from jgstudy.core.text import Msg, join, msg

__all__ = ["MISSING_EXPLANATION", "build_bank", "content_id", "stem_key", "validate_entries"]
_SHOWN_ROWS = 30


def stem_key(stem: str) -> str:
    """A stem as questions are matched by: spaces and full-/half-width differences ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", stem))


def content_id(stem: str, qtype: str) -> str:
    """A stable id for a question that has none: the same stem and type give the same id.

    Spaces and full-/half-width differences do not change it, so re-importing an edited sheet
    updates the question instead of adding a copy — unless the stem itself was edited.
    """
    return "x-" + hashlib.sha1(f"{qtype}\n{stem_key(stem)}".encode()).hexdigest()[:10]


def validate_entries(
    file: Path, parsed: Parsed, bank_dir: Path
) -> tuple[list[ReadyQuestion], list[RowProblem], list[RowProblem]]:
    """The valid questions, then the problems and warnings of every row, in row order."""
    derived, placeholder = _complete(parsed.entries)
    ready: list[ReadyQuestion] = []
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []
    ids: dict[str, Entry] = {}
    stems: dict[str, Entry] = {}
    for entry in parsed.entries:
        messages = list(entry.problems)
        messages.extend(_duplicate(entry, ids, entry.row in derived))
        notes = list(entry.warnings)
        notes.extend(_same_stem(entry, stems, entry.row in derived))
        question = _validated(entry, bank_dir, messages)
        problems.extend(RowProblem(file, entry.row, m, sheet=entry.sheet) for m in messages)
        warnings.extend(RowProblem(file, entry.row, w, sheet=entry.sheet) for w in notes)
        if question is not None and not messages:
            ready.append(ReadyQuestion(question, entry.row, entry.sheet, tuple(notes)))
        else:
            placeholder.discard((entry.sheet, entry.row))
    if placeholder:
        warnings.insert(0, _placeholder_warning(file, sorted(placeholder, key=_by_place)))
    return ready, problems, warnings


def _by_place(place: tuple[str | None, int]) -> tuple[str, int]:
    return place[0] or "", place[1]


def _complete(entries: list[Entry]) -> tuple[set[int], set[tuple[str | None, int]]]:
    """Give ids and explanations to entries without them; the rows of each kind."""
    derived: set[int] = set()
    placeholder: set[tuple[str | None, int]] = set()
    for entry in entries:
        data = entry.data
        if "id" not in data and isinstance(data.get("stem"), str) and "type" in data:
            data["id"] = content_id(data["stem"], data["type"])
            derived.add(entry.row)
        elif "id" not in data:
            entry.reported.add("id")  # no stem to derive it from: "缺少题干" says it all
        if "explanation" not in data:
            # Aiken has no place for it and many sheets leave 解析 empty, but the bank format
            # requires one: a visible placeholder is written and the trainer is told where.
            data["explanation"] = MISSING_EXPLANATION
            placeholder.add((entry.sheet, entry.row))
    return derived, placeholder


def _placeholder_warning(file: Path, places: list[tuple[str | None, int]]) -> RowProblem:
    sheets = {sheet for sheet, _row in places}
    texts = [f"{sheet}!{row}" if len(sheets) > 1 else str(row) for sheet, row in places]
    shown: str = join("、", texts[:_SHOWN_ROWS])
    if len(texts) > _SHOWN_ROWS:
        shown = msg("{rows}……", rows=shown)
    message = msg(
        "{count} 题没有解析，已填入“{placeholder}”，请补写（第 {rows} 行）",
        count=len(places),
        placeholder=MISSING_EXPLANATION,
        rows=shown,
    )
    return RowProblem(file, None, message)


def _where(entry: Entry, other: Entry) -> Msg:
    if other.sheet and other.sheet != entry.sheet:
        return msg("工作表“{sheet}”第 {row} 行", sheet=other.sheet, row=other.row)
    return msg("第 {row} 行", row=other.row)


def _duplicate(entry: Entry, ids: dict[str, Entry], derived: bool) -> Iterator[str]:
    qid = entry.data.get("id")
    if not isinstance(qid, str):
        return
    if qid not in ids:
        ids[qid] = entry
    elif derived:
        yield msg("与{place}的题目重复（题型和题干相同）", place=_where(entry, ids[qid]))
    else:
        yield msg("编号 {id} 与{place}重复", id=qid, place=_where(entry, ids[qid]))


def _same_stem(entry: Entry, stems: dict[str, Entry], derived: bool) -> Iterator[str]:
    """A notice for a stem seen before under another id (derived ids already refuse it)."""
    stem = entry.data.get("stem")
    if not isinstance(stem, str) or not stem_key(stem):
        return
    first = stems.setdefault(stem_key(stem), entry)
    if first is not entry and not derived:
        yield msg(
            "题干与{place}相同（编号不同，两题都保留；请确认是否重复）", place=_where(entry, first)
        )


def _validated(entry: Entry, bank_dir: Path, messages: list[str]) -> AnyQuestion | None:
    if "type" not in entry.data:
        return None
    try:
        question = QUESTION_ADAPTER.validate_python(entry.data)
    except ValidationError as exc:
        messages.extend(
            describe(error, COLUMN_NAMES)
            for error in exc.errors(include_url=False)
            if _field(error["loc"], entry.data["type"]) not in entry.reported
        )
        return None
    messages.extend(p.message for p in check_question(question, 0, bank_dir))
    return question


def _field(loc: tuple[str | int, ...], qtype: str) -> str | int | None:
    # A discriminated union puts the tag first: ("single", "answer", 0).
    parts = loc[1:] if loc[:1] == (qtype,) else loc
    return parts[0] if parts else None


def build_bank(
    file: Path, parsed: Parsed, questions: Iterable[AnyQuestion], overrides: dict[str, str]
) -> tuple[Bank | None, list[RowProblem]]:
    """The bank: information from the file, else derived from its title, then the overrides."""
    data: dict[str, Any] = {"format": 1, "title": file.stem}
    data.update(parsed.header)
    data.setdefault("id", bank_id_from_name(str(data["title"])))
    data.update({k: v for k, v in overrides.items() if v})
    try:
        header = BankHeader.model_validate(data)
    except ValidationError as exc:
        return None, [
            _header_problem(file, parsed, error) for error in exc.errors(include_url=False)
        ]
    return Bank.model_construct(**dict(header), questions=tuple(questions)), []


def _header_problem(file: Path, parsed: Parsed, error: ErrorDetails) -> RowProblem:
    field = str(error["loc"][0]) if error["loc"] else ""
    row = parsed.header_rows.get(field)
    # Rows of the 题库信息 sheet are not rows of the question sheet: say which sheet is meant.
    problem = describe(error)
    if row is not None:
        message = msg("“{sheet}”表：{problem}", sheet=INFO_SHEET, problem=problem)
    else:
        message = msg("题库信息：{problem}", problem=problem)
    return RowProblem(file, row, message)


def bank_id_for(file: Path) -> str:
    """A bank id from a file name (see :func:`bank_id_from_name`)."""
    return bank_id_from_name(file.stem)


def bank_id_from_name(name: str) -> str:
    """A bank id from a title or name: itself when it is a valid id, else ``bank-`` + hash."""
    name = name.strip()
    if re.fullmatch(ID_PATTERN, name):
        return name
    slug = re.sub(r"[\s]+", "-", name)
    if slug.isascii() and re.fullmatch(ID_PATTERN, slug):
        return slug
    return "bank-" + hashlib.sha1(name.encode()).hexdigest()[:8]
