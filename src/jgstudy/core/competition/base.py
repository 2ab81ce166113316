"""The event-sourced core of a match: the log, the state it folds into, replay and reading.

The rules (what each host command emits) are in :mod:`jgstudy.core.competition.match`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

from jgstudy.core.competition.config import CompetitionConfig, Team, team_problems
from jgstudy.core.competition.events import EventKind, MatchEvent
from jgstudy.core.competition.snapshot import build_snapshot
from jgstudy.core.competition.state import MatchState, Phase
from jgstudy.core.competition.view import EventSink, MatchSnapshot, MatchView, QuestionSource
from jgstudy.core.text import join, msg

ZERO = timedelta(0)
M = TypeVar("M", bound="MatchCore")


class MatchError(Exception):
    """A command that does not fit the match's state (e.g. judging with nobody answering)."""


class MatchCore:
    """A match's log and state; create with :meth:`create` or rebuild with :meth:`replay`."""

    def __init__(
        self,
        config: CompetitionConfig,
        teams: Sequence[Team],
        source: QuestionSource,
        *,
        view: MatchView | None = None,
        sink: EventSink | None = None,
    ) -> None:
        problems = team_problems(teams)
        if problems:
            raise MatchError(join("；", problems))
        self.config = config
        self.teams = tuple(teams)
        self.id: int | None = None  # the stored match's id (set by the service)
        self._source = source
        self._view = view
        self._sink = sink
        self._state = MatchState(config, len(self.teams))
        self._events: list[MatchEvent] = []
        self._keys = {team.key: index for index, team in enumerate(self.teams)}

    @classmethod
    def create(
        cls: type[M],
        config: CompetitionConfig,
        teams: Sequence[Team],
        source: QuestionSource,
        now: datetime,
        *,
        seed: int,
        view: MatchView | None = None,
        sink: EventSink | None = None,
    ) -> M:
        """A new match; its first event records the line-up and the draw seed."""
        match = cls(config, teams, source, view=view, sink=sink)
        line_up = [{"name": t.name, "key": t.key} for t in match.teams]
        start = config.starting_score
        match._emit(
            EventKind.MATCH_CREATED, now, title=config.title, seed=seed, teams=line_up, start=start
        )
        return match

    @classmethod
    def replay(
        cls: type[M],
        config: CompetitionConfig,
        teams: Sequence[Team],
        source: QuestionSource,
        events: Sequence[MatchEvent],
        *,
        view: MatchView | None = None,
        sink: EventSink | None = None,
    ) -> M:
        """Rebuild a match from its stored events (new events then go to ``sink``)."""
        match = cls(config, teams, source, view=view, sink=sink)
        for event in events:
            match._state.apply(event)
            match._events.append(event)
        if view is not None:
            view.show_state(match.snapshot())
        return match

    # -- reading -------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._state.flow.phase

    @property
    def events(self) -> tuple[MatchEvent, ...]:
        return tuple(self._events)

    @property
    def scores(self) -> tuple[int, ...]:
        return self._state.scores()

    @property
    def seed(self) -> int:
        return self._state.seed

    def snapshot(self) -> MatchSnapshot:
        return build_snapshot(self._state, self.teams, self._source)

    def team_for_key(self, key: str) -> int | None:
        """The team whose buzzer key is ``key`` (a name such as "Q", "1", "F1")."""
        return self._keys.get(key if len(key) > 1 else key.upper())

    def remaining(self, now: datetime) -> timedelta | None:
        """Time left on the running timer (buzz window, answer time or speed turn)."""
        flow = self._state.flow
        if flow.deadline is None or flow.phase not in (Phase.BUZZING, Phase.ANSWERING):
            return None
        return max(flow.deadline - now, ZERO)

    def _require(self, *phases: Phase) -> None:
        if self.phase not in phases:
            raise MatchError(msg("当前状态 {phase} 下不能这样操作", phase=self.phase.name))

    def _check_team(self, team: int) -> None:
        if not 0 <= team < len(self.teams):
            raise MatchError(msg("没有第 {team} 队", team=team + 1))

    def _emit(
        self, kind: EventKind, at: datetime, team: int | None = None, **payload: Any
    ) -> MatchEvent:
        last = self._state.last_at
        # Times never go backwards: a press reported earlier than the last event counts as
        # simultaneous with it, and simultaneous events keep their order of arrival.
        at = max(at, last) if last is not None else at
        event = MatchEvent(len(self._events) + 1, at, kind, team, payload)
        if self._sink is not None:
            self._sink(event)  # stored first: if that fails, the match has not changed
        self._state.apply(event)
        self._events.append(event)
        if self._view is not None:
            self._view.show_event(event)
            self._view.show_state(self.snapshot())
        return event
