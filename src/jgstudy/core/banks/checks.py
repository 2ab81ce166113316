"""Checks that span fields: answers among options, blank counts, unique ids, safe file paths."""

from __future__ import annotations

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
from jgstudy.core.text import Msg, join, msg


def check_question(question: AnyQuestion, index: int, bank_dir: Path) -> list[PendingProblem]:
    """Problems of one structurally valid question (a list: a cold import checks every
    question, and nearly all have none)."""
    problems: list[PendingProblem] = []
    at = ("questions", index)
    if isinstance(question, _CHOICE):
        _check_choice(question, at, problems)
    elif isinstance(question, FillQuestion):
        _check_fill(question, at, problems)
    if question.image is not None:
        problem = image_problem(question.image, bank_dir)
        if problem:
            problems.append(PendingProblem((*at, "image"), problem))
    if question.status == "draft":
        message = msg("草稿题：审核无误后删除 status: draft 再导入")
        problems.append(PendingProblem((*at, "status"), message))
    return problems


_CHOICE = (SingleQuestion, MultipleQuestion)


def check_unique_ids(ids: list[str | None]) -> Iterator[PendingProblem]:
    """Duplicate question ids, each reported where it repeats."""
    first: dict[str, int] = {}
    for index, qid in enumerate(ids):
        if qid is None:
            continue
        if qid in first:
            yield PendingProblem(
                ("questions", index, "id"),
                msg("编号 {id} 重复（第 {first} 题已使用）", id=qid, first=first[qid] + 1),
            )
        else:
            first[qid] = index


def _check_choice(
    question: SingleQuestion | MultipleQuestion,
    at: tuple[str, int],
    problems: list[PendingProblem],
) -> None:
    options = question.options
    keys = list(options)
    if keys != _KEY_RUNS[len(keys)]:
        message = msg("选项应依次为 {keys}", keys=join("、", OPTION_KEYS[: len(keys)]))
        problems.append(PendingProblem((*at, "options"), message))
    single = isinstance(question, SingleQuestion)
    answers = [question.answer] if single else list(question.answer)
    for position, key in enumerate(answers):
        if key not in options:
            path = (*at, "answer") if single else (*at, "answer", position)
            message = msg("答案 {key} 不在选项中（选项为 {keys}）", key=key, keys=join("、", keys))
            problems.append(PendingProblem(path, message))
    if len(set(answers)) != len(answers):
        problems.append(PendingProblem((*at, "answer"), msg("答案中有重复的选项")))
    _same_options(question, at, problems)


# The keys a question with n options must have, in order ("A", "B", ...); n is 2-8 (pydantic).
_KEY_RUNS = [list(OPTION_KEYS[:n]) for n in range(len(OPTION_KEYS) + 1)]


def _same_options(
    question: SingleQuestion | MultipleQuestion,
    at: tuple[str, int],
    problems: list[PendingProblem],
) -> None:
    r"""Two options with the same text: a cadre cannot tell which one the key means.

    Texts are compared NFKC-normalized without whitespace. ``"".join(s.split())`` removes what
    ``re.sub(r"\s+", "", s)`` removes (both use ``str.isspace``; a test checks every code
    point), at a third of the cost: a cold import checks every option of every question.
    """
    seen: dict[str, str] = {}
    for key, text in question.options.items():
        norm = "".join(unicodedata.normalize("NFKC", text).split())
        if norm in seen:
            message = msg(
                "选项 {first} 和 {key} 的内容相同（“{text}”），请修改其中一个",
                first=seen[norm],
                key=key,
                text=text,
            )
            problems.append(PendingProblem((*at, "options", key), message))
        else:
            seen[norm] = key


def _check_fill(
    question: FillQuestion, at: tuple[str, int], problems: list[PendingProblem]
) -> None:
    marked = len(blank_spans(question.stem))
    if marked != len(question.blanks):
        message = msg(
            "题干中有 {marked} 个空（{{{{1}}}} 或（ ）），但答案给出了 {given} 组",
            marked=marked,
            given=len(question.blanks),
        )
        problems.append(PendingProblem((*at, "blanks"), message))
    for index, accepted in enumerate(question.blanks):
        if not accepted:
            message = msg("第 {number} 个空没有可接受的答案", number=index + 1)
            problems.append(PendingProblem((*at, "blanks", index), message))


def image_problem(reference: str, bank_dir: Path) -> Msg | None:
    """Why an image reference is unacceptable, or None when it is inside the bank folder."""
    if not reference or Path(reference).is_absolute() or reference.startswith(("/", "\\")):
        return msg("图片路径 {path} 必须是相对于题库文件夹的路径", path=reference)
    if "://" in reference:
        return msg("图片 {path} 不能引用网络资源", path=reference)
    try:
        root = bank_dir.resolve()
        target = (bank_dir / reference).resolve()
        outside, missing = not target.is_relative_to(root), not target.is_file()
    except (OSError, ValueError):  # a NUL character, a name too long for the file system
        return msg("图片路径 {path!r:.80} 无效", path=reference)
    if outside:
        return msg("图片路径 {path} 超出了题库文件夹", path=reference)
    if missing:
        return msg("找不到图片文件 {path}", path=reference)
    return None
