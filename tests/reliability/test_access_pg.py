"""Least privilege on an organ's shared PostgreSQL: the database itself refuses what a login may
not do, whatever SQL is sent.

Runs against the throwaway server of .ci/run (JGSTUDY_TEST_PG_URL, a superuser): a fresh
database per test module, provisioned, with a trainer and cadres in two units.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from jgstudy.core import access
from jgstudy.core.clock import FixedClock
from jgstudy.core.errors import AccessError
from jgstudy.core.reports.data import ReportFilter
from jgstudy.core.scheduling import Scheduler
from jgstudy.core.services import Services, open_services

DATA = Path(__file__).parents[1] / "data"
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
BEIJING = timezone(timedelta(hours=8), "CST")

PG_URL = os.environ.get("JGSTUDY_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(PG_URL is None, reason="needs JGSTUDY_TEST_PG_URL"),
]
SAMPLE = DATA / "banks" / "sample.yaml"


@dataclass
class Organ:
    admin: str
    urls: dict[str, str]  # person → their own URL
    ids: dict[str, int]
    logins: dict[str, access.Login]


def url_for(admin: str, login: access.Login) -> str:
    url = make_url(admin).set(username=login.login, password=login.password)
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def organ() -> Iterator[Organ]:
    assert PG_URL is not None
    name = f"jgstudy_acl_{uuid.uuid4().hex[:10]}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield _staff(admin)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def _staff(admin: str) -> Organ:
    with _open(admin) as services:
        services.study.import_banks([SAMPLE])
    access.provision(admin)
    people = {
        "培训师甲": ("trainer", "市审计局"),
        "学员甲": ("cadre", "市审计局"),
        "学员乙": ("cadre", "市审计局"),
        "学员丙": ("cadre", "市财政局"),
    }
    # Login names are unique per cluster: tests of several modules must not collide.
    tag = uuid.uuid4().hex[:6]
    logins = {
        name: access.add_user(admin, name, kind, unit, login=f"jgt_{tag}_{index}")
        for index, (name, (kind, unit)) in enumerate(people.items())
    }
    urls = {name: url_for(admin, login) for name, login in logins.items()}
    ids: dict[str, int] = {}
    for name in people:
        if people[name][0] == "cadre":
            with _open(urls[name]) as services:
                ids[name] = _answer_one(services, name)
    return Organ(admin, urls, ids, logins)


class _open:
    """Services over a URL as the app builds them (a context manager that closes them)."""

    def __init__(self, url: str) -> None:
        clock = FixedClock(START)
        self.services = open_services(url, clock, BEIJING, scheduler=Scheduler(fuzz=False))

    def __enter__(self) -> Services:
        return self.services

    def __exit__(self, *_exc: object) -> None:
        self.services.close()


def _answer_one(services: Services, name: str) -> int:
    study = services.study
    user = study.find_user(name)
    assert user is not None
    record = study.question(study.practice_queue(user, limit=1)[0])
    study.record(user.id, record, "A", 3000)
    return user.id


def _raw(url: str, statement: str, **params: object) -> list[tuple[object, ...]] | int:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else result.rowcount
    finally:
        engine.dispose()


def test_a_cadre_practises_through_the_app_as_themselves(organ: Organ) -> None:
    with _open(organ.urls["学员甲"]) as services:
        user = services.study.find_user("学员甲")
        assert user is not None
        assert services.study.stats(user).total_reviews == 1
        assert [u.name for u in services.study.users()] == ["学员甲"]  # nobody else visible


@pytest.mark.parametrize(
    "table", ["review_logs", "cards", "attempts", "users", "tag_counts"], ids=lambda t: t
)
def test_a_cadre_cannot_read_another_cadres_rows(organ: Organ, table: str) -> None:
    column = "id" if table == "users" else "user_id"
    other = organ.ids["学员乙"]
    seen = _raw(organ.urls["学员甲"], f"SELECT count(*) FROM {table} WHERE {column} = :u", u=other)
    assert seen == [(0,)]
    total = _raw(organ.admin, f"SELECT count(*) FROM {table} WHERE {column} = :u", u=other)
    assert total != [(0,)] or table == "attempts"  # the rows are there, just not for 学员甲


def test_a_cadre_cannot_change_or_delete_another_cadres_rows(organ: Organ) -> None:
    other, url = organ.ids["学员乙"], organ.urls["学员甲"]
    assert _raw(url, "UPDATE cards SET reps = 99 WHERE user_id = :u", u=other) == 0
    assert _raw(url, "DELETE FROM review_logs WHERE user_id = :u", u=other) == 0
    assert _raw(url, "UPDATE users SET settings = 'x' WHERE id = :u", u=other) == 0
    with pytest.raises(DBAPIError, match="row-level security"):
        _raw(
            url,
            "INSERT INTO review_logs (uid, user_id, question_pk, answer, correct, score, rating, "
            "duration_ms, reviewed_at) SELECT 'forged', :u, pk, 'A', true, 1, 3, 1, now() "
            "FROM questions LIMIT 1",
            u=other,
        )
    assert _raw(organ.admin, "SELECT max(reps) FROM cards WHERE user_id = :u", u=other) == [(1,)]
    assert _raw(organ.admin, "SELECT count(*) FROM review_logs WHERE user_id = :u", u=other) == [
        (1,)
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM access_roles",
        "UPDATE banks SET title = 'x'",
        "DELETE FROM questions",
        "INSERT INTO users (name, unit, role, settings, created_at) "
        "VALUES ('冒名', '', 'cadre', '{}', now())",
        "SELECT * FROM matches",
    ],
)
def test_a_cadre_touches_nothing_but_their_own_rows(organ: Organ, statement: str) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        _raw(organ.urls["学员甲"], statement)


def test_the_trainer_reports_on_their_unit_only(organ: Organ) -> None:
    with _open(organ.urls["培训师甲"]) as services:
        report = services.reports.build(ReportFilter())
        assert {c.name for c in report.cadres} >= {"学员甲", "学员乙"}
        assert "学员丙" not in {c.name for c in report.cadres}
        assert services.reports.units() == ["市审计局"]
    seen = _raw(organ.urls["培训师甲"], "SELECT DISTINCT user_id FROM review_logs")
    assert isinstance(seen, list)
    assert {row[0] for row in seen} == {organ.ids["学员甲"], organ.ids["学员乙"]}


def test_the_trainers_readiness_names_their_units_cadres_behind_plan(organ: Organ) -> None:
    """备考准备: a trainer's own login reads their unit only, so it may name who is behind."""
    target = date(2026, 4, 20)
    for name in ("学员甲", "学员丙"):
        with _open(organ.urls[name]) as services:
            user = services.study.find_user(name)
            assert user is not None
            services.plans.set_target(user, target, 0.9, actor=name)
    with _open(organ.urls["培训师甲"]) as services:
        cohort = services.reports.build(ReportFilter()).cohort
    assert cohort is not None
    (unit,) = cohort.units
    assert (unit.unit, unit.planned, unit.names_shown) == ("市审计局", 1, True)
    assert [b.name for b in unit.behind] == ["学员甲"]  # one answer, 2 months of questions ahead
    with _open(organ.urls["学员丙"]) as services:
        own = services.reports.build(ReportFilter()).cohort
    assert own is not None and own.behind == ()  # a cadre's login names nobody
    assert [u.behind_count for u in own.units] == [1]


