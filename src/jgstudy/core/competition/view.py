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
    rank: int = 1  # shared: two teams on the best score are both 1 (并列第一)
    tied: bool = False  # another team has the same score
    in_play: bool = True  # False for the teams outside a 加赛


@dataclass(frozen=True)
class StakeChoice:
    """风险题: a team's place in the choosing order and what it chose (None: not yet)."""

    team: int
    stake: int | None
    declined: bool


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
    closed: str | None = None  # how the question closed: judged, audience, void, declined
    answer_shown: bool = False  # the audience may see the answer (after judging, or 观众题)
    explanation_shown: bool = False  # ... and the 解析 (when the competition file says so)
    tiebreak: bool = False  # the round is a 加赛
    order: tuple[StakeChoice, ...] = ()  # 风险题: the choosing order and the choices so far
    may_decline: bool = False
    ties: tuple[tuple[int, ...], ...] = ()  # teams sharing a score, best first


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
