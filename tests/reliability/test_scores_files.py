"""Scores files from outside: validated completely, located problems, caps, ownership, names.

Each file is all or nothing: a bad one writes nothing, is reported with where its problem is,
and the merge goes on with the next file. A file changes only the cadre it is for.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.exc import OperationalError

from jgstudy.cli.main import main
from jgstudy.core.clock import FixedClock
from jgstudy.core.reports import ReportFilter, build_report
from jgstudy.core.reports.csv_out import write_csv
from jgstudy.core.reports.xlsx import write_xlsx
from jgstudy.core.scores import ScoresFileError, dump, export_scores, load, merge_file
from jgstudy.core.scores import merge as merge_mod
from jgstudy.core.scores.fileformat import MAX_BYTES
from jgstudy.core.service import StudyService
from jgstudy.core.storage.schema import AttemptRow, ReviewLogRow, UserRow
from peek import engine_of

DAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def log(uid: str, **changes: Any) -> dict[str, Any]:
    entry = {"uid": uid, "question": 0, "answer": "C", "correct": True, "score": 1.0}
    entry |= {"rating": 3, "duration_ms": 3000, "reviewed_at": DAY.isoformat()}
    return entry | changes


def card(**changes: Any) -> dict[str, Any]:
    entry = {"question": 0, "state": 2, "step": None, "stability": 3.2, "difficulty": 5.0}
    entry |= {"due": (DAY + timedelta(days=3)).isoformat(), "last_review": DAY.isoformat()}
    return entry | changes


def scores(name: str = "王五", **sections: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"format": "jgstudy-scores", "version": 1}
    data |= {"exported_at": DAY.isoformat(), "profile": {"name": name, "unit": "审计局"}}
    data |= {"questions": [{"bank_id": "sample", "qid": "s1", "content_hash": "x"}]}
    return data | sections


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def trainer(service: StudyService, sample_bank: Path) -> StudyService:
    service.import_banks([sample_bank])
    return service


def logs_of(service: StudyService) -> int:
    with engine_of(service).connect() as conn:
        return len(conn.execute(select(ReviewLogRow.id)).all())


BAD_RECORDS = {
    "a card state of 99": ({"cards": [card(state=99)]}, "cards[0].state"),
    "NaN": ('{"review_logs": [LOG_NAN]}', "NaN"),
    "a huge number": ({"review_logs": [log("a", score=1e300)]}, "review_logs[0].score"),
    "a negative duration": ({"review_logs": [log("a", duration_ms=-5)]}, "duration_ms"),
    "the year 1": ({"review_logs": [log("a", reviewed_at="0001-01-01T00:00:00+00:00")]}, "2000"),
    "the year 9999": ({"cards": [card(due="9999-12-31T00:00:00+00:00")]}, "cards[0].due"),
    "a duplicate uid": ({"review_logs": [log("a"), log("a")]}, "review_logs[1].uid"),
    "a 400-digit integer": ({"review_logs": [log("a", rating=10**400)]}, "rating"),
    "a name with ESC": ({"profile": {"name": "王\x1b]52;c;aGk=\x07五"}}, "profile.name"),
    "a name with U+202E": ({"profile": {"name": "王\u202e五"}}, "U+202E"),
    "a name with NUL": ({"profile": {"name": "王\x00五"}}, "U+0000"),
}


def _bad_file(path: Path, case: str) -> Path:
    sections, _where = BAD_RECORDS[case]
    if isinstance(sections, str):  # raw JSON: NaN cannot be written by json.dumps(allow_nan=False)
        text = json.dumps(scores(review_logs=["LOG"]))
        text = text.replace('"LOG"', json.dumps(log("a")).replace("1.0", "NaN", 1))
        path.write_text(text, encoding="utf-8")
        return path
    return write(path, scores(**sections))


@pytest.mark.parametrize("case", BAD_RECORDS)
def test_a_bad_record_is_located_and_the_next_file_still_merges(
    case: str, tmp_path: Path, sample_bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a traceback aborted the whole batch, or (state 99) it merged and broke reports."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(sample_bank)]) == 0
    bad = _bad_file(tmp_path / "bad.json", case)
    good = write(tmp_path / "good.json", scores("赵六", review_logs=[log("b")]))
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "merge-scores", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert BAD_RECORDS[case][1] in err
    assert "bad.json" in err and "Traceback" not in err
    assert "good.json：赵六" in out
    db = folder / "jgstudy.sqlite3"
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM users")]
        assert names == ["赵六"]  # nothing of the bad file
    finally:
        conn.close()


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ScoresFileError, match="嵌套"):
        load(path)


def _bomb(path: Path, size: int) -> Path:
    """A gzip file of ``size`` zero bytes, written without holding them in memory."""
    with gzip.open(path, "wb") as out:
        block = bytes(1024 * 1024)
        for _ in range(size // len(block)):
            out.write(block)
    return path


def test_a_gzip_bomb_stops_at_the_cap_without_expanding(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.json.gz", 512 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ScoresFileError, match="解压后超过 64 MB"):
            load(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_BYTES  # never the 512 MB


def test_a_plain_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 10)  # sparse: no disk used
    with pytest.raises(ScoresFileError, match="文件超过 64 MB"):
        load(big)


def test_a_truncated_gzip_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cut.json.gz"
    path.write_bytes(gzip.compress(json.dumps(scores()).encode())[:40])
    with pytest.raises(ScoresFileError, match="无法读取"):
        load(path)
    path.write_bytes(b"\x1f\x8b" + zlib.compress(b"junk"))
    with pytest.raises(ScoresFileError, match="无法读取"):
        load(path)


def test_every_problem_of_a_file_is_listed_with_its_place(tmp_path: Path) -> None:
    data = scores(review_logs=[log("a", rating=9), log("b", score=-1)], cards=[card(state=0)])
    with pytest.raises(ScoresFileError) as caught:
        load(write(tmp_path / "x.json", data))
    places = [p.split("：")[0] for p in caught.value.problems]
    assert places == ["review_logs[0].rating", "review_logs[1].score", "cards[0].state"]
    assert "应不大于 4" in str(caught.value)


# -- ownership -------------------------------------------------------------------------------


def test_a_file_cannot_touch_another_cadres_attempt_or_log(
    trainer: StudyService, tmp_path: Path
) -> None:
    """Before: ``_merge_attempts`` updated by uid alone and rewrote 张三's exam result."""
    zhang = trainer.ensure_user("张三")
    with engine_of(trainer).begin() as conn:
        conn.execute(
            AttemptRow.__table__.insert().values(  # type: ignore[attr-defined]
                uid="e1", user_id=zhang.id, kind="exam", title="考试", started_at=DAY
            )
        )
    record = trainer.question(trainer.practice_queue(zhang, mode="new")[0])
    outcome = trainer.record(zhang.id, record, "A", 1000)
    with engine_of(trainer).connect() as conn:
        zhang_log = conn.execute(
            select(ReviewLogRow.uid).where(ReviewLogRow.id == outcome.log_id)
        ).scalar_one()
    attempt = {"uid": "e1", "kind": "exam", "title": "改过的", "started_at": DAY.isoformat()}
    attempt |= {"finished_at": (DAY + timedelta(hours=1)).isoformat(), "score": 100.0}
    attempt |= {"max_score": 100.0}
    hostile = scores(
        "李四",
        attempts=[attempt],
        review_logs=[log(zhang_log, correct=False), log("l2", attempt="e1")],
    )
    result = merge_file(engine_of(trainer), write(tmp_path / "li.json", hostile), DAY)
    assert len(result.foreign) == 3
    with engine_of(trainer).connect() as conn:
        row = conn.execute(select(AttemptRow).where(AttemptRow.uid == "e1")).one()
        logs = conn.execute(select(ReviewLogRow.uid, ReviewLogRow.user_id)).all()
    assert (row.user_id, row.title, row.finished_at, row.score) == (zhang.id, "考试", None, 0.0)
    assert sorted(logs) == [(zhang_log, zhang.id)]


