"""Helpers for the question-paper tests: convert a paper, view its questions compactly."""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.banks import load_bank
from jgstudy.core.convert import convert
from jgstudy.core.convert.validate import MISSING_EXPLANATION
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    ShortQuestion,
    SingleQuestion,
)

View = tuple[str, str, dict[str, str] | None, str, str]
Located = tuple[int | None, str]


def view(question: AnyQuestion) -> View:
    """Type, stem, options, answer as text and 解析 of a question ("" when it has none)."""
    explanation = "" if question.explanation == MISSING_EXPLANATION else question.explanation
    options: dict[str, str] | None = None
    if isinstance(question, SingleQuestion):
        options, answer = dict(question.options), question.answer
    elif isinstance(question, MultipleQuestion):
        options, answer = dict(question.options), "".join(question.answer)
    elif isinstance(question, JudgeQuestion):
        answer = "正确" if question.answer else "错误"
    elif isinstance(question, FillQuestion):
        answer = "；".join("|".join(accepted) for accepted in question.blanks)
    else:
        assert isinstance(question, ShortQuestion)
        answer = question.reference
    return (question.type, question.stem, options, answer, explanation)


def convert_paper(
    tmp_path: Path, source: Path, *, from_fmt: str | None = None
) -> tuple[list[View], list[Located], list[Located]]:
    """The questions written, the problems and the notices of converting ``source``."""
    out = tmp_path / "out.yaml"
    report = convert(source, out, from_fmt)
    questions = [view(q) for q in load_bank(out).bank.questions] if report.written else []
    problems = [(p.row, p.message) for p in report.problems]
    return questions, problems, [(p.row, p.message) for p in report.warnings]


def write_text(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "试卷.txt") -> Path:
    """A text paper as Windows editors save it (CRLF line ends) in ``encoding``."""
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path
