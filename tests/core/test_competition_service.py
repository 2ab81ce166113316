"""Matches stored event by event and rebuilt from the store; configuration files; solo drills."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from jgstudy.core.clock import FixedClock
from jgstudy.core.competition import (
    BuzzResult,
    CompetitionConfig,
    CompetitionService,
    DrillResult,
    EventKind,
    Match,
    Phase,
    RoundKind,
    load_competition,
)
from jgstudy.core.exams import ConfigErrors, QuestionFilter
from jgstudy.core.grading import Grade, Response
from jgstudy.core.model import JudgeQuestion, SingleQuestion, correct_answer_text
from jgstudy.core.records import QuestionRecord
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage import exam_repo
from jgstudy.core.storage.schema import ReviewLogRow
from peek import engine_of


def contest() -> CompetitionConfig:
    (path,) = [p for p in CompetitionService.bundled_configs() if p.stem == "skills-contest"]
    return load_competition(path)


@pytest.fixture
def competitions(services: Services) -> CompetitionService:
    services.study.import_bundled()
    return services.competitions


def test_the_shipped_match_has_the_four_round_kinds_and_enough_questions(
    competitions: CompetitionService,
) -> None:
    config = contest()
    assert [r.kind for r in config.rounds] == [
        RoundKind.COMPULSORY,
        RoundKind.BUZZER,
        RoundKind.RISK,
        RoundKind.SPEED,
    ]
    assert len(config.teams) == 4
    for teams in (2, 4, 8):
        assert competitions.check(config, teams, seed=config.seed or 0) is None


def play_all_rounds(match: Match, clock: FixedClock) -> None:
    """A four-team match through 必答, 抢答, 风险题 and 速决毫厘, with a false start and an undo."""

    match.start_round(clock.now())  # 必答: 2 questions per team
    for n in range(8):
        match.next_question(clock.advance(seconds=2))
        match.release(clock.advance(seconds=5))
        match.judge(n % 3 != 0, clock.advance(seconds=12))
    match.next_question(clock.advance(seconds=1))
    assert match.phase is Phase.ROUND_OVER

    match.start_round(clock.advance(seconds=30))  # 抢答
    match.next_question(clock.advance(seconds=1))
    assert match.buzz(3, clock.advance(seconds=2)) is BuzzResult.FALSE_START
    match.release(clock.advance(seconds=3))
    assert match.buzz(1, clock.advance(seconds=1)) is BuzzResult.WON
    assert match.buzz(2, clock.now()) is BuzzResult.LOCKED_OUT
    match.judge(True, clock.advance(seconds=6))
    match.undo(clock.advance(seconds=1))  # mis-judged
    match.judge(False, clock.advance(seconds=1))
    assert match.buzz(2, clock.advance(seconds=1)) is BuzzResult.WON
    match.judge(True, clock.advance(seconds=5))
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=2))
    match.tick(clock.advance(seconds=21))  # nobody buzzed: void
    match.adjust(0, 5, clock.advance(seconds=1), "评委加分")
    match.finish_round(clock.advance(seconds=1))

    match.start_round(clock.advance(seconds=30))  # 风险题, the host reverses the order
    match.set_order([3, 2, 1, 0], clock.advance(seconds=1))
    for team, choice in zip([3, 2, 1, 0], [None, (30, True), (20, False), (10, True)], strict=True):
        match.next_question(clock.advance(seconds=1))
        assert match.snapshot().team == team
        if choice is None:
            match.decline(clock.advance(seconds=3))  # 放弃
            continue
        match.choose_stake(choice[0], clock.advance(seconds=3))
        match.release(clock.advance(seconds=5))
        match.judge(choice[1], clock.advance(seconds=20))

    match.next_round(clock.advance(seconds=30))  # 速决毫厘
    for team in range(4):
        match.next_question(clock.advance(seconds=5))
        match.release(clock.advance(seconds=3))
        for answer in range(team + 2):
            match.judge(answer % 2 == 0, clock.advance(seconds=4))
        match.skip(clock.advance(seconds=2))
        match.tick(clock.advance(seconds=60))
    match.finish(clock.advance(seconds=10))


def test_a_four_team_match_is_stored_event_by_event_and_rebuilt_the_same(
    db_url: str, services: Services, competitions: CompetitionService, clock: FixedClock
) -> None:
    match = competitions.create_match(contest())
    play_all_rounds(match, clock)
    assert match.phase is Phase.FINISHED
    scores = match.scores
    start = (100, 100, 100, 100)
    compulsory = (10, 20, 10, 10)  # teams in turn, every third answer wrong
    buzzer = (5, -10, 10, 0)  # adjusted +5 | re-judged wrong | right | a first false start: warned
    risk = (10, -20, 30, 0)  # the fourth team declined
    speed = (10, 20, 20, 30)  # 2, 3, 4, 5 answers, every second one wrong
    parts = (start, compulsory, buzzer, risk, speed)
    assert scores == tuple(map(sum, zip(*parts, strict=True)))
    services.close()

    again_services = open_services(db_url, clock, scheduler=Scheduler(fuzz=False))
    stored = again_services.competitions
    (info,) = stored.matches()
    assert info.finished_at is not None and info.title == contest().title
    events = stored.events(info.id)
    assert events == list(match.events)
    assert {e.kind for e in events} == set(EventKind)  # every kind of event was stored
    rebuilt = stored.open_match(info.id)
    assert rebuilt.scores == scores
    assert rebuilt.snapshot().teams == match.snapshot().teams
    assert rebuilt.teams == match.teams
    again_services.close()


def test_a_match_interrupted_goes_on_after_reopening(
    service: StudyService, competitions: CompetitionService, clock: FixedClock
) -> None:
    match = competitions.create_match(contest(), seed=99)
    match.start_round(clock.now())
    match.next_question(clock.advance(seconds=1))
    match.release(clock.advance(seconds=1))
    reopened = competitions.open_match(competitions.matches()[0].id)
    assert reopened.phase is Phase.ANSWERING and reopened.seed == 99
    reopened.judge(True, clock.advance(seconds=5))
    assert competitions.open_match(competitions.matches()[0].id).scores == (110, 100, 100, 100)


def test_the_same_seed_draws_the_same_questions(competitions: CompetitionService) -> None:
    first = competitions.create_match(contest(), seed=5)
    second = competitions.create_match(contest(), seed=5)
    now = competitions.now()
    first.start_round(now)
    second.start_round(now)
    assert first.events[-1].payload["questions"] == second.events[-1].payload["questions"]


def test_every_problem_of_a_competition_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "match.yaml"
    path.write_text(
        """format: 1
