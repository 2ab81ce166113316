"""A match's state as a fold over its events; the engine and a stored match's replay share it.

Scores are never stored: they are the sum of the deltas of the scoring events not undone, so an
undo is exact and a stored match rebuilds to the very same standings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, StrEnum, auto

from jgstudy.core.competition.config import (
    BuzzerRound,
    CompetitionConfig,
    RiskRound,
    RoundConfig,
    SpeedRound,
    Unanswered,
)
from jgstudy.core.competition.events import SCORING, EventKind, MatchEvent, Timer


class Phase(Enum):
    LOBBY = auto()  # created, no round yet
    INTRO = auto()  # a round started, no question yet
    READY = auto()  # risk: waiting for the stake; speed: the turn is announced (question hidden)
    READING = auto()  # the question is on screen, timers stopped; buzzing now is a false start
    BUZZING = auto()  # buzzers open, buzz window running
    ANSWERING = auto()  # a team answers, answer (or turn) timer running
    CLOSED = auto()  # the question is over (judged or void); waiting for the next
    ROUND_OVER = auto()
    FINISHED = auto()


class Closed(StrEnum):
    """How a question closed: whether its answer may be shown to the audience."""

    JUDGED = "judged"  # the host's verdict: the answer may be revealed
    AUDIENCE = "audience"  # nobody buzzed; 观众题: the answer is shown, no points
    VOID = "void"  # nobody buzzed; closed without the answer
    DECLINED = "declined"  # 风险题 declined (放弃): the question is never shown


@dataclass(frozen=True)
class Flow:
    """Where the match is; replaced, never mutated, so undo can restore an earlier one."""

    phase: Phase = Phase.LOBBY
    round: int = -1
    item: int = -1
    team: int | None = None
    question: int | None = None
    deadline: datetime | None = None
    opened_at: datetime | None = None
    locked: frozenset[int] = frozenset()  # may not buzz again for this question
    pressed: frozenset[int] = frozenset()  # buzzed (accepted or not) since the buzzers opened
    stake: int | None = None
    time_up: bool = False
    turn_pos: int = 0
    closed: Closed | None = None


@dataclass(frozen=True)
class Item:
    """One step of a round: a team's question (or a speed turn's questions); team None: anyone."""

    team: int | None
    questions: tuple[int, ...]


def questions_needed(rnd: RoundConfig, n_teams: int) -> int:
    if isinstance(rnd, BuzzerRound):
        return rnd.count
    return rnd.per_team * n_teams


def round_plan(rnd: RoundConfig, order: Sequence[int], questions: Sequence[int]) -> list[Item]:
    """The round's items: teams take turns in ``order``; a speed turn gets ``per_team`` questions."""
    if isinstance(rnd, BuzzerRound):
        return [Item(None, (q,)) for q in questions]
    if isinstance(rnd, SpeedRound):
        size = rnd.per_team
        return [Item(t, tuple(questions[i * size : (i + 1) * size])) for i, t in enumerate(order)]
    return [Item(order[i % len(order)], (q,)) for i, q in enumerate(questions)]


def competition_ranks(scores: Sequence[int]) -> tuple[int, ...]:
    """Shared ranks (并列): 1 + the number of teams with a higher score, e.g. 1, 1, 3."""
    return tuple(1 + sum(other > score for other in scores) for score in scores)


def tied_groups(scores: Sequence[int]) -> list[tuple[int, ...]]:
    """Teams sharing a score (two or more), best score first."""
    groups = [tuple(t for t, s in enumerate(scores) if s == score) for score in set(scores)]
    return sorted((g for g in groups if len(g) > 1), key=lambda g: -scores[g[0]])


