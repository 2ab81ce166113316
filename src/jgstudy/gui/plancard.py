"""The 首页 card of the plan toward the cadre's 目标日期 (see core.planning)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling.forecast import Plan
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, card, plain_label

PlanSource = Callable[[UserInfo], Plan | None]


def plan_lines(plan: Plan) -> list[str]:
    """The plan in plain words, a sentence a line (the CLI's ``plan`` says the same)."""
    days_left = (plan.target_date - plan.today).days
    lines = [
        tr("距目标日期 {date} 还有 {days} 天。").format(
            date=plan.target_date.isoformat(), days=days_left
        ),
        tr("尚未学过 {count} 题：每天学新题 {quota} 道，{date} 前学完。").format(
            count=plan.not_introduced, quota=plan.new_per_day, date=plan.introduce_by.isoformat()
        ),
        tr("按计划，目标日期预计掌握 {share:.0%}（目标 {target:.0%}）。").format(
            share=plan.predicted_recall, target=plan.target_recall
        ),
        tr("每天约 {minutes:.0f} 分钟。").format(minutes=plan.minutes_per_day),
    ]
    if plan.advanced:
        lines.append(tr("最后几天提前复习 {count} 题，分摊到各天。").format(count=plan.advanced))
    today = len(plan.advanced_keys.get(plan.today, ()))
    if today:
        lines.append(tr("今天有 {count} 题提前复习，已加入“开始复习”。").format(count=today))
    if plan.predicted_recall < plan.target_recall:
        lines.append(tr("按现在的计划达不到目标：请每天多学一些，或在设置中调整目标。"))
    return lines


class PlanCard(QWidget):
    """目标日期: the plan's figures, or an invitation to set a date in 设置."""

    forecast_requested = Signal()  # the 预测 page: the simulator and true retention

    def __init__(self, source: PlanSource) -> None:
        super().__init__()
        self._source = source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = card(margins=20)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(plain_label(tr("目标日期"), "section"))
        head.addStretch(1)
        self.forecast_button = button(tr("预测与模拟"), flat=True)
        self.forecast_button.clicked.connect(self.forecast_requested)
        head.addWidget(self.forecast_button)
        inner.addLayout(head)
        self.body = plain_label("", wrap=True)
        inner.addWidget(self.body)
        layout.addWidget(box)

    def show_plan(self, user: UserInfo | None) -> None:
        try:
            plan = self._source(user) if user is not None else None
        except ValueError:  # BadTarget: the date has passed
            self.body.setText(tr("目标日期已过或超过两年。可在“设置”中重新设定。"))
            return
        if plan is None:
            self.body.setText(tr("还没有设定目标日期（如比赛初赛日）。可在“设置”中设定。"))
        else:
            self.body.setText(" ".join(plan_lines(plan)))
