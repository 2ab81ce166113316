"""Match the answer key at the end of a paper (``1-5 BBABA``, ``1.ABCD 2.AC``) to its questions.

When every question number is used once, key items are matched by number. When numbering
restarts in each section, the key must restart the same way (or repeat the section headings):
its n-th group answers the n-th group of questions. A key that does not fit is reported at its
line and not used — the questions it would have answered are then reported as unanswered.
"""

from __future__ import annotations

from collections.abc import Callable

from jgstudy.core.convert.paper_lines import Line
from jgstudy.core.convert.paper_segment import Block, KeyItem, Segmented
from jgstudy.core.text import msg

Problem = tuple[Line, str]


def match_keys(paper: Segmented) -> tuple[dict[int, KeyItem], list[Problem]]:
    """Key items by block index, and the problems of the key."""
    problems: list[Problem] = [
        (item.line, msg("文末答案“{key}”的答案个数与题号范围不符，这一行未使用", key=item.text[1:]))
        for item in paper.keys
        if item.text.startswith("?")
    ]
    items = [item for item in paper.keys if not item.text.startswith("?")]
    if not items:
        return {}, problems
    # A refused block's number is not known for sure: it answers to no key item.
    numbered = [(index, b) for index, b in enumerate(paper.blocks) if b.refusal is None]
    groups = _question_groups([b for _, b in numbered])
    if _unique([b.number for _, b in numbered]) and _unique([i.number for i in items]):
        where = {(0, b.number): index for index, b in numbered}
        return _assign(items, where, lambda item: (0, item.number), problems)
    key_groups = len({item.group for item in items})
    if key_groups != len(set(groups)):
        line = items[0].line
        message = msg(
            "文末答案分为 {keys} 组、题目分为 {questions} 组（题号各自从头编），"
            "无法对应，答案表未使用；请在答案表中写出与试卷相同的分节标题",
            keys=key_groups,
            questions=len(set(groups)),
        )
        return {}, [*problems, (line, message)]
    first_group = min(item.group for item in items)
    where = {(group, b.number): index for group, (index, b) in zip(groups, numbered, strict=True)}
    return _assign(items, where, lambda item: (item.group - first_group, item.number), problems)


def _assign(
    items: list[KeyItem],
    where: dict[tuple[int, int], int],
    place: Callable[[KeyItem], tuple[int, int]],
    problems: list[Problem],
) -> tuple[dict[int, KeyItem], list[Problem]]:
    found: dict[int, KeyItem] = {}
    for item in items:
        index = where.get(place(item))
        if index is None:
            message = msg("文末答案第 {number} 题没有对应的题目，未使用", number=item.number)
            problems.append((item.line, message))
        elif index in found:
            message = msg("文末答案第 {number} 题出现了两次，未使用", number=item.number)
            problems.append((item.line, message))
            found.pop(index)
        else:
            found[index] = item
    return found, problems


def _question_groups(blocks: list[Block]) -> list[int]:
    """The group of each block: a new group at each section or where numbering restarts."""
    groups: list[int] = []
    group, section, last = -1, -1, None
    for block in blocks:
        if block.section.index != section or last is None or block.number <= last:
            group += 1
        section, last = block.section.index, block.number
        groups.append(group)
    return groups


def _unique(numbers: list[int]) -> bool:
    return len(numbers) == len(set(numbers))
