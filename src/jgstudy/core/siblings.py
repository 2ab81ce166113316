"""Questions that give each other away, found from the bank itself.

Two questions are *siblings* when one's answer text stands in the other's stem (asking both in one
paper lets a cadre read one answer off the other question) or when both quote the same sentence of
the material. Exams, drills, competitions and the new-question order keep siblings apart; the bank
lint reports them so that trainers can reword.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import ahocorasick

import jgstudy
from jgstudy.core import model
from jgstudy.core.model import (
    AnyQuestion,
    FillQuestion,
    MultipleQuestion,
    SingleQuestion,
    display_stem,
    split_stem,
)

K = TypeVar("K", bound=Hashable)
log = logging.getLogger(__name__)

# Quotation marks, brackets and spaces do not change what a text says.
_NOISE = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】（）()·•、，,。.；;：:？?！!—\-_…]")
# An answer shorter than this is too common to be evidence ("是", "A").
MIN_LEAK_CHARS = 2
_GENERIC = frozenset({"正确", "错误", "以上都对", "以上都不对", "以上都是"})
# The most (giver, taker) pairs the relation holds. A theme word that is the answer of a fifth
# of a bank's questions and stands in most of its other stems makes pairs by the million (10,000
# such questions: 2.7 million pairs, 0.7 GB as the sibling map; 50,000 would not fit in memory;
# 500,000 pairs are about 0.1 GB).
# Past this, the answer texts with the most pairs are left out until the rest fits: a text in
# thousands of stems cannot be kept out of a paper anyway, and the bank lint names each one.
MAX_PAIRS = 500_000


def normalized(text: str) -> str:
    """``text`` without punctuation, quotation marks and spaces, full-width folded (NFKC)."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def answer_texts(question: AnyQuestion) -> list[str]:
    """The texts a cadre must produce or pick to be right, as written in the bank."""
    if isinstance(question, SingleQuestion):
        return [question.options[question.answer]] if question.answer in question.options else []
    if isinstance(question, MultipleQuestion):
        return [question.options[k] for k in question.answer if k in question.options]
    if isinstance(question, FillQuestion):
        return [form for accepted in question.blanks for form in accepted]
    return []


def stem_text(question: AnyQuestion) -> str:
    """The stem as the cadre reads it, blanks blanked out."""
    return display_stem(question.stem, "＿")


def contains(haystack: str, needle: str) -> bool:
    """``needle`` in ``haystack`` (both normalized), not as part of a longer number."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else ""
        after = haystack[end] if end < len(haystack) else ""
        if not (needle[0].isdigit() and before.isdigit()) and not (
            needle[-1].isdigit() and after.isdigit()
        ):
            return True
        start = haystack.find(needle, start + 1)
    return False


_NUMERAL = re.compile(r"^[0-9零〇一二两三四五六七八九十百千万亿.]+$")


def _with_units(question: AnyQuestion) -> list[str]:
    """Answer texts, a bare number of a fill blank joined to the word the stem puts after it
    (``30`` in “{{1}}家重点企业” is “30家”: a stem saying 二十届 does not answer 二十名)."""
    if not isinstance(question, FillQuestion):
        return answer_texts(question)
    after = [normalized(piece)[:1] for piece in split_stem(question.stem)[1:]]
    texts = []
    for index, accepted in enumerate(question.blanks):
        unit = after[index] if index < len(after) else ""
        texts += [f"{a}{unit}" if _NUMERAL.match(a) else a for a in accepted]
    return texts


def leaking_answers(question: AnyQuestion) -> list[str]:
    """The normalized answer texts long enough to count as evidence when found elsewhere."""
    found = []
    for text in _with_units(question):
        plain = normalized(text)
        if len(plain) >= MIN_LEAK_CHARS and plain not in _GENERIC and plain not in found:
            found.append(plain)
    return found


@dataclass(frozen=True)
class Leak:
    """``giver``'s stem states ``text``, which is an answer of ``taker`` (or both quote alike)."""

    giver: int
    taker: int
    text: str
    same_quote: bool = False


def find_leaks(questions: Sequence[AnyQuestion]) -> list[Leak]:
    """Every pair where one question gives another away; positions index ``questions``."""
    leaks = [Leak(g, t, text) for g, t, text in _answer_pairs(questions)]
    return leaks + same_quotes(questions)


