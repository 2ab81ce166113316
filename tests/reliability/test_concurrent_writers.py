"""Concurrent writers: no answer the screen acknowledged is ever dropped.

On SQLite a writer holding the lock longer than the busy timeout (a long merge, a backup step) no
longer kills a practising cadre's answer: the write is retried with backoff. On PostgreSQL two
desktops answering as the same cadre no longer race on the card insert: it is an upsert.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jgstudy.core.clock import FixedClock
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.services import Services, open_services
from jgstudy.core.storage import engine as engine_mod
from jgstudy.core.storage.schema import CardRow, ReviewLogRow
from peek import engine_of


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_answer_waits_out_a_lock_held_past_the_busy_timeout(
    db_url: str, many_bank: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ``database is locked`` after the busy timeout, and the answer was lost."""
    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 100)
    services = open_services(db_url, clock)
    service = services.study
    try:
        service.import_banks([many_bank])
        user = service.ensure_user("张三")
        record = service.question(service.practice_queue(user, mode="new")[0])
        holder = sqlite3.connect(
            db_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
        )
        holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long merge step holds it
        release = threading.Timer(1.5, holder.execute, args=("COMMIT",))
        release.start()
        started = time.monotonic()
        outcome = service.record(user.id, record, "A", 1000)
        assert time.monotonic() - started >= 1.0  # it did wait for the lock
        release.join()
        holder.close()
        with engine_of(services).connect() as conn:
            stored = conn.execute(select(ReviewLogRow.id)).scalars().all()
        assert stored == [outcome.log_id]
    finally:
        services.close()


def test_two_desktops_answering_as_one_cadre_lose_nothing(
    db_url: str, many_bank: Path, clock: FixedClock
) -> None:
    """Before on PostgreSQL: ``UniqueViolation cards_pkey`` when both inserted the new card."""
    setup = open_services(db_url, clock)
    setup.study.import_banks([many_bank])
    pks = setup.study.practice_queue(setup.study.ensure_user("张三"), mode="new", new_per_day=30)
    setup.close()
    desks = [open_services(db_url, clock, scheduler=Scheduler(fuzz=False)) for _ in (1, 2)]
    barrier = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def answer(desk: Services) -> None:
        try:
            user = desk.study.ensure_user("张三")
            for pk in pks:
                record = desk.study.question(pk)
                barrier.wait()  # both answer the same new question at the same moment
                desk.study.record(user.id, record, "A", 1000)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=answer, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        with engine_of(desks[0]).connect() as conn:
            logs = conn.execute(select(func.count()).select_from(ReviewLogRow)).scalar()
            cards = conn.execute(select(func.count()).select_from(CardRow)).scalar()
        assert logs == 2 * len(pks)
        assert cards == len(pks)
    finally:
        for desk in desks:
            desk.close()


def test_two_desktops_creating_the_same_new_cadre_at_once_get_one_cadre(
    db_url: str, clock: FixedClock
) -> None:
    """Before: one of them failed on the unique name."""
    open_services(db_url, clock).close()  # migrated before the race
    desks = [open_services(db_url, clock) for _ in range(4)]
    barrier = threading.Barrier(len(desks), timeout=30)
    ids: list[int] = []
    errors: list[BaseException] = []

    def create(desk: Services, name: str) -> None:
        try:
            barrier.wait()
            ids.append(desk.study.ensure_user(name, "审计局").id)
        except BaseException as exc:
            errors.append(exc)

    try:
        for round_ in range(10):
            threads = [threading.Thread(target=create, args=(d, f"新学员{round_}")) for d in desks]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            barrier.reset()
        assert errors == []
        assert len(set(ids)) == 10 and len(ids) == 40
    finally:
        for desk in desks:
            desk.close()


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_cadre_practises_while_a_large_merge_runs(
    db_url: str,
    many_bank: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scenario of the issue: a long merge and a practising cadre on one SQLite file, with a
    busy timeout far shorter than the merge. Every answer is stored, and the whole file too."""
    from jgstudy.core.scores import merge_file
    from peek import engine_of as engine

    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 200)
    at = clock.now().isoformat()
    questions = [{"bank_id": "many", "qid": f"q{i:04d}", "content_hash": "x"} for i in range(100)]
    logs = [
        {"uid": f"l{i}", "question": i % 100, "answer": "B", "correct": False, "score": 0.0,
         "rating": 1, "duration_ms": 500, "reviewed_at": at}
        for i in range(30_000)
    ]  # fmt: skip
    scores = {"format": "jgstudy-scores", "version": 1, "exported_at": at}
    scores |= {"profile": {"name": "李四"}, "questions": questions, "review_logs": logs}
    (tmp_path / "li.json").write_text(json.dumps(scores, ensure_ascii=False), encoding="utf-8")

    trainer = open_services(db_url, clock)
    trainer.study.import_banks([many_bank])
    zhang = trainer.study.ensure_user("张三")
    queue = trainer.study.practice_queue(zhang, mode="new", new_per_day=100)
    merged: list[object] = []
    merging = threading.Thread(
        target=lambda: merged.append(merge_file(engine(trainer), tmp_path / "li.json", clock.now()))
    )
    try:
        merging.start()
        answered = 0
        while merging.is_alive() or answered < 20:
            trainer.study.record(zhang.id, trainer.study.question(queue[answered % 100]), "A", 900)
            answered += 1
        merging.join()
        # Counted with the standard library on a fresh connection: what is on disk.
        raw = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        logs = dict(raw.execute("SELECT user_id, COUNT(*) FROM review_logs GROUP BY user_id"))
        raw.close()
        assert logs[zhang.id] == answered
        assert sum(logs.values()) == answered + 30_000
        assert merged and merged[0].logs_added == 30_000
    finally:
        trainer.close()
