"""Who may touch what in an organ's shared PostgreSQL database: provisioning and logins.

An administrator runs these with the administrator's URL (the schema owner): ``provision``
creates the roles and row-level security (see :mod:`jgstudy.core.storage.access_sql`), and
``add_user``/``revoke`` give a person a login of their own or take it away. A single desktop on
SQLite has no roles: these functions refuse it in one sentence.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from jgstudy.core.clock import Clock, SystemClock
from jgstudy.core.errors import AccessError
from jgstudy.core.storage import access_repo, study_repo
from jgstudy.core.storage.engine import make_engine, upgrade
from jgstudy.core.text import msg

PASSWORD_BYTES = 18  # 24 URL-safe characters


@dataclass(frozen=True)
class Login:
    """A person's login: what an administrator hands over (the password once)."""

    login: str
    kind: str
    name: str
    unit: str
    password: str


def provision(admin_url: str) -> list[str]:
    """Bring the schema up to date, import nothing, and (re)apply roles and policies.

    Returns the tables the rules cover. Idempotent: run it again after every upgrade.
    """
    engine = make_engine(admin_url)
    try:
        _require_postgres(engine.dialect.name)
        upgrade(engine)
        with engine.begin() as conn:
            return access_repo.provision(conn)
    finally:
        engine.dispose()


def add_user(
    admin_url: str,
    name: str,
    kind: str,
    unit: str,
    *,
    login: str | None = None,
    password: str | None = None,
    clock: Clock | None = None,
) -> Login:
    """A login for a person (their profile is created if needed); a new password unless given."""
    if kind not in ("cadre", "trainer"):
        raise AccessError(
            msg("角色应为 cadre（学员）或 trainer（培训师），而不是 {kind}", kind=kind)
        )
    if not unit.strip():
        raise AccessError(msg("请用 --unit 指定此人所在的单位：培训师只能看到本单位的成绩"))
    engine = make_engine(admin_url)
    try:
        _require_postgres(engine.dialect.name)
        now = (clock or SystemClock()).now()
        with engine.begin() as conn:
            access_repo.require_provisioned(conn)
            user = study_repo.ensure_user(conn, name.strip(), unit.strip(), kind, now)
            chosen = (
                login
                or access_repo.login_of(conn, user.id)
                or access_repo.default_login(conn, user.id)
            )
            access_repo.require_free_login(conn, chosen, user.id)
            secret = password or secrets.token_urlsafe(PASSWORD_BYTES)
            access_repo.set_login(conn, chosen, kind, secret)
            access_repo.record_login(conn, chosen, kind, user.id, unit.strip())
        return Login(chosen, kind, user.name, unit.strip(), secret)
    finally:
        engine.dispose()


def revoke(admin_url: str, name_or_login: str) -> str:
    """Take a person's login away (by profile name or login); returns the login revoked."""
    engine = make_engine(admin_url)
    try:
        _require_postgres(engine.dialect.name)
        with engine.begin() as conn:
            access_repo.require_provisioned(conn)
            user = study_repo.find_user(conn, name_or_login)
            login = (access_repo.login_of(conn, user.id) if user else None) or name_or_login
            if not access_repo.revoke_login(conn, login):
                raise AccessError(msg("没有名为 {name} 的用户或登录名", name=name_or_login))
        return login
    finally:
        engine.dispose()


def unguarded_tables(admin_url: str) -> list[str]:
    """Per-cadre tables that row-level security does not guard (empty after ``provision``)."""
    engine = make_engine(admin_url)
    try:
        with engine.connect() as conn:
            return access_repo.tables_without_row_security(conn)
    finally:
        engine.dispose()


def _require_postgres(dialect: str) -> None:
    if dialect != "postgresql":
        raise AccessError(msg("角色和权限只用于单位共享的 PostgreSQL 数据库；单机 SQLite 无需设置"))
