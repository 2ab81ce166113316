"""Scores files: export from a desktop, merge into the trainer's database (SQLite and PostgreSQL)."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from data.reports.seed import BANK
from jgstudy.core.clock import FixedClock
from jgstudy.core.grading import Response
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.scores import (
    ScoresFile,
    ScoresFileError,
    dump,
    export_scores,
    load,
    merge_file,
)
from jgstudy.core.service import StudyService
from jgstudy.core.services import open_services
from jgstudy.core.storage.schema import AttemptRow, QuestionRow, ReviewLogRow
from peek import clock_of, context_of, engine_of

BEIJING = timezone(timedelta(hours=8))
DAY1 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
DAY2 = DAY1 + timedelta(days=1)
SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
NAME = "张伟"


def open_db(url: str, *banks: Path) -> StudyService:
    services = open_services(url, FixedClock(DAY1), scheduler=Scheduler(fuzz=False))
    service = services.study
    service.import_banks(list(banks))
    return service


@pytest.fixture
def desktops(tmp_path: Path) -> Iterator[list[StudyService]]:
    """Two desktops of the same cadre that never saw each other's answers."""
    made = [open_db(f"sqlite:///{tmp_path / f'desk{i}.sqlite3'}", BANK) for i in (1, 2)]
    yield made
    for service in made:
        context_of(service).close()


@pytest.fixture
def trainer(service: StudyService) -> StudyService:
    service.import_banks([BANK])
    return service


def pk(service: StudyService, bank: str, qid: str) -> int:
    query = select(QuestionRow.pk).where(QuestionRow.bank_id == bank, QuestionRow.qid == qid)
    with engine_of(service).connect() as conn:
        return int(conn.execute(query).scalar_one())


def answer(
    service: StudyService, qid: str, given: Response, at: datetime, bank: str = "rpt"
) -> int:
    user = service.ensure_user(NAME, "审计局")
    clock_of(service).set(at)
    return service.record(user.id, service.question(pk(service, bank, qid)), given, 6_000).log_id


def exam(service: StudyService, at: datetime, finished: bool) -> str:
    """An exam attempt with one answer; returns its uid."""
    user = service.ensure_user(NAME, "审计局")
    uid = uuid.uuid4().hex
    values = {"uid": uid, "user_id": user.id, "kind": "exam", "title": "测试", "started_at": at}
    with engine_of(service).begin() as conn:
        key = conn.execute(insert(AttemptRow).values(**values)).inserted_primary_key
    assert key is not None
    log = answer(service, "q2", "B", at + timedelta(minutes=1))
    with engine_of(service).begin() as conn:
        tie = update(ReviewLogRow).where(ReviewLogRow.id == log).values(attempt_id=key[0])
        conn.execute(tie)
    if finished:
        finish(service, uid, at + timedelta(minutes=5))
    return uid


def finish(service: StudyService, uid: str, at: datetime) -> None:
    with engine_of(service).begin() as conn:
        values = {"finished_at": at, "score": 1.0, "max_score": 1.0}
        conn.execute(update(AttemptRow).where(AttemptRow.uid == uid).values(**values))


def export(service: StudyService, path: Path) -> Path:
    with engine_of(service).connect() as conn:
        dump(export_scores(conn, NAME, DAY2 + timedelta(days=1)), path)
    return path


def snapshot(service: StudyService) -> dict[str, Any]:
    """Everything about the cadre, keyed by question ids, not database keys."""
    with engine_of(service).connect() as conn:
        return export_scores(conn, NAME, DAY1).model_dump(exclude={"exported_at"})


