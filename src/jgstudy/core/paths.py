"""Where jgstudy keeps its data and finds the banks it ships with."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "jgstudy"
DB_ENV = "JGSTUDY_DB"
DATA_DIR_ENV = "JGSTUDY_DATA_DIR"


def data_dir(override: Path | None = None) -> Path:
    """The folder for the database and backups (created when missing)."""
    folder = override or Path(
        os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(url: str | None, folder: Path) -> str:
    """The database to use: the flag, else ``JGSTUDY_DB``, else SQLite in the data folder.

    A shared database's password, kept in the keyring or the data folder's pgpass file (see
    :mod:`jgstudy.core.passwords`), is put back for connecting: show the result only masked.
    """
    from jgstudy.core.passwords import connectable

    chosen = url or os.environ.get(DB_ENV) or f"sqlite:///{folder / 'jgstudy.sqlite3'}"
    return connectable(chosen, folder)


def bundled_banks() -> Path:
    """The banks that ship with jgstudy: package data when installed, the checkout otherwise."""
    packaged = Path(__file__).resolve().parents[1] / "question_banks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "question_banks"


def resources() -> Path:
    """Shipped resources (JSON Schema, icons)."""
    packaged = Path(__file__).resolve().parents[1] / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "resources"
