"""What a match shows and needs: the view Protocol a GUI implements, and the values it gets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, auto
from typing import Protocol

from jgstudy.core.competition.config import RoundKind
from jgstudy.core.competition.events import MatchEvent
from jgstudy.core.competition.state import Phase
from jgstudy.core.exams.blueprint import QuestionFilter
from jgstudy.core.records import QuestionRecord


class BuzzResult(Enum):
    """What became of a buzzer press."""

    WON = auto()  # this team answers
    LOCKED_OUT = auto()  # another team was first, or this team is out for the question
    FALSE_START = auto()  # pressed before the release: penalised and out for the question
    IGNORED = auto()  # no question open to buzzing (not recorded)


@dataclass(frozen=True)
class TeamScore:
    index: int
    name: str
    key: str
    score: int


@dataclass(frozen=True)
class MatchSnapshot:
    """Everything a match screen shows, after each event."""

    title: str
    phase: Phase
    round_index: int  # -1 before the first round
    round_count: int
    round_title: str | None
    round_kind: RoundKind | None
    item: int  # 0-based step of the round, -1 before the first
    items: int
    team: int | None  # whose question or turn it is, or who buzzed
    question: QuestionRecord | None  # None while hidden (READY) or between questions
    stake: int | None
    stakes: tuple[int, ...]  # choices in a risk round
    locked: frozenset[int]
    deadline: datetime | None
    time_up: bool
    teams: tuple[TeamScore, ...]
    can_undo: bool


class MatchView(Protocol):
    """A match screen (big-screen display, host console). Every method is a notification."""

    def show_state(self, snapshot: MatchSnapshot) -> None: ...

    def show_event(self, event: MatchEvent) -> None:
        """Each event as it happens (for sounds, the log panel, the buzz winner's highlight)."""

    def show_time(self, remaining: timedelta | None) -> None:
        """On every tick: time left on the running timer, or None when none runs."""


class QuestionSource(Protocol):
    """Where a match gets its questions (the service, over the database)."""

    def draw(
        self, round_index: int, flt: QuestionFilter, count: int, seed: int, exclude: set[int]
    ) -> list[int]:
        """``count`` question pks, deterministic in ``seed`` and ``round_index``."""
        ...

    def question(self, pk: int) -> QuestionRecord: ...


EventSink = Callable[[MatchEvent], None]