def answers_stated_elsewhere(
    questions: Sequence[AnyQuestion],
) -> Iterator[tuple[int, str, list[int]]]:
    """(taker, text, givers) in question order: ``text`` is an answer of ``taker`` stated in each
    giver's stem (never the taker's own). Grouped, not pair by pair: a common answer word makes
    millions of pairs, and the bank lint reports one finding for a text in many stems."""
    texts = [leaking_answers(q) for q in questions]
    stated = _stems_stating(questions, {t for answers in texts for t in answers})
    for taker, answers in enumerate(texts):
        for text in answers:
            givers = [g for g in stated.get(text, ()) if g != taker]
            if givers:
                yield taker, text, givers


def _answer_pairs(questions: Sequence[AnyQuestion]) -> Iterator[tuple[int, int, str]]:
    """(giver, taker, text) for every stem that states another question's answer."""
    for taker, text, givers in answers_stated_elsewhere(questions):
        yield from ((g, taker, text) for g in givers)


def _answer_groups(
    questions: Sequence[AnyQuestion],
) -> Iterator[tuple[str, list[int], list[int]]]:
    """(text, givers, takers) per answer text found in some stem: every giver's stem states the
    text, an answer of every taker. Grouped, as a common answer word makes thousands of pairs."""
    takers: dict[str, list[int]] = {}
    for taker, question in enumerate(questions):
        for text in leaking_answers(question):
            takers.setdefault(text, []).append(taker)
    givers = _stems_stating(questions, set(takers))
    for text, group in takers.items():
        if text in givers:
            yield text, givers[text], group


def _stems_stating(questions: Sequence[AnyQuestion], texts: set[str]) -> dict[str, list[int]]:
    """For each of ``texts`` (normalized) stated in some stem, the positions of those stems,
    sorted; a text counts as :func:`contains` counts it.

    One Aho-Corasick pass over all stems joined finds every text at once: searching each text
    with ``str.find`` cost (distinct texts × total stem length), 25 s of CPU on 50,000
    questions. Normalized stems hold no newline, so no match spans two stems.
    """
    stems = [normalized(stem_text(q)) for q in questions]
    joined = "\n".join(stems)
    starts, offset = [], 0
    for stem in stems:
        starts.append(offset)
        offset += len(stem) + 1
    found: dict[str, set[int]] = {}
    for end, text in _matches(joined, texts):
        start = end - len(text) + 1
        if (text[0].isdigit() and start and joined[start - 1].isdigit()) or (
            text[-1].isdigit() and end + 1 < len(joined) and joined[end + 1].isdigit()
        ):
            continue  # part of a longer number: 30 is not stated by 130 or 300
        found.setdefault(text, set()).add(bisect.bisect_right(starts, start) - 1)
    return {text: sorted(hits) for text, hits in found.items()}


def _matches(haystack: str, needles: set[str]) -> Iterator[tuple[int, str]]:
    """(index of the last character, needle) for every occurrence of every needle, overlapping
    ones included."""
    if not needles or not haystack:
        return iter(())
    automaton = ahocorasick.Automaton()
    for needle in needles:
        automaton.add_word(needle, needle)
    automaton.make_automaton()
    found: Iterator[tuple[int, str]] = automaton.iter(haystack)
    return found


def same_quotes(questions: Sequence[AnyQuestion]) -> list[Leak]:
    """Each question quoting the same sentence as an earlier one (``same_quote`` leaks)."""
    first: dict[str, int] = {}
    leaks = []
    for index, question in enumerate(questions):
        if question.source is None:
            continue
        quote = normalized(question.source.quote)
        if quote in first:
            leaks.append(Leak(first[quote], index, question.source.quote, same_quote=True))
        else:
            first[quote] = index
    return leaks


def sibling_map(items: Mapping[K, AnyQuestion]) -> dict[K, frozenset[K]]:
    """For each key, the keys of the questions that must not share a paper with it."""
    return map_of_groups(sibling_groups(items))


