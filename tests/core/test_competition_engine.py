"""The match engine alone: buzzer arbitration, timers, each round kind, undo. Time is passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from jgstudy.core.competition import (
    BuzzResult,
    CompetitionConfig,
    EventKind,
    Match,
    MatchError,
    Phase,
    Team,
    Timer,
)
from jgstudy.core.exams import QuestionFilter
from jgstudy.core.model import JudgeQuestion, MultipleScoring
from jgstudy.core.records import QuestionRecord

T0 = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
TEAMS = [
    Team(name=n, key=k) for n, k in [("红队", "Q"), ("蓝队", "P"), ("绿队", "1"), ("黄队", "F1")]
]


def t(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


class FakeSource:
    """Questions 1, 2, 3, ... in order, each drawn once."""

    def draw(
        self, round_index: int, flt: QuestionFilter, count: int, seed: int, exclude: set[int]
    ) -> list[int]:
        return [pk for pk in range(1, 10_000) if pk not in exclude][:count]

    def question(self, pk: int) -> QuestionRecord:
        question = JudgeQuestion(
            id=f"q{pk}", type="judge", stem=f"第{pk}题", explanation="解析", answer=True
        )
        return QuestionRecord(pk, "fake", question, (), MultipleScoring.ALL_OR_NOTHING)


def config(*rounds: dict[str, Any], **top: Any) -> CompetitionConfig:
    """Scores from 0 unless ``starting_score`` is given, so deltas read as totals."""
    top = {"starting_score": 0, **top}
    return CompetitionConfig.model_validate(
        {"format": 1, "id": "test", "title": "测试赛", "rounds": list(rounds), **top}
    )


def new_match(*rounds: dict[str, Any], teams: list[Team] = TEAMS) -> Match:
    match = Match.create(config(*rounds), teams, FakeSource(), T0, seed=1)
    match.start_round(T0)
    return match


def buzzer_question(**options: Any) -> Match:
    match = new_match({"kind": "buzzer", **options})
    match.next_question(t(1))
    return match


def kinds(match: Match) -> list[EventKind]:
    return [e.kind for e in match.events]


def test_the_first_press_wins_and_the_others_are_locked_out() -> None:
    match = buzzer_question()
    match.release(t(10))
    assert match.buzz(1, t(10.4)) is BuzzResult.WON
    assert match.buzz(0, t(10.5)) is BuzzResult.LOCKED_OUT
    assert match.press("1", t(10.6)) is BuzzResult.LOCKED_OUT
    assert match.press("1", t(10.7)) is BuzzResult.LOCKED_OUT  # a key repeat: logged once
    snap = match.snapshot()
    assert (snap.phase, snap.team) == (Phase.ANSWERING, 1)
    buzzes = [e for e in match.events if e.kind is EventKind.BUZZ]
    assert [(e.team, e.payload["accepted"], e.payload["reaction_ms"]) for e in buzzes] == [
        (1, True, 400),
        (0, False, 500),
        (2, False, 600),
    ]


def test_simultaneous_presses_are_resolved_by_event_order() -> None:
    match = buzzer_question()
    match.release(t(10))
    assert match.buzz(3, t(11)) is BuzzResult.WON
    assert match.buzz(2, t(11)) is BuzzResult.LOCKED_OUT
    # A press reported with an earlier time than the last event counts as simultaneous, after it.
    assert match.buzz(0, t(10.5)) is BuzzResult.LOCKED_OUT
    assert match.events[-1].at == t(11)
    assert match.snapshot().team == 3


def test_a_false_start_is_penalised_and_locks_the_team_out() -> None:
    match = buzzer_question(false_start_points=-5)
    assert match.buzz(2, t(5)) is BuzzResult.FALSE_START
    assert match.buzz(2, t(6)) is BuzzResult.LOCKED_OUT  # penalised once only
    assert match.scores == (0, 0, -5, 0)
    match.release(t(10))
    assert match.buzz(2, t(10.1)) is BuzzResult.LOCKED_OUT
    assert match.buzz(0, t(10.2)) is BuzzResult.WON
    assert kinds(match).count(EventKind.FALSE_START) == 1


def test_a_question_without_a_buzz_is_void_after_the_window() -> None:
    match = buzzer_question()
    match.release(t(10))
    assert match.tick(t(29.9)) == timedelta(seconds=0.1)
    assert match.phase is Phase.BUZZING
    assert match.tick(t(30)) is None
    assert match.phase is Phase.CLOSED
    timeout = match.events[-1]
    assert (timeout.kind, timeout.payload["timer"], timeout.at) == (
        EventKind.TIMEOUT,
        "buzz",
        t(30),
    )
    assert match.buzz(0, t(31)) is BuzzResult.IGNORED
    assert match.scores == (0, 0, 0, 0)


def test_a_late_buzz_finds_the_question_already_void() -> None:
    match = buzzer_question(buzz_window_seconds=20)
    match.release(t(10))
    assert match.buzz(0, t(30.5)) is BuzzResult.IGNORED  # the window closed before the press
    assert kinds(match)[-1] is EventKind.TIMEOUT


def test_after_a_wrong_answer_the_others_may_buzz_again() -> None:
    match = buzzer_question()
    match.release(t(10))
    match.buzz(0, t(11))
    match.judge(False, t(15))
    assert match.scores == (-10, 0, 0, 0)
    assert match.phase is Phase.BUZZING and match.snapshot().locked == {0}
    assert match.buzz(0, t(16)) is BuzzResult.LOCKED_OUT
    assert match.buzz(1, t(16.5)) is BuzzResult.WON
    match.judge(True, t(20))
    assert match.scores == (-10, 10, 0, 0)
    assert match.phase is Phase.CLOSED


def test_without_rebuzz_a_wrong_answer_closes_the_question() -> None:
    match = buzzer_question(rebuzz_after_wrong=False)
    match.release(t(10))
    match.buzz(0, t(11))
    match.judge(False, t(15))
    assert match.phase is Phase.CLOSED
    assert match.buzz(1, t(16)) is BuzzResult.IGNORED


def test_undoing_a_misjudged_answer_restores_the_score_exactly() -> None:
    match = buzzer_question()
    match.adjust(2, 7, t(2), "上一场带分")
    match.release(t(10))
    match.buzz(1, t(11))
    before = match.scores
    match.judge(True, t(14))  # the host clicked the wrong button
    assert match.scores == (0, 10, 7, 0)
    assert match.undo(t(15))
    assert match.scores == before == (0, 0, 7, 0)
    assert (match.phase, match.snapshot().team) == (Phase.ANSWERING, 1)  # can be judged again
    match.judge(False, t(16))
    assert match.scores == (0, -10, 7, 0)
    undone = match.events[-2]
    assert (undone.kind, undone.payload["target"]) == (EventKind.UNDONE, match.events[-3].seq)


def test_undo_walks_back_through_the_scoring_events_only() -> None:
    match = buzzer_question(false_start_points=-5)
    match.buzz(0, t(2))  # false start −5
    match.adjust(1, 3, t(3))
    assert match.undo(t(4)) and match.scores == (-5, 0, 0, 0)
    assert match.undo(t(5)) and match.scores == (0, 0, 0, 0)
    assert match.snapshot().locked == frozenset()  # nothing happened since: the lockout goes too
    assert not match.undo(t(6))
    assert not match.snapshot().can_undo


def test_risk_round_wins_or_loses_the_stake() -> None:
    match = new_match({"kind": "risk", "per_team": 1}, teams=TEAMS[:2])
    match.next_question(t(1))
    snap = match.snapshot()
    assert (snap.phase, snap.team, snap.question, snap.stakes) == (
        Phase.READY,
        0,
        None,  # hidden until the stake is chosen
        (10, 20, 30),
    )
    with pytest.raises(MatchError):
        match.choose_stake(25, t(2))
    match.choose_stake(30, t(2))
    assert match.snapshot().question is not None
    match.release(t(3))
    match.judge(True, t(20))
    match.next_question(t(21))
    assert match.snapshot().team == 1
    match.choose_stake(20, t(22))
    match.release(t(23))
    match.judge(False, t(40))
    assert match.scores == (30, -20)
    match.next_question(t(41))
    assert match.phase is Phase.ROUND_OVER


def test_speed_round_counts_right_answers_for_sixty_seconds() -> None:
    match = new_match({"kind": "speed", "per_team": 10}, teams=TEAMS[:2])
    match.next_question(t(0))
    assert match.phase is Phase.READY and match.snapshot().question is None
    match.release(t(1))
    first = match.snapshot().question
    match.judge(True, t(5))
    match.judge(True, t(9))
    match.skip(t(12))
    match.judge(False, t(20))
    match.judge(True, t(30))
    assert match.snapshot().question != first
    assert match.tick(t(60.9)) == timedelta(seconds=0.1)
    match.tick(t(61))
    assert match.phase is Phase.CLOSED
    assert match.events[-1].payload["timer"] == Timer.TURN
    with pytest.raises(MatchError):
        match.judge(True, t(62))
    assert match.scores == (30, 0)
    match.next_question(t(70))  # the second team's turn
    assert match.snapshot().team == 1


def test_a_speed_turn_ends_when_its_questions_run_out() -> None:
    match = new_match({"kind": "speed", "per_team": 2}, teams=TEAMS[:2])
    match.next_question(t(0))
    match.release(t(1))
    match.judge(True, t(2))
    match.judge(True, t(3))
    assert match.phase is Phase.CLOSED and match.scores == (20, 0)


def test_compulsory_questions_go_round_the_teams_and_time_up_still_needs_a_verdict() -> None:
    match = new_match({"kind": "compulsory", "per_team": 1}, teams=TEAMS[:3])
    seen = []
    for n in range(3):
        match.next_question(t(100 * n))
        seen.append(match.snapshot().team)
        match.release(t(100 * n + 1))
        match.tick(t(100 * n + 31))
        assert match.snapshot().time_up and match.phase is Phase.ANSWERING
        match.judge(n != 1, t(100 * n + 32))
    assert seen == [0, 1, 2]
    assert match.scores == (10, 0, 10)
    assert kinds(match).count(EventKind.TIMEOUT) == 3


def test_buzzers_outside_a_buzzer_round_are_ignored() -> None:
    match = new_match({"kind": "compulsory"})
    match.next_question(t(1))
    assert match.press("Q", t(2)) is BuzzResult.IGNORED
    assert match.press("X", t(2)) is BuzzResult.IGNORED
    assert EventKind.BUZZ not in kinds(match)


def test_keys_map_to_teams_case_insensitively() -> None:
    match = new_match({"kind": "buzzer"})
    assert [match.team_for_key(k) for k in ("q", "P", "1", "F1", "f1")] == [0, 1, 2, 3, None]
    assert Team(name="甲", key="z").key == "Z"


@pytest.mark.parametrize(
    ("teams", "message"),
    [
        (TEAMS[:1], "参赛队应为 2–8 个"),
        ([Team(name=f"队{i}", key=str(i)) for i in range(9)], "参赛队应为 2–8 个"),
        ([Team(name="甲", key="Q"), Team(name="乙", key="Q")], "抢答键有重复"),
        ([Team(name="甲", key="Q"), Team(name="甲", key="P")], "队名有重复"),
    ],
)
def test_a_bad_line_up_is_refused(teams: list[Team], message: str) -> None:
    with pytest.raises(MatchError, match=message):
        Match.create(config({"kind": "buzzer"}), teams, FakeSource(), T0, seed=1)


def test_commands_out_of_turn_are_errors() -> None:
    match = buzzer_question()
    with pytest.raises(MatchError):
        match.judge(True, t(2))  # nobody is answering
    with pytest.raises(MatchError):
        match.choose_stake(10, t(2))
    with pytest.raises(MatchError):
        match.start_round(t(2))


def test_rounds_follow_each_other_and_the_match_finishes_with_its_scores() -> None:
    match = new_match({"kind": "buzzer", "count": 1}, {"kind": "compulsory", "per_team": 1})
    match.next_question(t(1))
    match.release(t(2))
    match.buzz(0, t(3))
    match.judge(True, t(4))
    match.next_round(t(5))
    assert match.snapshot().round_index == 1
    assert {e.kind for e in match.events} >= {EventKind.ROUND_FINISHED, EventKind.ROUND_STARTED}
    questions = [e.payload["questions"] for e in match.events if e.kind is EventKind.ROUND_STARTED]
    assert questions == [[1], [2, 3, 4, 5]]  # no question twice in a match
    match.next_round(t(6))
    assert match.phase is Phase.FINISHED
    assert match.events[-1].payload["scores"] == [10, 0, 0, 0]


def test_replaying_the_events_rebuilds_the_same_match() -> None:
    match = buzzer_question(false_start_points=-5)
    match.buzz(3, t(2))
    match.release(t(3))
    match.buzz(1, t(4))
    match.judge(True, t(5))
    match.undo(t(6))
    match.judge(False, t(7))
    copy = Match.replay(match.config, match.teams, FakeSource(), match.events)
    assert copy.scores == match.scores == (0, -10, 0, -5)
    assert copy.snapshot() == match.snapshot()
