"""Drawing a paper's questions: the same seed and banks always give the same paper."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Mapping, Sequence

from jgstudy.core.exams.blueprint import DrawMode, ExamBlueprint, QuestionFilter, Section
from jgstudy.core.exams.state import SectionSlice
from jgstudy.core.model import QType
from jgstudy.core.records import PoolEntry
from jgstudy.core.siblings import apart
from jgstudy.core.text import Msg, join, message_of, msg

Siblings = Mapping[int, frozenset[int]]
Pool = Callable[[QuestionFilter], Sequence[PoolEntry]]
Resolve = Callable[[Sequence[str]], dict[str, int]]


class DrawError(Exception):
    """The banks cannot fill the paper (too few questions, unknown ids); the message says which."""


def new_seed() -> int:
    """A seed for an attempt whose blueprint fixes none (stored with the attempt)."""
    return secrets.randbelow(2**31)


def sample(
    entries: Sequence[PoolEntry],
    count: int,
    rng: random.Random,
    used: set[int],
    siblings: Siblings | None = None,
    *,
    up_to: bool = False,
) -> list[int]:
    """``count`` pks from ``entries`` not in ``used``, in drawn order; ``used`` is updated.

    No two drawn questions are siblings (one's stem gives the other's answer away), nor is any
    a sibling of a question already in ``used``. ``up_to`` takes fewer when fewer can be had.

    Raises:
        DrawError: when fewer than ``count`` questions are available (and not ``up_to``).
    """
    free = [e.pk for e in entries if e.pk not in used]
    if len(free) < count and not up_to:
        raise DrawError(
            msg("只有 {free} 道符合条件的题，需要 {count} 道", free=len(free), count=count)
        )
    shuffled = rng.sample(free, len(free))
    drawn = apart(shuffled, siblings or {}, set(used))[:count]
    if len(drawn) < count and not up_to:
        raise DrawError(
            msg(
                "符合条件的 {free} 道题中，互不泄露答案的只有 {drawn} 道，需要 {count} 道",
                free=len(free),
                drawn=len(drawn),
                count=count,
            )
        )
    used.update(drawn)
    return drawn


def draw_paper(
    bp: ExamBlueprint, seed: int, pool: Pool, resolve: Resolve, siblings: Siblings | None = None
) -> tuple[list[int], list[SectionSlice]]:
    """The paper's question pks and its sections; drawn sections hold no two siblings.

    Raises:
        DrawError: naming every section that cannot be filled.
    """
    rng = random.Random(seed)
    used: set[int] = set()
    pks: list[int] = []
    slices: list[SectionSlice] = []
    errors: list[Msg] = []
    for section in bp.sections:
        try:
            drawn = _section(bp.draw, section, rng, used, pool, resolve, siblings or {})
        except DrawError as exc:
            errors.append(msg("“{title}”：{problem}", title=section.title, problem=message_of(exc)))
            continue
        slices.append(SectionSlice(section.title, len(pks), len(pks) + len(drawn), section.points))
        pks += drawn
    if errors:
        raise DrawError(join("；", errors))
    return pks, slices


def _section(
    mode: DrawMode,
    section: Section,
    rng: random.Random,
    used: set[int],
    pool: Pool,
    resolve: Resolve,
    siblings: Siblings,
) -> list[int]:
    if mode is DrawMode.FIXED:
        found = resolve(section.questions)
        missing = [ref for ref in section.questions if ref not in found]
        if missing:
            raise DrawError(msg("找不到试题 {refs}", refs=join("、", missing)))
        return [found[ref] for ref in section.questions]
    assert section.count is not None  # guaranteed by check_blueprint
    entries = pool(section.filter)
    return sample(entries, section.count, rng, used, siblings)


EXAM_EXCLUDED_TYPES = (QType.SHORT.value,)