def test_a_merge_reproduces_the_desktops_history(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    desk = desktops[0]
    answer(desk, "q1", "A", DAY1)
    answer(desk, "q1", "B", DAY2)
    exam(desk, DAY2 + timedelta(hours=2), finished=True)
    result = merge_file(engine_of(trainer), export(desk, tmp_path / "s.json.gz"), DAY2)
    assert (result.created_user, result.logs_added, result.attempts_added) == (True, 3, 1)
    assert gzip.decompress((tmp_path / "s.json.gz").read_bytes())  # really compressed
    assert snapshot(trainer) == snapshot(desk)
    user = trainer.find_user(NAME)
    assert user is not None and user.unit == "审计局"
    assert trainer.stats(user).total_reviews == 3  # the counters the statistics read


def test_merging_the_same_file_twice_adds_nothing(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    answer(desktops[0], "q1", "A", DAY1)
    exam(desktops[0], DAY2, finished=True)
    path = export(desktops[0], tmp_path / "s.json")
    merge_file(engine_of(trainer), path, DAY2)
    before = snapshot(trainer)
    again = merge_file(engine_of(trainer), path, DAY2)
    assert (again.logs_added, again.logs_present, again.attempts_added) == (0, 2, 0)
    assert (again.attempts_updated, again.cards_replaced, again.created_user) == (0, 0, False)
    assert snapshot(trainer) == before


def two_desktop_files(desktops: list[StudyService], tmp_path: Path) -> tuple[Path, Path]:
    first, second = desktops
    answer(first, "q1", "A", DAY1)
    answer(first, "q2", "A", DAY1 + timedelta(minutes=1))  # wrong on the first desktop
    answer(second, "q2", "B", DAY2)  # right, a day later, on the second
    answer(second, "q3", "D", DAY2 + timedelta(minutes=1))
    return export(first, tmp_path / "a.json"), export(second, tmp_path / "b.json")


def test_merge_order_does_not_matter(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    a, b = two_desktop_files(desktops, tmp_path)
    other = open_db(f"sqlite:///{tmp_path / 'other.sqlite3'}", BANK)
    try:
        for path in (a, b):
            merge_file(engine_of(trainer), path, DAY2)
        for path in (b, a):
            merge_file(engine_of(other), path, DAY2)
        assert snapshot(trainer) == snapshot(other)
    finally:
        context_of(other).close()


def test_the_later_card_wins_and_counters_follow_the_logs(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    a, b = two_desktop_files(desktops, tmp_path)
    merge_file(engine_of(trainer), b, DAY2)
    older = merge_file(engine_of(trainer), a, DAY2)
    assert older.cards_replaced == 1  # q1 only: the q2 card of b is newer
    cards = {c["question"]: c for c in snapshot(trainer)["cards"]}
    refs = [f"{q['bank_id']}/{q['qid']}" for q in snapshot(trainer)["questions"]]
    q2 = cards[refs.index("rpt/q2")]
    assert q2["last_review"] == DAY2
    assert (q2["reps"], q2["lapses"], q2["first_reviewed_at"]) == (
        2,
        1,
        DAY1 + timedelta(minutes=1),
    )
    user = trainer.find_user(NAME)
    assert user is not None and trainer.stats(user).total_reviews == 4


def test_answers_to_questions_of_a_missing_bank_are_skipped_and_reported(
    tmp_path: Path, trainer: StudyService
) -> None:
    desk = open_db(f"sqlite:///{tmp_path / 'd.sqlite3'}", BANK, SAMPLE)
    try:
        answer(desk, "q1", "A", DAY1)
        answer(desk, "s1", "C", DAY1 + timedelta(minutes=1), bank="sample")
        path = export(desk, tmp_path / "s.json")
    finally:
        context_of(desk).close()
    result = merge_file(engine_of(trainer), path, DAY2)
    assert (result.logs_added, result.logs_unknown, result.missing_banks) == (1, 1, ["sample"])
    trainer.import_banks([SAMPLE])
    later = merge_file(engine_of(trainer), path, DAY2)
    assert (later.logs_added, later.logs_present, later.logs_unknown) == (1, 1, 0)


def test_a_finished_exam_replaces_the_unfinished_copy_never_the_reverse(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    desk = desktops[0]
    uid = exam(desk, DAY1, finished=False)
    unfinished = export(desk, tmp_path / "early.json")
    finish(desk, uid, DAY1 + timedelta(minutes=30))
    finished = export(desk, tmp_path / "late.json")
    merge_file(engine_of(trainer), unfinished, DAY2)
    assert merge_file(engine_of(trainer), finished, DAY2).attempts_updated == 1
    assert merge_file(engine_of(trainer), unfinished, DAY2).attempts_updated == 0
    (attempt,) = snapshot(trainer)["attempts"]
    assert attempt["finished_at"] == DAY1 + timedelta(minutes=30)


def test_an_existing_cadre_is_matched_by_name(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    trainer.ensure_user(NAME)  # registered without a unit
    answer(desktops[0], "q1", "A", DAY1)
    result = merge_file(engine_of(trainer), export(desktops[0], tmp_path / "s.json"), DAY2)
    assert not result.created_user
    assert [(u.name, u.unit) for u in trainer.users()] == [(NAME, "审计局")]


def test_questions_edited_since_are_merged_and_reported(
    desktops: list[StudyService], trainer: StudyService, tmp_path: Path
) -> None:
    answer(desktops[0], "q1", "A", DAY1)
    with engine_of(trainer).begin() as conn:
        conn.execute(update(QuestionRow).where(QuestionRow.qid == "q1").values(content_hash="x"))
    result = merge_file(engine_of(trainer), export(desktops[0], tmp_path / "s.json"), DAY2)
    assert result.logs_added == 1
    assert [q.qid for q in result.changed_questions] == ["q1"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "无法读取"),
        (b'{"format": "other"}', "不是 jgstudy 成绩文件"),
        (b'{"format": "jgstudy-scores", "version": 2}', "版本 2 不受支持"),
    ],
)
def test_files_that_are_not_scores_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "x.json").write_bytes(content)
    with pytest.raises(ScoresFileError, match=message):
        load(tmp_path / "x.json")


def test_a_log_pointing_past_the_questions_is_refused(tmp_path: Path) -> None:
    log = {"uid": "a", "question": 3, "answer": "A", "correct": True, "score": 1.0}
    log |= {"rating": 3, "duration_ms": 1, "reviewed_at": DAY1.isoformat()}
    data = {"format": "jgstudy-scores", "version": 1, "exported_at": DAY1.isoformat()}
    data |= {"profile": {"name": NAME}, "review_logs": [log]}
    (tmp_path / "x.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScoresFileError, match="超出范围"):
        load(tmp_path / "x.json")
    assert ScoresFile(exported_at=DAY1, profile={"name": NAME}).version == 1  # type: ignore[arg-type]
