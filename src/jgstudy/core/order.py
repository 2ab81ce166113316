"""The order new questions come in: mixed across banks and types, siblings apart, seeded."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from enum import StrEnum

from jgstudy.core.records import QuestionRecord
from jgstudy.core.siblings import spread


class NewOrder(StrEnum):
    """How new questions are ordered: mixed (default), as in the bank (顺序练习), or shuffled
    afresh (随机练习, seeded by the caller)."""

    MIXED = "mixed"
    BANK = "bank"
    RANDOM = "random"


# Siblings (one gives the other away) are kept at least this many questions apart.
SIBLING_GAP = 30


def interleave(
    records: Sequence[QuestionRecord],
    siblings: Mapping[int, frozenset[int]],
    *,
    seed: str,
    gap: int = SIBLING_GAP,
    limit: int | None = None,
) -> list[int]:
    """The pks of ``records`` in a seeded mixed order (its first ``limit``, if given).

    Each question's place comes from a hash of the seed and its ``bank/id``: the same seed gives
    the same order in any database, and answering some questions does not reshuffle the rest.
    Then neighbours are made to differ in bank and type, and siblings kept ``gap`` apart.
    """
    ranked = sorted(records, key=lambda r: _rank(seed, r))
    groups = {r.pk: (r.bank_id, r.question.type) for r in ranked}
    return spread([r.pk for r in ranked], siblings, gap, groups, limit)


def _rank(seed: str, record: QuestionRecord) -> str:
    key = f"{seed}\0{record.bank_id}/{record.question.id}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
