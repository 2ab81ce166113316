"""Schema evolution: a database at every shipped revision upgrades to head without losing a row.

Every migration adds a fixture to ``FIXTURES``: plain SQL inserts valid at that revision (the
tables as that migration leaves them). A migration without one fails
``test_every_migration_has_a_fixture``. The fixtures of all revisions up to a base are applied in
order, so a database at ``0002`` holds the rows of ``0001`` and ``0002``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, DateTime, Engine, bindparam, inspect, text

from jgstudy.core.clock import FixedClock
from jgstudy.core.services import open_services
from jgstudy.core.storage.engine import (
    HEAD_REVISION,
    MIGRATIONS,
    current_revision,
    make_engine,
    upgrade,
)

BEIJING = timezone(timedelta(hours=8), "CST")
T0 = datetime(2026, 3, 1, 1, 0)  # stored as naive UTC, as UTCDateTime does


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


REVISIONS = [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def insert(conn: Connection, table: str, **values: object) -> None:
    """A plain ``INSERT``; datetimes are bound as such so every backend stores them alike."""
    columns = ", ".join(values)
    params = ", ".join(f":{name}" for name in values)
    stmt = text(f"INSERT INTO {table} ({columns}) VALUES ({params})").bindparams(
        *(bindparam(k, type_=DateTime()) for k, v in values.items() if isinstance(v, datetime))
    )
    conn.execute(stmt, values)


def scalar(conn: Connection, sql: str, **params: object) -> int:
    return int(conn.execute(text(sql), params).scalar_one())


def fill_0001(conn: Connection) -> None:
    """A cadre, a bank of two questions with tags, their cards, two answers and an exam."""
    insert(conn, "users", name="张三", unit="审计局", role="cadre", settings="{}", created_at=T0)
    user = scalar(conn, "SELECT id FROM users WHERE name = :n", n="张三")
    insert(
        conn, "banks", id="legacy", title="旧题库", description="", path="", sha256="0" * 64,
        size=0, mtime_ns=0, multiple_scoring="all_or_nothing", question_count=2, imported_at=T0,
    )  # fmt: skip
    for qid, key in (("q1", "A"), ("q2", "B")):
        data = {"id": qid, "stem": f"题目{qid}", "explanation": "解析", "type": "single"}
        data |= {"options": {"A": "甲", "B": "乙"}, "answer": key}
        insert(
            conn, "questions", bank_id="legacy", qid=qid, type="single", difficulty=2,
            content_hash="0" * 16, data=json.dumps(data, ensure_ascii=False),
            search_text=f"题目{qid}", retired=False, created_at=T0, changed_at=None,
        )  # fmt: skip
        pk = scalar(conn, "SELECT pk FROM questions WHERE qid = :q", q=qid)
        insert(conn, "question_tags", question_pk=pk, tag="旧标签")
        insert(
            conn, "cards", user_id=user, question_pk=pk, state=2, step=None, stability=3.0,
            difficulty=5.0, due=T0, last_review=T0, reps=1, lapses=0, right_streak=1,
            in_wrong_book=False, first_reviewed_at=T0,
        )  # fmt: skip
        insert(
            conn, "review_logs", uid=f"log-{qid}", user_id=user, question_pk=pk, attempt_id=None,
            answer=json.dumps(key), correct=True, score=1.0, rating=3, duration_ms=4000,
            reviewed_at=T0,
        )  # fmt: skip
    insert(
        conn, "attempts", uid="exam-1", user_id=user, kind="exam", title="旧考试", config="{}",
        state="{}", started_at=T0, finished_at=T0, score=2.0, max_score=2.0,
    )  # fmt: skip


def fill_0002(conn: Connection) -> None:
    """A competition match and two of its events."""
    insert(
        conn,
        "matches",
        uid="match-1",
        title="知识竞赛",
        config="{}",
        created_at=T0,
        finished_at=None,
    )
    match = scalar(conn, "SELECT id FROM matches WHERE uid = :u", u="match-1")
    for seq, kind in ((1, "start"), (2, "answer")):
        insert(
            conn, "match_events", match_id=match, seq=seq, at=T0, kind=kind, team=1, payload="{}"
        )


def fill_0003_bank_retire(conn: Connection) -> None:
    """A retired bank whose one question was hidden with it."""
    insert(
        conn, "banks", id="retired", title="停用题库", description="", path="", sha256="0" * 64,
        size=0, mtime_ns=0, multiple_scoring="all_or_nothing", question_count=1, imported_at=T0,
        retired_at=T0,
    )  # fmt: skip
    data = {"id": "r1", "stem": "停用的题", "explanation": "解析", "type": "judge", "answer": True}
    insert(
        conn, "questions", bank_id="retired", qid="r1", type="judge", difficulty=2,
        content_hash="0" * 16, data=json.dumps(data, ensure_ascii=False), search_text="停用的题",
        retired=True, retired_with_bank=True, created_at=T0, changed_at=None,
    )  # fmt: skip


def fill_0004_repair_first_reviewed(conn: Connection) -> None:
    """Nothing new in the schema: one more answer, to a card of 0001."""
    user = scalar(conn, "SELECT id FROM users WHERE name = :n", n="张三")
    pk = scalar(conn, "SELECT pk FROM questions WHERE qid = :q", q="q1")
    insert(
        conn, "review_logs", uid="log-q1-again", user_id=user, question_pk=pk, attempt_id=None,
        answer=json.dumps("A"), correct=True, score=1.0, rating=3, duration_ms=3000,
        reviewed_at=T0 + timedelta(hours=1),
    )  # fmt: skip
    conn.execute(text("UPDATE cards SET reps = 2 WHERE question_pk = :pk"), {"pk": pk})


def fill_0005_workbook(conn: Connection) -> None:
    """A star, a note and an open problem report of 张三 on q1."""
    user = scalar(conn, "SELECT id FROM users WHERE name = :n", n="张三")
    pk = scalar(conn, "SELECT pk FROM questions WHERE qid = :q", q="q1")
    insert(conn, "stars", user_id=user, question_pk=pk, created_at=T0)
    insert(conn, "notes", user_id=user, question_pk=pk, text="记住", updated_at=T0)
    insert(
        conn, "problem_reports", user_id=user, question_pk=pk, reason="答案有误",
        created_at=T0, closed_at=None, closed_by="",
    )  # fmt: skip


def fill_0006_study_plans(conn: Connection) -> None:
    """张三's fitted parameters and target date, and the event that set them."""
    user = scalar(conn, "SELECT id FROM users WHERE name = :n", n="张三")
    insert(
        conn, "study_plans", user_id=user, parameters=json.dumps([0.3] * 21), fitted_at=T0,
        target_date=T0.date(), target_recall=0.9,
    )  # fmt: skip
    insert(
        conn, "schedule_events", user_id=user, actor="张三", kind="optimize", at=T0,
        before="default", after=json.dumps([0.3] * 21),
    )  # fmt: skip


