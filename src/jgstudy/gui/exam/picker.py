"""Choosing a paper (考试方案): the bundled blueprints, and the exam left unfinished, if any."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from jgstudy.core.exams import ExamBlueprint
from jgstudy.core.records import AttemptInfo
from jgstudy.gui.exam.texts import clock_text, points_text
from jgstudy.gui.exam.util import discard
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, page_header, plain_label, view_layout


@dataclass(frozen=True)
class PaperChoice:
    """A blueprint file as offered: loaded, or with the reason it cannot be taken now."""

    path: Path
    blueprint: ExamBlueprint | None
    problem: str | None = None
    results: tuple[AttemptInfo, ...] = ()  # handed in, newest first

    @property
    def title(self) -> str:
        return self.blueprint.title if self.blueprint is not None else self.path.name


def facts_text(bp: ExamBlueprint) -> str:
    """限时 30 分钟 · 45 题 · 满分 60 分 · 60% 及格."""
    parts = [
        tr("限时 {time_limit_minutes} 分钟").format(time_limit_minutes=bp.time_limit_minutes),
        tr("{size} 题").format(size=bp.size),
    ]
    if all(s.points for s in bp.sections):
        parts.append(
            tr("满分 {points_text} 分").format(
                points_text=points_text(sum(s.size * (s.points or 0) for s in bp.sections))
            )
        )
    mark = bp.pass_mark
    if mark.points is not None:
        parts.append(tr("{points_text} 分及格").format(points_text=points_text(mark.points)))
    else:
        parts.append(
            tr("{points_text}% 及格").format(
                points_text=points_text(mark.percent if mark.percent is not None else 60)
            )
        )
    return tr("　·　").join(parts)


def sections_text(bp: ExamBlueprint) -> str:
    lines = []
    for s in bp.sections:
        each = (
            tr(" × {points_text} 分").format(points_text=points_text(s.points)) if s.points else ""
        )
        lines.append(tr("{title}　{size} 题{each}").format(title=s.title, size=s.size, each=each))
    return "\n".join(lines)


SHOWN_RESULTS = 3


def results_text(results: Sequence[AttemptInfo]) -> str:
    """往次成绩（共 N 次）: the last three with date and score, and the best."""
    if not results:
        return ""
    lines = [tr("往次成绩（共 {count} 次）：").format(count=len(results))]
    for info in results[:SHOWN_RESULTS]:
        when = (info.finished_at or info.started_at).astimezone()
        lines.append(
            tr("{month}月{day}日　{score} / {max_score} 分").format(
                month=when.month,
                day=when.day,
                score=points_text(info.score),
                max_score=points_text(info.max_score),
            )
        )
    best = max(results, key=lambda i: i.score / i.max_score if i.max_score else 0)
    lines.append(tr("最好成绩 {score} 分").format(score=points_text(best.score)))
    return "\n".join(lines)


class PaperCard(QFrame):
    """One blueprint: title, facts, sections, and 开始考试."""

    start_requested = Signal(object)  # the blueprint's Path

    def __init__(self, choice: PaperChoice) -> None:
        super().__init__()
        self.choice = choice
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 20)
        layout.setSpacing(10)
        layout.addWidget(plain_label(choice.title, "section", wrap=True))
        bp = choice.blueprint
        if bp is not None:
            layout.addWidget(plain_label(facts_text(bp), wrap=True))
            if bp.description:
                layout.addWidget(plain_label(bp.description, "muted", wrap=True))
            layout.addWidget(plain_label(sections_text(bp), "small", wrap=True))
        self.results = plain_label(results_text(choice.results), "small", wrap=True)
        self.results.setObjectName("pastresults")
        self.results.setVisible(bool(choice.results))
        layout.addWidget(self.results)
        layout.addStretch(1)
        if choice.problem:
            problem = QFrame()
            problem.setObjectName("problem")
            inner = QVBoxLayout(problem)
            inner.setContentsMargins(12, 8, 12, 8)
            inner.addWidget(plain_label(choice.problem, wrap=True))
            layout.addWidget(problem)
        self.start_button = button(tr("开始考试"), primary=True)
        self.start_button.setEnabled(bp is not None and not choice.problem)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(choice.path))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)


class BlueprintPicker(QWidget):
    """The exam view's first face."""

    start_requested = Signal(object)  # a blueprint Path
    resume_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[PaperCard] = []
        layout = view_layout(self)
        header, _title, _sub = page_header(
            tr("模拟考试"), tr("限时作答，答案随时自动保存；交卷后查看得分、及格情况和逐题解析。")
        )
        layout.addWidget(header)
        layout.addWidget(self._resume_box())
        # Rows of two cards: boxes (unlike a grid) give wrapped text its height at every size.
        self.grid = QVBoxLayout()
        self.grid.setSpacing(16)
        layout.addLayout(self.grid)
        self.rows: list[QHBoxLayout] = []
        self.message = plain_label("", "muted", wrap=True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _resume_box(self) -> QFrame:
        self.resume_box = QFrame()
        self.resume_box.setObjectName("notice")
        row = QHBoxLayout(self.resume_box)
        row.setContentsMargins(18, 12, 14, 12)
        row.setSpacing(16)
        self.resume_text = plain_label("", wrap=True)
        row.addWidget(self.resume_text, 1)
        self.resume_button: QPushButton = button(tr("继续考试"), primary=True)
        self.resume_button.clicked.connect(self.resume_requested)
        row.addWidget(self.resume_button)
        self.resume_box.hide()
        return self.resume_box

    def set_papers(self, choices: Sequence[PaperChoice]) -> None:
        for old in self.cards:
            discard(old)
        self.cards = []
        for index, choice in enumerate(choices):
            paper = PaperCard(choice)
            paper.start_requested.connect(self.start_requested)
            self._row(index // 2).addWidget(paper, 1)
            self.cards.append(paper)
        self.message.setText("" if choices else tr("没有找到考试方案。"))

    def _row(self, number: int) -> QHBoxLayout:
        while len(self.rows) <= number:
            row = QHBoxLayout()
            row.setSpacing(16)
            self.grid.addLayout(row)
            self.rows.append(row)
        return self.rows[number]

    def set_unfinished(self, title: str | None, remaining: timedelta | None = None) -> None:
        """Offer 继续考试 for the cadre's unfinished paper (None: there is none)."""
        self.resume_box.setVisible(title is not None)
        if title is None:
            return
        if remaining is not None and remaining.total_seconds() > 0:
            left = tr("剩余时间 {clock_text}（计时不停）").format(clock_text=clock_text(remaining))
        else:
            left = tr("考试时间已到，继续后将按已作答内容自动交卷")
        self.resume_text.setText(
            tr("你有一场未交卷的考试：{title}。{left}。").format(title=title, left=left)
        )
        self.resume_button.setText(tr("继续考试") if remaining else tr("查看结果"))

    def set_message(self, text: str) -> None:
        self.message.setText(text)
