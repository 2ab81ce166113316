"""Item analysis, as in Moodle's quiz statistics: facility, discrimination, distractors.

Only each cadre's *first* answer to a question in the report's scope counts (Moodle's "first
attempt" setting): practice brings wrong answers back and shows the key after each answer, so
later answers measure the key the cadre was shown, not what they knew. See docs/reports.md.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from jgstudy.core.model import JudgeQuestion, MultipleQuestion, SingleQuestion, display_stem
from jgstudy.core.model import correct_answer_text as key_text
from jgstudy.core.records import QuestionRecord
from jgstudy.core.text import N_, msg

# Below these sizes the figures are noise: no discrimination, no wrong-key warning.
MIN_CADRES_FOR_DISCRIMINATION = 6
MIN_ANSWERS_FOR_KEY_CHECK = 5
# A choice answer as the item analysis shows it: how a cadre reads it in the report.
NOTHING_CHOSEN = N_("（未选）")
JUDGED_TRUE, JUDGED_FALSE = N_("正确"), N_("错误")


@dataclass(frozen=True)
class FirstAnswer:
    user_id: int
    question_pk: int
    answer_json: str
    correct: bool


@dataclass(frozen=True)
class ItemStats:
    """The figures of one question."""

    question_pk: int
    bank_id: str
    qid: str
    type: str
    stem: str
    key: str
    tags: tuple[str, ...]
    attempts: int
    cadres: int
    facility: float
    discrimination: float | None
    mean_ms: float
    top_wrong: str | None = None
    top_wrong_count: int = 0
    key_count: int = 0
    flags: tuple[str, ...] = ()

    @property
    def needs_checking(self) -> bool:
        return bool(self.flags)


def choice_label(record: QuestionRecord, answer_json: str) -> str | None:
    """A choice answer as a cadre reads it (``B``, ``ACD``, ``正确``); None for other types."""
    try:
        value = json.loads(answer_json)
    except ValueError:
        return None
    question = record.question
    if isinstance(question, SingleQuestion) and isinstance(value, str):
        return value
    if isinstance(question, MultipleQuestion) and isinstance(value, list):
        return "".join(sorted(str(v) for v in value)) or NOTHING_CHOSEN
    if isinstance(question, JudgeQuestion) and isinstance(value, bool):
        return JUDGED_TRUE if value else JUDGED_FALSE
    return None


def discrimination(
    item_answers: Sequence[FirstAnswer], totals: Mapping[int, tuple[int, int]]
) -> float | None:
    """Upper third minus lower third: the share correct among the best third of the cadres who
    answered, ranked by their score on the *rest* of the set, minus that of the worst third.

    ``totals`` maps each cadre to (right, answered) over the whole set. Cadres who answered
    nothing else cannot be ranked and are left out. Cadres tied on their rest score share their
    group's mean, so a tie across a third's boundary does not depend on who is listed first.
    """
    rests: dict[float, list[bool]] = defaultdict(list)
    for answer in item_answers:
        right, answered = totals[answer.user_id]
        if answered > 1:
            rests[(right - answer.correct) / (answered - 1)].append(answer.correct)
    ranked: list[float] = []  # best first; each cadre counts their tie block's mean
    for rest in sorted(rests, reverse=True):
        block = rests[rest]
        ranked += [fmean(block)] * len(block)
    if len(ranked) < MIN_CADRES_FOR_DISCRIMINATION:
        return None
    third = len(ranked) // 3
    return fmean(ranked[:third]) - fmean(ranked[-third:])


def _flags(
    disc: float | None, top: tuple[str, int] | None, key: str, key_count: int, n: int
) -> tuple[str, ...]:
    flags = []
    if disc is not None and disc < 0:
        flags.append(msg("区分度为负（{disc:.2f}）：高分学员反而答错更多", disc=disc))
    if top is not None and n >= MIN_ANSWERS_FOR_KEY_CHECK and top[1] > key_count:
        flags.append(
            msg(
                "错误选项 {wrong} 的选择人数（{wrong_count}）多于正确答案 {key}（{key_count}），请核对答案",
                wrong=top[0],
                wrong_count=top[1],
                key=key,
                key_count=key_count,
            )
        )
    return tuple(flags)


def _item(
    record: QuestionRecord,
    answers: Sequence[FirstAnswer],
    totals: Mapping[int, tuple[int, int]],
    attempts: tuple[int, float],
) -> ItemStats:
    labels = Counter(
        label for a in answers if (label := choice_label(record, a.answer_json)) is not None
    )
    key = key_text(record.question)
    wrong = [(label, n) for label, n in labels.most_common() if label != key]
    top = wrong[0] if wrong else None
    disc = discrimination(answers, totals)
    choice = isinstance(record.question, SingleQuestion | MultipleQuestion | JudgeQuestion)
    return ItemStats(
        question_pk=record.pk,
        bank_id=record.bank_id,
        qid=record.question.id,
        type=record.question.type,
        stem=display_stem(record.question.stem),
        key=key if choice else "",
        tags=record.tags,
        attempts=attempts[0],
        cadres=len(answers),
        facility=fmean(a.correct for a in answers),
        discrimination=disc,
        mean_ms=attempts[1],
        top_wrong=top[0] if top else None,
        top_wrong_count=top[1] if top else 0,
        key_count=labels.get(key, 0),
        flags=_flags(disc, top, key, labels.get(key, 0), len(answers)),
    )


def _item_order(item: ItemStats) -> tuple[bool, float, str, str]:
    return (not item.needs_checking, item.facility, item.bank_id, item.qid)


def analyse_items(
    first: Sequence[FirstAnswer],
    records: Mapping[int, QuestionRecord],
    attempts: Mapping[int, tuple[int, float]],
) -> list[ItemStats]:
    """Item statistics: questions needing checking first, then the hardest.

    Args:
        first: each cadre's first answer to each question in scope.
        records: the questions, by pk.
        attempts: per question pk, (all answers in scope, mean duration in ms).
    """
    by_item: dict[int, list[FirstAnswer]] = defaultdict(list)
    totals: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for answer in first:
        by_item[answer.question_pk].append(answer)
        right, answered = totals[answer.user_id]
        totals[answer.user_id] = (right + answer.correct, answered + 1)
    items = [
        _item(records[pk], answers, totals, attempts.get(pk, (len(answers), 0.0)))
        for pk, answers in by_item.items()
        if pk in records
    ]
    return sorted(items, key=_item_order)