def sibling_groups(items: Mapping[K, AnyQuestion]) -> list[tuple[list[K], list[K]]]:
    """The sibling relation as (givers, takers) groups: every giver is a sibling of every taker
    (a question is never its own). An answer text stated in many stems is one group however many
    pairs it makes; so is a quote shared by several questions (its first one, the others).

    Compact enough to be stored (see ``StudyService.siblings``); :func:`map_of_groups` turns
    it back into the map.
    """
    keys = list(items)
    questions = [items[k] for k in keys]
    groups = [
        ([keys[g] for g in givers], [keys[t] for t in takers])
        for _text, givers, takers in _within_budget(list(_answer_groups(questions)))
    ]
    quoted: dict[int, list[K]] = {}  # first question quoting a sentence → later ones
    for leak in same_quotes(questions):
        quoted.setdefault(leak.giver, []).append(keys[leak.taker])
    groups += [([keys[first]], later) for first, later in quoted.items()]
    return groups


def _within_budget(
    groups: list[tuple[str, list[int], list[int]]],
) -> list[tuple[str, list[int], list[int]]]:
    """``groups`` without the largest ones while they make more than ``MAX_PAIRS`` pairs."""
    sizes = [len(givers) * len(takers) for _text, givers, takers in groups]
    total = sum(sizes)
    if total <= MAX_PAIRS:
        return groups
    left_out: set[int] = set()
    for index in sorted(range(len(groups)), key=lambda i: (-sizes[i], groups[i][0])):
        if total <= MAX_PAIRS:
            break
        left_out.add(index)
        total -= sizes[index]
    texts = sorted(groups[i][0] for i in left_out)
    log.warning(
        "sibling relation over %d pairs: %d common answer texts left out: %s",
        MAX_PAIRS,
        len(texts),
        "、".join(texts[:20]) + ("…" if len(texts) > 20 else ""),
    )
    return [group for i, group in enumerate(groups) if i not in left_out]


def map_of_groups(groups: Iterable[tuple[Sequence[K], Sequence[K]]]) -> dict[K, frozenset[K]]:
    """The sibling map of :func:`sibling_groups`' groups."""
    near: dict[K, set[K]] = {}
    # Whole groups are added at once (set.update runs in C): pairs can number millions.
    for givers, takers in groups:
        for taker in takers:
            near.setdefault(taker, set()).update(givers)
        for giver in givers:
            near.setdefault(giver, set()).update(takers)
    found = {}
    for key, others in near.items():
        others.discard(key)  # a stem stating its own answer gives nothing away elsewhere
        if others:
            found[key] = frozenset(others)
    return found


@functools.cache
def method_stamp() -> str:
    """Changes whenever the siblings found for the same questions may: a hash of the source of
    this module and of the model it reads (stems, blanks, answers), and jgstudy's version. A
    stored sibling relation is only used under the same stamp (see ``siblings_repo``)."""
    digest = hashlib.sha256(jgstudy.__version__.encode())
    for source in (__file__, model.__file__):
        # A packaged build without sources: its version stands for them.
        with contextlib.suppress(OSError):
            digest.update(Path(source or "").read_bytes())
    return digest.hexdigest()


