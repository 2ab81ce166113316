"""Turn material into draft questions (fill, single, judge, multiple) and write them as a bank.

Every draft carries ``status: draft``, so a bank made of drafts fails ``jgstudy check`` until a
trainer has reviewed each question and removed that key.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from jgstudy.core.banks.yamlstyle import dump_bank
from jgstudy.core.drafting.candidates import Candidate, Draft, select
from jgstudy.core.drafting.enumerations import Enumeration, find_enumerations
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
from jgstudy.core.drafting.forms import (
    DRAFT_TAG,
    Origin,
    context,
    figure_options,
    fill_stem,
    judge_form,
    multiple_form,
    single_stem,
)
from jgstudy.core.drafting.sentences import (
    Sentence,
    balanced_span,
    clause_window,
    headings,
    split_sentences,
    trim_span,
)
from jgstudy.core.drafting.subjects import sentence_subjects, with_subject
from jgstudy.core.drafting.words import snap_inside
from jgstudy.core.model import ID_PATTERN

QUOTE_MIN, QUOTE_MAX = 12, 60
HEADER = (
    "# 候选题草稿：由 jgstudy draft 根据材料自动生成，尚未审核。\n"
    "# 请逐题核对题干、答案、干扰项与出处，删除不合适的题；审核通过的题删除“status: draft”一行，\n"
    "# 再用 jgstudy check 校验后导入。\n"
)
DESCRIPTION = "由 jgstudy draft 根据材料自动生成的候选题草稿，须经培训师逐题审核后才能使用。"
DEFAULT_SUBJECT = ""
NAME_ASKED_MAX = 12
STEM_READABLE = 8  # a longer name is recited, not recalled

Span = tuple[int, int]


@dataclass(frozen=True)
class _Material:
    """What every fact's questions may draw on: all names, all list items, all subjects."""

    names: tuple[str, ...]
    list_items: tuple[str, ...]
    subjects: tuple[str, ...]
    year: str | None  # the year the material reports on; asking it is trivial


def draft_candidates(text: str) -> list[Candidate]:
    """One candidate per fact worth asking, in the material's order, the weak ones dropped."""
    sentences = split_sentences(text)
    subjects = sentence_subjects(sentences, [h for _, h in headings(text)], DEFAULT_SUBJECT)
    material = _material(sentences, subjects, text)
    found: list[Candidate] = []
    for sentence, subject in zip(sentences, subjects, strict=True):
        found.extend(_sentence_candidates(sentence, subject, material))
    return select(found)


def draft_questions(text: str, all_forms: bool = False) -> list[Draft]:
    """The drafted questions: each candidate's preferred form, or every form of it."""
    questions: list[Draft] = []
    for candidate in draft_candidates(text):
        questions.extend(candidate.forms if all_forms else [candidate.question])
    return _with_unique_ids(questions)


def _material(sentences: list[Sentence], subjects: list[str], text: str) -> _Material:
    # A name with its opening mark: a judge item swaps 《a title》 only for another title.
    names = [s.text[n.start - 1] + n.text for s in sentences for n in find_names(s.text)]
    items = [i for s in sentences for e in find_enumerations(s.text) for i in e.items]
    years = Counter(re.findall(r"(?<!\d)((?:19|20)\d{2})年", text))
    year = years.most_common(1)[0][0] if years else None
    unique_subjects = tuple(dict.fromkeys(s for s in subjects if s))
    return _Material(
        tuple(dict.fromkeys(names)), tuple(dict.fromkeys(items)), unique_subjects, year
    )


def _sentence_candidates(sentence: Sentence, subject: str, material: _Material) -> list[Candidate]:
    text = sentence.text
    found: list[Candidate] = []
    for index, figure in enumerate(find_figures(text)):
        found.extend(_figure_candidate(sentence, subject, figure, index, material))
    for index, name in enumerate(find_names(text), start=len(found)):
        found.extend(_name_candidate(sentence, subject, name, index, material))
    for enumeration in find_enumerations(text):
        found.extend(_list_candidate(sentence, subject, enumeration, material))
    if not found:
        # Dates make weak questions; use one only when the sentence has nothing better.
        dates = [d for d in find_dates(text) if not _is_report_year(text, d, material)]
        found.extend(_date_candidate(sentence, subject, dates[0]) if dates else [])
    return found