def test_the_trainer_cannot_change_another_units_rows(organ: Organ) -> None:
    other = organ.ids["学员丙"]
    url = organ.urls["培训师甲"]
    assert _raw(url, "UPDATE cards SET reps = 99 WHERE user_id = :u", u=other) == 0
    assert _raw(url, "UPDATE banks SET title = '改' WHERE owner_unit IS NULL") == 0


def test_a_bank_a_trainer_imports_belongs_to_their_unit(organ: Organ, tmp_path: Path) -> None:
    bank = tmp_path / "unit.yaml"
    bank.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("id: sample", "id: unit-bank", 1),
        encoding="utf-8",
    )
    with _open(organ.urls["培训师甲"]) as services:
        services.study.import_banks([bank])
    owner = _raw(organ.admin, "SELECT owner_unit FROM banks WHERE id = 'unit-bank'")
    assert owner == [("市审计局",)]
    own = tmp_path / "own.yaml"
    own.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("id: sample", "id: cadre-bank", 1),
        encoding="utf-8",
    )
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        _open(organ.urls["学员丙"]) as services,
    ):
        services.study.import_banks([own])


def test_a_trainer_retagging_a_bank_updates_other_units_tag_counts(
    organ: Organ, tmp_path: Path
) -> None:
    """The counts are kept by triggers that run as the table owner: a trainer's new tags reach
    the counts of a cadre their row-level security hides from them."""
    bank = tmp_path / "tags.yaml"
    source = SAMPLE.read_text(encoding="utf-8").replace("id: sample", "id: tags-bank", 1)
    bank.write_text(source, encoding="utf-8")
    with _open(organ.urls["培训师甲"]) as services:
        services.study.import_banks([bank])
    with _open(organ.urls["学员丙"]) as services:
        study = services.study
        user = study.find_user("学员丙")
        assert user is not None
        pk = study.practice_queue(user, bank_ids=["tags-bank"], mode="new", limit=1)[0]
        study.record(user.id, study.question(pk), "A", 3000)
    bank.write_text(source.replace("tags: [测试]", "tags: [改后标签]", 1), encoding="utf-8")
    with _open(organ.urls["培训师甲"]) as services:
        assert services.study.import_banks([bank]).changed == 6
    sums = (
        "SELECT t.tag, SUM(c.reps) FROM cards c JOIN question_tags t "
        "ON t.question_pk = c.question_pk WHERE c.user_id = :u GROUP BY t.tag ORDER BY t.tag"
    )
    counts = "SELECT tag, reviews FROM tag_counts WHERE user_id = :u AND cards > 0 ORDER BY tag"
    other = organ.ids["学员丙"]
    expected = _raw(organ.admin, sums, u=other)
    assert isinstance(expected, list) and ("改后标签", 1) in expected
    assert _raw(organ.admin, counts, u=other) == expected


