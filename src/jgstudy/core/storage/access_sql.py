"""PostgreSQL roles, grants and row-level security for an organ's shared database.

Everything here runs as the administrator (the owner of the schema) and is idempotent: running
it again after an upgrade covers tables that the upgrade added. The rules live in the database
itself, so a cadre connected with their own login cannot read or change a colleague's rows even
with hand-written SQL.

* ``jgstudy_cadre``: reads the banks; reads and writes the rows of their own profile only.
* ``jgstudy_trainer``: reads the banks and writes those of their unit; reads and writes the
  rows of the cadres of their unit (score merges, reports); runs competitions.
* ``jgstudy_admin``: everything (the schema owner, which row-level security does not bind).

A login role is tied to a profile (and a unit) by a row of ``access_roles``.
"""

from __future__ import annotations

GROUPS = {"cadre": "jgstudy_cadre", "trainer": "jgstudy_trainer", "admin": "jgstudy_admin"}
# Tables only trainers touch: the competition record.
TRAINER_ONLY = ("matches", "match_events")
# Bank content: readable by all, writable by trainers for the banks of their unit.
BANK_TABLES = ("banks", "questions", "question_tags")

GROUP_ROLES = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jgstudy_cadre') THEN
    CREATE ROLE jgstudy_cadre NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jgstudy_trainer') THEN
    CREATE ROLE jgstudy_trainer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jgstudy_admin') THEN
    CREATE ROLE jgstudy_admin NOLOGIN;
  END IF;
END
$$;
"""

ACCESS_TABLE = """
CREATE TABLE IF NOT EXISTS access_roles (
  role_name TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('cadre', 'trainer', 'admin')),
  user_id INTEGER REFERENCES users(id),
  unit TEXT NOT NULL DEFAULT ''
);
ALTER TABLE banks ADD COLUMN IF NOT EXISTS owner_unit TEXT;
"""

# SECURITY DEFINER: the policies ask who is connected without the caller reading access_roles.
# Inside such a function current_user is its owner, so the login is session_user (which a
# SET ROLE cannot change either).
FUNCTIONS = """
CREATE OR REPLACE FUNCTION jgstudy_my_user() RETURNS INTEGER
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}
  AS $$ SELECT user_id FROM access_roles WHERE role_name = session_user $$;
CREATE OR REPLACE FUNCTION jgstudy_my_unit() RETURNS TEXT
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}
  AS $$ SELECT unit FROM access_roles WHERE role_name = session_user $$;
CREATE OR REPLACE FUNCTION jgstudy_unit_users() RETURNS SETOF INTEGER
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}
  AS $$ SELECT id FROM users WHERE unit = jgstudy_my_unit() $$;
CREATE OR REPLACE FUNCTION jgstudy_my_kind() RETURNS TEXT
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}
  AS $$ SELECT kind FROM access_roles WHERE role_name = session_user $$;
REVOKE ALL ON FUNCTION jgstudy_my_user(), jgstudy_my_unit(), jgstudy_unit_users(),
  jgstudy_my_kind() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jgstudy_my_user(), jgstudy_my_unit(), jgstudy_unit_users(),
  jgstudy_my_kind() TO jgstudy_cadre, jgstudy_trainer, jgstudy_admin;
ALTER TABLE banks ALTER COLUMN owner_unit SET DEFAULT jgstudy_my_unit();
"""

DATABASE_GRANTS = """
REVOKE ALL ON DATABASE {database} FROM PUBLIC;
GRANT CONNECT ON DATABASE {database} TO jgstudy_cadre, jgstudy_trainer, jgstudy_admin;
REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC;
GRANT USAGE ON SCHEMA {schema} TO jgstudy_cadre, jgstudy_trainer, jgstudy_admin;
GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO jgstudy_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO jgstudy_admin;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO jgstudy_cadre, jgstudy_trainer;
REVOKE ALL ON access_roles FROM jgstudy_cadre, jgstudy_trainer;
"""


def per_cadre_policies(table: str) -> str:
    """Row-level security on a table of per-cadre rows (it has a ``user_id`` column)."""
    return f"""
GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO jgstudy_cadre, jgstudy_trainer;
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS jgstudy_cadre_own ON {table};
CREATE POLICY jgstudy_cadre_own ON {table} TO jgstudy_cadre
  USING (user_id = jgstudy_my_user()) WITH CHECK (user_id = jgstudy_my_user());
DROP POLICY IF EXISTS jgstudy_trainer_unit ON {table};
CREATE POLICY jgstudy_trainer_unit ON {table} TO jgstudy_trainer
  USING (user_id IN (SELECT jgstudy_unit_users()))
  WITH CHECK (user_id IN (SELECT jgstudy_unit_users()));
"""


USERS_POLICIES = """
GRANT SELECT ON users TO jgstudy_cadre;
GRANT UPDATE (settings) ON users TO jgstudy_cadre;
GRANT SELECT, INSERT, UPDATE ON users TO jgstudy_trainer;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS jgstudy_cadre_self ON users;
CREATE POLICY jgstudy_cadre_self ON users TO jgstudy_cadre
  USING (id = jgstudy_my_user()) WITH CHECK (id = jgstudy_my_user());
DROP POLICY IF EXISTS jgstudy_trainer_unit ON users;
CREATE POLICY jgstudy_trainer_unit ON users TO jgstudy_trainer
  USING (unit = jgstudy_my_unit()) WITH CHECK (unit = jgstudy_my_unit());
"""

BANK_POLICIES = """
GRANT SELECT ON banks, questions, question_tags TO jgstudy_cadre, jgstudy_trainer;
GRANT INSERT, UPDATE, DELETE ON banks, questions, question_tags TO jgstudy_trainer;
ALTER TABLE banks ENABLE ROW LEVEL SECURITY;
ALTER TABLE questions ENABLE ROW LEVEL SECURITY;
ALTER TABLE question_tags ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS jgstudy_read ON banks;
CREATE POLICY jgstudy_read ON banks FOR SELECT TO jgstudy_cadre, jgstudy_trainer USING (true);
DROP POLICY IF EXISTS jgstudy_trainer_write ON banks;
CREATE POLICY jgstudy_trainer_write ON banks FOR ALL TO jgstudy_trainer
  USING (owner_unit = jgstudy_my_unit()) WITH CHECK (owner_unit = jgstudy_my_unit());
DROP POLICY IF EXISTS jgstudy_read ON questions;
CREATE POLICY jgstudy_read ON questions FOR SELECT TO jgstudy_cadre, jgstudy_trainer
  USING (true);
DROP POLICY IF EXISTS jgstudy_trainer_write ON questions;
CREATE POLICY jgstudy_trainer_write ON questions FOR ALL TO jgstudy_trainer
  USING (bank_id IN (SELECT id FROM banks WHERE owner_unit = jgstudy_my_unit()))
  WITH CHECK (bank_id IN (SELECT id FROM banks WHERE owner_unit = jgstudy_my_unit()));
DROP POLICY IF EXISTS jgstudy_read ON question_tags;
CREATE POLICY jgstudy_read ON question_tags FOR SELECT TO jgstudy_cadre, jgstudy_trainer
  USING (true);
DROP POLICY IF EXISTS jgstudy_trainer_write ON question_tags;
CREATE POLICY jgstudy_trainer_write ON question_tags FOR ALL TO jgstudy_trainer
  USING (question_pk IN (SELECT pk FROM questions q JOIN banks b ON b.id = q.bank_id
                         WHERE b.owner_unit = jgstudy_my_unit()))
  WITH CHECK (question_pk IN (SELECT pk FROM questions q JOIN banks b ON b.id = q.bank_id
                              WHERE b.owner_unit = jgstudy_my_unit()));
"""


def shared_table_grants(table: str) -> str:
    """A table with neither bank content nor per-cadre rows: trainers write, cadres read."""
    if table in TRAINER_ONLY:
        return f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO jgstudy_trainer;"
    return (
        f"GRANT SELECT ON {table} TO jgstudy_cadre;\n"
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO jgstudy_trainer;"
    )
