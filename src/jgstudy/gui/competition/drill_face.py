"""The drill dialog's question face: heading, countdown, status, stem, answer, feedback, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from jgstudy.core.competition import DrillResult
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, plain_label


def result_text(result: DrillResult) -> str:
    lines = [
        tr("答对 {correct} / {count} 题，得 {points} 分").format(
            correct=result.correct, count=len(result.answers), points=result.points
        )
    ]
    if result.mean_duration_ms is not None:
        lines.append(
            tr("平均每题用时 {mean_duration_ms:.1f} 秒").format(
                mean_duration_ms=result.mean_duration_ms / 1000
            )
        )
    if result.mean_reaction_ms is not None:
        lines.append(
            tr("平均抢答反应 {mean_reaction_ms:.2f} 秒").format(
                mean_reaction_ms=result.mean_reaction_ms / 1000
            )
        )
    if result.kind == "reaction":
        lines.append(
            tr("抢跑 {false_starts} 次，未抢答 {missed} 题").format(
                false_starts=result.false_starts, missed=result.missed
            )
        )
    return "\n".join(lines)


class DrillFace(QWidget):
    """Laid out only; the dialog fills it in and connects its buttons."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        top = QHBoxLayout()
        self.heading = plain_label("", "section")
        self.countdown = plain_label("")
        self.countdown.setObjectName("hostclock")
        top.addWidget(self.heading, 1)
        top.addWidget(self.countdown)
        layout.addLayout(top)
        self.banner = plain_label("")
        self.banner.setObjectName("phase")
        layout.addWidget(self.banner, 0, Qt.AlignmentFlag.AlignLeft)
        self.stem = plain_label("", wrap=True)
        self.stem.setObjectName("stem")
        layout.addWidget(self.stem)
        self.holder = QVBoxLayout()
        layout.addLayout(self.holder)
        self.feedback = plain_label("", wrap=True)
        self.feedback.setObjectName("hostanswer")
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.hint = plain_label("", "small")
        row.addWidget(self.hint, 1)
        self.stop_button = button(tr("结束演练"))
        self.skip_button = button(tr("跳过"))
        self.submit_button = button(tr("提交（回车）"), primary=True)
        for btn in (self.stop_button, self.skip_button, self.submit_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(btn)
        layout.addLayout(row)
