"""A database that fails as SQLite does, raised the way SQLAlchemy raises it, for the tests
of what the desktop says about it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import NoReturn

from sqlalchemy.exc import OperationalError

FULL = "database or disk is full"
LOCKED = "database is locked"


def failing(message: str) -> Callable[..., NoReturn]:
    """A stand-in for a service method whose statement fails with SQLite's ``message``."""

    def fail(*_args: object, **_kwargs: object) -> NoReturn:
        raise OperationalError("INSERT …", {}, sqlite3.OperationalError(message))

    return fail
