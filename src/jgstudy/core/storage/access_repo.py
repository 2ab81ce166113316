"""Applying the access rules of :mod:`access_sql` and managing login roles (PostgreSQL only)."""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from jgstudy.core.errors import AccessError
from jgstudy.core.storage import access_sql as sql
from jgstudy.core.text import msg

KINDS = ("cadre", "trainer", "admin")


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def provision(conn: Connection) -> list[str]:
    """Create the group roles, the access table and the policies; returns the tables covered."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    quote = conn.dialect.identifier_preparer.quote
    conn.exec_driver_sql(sql.GROUP_ROLES)
    conn.exec_driver_sql(sql.ACCESS_TABLE)
    conn.exec_driver_sql(sql.FUNCTIONS.format(schema=quote(schema)))
    conn.exec_driver_sql(sql.DATABASE_GRANTS.format(database=quote(database), schema=quote(schema)))
    covered: list[str] = []
    for table in sorted(inspect(conn).get_table_names()):
        statement = _rules_for(conn, table)
        if statement:
            conn.exec_driver_sql(statement)
            covered.append(table)
    conn.exec_driver_sql(sql.BANK_POLICIES)
    return covered


def _rules_for(conn: Connection, table: str) -> str:
    columns = {column["name"] for column in inspect(conn).get_columns(table)}
    quoted = conn.dialect.identifier_preparer.quote(table)
    if table in ("access_roles", *sql.BANK_TABLES):
        return ""  # access_roles stays the admin's; bank tables get BANK_POLICIES
    if table == "users":
        return sql.USERS_POLICIES
    if "user_id" in columns:
        return sql.per_cadre_policies(quoted)
    return sql.shared_table_grants(quoted)


def require_provisioned(conn: Connection) -> None:
    if not inspect(conn).has_table("access_roles"):
        raise AccessError(msg("数据库尚未设置权限：请先运行 jgstudy db provision --admin-url …"))


def tables_without_row_security(conn: Connection) -> list[str]:
    """Tables with per-cadre rows (a ``user_id`` column) that row-level security does not guard."""
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace "
            "AND a.attname = 'user_id' AND NOT c.relrowsecurity "
            "AND c.relname <> 'access_roles'"  # the admin's own: no other role may read it
        )
    )
    return sorted(row[0] for row in rows)


def set_login(conn: Connection, login: str, kind: str, password: str) -> None:
    """Create the login role (or reset its password and let it log in again) in its group."""
    exists = conn.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}
    ).first()
    verb = "ALTER" if exists else "CREATE"
    # format() quotes the name (%I) and the password (%L): neither can break the statement.
    statement = conn.execute(
        text(
            "SELECT format(CAST(:template AS text), CAST(:login AS text), CAST(:password AS text))"
        ),
        {"template": f"{verb} ROLE %I LOGIN PASSWORD %L", "login": login, "password": password},
    ).scalar_one()
    conn.exec_driver_sql(statement)
    for other in KINDS:
        grant = "GRANT" if other == kind else "REVOKE"
        joiner = "TO" if grant == "GRANT" else "FROM"
        conn.exec_driver_sql(_format(conn, f"{grant} {sql.GROUPS[other]} {joiner} %I", login))


def record_login(conn: Connection, login: str, kind: str, user_id: int | None, unit: str) -> None:
    conn.execute(text("DELETE FROM access_roles WHERE role_name = :login"), {"login": login})
    conn.execute(
        text(
            "INSERT INTO access_roles (role_name, kind, user_id, unit) "
            "VALUES (:login, :kind, :user_id, :unit)"
        ),
        {"login": login, "kind": kind, "user_id": user_id, "unit": unit},
    )


def default_login(conn: Connection, user_id: int) -> str:
    """``jg_<database>_<profile id>``: roles are shared by every database of the server."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    return f"jg_{database}"[:50] + f"_{user_id}"


def require_free_login(conn: Connection, login: str, user_id: int) -> None:
    """Refuse to take over a role that exists but is not this profile's login here."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}).first()
    if exists and login_of(conn, user_id) != login:
        raise AccessError(
            msg(
                "登录名 {login} 已被占用（另一个人或另一个数据库）：请用 --login 另选一个",
                login=login,
            )
        )


def login_of(conn: Connection, user_id: int) -> str | None:
    return conn.execute(
        text("SELECT role_name FROM access_roles WHERE user_id = :id"), {"id": user_id}
    ).scalar()


def revoke_login(conn: Connection, login: str) -> bool:
    """Take the login away: it cannot connect, its sessions end; the history stays."""
    exists = conn.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}
    ).first()
    if not exists:
        return False
    conn.exec_driver_sql(_format(conn, "ALTER ROLE %I NOLOGIN", login))
    for group in sql.GROUPS.values():
        conn.exec_driver_sql(_format(conn, f"REVOKE {group} FROM %I", login))
    conn.execute(text("DELETE FROM access_roles WHERE role_name = :login"), {"login": login})
    conn.execute(
        text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :login"),
        {"login": login},
    )
    return True


def connected_kind(conn: Connection) -> str | None:
    """``cadre``/``trainer``/``admin`` for a provisioned login, else None (SQLite, or no rules)."""
    if not is_postgres(conn):
        return None
    has_rules = conn.execute(text("SELECT to_regprocedure('jgstudy_my_kind()')")).scalar()
    if has_rules is None:
        return None
    kind = conn.execute(text("SELECT jgstudy_my_kind()")).scalar()
    return str(kind) if kind else None


def _format(conn: Connection, template: str, name: str) -> str:
    """A statement with a role name quoted by PostgreSQL itself (``%I``)."""
    return str(
        conn.execute(
            text("SELECT format(CAST(:template AS text), CAST(:name AS text))"),
            {"template": template, "name": name},
        ).scalar_one()
    )
