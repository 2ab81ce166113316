"""The host's control panel (主持台): the match's state, the question with its answer, commands.

A passive :class:`MatchView`; its buttons call the core Match's commands with the clock's time.
The core decides scores, arbitration and time-outs; an order that does not fit the match's state
is refused by the core and its message shown here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.competition import Match, MatchError, MatchEvent, MatchSnapshot, Phase, RoundKind
from jgstudy.core.exams import DrawError
from jgstudy.gui.competition.parts import HostQuestion, SideColumn
from jgstudy.gui.competition.stakes import StakeBar
from jgstudy.gui.competition.texts import log_line, phase_text, rank_text, round_text, team_name
from jgstudy.gui.exam.texts import clock_text
from jgstudy.gui.i18n import N_, tr, tr_error
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import button, plain_label

IN_ROUND = (Phase.INTRO, Phase.READY, Phase.READING, Phase.BUZZING, Phase.ANSWERING, Phase.CLOSED)
SKIPPABLE = (Phase.INTRO, Phase.CLOSED, Phase.READY, Phase.READING, Phase.BUZZING)
WARN_AT = timedelta(seconds=5)
MAX_LOG = 300
NEXT_ROUND_TEXT = N_("本轮还没有结束，剩下的题目将不再出示。\n进入下一轮吗？")
Confirm = Callable[[QWidget, str, str], bool]
# (parent, title, question, suggested text) -> the text entered, or None when cancelled
AskText = Callable[[QWidget, str, str, str], str | None]


def ask_text(parent: QWidget, title: str, question: str, suggested: str) -> str | None:
    """A modal line-input dialog (the default way the host gives an adjustment's reason)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(parent, title, question, QLineEdit.EchoMode.Normal, suggested)
    return text if ok else None


def allowed(s: MatchSnapshot) -> dict[str, bool]:
    """Which commands make sense now (the core checks again when one is given)."""
    p, more = s.phase, s.round_index + 1 < s.round_count
    return {
        "start_round": p in (Phase.LOBBY, Phase.ROUND_OVER) and more,
        "next_question": p in SKIPPABLE,
        "release": p is Phase.READING or (p is Phase.READY and s.round_kind is RoundKind.SPEED),
        "right": p is Phase.ANSWERING,
        "wrong": p is Phase.ANSWERING,
        "skip": p is Phase.ANSWERING and s.round_kind is RoundKind.SPEED,
        "undo": s.can_undo,
        "next_round": p in IN_ROUND and more,
        "finish": p is not Phase.FINISHED,
        "tiebreak": p is Phase.ROUND_OVER and not more and bool(s.ties),
        "export": True,
    }


class HostPanel(QWidget):
    """Header, host question, command buttons, scores with ± and the event log."""

    scoreboard_requested = Signal()
    sound_toggled = Signal(bool)
    leave_requested = Signal()
    export_requested = Signal()
    order_requested = Signal()

    def __init__(self, tz: tzinfo, confirm: Confirm, ask: AskText = ask_text) -> None:
        super().__init__()
        self._tz = tz
        self._confirm = confirm
        self._ask = ask
        self.match: Match | None = None
        self._now: Callable[[], datetime] | None = None
        self.snapshot: MatchSnapshot | None = None
        self._names: list[str] = []
        self._tie_groups: tuple[tuple[int, ...], ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(14)
        layout.addLayout(self._build_header())
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(self._build_left(), 1)
        body.addWidget(self._build_right())
        layout.addLayout(body, 1)
        layout.addLayout(self._build_footer())

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title = plain_label(tr("竞赛"), "title", wrap=True)
        self.round = plain_label("", "section")
        self.phase = plain_label("")
        self.phase.setObjectName("phase")
        self.clock = plain_label("--:--")
        self.clock.setObjectName("hostclock")
        row = QHBoxLayout()
        row.setSpacing(16)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.round)
        row.addLayout(titles, 1)
        row.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_left(self) -> QVBoxLayout:
        self.question = HostQuestion()
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.question)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(area, 1)
        column.addLayout(self._build_stakes())
        column.addLayout(self._build_buttons())
        return column

    def _build_stakes(self) -> QHBoxLayout:
        self.stakes = StakeBar()
        self.stakes.stake_chosen.connect(self.choose_stake)
        self.stakes.declined.connect(self.decline)
        self.stakes.order_requested.connect(self.order_requested)
        row = QHBoxLayout()
        row.addWidget(self.stakes)
        return row

    @property
    def stake_buttons(self) -> list[QPushButton]:
        return self.stakes.buttons

    def _build_buttons(self) -> QGridLayout:
        specs = (
            ("start_round", tr("开始本轮"), self.start_round, False),
            ("next_question", tr("下一题"), self.next_question, False),
            ("release", tr("出题（开始计时）"), self.release, True),
            ("right", tr("✓ 判对"), lambda: self.judge(True), False),
            ("wrong", tr("✗ 判错"), lambda: self.judge(False), False),
            ("skip", tr("跳过"), self.skip, False),
            ("undo", tr("↶ 撤销"), self.undo, False),
            ("next_round", tr("下一轮"), self.next_round, False),
            ("finish", tr("结束比赛"), self.finish, False),
            ("tiebreak", tr("加赛…"), self._show_tiebreak_menu, False),
            ("export", tr("导出比赛记录"), self.export_requested.emit, False),
        )
        grid = QGridLayout()
        grid.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for index, (name, text, slot, primary) in enumerate(specs):
            btn = button(text, primary=primary)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumHeight(44)
            btn.clicked.connect(slot)
            if name in ("right", "wrong"):
                btn.setObjectName(name)
            grid.addWidget(btn, index // 3, index % 3)
            self.buttons[name] = btn
        return grid

    def _build_right(self) -> QWidget:
        side = SideColumn()
        self.step, self.scores, self.log = side.step, side.scores, side.log
        self.scores.adjust_requested.connect(self.adjust)
        return side

    def _build_footer(self) -> QHBoxLayout:
        self.status = plain_label("", wrap=True)
        self.status.setObjectName("status")
        self.screen_button = button(tr("显示大屏"))
        self.screen_button.clicked.connect(self.scoreboard_requested)
        self.sound = QCheckBox(tr("提示音"))
        self.sound.toggled.connect(self.sound_toggled)
        self.leave_button = button(tr("返回"), flat=True)
        self.leave_button.clicked.connect(self.leave_requested)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.status, 1)
        for widget in (self.sound, self.screen_button, self.leave_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(widget)
        return row

    # -- binding -------------------------------------------------------------------------

    def bind(self, match: Match | None, now: Callable[[], datetime]) -> None:
        self.match = match
        self._now = now
        self.log.clear()
        self.status.setText("")
        if match is not None:
            self._names = [t.name for t in match.teams]
            self.title.setText(match.config.title)
            self.show_state(match.snapshot())

    def load_log(self, events: Sequence[MatchEvent]) -> None:
        """A reopened match's log, newest first."""
        for event in events:
            self.show_event(event)

    # -- MatchView -----------------------------------------------------------------------

    def show_state(self, snapshot: MatchSnapshot) -> None:
        self.snapshot = snapshot
        self._names = [t.name for t in snapshot.teams]
        self.title.setText(snapshot.title)
        self.round.setText(round_text(snapshot))
        self.phase.setText(phase_text(snapshot))
        self.question.show_state(snapshot)
        self.scores.show_state(snapshot)
        self.stakes.show_state(snapshot)
        self._tie_groups = snapshot.ties
        buzzer = snapshot.round_kind is RoundKind.BUZZER
        self.buttons["release"].setText(
            tr("出题（开放抢答）") if buzzer else tr("出题（开始计时）")
        )
        more = snapshot.item + 1 < snapshot.items or snapshot.phase is Phase.INTRO
        self.buttons["next_question"].setText(tr("下一题") if more else tr("结束本轮"))
        for name, ok in allowed(snapshot).items():
            self.buttons[name].setEnabled(ok)
        if snapshot.deadline is None:
            self.show_time(None)

    def show_event(self, event: MatchEvent) -> None:
        self.log.insertItem(0, log_line(event, self._names, self._tz))
        while self.log.count() > MAX_LOG:
            self.log.takeItem(self.log.count() - 1)

    def show_time(self, remaining: timedelta | None) -> None:
        self.clock.setText(clock_text(remaining))
        set_props(
            self.clock,
            warn=remaining is not None and remaining <= WARN_AT,
            idle=remaining is None,
        )

    def tiebreak_menu(self) -> QMenu:
        """One entry per group of tied teams: 加赛：红队、绿队（并列第 1 名）."""
        menu = QMenu(self)
        s = self.snapshot
        if s is None:
            return menu
        names = [t.name for t in s.teams]
        for group in self._tie_groups:
            who = tr("、").join(team_name(names, t) for t in group)
            rank = rank_text(s.teams[group[0]].rank, tied=True)
            action = menu.addAction(tr("加赛：{who}（{rank}）").format(who=who, rank=rank))
            action.triggered.connect(lambda _c=False, g=group: self.start_tiebreak(g))
        return menu

    def _show_tiebreak_menu(self) -> None:
        button = self.buttons["tiebreak"]
        self.tiebreak_menu().exec(button.mapToGlobal(button.rect().bottomLeft()))

    # -- commands ------------------------------------------------------------------------

    def _do(self, command: Callable[[Match, datetime], object]) -> bool:
        if self.match is None or self._now is None:
            return False
        try:
            command(self.match, self._now())
        except (MatchError, DrawError) as exc:
            self.status.setText(tr_error(exc))
            return False
        self.status.setText("")
        return True

    def start_round(self) -> bool:
        return self._do(lambda m, now: m.start_round(now))

    def next_question(self) -> bool:
        return self._do(lambda m, now: m.next_question(now))

    def release(self) -> bool:
        return self._do(lambda m, now: m.release(now))

    def judge(self, correct: bool) -> bool:
        return self._do(lambda m, now: m.judge(correct, now))

    def skip(self) -> bool:
        return self._do(lambda m, now: m.skip(now))

    def undo(self) -> bool:
        return self._do(lambda m, now: m.undo(now))

    def choose_stake(self, stake: int) -> bool:
        return self._do(lambda m, now: m.choose_stake(stake, now))

    def decline(self) -> bool:
        return self._do(lambda m, now: m.decline(now))

    def set_order(self, order: Sequence[int]) -> bool:
        return self._do(lambda m, now: m.set_order(order, now))

    def start_tiebreak(self, teams: Sequence[int]) -> bool:
        return self._do(lambda m, now: m.start_tiebreak(teams, now))

    def adjust(self, team: int, sign: int) -> bool:
        """± by the step; the host gives the reason, which goes into the arbitration record."""
        delta = sign * self.step.value()
        what = tr("加分") if delta > 0 else tr("扣分")
        question = tr("{team} {what} {points} 分，原因：").format(
            team=team_name(self._names, team), what=what, points=abs(delta)
        )
        reason = self._ask(self, tr("加减分"), question, tr("主持人调整"))
        if reason is None:
            return False
        reason = reason.strip() or tr("主持人调整")
        return self._do(lambda m, now: m.adjust(team, delta, now, reason))

    def next_round(self) -> bool:
        s = self.snapshot
        early = s is not None and s.phase is not Phase.ROUND_OVER
        if early and not self._confirm(self, tr("下一轮"), tr(NEXT_ROUND_TEXT)):
            return False
        return self._do(lambda m, now: m.next_round(now))

    def finish(self) -> bool:
        if not self._confirm(self, tr("结束比赛"), tr("结束后比分不再变动。\n确定结束比赛吗？")):
            return False
        return self._do(lambda m, now: m.finish(now))
