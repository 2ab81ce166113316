"""Drawing a paper's questions: the same seed and banks always give the same paper."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Sequence

from jgstudy.core.exams.blueprint import DrawMode, ExamBlueprint, QuestionFilter, Section
from jgstudy.core.exams.state import SectionSlice
from jgstudy.core.model import QType
from jgstudy.core.records import PoolEntry

Pool = Callable[[QuestionFilter], Sequence[PoolEntry]]
Resolve = Callable[[Sequence[str]], dict[str, int]]


class DrawError(Exception):
    """The banks cannot fill the paper (too few questions, unknown ids); the message says which."""


def new_seed() -> int:
    """A seed for an attempt whose blueprint fixes none (stored with the attempt)."""
    return secrets.randbelow(2**31)


def sample(
    entries: Sequence[PoolEntry], count: int, rng: random.Random, used: set[int]
) -> list[int]:
    """``count`` pks from ``entries`` not in ``used``, in drawn order; ``used`` is updated.

    Raises:
        DrawError: when fewer than ``count`` questions are available.
    """
    free = [e.pk for e in entries if e.pk not in used]
    if len(free) < count:
        raise DrawError(f"只有 {len(free)} 道符合条件的题，需要 {count} 道")
    drawn = rng.sample(free, count)
    used.update(drawn)
    return drawn


def draw_paper(
    bp: ExamBlueprint, seed: int, pool: Pool, resolve: Resolve
) -> tuple[list[int], list[SectionSlice]]:
    """The paper's question pks and its sections.

    Raises:
        DrawError: naming every section that cannot be filled.
    """
    rng = random.Random(seed)
    used: set[int] = set()
    pks: list[int] = []
    slices: list[SectionSlice] = []
    errors: list[str] = []
    for section in bp.sections:
        try:
            drawn = _section(bp.draw, section, rng, used, pool, resolve)
        except DrawError as exc:
            errors.append(f"“{section.title}”：{exc}")
            continue
        slices.append(SectionSlice(section.title, len(pks), len(pks) + len(drawn), section.points))
        pks += drawn
    if errors:
        raise DrawError("；".join(errors))
    return pks, slices


def _section(
    mode: DrawMode,
    section: Section,
    rng: random.Random,
    used: set[int],
    pool: Pool,
    resolve: Resolve,
) -> list[int]:
    if mode is DrawMode.FIXED:
        found = resolve(section.questions)
        missing = [ref for ref in section.questions if ref not in found]
        if missing:
            raise DrawError("找不到试题 " + "、".join(missing))
        return [found[ref] for ref in section.questions]
    assert section.count is not None  # guaranteed by check_blueprint
    entries = pool(section.filter)
    return sample(entries, section.count, rng, used)


EXAM_EXCLUDED_TYPES = (QType.SHORT.value,)
