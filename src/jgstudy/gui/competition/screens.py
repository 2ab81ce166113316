"""One MatchView for the core, fanned out to the host's panel, the big screen and the sounds."""

from __future__ import annotations

from datetime import timedelta
from typing import Protocol

from jgstudy.core.competition import MatchEvent, MatchSnapshot, MatchView
from jgstudy.gui.competition.sounds import Sounds


class _Cue(Protocol):
    def on_event(self, event: MatchEvent) -> None: ...


class MatchScreens:
    """Hands every notification of the match to each screen, and events to the sounds."""

    def __init__(self, *views: MatchView, sounds: Sounds | _Cue | None = None) -> None:
        self.views = list(views)
        self.sounds = sounds

    def show_state(self, snapshot: MatchSnapshot) -> None:
        for view in self.views:
            view.show_state(snapshot)

    def show_event(self, event: MatchEvent) -> None:
        for view in self.views:
            view.show_event(event)
        if self.sounds is not None:
            self.sounds.on_event(event)

    def show_time(self, remaining: timedelta | None) -> None:
        for view in self.views:
            view.show_time(remaining)
