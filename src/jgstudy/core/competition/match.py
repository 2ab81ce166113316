"""The competition engine: a pure state machine over a match's event log.

Time is always passed in (``now``/``at``); the engine never reads a clock. Every command
validates against the current state, then emits events; the state is only ever changed by
applying events, so replaying the stored log rebuilds the match exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from jgstudy.core.competition.base import MatchCore, MatchError
from jgstudy.core.competition.config import (
    BuzzerRound,
    RiskRound,
    RoundConfig,
    SpeedRound,
    StakeOrder,
)
from jgstudy.core.competition.events import EventKind, Timer
from jgstudy.core.competition.state import Phase, questions_needed, tied_groups
from jgstudy.core.competition.view import BuzzResult
from jgstudy.core.text import join, msg

IN_ROUND = (Phase.INTRO, Phase.READY, Phase.READING, Phase.BUZZING, Phase.ANSWERING, Phase.CLOSED)
SKIPPABLE = (Phase.INTRO, Phase.CLOSED, Phase.READY, Phase.READING, Phase.BUZZING)

__all__ = ["Match", "MatchError"]


class Match(MatchCore):
    """One match between 2-8 teams, driven by the host's commands and the buzzers."""

    # -- the host's commands -------------------------------------------------------------

    def start_round(self, now: datetime) -> None:
        """Start the next round: its questions are drawn now and stored in the event."""
        self.tick(now)
        self._require(Phase.LOBBY, Phase.ROUND_OVER)
        index = self._state.flow.round + 1
        if index >= len(self.config.rounds):
            raise MatchError(msg("没有更多轮次"))
        rnd = self.config.rounds[index]
        count = questions_needed(rnd, len(self.teams))
        used = self._state.used_questions()
        pks = self._source.draw(index, rnd.filter, count, self._state.seed, used)
        self._emit(
            EventKind.ROUND_STARTED, now, round=index, round_kind=rnd.kind, title=rnd.title,
            questions=pks, order=self._turn_order(rnd),
        )  # fmt: skip

    def start_tiebreak(self, teams: Sequence[int], now: datetime) -> None:
        """加赛: sudden-death 抢答 for teams sharing a score, on questions not used yet."""
        self.tick(now)
        self._require(Phase.ROUND_OVER)
        if self._state.flow.round + 1 < len(self.config.rounds):
            raise MatchError(msg("还有轮次没有进行，加赛在全部轮次之后"))
        contenders = sorted(set(teams))
        for team in contenders:
            self._check_team(team)
        scores = self.scores
        if len(contenders) < 2 or len({scores[t] for t in contenders}) != 1:
            raise MatchError(msg("加赛只在同分（并列）的两队或多队之间进行"))
        index = max(self._state.flow.round + 1, len(self.config.rounds))
        rnd = self.config.tiebreak
        used = self._state.used_questions()
        pks = self._source.draw(index, rnd.filter, rnd.count, self._state.seed, used)
        self._emit(
            EventKind.ROUND_STARTED, now, round=index, round_kind=rnd.kind, title=rnd.title,
            questions=pks, contenders=contenders, tiebreak=True,
        )  # fmt: skip

    def set_order(self, order: Sequence[int], now: datetime) -> None:
        """风险题: the host overrides the order in which the teams choose (before the first)."""
        self.tick(now)
        self._require(Phase.INTRO)
        if not isinstance(self._round(), RiskRound):
            raise MatchError(msg("只有风险题可以调整选分顺序"))
        if sorted(order) != list(range(len(self.teams))):
            raise MatchError(msg("选分顺序应包含每个队各一次"))
        self._emit(EventKind.ORDER_SET, now, order=[int(t) for t in order])

    def next_round(self, now: datetime) -> None:
        """End the current round if need be, then start the next (or finish the match)."""
        if self.phase in IN_ROUND:
            self.finish_round(now)
        if self._state.flow.round + 1 < len(self.config.rounds):
            self.start_round(now)
        elif self.phase is not Phase.FINISHED:
            self.finish(now)

    def next_question(self, now: datetime) -> None:
        """Put the round's next question (or speed turn) up; after the last, the round ends."""
        self.tick(now)
        self._require(*SKIPPABLE)
        index = self._state.flow.item + 1
        plan = self._state.plan()
        if index >= len(plan) or self._tie_broken():
            self._emit(EventKind.ROUND_FINISHED, now, round=self._state.flow.round)
            return
        item = plan[index]
        self._emit(EventKind.QUESTION_SHOWN, now, item.team, item=index, question=item.questions[0])

    def choose_stake(self, stake: int, now: datetime) -> None:
        """Risk round: the team's chosen stake; the question is shown next."""
        self.tick(now)
        self._require(Phase.READY)
        rnd = self._state.round_config()
        if not isinstance(rnd, RiskRound):
            raise MatchError(msg("只有风险题需要选择分值"))
        if stake not in rnd.stakes:
            raise MatchError(msg("分值应为 {stakes} 之一", stakes=join("、", map(str, rnd.stakes))))
        self._emit(EventKind.STAKE_CHOSEN, now, self._state.flow.team, stake=stake)

    def decline(self, now: datetime) -> None:
        """风险题: the team declines (放弃): no stake, no question, no points."""
        self.tick(now)
        self._require(Phase.READY)
        rnd = self._state.round_config()
        if not isinstance(rnd, RiskRound) or not rnd.may_decline:
            raise MatchError(msg("本轮不能放弃"))
        flow = self._state.flow
        self._emit(EventKind.STAKE_CHOSEN, now, flow.team, declined=True, question=flow.question)

    def release(self, now: datetime) -> None:
        """Start the clock: buzzers open (抢答) or the answer time (or speed turn) runs."""
        self.tick(now)
        flow = self._state.flow
        speed_ready = flow.phase is Phase.READY and isinstance(self._round(), SpeedRound)
        if not speed_ready:
            self._require(Phase.READING)
        self._emit(EventKind.QUESTION_RELEASED, now, flow.team, question=flow.question)

    def press(self, key: str, at: datetime) -> BuzzResult:
        """A buzzer key was pressed; unknown keys are ignored."""
        team = self.team_for_key(key)
        return BuzzResult.IGNORED if team is None else self.buzz(team, at)

    def buzz(self, team: int, at: datetime) -> BuzzResult:
        """Arbitrate a buzz: the first accepted press wins; presses arrive in event order."""
        self._check_team(team)
        self.tick(at)
        rnd, flow = self._round(), self._state.flow
        if not isinstance(rnd, BuzzerRound) or not self._state.in_play(team):
            return BuzzResult.IGNORED
        if flow.phase is Phase.READING:
            return self._false_start(team, rnd, at)
        if flow.phase is Phase.BUZZING and team not in flow.locked:
            reaction = self._ms_since(flow.opened_at, at)
            self._emit(EventKind.BUZZ, at, team, accepted=True, reaction_ms=reaction)
            return BuzzResult.WON
        if flow.phase in (Phase.BUZZING, Phase.ANSWERING):
            self._reject(team, at)
            return BuzzResult.LOCKED_OUT
        return BuzzResult.IGNORED

    def judge(self, correct: bool, now: datetime) -> None:
        """The host's verdict on the answer being given."""
        self.tick(now)
        self._require(Phase.ANSWERING)
        flow = self._state.flow
        delta = self._delta(correct)
        self._emit(
            EventKind.JUDGED, now, flow.team, correct=correct, delta=delta, question=flow.question
        )

    def skip(self, now: datetime) -> None:
        """Speed round: pass on the current question (no points) and go to the next."""
        self.tick(now)
        self._require(Phase.ANSWERING)
        if not isinstance(self._round(), SpeedRound):
            raise MatchError(msg("只有速答环节可以跳过题目"))
        flow = self._state.flow
        self._emit(EventKind.SKIPPED, now, flow.team, question=flow.question)

    def adjust(self, team: int, delta: int, now: datetime, reason: str = "") -> None:
        """Add (or with a negative delta, remove) points by hand."""
        self._check_team(team)
        self.tick(now)
        self._emit(EventKind.ADJUSTED, now, team, delta=int(delta), reason=reason)

    def undo(self, now: datetime) -> bool:
        """Reverse the last scoring event not yet undone (a judgement, false start or adjustment).

        Its points are taken back exactly; when nothing else happened since, the match also
        returns to where it was (e.g. the team is answering again and can be re-judged).
        """
        if self.phase is Phase.FINISHED:
            raise MatchError(msg("比赛已结束，不能撤销"))
        target = self._state.last_scoring()
        if target is None:
            return False
        event = self._events[target - 1]
        self._emit(
            EventKind.UNDONE, now, event.team, target=target, target_kind=event.kind.value,
            delta=event.delta,
        )  # fmt: skip
        return True

    def tick(self, now: datetime) -> timedelta | None:
        """Evaluate the timers at ``now`` (call often, e.g. every 100 ms); returns time left."""
        flow = self._state.flow
        if flow.deadline is not None and now >= flow.deadline:
            timer = self._expired_timer()
            if timer is not None:
                more = self._unanswered() if timer is Timer.BUZZ else {}
                self._emit(EventKind.TIMEOUT, flow.deadline, flow.team, timer=timer.value, **more)
        remaining = self.remaining(now)
        if self._view is not None:
            self._view.show_time(remaining)
        return remaining

    def finish_round(self, now: datetime) -> None:
        """End the round now (questions left are not asked)."""
        self.tick(now)
        self._require(*IN_ROUND)
        self._emit(EventKind.ROUND_FINISHED, now, round=self._state.flow.round)

    def finish(self, now: datetime) -> None:
        """End the match; the final scores are written into the last event."""
        if self.phase in IN_ROUND:
            self.finish_round(now)
        self._require(Phase.LOBBY, Phase.ROUND_OVER)
        self._emit(EventKind.MATCH_FINISHED, now, scores=list(self.scores))

    # -- internals -----------------------------------------------------------------------

    def _round(self) -> RoundConfig | None:
        return self._state.round_config()

    def _expired_timer(self) -> Timer | None:
        flow = self._state.flow
        if flow.phase is Phase.BUZZING:
            return Timer.BUZZ
        if flow.phase is Phase.ANSWERING and isinstance(self._round(), SpeedRound):
            return Timer.TURN
        if flow.phase is Phase.ANSWERING and not flow.time_up:
            return Timer.ANSWER
        return None

    def _false_start(self, team: int, rnd: BuzzerRound, at: datetime) -> BuzzResult:
        if team in self._state.flow.locked:
            return BuzzResult.LOCKED_OUT  # penalised once per question, however often pressed
        nth = self._state.false_start_count(team) + 1
        ladder = self.config.false_starts
        delta = ladder[min(nth, len(ladder)) - 1]
        if rnd.false_start_points is not None:
            delta = rnd.false_start_points  # the round's fixed penalty
        self._emit(EventKind.FALSE_START, at, team, delta=delta, count=nth, warning=delta == 0)
        return BuzzResult.FALSE_START

    def _unanswered(self) -> dict[str, str]:
        # What a question nobody buzzed for becomes is decided now and kept in the event.
        rnd = self._round()
        return {"unanswered": rnd.unanswered.value} if isinstance(rnd, BuzzerRound) else {}

    def _turn_order(self, rnd: RoundConfig) -> list[int]:
        teams = list(range(len(self.teams)))
        if isinstance(rnd, RiskRound) and rnd.order is StakeOrder.LOWEST_FIRST:
            scores = self.scores
            return sorted(teams, key=lambda t: (scores[t], t))
        return teams

    def _tie_broken(self) -> bool:
        """In a 加赛, after a question: the contenders no longer all share one score."""
        contenders = self._state.contenders.get(self._state.flow.round)
        if contenders is None or self.phase is not Phase.CLOSED:
            return False
        return not any(contenders <= set(group) for group in tied_groups(self.scores))

    def _reject(self, team: int, at: datetime) -> None:
        # The first losing press of each team is logged (a tie shows in the record); key
        # repeats after it are not.
        flow = self._state.flow
        if team not in flow.pressed:
            reaction = self._ms_since(flow.opened_at, at)
            self._emit(EventKind.BUZZ, at, team, accepted=False, reaction_ms=reaction)

    def _delta(self, correct: bool) -> int:
        rnd = self._round()
        if isinstance(rnd, RiskRound):
            stake = self._state.flow.stake or 0
            return stake if correct else -stake
        assert rnd is not None
        return rnd.points if correct else rnd.wrong_points

    def _ms_since(self, start: datetime | None, at: datetime) -> int | None:
        if start is None:
            return None
        return int((max(at, start) - start).total_seconds() * 1000)
