"""Database URLs never show or store a password, in whichever form it was given."""

from __future__ import annotations

import pytest

from jgstudy.core.dburl import masked, password_of, with_password, without_password

URLS = [
    ("postgresql+psycopg://zhang:s3cr%40t@db.organ.local:5432/jgstudy", "s3cr@t"),
    (
        "postgresql+psycopg://zhang@db.organ.local/jgstudy?password=s3cr%40t&sslmode=require",
        "s3cr@t",
    ),
    ("postgresql+psycopg://zhang@[::1]:5432/jgstudy?PASSWORD=p%26q", "p&q"),
    ("postgresql+psycopg://%E5%BC%A0:pw@host/db", "pw"),
]


@pytest.mark.parametrize(("url", "secret"), URLS)
def test_the_password_is_found_wherever_it_is(url: str, secret: str) -> None:
    assert password_of(url) == secret


@pytest.mark.parametrize(("url", "secret"), URLS)
def test_a_masked_url_shows_no_password(url: str, secret: str) -> None:
    shown = masked(url)
    assert secret not in shown and secret.replace("@", "%40") not in shown
    assert "***" in shown


@pytest.mark.parametrize(("url", "secret"), URLS)
def test_a_stored_url_has_no_password_and_keeps_the_rest(url: str, secret: str) -> None:
    stored = without_password(url)
    assert password_of(stored) is None
    assert secret not in stored
    assert stored.split("@")[-1].split("?")[0] == url.split("@")[-1].split("?")[0]
    if "sslmode=require" in url:
        assert "sslmode=require" in stored


def test_a_password_is_put_back_for_connecting() -> None:
    url = with_password("postgresql+psycopg://zhang@host:5432/db?sslmode=require", "a:b@c/d")
    assert password_of(url) == "a:b@c/d"
    assert url.endswith("@host:5432/db?sslmode=require")


def test_sqlite_urls_pass_through() -> None:
    assert masked("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    assert password_of("sqlite:////tmp/x.sqlite3") is None
