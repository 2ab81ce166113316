"""Where a desktop keeps the password of a shared database: never in a plain settings file.

The password goes to the system's keyring (Windows Credential Manager, macOS Keychain, the
Secret Service of a Linux desktop) through ``keyring``. Where no keyring is available (a bare
信创 desktop without a Secret Service), it goes to a libpq password file in the data folder,
readable by the user alone (0600), in PostgreSQL's own ``.pgpass`` format.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jgstudy.core.dburl import password_of, with_password, without_password

SERVICE = "jgstudy"
PASSFILE = "pgpass"
log = logging.getLogger(__name__)


def key_of(url: str) -> str:
    """What a password is stored under: ``user@host:port/database`` of the URL."""
    parts = urlsplit(url)
    port = parts.port or 5432
    return f"{unquote(parts.username or '')}@{parts.hostname or ''}:{port}{parts.path}"


def store(url: str, data_dir: Path) -> tuple[str, str]:
    """Move the URL's password to safe keeping; returns (URL without it, where it went).

    A URL without a password is returned as it is, with "" for where.
    """
    secret = password_of(url)
    bare = without_password(url)
    if secret is None:
        return bare, ""
    try:
        import keyring

        keyring.set_password(SERVICE, key_of(bare), secret)
        return bare, "keyring"
    except Exception:  # no keyring on this desktop: keyring raises its own error types
        log.info("no keyring available; the password goes to the pgpass file", exc_info=True)
    _write_passfile(data_dir / PASSFILE, bare, secret)
    return bare, "pgpass"


def connectable(url: str, data_dir: Path) -> str:
    """The URL to connect with: its stored password put back in (in memory only)."""
    if password_of(url) is not None or not url.startswith("postgresql"):
        return url
    secret = _from_keyring(url) or _from_passfile(data_dir / PASSFILE, url)
    return with_password(url, secret) if secret else url


def _from_keyring(url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, key_of(url))
    except Exception:
        return None


def _fields(url: str) -> list[str]:
    parts = urlsplit(url)
    database = parts.path.lstrip("/")
    return [parts.hostname or "", str(parts.port or 5432), database, unquote(parts.username or "")]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _split(line: str) -> list[str]:
    fields, current, escaped = [], "", False
    for char in line:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ":":
            fields.append(current)
            current = ""
        else:
            current += char
    return [*fields, current]


def _write_passfile(path: Path, url: str, secret: str) -> None:
    wanted = _fields(url)
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if _split(line)[:4] != wanted
        ]
    lines.append(":".join(_escape(v) for v in [*wanted, secret]))
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    with contextlib.suppress(OSError):  # Windows has no such mode bits; the folder is the user's
        path.chmod(0o600)


def _from_passfile(path: Path, url: str) -> str | None:
    if not path.is_file():
        return None
    wanted = _fields(url)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = _split(line)
        if len(fields) == 5 and all(f in ("*", w) for f, w in zip(fields[:4], wanted, strict=True)):
            return fields[4]
    return None
