"""Turning a match's state into what its screens show."""

from __future__ import annotations

from collections.abc import Sequence

from jgstudy.core.competition.config import RiskRound, RoundKind, Team
from jgstudy.core.competition.state import MatchState, Phase
from jgstudy.core.competition.view import MatchSnapshot, QuestionSource, TeamScore
from jgstudy.core.records import QuestionRecord

# The question stays hidden until the stake is chosen or the speed turn starts.
VISIBLE = (Phase.READING, Phase.BUZZING, Phase.ANSWERING, Phase.CLOSED)


def build_snapshot(
    state: MatchState, teams: Sequence[Team], source: QuestionSource
) -> MatchSnapshot:
    flow = state.flow
    rnd = state.round_config()
    scores = state.scores()
    return MatchSnapshot(
        title=state.config.title,
        phase=flow.phase,
        round_index=flow.round,
        round_count=len(state.config.rounds),
        round_title=rnd.title if rnd else None,
        round_kind=RoundKind(rnd.kind) if rnd else None,
        item=flow.item,
        items=len(state.plan()),
        team=flow.team,
        question=_question(state, source),
        stake=flow.stake,
        stakes=rnd.stakes if isinstance(rnd, RiskRound) else (),
        locked=flow.locked,
        deadline=flow.deadline,
        time_up=flow.time_up,
        teams=tuple(TeamScore(i, t.name, t.key, scores[i]) for i, t in enumerate(teams)),
        can_undo=state.last_scoring() is not None,
    )


def standings(snapshot: MatchSnapshot) -> list[TeamScore]:
    """Teams by score, best first (ties keep the line-up order)."""
    return sorted(snapshot.teams, key=lambda t: -t.score)


def _question(state: MatchState, source: QuestionSource) -> QuestionRecord | None:
    flow = state.flow
    if flow.phase not in VISIBLE or flow.question is None:
        return None
    return source.question(flow.question)
