"""Pieces of the host's panel: the question as the host sees it, and the teams with their scores."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.competition import MatchSnapshot, Phase, RoundKind, TeamScore
from jgstudy.core.model import MultipleQuestion, SingleQuestion, display_stem
from jgstudy.gui.competition.keys import key_label
from jgstudy.gui.competition.stage import tile_state
from jgstudy.gui.competition.texts import item_text, rank_text, score_text, team_name
from jgstudy.gui.exam.texts import type_label
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import button, card, plain_label


def waiting_text(s: MatchSnapshot) -> str:
    """What the host is to do while no question is on screen."""
    who = team_name([t.name for t in s.teams], s.team)
    p = s.phase
    if p is Phase.READY and s.round_kind is RoundKind.RISK:
        return tr("请{who}选择分值，选定后显示题目。").format(who=who)
    if p is Phase.READY:
        return tr("{who}准备速答：点击“开始计时”后出示题目。").format(who=who)
    if p is Phase.INTRO:
        return tr("本轮已开始：点击“下一题”出示第一题。")
    if p is Phase.ROUND_OVER:
        more = s.round_index + 1 < s.round_count
        return (
            tr("本轮结束：点击“开始本轮”进入下一轮。")
            if more
            else tr("全部轮次已结束：点击“结束比赛”。")
        )
    if p is Phase.FINISHED:
        return tr("比赛已结束。")
    return tr("点击“开始本轮”开始第一轮。")


class HostQuestion(QFrame):
    """The current question with its answer and 解析: for the host's eyes only."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        self.heading = plain_label("", "muted")
        self.stem = plain_label("", wrap=True)
        self.stem.setObjectName("hoststem")
        self.options = plain_label("", wrap=True)
        self.answer = plain_label("", wrap=True)
        self.answer.setObjectName("hostanswer")
        self.explanation = plain_label("", wrap=True)
        self.explanation.setObjectName("explain")
        for label in (self.heading, self.stem, self.options, self.answer, self.explanation):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_state(self, s: MatchSnapshot) -> None:
        record = s.question
        shown = record is not None
        for label in (self.options, self.answer, self.explanation):
            label.setVisible(shown)
        if record is None:
            self.heading.setText(item_text(s))
            self.stem.setText(waiting_text(s))
            return
        question = record.question
        parts = [item_text(s), type_label(question)]
        if s.team is not None and s.round_kind is not RoundKind.BUZZER:
            parts.append(team_name([t.name for t in s.teams], s.team))
        if s.stake:
            parts.append(tr("分值 {stake}").format(stake=s.stake))
        self.heading.setText(tr("　·　").join(p for p in parts if p))
        self.stem.setText(display_stem(question.stem))
        options = (
            question.options if isinstance(question, SingleQuestion | MultipleQuestion) else {}
        )
        self.options.setText("\n".join(tr("{k}．{v}").format(k=k, v=v) for k, v in options.items()))
        self.options.setVisible(bool(options))
        self.answer.setText(tr("答案：{answer_text}").format(answer_text=answer_text(question)))
        self.explanation.setText(tr("解析：{explanation}").format(explanation=question.explanation))


class TeamRow(QFrame):
    """A team: key, name, what it is doing, score, and − / + for adjusting by hand."""

    adjust_requested = Signal(int, int)  # team index, +1 or −1

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.setObjectName("teamrow")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 6, 6)
        row.setSpacing(6)
        self.key = plain_label("")
        self.key.setObjectName("keybadge")
        self.name = plain_label("")
        self.note = plain_label("", "small")
        self.score = plain_label("0")
        self.score.setObjectName("teamscore")
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.score.setMinimumWidth(48)
        row.addWidget(self.key)
        row.addWidget(self.name, 1)
        row.addWidget(self.note)
        row.addWidget(self.score)
        self.minus = button("−")
        self.plus = button("+")
        for sign, btn in ((-1, self.minus), (1, self.plus)):
            btn.setObjectName("adjust")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setToolTip(tr("扣分") if sign < 0 else tr("加分"))
            btn.clicked.connect(lambda _c=False, s=sign: self.adjust_requested.emit(self.index, s))
            row.addWidget(btn)
        self.state = ""

    def set_team(self, team: TeamScore, state: str, note: str) -> None:
        self.key.setText(key_label(team.key))
        self.name.setText(team.name)
        self.note.setText(note)
        self.score.setText(score_text(team.score))
        if state != self.state:
            self.state = state
            set_props(self, state=state)


class ScoreTable(QWidget):
    """Every team, the one answering (or whose turn it is) highlighted."""

    adjust_requested = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.rows: list[TeamRow] = []

    def show_state(self, s: MatchSnapshot) -> None:
        while len(self.rows) < len(s.teams):
            row = TeamRow(len(self.rows))
            row.adjust_requested.connect(self.adjust_requested)
            self._layout.addWidget(row)
            self.rows.append(row)
        for row, team in zip(self.rows, s.teams, strict=False):
            state = tile_state(s, team.index)
            row.set_team(team, state, _note(s, team.index, state))

    def score_label(self, team: int) -> QLabel:
        return self.rows[team].score


def _note(s: MatchSnapshot, team: int, state: str) -> str:
    if state == "locked":
        return tr("锁定")
    if state == "out":
        return tr("不参加加赛")
    score = s.teams[team]
    if s.phase in (Phase.ROUND_OVER, Phase.FINISHED):
        return rank_text(score.rank, score.tied)
    return ""  # the highlighted row says who answers


STEPS = (1, 2, 5, 10, 20, 50)


class StepChooser(QComboBox):
    """How many points ± adds: a fixed list chosen with the mouse, never a text field.

    It takes no keyboard focus, so a team's letter or digit can never be typed into it (and
    the buzzer filter hands team keys to the match before any widget sees them anyway).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for points in STEPS:
            self.addItem(tr("{points} 分").format(points=points), points)
        self.setValue(5)

    def value(self) -> int:
        return int(self.currentData())

    def setValue(self, points: int) -> None:
        index = self.findData(points)
        self.setCurrentIndex(index if index >= 0 else STEPS.index(5))


class SideColumn(QWidget):
    """The panel's right-hand column: scores with the ± step, and the match's log."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumWidth(400)  # wider when team names, ranks or large text need it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        scores = card(margins=14)
        inner = scores.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(plain_label(tr("比分"), "section"))
        top.addStretch(1)
        top.addWidget(plain_label(tr("每次加减"), "small"))
        self.step = StepChooser()
        top.addWidget(self.step)
        inner.addLayout(top)
        self.scores = ScoreTable()
        inner.addWidget(self.scores)
        layout.addWidget(scores)
        log_box = card(margins=14)
        log_inner = log_box.layout()
        assert isinstance(log_inner, QVBoxLayout)
        log_inner.addWidget(plain_label(tr("比赛记录"), "section"))
        self.log = QListWidget()
        self.log.setObjectName("eventlog")
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        log_inner.addWidget(self.log, 1)
        layout.addWidget(log_box, 1)