id: bad
title: 坏比赛
teams:
  - {name: 甲, key: Q}
  - {name: 乙, key: ctrl}
rounds:
  - kind: lightning
  - kind: buzzer
    count: 0
  - kind: risk
    stakes: [10, 10]
""",
        encoding="utf-8",
    )
    with pytest.raises(ConfigErrors) as caught:
        load_competition(path)
    found = [(p.line, p.column, p.message) for p in caught.value.problems]
    assert found == [
        (6, 20, "key：抢答键应为 A–Z、0–9、F1–F12、Space、Enter、Tab 或 Num0–Num9"),
        (8, 11, "kind 取值无效：lightning，应为 compulsory, buzzer, risk, speed"),
        (10, 12, "count：不能小于 1"),
    ]


@dataclass
class DrillView:
    shown: list[int] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    results: list[DrillResult] = field(default_factory=list)

    def show_question(self, record: QuestionRecord, position: int) -> None:
        self.shown.append(position)

    def show_time(self, remaining: timedelta | None) -> None: ...

    def show_feedback(self, record: QuestionRecord, grade: Grade) -> None:
        self.grades.append(grade)

    def show_drill_result(self, result: DrillResult) -> None:
        self.results.append(result)


def answer_to(record: QuestionRecord | None, right: bool) -> Response:
    """The right (or a wrong) answer to a single-choice or judge question."""
    assert record is not None
    q = record.question
    if isinstance(q, JudgeQuestion):
        return q.answer if right else not q.answer
    assert isinstance(q, SingleQuestion), correct_answer_text(q)
    return q.answer if right else next(k for k in q.options if k != q.answer)


def test_a_speed_drill_records_each_answer_with_its_time(
    service: StudyService, competitions: CompetitionService, clock: FixedClock
) -> None:
    cadre = service.ensure_user("王五")
    view = DrillView()
    judges = QuestionFilter.model_validate({"types": ["judge", "single"]})
    drill = competitions.speed_drill(cadre, view, flt=judges, count=30, seconds=60, seed=3)
    start = clock.now()
    drill.start(start)
    for seconds in (4, 7, 12):
        drill.answer(answer_to(drill.current, True), start + timedelta(seconds=seconds))
    drill.answer(answer_to(drill.current, False), start + timedelta(seconds=20))
    assert drill.tick(start + timedelta(seconds=59)) == timedelta(seconds=1)
    assert drill.answer(True, start + timedelta(seconds=61)) is None  # too late
    (result,) = view.results
    assert (result.correct, result.points, len(result.answers)) == (3, 30, 4)
    assert [a.duration_ms for a in result.answers] == [4000, 3000, 5000, 8000]
    with engine_of(service).connect() as conn:
        logs = conn.execute(select(ReviewLogRow.attempt_id, ReviewLogRow.duration_ms)).all()
        (attempt,) = exam_repo.list_attempts(conn, cadre.id, "drill")
    assert sorted(ms for _a, ms in logs) == [3000, 4000, 5000, 8000]
    assert {a for a, _ms in logs} == {attempt.id}
    assert attempt.finished_at == start + timedelta(seconds=60)
    assert (attempt.score, attempt.max_score) == (3, 4)
    assert len(service.wrong_book(cadre)) == 1


def test_a_reaction_drill_measures_release_to_buzz(
    service: StudyService, competitions: CompetitionService, clock: FixedClock
) -> None:
    cadre = service.ensure_user("赵六")
    view = DrillView()
    drill = competitions.reaction_drill(
        cadre, view, flt=QuestionFilter.model_validate({"types": ["judge"]}), count=3, seed=1
    )
    t0 = clock.now()
    drill.next(t0)
    assert drill.buzz(t0 + timedelta(seconds=1)) is BuzzResult.FALSE_START
    drill.release(t0 + timedelta(seconds=5))
    assert drill.buzz(t0 + timedelta(seconds=5.35)) is BuzzResult.WON
    drill.answer(answer_to(drill.current, True), t0 + timedelta(seconds=8))
    drill.next(t0 + timedelta(seconds=10))
    drill.release(t0 + timedelta(seconds=12))
    drill.tick(t0 + timedelta(seconds=32))  # no buzz in the 20 s window
    drill.next(t0 + timedelta(seconds=40))
    drill.release(t0 + timedelta(seconds=41))
    drill.buzz(t0 + timedelta(seconds=41.5))
    drill.answer(answer_to(drill.current, False), t0 + timedelta(seconds=43))
    drill.next(t0 + timedelta(seconds=50))
    (result,) = view.results
    assert [a.reaction_ms for a in result.answers] == [350, 500]
    assert [a.duration_ms for a in result.answers] == [3000, 2000]
    assert (result.false_starts, result.missed, result.correct) == (1, 1, 1)
    assert result.mean_reaction_ms == 425


def test_a_false_start_penalty_that_would_add_points_is_refused_at_its_line(
    tmp_path: Path,
) -> None:
    # Rules say "抢跑扣 10 分"; a trainer writing 10 for it must not reward false starts.
    path = tmp_path / "抢跑.yaml"
    path.write_text(
        """format: 1
id: fs
title: 抢跑规则
false_starts: [0, 10, 20]
rounds:
  - kind: buzzer
    false_start_points: 5
""",
        encoding="utf-8",
    )
    with pytest.raises(ConfigErrors) as caught:
        load_competition(path)
    found = [(p.line, p.column, p.message) for p in caught.value.problems]
    assert found == [
        (4, 19, "false_starts：不能大于 0"),
        (4, 23, "false_starts：不能大于 0"),
        (7, 25, "false_start_points：不能大于 0"),
    ]
