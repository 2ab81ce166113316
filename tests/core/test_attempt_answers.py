"""How answers in mock exams (and drills and matches, through the same store) feed FSRS:
Good or Again only, and no second memory update in one study day (docs/scheduling.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from test_exam_session import FakeView, blueprint

from jgstudy.core.clock import FixedClock
from jgstudy.core.exams import ExamService
from jgstudy.core.records import CardInfo, UserInfo
from jgstudy.core.scheduling import Rating
from jgstudy.core.service import StudyService
from jgstudy.core.services import Services
from jgstudy.core.storage import study_repo
from jgstudy.core.storage.schema import ReviewLogRow
from peek import engine_of


@pytest.fixture
def user(service: StudyService, sample_bank: Path) -> UserInfo:
    service.import_banks([sample_bank])
    return service.ensure_user("王五", "市财政局")


def pk_of(service: StudyService, qid: str) -> int:
    queue = service.practice_queue(user_of(service))
    return next(r.pk for r in service.questions(queue) if r.question.id == qid)


def user_of(service: StudyService) -> UserInfo:
    found = service.find_user("王五")
    assert found is not None
    return found


def card(service: StudyService, user: UserInfo, pk: int) -> CardInfo:
    with engine_of(service).connect() as conn:
        info = study_repo.get_card(conn, user.id, pk)
    assert info is not None
    return info


def exam_ratings(service: StudyService) -> list[int]:
    with engine_of(service).connect() as conn:
        query = select(ReviewLogRow.rating).where(ReviewLogRow.attempt_id.is_not(None))
        return list(conn.execute(query.order_by(ReviewLogRow.id)).scalars())


def sit_exam(exams: ExamService, user: UserInfo, s1: str) -> None:
    session = exams.start(user, blueprint(), FakeView())
    session.answer(0, s1)
    session.submit()


def graduate_s1(service: StudyService, clock: FixedClock, user: UserInfo) -> int:
    """s1 answered right twice in practice, ten minutes apart: past its learning steps."""
    pk = pk_of(service, "s1")
    service.record(user.id, service.question(pk), "C", 20_000)
    clock.advance(minutes=10)
    service.record(user.id, service.question(pk), "C", 20_000)
    return pk


def test_a_quick_right_exam_answer_is_good_never_easy(
    services: Services, clock: FixedClock, user: UserInfo
) -> None:
    study = services.study
    pk = graduate_s1(study, clock, user)
    clock.advance(days=5)
    before = card(study, user, pk)
    sit_exam(services.exams, user, "C")  # answered at once: Easy in practice
    assert exam_ratings(study) == [Rating.GOOD]
    after = card(study, user, pk)
    assert after.state.last_review == clock.now() and after.state.due > before.state.due


def test_a_second_answer_on_the_same_study_day_leaves_the_memory_as_it_was(
    services: Services, clock: FixedClock, user: UserInfo
) -> None:
    study = services.study
    pk = graduate_s1(study, clock, user)
    before = card(study, user, pk)
    clock.advance(hours=2)
    sit_exam(services.exams, user, "A")  # wrong, the same afternoon
    after = card(study, user, pk)
    assert exam_ratings(study) == [Rating.AGAIN]  # logged as what it was
    assert after.state == before.state  # memory untouched
    assert after.in_wrong_book  # but the wrong-answer book takes it
    assert after.reps == before.reps + 1


def test_practice_answers_on_the_same_day_still_update_the_memory(
    services: Services, clock: FixedClock, user: UserInfo
) -> None:
    study = services.study
    pk = graduate_s1(study, clock, user)
    before = card(study, user, pk)
    clock.advance(hours=2)
    study.record(user.id, study.question(pk), "C", 20_000)
    assert card(study, user, pk).state.last_review == clock.now() != before.state.last_review
