"""Turning a match's state into what its screens show."""

from __future__ import annotations

from collections.abc import Sequence

from jgstudy.core.competition.config import RiskRound, RoundKind, Team
from jgstudy.core.competition.state import (
    Closed,
    MatchState,
    Phase,
    competition_ranks,
    tied_groups,
)
from jgstudy.core.competition.view import MatchSnapshot, QuestionSource, StakeChoice, TeamScore
from jgstudy.core.records import QuestionRecord

# The question stays hidden until the stake is chosen or the speed turn starts.
VISIBLE = (Phase.READING, Phase.BUZZING, Phase.ANSWERING, Phase.CLOSED)


def build_snapshot(
    state: MatchState, teams: Sequence[Team], source: QuestionSource
) -> MatchSnapshot:
    flow = state.flow
    rnd = state.round_config()
    scores = state.scores()
    shown = flow.phase is Phase.CLOSED and flow.closed in (Closed.JUDGED, Closed.AUDIENCE)
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
        teams=_team_scores(state, teams, scores),
        can_undo=flow.phase is not Phase.FINISHED and state.last_scoring() is not None,
        closed=flow.closed.value if flow.phase is Phase.CLOSED and flow.closed else None,
        answer_shown=shown,
        explanation_shown=shown and state.config.reveal_explanation,
        tiebreak=state.is_tiebreak(),
        order=_order(state),
        may_decline=isinstance(rnd, RiskRound) and rnd.may_decline,
        ties=tuple(tied_groups(scores)),
    )


def _team_scores(
    state: MatchState, teams: Sequence[Team], scores: Sequence[int]
) -> tuple[TeamScore, ...]:
    ranks = competition_ranks(scores)
    return tuple(
        TeamScore(
            i, t.name, t.key, scores[i], ranks[i], scores.count(scores[i]) > 1, state.in_play(i)
        )
        for i, t in enumerate(teams)
    )


def _order(state: MatchState) -> tuple[StakeChoice, ...]:
    if not isinstance(state.round_config(), RiskRound):
        return ()
    chosen = state.stakes.get(state.flow.round, [])
    order = [item.team for item in state.plan() if item.team is not None]
    choices = []
    for position, team in enumerate(order):
        stake = chosen[position][1] if position < len(chosen) else None
        declined = position < len(chosen) and stake is None
        choices.append(StakeChoice(team, stake, declined))
    return tuple(choices)


def standings(snapshot: MatchSnapshot) -> list[TeamScore]:
    """Teams by rank, best first (teams sharing a rank keep the line-up order)."""
    return sorted(snapshot.teams, key=lambda t: (t.rank, t.index))


def _question(state: MatchState, source: QuestionSource) -> QuestionRecord | None:
    flow = state.flow
    if flow.phase not in VISIBLE or flow.question is None or flow.closed is Closed.DECLINED:
        return None
    return source.question(flow.question)
