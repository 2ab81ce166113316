"""Practice sessions through the service: queue order, storage of every answer, undo, wrong book."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import time, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.order import NewOrder
from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.core.scheduling import Rating, expected_ms
from jgstudy.core.scheduling.pace import MIN_SAMPLES
from jgstudy.core.service import StudyService
from jgstudy.core.session import Feedback, Phase, SessionError, Summary
from jgstudy.core.storage.schema import ReviewLogRow
from peek import engine_of

BEIJING = timezone(timedelta(hours=8))

RIGHT: dict[str, Response] = {
    "s1": "C",
    "m1": frozenset("ABD"),
    "j1": True,
    "f1": ("294", "547"),
    "f2": ("速决毫厘",),
    "sh1": ShortResponse("警示教育", knew=True),
}


@dataclass
class FakeView:
    questions: list[tuple[str, int, int]] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)

    def show_question(self, record: QuestionRecord, position: int, total: int) -> None:
        self.questions.append((record.question.id, position, total))

    def show_feedback(self, feedback: Feedback) -> None:
        self.feedback.append(feedback)

    def show_summary(self, summary: Summary) -> None:
        self.summaries.append(summary)


@pytest.fixture
def user(service: StudyService, sample_bank: Path) -> UserInfo:
    service.import_banks([sample_bank])
    return service.ensure_user("张三", "市直机关工委")


def logs(service: StudyService) -> int:
    with engine_of(service).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ReviewLogRow)).scalar() or 0)


def test_new_questions_come_mixed_up_to_the_daily_limit(
    service: StudyService, user: UserInfo
) -> None:
    queue = service.practice_queue(user, new_per_day=4)
    types = [service.question(pk).question.type for pk in queue]
    assert len(queue) == 4
    assert all(a != b for a, b in itertools.pairwise(types))
    assert service.practice_queue(user, new_per_day=4) == queue  # the same order every time


def test_every_answer_is_stored_when_given(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    view = FakeView()
    session = service.start_practice(user, view, service.practice_queue(user, order=NewOrder.BANK))
    for expected in range(1, 7):
        assert session.current is not None
        clock.advance(seconds=5)
        session.submit(RIGHT[session.current.question.id])
        assert logs(service) == expected  # committed before submit returns
        session.next()
    assert session.phase is Phase.FINISHED
    (summary,) = view.summaries
    assert (summary.answered, summary.correct) == (6, 6)
    assert summary.duration_ms == 30_000
    # Learning steps of 10 minutes fall inside the 20-minute learn-ahead: due again now.
    assert summary.due_now == 6 == service.stats(user).due_now
    assert summary.next_due is None or summary.next_due > clock.now()


def test_a_wrong_answer_comes_back_once_and_enters_the_wrong_book(
    service: StudyService, user: UserInfo
) -> None:
    view = FakeView()
    session = service.start_practice(
        user, view, service.practice_queue(user, order=NewOrder.BANK, limit=2)
    )
    session.submit("A")  # s1 wrong
    assert not view.feedback[-1].outcome.grade.correct
    session.next()
    session.submit(frozenset("C"))  # m1 wrong
    session.next()
    assert [q for q, _pos, _total in view.questions][-1] == "s1"
    assert session.total == 4
    session.submit("A")  # wrong again: not queued a third time
    session.next()
    session.submit(frozenset("ABD"))
    session.next()
    assert session.phase is Phase.FINISHED
    assert {r.question.id for r in service.wrong_book(user)} == {"m1", "s1"}


def test_right_answers_on_two_later_days_leave_the_wrong_book(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    service.record(user.id, record, "A", 3000)
    assert [r.pk for r in service.wrong_book(user)] == [record.pk]
    clock.advance(seconds=30)  # the same-session repeat, right after seeing the key
    service.record(user.id, record, "C", 3000)
    service.record(user.id, record, "C", 3000)
    assert [r.pk for r in service.wrong_book(user)] == [record.pk]
    clock.advance(days=1)
    service.record(user.id, record, "C", 3000)
    assert [r.pk for r in service.wrong_book(user)] == [record.pk]
    clock.advance(days=1)
    service.record(user.id, record, "C", 3000)
    assert service.wrong_book(user) == []
    view = FakeView()
    session = service.start_practice(user, view, service.practice_queue(user, mode="wrong"))
    assert session.phase is Phase.FINISHED


def test_undo_removes_the_answer_and_asks_again(service: StudyService, user: UserInfo) -> None:
    view = FakeView()
    session = service.start_practice(
        user, view, service.practice_queue(user, order=NewOrder.BANK, limit=2)
    )
    session.submit("A")
    assert logs(service) == 1
    assert session.undo()
    assert logs(service) == 0
    assert session.phase is Phase.ASKING
    assert session.total == 2  # the re-queue of the wrong answer is undone too
    assert view.questions[-1] == ("s1", 1, 2)
    assert service.wrong_book(user) == []
    assert (
        len(service.practice_queue(user, order=NewOrder.BANK, mode="new")) == 6
    )  # s1 is new again
    assert not session.undo()


def test_submitting_twice_is_a_caller_bug(service: StudyService, user: UserInfo) -> None:
    session = service.start_practice(
        user, FakeView(), service.practice_queue(user, order=NewOrder.BANK, limit=1)
    )
    session.submit("C")
    with pytest.raises(SessionError):
        session.submit("C")


def test_due_reviews_come_before_new_questions(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    first = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    service.record(user.id, first, "C", 4000)
    clock.advance(days=3)
    queue = service.practice_queue(user, order=NewOrder.BANK)
    assert queue[0] == first.pk
    assert len(queue) == 6


def test_empty_queue_goes_straight_to_the_summary(service: StudyService, user: UserInfo) -> None:
    view = FakeView()
    session = service.start_practice(user, view, [])
    assert session.phase is Phase.FINISHED
    assert view.summaries[0].answered == 0


def test_stats_count_days_streak_and_accuracy(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    for day in range(3):
        service.record(user.id, record, "C" if day else "A", 4000)
        clock.advance(days=1)
    clock.advance(hours=-20)  # still the third day's successor, early morning
    stats = service.stats(user)
    assert stats.total_reviews == 3
    assert stats.total_correct == 2
    assert stats.streak_days == 3
    assert sum(stats.per_day.values()) == 3
    assert round(stats.accuracy_week, 2) == 0.67
    assert stats.by_tag[0].tag in {"测试", "理论学习"}
    assert sum(stats.forecast.values()) == 1


def test_can_undo_only_after_an_answer(service: StudyService, user: UserInfo) -> None:
    session = service.start_practice(
        user, FakeView(), service.practice_queue(user, order=NewOrder.BANK, limit=2)
    )
    assert not session.can_undo
    session.submit("C")
    assert session.can_undo
    session.next()
    assert session.can_undo  # the answer to the previous question can still be taken back
    session.undo()
    assert not session.can_undo


def test_retired_questions_leave_the_wrong_book_count(
    service: StudyService, user: UserInfo, sample_bank: Path, tmp_path: Path
) -> None:
    record = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    service.record(user.id, record, "A", 3000)
    assert service.stats(user).wrong_book == 1
    trimmed = tmp_path / "sample.yaml"
    text = sample_bank.read_text("utf-8")
    trimmed.write_text(text[: text.index("  - id: s1")] + text[text.index("  - id: m1") :], "utf-8")
    service.import_banks([trimmed])
    assert service.stats(user).wrong_book == len(service.wrong_book(user)) == 0


def test_stats_stay_current_across_answers_and_days(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    service.record(user.id, record, "C", 4000)
    assert service.stats(user).reviewed_today == 1
    service.record(user.id, record, "C", 4000)  # past days are cached, today is not
    assert service.stats(user).reviewed_today == 2
    clock.advance(days=1)
    stats = service.stats(user)
    assert stats.reviewed_today == 0
    assert sum(stats.per_day.values()) == 2


def test_knowledge_per_tag_fades_with_time(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, order=NewOrder.BANK, limit=1)[0])
    service.record(user.id, record, "C", 4000)
    assert all(t.knowledge is None for t in service.stats(user).by_tag)  # not asked for
    fresh = {t.tag: t.knowledge for t in service.stats(user, knowledge=True).by_tag}
    clock.advance(days=60)
    later = {t.tag: t.knowledge for t in service.stats(user, knowledge=True).by_tag}
    assert set(fresh) == {"测试", "理论学习"}
    assert fresh["测试"] is not None and later["测试"] is not None
    assert later["测试"] < fresh["测试"] < 0.9  # one answer is not knowledge 30 days ahead


def test_a_session_past_the_day_boundary_keeps_to_the_new_days_allowance(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    clock.advance(hours=18, minutes=55)  # 03:55 in Wuhan: the study day began yesterday 04:00
    queue = service.practice_queue(
        user, mode="new", new_per_day=6, order=NewOrder.BANK
    )  # all six questions
    view = FakeView()
    session = service.start_practice(user, view, queue, new_per_day=2)
    session.submit("C")  # s1, counted for the day that is ending
    session.next()
    clock.advance(minutes=10)  # 04:05: a new study day with room for two new questions
    for _ in range(2):
        assert session.current is not None
        session.submit(RIGHT[session.current.question.id])
        session.next()
    assert session.phase is Phase.FINISHED
    assert [q for q, _pos, _total in view.questions] == ["s1", "m1", "j1"]
    assert service.new_today(user) == 2
    assert service.practice_queue(user, mode="new", new_per_day=2) == []


def test_reviews_are_due_from_the_start_of_their_day_not_their_minute(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, limit=1)[0])
    service.record(user.id, record, "C", 4000)
    clock.advance(minutes=10)
    outcome = service.record(user.id, record, "C", 4000)  # leaves the learning steps
    due = outcome.card_after.state.due
    assert due.astimezone(BEIJING).time() == time(4, 0)
    clock.advance(seconds=(due - clock.now()).total_seconds() - 60)  # 03:59 that day
    assert service.stats(user).due_now == 0
    assert service.next_due(user.id) == due
    clock.advance(minutes=1)
    assert service.stats(user).due_now == 1
    clock.advance(hours=4, minutes=29)  # 08:29, before the minute of the last answer
    assert service.practice_queue(user, mode="review") == [record.pk]


def test_the_home_count_says_apart_what_falls_due_later_today(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, limit=1)[0])
    service.record(user.id, record, "A", 4000)  # relearn in a minute: due now (learn-ahead)
    assert (service.stats(user).due_now, service.stats(user).due_later) == (1, 0)
    service.record(user.id, record, "C", 4000)  # the next step is 10 minutes: still within
    assert service.stats(user).due_now == len(service.practice_queue(user, mode="review")) == 1


def test_no_answers_in_a_week_is_no_accuracy(service: StudyService, user: UserInfo) -> None:
    assert service.stats(user).accuracy_week is None


def test_the_expected_time_is_the_cadres_own_pace(
    service: StudyService, user: UserInfo, clock: FixedClock
) -> None:
    record = service.question(service.practice_queue(user, limit=1)[0])
    slow = 4 * expected_ms(record.question)  # an older cadre who reads slowly, always right
    for _ in range(MIN_SAMPLES):
        service.record(user.id, record, "C", slow)
        clock.advance(minutes=1)
    clock.advance(days=3)  # the next study day: the pace is measured again; the card is due
    assert service.question(service.practice_queue(user, mode="review")[0]) == record
    # Quick for them (under half their usual time), though slower than half a careful reader's.
    outcome = service.record(user.id, record, "C", slow // 3)
    assert slow // 3 > expected_ms(record.question) // 2
    assert outcome.rating is Rating.EASY
