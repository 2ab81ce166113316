"""Fourteen days of study by two simulated cadres, the clock moved across days (issue 23).

One cadre answers quickly, the other slowly; both answer the bundled banks right or wrong by a
fixed pattern, in Asia/Shanghai, at times that cross midnight and fall just before the time
of day an earlier answer was given. The test keeps its own account of every card from the
answers' outcomes and checks the app's figures against it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response, ShortResponse
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    JudgeQuestion,
    MultipleQuestion,
    SingleQuestion,
)
from jgstudy.core.records import QuestionRecord, UserInfo
from jgstudy.core.scheduling import CardState, Scheduler
from jgstudy.core.scheduling.pace import expected_ms
from jgstudy.core.service import StudyService
from jgstudy.core.services import open_services
from jgstudy.core.session import Feedback, Phase, Summary
from jgstudy.core.stats import UserStats

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY_STARTS = 4
LEARN_AHEAD = timedelta(minutes=20)
FIRST_DAY = date(2026, 3, 2)
NEW_PER_DAY = 20
REVIEW = 2  # fsrs.State.Review
# Local start time of each day's sessions; day 9 is skipped; day 4 runs across midnight.
SESSIONS: dict[int, list[time]] = {
    0: [time(8, 30)],
    1: [time(8, 29), time(20, 0)],
    2: [time(8, 29)],
    3: [time(12, 15)],
    4: [time(23, 55)],
    5: [time(7, 40), time(19, 5)],
    6: [time(8, 29)],
    7: [time(21, 30)],
    8: [time(6, 10)],
    10: [time(8, 29), time(8, 55)],
    11: [time(22, 10)],
    12: [time(8, 29)],
    13: [time(9, 0)],
}


def local(day: int, at: time) -> datetime:
    return datetime.combine(FIRST_DAY + timedelta(days=day), at, SHANGHAI)


def study_day(moment: datetime) -> date:
    """The test's own statement of the day rule: a day runs from 04:00 to 04:00 local time."""
    return (moment.astimezone(SHANGHAI) - timedelta(hours=DAY_STARTS)).date()


def due_by_hand(card: CardState, now: datetime) -> bool:
    if card.state == REVIEW:
        return study_day(card.due) <= study_day(now)
    return card.due <= now + LEARN_AHEAD


def right_response(question: AnyQuestion) -> Response:
    if isinstance(question, SingleQuestion | JudgeQuestion):
        return question.answer
    if isinstance(question, MultipleQuestion):
        return frozenset(question.answer)
    if isinstance(question, FillQuestion):
        return tuple(accepted[0] for accepted in question.blanks)
    return ShortResponse(question.reference, knew=True)


def wrong_response(question: AnyQuestion) -> Response:
    if isinstance(question, SingleQuestion):
        return next(k for k in question.options if k != question.answer)
    if isinstance(question, MultipleQuestion):
        return frozenset(question.options) - frozenset(question.answer) or frozenset("Z")
    if isinstance(question, JudgeQuestion):
        return not question.answer
    if isinstance(question, FillQuestion):
        return tuple("不知道" for _ in question.blanks)
    return ShortResponse("", knew=False)


@dataclass
class Cadre:
    """A deterministic cadre: wrong on about one answer in six, at a fixed reading speed."""

    name: str
    speed: float  # answer time as a multiple of a careful reader's expected time
    cards: dict[int, CardState] = field(default_factory=dict)
    wrong_day: dict[int, date] = field(default_factory=dict)
    right_days: dict[int, set[date]] = field(default_factory=dict)
    first_answers: dict[date, int] = field(default_factory=dict)
    first_day: dict[int, date] = field(default_factory=dict)
    last_right: dict[int, bool] = field(default_factory=dict)
    promises: dict[datetime, UserStats] = field(default_factory=dict)

    def answers_right(self, record: QuestionRecord, now: datetime, repeat: bool) -> bool:
        if repeat:
            return True  # the same-session repeat, seconds after the key was shown
        key = f"{self.name}{record.question.id}{study_day(now)}".encode()
        return zlib.crc32(key) % 6 != 0

    def expected_book(self) -> set[int]:
        return {
            pk
            for pk, wrong in self.wrong_day.items()
            if len({d for d in self.right_days.get(pk, set()) if d > wrong}) < 2
        }