def fill_0007_review_counts(conn: Connection) -> None:
    """The quarter-hour counts of the logs the earlier fixtures wrote, as the app keeps them."""
    slot = "CAST(strftime('%s', reviewed_at) AS INTEGER) / 900"
    if conn.dialect.name == "postgresql":
        slot = "CAST(FLOOR(EXTRACT(EPOCH FROM reviewed_at) / 900) AS INTEGER)"
    conn.execute(
        text(
            "INSERT INTO review_counts (user_id, slot, reviews, correct) "
            f"SELECT user_id, {slot}, COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END) "
            f"FROM review_logs GROUP BY user_id, {slot}"
        )
    )


def fill_0008_sibling_cache(conn: Connection) -> None:
    """A relation stored for an earlier state of the banks: the next session finds it again."""
    insert(conn, "sibling_cache", fingerprint="0" * 64, groups=json.dumps([[[1], [2]]]))


def fill_0009_tag_counts(conn: Connection) -> None:
    """Nothing of its own: the migration sums the cards the earlier fixtures wrote, and its
    triggers keep the sums from then on."""


# Add one entry per new migration: the rows a database at that revision may hold.
FIXTURES: dict[str, Callable[[Connection], None]] = {
    "0001": fill_0001,
    "0002": fill_0002,
    "0003_bank_retire": fill_0003_bank_retire,
    "0004_repair_first_reviewed": fill_0004_repair_first_reviewed,
    "0005_workbook": fill_0005_workbook,
    "0006_study_plans": fill_0006_study_plans,
    "0007_review_counts": fill_0007_review_counts,
    "0008_sibling_cache": fill_0008_sibling_cache,
    "0009_tag_counts": fill_0009_tag_counts,
}


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        return {t: scalar(conn, f"SELECT COUNT(*) FROM {t}") for t in tables}


def test_the_migrations_form_one_line_ending_at_head() -> None:
    assert _script().get_heads() == [HEAD_REVISION]
    assert REVISIONS[-1] == HEAD_REVISION


def test_every_migration_has_a_fixture() -> None:
    missing = [rev for rev in REVISIONS if rev not in FIXTURES]
    assert not missing, f"add fill_<rev> to FIXTURES in {__file__} for: {missing}"


@pytest.mark.parametrize("base", REVISIONS)
def test_a_database_at_an_earlier_revision_upgrades_without_losing_rows(
    db_url: str, base: str, clock: FixedClock
) -> None:
    engine = make_engine(db_url)
    upgrade(engine, base)
    with engine.begin() as conn:
        for rev in REVISIONS[: REVISIONS.index(base) + 1]:
            FIXTURES[rev](conn)
    before = counts(engine)
    assert all(before.values()), f"a fixture left a table empty: {before}"
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    after = counts(engine)
    engine.dispose()
    assert {t: after[t] for t in before} == before
    _the_app_works_on(db_url, clock, before["review_logs"])


