"""Load bank files: read safely, validate fully, and report every problem at once."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from jgstudy.core.banks.checks import check_question, check_unique_ids
from jgstudy.core.banks.errors import BankErrors, PendingProblem, Problem
from jgstudy.core.banks.locate import locate
from jgstudy.core.banks.messages import describe
from jgstudy.core.banks.yamlfast import fast_parse
from jgstudy.core.banks.yamlsafe import (
    MAX_BYTES,
    VALUE_ERROR,
    DuplicateKeys,
    YamlLimitError,
    parse,
)
from jgstudy.core.gcpause import collector_paused
from jgstudy.core.model import QUESTION_ADAPTER, AnyQuestion, Bank, BankHeader
from jgstudy.core.text import N_, Msg, msg

# Beyond this many problems a file is not a bank with mistakes; listing them all costs minutes.
MAX_PROBLEMS = 1000
BANK_SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = {"exams", "competitions"}
NOT_REGULAR = N_("不是普通文件（设备、管道或套接字），已拒绝")
__all__ = [
    "QUESTION_ADAPTER",
    "LoadedBank",
    "find_bank_files",
    "load_bank",
    "load_banks",
    "refused_bank_files",
    "validate",
]


@dataclass(frozen=True)
class LoadedBank:
    """A validated bank and the file it came from."""

    bank: Bank
    path: Path
    sha256: str
    size: int
    mtime_ns: int


def find_bank_files(paths: Iterable[Path]) -> list[Path]:
    """Bank files named directly or found under folders (exam blueprints are skipped).

    Under a folder only regular files inside it are taken (see :func:`refused_bank_files`).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in BANK_SUFFIXES
                and p.is_file()
                and p.resolve().is_relative_to(root)  # a symlink may not lead elsewhere
                and not SKIPPED_DIRS.intersection(p.relative_to(path).parts[:-1])
            )
        else:
            found.append(path)
    return found


def load_banks(paths: Iterable[Path]) -> tuple[list[LoadedBank], list[Problem]]:
    """Load every bank file under ``paths``; problems of all files are returned together."""
    paths = list(paths)
    banks: list[LoadedBank] = []
    problems: list[Problem] = refused_bank_files(paths)
    for file in find_bank_files(paths):
        try:
            banks.append(load_bank(file))
        except BankErrors as errors:
            problems.extend(errors.problems)
    problems.extend(_duplicate_bank_ids(banks))
    return banks, problems


def load_bank(file: Path, *, fast: bool = True) -> LoadedBank:
    """Load and validate one bank file.

    A well-formed file is parsed by the fast parser when it certifies the result equal to the
    safe parse (see ``yamlfast``); any other file, and any file that does not validate, goes
    through the safe parse, which locates every problem. ``fast=False`` forces the safe parse.

    Raises:
        BankErrors: with every problem found, each located at its line and column.
    """
    raw = read_bank_bytes(file)
    text = decode_bank_text(file, raw)
    with collector_paused():
        parsed = fast_parse(text) if fast else None
        bank, pending = validate(parsed.data, file.parent) if parsed else (None, [])
        if bank is None or pending:
            data = parse_bank_text(file, text)
            bank, pending = validate(data, file.parent)
    if pending or bank is None:
        raise BankErrors(locate(file, text, pending))
    info = file.stat()
    return LoadedBank(bank, file, hashlib.sha256(raw).hexdigest(), info.st_size, info.st_mtime_ns)


def read_bank_bytes(file: Path) -> bytes:
    """The file's bytes: only a regular file, at most MAX_BYTES (raises BankErrors).

    Opened without blocking (a FIFO would wait for a writer forever) and read up to the limit
    whatever size the file claims (``/dev/zero`` claims 0 and never ends).
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        message = msg("无法读取文件：{reason}", reason=exc.strerror or exc)
        raise BankErrors([Problem(file, 1, 1, message)]) from exc
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise BankErrors([Problem(file, 1, 1, msg(NOT_REGULAR))])
        try:
            raw = stream.read(MAX_BYTES + 1)
        except OSError as exc:
            message = msg("无法读取文件：{reason}", reason=exc.strerror or exc)
            raise BankErrors([Problem(file, 1, 1, message)]) from exc
    if len(raw) > MAX_BYTES:
        message = msg("文件过大（超过上限 {limit} 字节）", limit=MAX_BYTES)
        raise BankErrors([Problem(file, 1, 1, message)])
    return raw


def refused_bank_files(paths: Iterable[Path]) -> list[Problem]:
    """Entries under the folders in ``paths`` that :func:`find_bank_files` leaves out because
    they must not be read: symlinks leading out of the folder, and files that are not regular
    files (devices, pipes). Named files are the caller's choice and are not listed here."""
    problems: list[Problem] = []
    for path in paths:
        if not path.is_dir():
            continue
        root = path.resolve()
        for entry in sorted(path.rglob("*")):
            if entry.suffix not in BANK_SUFFIXES or entry.is_dir():
                continue
            if entry.is_symlink() and not entry.resolve().is_relative_to(root):
                message = msg("符号链接指向检查的文件夹之外，已拒绝")
                problems.append(Problem(entry, 1, 1, message))
            elif not entry.is_symlink() and not entry.is_file():
                problems.append(Problem(entry, 1, 1, msg(NOT_REGULAR)))
    return problems


