"""Competitions (竞赛): rounds, buzzers, an event-sourced match engine, and solo drills."""

from jgstudy.core.competition.config import (
    BuzzerRound,
    CompetitionConfig,
    CompulsoryRound,
    RiskRound,
    RoundKind,
    SpeedRound,
    StakeOrder,
    Team,
    TiebreakRound,
    Unanswered,
    load_competition,
)
from jgstudy.core.competition.drill import DrillAnswer, DrillPhase, DrillResult, DrillView
from jgstudy.core.competition.drills import ReactionDrill, SpeedDrill
from jgstudy.core.competition.events import EventKind, MatchEvent, Timer
from jgstudy.core.competition.match import Match, MatchError
from jgstudy.core.competition.service import CompetitionService
from jgstudy.core.competition.snapshot import standings
from jgstudy.core.competition.state import Closed, Phase, competition_ranks
from jgstudy.core.competition.view import (
    BuzzResult,
    MatchSnapshot,
    MatchView,
    StakeChoice,
    TeamScore,
)

__all__ = [
    "BuzzResult",
    "BuzzerRound",
    "Closed",
    "CompetitionConfig",
    "CompetitionService",
    "CompulsoryRound",
    "DrillAnswer",
    "DrillPhase",
    "DrillResult",
    "DrillView",
    "EventKind",
    "Match",
    "MatchError",
    "MatchEvent",
    "MatchSnapshot",
    "MatchView",
    "Phase",
    "ReactionDrill",
    "RiskRound",
    "RoundKind",
    "SpeedDrill",
    "SpeedRound",
    "StakeChoice",
    "StakeOrder",
    "Team",
    "TeamScore",
    "TiebreakRound",
    "Timer",
    "Unanswered",
    "competition_ranks",
    "load_competition",
    "standings",
]
