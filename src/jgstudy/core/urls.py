"""Database URLs given by the user: checked before use, shown without any secret.

:func:`jgstudy.core.dburl.masked` hides the password (user info or ``?password=``); secrets under
other query keys (``sslpassword``, a token, a key) are hidden here too.
"""

from __future__ import annotations

import re

from jgstudy.core.dburl import MASK, masked
from jgstudy.core.text import msg

_SECRET_QUERY = re.compile(r"([?&][^=&#]*(?:pass|pwd|secret|token|key)[^=&#]*=)[^&#]*", re.I)


class BadUrl(ValueError):
    """A database URL that cannot be understood; the message says so in Chinese."""


def shown_url(url: str) -> str:
    """``url`` with the password and every secret-looking query value replaced by ``***``."""
    try:
        text = masked(url)
    except ValueError:  # e.g. a port that is not a number
        text = re.sub(r"(://[^:/@]*:)[^@]*@", rf"\1{MASK}@", url)
    return _SECRET_QUERY.sub(rf"\1{MASK}", text)


def check_url(url: str) -> None:
    """BadUrl when ``url`` is not a database URL (``--db`` given wrong)."""
    from sqlalchemy.engine import make_url  # loaded only when a URL is used
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise BadUrl(
            msg(
                "数据库地址写法不对：{url}"
                "（例：sqlite:///路径 或 postgresql+psycopg://用户@主机/库名）",
                url=shown_url(url),
            )
        ) from exc