class MatchState:
    """The fold of a match's events."""

    def __init__(self, config: CompetitionConfig, n_teams: int) -> None:
        self.config = config
        self.n_teams = n_teams
        self.flow = Flow()
        self.seed = 0
        self.start = 0  # every team's starting score (from the first event)
        self.plans: dict[int, list[Item]] = {}
        self.contenders: dict[int, frozenset[int]] = {}  # 加赛 round -> the tied teams in it
        self.stakes: dict[int, list[tuple[int, int | None]]] = {}  # round -> (team, stake)
        self.deltas: dict[int, tuple[int, int]] = {}  # seq -> (team, delta)
        self.false_starts: dict[int, int] = {}  # seq -> team
        self.undone: set[int] = set()
        self.last_at: datetime | None = None
        self._last_flow_seq: int | None = None
        self._flow_before_last = Flow()

    # -- queries -------------------------------------------------------------------------

    def scores(self) -> tuple[int, ...]:
        totals = [self.start] * self.n_teams
        for seq, (team, delta) in self.deltas.items():
            if seq not in self.undone:
                totals[team] += delta
        return tuple(totals)

    def false_start_count(self, team: int) -> int:
        """How many false starts (not undone) the team has made in the match."""
        return sum(t == team and seq not in self.undone for seq, t in self.false_starts.items())

    def round_config(self) -> RoundConfig | None:
        return self.config.round_at(self.flow.round)

    def is_tiebreak(self) -> bool:
        return self.flow.round >= len(self.config.rounds)

    def in_play(self, team: int) -> bool:
        """Whether the team plays in the current round (a 加赛 is for its tied teams only)."""
        contenders = self.contenders.get(self.flow.round)
        return contenders is None or team in contenders

    def plan(self) -> list[Item]:
        return self.plans.get(self.flow.round, [])

    def item(self) -> Item | None:
        plan, index = self.plan(), self.flow.item
        return plan[index] if 0 <= index < len(plan) else None

    def last_scoring(self) -> int | None:
        """The seq of the latest scoring event that has not been undone."""
        live = [seq for seq in self.deltas if seq not in self.undone]
        return max(live) if live else None

    def used_questions(self) -> set[int]:
        return {q for plan in self.plans.values() for item in plan for q in item.questions}

    # -- the fold ------------------------------------------------------------------------

    def apply(self, event: MatchEvent) -> None:
        if event.kind in SCORING and event.team is not None:
            self.deltas[event.seq] = (event.team, event.delta)
        if event.kind is EventKind.FALSE_START and event.team is not None:
            self.false_starts[event.seq] = event.team
        if event.kind is EventKind.UNDONE:
            self._undo(int(event.payload["target"]))
        elif event.kind is not EventKind.ADJUSTED:
            self._flow_before_last = self.flow
            self._last_flow_seq = event.seq
            self.flow = _REDUCERS[event.kind](self, event)
        self.last_at = event.at

    def _undo(self, target: int) -> None:
        self.undone.add(target)
        # Only when nothing has happened since can the flow go back too (e.g. to re-judge).
        if target == self._last_flow_seq:
            self.flow = self._flow_before_last
            self._last_flow_seq = None


def _after(at: datetime, seconds: int) -> datetime:
    return at + timedelta(seconds=seconds)


def _created(state: MatchState, event: MatchEvent) -> Flow:
    state.seed = int(event.payload.get("seed", 0))
    state.start = int(event.payload.get("start", 0))  # matches stored before it started at 0
    return state.flow


def _round_started(state: MatchState, event: MatchEvent) -> Flow:
    r = int(event.payload["round"])
    rnd = state.config.round_at(r)
    assert rnd is not None
    questions = [int(q) for q in event.payload["questions"]]
    order = [int(t) for t in event.payload.get("order", range(state.n_teams))]
    state.plans[r] = round_plan(rnd, order, questions)
    state.stakes[r] = []
    if "contenders" in event.payload:
        state.contenders[r] = frozenset(int(t) for t in event.payload["contenders"])
    return Flow(Phase.INTRO, round=r)


def _order_set(state: MatchState, event: MatchEvent) -> Flow:
    r = state.flow.round
    rnd = state.round_config()
    assert rnd is not None
    questions = [q for item in state.plans[r] for q in item.questions]
    state.plans[r] = round_plan(rnd, [int(t) for t in event.payload["order"]], questions)
    return state.flow


def _shown(state: MatchState, event: MatchEvent) -> Flow:
    index = int(event.payload["item"])
    item = state.plans[state.flow.round][index]
    hidden = isinstance(state.round_config(), RiskRound | SpeedRound)
    phase = Phase.READY if hidden else Phase.READING
    return Flow(phase, state.flow.round, index, item.team, item.questions[0])


def _stake(state: MatchState, event: MatchEvent) -> Flow:
    flow = state.flow
    assert flow.team is not None
    if event.payload.get("declined"):
        state.stakes[flow.round].append((flow.team, None))
        return dataclasses.replace(flow, phase=Phase.CLOSED, closed=Closed.DECLINED)
    stake = int(event.payload["stake"])
    state.stakes[flow.round].append((flow.team, stake))
    return dataclasses.replace(flow, phase=Phase.READING, stake=stake)


