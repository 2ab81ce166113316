"""The order new questions come in: mixed across banks and types, siblings apart, seeded."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple

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


class OrderKey(NamedTuple):
    """What the mixed order needs of a question: its columns, not its parsed content."""

    pk: int
    bank_id: str
    qid: str
    type: str


def order_key(record: QuestionRecord) -> OrderKey:
    return OrderKey(record.pk, record.bank_id, record.question.id, record.question.type)


def interleave(
    keys: Sequence[OrderKey],
    siblings: Mapping[int, frozenset[int]],
    *,
    seed: str,
    gap: int = SIBLING_GAP,
    limit: int | None = None,
    ranks: dict[int, bytes] | None = None,
) -> list[int]:
    """The pks of ``keys`` in a seeded mixed order (its first ``limit``, if given).

    Each question's place comes from a hash of the seed and its ``bank/id``: the same seed gives
    the same order in any database, and answering some questions does not reshuffle the rest.
    Then neighbours are made to differ in bank and type, and siblings kept ``gap`` apart.
    ``ranks``: the hashes of this seed found so far, by pk (filled in; a pk's bank and id never
    change).
    """
    known = {} if ranks is None else ranks
    missing = [k for k in keys if k.pk not in known]
    known.update((k.pk, _rank(seed, k)) for k in missing)
    # Stable: equal ranks keep the given order, as sorting by the hex digests did.
    ranked = sorted(keys, key=lambda k: known[k.pk])
    groups = {k.pk: (k.bank_id, k.type) for k in ranked}
    return spread([k.pk for k in ranked], siblings, gap, groups, limit)


def _rank(seed: str, key: OrderKey) -> bytes:
    """The hash placing ``key`` (its bytes sort as their hex digits did)."""
    text = f"{seed}\0{key.bank_id}/{key.qid}"
    return hashlib.blake2b(text.encode(), digest_size=8).digest()
