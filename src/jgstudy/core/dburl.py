"""Database URLs without their secrets: masked for display, split for storage.

A URL may carry a password as ``user:pw@host`` or in its query (``?password=``); every place
that shows or logs a URL uses :func:`masked`, and the desktop stores :func:`without_password`,
keeping the password in the system's keyring (see :mod:`jgstudy.core.secrets`).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

MASK = "***"
_SECRET_KEYS = frozenset({"password", "passwd", "pwd"})


def password_of(url: str) -> str | None:
    """The password in the URL (user info or query), or None."""
    parts = urlsplit(url)
    if parts.password:
        return unquote(parts.password)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _SECRET_KEYS:
            return value
    return None


def without_password(url: str, *, username: str | None = None) -> str:
    """The URL with no password anywhere (and, if given, another user name)."""
    if password_of(url) is None and username is None:
        return url  # nothing to take out (and a file URL keeps its exact form)
    return _rebuilt(url, None, username)


def masked(url: str) -> str:
    """The URL for display: a password, wherever it was, reads ``***``."""
    if "://" not in url or password_of(url) is None:
        return url
    return _rebuilt(url, MASK if password_of(url) is not None else None, None, mask_query=True)


def with_password(url: str, password: str) -> str:
    """The URL carrying ``password`` in its user info (for connecting, never for storing)."""
    return _rebuilt(url, password, None)


def _rebuilt(
    url: str, password: str | None, username: str | None, *, mask_query: bool = False
) -> str:
    parts = urlsplit(url)
    user = username if username is not None else (unquote(parts.username or ""))
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    secret = (
        ""
        if password is None
        else ":" + (password if password == MASK else quote(password, safe=""))
    )
    userinfo = f"{quote(user, safe='')}{secret}@" if user else ""
    query = [
        (key, MASK if mask_query else None) if key.lower() in _SECRET_KEYS else (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    kept = [(k, v) for k, v in query if v is not None]
    return urlunsplit((parts.scheme, userinfo + host, parts.path, urlencode(kept), parts.fragment))