def _released(state: MatchState, event: MatchEvent) -> Flow:
    rnd, flow = state.round_config(), state.flow
    if isinstance(rnd, BuzzerRound):
        deadline = _after(event.at, rnd.buzz_window_seconds)
        return dataclasses.replace(
            flow, phase=Phase.BUZZING, deadline=deadline, opened_at=event.at, pressed=frozenset()
        )
    seconds = rnd.duration_seconds if isinstance(rnd, SpeedRound) else _answer_seconds(rnd)
    deadline = _after(event.at, seconds)
    return dataclasses.replace(flow, phase=Phase.ANSWERING, deadline=deadline, opened_at=event.at)


def _buzz(state: MatchState, event: MatchEvent) -> Flow:
    flow = state.flow
    assert event.team is not None
    pressed = flow.pressed | {event.team}
    if not event.payload.get("accepted"):
        return dataclasses.replace(flow, pressed=pressed)
    deadline = _after(event.at, _answer_seconds(state.round_config()))
    return dataclasses.replace(
        flow, phase=Phase.ANSWERING, team=event.team, deadline=deadline, pressed=pressed
    )


def _false_start(state: MatchState, event: MatchEvent) -> Flow:
    assert event.team is not None
    flow = state.flow
    return dataclasses.replace(
        flow, locked=flow.locked | {event.team}, pressed=flow.pressed | {event.team}
    )


def _judged(state: MatchState, event: MatchEvent) -> Flow:
    rnd, flow = state.round_config(), state.flow
    if isinstance(rnd, SpeedRound):
        return _next_in_turn(state)
    closed = dataclasses.replace(flow, phase=Phase.CLOSED, deadline=None, closed=Closed.JUDGED)
    if not isinstance(rnd, BuzzerRound) or event.payload.get("correct"):
        return closed
    assert flow.team is not None
    locked = flow.locked | {flow.team}
    players = [t for t in range(state.n_teams) if state.in_play(t)]
    if not rnd.rebuzz_after_wrong or all(t in locked for t in players):
        return dataclasses.replace(closed, locked=locked)
    deadline = _after(event.at, rnd.buzz_window_seconds)
    # The others may buzz again: a fresh window, the team that answered stays out.
    return dataclasses.replace(
        flow,
        phase=Phase.BUZZING,
        team=None,
        deadline=deadline,
        opened_at=event.at,
        locked=locked,
        pressed=frozenset(),
        time_up=False,
    )


def _skipped(state: MatchState, event: MatchEvent) -> Flow:
    return _next_in_turn(state)


def _next_in_turn(state: MatchState) -> Flow:
    flow, item = state.flow, state.item()
    position = flow.turn_pos + 1
    if item is None or position >= len(item.questions):
        return dataclasses.replace(flow, phase=Phase.CLOSED, deadline=None, closed=Closed.JUDGED)
    return dataclasses.replace(flow, question=item.questions[position], turn_pos=position)


def _timeout(state: MatchState, event: MatchEvent) -> Flow:
    flow = state.flow
    timer = event.payload.get("timer")
    if timer == Timer.ANSWER:
        return dataclasses.replace(flow, time_up=True)
    if timer == Timer.TURN:
        return dataclasses.replace(flow, phase=Phase.CLOSED, deadline=None, closed=Closed.VOID)
    audience = event.payload.get("unanswered") == Unanswered.AUDIENCE
    closed = Closed.AUDIENCE if audience else Closed.VOID
    return dataclasses.replace(flow, phase=Phase.CLOSED, deadline=None, team=None, closed=closed)


def _round_finished(state: MatchState, event: MatchEvent) -> Flow:
    return Flow(Phase.ROUND_OVER, round=state.flow.round)


def _match_finished(state: MatchState, event: MatchEvent) -> Flow:
    return Flow(Phase.FINISHED, round=state.flow.round)


def _answer_seconds(rnd: RoundConfig | None) -> int:
    if isinstance(rnd, SpeedRound):
        return rnd.duration_seconds
    return rnd.answer_seconds if rnd is not None else 0


_REDUCERS: dict[EventKind, Callable[[MatchState, MatchEvent], Flow]] = {
    EventKind.MATCH_CREATED: _created,
    EventKind.ROUND_STARTED: _round_started,
    EventKind.QUESTION_SHOWN: _shown,
    EventKind.ORDER_SET: _order_set,
    EventKind.STAKE_CHOSEN: _stake,
    EventKind.QUESTION_RELEASED: _released,
    EventKind.BUZZ: _buzz,
    EventKind.FALSE_START: _false_start,
    EventKind.JUDGED: _judged,
    EventKind.SKIPPED: _skipped,
    EventKind.TIMEOUT: _timeout,
    EventKind.ROUND_FINISHED: _round_finished,
    EventKind.MATCH_FINISHED: _match_finished,
}