class Sitting:
    """A practice view that answers as the cadre would, moving the clock by the answer time."""

    def __init__(self, cadre: Cadre, clock: FixedClock) -> None:
        self.cadre = cadre
        self.clock = clock
        self.presented: list[int] = []
        self.summary: Summary | None = None
        self.current: QuestionRecord | None = None

    def show_question(self, record: QuestionRecord, position: int, total: int) -> None:
        self.presented.append(record.pk)
        self.current = record

    def show_feedback(self, feedback: Feedback) -> None:
        pk, now = feedback.record.pk, self.clock.now()
        if feedback.outcome.card_before is None:
            day = study_day(now)
            self.cadre.first_answers[day] = self.cadre.first_answers.get(day, 0) + 1
            self.cadre.first_day[pk] = day
        self.cadre.last_right[pk] = feedback.outcome.grade.correct
        self.cadre.cards[pk] = feedback.outcome.card_after.state
        if feedback.outcome.grade.correct:
            self.cadre.right_days.setdefault(pk, set()).add(study_day(now))
        else:
            self.cadre.wrong_day[pk] = study_day(now)
            self.cadre.right_days.pop(pk, None)

    def show_summary(self, summary: Summary) -> None:
        self.summary = summary


def sit(service: StudyService, user: UserInfo, cadre: Cadre, clock: FixedClock) -> Sitting:
    """One session started now, answered to the end; checks what the home promised."""
    now = clock.now()
    promised = cadre.promises[now] = service.stats(user, NEW_PER_DAY)
    due = {pk for pk, card in cadre.cards.items() if due_by_hand(card, now)}
    assert promised.due_now == len(due), f"home count at {now.astimezone(SHANGHAI)}"
    sitting = Sitting(cadre, clock)
    queue = service.practice_queue(user, new_per_day=NEW_PER_DAY)
    session = service.start_practice(user, sitting, queue, new_per_day=NEW_PER_DAY)
    assert due <= set(sitting.presented[:1] + queue)
    seen: set[int] = set()
    while session.phase is Phase.ASKING and sitting.current is not None:
        record = sitting.current
        clock.advance(milliseconds=cadre.speed * expected_ms(record.question))
        right = cadre.answers_right(record, clock.now(), repeat=record.pk in seen)
        seen.add(record.pk)
        session.submit(
            right_response(record.question) if right else wrong_response(record.question)
        )
        clock.advance(seconds=2)
        session.next()
    assert due <= set(sitting.presented), "a card counted as due was not presented"
    return sitting


def check_after(service: StudyService, user: UserInfo, cadre: Cadre, sitting: Sitting) -> None:
    now = sitting.clock.now()
    summary = sitting.summary
    assert summary is not None
    assert summary.next_due is None or summary.next_due > now
    assert summary.due_now == service.stats(user, NEW_PER_DAY).due_now
    assert {r.pk for r in service.wrong_book(user)} == cadre.expected_book()
    assert all(n <= NEW_PER_DAY for n in cadre.first_answers.values())


def simulate(tmp_path: Path, cadre: Cadre, clock: FixedClock) -> Iterator[int]:
    url = f"sqlite:///{tmp_path / f'{cadre.name}.sqlite3'}"
    services = open_services(url, clock, SHANGHAI, scheduler=Scheduler(fuzz=False))
    service = services.study
    try:
        service.import_bundled()
        user = service.ensure_user(cadre.name, "市直机关工委")
        for day, times in SESSIONS.items():
            for at in times:
                if clock.now() < local(day, at):
                    clock.advance(seconds=(local(day, at) - clock.now()).total_seconds())
                sitting = sit(service, user, cadre, clock)
                check_after(service, user, cadre, sitting)
            yield day
    finally:
        services.close()


@pytest.mark.parametrize(("name", "speed"), [("快手", 0.3), ("慢读", 3.0)])
def test_fourteen_days_hold_together(tmp_path: Path, name: str, speed: float) -> None:
    cadre = Cadre(name, speed)
    clock = FixedClock(local(0, time(7, 0)))
    for day in simulate(tmp_path, cadre, clock):
        if day == 4:  # the session ran past midnight, yet its answers belong to the evening
            assert clock.now() > local(5, time(0, 0))
            assert sum(cadre.first_answers.values()) == min(5 * NEW_PER_DAY, len(cadre.cards))
            assert study_day(clock.now()) == FIRST_DAY + timedelta(days=4)
    # ... so the next morning starts with the whole allowance.
    morning = cadre.promises[local(5, time(7, 40))]
    assert (morning.new_today, morning.new_available) == (0, NEW_PER_DAY)
    # Right answers move cards past the learning steps, for quick and slow readers alike.
    # Nobody is stuck in learning: a card still in its steps was met on the last day, or its
    # last answer was wrong.
    last_day = FIRST_DAY + timedelta(days=max(SESSIONS))
    learning = [pk for pk, card in cadre.cards.items() if card.state != REVIEW]
    assert len(learning) < len(cadre.cards) // 4
    for pk in learning:
        last = cadre.cards[pk].last_review
        assert not cadre.last_right[pk] or (last is not None and study_day(last) == last_day)
    intervals = [
        study_day(card.due) - study_day(card.last_review)
        for card in cadre.cards.values()
        if card.state == REVIEW and card.last_review is not None
    ]
    assert max(intervals) > timedelta(days=7)
