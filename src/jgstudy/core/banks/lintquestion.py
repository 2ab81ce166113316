"""Lint checks of one question (and near-duplicate stems within a bank).

Each check yields ``(field, message)``: the field the trainer should look at, and why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from jgstudy.core.model import AnyQuestion, MultipleQuestion, SingleQuestion
from jgstudy.core.siblings import MIN_LEAK_CHARS, answer_texts, contains, normalized, stem_text
from jgstudy.core.text import msg

Check = Iterator[tuple[str, str]]
NEAR_DUPLICATE = 0.8
_PICTURE = re.compile(r"图片|图中|如图|据图|上图|下图|照片")
# Question words are the stem's frame, not a hint.
_FRAME = re.compile("什么|哪个|哪些|哪项|多少|哪一")
_HAN_OR_DIGIT = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def stem_gives_answer(question: AnyQuestion) -> Check:
    """The stem itself states the answer (and no wrong option)."""
    stem = normalized(stem_text(question))
    answers = dict.fromkeys(normalized(a) for a in answer_texts(question))
    hits = [text for text in answers if len(text) >= MIN_LEAK_CHARS and contains(stem, text)]
    if not hits:
        return
    if isinstance(question, SingleQuestion | MultipleQuestion):
        wrong = [v for k, v in question.options.items() if k not in question.answer]
        if any(contains(stem, normalized(w)) for w in wrong if normalized(w)):
            return
    yield "stem", msg("{id} 的题干里已经写出了答案“{answer}”", id=question.id, answer=hits[0])


def stem_points_at_answer(question: AnyQuestion) -> Check:
    """A word of the stem recurs in the right option and in no more than one wrong option."""
    if not isinstance(question, SingleQuestion) or len(question.options) < 3:
        return
    stem = normalized(stem_text(question))
    right = normalized(question.options[question.answer])
    if contains(stem, right):
        return  # stem_gives_answer says so
    wrong = [normalized(v) for k, v in question.options.items() if k != question.answer]
    for word in _shared_words(stem, right):
        sharing = sum(word in w for w in wrong)
        if sharing <= (len(wrong) - 1) // 2:
            rest = (
                msg("只有正确答案含有它") if sharing == 0 else msg("只有正确答案和少数选项含有它")
            )
            yield (
                "stem",
                msg(
                    "{id} 的题干提到“{word}”，{rest}，可据此排除干扰项",
                    id=question.id,
                    word=word,
                    rest=rest,
                ),
            )
            return


def _shared_words(stem: str, option: str, shortest: int = 2) -> list[str]:
    """The maximal substrings of ``option`` (at least ``shortest`` characters) found in
    ``stem``, longest first; digits alone do not count (numbers are the question's subject)."""
    found: set[str] = set()
    for start in range(len(option)):
        end = start + shortest
        if end > len(option) or option[start:end] not in stem:
            continue
        while end < len(option) and option[start : end + 1] in stem:
            end += 1
        word = option[start:end]
        framing = _FRAME.search(word) is not None
        if not word.isdigit() and not framing and not any(word in f for f in found):
            found.add(word)
    return sorted(found, key=len, reverse=True)


def tag_gives_answer(question: AnyQuestion, tags: Sequence[str]) -> Check:
    """A tag shown above the question is (or holds) its answer."""
    answers = [normalized(a) for a in answer_texts(question)]
    for tag in tags:
        plain = normalized(tag)
        if len(plain) < 2:
            continue
        for answer in answers:
            if len(answer) >= 2 and (contains(answer, plain) or contains(plain, answer)):
                yield (
                    "tags",
                    msg(
                        "{id} 的标签“{tag}”就是答案“{answer}”，请改用别的标签",
                        id=question.id,
                        tag=tag,
                        answer=answer,
                    ),
                )
                return


def dangling_picture(question: AnyQuestion) -> Check:
    """The stem refers to a picture that the question does not show."""
    if question.image is None and _PICTURE.search(question.stem):
        yield (
            "stem",
            msg("{id} 的题干提到图片，但这道题没有图片：请改写成不看图也能作答", id=question.id),
        )


def near_duplicates(questions: Sequence[AnyQuestion]) -> Iterator[tuple[int, int, str]]:
    """Pairs of stems that are nearly the same (character bigram overlap), reported at the later.

    Candidates by prefix filtering, an exact method for similarity joins: with the bigrams of
    every stem ordered rarest first, two stems whose overlap reaches ``NEAR_DUPLICATE`` share a
    bigram among the first ``len - floor(NEAR_DUPLICATE * len) + 1`` of each (they share at least
    ``ceil(NEAR_DUPLICATE * len)`` of each one's bigrams). Indexing every bigram instead made
    the lint quadratic: the common ones ("下列", "的是") stand in nearly every stem (5,000
    questions 7.6 s, 50,000 some minutes). Each candidate's overlap is then counted exactly.
    """
    grams = [_bigrams(normalized(stem_text(q))) for q in questions]
    frequency: Counter[str] = Counter(gram for bag in grams for gram in bag)
    index: dict[str, list[int]] = defaultdict(list)
    for position, bag in enumerate(grams):
        rarest_first = sorted(bag, key=lambda gram: (frequency[gram], gram))
        # floor, not ceil: a prefix one longer is still exact, and safe from rounding
        prefix = rarest_first[: len(bag) - int(NEAR_DUPLICATE * len(bag)) + 1] if bag else []
        candidates: set[int] = set()
        for gram in prefix:
            candidates.update(index[gram])
            index[gram].append(position)
        for other in sorted(candidates):
            count = len(bag & grams[other])
            union = len(bag) + len(grams[other]) - count
            if union and count / union >= NEAR_DUPLICATE:
                a, b = questions[other], questions[position]
                yield (
                    position,
                    other,
                    msg(
                        "{id} 的题干与 {other} 几乎相同（{share:.0%}）",
                        id=b.id,
                        other=a.id,
                        share=count / union,
                    ),
                )


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if _HAN_OR_DIGIT.match(text[i])}
