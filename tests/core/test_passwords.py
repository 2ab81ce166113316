"""A shared database's password is never kept in a plain settings file, and still connects."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from jgstudy.core.passwords import PASSFILE, connectable, store
from jgstudy.core.paths import database_url

URL = "postgresql+psycopg://zhang:s3cr:t@db.organ.local:5432/jgstudy?sslmode=require"
BARE = "postgresql+psycopg://zhang@db.organ.local:5432/jgstudy?sslmode=require"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[service, username] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_keyring(memory: MemoryKeyring, tmp_path: Path) -> None:
    bare, where = store(URL, tmp_path)
    assert (bare, where) == (BARE, "keyring")
    assert list(memory.saved.values()) == ["s3cr:t"]
    assert not (tmp_path / PASSFILE).exists()
    assert connectable(bare, tmp_path) == (
        "postgresql+psycopg://zhang:s3cr%3At@db.organ.local:5432/jgstudy?sslmode=require"
    )


def test_without_a_keyring_it_goes_to_a_private_pgpass_file(
    no_keyring: None, tmp_path: Path
) -> None:
    bare, where = store(URL, tmp_path)
    assert (bare, where) == (BARE, "pgpass")
    passfile = tmp_path / PASSFILE
    assert passfile.read_text(encoding="utf-8") == "db.organ.local:5432:jgstudy:zhang:s3cr\\:t\n"
    if sys.platform != "win32":
        assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert "s3cr%3At@" in connectable(bare, tmp_path)
    store(URL.replace("s3cr:t", "new"), tmp_path)  # a changed password replaces the old line
    assert passfile.read_text(encoding="utf-8").count("\n") == 1
    assert "new@" in connectable(bare, tmp_path)


def test_the_data_folder_url_connects_with_the_stored_password(
    memory: MemoryKeyring, tmp_path: Path
) -> None:
    bare, _ = store(URL, tmp_path)
    assert "s3cr%3At@" in database_url(bare, tmp_path)
    assert database_url(None, tmp_path).startswith("sqlite:///")


def test_a_url_without_password_is_left_alone(memory: MemoryKeyring, tmp_path: Path) -> None:
    assert store(BARE, tmp_path) == (BARE, "")
    assert connectable(BARE, tmp_path) == BARE  # nothing stored: libpq's own .pgpass may apply
