"""竞赛: the page the main window shows — the lobby, then the host's panel with the big screen.

The page owns the running match: it creates or reopens it through CompetitionService, fans the
match's notifications out to the panel, the big screen and the sounds, ticks its timers every
100 ms, and hands every buzzer key press to ``match.press`` with the clock's time. Who was first,
what a press costs and when time is up are the core's decisions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from jgstudy.core.competition import (
    CompetitionConfig,
    CompetitionService,
    Match,
    MatchError,
    Team,
)
from jgstudy.core.records import UserInfo
from jgstudy.gui.competition.drill import DrillDialog
from jgstudy.gui.competition.keys import BuzzerFilter
from jgstudy.gui.competition.lobby import Lobby
from jgstudy.gui.competition.look import panel_stylesheet
from jgstudy.gui.competition.panel import Confirm, HostPanel
from jgstudy.gui.competition.scoreboard import Scoreboard, show_on_stage
from jgstudy.gui.competition.screens import MatchScreens
from jgstudy.gui.competition.setup import MatchSetupDialog
from jgstudy.gui.competition.sounds import Sounds
from jgstudy.gui.exam.page import ask
from jgstudy.gui.i18n import tr
from jgstudy.gui.restyle import StyleKeeper

TICK_MS = 100


class CompetitionPage(QWidget):
    """Lobby → host panel (+ big screen). Emits ``closed()`` when the host leaves."""

    closed = Signal()

    def __init__(
        self,
        competitions: CompetitionService,
        parent: QWidget | None = None,
        *,
        sounds: bool = False,
        confirm: Confirm = ask,
        show_scoreboard: bool = True,
    ) -> None:
        super().__init__(parent)
        self.competitions = competitions
        self.user: UserInfo | None = None
        self.match: Match | None = None
        self._auto_scoreboard = show_scoreboard
        self.lobby = Lobby()
        self.panel = HostPanel(competitions.display_tz, confirm)
        self.scoreboard = Scoreboard(self)  # its own window, owned (and closed) with the page
        self.sounds = Sounds(sounds)
        self.screens = MatchScreens(self.panel, self.scoreboard, sounds=self.sounds)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lobby)
        self.stack.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.buzzers = BuzzerFilter(self._is_buzzer, self.press, self._buzzer_windows, self)
        self._connect()
        self._style = StyleKeeper(self, panel_stylesheet)
        self.panel.sound.setChecked(self.sounds.enabled)
        self.show_lobby()

    def _connect(self) -> None:
        self.lobby.new_requested.connect(self.new_match)
        self.lobby.open_requested.connect(self.open_match)
        self.lobby.drill_requested.connect(self.open_drill)
        self.panel.scoreboard_requested.connect(self.show_scoreboard)
        self.panel.sound_toggled.connect(self._sound_toggled)
        self.panel.leave_requested.connect(self.leave)

    # -- the lobby -----------------------------------------------------------------------

    def set_user(self, user: UserInfo | None) -> None:
        """The cadre who rehearses in the solo drills (a match needs none)."""
        self.user = user

    def show_lobby(self) -> None:
        """List the stored matches not yet finished; a match on the panel stays there."""
        if self.match is not None:
            self.stack.setCurrentWidget(self.panel)
            return
        self.lobby.set_matches([m for m in self.competitions.matches() if m.finished_at is None])
        self.stack.setCurrentWidget(self.lobby)

    def new_match(self) -> MatchSetupDialog:
        """Open the setup dialog; accepting it starts the match."""
        dialog = MatchSetupDialog(self.competitions, self)
        dialog.accepted.connect(lambda: self._set_up(dialog))
        dialog.open()
        return dialog

    def _set_up(self, dialog: MatchSetupDialog) -> None:
        config = dialog.config()
        if config is not None:
            self.start_match(config, dialog.teams())

    def open_drill(self, kind: str = "speed") -> DrillDialog | None:
        if self.user is None:
            self.lobby.message.setText(tr("请先选择或新建用户，再开始单人演练。"))
            return None
        dialog = DrillDialog(self.competitions, self.user, self)
        dialog.open()
        if kind == "reaction":
            dialog.start_reaction()
        else:
            dialog.start_speed()
        return dialog

    # -- the match -----------------------------------------------------------------------

    def start_match(
        self,
        config: CompetitionConfig,
        teams: Sequence[Team] | None = None,
        seed: int | None = None,
    ) -> Match | None:
        """Create a stored match and put it on the panel and the big screen."""
        try:
            match = self.competitions.create_match(config, teams, view=self.screens, seed=seed)
        except MatchError as exc:
            self.lobby.message.setText(tr("无法开始比赛：{exc}").format(exc=exc))
            return None
        self._show_match(match)
        return match

    def open_match(self, match_id: int) -> Match | None:
        """Reopen a stored match where it was (rebuilt from its events)."""
        try:
            match = self.competitions.open_match(match_id, view=self.screens)
        except MatchError as exc:
            self.lobby.message.setText(str(exc))
            return None
        self._show_match(match)
        self.panel.load_log(match.events)
        return match

    def _show_match(self, match: Match) -> None:
        self.match = match
        self.panel.bind(match, self.competitions.now)
        self.screens.show_state(match.snapshot())
        self.stack.setCurrentWidget(self.panel)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.buzzers)
        self.timer.start()
        self.tick()
        if self._auto_scoreboard:
            self.show_scoreboard()

    def show_scoreboard(self) -> None:
        show_on_stage(self.scoreboard)

    def leave(self) -> None:
        """Back to the lobby (the match is stored; it can be continued later)."""
        self.close_match()
        self.show_lobby()
        self.closed.emit()

    def close_match(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.buzzers)
        self.match = None
        self.panel.bind(None, self.competitions.now)
        self.scoreboard.hide()

    # -- time and buzzers ----------------------------------------------------------------

    def tick(self) -> None:
        """Let the match evaluate its timers now (the 100 ms timer's slot)."""
        if self.match is not None:
            self.match.tick(self.competitions.now())

    def press(self, key: str) -> None:
        """A buzzer key went down: the core arbitrates at the clock's time."""
        if self.match is not None:
            self.match.press(key, at=self.competitions.now())

    def _is_buzzer(self, key: str) -> bool:
        return self.match is not None and self.match.team_for_key(key) is not None

    def _buzzer_windows(self) -> list[QWidget]:
        # The host's window only while this page is on screen (not while practising elsewhere).
        return [self.window(), self.scoreboard] if self.isVisible() else [self.scoreboard]

    def _sound_toggled(self, on: bool) -> None:
        if self.sounds.set_enabled(on) != on:
            self.panel.sound.setChecked(False)
            self.panel.status.setText(tr("本机无法播放提示音。"))