def decode_bank_text(file: Path, raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed); a bad byte is a located problem (raises BankErrors)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = msg(
            "文件不是 UTF-8 编码（请在编辑器中以 UTF-8 保存；Excel 题库请用 jgstudy convert）"
        )
        raise BankErrors([Problem(file, line, column, message)]) from exc


def parse_bank_text(file: Path, text: str) -> Any:
    """Safe YAML parsing within the limits; every failure is a located problem (BankErrors).

    Shared by banks, exam blueprints, competition configs and the bank editor, so all of them
    report the same messages and enforce the same limits.
    """
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise BankErrors([Problem(file, line, 1, msg("文件含有二进制内容，不是文本题库"))])
    try:
        return parse(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise BankErrors([Problem(file, line, column, _yaml_message(exc))]) from exc
    except yaml.YAMLError as exc:
        raise BankErrors([Problem(file, 1, 1, msg("YAML 无法解析：{error}", error=exc))]) from exc
    except YamlLimitError as exc:
        raise BankErrors([Problem(file, exc.line, exc.column, exc.message)]) from exc
    except DuplicateKeys as exc:
        found = exc.found[:MAX_PROBLEMS]
        raise BankErrors(
            [Problem(file, line, column, text) for line, column, text in found]
        ) from exc
    except RecursionError as exc:
        raise BankErrors([Problem(file, 1, 1, msg("嵌套层数过深，文件已拒绝"))]) from exc


def _yaml_message(exc: yaml.MarkedYAMLError) -> Msg:
    problem = exc.problem or msg("格式错误")
    if "could not determine a constructor" in problem:
        return msg("不允许的 YAML 标签（如 !!python/object），题库只能包含文本、数字、列表和映射")
    if problem.startswith(VALUE_ERROR):
        return problem if isinstance(problem, Msg) else msg(problem)
    return msg("YAML 语法错误：{problem}", problem=problem)


def validate(data: Any, bank_dir: Path) -> tuple[Bank | None, list[PendingProblem]]:
    """Validate parsed data; every problem is returned, none is raised."""
    if not isinstance(data, dict):
        return None, [
            PendingProblem(
                (), msg("题库文件应为“键: 值”形式的映射（包含 format、id、title、questions）")
            )
        ]
    pending: list[PendingProblem] = []
    header_data = {k: v for k, v in data.items() if k != "questions"}
    header = _validated(BankHeader, header_data, (), pending)
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        pending.append(PendingProblem(("questions",), msg("缺少题目列表 questions（至少一题）")))
        raw_questions = raw_questions if isinstance(raw_questions, list) else []
    questions = _questions(raw_questions, bank_dir, pending)
    pending.extend(islice(check_unique_ids([_raw_id(q) for q in raw_questions]), MAX_PROBLEMS))
    if len(pending) >= MAX_PROBLEMS:
        too_many = msg("问题过多，只列出了前 {count} 个", count=MAX_PROBLEMS)
        pending[MAX_PROBLEMS:] = [PendingProblem((), too_many)]
    if header is None or pending:
        return None, pending
    return Bank.model_construct(**dict(header), questions=tuple(questions)), pending


def _questions(raw: list[Any], bank_dir: Path, pending: list[PendingProblem]) -> list[AnyQuestion]:
    # The adapter's core validator, called directly: TypeAdapter.validate_python only passes
    # its (default) options on, for every question of the bank.
    validate_question = QUESTION_ADAPTER.validator.validate_python
    questions: list[AnyQuestion] = []
    for index, item in enumerate(raw):
        if len(pending) >= MAX_PROBLEMS:
            break
        try:
            question = validate_question(item)
        except ValidationError as exc:
            pending.extend(_from_validation(exc, ("questions", index)))
            continue
        problems = check_question(question, index, bank_dir)
        if problems:
            pending.extend(problems)
        questions.append(question)
    return questions


def _validated(
    model: type[BankHeader], data: Any, at: tuple[str | int, ...], pending: list[PendingProblem]
) -> BankHeader | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        pending.extend(_from_validation(exc, at))
        return None


def _from_validation(exc: ValidationError, at: tuple[str | int, ...]) -> Iterator[PendingProblem]:
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        if error["type"].startswith("union_tag"):
            loc = (*loc, "type")  # point at the type field, not the whole question
        yield PendingProblem((*at, *loc), describe(error))


def _raw_id(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _duplicate_bank_ids(banks: list[LoadedBank]) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for loaded in banks:
        if loaded.bank.id in seen:
            message = msg(
                "题库编号 {id} 与 {other} 重复", id=loaded.bank.id, other=seen[loaded.bank.id]
            )
            yield Problem(loaded.path, 1, 1, message)
        else:
            seen[loaded.bank.id] = loaded.path