def _origin(sentence: Sentence, subject: str, span: Span, index: int) -> Origin | None:
    """The verbatim quote of a fact: its sentence, or its clause when the sentence is long.

    A sentence broken over lines is quoted only from the line holding the fact, since a quote
    must be a substring of the material; a quote starts and ends between words.
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
    start, end = snap_inside(text, (start, end), span)
    return Origin(sentence, text[start:end], subject, index)


def _rotated(forms: list[Draft | None], key: str) -> tuple[Draft, ...]:
    """The forms, the preferred one first: rotated by the fact, so a bank mixes the types.

    A form whose stem is a fragment (a few characters, or cut off with "…") is left out: a
    cadre cannot tell what it is about.
    """
    present = [form for form in forms if form is not None and _readable(form)]
    if not present:
        return ()
    offset = stable_int(key, "form") % len(present)
    return tuple(present[offset:] + present[:offset])


def _readable(form: Draft) -> bool:
    stem = re.sub(r"^[^：]{2,6}：", "", str(form["stem"]))  # the subject put in front
    return len(stem) >= STEM_READABLE and "…" not in stem


def _figure_candidate(
    sentence: Sentence, subject: str, figure: Figure, index: int, material: _Material
) -> list[Candidate]:
    if not figure.is_percent and Decimal(plain_digits(figure.number)) <= 1:
        return []  # "1 个" is no question
    origin = _origin(sentence, subject, (figure.start, figure.end), index)
    if origin is None:
        return []
    text, window = sentence.text, context(sentence, (figure.start, figure.end), _crowded(sentence))
    forms = _rotated(
        [
            _figure_fill(origin, text, window, figure),
            _figure_single(origin, text, window, figure),
            _figure_judge(origin, text, window, figure, material),
        ],
        fact := f"figure|{subject}|{plain_digits(figure.number)}{figure.tail}",
    )
    given_away = (f"{figure.number}{figure.tail}",)
    if not forms:
        return []
    return [Candidate(fact, "figure", sentence, subject, origin.quote, given_away, forms, 4)]


def _figure_fill(origin: Origin, text: str, window: Span, figure: Figure) -> Draft | None:
    stem = fill_stem(text, window, [(figure.start, figure.number_end)])
    if stem is None:
        return None
    answers = list(dict.fromkeys([figure.number, plain_digits(figure.number)]))
    note = f"应填“{figure.number}”（原文为“{figure.number}{figure.tail}”）。"
    return origin.question("fill-figure", "fill", stem, {"blanks": [answers]}, note)


def _figure_single(origin: Origin, text: str, window: Span, figure: Figure) -> Draft:
    options, answer = figure_options(figure, origin.question_id("single-figure"))
    note = f"材料中为{figure.number}{figure.tail}，其余选项是相近的数字。"
    stem = single_stem(text, window, figure)
    body = {"options": options, "answer": answer}
    return origin.question("single-figure", "single", stem, body, note)


def _figure_judge(
    origin: Origin, text: str, window: Span, figure: Figure, material: _Material
) -> Draft:
    """True as the material says it, or false with the place or the figure swapped."""
    statement = with_subject(text[window[0] : window[1]], origin.subject)
    others = [s for s in material.subjects if s != origin.subject]
    if others and origin.subject in statement and stable_int(origin.quote, "place") % 2:
        other = others[stable_int(origin.quote) % len(others)]
        swapped = statement.replace(origin.subject, other, 1)
        note = f"材料中这是{origin.subject}的情况，不是{other}的。"
        return judge_form(origin, "judge-place", statement, swapped, note)
    wrong = near_numbers(figure.number, origin.quote, 1, percent=figure.is_percent)
    at = figure.start - window[0] + len(statement) - (window[1] - window[0])
    false_version: str | None = None
    if wrong and statement[at : at + len(figure.number)] == figure.number:
        false_version = statement[:at] + wrong[0] + statement[at + len(figure.number) :]
    note = f"材料中为{figure.number}{figure.tail}。"
    return judge_form(origin, "judge-figure", statement, false_version, note)


def _name_candidate(
    sentence: Sentence, subject: str, name: Name, index: int, material: _Material
) -> list[Candidate]:
    if len(name.text) > NAME_ASKED_MAX:
        return []
    span = (name.start - 1, name.end + 1)  # the name with its quote marks
    origin = _origin(sentence, subject, span, index)
    window = context(sentence, span, _crowded(sentence))
    stem = fill_stem(sentence.text, window, [(name.start, name.end)])
    if origin is None or stem is None or name.text in stem:  # a repeat would give it away
        return []
    quoted = sentence.text[span[0] : span[1]]
    note = f"材料中的名称是{quoted}。"
    fill = origin.question("fill-name", "fill", stem, {"blanks": [[name.text]]}, note)
    forms = _rotated([fill, _name_judge(origin, sentence, window, name, material)], name.text)
    if not forms:
        return []
    score = 4 if quoted.startswith("《") else 3
    fact = f"name|{name.text}"
    return [Candidate(fact, "name", sentence, subject, origin.quote, (name.text,), forms, score)]


def _name_judge(
    origin: Origin, sentence: Sentence, window: Span, name: Name, material: _Material
) -> Draft:
    statement = sentence.text[window[0] : window[1]]
    opener = sentence.text[name.start - 1]
    others = [
        n[1:]
        for n in material.names
        if n[0] == opener and n[1:] != name.text and n[1:] not in sentence.text
    ]
    false_version: str | None = None
    if others:
        other = others[stable_int(origin.quote, name.text) % len(others)]
        head, tail = name.start - window[0], name.end - window[0]
        false_version = statement[:head] + other + statement[tail:]
    note = f"材料中的名称是“{name.text}”。"
    return judge_form(origin, "judge-name", statement, false_version, note)


def _list_candidate(
    sentence: Sentence, subject: str, enumeration: Enumeration, material: _Material
) -> list[Candidate]:
    if not enumeration.closed:  # "A、B、C等": a distractor could never be proved wrong
        return []
    span = (enumeration.start, enumeration.end)
    origin = _origin(sentence, subject, span, 0)
    if origin is None:
        return []
    window = context(sentence, span, _crowded(sentence))
    # Plausible distractors first: items of other lists about as long as this list's items.
    typical = sum(map(len, enumeration.items)) / len(enumeration.items)
    others = [item for item in material.list_items if item not in sentence.text]
    others.sort(key=lambda item: (abs(len(item) - typical), stable_int(origin.quote, item)))
    forms = _rotated([multiple_form(origin, sentence.text, window, enumeration, others)], "")
    if not forms:
        return []
    fact = "list|" + "、".join(sorted(enumeration.items))
    items = enumeration.items
    return [Candidate(fact, "list", sentence, subject, origin.quote, items, forms, 5)]


def _crowded(sentence: Sentence) -> bool:
    """Whether the sentence holds several facts: its stems then keep to the fact's own clause,
    so a question on one fact does not print the answer of another."""
    return len(find_figures(sentence.text)) + len(find_names(sentence.text)) > 1


def _is_report_year(text: str, date: DateParts, material: _Material) -> bool:
    """A bare year that is the year the material reports on: asking it is trivial."""
    return len(date.parts) == 1 and text[slice(*date.parts[0])] == material.year


def _date_candidate(sentence: Sentence, subject: str, date: DateParts) -> list[Candidate]:
    origin = _origin(sentence, subject, (date.start, date.end), 0)
    stem = fill_stem(sentence.text, context(sentence, (date.start, date.end)), list(date.parts))
    if origin is None or stem is None:
        return []
    blanks = [[plain_digits(sentence.text[a:b])] for a, b in date.parts]
    date_text = sentence.text[date.start : date.end]
    form = origin.question("fill-date", "fill", stem, {"blanks": blanks}, f"时间为{date_text}。")
    forms = _rotated([form], "")
    fact = f"date|{date_text}"
    quote, answers = origin.quote, (date_text,)
    return [Candidate(fact, "date", sentence, subject, quote, answers, forms, 2)] if forms else []


def _with_unique_ids(questions: list[Draft]) -> list[Draft]:
    seen: dict[str, int] = {}
    for question in questions:
        base = question["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:  # the same clause twice in the material
            question["id"] = f"{base}-{seen[base]}"
    return questions


def draft_bank_yaml(
    text: str, bank_id: str, title: str, all_forms: bool = False
) -> tuple[str, int]:
    """A draft bank for the material as YAML text, and the number of candidate questions."""
    questions = draft_questions(text, all_forms)
    bank = {
        "format": 1,
        "id": _valid_bank_id(bank_id),
        "title": title.strip() or "材料候选题（草稿）",
        "description": DESCRIPTION,
        "tags": [DRAFT_TAG],
        "questions": questions,
    }
    return dump_bank(bank, header=HEADER), len(questions)


def _valid_bank_id(bank_id: str) -> str:
    """The id itself if the bank format allows it, else its ASCII part plus a digest.

    File names such as ``2025年报告.txt`` give ids like ``draft-2025年报告``; the digest keeps two
    such materials from ending up with the same bank id.
    """
    if re.fullmatch(ID_PATTERN, bank_id):
        return bank_id
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", bank_id).strip("-_.")[:53] or "draft"
    return f"{cleaned}-{hashlib.sha1(bank_id.encode()).hexdigest()[:10]}"
