"""Exam blueprints (考试方案): what a paper is made of, validated by pydantic.

A blueprint is a YAML file in a folder named ``exams`` (the bank loader skips those folders); see
docs/exam-format.md for the format.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from jgstudy.core.banks.errors import PendingProblem
from jgstudy.core.exams.configfile import load_model
from jgstudy.core.model import Ident, MultipleScoring, QType, Text
from jgstudy.core.text import N_, msg

_PART = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"
QuestionRef = Annotated[str, StringConstraints(pattern=rf"^{_PART}/{_PART}$")]


PATTERN_MESSAGES = {"questions": N_("试题应写作“题库编号/题目编号”，如 wh2025-overview/ov-001")}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuestionFilter(_Frozen):
    """Which questions a section (or competition round) draws from; empty means any."""

    types: tuple[QType, ...] = ()
    tags: tuple[Text, ...] = ()
    banks: tuple[Ident, ...] = ()


class DrawMode(StrEnum):
    RANDOM = "random"
    FIXED = "fixed"


class FeedbackMode(StrEnum):
    """When a cadre learns whether an answer was right."""

    END = "end"
    IMMEDIATE = "immediate"


class PassMark(_Frozen):
    """The mark to pass: either ``points`` or ``percent`` of the maximum."""

    points: float | None = Field(default=None, ge=0)
    percent: float | None = Field(default=None, ge=0, le=100)

    def threshold(self, max_score: float) -> float:
        if self.points is not None:
            return self.points
        return max_score * (self.percent if self.percent is not None else 60.0) / 100


class Section(_Frozen):
    """A part of the paper: drawn by ``filter`` and ``count``, or ``questions`` listed."""

    title: Text
    filter: QuestionFilter = QuestionFilter()
    count: int | None = Field(default=None, ge=1, le=500)
    questions: tuple[QuestionRef, ...] = ()
    points: float | None = Field(default=None, gt=0)

    @property
    def size(self) -> int:
        return self.count if self.count is not None else len(self.questions)


class ExamBlueprint(_Frozen):
    """A whole paper: sections, time limit, draw rule, pass mark, scoring and feedback."""

    format: Literal[1]
    id: Ident
    title: Text
    description: str | None = None
    time_limit_minutes: int = Field(ge=1, le=600)
    draw: DrawMode = DrawMode.RANDOM
    seed: int | None = Field(default=None, ge=0)
    pass_mark: PassMark = PassMark(percent=60)
    multiple_scoring: MultipleScoring | None = None
    feedback: FeedbackMode = FeedbackMode.END
    # At least one: checked in check_blueprint, since pydantic calls a list whose every item is
    # invalid "too short" as well.
    sections: tuple[Section, ...] = Field(max_length=50)

    @property
    def size(self) -> int:
        return sum(s.size for s in self.sections)


def load_blueprint(file: Path) -> ExamBlueprint:
    """Load and validate one blueprint file.

    Raises:
        ConfigErrors: every problem, located at ``file:line:col``.
    """
    return load_model(file, ExamBlueprint, check_blueprint, PATTERN_MESSAGES)


def check_blueprint(bp: ExamBlueprint) -> list[PendingProblem]:
    """Problems pydantic cannot see: rules that relate several fields."""
    problems = _check_pass_mark(bp)
    if not bp.sections:
        problems.append(PendingProblem(("sections",), msg("至少需要一个部分 sections")))
    if bp.draw is DrawMode.FIXED and bp.seed is not None:
        problems.append(PendingProblem(("seed",), msg("seed 只用于 draw: random")))
    for index, section in enumerate(bp.sections):
        problems += _check_section(bp.draw, section, ("sections", index))
    problems += _check_duplicates(bp)
    return problems


def _check_pass_mark(bp: ExamBlueprint) -> list[PendingProblem]:
    mark = bp.pass_mark
    if (mark.points is None) == (mark.percent is None):
        return [PendingProblem(("pass_mark",), msg("及格线 pass_mark 应写 points 或 percent 之一"))]
    if mark.points is not None and all(s.points for s in bp.sections):
        total = sum(s.size * (s.points or 0) for s in bp.sections)
        if mark.points > total:
            return [
                PendingProblem(
                    ("pass_mark", "points"), msg("及格线高于满分 {total:g}", total=total)
                )
            ]
    return []


def _check_section(mode: DrawMode, s: Section, at: tuple[str | int, ...]) -> list[PendingProblem]:
    problems: list[PendingProblem] = []
    if QType.SHORT in s.filter.types:
        # An exam is scored automatically; a short answer needs the cadre's own verdict.
        problems.append(PendingProblem((*at, "filter", "types"), msg("考试不能包含简答题 short")))
    if mode is DrawMode.RANDOM:
        if s.count is None:
            problems.append(PendingProblem((*at, "count"), msg("随机抽题的部分需要题数 count")))
        if s.questions:
            problems.append(PendingProblem((*at, "questions"), msg("questions 只用于 draw: fixed")))
    else:
        if not s.questions:
            problems.append(PendingProblem((*at, "questions"), msg("固定试题的部分需要 questions")))
        if s.count is not None or s.filter != QuestionFilter():
            problems.append(PendingProblem(at, msg("draw: fixed 的部分不用 count 和 filter")))
    return problems


def _check_duplicates(bp: ExamBlueprint) -> list[PendingProblem]:
    seen = Counter(ref for s in bp.sections for ref in s.questions)
    problems: list[PendingProblem] = []
    for index, section in enumerate(bp.sections):
        for position, ref in enumerate(section.questions):
            if seen[ref] > 1:
                at = ("sections", index, "questions", position)
                problems.append(PendingProblem(at, msg("试题 {ref} 重复出现", ref=ref)))
    return problems
