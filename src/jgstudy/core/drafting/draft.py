"""Turn material into draft questions (fill and single choice) and write them as a bank file.

Every draft carries ``status: draft``, so a bank made of drafts fails ``jgstudy check`` until a
trainer has reviewed each question and removed that key.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from jgstudy.core.drafting.figures import (
    DateParts,
    Figure,
    Name,
    find_dates,
    find_figures,
    find_names,
    near_numbers,
    plain_digits,
    stable_int,
)
from jgstudy.core.drafting.sentences import (
    CLOSERS,
    PAIRS,
    TAIL_TRIM,
    TERMINALS,
    Sentence,
    balanced_span,
    clause_end,
    clause_window,
    split_sentences,
    trim_span,
)
from jgstudy.core.model import ID_PATTERN, OPTION_KEYS, blank_spans

DRAFT_TAG = "草稿"
QUOTE_MIN, QUOTE_MAX = 12, 60
STEM_MAX, STEM_MIN = 80, 32
HEADER = (
    "# 候选题草稿：由 jgstudy draft 根据材料自动生成，尚未审核。\n"
    "# 请逐题核对题干、答案、干扰项与出处，删除不合适的题；审核通过的题删除“status: draft”一行，\n"
    "# 再用 jgstudy check 校验后导入。\n"
)
DESCRIPTION = "由 jgstudy draft 根据材料自动生成的候选题草稿，须经培训师逐题审核后才能使用。"

Span = tuple[int, int]
Draft = dict[str, Any]


@dataclass(frozen=True)
class _Origin:
    """Where a fact was found: its sentence, the verbatim quote, its rank among the sentence's facts."""

    sentence: Sentence
    quote: str
    index: int

    def question_id(self, kind: str) -> str:
        # Derived from the quote, so re-drafting the same material gives the same ids.
        digest = hashlib.sha1(f"{self.quote}{kind}{self.index}".encode()).hexdigest()
        return f"d-{digest[:10]}"

    def question(self, kind: str, qtype: str, stem: str, body: Draft, note: str) -> Draft:
        locator = self.sentence.locator
        return {
            "id": self.question_id(kind),
            "type": qtype,
            "status": "draft",
            "stem": stem,
            **body,
            "explanation": f"原文：{_with_full_stop(self.quote)}{note}",
            "tags": list(dict.fromkeys([DRAFT_TAG, _short_tag(locator)])),
            "difficulty": 3 if kind == "fill-figure" else 2,
            "source": {"locator": locator, "quote": self.quote},
        }


def draft_questions(text: str) -> list[Draft]:
    """Candidate questions for every fact of the material, in the material's order."""
    questions: list[Draft] = []
    seen_names: set[str] = set()
    for sentence in split_sentences(text):
        questions.extend(_sentence_questions(sentence, seen_names))
    return _with_unique_ids(questions)


def _sentence_questions(sentence: Sentence, seen_names: set[str]) -> list[Draft]:
    facts: list[Figure | Name] = [*find_figures(sentence.text), *find_names(sentence.text)]
    facts.sort(key=lambda fact: fact.start)
    drafts: list[Draft] = []
    for index, fact in enumerate(facts):
        if isinstance(fact, Figure):
            drafts.extend(_figure_questions(sentence, fact, index))
        elif fact.text not in seen_names:  # a name used again later is asked once
            question = _name_question(sentence, fact, index)
            if question is not None:
                drafts.append(question)
                seen_names.add(fact.text)
    if not drafts:
        # Dates make weak questions; use one only when the sentence has nothing better.
        dates = find_dates(sentence.text)
        drafts.extend(_date_question(sentence, dates[0]) if dates else [])
    return drafts


def _origin(sentence: Sentence, span: Span, index: int) -> _Origin | None:
    """The verbatim quote of a fact: its sentence, or its clause when the sentence is long.

    A sentence broken over lines is quoted only from the line holding the fact: a quote must be
    a substring of the material.
    """
    text, segment = sentence.text, sentence.segment_holding(*span)
    if segment is None:  # the fact itself is broken over a line break
        return None
    if len(sentence.segments) == 1 and len(text) <= QUOTE_MAX:
        start, end = trim_span(text, 0, len(text))
    else:
        bounds = (segment.start, segment.end)
        window = clause_window(text, span, QUOTE_MAX, QUOTE_MIN, bounds=bounds)
        start, end = balanced_span(text, window, span)
    return _Origin(sentence, text[start:end], index)


def _context(sentence: Sentence, span: Span) -> Span:
    """The part of the sentence a stem is made of: all of it, or clauses around the fact."""
    if len(sentence.text) <= STEM_MAX:
        return trim_span(sentence.text, 0, len(sentence.text))
    return clause_window(sentence.text, span, STEM_MAX, STEM_MIN)


def _figure_questions(sentence: Sentence, figure: Figure, index: int) -> list[Draft]:
    origin = _origin(sentence, (figure.start, figure.end), index)
    if origin is None:
        return []
    text, window = sentence.text, _context(sentence, (figure.start, figure.end))
    answers = list(dict.fromkeys([figure.number, plain_digits(figure.number)]))
    drafts: list[Draft] = []
    fill_stem = _fill_stem(text, window, [(figure.start, figure.number_end)])
    if fill_stem is not None:
        note = f"应填“{figure.number}”（原文为“{figure.number}{figure.tail}”）。"
        drafts.append(
            origin.question("fill-figure", "fill", fill_stem, {"blanks": [answers]}, note)
        )
    options, answer = _options(figure, origin.question_id("single-figure"))
    note = f"材料中为{figure.number}{figure.tail}，其余选项是相近的数字。"
    body = {"options": options, "answer": answer}
    drafts.append(
        origin.question("single-figure", "single", _single_stem(text, window, figure), body, note)
    )
    return drafts


