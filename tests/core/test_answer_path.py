"""The next question and each answer run on prepared statements (core.storage.prepared), beside
SQLAlchemy's own execution: what they write and read must be what the rest of the app sees, in
the same single transaction per answer, with the driver's errors still SQLAlchemy's."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from jgstudy.core.clock import FixedClock
from jgstudy.core.records import AnswerRecord, CardInfo
from jgstudy.core.scheduling import CardState
from jgstudy.core.service import StudyService
from jgstudy.core.storage import counts_repo, retry, study_repo
from jgstudy.core.storage.schema import CardRow, ReviewCountRow, ReviewLogRow


def _answer_all(service: StudyService, clock: FixedClock) -> list[int]:
    user = service.ensure_user("张三")
    pks = service.practice_queue(user, new_per_day=1000)
    for index, pk in enumerate(pks * 2):  # new cards, then cards with a state to update
        clock.advance(minutes=7)
        service.record(user.id, service.question(pk), "A" if index % 3 else "B", 3000)
    return pks


def test_cards_read_on_the_answer_path_equal_what_sqlalchemy_reads(
    service: StudyService, clock: FixedClock, sample_bank: Path, engine: Engine
) -> None:
    service.import_banks([sample_bank])
    pks = _answer_all(service, clock)
    user = service.users()[0]
    with engine.connect() as conn:
        for row in conn.execute(select(CardRow).where(CardRow.user_id == user.id)):
            card = study_repo.get_card(conn, user.id, row.question_pk)
            state = CardState(
                row.state, row.step, row.stability, row.difficulty, row.due, row.last_review
            )
            assert card == CardInfo(
                state,
                row.reps,
                row.lapses,
                row.right_streak,
                row.in_wrong_book,
                row.first_reviewed_at,
            )
            assert card.state.due.tzinfo is UTC and isinstance(card.in_wrong_book, bool)
        assert study_repo.get_card(conn, user.id, -1) is None
        assert len(pks) == conn.execute(select(func.count()).select_from(CardRow)).scalar()


def test_a_question_loaded_alone_equals_it_loaded_with_others(
    service: StudyService, sample_bank: Path, engine: Engine
) -> None:
    service.import_banks([sample_bank])
    with engine.connect() as conn:
        pks = study_repo.active_pks(conn)
        together = study_repo.load_questions(conn, pks)
        # several tags (the bank's and the question's): read in one statement, same order
        assert any(len(record.tags) > 1 for record in together.values())
        for pk in pks:
            assert study_repo.load_questions(conn, [pk]) == {pk: together[pk]}
        assert study_repo.load_questions(conn, [max(pks) + 1]) == {}


def test_an_answer_failing_half_way_leaves_no_trace(
    service: StudyService,
    clock: FixedClock,
    sample_bank: Path,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The log, the card and the count are one transaction: written together or not at all."""
    service.import_banks([sample_bank])
    user = service.ensure_user("张三")
    record = service.question(service.practice_queue(user)[0])
    service.record(user.id, record, "A", 3000)

    def broken(*_args: object) -> None:
        raise RuntimeError("power cut between the card and the count")

    monkeypatch.setattr(counts_repo, "add_review", broken)
    clock.advance(days=3)
    before = _snapshot(engine)
    with pytest.raises(RuntimeError):
        service.record(user.id, record, "B", 3000)
    assert _snapshot(engine) == before


def test_a_card_started_afresh_keeps_when_it_was_first_reviewed(
    service: StudyService, clock: FixedClock, sample_bank: Path, engine: Engine
) -> None:
    """A stored state no FSRS card can have is scheduled afresh, but the question is not new:
    its first review stays, so it does not count among today's new questions. (The answer's
    update leaves ``first_reviewed_at`` alone, sparing its index a page per answer.)"""
    service.import_banks([sample_bank])
    user = service.ensure_user("张三")
    record = service.question(service.practice_queue(user)[0])
    service.record(user.id, record, "A", 3000)
    with engine.begin() as conn:
        conn.execute(CardRow.__table__.update().values(state=99))
        first = conn.execute(select(CardRow.first_reviewed_at)).scalar_one()
    clock.advance(days=3)
    outcome = service.record(user.id, record, "A", 3000)
    assert outcome.card_before is None  # started afresh
    with engine.connect() as conn:
        card = conn.execute(select(CardRow.state, CardRow.first_reviewed_at, CardRow.reps)).one()
    assert card.state != 99 and card.first_reviewed_at == first
    assert service.new_today(user) == 0


def _snapshot(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as conn:
        logs = conn.execute(select(func.count()).select_from(ReviewLogRow)).scalar()
        cards = conn.execute(select(CardRow.reps, CardRow.due, CardRow.lapses)).all()
        counts = conn.execute(select(ReviewCountRow.slot, ReviewCountRow.reviews)).all()
    return logs, cards, counts


def test_a_driver_error_on_the_answer_path_is_sqlalchemys(
    service: StudyService, clock: FixedClock, sample_bank: Path, engine: Engine
) -> None:
    """retry.write and the environment messages look for SQLAlchemy's exceptions."""
    service.import_banks([sample_bank])
    user = service.ensure_user("张三")
    record = service.question(service.practice_queue(user)[0])
    outcome = service.record(user.id, record, "A", 3000)
    with engine.connect() as conn:
        uid = conn.execute(select(ReviewLogRow.uid)).scalar_one()
    again = AnswerRecord(
        uid, user.id, record.pk, '"A"', True, 1.0, 3, 3000, clock.now(), outcome.card_after
    )
    with pytest.raises(IntegrityError) as caught:
        retry.write(engine, lambda conn: study_repo.record_answer(conn, again))
    assert not retry.is_transient(caught.value)