def spread(
    order: Iterable[K],
    siblings: Mapping[K, frozenset[K]],
    gap: int,
    groups: Mapping[K, tuple[object, ...]],
    limit: int | None = None,
) -> list[K]:
    """``order`` rearranged so that no two siblings (a symmetric relation) come within ``gap`` places of each other
    and, where it can be helped, neighbours differ in every part of their ``groups`` (e.g. bank
    and type), else in some part.

    Greedy and stable: each place takes the first waiting item (of the next ``WINDOW``) that
    fits best; siblings that cannot be kept ``gap`` apart end up as far apart as the order
    allows. Linear in the number of items and sibling pairs: what each step asks is kept up to
    date as items are placed rather than recounted.

    With ``limit``, only the first ``limit`` places are filled: each place depends only on
    the ones before it, so they are the first ``limit`` of the whole order.
    """
    state = _Spread(list(order), siblings, groups)
    largest = max((len(v) + 1 for v in siblings.values()), default=1)
    # A gap the items cannot keep would only push all siblings to the end, side by side.
    state.gap = min(gap, max(len(state.rest) // largest - 1, 1))
    wanted = len(state.rest) if limit is None else min(limit, len(state.rest))
    while len(state.placed) < wanted:
        state.fill()
        state.place(state.next_index())
    return state.placed


# How far ahead a place looks for an item that fits: looking further only costs time.
WINDOW = 200


class _Spread(Generic[K]):
    """The running state of :func:`spread`."""

    def __init__(
        self,
        rest: list[K],
        siblings: Mapping[K, frozenset[K]],
        groups: Mapping[K, tuple[object, ...]],
    ) -> None:
        self.rest, self.siblings, self.groups = rest, siblings, groups
        self.gap = 1
        self.cursor = 0
        self.window: list[K] = []
        self.placed: list[K] = []
        self.where: dict[K, int] = {}  # placed item → its place
        self.pending = len(rest)
        self.unplaced = set(rest)
        # For each item in or past the window, how many of its siblings are still waiting:
        # counted when it enters the window (a session places a few of thousands), then kept.
        self.waiting_siblings: dict[K, int] = {}

    def fill(self) -> None:
        while len(self.window) < WINDOW and self.cursor < len(self.rest):
            key = self.rest[self.cursor]
            self.window.append(key)
            self.waiting_siblings[key] = len(self.siblings.get(key, frozenset()) & self.unplaced)
            self.cursor += 1

    def place(self, index: int) -> None:
        key = self.window.pop(index)
        self.where[key] = len(self.placed)
        self.placed.append(key)
        self.unplaced.discard(key)
        self.pending -= 1
        for sibling in self.siblings.get(key, frozenset()):
            if sibling in self.waiting_siblings and sibling not in self.where:
                self.waiting_siblings[sibling] -= 1

    def next_index(self) -> int:
        """Index in ``window`` of the item to place next: the first urgent free item, else the
        first free one differing from the last placed in every group, else in some, else any."""
        recent = self.placed[-self.gap :]
        last = self.groups.get(self.placed[-1], ()) if self.placed else ()
        # Urgent: its waiting siblings need every remaining place to stay ``gap`` apart.
        threshold = (self.pending - 1) / (self.gap + 1)
        firsts: list[int | None] = [None, None, None]
        ranks: dict[tuple[object, ...], int] = {}  # few distinct groups (bank, type): rank once
        for index, key in enumerate(self.window):
            if not self.siblings.get(key, _NONE).isdisjoint(recent):
                continue  # a sibling was placed too recently
            if self.waiting_siblings[key] >= threshold:
                return index
            group = self.groups.get(key, ())
            rank = ranks.get(group)
            if rank is None:
                rank = ranks[group] = _rank(group, last)
            if firsts[rank] is None:
                firsts[rank] = index
        found = next((i for i in firsts if i is not None), None)
        return found if found is not None else self.farthest()

    def farthest(self) -> int:
        """The waiting item whose nearest placed sibling is furthest back."""

        def distance(key: K) -> int:
            mine = self.siblings.get(key, frozenset())
            last = max((self.where[s] for s in mine if s in self.where), default=-1)
            return len(self.placed) - last

        return max(range(len(self.window)), key=lambda i: distance(self.window[i]))


_NONE: frozenset[object] = frozenset()


def _rank(group: tuple[object, ...], last: tuple[object, ...]) -> int:
    """0 when ``group`` differs from ``last`` in every part, 1 in some part, 2 in none."""
    if _differs(group, last, every=True):
        return 0
    return 1 if _differs(group, last, every=False) else 2


def _differs(a: tuple[object, ...], b: tuple[object, ...], *, every: bool) -> bool:
    if not b:
        return True
    pairs = [x != y for x, y in zip(a, b, strict=False)]
    return all(pairs) if every else any(pairs)


def apart(candidates: Iterable[K], siblings: Mapping[K, frozenset[K]], taken: set[K]) -> list[K]:
    """The ``candidates`` in order, skipping any sibling of one taken before; ``taken`` grows."""
    chosen = []
    blocked = set().union(*(siblings.get(k, frozenset()) for k in taken))
    for key in candidates:
        if key in blocked or key in taken:
            continue
        chosen.append(key)
        taken.add(key)
        blocked |= siblings.get(key, frozenset())
    return chosen


def shown_tags(question: AnyQuestion, tags: Iterable[str]) -> tuple[str, ...]:
    """The ``tags`` that may stand above an open question: none that names an option or the
    answer (“平台叫什么？” tagged 先锋直播间 would answer itself)."""
    texts = [normalized(t) for t in (*_options(question), *answer_texts(question))]
    texts = [t for t in texts if t]
    kept = []
    for tag in tags:
        plain = normalized(tag)
        if plain and not any(contains(t, plain) or contains(plain, t) for t in texts):
            kept.append(tag)
    return tuple(kept)


def _options(question: AnyQuestion) -> list[str]:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return list(question.options.values())
    return []
