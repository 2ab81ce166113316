"""竞赛: the page the main window shows — the lobby, then the host's panel with the big screen.

The page owns the running match: it creates or reopens it through CompetitionService, fans the
match's notifications out to the panel, the big screen and the sounds, ticks its timers every
100 ms, and hands every buzzer key press to ``match.press`` with the clock's time. Who was first,
what a press costs and when time is up are the core's decisions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

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
from jgstudy.gui.competition.panel import AskText, Confirm, HostPanel, ask_text
from jgstudy.gui.competition.scoreboard import Scoreboard, show_on_stage, stage_screen
from jgstudy.gui.competition.screens import MatchScreens
from jgstudy.gui.competition.setup import MatchSetupDialog
from jgstudy.gui.competition.sounds import Sounds, sound_problem
from jgstudy.gui.competition.stakes import OrderDialog
from jgstudy.gui.exam.page import ask
from jgstudy.gui.filechooser import FileChooser
from jgstudy.gui.fit import size_to_current
from jgstudy.gui.i18n import tr, tr_error
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.restyle import StyleKeeper

log = logging.getLogger(__name__)
TICK_MS = 100
# (parent, suggested file name) -> the file to write, or None when cancelled
ChoosePath = Callable[[QWidget, str], Path | None]


def record_path_chooser(files: FileChooser) -> ChoosePath:
    """The save dialog for the arbitration record (.xlsx or .pdf), started where ``files`` is."""

    def choose(parent: QWidget, suggested: str) -> Path | None:
        kinds = tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        return files.save_file(parent, tr("导出比赛记录"), suggested, kinds)

    return choose


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
        ask_reason: AskText = ask_text,
        choose_path: ChoosePath | None = None,
        sound_probe: Callable[[], str | None] = sound_problem,
        prefs: Preferences | None = None,
        show_scoreboard: bool = True,
    ) -> None:
        super().__init__(parent)
        self.competitions = competitions
        self.user: UserInfo | None = None
        self.match: Match | None = None
        self.prefs = prefs
        self.screen_name = prefs.scoreboard_screen if prefs is not None else ""
        self._auto_scoreboard = show_scoreboard
        # Documents, then the folder used last: never the program's working directory.
        self._choose_path = choose_path or record_path_chooser(FileChooser(prefs))
        self.lobby = Lobby()
        self.panel = HostPanel(competitions.display_tz, confirm, ask_reason)
        self.scoreboard = Scoreboard(self)  # its own window, owned (and closed) with the page
        self.sounds = Sounds(sounds, sound_probe())
        self.screens = MatchScreens(self.panel, self.scoreboard, sounds=self.sounds)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lobby)
        self.stack.addWidget(self.panel)
        size_to_current(self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.buzzers = BuzzerFilter(self._is_buzzer, self.press, self._buzzer_windows, self)
        self._connect()
        self._style = StyleKeeper(self, panel_stylesheet)
        self._show_sound_choice()
        self.show_lobby()

    def _connect(self) -> None:
        self.lobby.new_requested.connect(self.new_match)
        self.lobby.open_requested.connect(self.open_match)
        self.lobby.drill_requested.connect(self.open_drill)
        self.panel.scoreboard_requested.connect(self.show_scoreboard)
        self.panel.sound_toggled.connect(self._sound_toggled)
        self.panel.leave_requested.connect(self.leave)
        self.panel.export_requested.connect(self.export_record)
        self.panel.order_requested.connect(self.change_order)

    # -- the lobby -----------------------------------------------------------------------

    def activate(self) -> None:
        self.show_lobby()

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
        dialog = MatchSetupDialog(self.competitions, self, screen_name=self.screen_name)
        dialog.accepted.connect(lambda: self._set_up(dialog))
        dialog.open()
        return dialog

    def _set_up(self, dialog: MatchSetupDialog) -> None:
        self.choose_screen(dialog.screen_name())
        config = dialog.config()
        if config is not None:
            self.start_match(config, dialog.teams())

    def choose_screen(self, name: str) -> None:
        """The big screen goes to this screen (by name), now and next time."""
        self.screen_name = name
        if self.prefs is not None:
            self.prefs.scoreboard_screen = name

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
            self.lobby.message.setText(tr("无法开始比赛：{exc}").format(exc=tr_error(exc)))
            return None
        self._show_match(match)
        return match

    def open_match(self, match_id: int) -> Match | None:
        """Reopen a stored match where it was (rebuilt from its events)."""
        try:
            match = self.competitions.open_match(match_id, view=self.screens)
        except MatchError as exc:
            self.lobby.message.setText(tr_error(exc))
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
        host = self.window().screen()
        show_on_stage(self.scoreboard, stage_screen(self.screen_name or None, host), host)

    def change_order(self) -> OrderDialog | None:
        """风险题: the host drags the teams into another choosing order."""
        snapshot = self.panel.snapshot
        if snapshot is None:
            return None
        dialog = OrderDialog(snapshot, self)
        dialog.accepted.connect(lambda: self.panel.set_order(dialog.order()))
        dialog.open()
        return dialog

    def export_record(self) -> Path | None:
        """Write the match's arbitration record where the host chooses (.xlsx or .pdf)."""
        if self.match is None or self.match.id is None:
            return None
        suggested = tr("比赛记录-{id}.xlsx").format(id=self.match.id)
        path = self._choose_path(self, suggested)
        if path is None:
            return None
        from jgstudy.render.match_pdf import UnknownRecordFormat, save_record

        try:
            save_record(self.competitions.record(self.match.id), path)
        except UnknownRecordFormat as exc:
            log.info("match record refused: %s", exc)
            self.panel.status.setText(
                tr("比赛记录只能导出为 .xlsx 或 .pdf：{name}").format(name=path.name)
            )
            return None
        except OSError as exc:
            log.exception("Cannot write the match record %s", path)
            self.panel.status.setText(
                tr("无法写入 {path}：{reason}").format(path=path, reason=exc.strerror or exc)
            )
            return None
        self.panel.status.setText(tr("比赛记录已导出：{path}").format(path=path))
        return path

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

    def _show_sound_choice(self) -> None:
        box = self.panel.sound
        box.setChecked(self.sounds.enabled)
        box.setEnabled(self.sounds.available)
        box.setToolTip(
            tr("播放抢答成功、判分和时间到的提示音")
            if self.sounds.available
            else tr("本机无法播放提示音：{problem}").format(problem=self.sounds.problem)
        )

    def _sound_toggled(self, on: bool) -> None:
        if self.sounds.set_enabled(on) != on:
            self.panel.sound.setChecked(False)
            self._show_sound_choice()
            self.panel.status.setText(tr("本机无法播放提示音。"))
