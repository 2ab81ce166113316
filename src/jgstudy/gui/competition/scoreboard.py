"""The big screen (大屏) for the audience: round, countdown, question, teams and scores.

A passive :class:`MatchView`. The answer appears only once the question is over (judged or
void); the team that buzzed or whose turn it is lights up; locked-out teams are dimmed.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from jgstudy.core.competition import EventKind, MatchEvent, MatchSnapshot, Phase, TeamScore
from jgstudy.core.model import MultipleQuestion, SingleQuestion, display_stem
from jgstudy.core.records import QuestionRecord
from jgstudy.gui.competition.keys import key_label
from jgstudy.gui.competition.look import stage_stylesheet
from jgstudy.gui.competition.stage import banner_text, headline, tile_note, tile_state
from jgstudy.gui.competition.texts import round_title, score_text
from jgstudy.gui.exam.texts import clock_text, type_label
from jgstudy.gui.exam.util import clear_layout
from jgstudy.gui.i18n import tr
from jgstudy.gui.practice.feedback import answer_text
from jgstudy.gui.style import set_props
from jgstudy.gui.widgets import plain_label

WARN_AT = timedelta(seconds=5)
SHORT_OPTION = 16  # options up to this many characters go two to a line


def big_label(name: str, wrap: bool = False) -> QLabel:
    label = plain_label("", wrap=wrap)
    label.setObjectName(name)
    return label


class TeamTile(QFrame):
    """A team's name, score and buzzer key."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(0)
        self.name = big_label("tilename")
        self.score = big_label("tilescore")
        self.note = big_label("tilekey")
        for label in (self.name, self.score, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.state = ""

    def set_team(self, team: TeamScore, state: str, note: str) -> None:
        self.name.setText(team.name)
        self.score.setText(score_text(team.score))
        self.note.setText(note)
        if state != self.state:
            self.state = state
            set_props(self, state=state)


class Scoreboard(QWidget):
    """The audience's screen; see :func:`jgstudy.gui.competition.screens.show_on_stage`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("scoreboard")
        self.setWindowTitle(tr("竞赛大屏"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.snapshot: MatchSnapshot | None = None
        self.last_event: MatchEvent | None = None
        self.tiles: list[TeamTile] = []
        self._scale = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 32)
        layout.setSpacing(18)
        layout.addLayout(self._top())
        self.banner = big_label("sbbanner", wrap=True)
        layout.addWidget(self.banner)
        self.stem = big_label("sbstem", wrap=True)
        layout.addWidget(self.stem)
        self.options = QGridLayout()
        self.options.setHorizontalSpacing(40)
        self.options.setVerticalSpacing(10)
        layout.addLayout(self.options)
        self.answer = big_label("sbanswer", wrap=True)
        layout.addWidget(self.answer)
        self.explanation = big_label("sbexplain", wrap=True)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.tile_row = QHBoxLayout()
        self.tile_row.setSpacing(16)
        layout.addLayout(self.tile_row)
        self._restyle()

    def _top(self) -> QHBoxLayout:
        left = QVBoxLayout()
        left.setSpacing(2)
        self.title = big_label("sbtitle")
        self.round = big_label("sbround")
        self.item = big_label("sbitem")
        for label in (self.title, self.round, self.item):
            left.addWidget(label)
        self.clock = big_label("sbclock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self.clock)
        return row

    # -- MatchView -----------------------------------------------------------------------

    def show_state(self, snapshot: MatchSnapshot) -> None:
        self.snapshot = snapshot
        self.title.setText(snapshot.title)
        finished = snapshot.phase is Phase.FINISHED
        self.round.setText(tr("最终排名") if finished else round_title(snapshot))
        self.item.setText(self._item_text(snapshot))
        self.banner.setText(banner_text(snapshot, self.last_event))
        self._show_question(snapshot)
        self._show_teams(snapshot)
        if snapshot.deadline is None:
            self.show_time(None)  # no timer runs: the clock goes blank at once

    def show_event(self, event: MatchEvent) -> None:
        if event.kind is EventKind.BUZZ and not event.payload.get("accepted"):
            return  # a late press does not take the screen from the winner
        self.last_event = event

    def show_time(self, remaining: timedelta | None) -> None:
        self.clock.setText(clock_text(remaining) if remaining is not None else "")
        set_props(self.clock, warn=remaining is not None and remaining <= WARN_AT)

    # -- showing -------------------------------------------------------------------------

    @staticmethod
    def _item_text(s: MatchSnapshot) -> str:
        if s.item < 0 or s.phase in (Phase.ROUND_OVER, Phase.FINISHED):
            return ""
        kind = f" · {type_label(s.question.question)}" if s.question is not None else ""
        return tr("第 {item} / {items} 题{kind}").format(item=s.item + 1, items=s.items, kind=kind)

    def _show_question(self, s: MatchSnapshot) -> None:
        record = s.question
        clear_layout(self.options)
        if record is None:
            self.stem.setText(headline(s))
            self.answer.hide()
            self.explanation.hide()
            return
        question = record.question
        self.stem.setText(display_stem(question.stem))
        if isinstance(question, SingleQuestion | MultipleQuestion):
            self._show_options(list(question.options.items()))
        self._show_answer(record, s.answer_shown, s.explanation_shown)

    def _show_options(self, options: list[tuple[str, str]]) -> None:
        columns = 2 if all(len(text) <= SHORT_OPTION for _k, text in options) else 1
        for index, (key, text) in enumerate(options):
            label = big_label("sboption", wrap=True)
            label.setText(tr("{key}．{text}").format(key=key, text=text))
            self.options.addWidget(label, index // columns, index % columns)

    def _show_answer(self, record: QuestionRecord, answer: bool, explanation: bool) -> None:
        """The core says when: after judging (or for a 观众题), never while it is open."""
        self.answer.setVisible(answer)
        if answer:
            self.answer.setText(
                tr("答案：{answer_text}").format(answer_text=answer_text(record.question))
            )
        text = record.question.explanation
        self.explanation.setVisible(explanation and bool(text))
        if explanation and text:
            self.explanation.setText(tr("解析：{text}").format(text=text))

    def _show_teams(self, s: MatchSnapshot) -> None:
        while len(self.tiles) < len(s.teams):
            tile = TeamTile()
            self.tiles.append(tile)
            self.tile_row.addWidget(tile, 1)
        scored = self._scored(s)
        for tile, team in zip(self.tiles, s.teams, strict=False):
            state = "scored" if team.index == scored else tile_state(s, team.index)
            tile.set_team(team, state, tile_note(s, team.index, key_label(team.key)))

    def _scored(self, s: MatchSnapshot) -> int | None:
        """The team just judged right, while the question is closed (its tile turns green)."""
        last = self.last_event
        judged = last is not None and last.kind is EventKind.JUDGED
        if judged and s.phase is Phase.CLOSED and last is not None and last.payload.get("correct"):
            return last.team
        return None

    # -- the window ----------------------------------------------------------------------

    def _restyle(self) -> None:
        scale = min(max(self.height() / 800, 0.75), 2.5)
        if abs(scale - self._scale) > 0.04:
            self._scale = scale
            self.setStyleSheet(stage_stylesheet(scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.toggle_full_screen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F11 toggles; Esc leaves full screen. (A team whose buzzer is F11 keeps it: the
        # buzzer filter takes team keys before this window sees them.)
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)


def stage_screen(name: str | None, host: QScreen | None) -> QScreen:
    """The screen for the big screen: the one named, else the first that is not the host's."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if name and screen.name() == name:
            return screen
    others = [s for s in screens if s is not host]
    chosen = others[0] if others else host or QGuiApplication.primaryScreen()
    assert chosen is not None
    return chosen


def show_on_stage(board: Scoreboard, screen: QScreen, host: QScreen | None) -> None:
    """Full screen on ``screen`` when it is not the host's; else a window beside the panel.

    The geometry is set on the chosen screen before ``showFullScreen``: a window made full
    screen where it happens to be would cover the host's panel instead of the projector.
    """
    if board.isFullScreen():
        board.showNormal()  # leave full screen before moving to another screen
    board.setScreen(screen)
    if screen is not host:
        board.setGeometry(screen.geometry())
        board.showFullScreen()
        return
    area = screen.availableGeometry()
    if not board.isVisible() or not area.contains(board.geometry().center()):
        width, height = min(1280, area.width()), min(800, area.height())
        left = area.x() + (area.width() - width) // 2
        board.setGeometry(left, area.y() + (area.height() - height) // 2, width, height)
    board.showNormal()
    board.raise_()
