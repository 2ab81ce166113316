"""The practice page's other faces: choosing what to practise, and the end-of-session summary."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from jgstudy.core.session import Summary
from jgstudy.gui.i18n import N_, language, tr
from jgstudy.gui.widgets import button, card, plain_label

MODES = (
    ("mixed", N_("综合练习"), N_("先复习到期题，再学习今天的新题")),
    ("review", N_("复习到期题"), N_("只练今天到期、需要巩固的题")),
    ("new", N_("学习新题"), N_("按每日新题上限学习没做过的题")),
    ("wrong", N_("错题重练"), N_("把错题本里的题再做一遍")),
)


class StartPanel(QWidget):
    """Pick a practice mode."""

    start_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addWidget(plain_label(tr("选择练习方式"), "section"))
        grid = QGridLayout()
        grid.setSpacing(16)
        self.buttons: dict[str, QWidget] = {}
        for index, (mode, title, text) in enumerate(MODES):
            grid.addWidget(self._mode_card(mode, title, text), index // 2, index % 2)
        layout.addLayout(grid)
        self.message = plain_label("", "muted", wrap=True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _mode_card(self, mode: str, title: str, text: str) -> QWidget:
        box = card(margins=22)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(8)
        inner.addWidget(plain_label(tr(title), "section"))
        inner.addWidget(plain_label(tr(text), "muted", wrap=True))
        btn = button(tr("开始"), primary=(mode == "mixed"))
        btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        btn.clicked.connect(lambda: self.start_requested.emit(mode))
        inner.addWidget(btn, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons[mode] = btn
        return box


def duration_text(ms: int) -> str:
    seconds = max(ms // 1000, 0)
    if seconds < 60:
        return tr("{seconds} 秒").format(seconds=seconds)
    return tr("{minutes} 分 {seconds} 秒").format(minutes=seconds // 60, seconds=seconds % 60)


def due_text(due: datetime | None, now: datetime) -> str:
    """When the next question falls due, as a cadre reads it."""
    if due is None:
        return tr("暂无")
    if due <= now:
        return tr("现在")
    local, today = due.astimezone(), now.astimezone().date()
    if local.date() == today:
        return tr("今天 {local:%H:%M}").format(local=local)
    if (local.date() - today).days == 1:
        return tr("明天 {local:%H:%M}").format(local=local)
    return tr("{month}月{day}日").format(month=local.month, day=local.day)


class SummaryPanel(QWidget):
    """How the session went, and where to go next."""

    home_requested = Signal()
    again_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        self.message = plain_label("", "muted", wrap=True)
        layout.addWidget(self.message)
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("answered", tr("作答题数")),
            ("accuracy", tr("正确率")),
            ("time", tr("用时")),
            ("next", tr("下次到期")),
        ):
            box = card(margins=20)
            inner = box.layout()
            assert isinstance(inner, QVBoxLayout)
            value = plain_label("—", "stat")
            inner.addWidget(value)
            inner.addWidget(plain_label(label, "statlabel"))
            self.values[key] = value
            tiles.addWidget(box, 1)
        layout.addLayout(tiles)
        self.home_button = button(tr("返回首页（Esc）"), primary=True, big=True)
        self.again_button = button(tr("再练一组"), big=True)
        for btn in (self.home_button, self.again_button):
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.home_button.clicked.connect(self.home_requested)
        self.again_button.clicked.connect(self.again_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.home_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_summary(self, summary: Summary) -> None:
        wrong = summary.answered - summary.correct
        parts = [
            tr("答对 {correct} 题，答错 {wrong} 题。").format(correct=summary.correct, wrong=wrong)
        ]
        if wrong:
            parts.append(tr("答错的题已收进错题本，之后会安排再练。"))
        if summary.due_now:
            parts.append(
                tr("现在还有 {due_now} 题到期，可以再练一组。").format(due_now=summary.due_now)
            )
        # Chinese sentences end in 。 and follow on directly; English ones need a space.
        text = ("" if language().startswith("zh") else " ").join(parts)
        self.message.setText(text if summary.answered else tr("本次没有作答。"))
        self.values["answered"].setText(str(summary.answered))
        self.values["accuracy"].setText(f"{summary.accuracy:.0%}" if summary.answered else "—")
        self.values["time"].setText(duration_text(summary.duration_ms))
        self.values["next"].setText(due_text(summary.next_due, summary.finished_at))