def test_provision_is_idempotent_and_guards_every_per_cadre_table(organ: Organ) -> None:
    covered = access.provision(organ.admin)
    assert {"cards", "review_logs", "attempts", "users"} <= set(covered)
    assert access.unguarded_tables(organ.admin) == []


def test_a_revoked_login_cannot_connect_and_the_history_stays(organ: Organ) -> None:
    name = "学员乙"
    assert access.revoke(organ.admin, name) == organ.logins[name].login
    with pytest.raises(OperationalError):
        _raw(organ.urls[name], "SELECT 1")
    kept = _raw(
        organ.admin, "SELECT count(*) FROM review_logs WHERE user_id = :u", u=organ.ids[name]
    )
    assert kept == [(1,)]


def test_roles_on_sqlite_are_refused_in_one_sentence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    with pytest.raises(AccessError, match="PostgreSQL"):
        access.add_user(url, "张三", "cadre", "市审计局")


def test_a_cadres_desktop_starts_without_importing_the_bundled_banks(organ: Organ) -> None:
    with _open(organ.urls["学员甲"]) as services:
        assert services.study.connected_role() == "cadre"
        assert services.study.import_bundled().imported_banks == []
    with _open(organ.admin) as services:
        assert services.study.connected_role() is None  # the owner: no personal login


def test_the_cli_provisions_adds_and_revokes(
    organ: Organ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jgstudy.cli.main import main

    base = ["--data-dir", str(tmp_path), "db"]
    assert main([*base, "provision", "--admin-url", organ.admin]) == 0
    login = f"jgt_cli_{uuid.uuid4().hex[:6]}"
    code = main(
        [*base, "add-user", "学员丁", "--role", "cadre", "--unit", "市审计局", "--login", login,
         "--admin-url", organ.admin]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    password = out.split("一次性密码：")[1].split()[0]
    personal = out.split("本人的连接地址：")[1].split()[0]
    assert password not in personal and login in personal
    assert _raw(make_url(personal).set(password=password).render_as_string(False), "SELECT 1")
    assert main([*base, "revoke", "学员丁", "--admin-url", organ.admin]) == 0
    assert main([*base, "revoke", "没有这个人", "--admin-url", organ.admin]) == 2
    assert "没有名为 没有这个人" in capsys.readouterr().err


def test_an_unreachable_server_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jgstudy.cli.main import main

    url = "postgresql+psycopg://admin:topsecret@127.0.0.1:1/jgstudy?connect_timeout=2"
    assert main(["--data-dir", str(tmp_path), "db", "provision", "--admin-url", url]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "topsecret" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_trainers_score_merge_touches_only_their_units_cadres(
    organ: Organ, tmp_path: Path
) -> None:
    own, other = tmp_path / "甲.json", tmp_path / "丙.json"
    with _open(organ.admin) as services:
        services.scores.export("学员甲", own)
        services.scores.export("学员丙", other)
    before = _raw(organ.admin, "SELECT count(*), max(reps) FROM cards")
    with _open(organ.urls["培训师甲"]) as services:
        services.scores.merge(own)  # their unit: allowed (and idempotent)
        with pytest.raises(Exception, match=r"row-level security|权限|不属于"):
            services.scores.merge(other)
    assert _raw(organ.admin, "SELECT count(*), max(reps) FROM cards") == before
