"""The question forms a fact can be asked in: fill, single choice, judge, multiple choice.

Every form cites the verbatim quote it was made from and names the subject (the place) the fact
belongs to, in its stem and its tags.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jgstudy.core.drafting.enumerations import Enumeration
from jgstudy.core.drafting.figures import Figure, near_numbers, stable_int
from jgstudy.core.drafting.sentences import (
    CLOSERS,
    PAIRS,
    TAIL_TRIM,
    TERMINALS,
    Sentence,
    clause_end,
    clause_window,
    trim_span,
)
from jgstudy.core.drafting.subjects import with_subject
from jgstudy.core.model import OPTION_KEYS, blank_spans

DRAFT_TAG = "草稿"
STEM_MAX, STEM_MIN = 80, 32
NARROW_MIN = 14
_TIME_LEAD = re.compile(r"^[^，,。]{0,6}(?:19|20)\d{2}年[^，,。]{0,8}[，,]")
Span = tuple[int, int]
Draft = dict[str, Any]


@dataclass(frozen=True)
class Origin:
    """Where a fact was found: its sentence, the verbatim quote, its subject, its rank."""

    sentence: Sentence
    quote: str
    subject: str
    index: int

    def question_id(self, kind: str) -> str:
        # Derived from the quote, so re-drafting the same material gives the same ids.
        digest = hashlib.sha1(f"{self.quote}{kind}{self.index}".encode()).hexdigest()
        return f"d-{digest[:10]}"

    def question(self, kind: str, qtype: str, stem: str, body: Draft, note: str) -> Draft:
        locator = self.sentence.locator
        tags = [DRAFT_TAG, self.subject, short_tag(locator)]
        return {
            "id": self.question_id(kind),
            "type": qtype,
            "status": "draft",
            "stem": with_subject(stem, self.subject),
            **body,
            "explanation": f"原文：{with_full_stop(self.quote)}{note}",
            "tags": [tag for tag in dict.fromkeys(tags) if tag],
            "difficulty": 3 if kind.endswith("figure") else 2,
            "source": {"locator": locator, "quote": self.quote},
        }


def context(sentence: Sentence, span: Span, narrow: bool = False) -> Span:
    """The part of the sentence a stem is made of: all of it, or clauses around the fact.

    ``narrow`` keeps to the fact's own clause (widened to a readable length) even in a short
    sentence, for sentences that hold other facts too.
    """
    if narrow:
        window = clause_window(sentence.text, span, STEM_MAX, NARROW_MIN)
        lead = _TIME_LEAD.match(sentence.text)
        # "截至2024年底，" belongs to every figure of its sentence: a figure without it is undated.
        if lead and sentence.text[lead.end() : window[0]].strip() == "":
            return 0, window[1]
        return window
    if len(sentence.text) <= STEM_MAX:
        return trim_span(sentence.text, 0, len(sentence.text))
    return clause_window(sentence.text, span, STEM_MAX, STEM_MIN)


def fill_stem(text: str, window: Span, blanks: Sequence[Span]) -> str | None:
    """The window with ``{{1}}``, ``{{2}}``… in place of the blanks; None if the text has markers."""
    pieces, position = [], window[0]
    for number, (start, end) in enumerate(blanks, 1):
        pieces += [text[position:start], f"{{{{{number}}}}}"]
        position = end
    pieces.append(text[position : window[1]])
    stem = with_full_stop("".join(pieces))
    # Material holding "（）" or "{{1}}" itself would add blanks nobody can fill.
    return stem if len(blank_spans(stem)) == len(blanks) else None


def single_stem(text: str, window: Span, figure: Figure) -> str:
    """``……已组织基层宣讲3100余场`` → ``……已组织基层宣讲多少场？``.

    The stem stops at the figure's own list item: "谈心谈话多少次、民主评议63次？" asks one figure
    while printing its neighbour.
    """
    before = text[window[0] : figure.start]
    asks = "几" if figure.ordinal else "多少"
    unit = "" if figure.is_percent else figure.tail.replace("余", "").replace("多", "")
    stop = min(clause_end(text, figure.end), window[1])
    comma = text.find("、", figure.end, stop)
    rest = text[figure.end : comma if comma >= 0 else stop]
    return closed(before + asks + unit + rest) + "？"


def figure_options(figure: Figure, seed: str) -> tuple[dict[str, str], str]:
    wrong = near_numbers(figure.number, seed, 3, percent=figure.is_percent)
    position = stable_int(seed, "answer") % (len(wrong) + 1)  # the right option moves around
    numbers = [*wrong[:position], figure.number, *wrong[position:]]
    prefix = "第" if figure.ordinal else ""  # 第几届 → 第3届
    options = {key: prefix + n + figure.tail for key, n in zip(OPTION_KEYS, numbers, strict=False)}
    return options, OPTION_KEYS[position]


def judge_form(
    origin: Origin, kind: str, statement: str, false_version: str | None, note: str
) -> Draft:
    """A judge question: the material's statement, or (chosen by a stable coin) a falsified one."""
    true_one = false_version is None or stable_int(origin.quote, kind, "judge") % 2 == 0
    stem = with_full_stop(statement if true_one else false_version or statement)
    verdict = "表述正确。" if true_one else f"表述错误，{note}"
    return origin.question(kind, "judge", stem, {"answer": true_one}, verdict)


def multiple_form(
    origin: Origin, text: str, window: Span, enumeration: Enumeration, others: Sequence[str]
) -> Draft | None:
    """A multiple-choice question on a closed list: its items right, items of other lists wrong."""
    wrong = [item for item in others if item not in enumeration.items][:2]
    if not wrong:
        return None
    right = list(enumeration.items)
    if len(right) > 5:  # keep the options readable: any four of a closed list are still right
        offset = stable_int(origin.quote, "multiple") % len(right)
        right = (right[offset:] + right[:offset])[:4]
    labelled = [(item, True) for item in right] + [(item, False) for item in wrong]
    labelled.sort(key=lambda pair: stable_int(origin.quote, pair[0]))
    options = {key: item for key, (item, _) in zip(OPTION_KEYS, labelled, strict=False)}
    answer = [key for key, (_, ok) in zip(OPTION_KEYS, labelled, strict=False) if ok]
    stem = closed(
        text[window[0] : enumeration.start] + "（  ）" + text[enumeration.end : window[1]]
    )
    note = f"材料所列为：{'、'.join(enumeration.items)}。"
    body = {"options": options, "answer": answer}
    return origin.question("multiple-list", "multiple", stem + "。", body, note)


def closed(stem: str) -> str:
    """The stem without its final punctuation, any quote it opened closed again."""
    stem = stem.rstrip(TAIL_TRIM + "".join(TERMINALS) + "…")
    unclosed: list[str] = []
    for char in stem:
        if char in PAIRS:
            unclosed.append(char)
        elif char in CLOSERS and unclosed and PAIRS[unclosed[-1]] == char:
            unclosed.pop()
    return stem + "".join(PAIRS[opener] for opener in reversed(unclosed))


def with_full_stop(text: str) -> str:
    text = text.rstrip(TAIL_TRIM)
    ending = text.rstrip("".join(CLOSERS))
    return text if ending.endswith((*TERMINALS, "…")) else text + "。"


def short_tag(locator: str) -> str:
    # "凝心铸魂 理论宣讲“声”入人心，……" → "凝心铸魂": headings often lead with a short topic.
    return re.split(r"[\s，,；;：:]", locator, maxsplit=1)[0] or locator
