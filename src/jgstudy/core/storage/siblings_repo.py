"""The stored sibling relation (``sibling_cache``) and what it is stored for.

Finding siblings reads and parses every active question (50,000: seconds); the relation changes
only when the banks do, so it is kept in the database with a *fingerprint* of the state of the
banks it was found for: each bank's file hash and retirement, the active questions' count and
pks, and the method (``core.siblings.method_stamp``). Only ``banks_repo`` writes banks and
questions, and every change it makes (a new version of a file, retiring or restoring a bank)
changes the fingerprint; a stored relation that does not match is never used.
"""

from __future__ import annotations

import hashlib
import json
from typing import cast

from sqlalchemy import Connection, Table, delete, func, insert, select

from jgstudy.core.model import QUESTION_ADAPTER, AnyQuestion
from jgstudy.core.storage.schema import BankRow, QuestionRow, SiblingCacheRow

_cache = cast(Table, SiblingCacheRow.__table__)

Groups = list[tuple[list[int], list[int]]]


def fingerprint(conn: Connection, method: str) -> str:
    """The state of the banks and active questions the sibling relation depends on."""
    banks = conn.execute(
        select(BankRow.id, BankRow.sha256, BankRow.question_count, BankRow.retired_at).order_by(
            BankRow.id
        )
    ).all()
    active = conn.execute(
        select(func.count(), func.sum(QuestionRow.pk), func.max(QuestionRow.pk)).where(
            QuestionRow.retired.is_(False)
        )
    ).one()
    parts = [method, *(repr(tuple(map(str, row))) for row in banks), repr(tuple(map(str, active)))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def stored_groups(conn: Connection, stamp: str) -> Groups | None:
    """The groups stored for ``stamp``, or None when none are (or they are for another state)."""
    data = conn.execute(select(_cache.c.groups).where(_cache.c.fingerprint == stamp)).scalar()
    if data is None:
        return None
    return [(list(givers), list(takers)) for givers, takers in json.loads(data)]


def store_groups(conn: Connection, stamp: str, groups: Groups) -> None:
    """Keep ``groups`` for ``stamp`` in place of whatever was stored before."""
    conn.execute(delete(_cache))
    data = json.dumps(groups, separators=(",", ":"))
    conn.execute(insert(_cache).values(fingerprint=stamp, groups=data))


def active_questions(conn: Connection) -> dict[int, AnyQuestion]:
    """Every question not retired, parsed, by pk in pk order (tags and scoring left out)."""
    rows = conn.execute(
        select(QuestionRow.pk, QuestionRow.data)
        .where(QuestionRow.retired.is_(False))
        .order_by(QuestionRow.pk)
    )
    return {pk: QUESTION_ADAPTER.validate_json(data) for pk, data in rows}