def test_a_name_with_a_trailing_space_is_the_same_cadre(
    trainer: StudyService, tmp_path: Path
) -> None:
    trainer.ensure_user("张三")
    result = merge_file(engine_of(trainer), write(tmp_path / "z.json", scores("张三 ")), DAY)
    assert not result.created_user
    assert [u.name for u in trainer.users()] == ["张三"]
    assert trainer.ensure_user(" 张三\u3000").name == "张三"
    decomposed = "e\u0301"  # NFD of é
    assert trainer.ensure_user(decomposed).name == "\u00e9"


# -- reports over what is already stored -----------------------------------------------------


def test_reports_survive_bad_values_already_in_the_database(
    trainer: StudyService, tmp_path: Path, clock: FixedClock
) -> None:
    """Before: a stored card state of 99 failed every report (``99 is not a valid State``), a
    name with control characters failed the xlsx report (IllegalCharacterError)."""
    user = trainer.ensure_user("正常")
    pks = trainer.practice_queue(user, mode="new")[:2]
    for pk in pks:
        trainer.record(user.id, trainer.question(pk), "A", 1000)
    with engine_of(trainer).begin() as conn:
        conn.exec_driver_sql("UPDATE cards SET state = 99")
        nul = "\x00" if conn.dialect.name == "sqlite" else ""  # PostgreSQL text has no NUL
        conn.execute(update(UserRow).values(name=f"王\x1b\x07{nul}\u202e五"))
    report = build_report(engine_of(trainer), ReportFilter(min_answers=1), clock.now())
    write_xlsx(report, tmp_path / "r.xlsx")
    write_csv(report, tmp_path / "r.csv")
    assert "王" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert trainer.stats(user, knowledge=True).total_reviews == 2
    outcome = trainer.record(user.id, trainer.question(pks[0]), "A", 1000)  # practice goes on
    assert outcome.card_after.state.state in (1, 2, 3)


