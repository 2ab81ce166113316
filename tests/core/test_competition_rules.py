"""Contest rules through the public CompetitionService; every stored match replays the same.

Starting score, escalating false starts, 风险题 stake order with the host's override and 放弃,
观众题, shared ranks (并列), sudden-death 加赛 and when the answer may be shown.
"""

from __future__ import annotations

from typing import Any

import pytest

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import (
    BuzzResult,
    CompetitionConfig,
    CompetitionService,
    EventKind,
    Match,
    MatchError,
    Phase,
    StakeChoice,
    Team,
)
from jgstudy.core.services import Services

TEAMS = [
    Team(name=n, key=k) for n, k in [("红队", "Q"), ("蓝队", "P"), ("绿队", "Z"), ("黄队", "M")]
]
CHOICE = {"types": ["single", "judge"]}


def contest(**top: Any) -> CompetitionConfig:
    """抢答 (3 questions), then 风险题: the common defaults unless ``top`` says otherwise."""
    rounds = top.pop(
        "rounds",
        [
            {"kind": "buzzer", "count": 3, "buzz_window_seconds": 10, "filter": CHOICE},
            {"kind": "risk", "per_team": 1, "filter": CHOICE},
        ],
    )
    data = {"format": 1, "id": "rules", "title": "规则测试赛", "rounds": rounds, **top}
    return CompetitionConfig.model_validate(data)


@pytest.fixture
def competitions(services: Services) -> CompetitionService:
    services.study.import_bundled()
    return services.competitions


def start(competitions: CompetitionService, config: CompetitionConfig | None = None) -> Match:
    return competitions.create_match(config or contest(), TEAMS, seed=3)


def replayed(competitions: CompetitionService, match: Match) -> Match:
    """The same match rebuilt from the database; it must read exactly as the live one."""
    info = competitions.matches()[0]  # newest first: this test's match
    again = competitions.open_match(info.id)
    assert again.scores == match.scores
    assert again.snapshot() == match.snapshot()
    return again


def open_question(match: Match, clock: FixedClock) -> None:
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=2))


def buzz_and_judge(match: Match, clock: FixedClock, team: int, correct: bool) -> None:
    assert match.buzz(team, clock.advance(seconds=1)) is BuzzResult.WON
    match.judge(correct, clock.advance(seconds=3))


def test_every_team_starts_with_the_starting_score_and_all_share_first_place(
    competitions: CompetitionService,
) -> None:
    match = start(competitions)
    assert match.scores == (100, 100, 100, 100)
    assert [t.rank for t in match.snapshot().teams] == [1, 1, 1, 1]
    assert match.snapshot().ties == ((0, 1, 2, 3),)
    replayed(competitions, match)


def test_false_starts_escalate_per_team_across_the_match(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions, contest(false_starts=[0, -10, -20]))
    match.start_round(clock.now())
    costs = []
    for _question in range(3):
        match.next_question(clock.advance(seconds=1))
        assert match.buzz(0, clock.advance(seconds=1)) is BuzzResult.FALSE_START
        assert match.buzz(0, clock.advance(seconds=1)) is BuzzResult.LOCKED_OUT  # once each
        costs.append(match.events[-1].delta)
        if _question == 0:
            assert match.buzz(1, clock.now()) is BuzzResult.FALSE_START  # its own first: warned
        match.release(clock.advance(seconds=1))
        match.tick(clock.advance(seconds=11))
    assert costs == [0, -10, -20]
    assert match.scores == (70, 100, 100, 100)
    warnings = [e for e in match.events if e.kind is EventKind.FALSE_START]
    assert [(e.team, e.payload["count"], e.payload["warning"]) for e in warnings] == [
        (0, 1, True),
        (1, 1, True),
        (0, 2, False),
        (0, 3, False),
    ]
    replayed(competitions, match)


def test_an_undone_false_start_does_not_count_towards_the_next(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions, contest(false_starts=[-5, -15]))
    match.start_round(clock.now())
    match.next_question(clock.advance(seconds=1))
    match.buzz(2, clock.advance(seconds=1))
    assert match.undo(clock.advance(seconds=1))  # the host saw the key pressed by accident
    match.buzz(2, clock.advance(seconds=1))
    assert match.scores[2] == 95  # still the first false start
    replayed(competitions, match)


