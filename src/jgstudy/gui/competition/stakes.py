"""风险题 on the host's panel: the choosing order, the stake buttons and 放弃, the order dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.competition import MatchSnapshot, Phase, RoundKind, StakeChoice
from jgstudy.gui.competition.texts import team_name
from jgstudy.gui.exam.util import discard
from jgstudy.gui.i18n import tr
from jgstudy.gui.widgets import button, plain_label


def order_text(s: MatchSnapshot) -> str:
    """选分顺序：黄队 30 分 → 蓝队 放弃 → ▶红队 → 绿队 (▶: the team choosing now)."""
    names = [t.name for t in s.teams]
    choosing = s.team if s.phase is Phase.READY else None
    return tr("选分顺序：") + " → ".join(
        ("▶" if c.team == choosing else "") + _choice_text(c, names) for c in s.order
    )


def _choice_text(choice: StakeChoice, names: Sequence[str]) -> str:
    name = team_name(names, choice.team)
    if choice.declined:
        return tr("{name} 放弃").format(name=name)
    if choice.stake is not None:
        return tr("{name} {stake} 分").format(name=name, stake=choice.stake)
    return name


class StakeBar(QWidget):
    """Shown in a 风险题 round: who chooses in which order, and the choice for the team up."""

    stake_chosen = Signal(int)
    declined = Signal()
    order_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        top = QHBoxLayout()
        self.order = plain_label("", "muted", wrap=True)
        self.order_button = self._small(tr("调整顺序"), self.order_requested.emit)
        top.addWidget(self.order, 1)
        top.addWidget(self.order_button)
        column.addLayout(top)
        self.row = QHBoxLayout()
        self.row.setSpacing(10)
        self.label = plain_label(tr("选择分值："), "section")
        self.row.addWidget(self.label)
        self.decline_button = self._small(tr("放弃"), self.declined.emit)
        self.row.addWidget(self.decline_button)
        self.row.addStretch(1)
        column.addLayout(self.row)
        self.buttons: list[QPushButton] = []
        self.hide()

    @staticmethod
    def _small(text: str, slot: Callable[..., object]) -> QPushButton:
        btn = button(text)
        btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        btn.clicked.connect(slot)
        return btn

    def show_state(self, s: MatchSnapshot) -> None:
        risk = s.round_kind is RoundKind.RISK and s.phase not in (Phase.ROUND_OVER, Phase.FINISHED)
        self.setVisible(risk)
        if not risk:
            return
        self.order.setText(order_text(s))
        self.order_button.setVisible(s.phase is Phase.INTRO)
        choosing = s.phase is Phase.READY
        self._make_buttons(s.stakes)
        for widget in (self.label, *self.buttons):
            widget.setVisible(choosing)
        self.decline_button.setVisible(choosing and s.may_decline)

    def _make_buttons(self, stakes: Sequence[int]) -> None:
        if [b.property("stake") for b in self.buttons] == list(stakes):
            return
        for old in self.buttons:
            discard(old)
        self.buttons = []
        for position, stake in enumerate(stakes, start=1):
            btn = self._small(
                tr("{stake} 分").format(stake=stake),
                lambda _c=False, v=stake: self.stake_chosen.emit(v),
            )
            btn.setObjectName("stake")
            btn.setProperty("stake", stake)
            self.row.insertWidget(position, btn)
            self.buttons.append(btn)


class OrderDialog(QDialog):
    """The host drags the teams into the order they choose their stakes in."""

    def __init__(self, s: MatchSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("调整选分顺序"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(tr("拖动队名调整顺序（先选者在上）："), wrap=True))
        self.teams = QListWidget()
        self.teams.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        names = [t.name for t in s.teams]
        for choice in s.order:
            item = QListWidgetItem(team_name(names, choice.team))
            item.setData(Qt.ItemDataRole.UserRole, choice.team)
            self.teams.addItem(item)
        layout.addWidget(self.teams)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def order(self) -> list[int]:
        return [
            int(self.teams.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.teams.count())
        ]
