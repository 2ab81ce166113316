"""The exam flow over the service: saving at once, the countdown, resuming, scoring, recording."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from jgstudy.core.clock import FixedClock
from jgstudy.core.exams import (
    ExamBlueprint,
    ExamItem,
    ExamPhase,
    ExamResult,
    ExamService,
    ItemResult,
    PaletteEntry,
)
from jgstudy.core.records import UserInfo
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage import exam_repo
from jgstudy.core.storage.schema import ReviewLogRow
from peek import engine_of


def blueprint(**overrides: Any) -> ExamBlueprint:
    """A fixed paper over the sample bank: s1 | m1 | j1 | f1, f2."""
    data: dict[str, Any] = {
        "format": 1,
        "id": "sample-exam",
        "title": "样卷",
        "time_limit_minutes": 10,
        "draw": "fixed",
        "pass_mark": {"percent": 60},
        "sections": [
            {"title": "单选", "questions": ["sample/s1"], "points": 1},
            {"title": "多选", "questions": ["sample/m1"], "points": 4},
            {"title": "判断", "questions": ["sample/j1"], "points": 1},
            {"title": "填空", "questions": ["sample/f1", "sample/f2"], "points": 2},
        ],
        **overrides,
    }
    return ExamBlueprint.model_validate(data)


@dataclass
class FakeView:
    shown: list[int] = field(default_factory=list)
    palettes: list[list[PaletteEntry]] = field(default_factory=list)
    times: list[timedelta] = field(default_factory=list)
    feedback: list[ItemResult] = field(default_factory=list)
    results: list[ExamResult] = field(default_factory=list)

    def show_question(self, item: ExamItem) -> None:
        self.shown.append(item.index)

    def show_palette(self, palette: Any) -> None:
        self.palettes.append(list(palette))

    def show_time(self, remaining: timedelta) -> None:
        self.times.append(remaining)

    def show_feedback(self, item: ItemResult) -> None:
        self.feedback.append(item)

    def show_result(self, result: ExamResult) -> None:
        self.results.append(result)


@pytest.fixture
def user(service: StudyService, sample_bank: Path) -> UserInfo:
    service.import_banks([sample_bank])
    return service.ensure_user("李四", "市审计局")


@pytest.fixture
def exams(services: Services) -> ExamService:
    return services.exams


def stored_state(service: StudyService, attempt_id: int) -> dict[str, Any]:
    with engine_of(service).connect() as conn:
        info = exam_repo.get_attempt(conn, attempt_id)
    assert info is not None
    return dict(json.loads(info.state))


def reopen(db_url: str, clock: FixedClock) -> Services:
    """The app closed and started again over the same database."""
    return open_services(db_url, clock, scheduler=Scheduler(fuzz=False))


def test_every_answer_flag_and_move_is_saved_at_once(
    service: StudyService, exams: ExamService, user: UserInfo
) -> None:
    view = FakeView()
    session = exams.start(user, blueprint(), view)
    assert view.shown == [0] and session.total == 5
    assert session.answer(0, "A")
    assert stored_state(service, session.attempt_id)["answers"] == {"0": "A"}
    assert session.answer(0, "C")  # changeable until submitted
    session.set_flag(2, True)
    session.answer(3, ("294", "547"))  # answering elsewhere moves there
    state = stored_state(service, session.attempt_id)
    assert state["answers"] == {"0": "C", "3": ["294", "547"]}
    assert (state["flags"], state["current"]) == ([2], 3)
    assert session.unanswered() == [1, 2, 4]
    palette = view.palettes[-1]
    assert [(e.answered, e.flagged, e.current) for e in palette] == [
        (True, False, False),
        (False, False, False),
        (False, True, False),
        (True, False, True),
        (False, False, False),
    ]
    session.answer(3, None)  # cleared
    assert session.unanswered() == [1, 2, 3, 4]


def test_the_clock_submits_at_zero_and_keeps_the_answers(
    exams: ExamService, user: UserInfo, clock: FixedClock
) -> None:
    view = FakeView()
    session = exams.start(user, blueprint(), view)
    session.answer(0, "C")
    clock.advance(minutes=9, seconds=59)
    assert session.tick() == timedelta(seconds=1)
    assert session.phase is ExamPhase.RUNNING
    clock.advance(seconds=1)
    assert session.tick() == timedelta(0)
    assert session.phase is ExamPhase.FINISHED
    (result,) = view.results
    assert result.auto_submitted
    assert result.score == 1 and result.items[0].response == "C"
    assert result.time_used == timedelta(minutes=10)
    assert not session.answer(1, frozenset("ABD"))  # too late


def test_an_answer_after_the_limit_is_not_taken_and_the_paper_goes_in(
    exams: ExamService, user: UserInfo, clock: FixedClock
) -> None:
    view = FakeView()
    session = exams.start(user, blueprint(), view)
    clock.advance(minutes=12)  # the GUI missed its ticks (machine asleep)
    assert not session.answer(0, "C")
    assert session.phase is ExamPhase.FINISHED
    assert view.results[0].score == 0
    assert view.results[0].time_used == timedelta(minutes=10)


def test_an_exam_resumes_after_a_restart_with_the_time_left(
    db_url: str, services: Services, exams: ExamService, user: UserInfo, clock: FixedClock
) -> None:
    session = exams.start(user, blueprint(), FakeView())
    session.answer(0, "C")
    session.set_flag(1, True)
    session.goto(2)
    clock.advance(minutes=4)
    services.close()

    again = reopen(db_url, clock)
    view = FakeView()
    resumed = again.exams.resume(user, view)
    assert resumed is not None and resumed.attempt_id == session.attempt_id
    assert resumed.phase is ExamPhase.RUNNING
    assert resumed.remaining() == timedelta(minutes=6)
    assert view.shown == [2] and view.times[-1] == timedelta(minutes=6)
    assert resumed.item(0).response == "C"
    assert resumed.flagged() == [1]
    assert again.exams.resume(user, FakeView(), "another-paper") is None
    again.close()


def test_resuming_after_the_time_ran_out_submits_with_the_answers_kept(
    db_url: str, services: Services, exams: ExamService, user: UserInfo, clock: FixedClock
) -> None:
    session = exams.start(user, blueprint(), FakeView())
    session.answer(0, "C")
    session.answer(2, True)
    started = clock.now()
    clock.advance(hours=2)  # the app stayed closed
    services.close()

    again = reopen(db_url, clock)
    view = FakeView()
    resumed = again.exams.resume(user, view)
    assert resumed is not None and resumed.phase is ExamPhase.FINISHED
    (result,) = view.results
    assert result.auto_submitted and result.score == 2
    assert result.finished_at == started + timedelta(minutes=10)
    assert again.exams.unfinished(user) is None
    assert again.exams.resume(user, FakeView()) is None
    again.close()


def answer_sample(exams: ExamService, user: UserInfo, **overrides: Any) -> ExamResult:
    session = exams.start(user, blueprint(**overrides), FakeView())
    session.answer(0, "C")  # right: 1
    session.answer(1, frozenset("AB"))  # two of the three right keys
    session.answer(2, False)  # wrong
    session.answer(3, ("294", "五百四十七"))  # right: 2
    # f2 left unanswered
    return session.submit()


def test_the_result_scores_each_section_with_partial_credit(
    exams: ExamService, user: UserInfo
) -> None:
    result = answer_sample(exams, user, multiple_scoring="partial")
    assert [(s.title, s.score, s.max_score) for s in result.sections] == [
        ("单选", 1, 1),
        ("多选", 2, 4),
        ("判断", 0, 1),
        ("填空", 2, 4),
    ]
    assert (result.score, result.max_score, result.pass_score) == (5, 10, 6)
    assert not result.passed
    assert [(s.answered, s.correct) for s in result.sections][-1] == (1, 1)
    multiple = result.items[1]
    assert not multiple.correct and multiple.correct_answer == "ABD"
    assert multiple.explanation.startswith("总抓手")
    assert result.items[4].response is None and not result.items[4].answered


def test_all_or_nothing_gives_no_credit_for_a_partly_right_multiple(
    exams: ExamService, user: UserInfo
) -> None:
    result = answer_sample(exams, user, multiple_scoring="all_or_nothing")
    assert result.sections[1].score == 0 and result.score == 3


def test_a_points_pass_mark_is_applied(exams: ExamService, user: UserInfo) -> None:
    result = answer_sample(exams, user, multiple_scoring="partial", pass_mark={"points": 5})
    assert result.pass_score == 5 and result.passed


def test_wrong_answers_enter_the_wrong_book_and_logs_carry_the_attempt(
    service: StudyService, exams: ExamService, user: UserInfo
) -> None:
    result = answer_sample(exams, user, multiple_scoring="partial")
    assert {r.question.id for r in service.wrong_book(user)} == {"m1", "j1"}
    with engine_of(service).connect() as conn:
        logs = conn.execute(
            select(ReviewLogRow.question_pk, ReviewLogRow.attempt_id, ReviewLogRow.correct)
        ).all()
        info = exam_repo.get_attempt(conn, result.attempt_id)
    ids = {pk: service.question(pk).question.id for pk, _a, _c in logs}
    # The unanswered f2 scores nothing but creates no review.
    assert sorted(ids.values()) == ["f1", "j1", "m1", "s1"]
    assert {attempt for _pk, attempt, _c in logs} == {result.attempt_id}
    assert info is not None and info.finished_at is not None
    assert (info.score, info.max_score) == (5, 10)


def test_a_stored_result_is_rebuilt_the_same(exams: ExamService, user: UserInfo) -> None:
    result = answer_sample(exams, user, multiple_scoring="partial")
    again = exams.result(result.attempt_id)
    assert again.sections == result.sections
    assert [i.response for i in again.items] == [i.response for i in result.items]
    assert (again.score, again.passed, again.time_used) == (5, False, result.time_used)
    assert [a.id for a in exams.history(user)] == [result.attempt_id]


def test_submitting_again_after_a_crash_records_each_answer_once(
    db_url: str,
    service: StudyService,
    services: Services,
    exams: ExamService,
    user: UserInfo,
    clock: FixedClock,
) -> None:
    session = exams.start(user, blueprint(), FakeView())
    session.answer(0, "C")
    session.answer(2, True)
    # A crash during submit: the first answer was recorded, the attempt not yet finished.
    record = service.question(_pk(service, "s1"))
    service.record(user.id, record, "C", 1000, attempt_id=session.attempt_id)
    services.close()
    clock.advance(minutes=1)
    again = reopen(db_url, clock)
    resumed = again.exams.resume(user, FakeView())
    assert resumed is not None
    resumed.submit()
    with engine_of(again).connect() as conn:
        logged = conn.execute(select(ReviewLogRow.question_pk)).scalars().all()
    assert sorted(logged) == sorted([_pk(again.study, "s1"), _pk(again.study, "j1")])
    again.close()


def _pk(service: StudyService, qid: str) -> int:
    with engine_of(service).connect() as conn:
        return exam_repo.resolve_refs(conn, [f"sample/{qid}"])[f"sample/{qid}"]


def test_immediate_feedback_shows_the_grade_and_locks_the_answer(
    exams: ExamService, user: UserInfo
) -> None:
    view = FakeView()
    session = exams.start(user, blueprint(feedback="immediate"), view)
    assert session.answer(0, "A")
    (shown,) = view.feedback
    assert not shown.correct and shown.correct_answer == "C"
    assert not session.answer(0, "C")
    assert session.item(0).locked and session.item(0).response == "A"


def test_time_spent_per_question_becomes_the_review_duration(
    service: StudyService, exams: ExamService, user: UserInfo, clock: FixedClock
) -> None:
    session = exams.start(user, blueprint(), FakeView())
    clock.advance(seconds=7)
    session.answer(0, "C")
    session.goto(2)
    clock.advance(seconds=3)
    session.goto(0)
    clock.advance(seconds=2)
    session.goto(2)
    clock.advance(seconds=4)
    session.answer(2, True)
    session.submit()
    with engine_of(service).connect() as conn:
        durations = dict(
            conn.execute(select(ReviewLogRow.question_pk, ReviewLogRow.duration_ms)).all()
        )
    assert durations == {_pk(service, "s1"): 9_000, _pk(service, "j1"): 7_000}