def test_risk_stakes_are_chosen_lowest_score_first_and_a_team_may_decline(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions)
    match.start_round(clock.now())
    open_question(match, clock)
    buzz_and_judge(match, clock, 2, True)  # 绿 110
    open_question(match, clock)
    buzz_and_judge(match, clock, 0, False)  # 红 90; nobody else buzzes
    match.tick(clock.advance(seconds=11))
    match.next_round(clock.advance(seconds=5))  # 风险题
    assert match.scores == (90, 100, 110, 100)
    order = [c.team for c in match.snapshot().order]
    assert order == [0, 1, 3, 2]  # lowest first; 蓝 and 黄 tie, line-up order between them
    match.next_question(clock.advance(seconds=1))
    assert match.snapshot().team == 0 and match.snapshot().question is None  # hidden
    match.choose_stake(30, clock.advance(seconds=2))
    match.release(clock.advance(seconds=1))
    match.judge(True, clock.advance(seconds=5))
    match.next_question(clock.advance(seconds=1))
    assert match.snapshot().team == 1
    match.decline(clock.advance(seconds=2))
    snap = match.snapshot()
    assert snap.phase is Phase.CLOSED and snap.question is None and not snap.answer_shown
    assert snap.order[:2] == (StakeChoice(0, 30, False), StakeChoice(1, None, True))
    assert match.scores == (120, 100, 110, 100)
    replayed(competitions, match)


def test_the_host_overrides_the_stake_order_before_the_first_choice(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions, contest(rounds=[{"kind": "risk", "filter": CHOICE}]))
    match.start_round(clock.now())
    with pytest.raises(MatchError, match="每个队各一次"):
        match.set_order([0, 0, 1, 2], clock.now())
    match.set_order([3, 1, 0, 2], clock.advance(seconds=1))
    assert [c.team for c in match.snapshot().order] == [3, 1, 0, 2]
    match.next_question(clock.advance(seconds=1))
    assert match.snapshot().team == 3
    with pytest.raises(MatchError):
        match.set_order([0, 1, 2, 3], clock.now())  # the choosing has begun
    replayed(competitions, match)


def test_a_question_nobody_buzzed_becomes_an_audience_question_with_its_answer(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions)
    match.start_round(clock.now())
    open_question(match, clock)
    match.tick(clock.advance(seconds=10))
    snap = match.snapshot()
    assert (snap.phase, snap.closed, snap.answer_shown) == (Phase.CLOSED, "audience", True)
    assert snap.question is not None
    assert match.scores == (100, 100, 100, 100)
    assert match.events[-1].payload["unanswered"] == "audience"
    replayed(competitions, match)


