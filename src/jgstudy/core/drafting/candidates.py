"""A candidate question: one fact of the material, the forms it can be asked in, its worth.

A fact is asked once: a figure, a quoted name, a date or a closed list gives one candidate whose
preferred form is drafted into the bank, while its other forms stay available as alternatives the
trainer can switch to. Candidates are ranked by how useful a question on them is, and the weakest
(a report's own year, "1 个", a fact whose answer another question prints) are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from jgstudy.core.drafting.sentences import Sentence

Draft = dict[str, Any]
MIN_SCORE = 2
# How many of a list's items another stem must print before it gives the list away.
LIST_LEAK_ITEMS = 2


@dataclass(frozen=True)
class Candidate:
    """One fact of the material and the questions that could ask it."""

    fact: str  # identity of the fact: two candidates with one fact are twins
    kind: str  # "figure", "name", "date" or "list"
    sentence: Sentence
    subject: str
    quote: str
    answers: tuple[str, ...]  # texts that, printed in another stem, give this fact away
    forms: tuple[Draft, ...]  # the preferred form first
    score: int
    choice: int = field(default=0)

    @property
    def question(self) -> Draft:
        """The form drafted into the bank."""
        return self.forms[self.choice]

    def with_choice(self, index: int) -> Candidate:
        """The same candidate asked in another of its forms."""
        return replace(self, choice=index % len(self.forms))

    def gives_away(self, other: Candidate) -> bool:
        """Whether this candidate's preferred stem prints the answer of ``other``.

        Options are not counted: a distractor borrowed from another list says nothing about
        whether it is right there.
        """
        text = str(self.question["stem"])
        hits = sum(1 for answer in other.answers if answer and answer in text)
        return hits >= (LIST_LEAK_ITEMS if other.kind == "list" else 1)


def select(candidates: Sequence[Candidate]) -> list[Candidate]:
    """One candidate per fact, the weak and the giving-away dropped, in material order.

    Candidates are taken best first; a candidate is dropped when its fact is already asked, when
    its question prints the answer of one already kept, or when a kept one prints its answer.
    """
    order = {id(candidate): index for index, candidate in enumerate(candidates)}
    ranked = sorted(candidates, key=lambda c: (-c.score, order[id(c)]))
    kept: list[Candidate] = []
    facts: set[str] = set()
    for candidate in ranked:
        if candidate.score < MIN_SCORE or candidate.fact in facts:
            continue
        if any(candidate.gives_away(k) or k.gives_away(candidate) for k in kept):
            continue
        kept.append(candidate)
        facts.add(candidate.fact)
    return sorted(kept, key=lambda c: order[id(c)])
