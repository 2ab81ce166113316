"""Mock exams (模拟考试): blueprints, drawing a paper, the timed exam flow and its result."""

from jgstudy.core.exams.blueprint import (
    DrawMode,
    ExamBlueprint,
    FeedbackMode,
    PassMark,
    QuestionFilter,
    Section,
    load_blueprint,
)
from jgstudy.core.exams.configfile import ConfigErrors
from jgstudy.core.exams.draw import DrawError
from jgstudy.core.exams.result import ExamResult, ItemResult, SectionResult
from jgstudy.core.exams.service import ExamService
from jgstudy.core.exams.session import ExamError, ExamSession
from jgstudy.core.exams.view import ExamItem, ExamPhase, ExamView, PaletteEntry

__all__ = [
    "ConfigErrors",
    "DrawError",
    "DrawMode",
    "ExamBlueprint",
    "ExamError",
    "ExamItem",
    "ExamPhase",
    "ExamResult",
    "ExamService",
    "ExamSession",
    "ExamView",
    "FeedbackMode",
    "ItemResult",
    "PaletteEntry",
    "PassMark",
    "QuestionFilter",
    "Section",
    "SectionResult",
    "load_blueprint",
]