# -- bounded transactions --------------------------------------------------------------------


def test_a_large_merge_commits_in_bounded_steps(
    trainer: StudyService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: one transaction for the whole file held the write lock past the busy timeout."""
    monkeypatch.setattr(merge_mod, "STEP", 100)
    many = scores(review_logs=[log(f"u{i}") for i in range(1000)])
    commits: list[int] = []
    event.listen(engine_of(trainer), "commit", lambda _conn: commits.append(1))
    result = merge_file(engine_of(trainer), write(tmp_path / "m.json", many), DAY)
    assert result.logs_added == 1000 and logs_of(trainer) == 1000
    assert len(commits) >= 10


def test_merge_results_count_a_retried_step_once(
    trainer: StudyService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jgstudy.core.storage import scores_repo as repo

    real = repo.insert_logs
    calls = {"n": 0}

    def flaky(conn: Any, rows: Any) -> None:
        real(conn, rows)
        calls["n"] += 1
        if calls["n"] == 1:  # after the rows were written: the transaction must roll back
            locked = sqlite3.OperationalError("database is locked")
            raise OperationalError("INSERT", {}, locked)

    monkeypatch.setattr(repo, "insert_logs", flaky)
    monkeypatch.setattr("jgstudy.core.storage.retry.time.sleep", lambda _s: None)
    data = scores(review_logs=[log("a"), log("b")])
    result = merge_file(engine_of(trainer), write(tmp_path / "r.json", data), DAY)
    assert calls["n"] == 2
    assert result.logs_added == 2 and logs_of(trainer) == 2


def test_an_exported_file_round_trips_through_validation(
    trainer: StudyService, tmp_path: Path
) -> None:
    user = trainer.ensure_user("张三", "审计局")
    for pk in trainer.practice_queue(user, mode="new"):
        trainer.record(user.id, trainer.question(pk), "A", 1000)
    with engine_of(trainer).connect() as conn:
        exported = export_scores(conn, "张三", DAY)
    dump(exported, tmp_path / "z.json.gz")
    assert load(tmp_path / "z.json.gz") == exported


def test_a_file_cannot_create_a_trainer_or_administrator(
    trainer: StudyService, tmp_path: Path
) -> None:
    data = scores("冒充者")
    data["profile"]["role"] = "admin"
    result = merge_file(engine_of(trainer), write(tmp_path / "a.json", data), DAY)
    assert result.created_user
    assert [(u.name, u.role) for u in trainer.users()] == [("冒充者", "cadre")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "文件不存在"),
        (b"", "文件是空的"),
        (b"  \n", "文件是空的"),
        ('{"format": "成绩"}'.encode("gbk"), "不是 UTF-8 编码的文本"),
        (b'{"format": "jgstudy-scores",\n "version": 1,,}', "不是有效的 JSON，错在第 2 行第 15 列"),
        (gzip.compress(b'{"format": 1}')[:12], "压缩文件已损坏或不完整"),
        ("folder", "这是一个文件夹"),
    ],
)
def test_why_a_file_cannot_be_read_is_said_in_chinese(
    tmp_path: Path, content: bytes | str | None, reason: str
) -> None:
    """A trainer picks the wrong file: the reason in words, not Python's English."""
    path = tmp_path / "成绩.json"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ScoresFileError) as caught:
        load(path)
    assert str(caught.value) == f"成绩.json：无法读取（{reason}）"