def _the_app_works_on(url: str, clock: FixedClock, logs: int) -> None:
    services = open_services(url, clock, tz=BEIJING)
    service = services.study
    try:
        user = service.find_user("张三")
        assert user is not None
        assert service.stats(user).total_reviews == logs
        queue = service.practice_queue(user, mode="review")
        assert len(queue) == 2  # both cards were due
        outcome = service.record(user.id, service.question(queue[0]), "A", 3000)
        assert outcome.grade.correct
        assert service.stats(user).total_reviews == logs + 1
    finally:
        services.close()


# -- committed databases of every revision -------------------------------------------------

FIXTURE_DBS = Path(__file__).parents[1] / "data" / "migrations"
# 9709b2b-0001: made by the first commit's 0001, which was later edited in place (no
# cards.first_reviewed_at); the others by tests/data/migrations/make_fixtures.py.
SHIPPED_DATABASES = sorted(FIXTURE_DBS.glob("*.sqlite3"))


def test_every_revision_has_a_committed_fixture_database() -> None:
    missing = [rev for rev in REVISIONS if not (FIXTURE_DBS / f"{rev}.sqlite3").exists()]
    assert not missing, f"run tests/data/migrations/make_fixtures.py and commit: {missing}"


@pytest.mark.parametrize("shipped", SHIPPED_DATABASES, ids=lambda p: p.stem)
def test_a_shipped_database_of_every_revision_upgrades_with_its_data(
    shipped: Path, tmp_path: Path, clock: FixedClock
) -> None:
    """Before 0004: the first commit's database was stamped upgraded, then every statistic
    failed with ``no such column: cards.first_reviewed_at``."""
    db = tmp_path / "jgstudy.sqlite3"
    shutil.copy(shipped, db)
    url = f"sqlite:///{db}"
    engine = make_engine(url)
    before = counts(engine)
    engine.dispose()
    logs = before["review_logs"]
    _the_app_works_on(url, clock, logs)
    engine = make_engine(url)
    after = counts(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        first = conn.execute(text("SELECT MIN(first_reviewed_at) FROM cards")).scalar()
    engine.dispose()
    grown = {"review_logs": logs + 1}
    if "review_counts" in before:  # the new answer's quarter hour may be a row of its own
        assert after["review_counts"] - before["review_counts"] in (0, 1)
        grown["review_counts"] = after["review_counts"]
    assert {t: after[t] for t in before} == {**before, **grown}
    assert first is not None  # filled from the logs where the column was missing


# -- landed migrations never change --------------------------------------------------------

# sha256 of each landed migration (LF line endings). A new migration adds its line when it
# lands; changing a landed one fails here: write a new migration instead (databases at that
# revision already exist and would never run the change - see 0004).
LANDED = {
    "0001_initial_schema.py": "e6caa0009641517ea771ed18f0cecc839479ac5ad036767acffebb0205785874",
    "0002_competition.py": "0420732ea93a6c51fd117a0bcecb13f8456faa5d15354ce36a0e287606cd56a7",
    "0003_bank_retire.py": "9a1be3f09161bd7e586f5b71456922415e02d7e46c46e96585783798e68ec592",
    "0004_repair_first_reviewed.py": (
        "5188a10030d4f3d079e8130b682852f9cdd2f788ca1f0a19d34d9629b733149d"
    ),
    "0005_workbook.py": "7a13cd8d4ea18c1fce59b2caaf934c6e741df77dfa15e089e63c6e9732f68dae",
    "0006_study_plans.py": "dda7885a7230f6525f8816c9536f3f890c31647a3b4de7856bbae137ab4146c7",
    "0007_review_counts.py": "2edc57b405aed57f14134e07d71a8f6b56389bde444f58de082a816f1674a068",
    "0008_sibling_cache.py": "7afd5819e9485c506bc1ade213b4ac31648dcc5fe1b46af3a57d022d31a97cc8",
    "0009_tag_counts.py": "a6284d1309f724a5de99b2f30a592d81ac2dad09b6359292ef65d7838f0d7560",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def test_landed_migrations_are_never_edited() -> None:
    files = {p.name: _digest(p) for p in (MIGRATIONS / "versions").glob("*.py")}
    changed = [name for name, digest in LANDED.items() if files.get(name) != digest]
    assert not changed, f"landed migrations changed or removed (add a new one instead): {changed}"
    unlisted = sorted(set(files) - set(LANDED))
    assert not unlisted, f"add the sha256 of each new migration to LANDED: {unlisted}"