def test_a_round_set_to_void_closes_an_unanswered_question_without_its_answer(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    rounds = [{"kind": "buzzer", "count": 2, "buzz_window_seconds": 5, "unanswered": "void"}]
    match = start(competitions, contest(rounds=rounds))
    match.start_round(clock.now())
    open_question(match, clock)
    match.tick(clock.advance(seconds=5))
    snap = match.snapshot()
    assert (snap.closed, snap.answer_shown) == ("void", False)
    replayed(competitions, match)


def test_the_answer_and_explanation_show_only_after_judging(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions, contest(reveal_explanation=True))
    match.start_round(clock.now())
    match.next_question(clock.advance(seconds=1))
    seen = [match.snapshot().answer_shown]
    match.release(clock.advance(seconds=1))
    seen.append(match.snapshot().answer_shown)
    match.buzz(1, clock.advance(seconds=1))
    seen.append(match.snapshot().answer_shown)
    match.judge(False, clock.advance(seconds=2))  # the others may buzz again: still hidden
    seen.append(match.snapshot().answer_shown)
    match.buzz(3, clock.advance(seconds=1))
    match.judge(True, clock.advance(seconds=2))
    snap = match.snapshot()
    assert seen == [False, False, False, False]
    assert snap.answer_shown and snap.explanation_shown
    replayed(competitions, match)
    match.undo(clock.advance(seconds=1))  # re-judging: the answer goes away again
    assert not match.snapshot().answer_shown


def test_the_explanation_stays_hidden_unless_the_file_asks_for_it(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions)
    match.start_round(clock.now())
    open_question(match, clock)
    buzz_and_judge(match, clock, 0, True)
    snap = match.snapshot()
    assert snap.answer_shown and not snap.explanation_shown


def test_equal_scores_share_a_rank(competitions: CompetitionService, clock: FixedClock) -> None:
    match = start(competitions)
    match.adjust(0, 10, clock.now(), "评委加分")
    match.adjust(1, 10, clock.now(), "评委加分")
    match.adjust(3, -10, clock.now(), "违规")
    snap = match.snapshot()
    assert [(t.score, t.rank, t.tied) for t in snap.teams] == [
        (110, 1, True),
        (110, 1, True),
        (100, 3, False),
        (90, 4, False),
    ]
    assert snap.ties == ((0, 1),)
    replayed(competitions, match)


def play_to_a_tie(match: Match, clock: FixedClock) -> None:
    """One 抢答 round: 红 and 绿 both answer one right, then the round is over."""
    match.start_round(clock.now())
    for team in (0, 2):
        open_question(match, clock)
        buzz_and_judge(match, clock, team, True)
    match.finish_round(clock.advance(seconds=1))


def test_a_sudden_death_tiebreak_among_tied_teams_on_unused_questions(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    rounds = [{"kind": "buzzer", "count": 3, "filter": CHOICE}]
    match = start(competitions, contest(rounds=rounds))
    play_to_a_tie(match, clock)
    assert match.snapshot().ties == ((0, 2), (1, 3))
    with pytest.raises(MatchError, match="同分"):
        match.start_tiebreak([0, 1], clock.now())
    used = set(match.events[1].payload["questions"])
    match.start_tiebreak([0, 2], clock.advance(seconds=5))
    snap = match.snapshot()
    assert snap.tiebreak and snap.round_title == "加赛"
    assert [t.in_play for t in snap.teams] == [True, False, True, False]
    assert not used & set(match.events[-1].payload["questions"])  # never a question seen before
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    assert match.buzz(1, clock.advance(seconds=1)) is BuzzResult.IGNORED  # not in the 加赛
    buzz_and_judge(match, clock, 2, True)
    match.next_question(clock.advance(seconds=1))  # the tie is broken: the 加赛 ends
    assert match.phase is Phase.ROUND_OVER
    assert [t.rank for t in match.snapshot().teams] == [2, 3, 1, 3]
    replayed(competitions, match)
    match.finish(clock.advance(seconds=1))
    assert match.events[-1].payload["scores"] == [110, 100, 120, 100]


def test_a_wrong_answer_in_sudden_death_breaks_the_tie_the_other_way(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    rounds = [{"kind": "buzzer", "count": 3, "filter": CHOICE}]
    match = start(competitions, contest(rounds=rounds))
    play_to_a_tie(match, clock)
    match.start_tiebreak([0, 2], clock.advance(seconds=5))
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    buzz_and_judge(match, clock, 0, False)
    assert match.phase is Phase.CLOSED  # sudden death: no second chance on the question
    match.next_question(clock.advance(seconds=1))
    assert match.phase is Phase.ROUND_OVER
    assert match.scores == (100, 100, 110, 100)  # 红 lost 10: 绿 is first alone
    assert [t.rank for t in match.snapshot().teams] == [2, 2, 1, 2]
    replayed(competitions, match)


def test_a_tiebreak_waits_for_the_last_round(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions)
    match.start_round(clock.now())
    match.finish_round(clock.advance(seconds=1))
    with pytest.raises(MatchError, match="全部轮次之后"):
        match.start_tiebreak([0, 1], clock.now())


def test_undo_is_refused_once_the_match_is_over(
    competitions: CompetitionService, clock: FixedClock
) -> None:
    match = start(competitions)
    match.adjust(0, 5, clock.now(), "评委加分")
    match.finish(clock.advance(seconds=1))
    assert not match.snapshot().can_undo
    with pytest.raises(MatchError, match="比赛已结束"):
        match.undo(clock.advance(seconds=1))
    assert replayed(competitions, match).scores == (105, 100, 100, 100)
