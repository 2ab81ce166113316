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
) -> list[int]:
    """The pks of ``keys`` in a seeded mixed order (its first ``limit``, if given).

    Each question's place comes from a hash of the seed and its ``bank/id``: the same seed gives
    the same order in any database, and answering some questions does not reshuffle the rest.
    Then neighbours are made to differ in bank and type, and siblings kept ``gap`` apart.
    """
    ranked = sorted(keys, key=lambda k: _rank(seed, k))
    groups = {k.pk: (k.bank_id, k.type) for k in ranked}
    return spread([k.pk for k in ranked], siblings, gap, groups, limit)


class SeededOrder:
    """One seed's :func:`interleave` order, kept between sessions of a process.

    Each question's rank is hashed once and every question met so far is kept ranked, so
    ordering the cadre's new questions again is a filter of that list, not 25,000 hashes and a
    sort. Equal ranks (two hashes alike in all 64 bits) fall back on bank order, as the stable
    sort of :func:`interleave` does for questions given in bank order.
    """

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self._places: dict[int, tuple[bytes, str, int]] = {}  # pk → (rank, bank, pk)
        self._ranked: list[int] = []
        self._groups: dict[int, tuple[str, str]] = {}

    def order(
        self,
        pks: Sequence[int],
        keys: Mapping[int, OrderKey],
        siblings: Mapping[int, frozenset[int]],
        *,
        gap: int = SIBLING_GAP,
        limit: int | None = None,
    ) -> list[int]:
        """``pks`` (each with its key in ``keys``) in the order :func:`interleave` gives them."""
        met = [pk for pk in pks if pk not in self._places]
        if met:
            for pk in met:
                key = keys[pk]
                self._places[pk] = (_rank(self.seed, key), key.bank_id, pk)
                self._groups[pk] = (key.bank_id, key.type)
            self._ranked = sorted(self._places, key=self._places.__getitem__)
        wanted = set(pks)
        ranked = [pk for pk in self._ranked if pk in wanted]
        return spread(ranked, siblings, gap, self._groups, limit)


def _rank(seed: str, key: OrderKey) -> bytes:
    """The hash placing ``key`` (its bytes sort as their hex digits did)."""
    text = f"{seed}\0{key.bank_id}/{key.qid}"
    return hashlib.blake2b(text.encode(), digest_size=8).digest()
