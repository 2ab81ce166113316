"""Checks that span fields: answers among options, blank counts, unique ids, safe file paths."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from jgstudy.core.banks.errors import PendingProblem
from jgstudy.core.model import (
    OPTION_KEYS,
    AnyQuestion,
    FillQuestion,
    MultipleQuestion,
    SingleQuestion,
    blank_spans,
)


def check_question(question: AnyQuestion, index: int, bank_dir: Path) -> Iterator[PendingProblem]:
    """Problems of one structurally valid question."""
    at = ("questions", index)
    if isinstance(question, SingleQuestion | MultipleQuestion):
        yield from _check_choice(question, at)
    elif isinstance(question, FillQuestion):
        yield from _check_fill(question, at)
    if question.image is not None:
        problem = image_problem(question.image, bank_dir)
        if problem:
            yield PendingProblem((*at, "image"), problem)
    if question.status == "draft":
        yield PendingProblem((*at, "status"), "草稿题：审核无误后删除 status: draft 再导入")


def check_unique_ids(ids: list[str | None]) -> Iterator[PendingProblem]:
    """Duplicate question ids, each reported where it repeats."""
    first: dict[str, int] = {}
    for index, qid in enumerate(ids):
        if qid is None:
            continue
        if qid in first:
            yield PendingProblem(
                ("questions", index, "id"), f"编号 {qid} 重复（第 {first[qid] + 1} 题已使用）"
            )
        else:
            first[qid] = index


def _check_choice(
    question: SingleQuestion | MultipleQuestion, at: tuple[str, int]
) -> Iterator[PendingProblem]:
    keys = list(question.options)
    if keys != list(OPTION_KEYS[: len(keys)]):
        yield PendingProblem(
            (*at, "options"), f"选项应依次为 {'、'.join(OPTION_KEYS[: len(keys)])}"
        )
    answers = [question.answer] if isinstance(question, SingleQuestion) else list(question.answer)
    for position, key in enumerate(answers):
        path = (
            (*at, "answer") if isinstance(question, SingleQuestion) else (*at, "answer", position)
        )
        if key not in question.options:
            yield PendingProblem(path, f"答案 {key} 不在选项中（选项为 {'、'.join(keys)}）")
    if len(set(answers)) != len(answers):
        yield PendingProblem((*at, "answer"), "答案中有重复的选项")
    yield from _same_options(question, at)


def _same_options(
    question: SingleQuestion | MultipleQuestion, at: tuple[str, int]
) -> Iterator[PendingProblem]:
    """Two options with the same text: a cadre cannot tell which one the key means."""
    seen: dict[str, str] = {}
    for key, text in question.options.items():
        norm = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        if norm in seen:
            message = f"选项 {seen[norm]} 和 {key} 的内容相同（“{text}”），请修改其中一个"
            yield PendingProblem((*at, "options", key), message)
        else:
            seen[norm] = key


def _check_fill(question: FillQuestion, at: tuple[str, int]) -> Iterator[PendingProblem]:
    marked = len(blank_spans(question.stem))
    if marked != len(question.blanks):
        yield PendingProblem(
            (*at, "blanks"),
            f"题干中有 {marked} 个空（{{{{1}}}} 或（ ）），但答案给出了 {len(question.blanks)} 组",
        )
    for index, accepted in enumerate(question.blanks):
        if not accepted:
            yield PendingProblem((*at, "blanks", index), f"第 {index + 1} 个空没有可接受的答案")


def image_problem(reference: str, bank_dir: Path) -> str | None:
    """Why an image reference is unacceptable, or None when it is inside the bank folder."""
    if not reference or Path(reference).is_absolute() or reference.startswith(("/", "\\")):
        return f"图片路径 {reference} 必须是相对于题库文件夹的路径"
    if "://" in reference:
        return f"图片 {reference} 不能引用网络资源"
    try:
        root = bank_dir.resolve()
        target = (bank_dir / reference).resolve()
        outside, missing = not target.is_relative_to(root), not target.is_file()
    except (OSError, ValueError):  # a NUL character, a name too long for the file system
        return f"图片路径 {reference!r:.80} 无效"
    if outside:
        return f"图片路径 {reference} 超出了题库文件夹"
    if missing:
        return f"找不到图片文件 {reference}"
    return None
