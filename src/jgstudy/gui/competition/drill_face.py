"""The drill dialog's question face: heading, countdown, status, stem, answer, feedback, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from jgstudy.core.competition import DrillResult
from jgstudy.gui.widgets import button, plain_label


def result_text(result: DrillResult) -> str:
    lines = [f"答对 {result.correct} / {len(result.answers)} 题，得 {result.points} 分"]
    if result.mean_duration_ms is not None:
        lines.append(f"平均每题用时 {result.mean_duration_ms / 1000:.1f} 秒")
    if result.mean_reaction_ms is not None:
        lines.append(f"平均抢答反应 {result.mean_reaction_ms / 1000:.2f} 秒")
    if result.kind == "reaction":
        lines.append(f"抢跑 {result.false_starts} 次，未抢答 {result.missed} 题")
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
        self.stop_button = button("结束演练")
        self.skip_button = button("跳过")
        self.submit_button = button("提交（回车）", primary=True)
        for btn in (self.stop_button, self.skip_button, self.submit_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(btn)
        layout.addLayout(row)