def _name_question(sentence: Sentence, name: Name, index: int) -> Draft | None:
    span = (name.start - 1, name.end + 1)  # the name with its quote marks
    origin = _origin(sentence, span, index)
    stem = _fill_stem(sentence.text, _context(sentence, span), [(name.start, name.end)])
    if origin is None or stem is None or name.text in stem:  # a repeat would give it away
        return None
    quoted = sentence.text[span[0] : span[1]]
    body = {"blanks": [[name.text]]}
    return origin.question("fill-name", "fill", stem, body, f"材料中的名称是{quoted}。")


def _date_question(sentence: Sentence, date: DateParts) -> list[Draft]:
    origin = _origin(sentence, (date.start, date.end), 0)
    stem = _fill_stem(sentence.text, _context(sentence, (date.start, date.end)), list(date.parts))
    if origin is None or stem is None:
        return []
    blanks = [[plain_digits(sentence.text[a:b])] for a, b in date.parts]
    note = f"时间为{sentence.text[date.start : date.end]}。"
    return [origin.question("fill-date", "fill", stem, {"blanks": blanks}, note)]


def _fill_stem(text: str, window: Span, blanks: Sequence[Span]) -> str | None:
    """The window with ``{{1}}``, ``{{2}}``… in place of the blanks; None if the text has markers."""
    pieces, position = [], window[0]
    for number, (start, end) in enumerate(blanks, 1):
        pieces += [text[position:start], f"{{{{{number}}}}}"]
        position = end
    pieces.append(text[position : window[1]])
    stem = _with_full_stop("".join(pieces))
    # Material holding "（）" or "{{1}}" itself would add blanks nobody can fill.
    return stem if len(blank_spans(stem)) == len(blanks) else None


def _single_stem(text: str, window: Span, figure: Figure) -> str:
    """``……已组织基层宣讲3100余场`` → ``……已组织基层宣讲多少场？``."""
    before = text[window[0] : figure.start]
    asks = "几" if figure.ordinal else "多少"
    unit = "" if figure.is_percent else figure.tail.replace("余", "").replace("多", "")
    rest = text[figure.end : min(clause_end(text, figure.end), window[1])]
    return _closed(before + asks + unit + rest) + "？"


def _options(figure: Figure, seed: str) -> tuple[dict[str, str], str]:
    wrong = near_numbers(figure.number, seed, 3, percent=figure.is_percent)
    position = stable_int(seed, "answer") % (len(wrong) + 1)  # the right option moves around
    numbers = [*wrong[:position], figure.number, *wrong[position:]]
    prefix = "第" if figure.ordinal else ""  # 第几届 → 第3届
    options = {key: prefix + n + figure.tail for key, n in zip(OPTION_KEYS, numbers, strict=False)}
    return options, OPTION_KEYS[position]


def _closed(stem: str) -> str:
    """The stem without its final punctuation, any quote it opened closed again."""
    stem = stem.rstrip(TAIL_TRIM + "".join(TERMINALS) + "…")
    unclosed: list[str] = []
    for char in stem:
        if char in PAIRS:
            unclosed.append(char)
        elif char in CLOSERS and unclosed and PAIRS[unclosed[-1]] == char:
            unclosed.pop()
    return stem + "".join(PAIRS[opener] for opener in reversed(unclosed))


def _with_full_stop(text: str) -> str:
    text = text.rstrip(TAIL_TRIM)
    ending = text.rstrip("".join(CLOSERS))
    return text if ending.endswith((*TERMINALS, "…")) else text + "。"


def _short_tag(locator: str) -> str:
    # "凝心铸魂 理论宣讲“声”入人心，……" → "凝心铸魂": headings often lead with a short topic.
    return re.split(r"[\s，,；;：:]", locator, maxsplit=1)[0] or locator


def _with_unique_ids(questions: list[Draft]) -> list[Draft]:
    seen: dict[str, int] = {}
    for question in questions:
        base = question["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:  # the same clause twice in the material
            question["id"] = f"{base}-{seen[base]}"
    return questions


def draft_bank_yaml(text: str, bank_id: str, title: str) -> tuple[str, int]:
    """A draft bank for the material as YAML text, and the number of candidate questions."""
    questions = draft_questions(text)
    bank = {
        "format": 1,
        "id": _valid_bank_id(bank_id),
        "title": title.strip() or "材料候选题（草稿）",
        "description": DESCRIPTION,
        "tags": [DRAFT_TAG],
        "questions": questions,
    }
    body = yaml.dump(bank, Dumper=_DraftDumper, allow_unicode=True, sort_keys=False, width=1000)
    return HEADER + body, len(questions)


def _valid_bank_id(bank_id: str) -> str:
    """The id itself if the bank format allows it, else its ASCII part plus a digest.

    File names such as ``2025年报告.txt`` give ids like ``draft-2025年报告``; the digest keeps two
    such materials from ending up with the same bank id.
    """
    if re.fullmatch(ID_PATTERN, bank_id):
        return bank_id
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", bank_id).strip("-_.")[:53] or "draft"
    return f"{cleaned}-{hashlib.sha1(bank_id.encode()).hexdigest()[:10]}"


class _DraftDumper(yaml.SafeDumper):
    """Safe YAML in the style of the bundled banks: short lists and mappings on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("questions:\n  - id: …") like hand-written banks.
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flat = all(isinstance(item, str) or _is_str_list(item) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    values = list(data.values())
    short = all(isinstance(v, str) for v in values) and sum(len(v) for v in values) <= 90
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=short)


def _is_str_list(item: object) -> bool:
    return isinstance(item, list) and all(isinstance(value, str) for value in item)


_DraftDumper.add_representer(list, _represent_list)
_DraftDumper.add_representer(dict, _represent_dict)
